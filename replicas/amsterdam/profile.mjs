/**
 * Amsterdam's Notubiz replica dataset, as scripts/generate-notubiz-replica-data.mjs generates it
 * (`node scripts/generate-notubiz-replica-data.mjs --city amsterdam`). Data about the city, not
 * code: its organisations as the dataset names them (their ids are cities.yaml's), gremia, agenda
 * pools, meeting plan, and the dataset's README. Organisation ids: Open Raadsinformatie's
 * ocd_backend/sources/ori.notubiz.yaml (Nieuw-West: amsterdam_nieuw-west, 2328).
 */

/** Seeds of the two random streams (the second for what was added later, so that the first stays as it was). */
export const seeds = { main: 0x4e4f5442, results: 0x5549544c };
/** First ids (they grow with the meeting date, like Notubiz's). */
export const firstIds = { meeting: 1_163_400, item: 12_468_000, document: 13_104_000, moduleItem: 84_310, laterModuleItem: 86_000 };
/** The real Notubiz meeting included unchanged (its attributes back to the raw list), relative to the repository root. */
export const realSample = 'test/fixtures/amsterdam/amsterdam-notubiz-meeting.json';
/** Where the council and its committees meet (meeting Locatie), by gremium key. */
export const cityHall = 'Stadhuis, Amstel 1';
export const committeeRooms = { AZ: 'Commissiekamer 1', FIN: 'Commissiekamer 2', RO: 'Raadzaal', VVL: 'Commissiekamer 3', OJZ: 'Commissiekamer 1', KC: 'Commissiekamer 3' };
/** Titles the council and committee agendas use for this city. */
export const texts = {
  initiative: 'Amsterdam speelt buiten',
  councilConfidential: 'Bekrachtigen van de geheimhouding op de bijlagen bij de actualisatie van de grondexploitaties',
  committeeConfidential: [
    ['Vertrouwelijke toelichting op de actualisatie van de grondexploitaties 2025', 'Vertrouwelijke bijlage actualisatie grondexploitaties 2025'],
    ['Vertrouwelijke informatie over de verkoop van erfpachtrechten op het Zeeburgereiland', 'Vertrouwelijke notitie erfpacht Zeeburgereiland'],
  ],
};

/** The municipality first, then its districts (short names: "Stadsdeelcommissie {name}"). */
export const organisations = [
  { id: 281, name: 'Gemeente Amsterdam', location: 'Raadzaal, Stadhuis, Amstel 1' },
  { id: 547, name: 'Centrum', location: 'Stadsdeelkantoor Centrum, Amstel 1' },
  { id: 977, name: 'Noord', location: 'Stadsdeelkantoor Noord, Buikslotermeerplein 2000' },
  { id: 1413, name: 'West', location: 'Stadsdeelkantoor West, Bos en Lommerplein 250' },
  { id: 1424, name: 'Zuid', location: 'Stadsdeelkantoor Zuid, President Kennedylaan 923' },
  { id: 1425, name: 'Oost', location: 'Stadsdeelkantoor Oost, Oranje-Vrijstaatplein 2' },
  { id: 2122, name: 'Zuidoost', location: 'Stadsdeelkantoor Zuidoost, Anton de Komplein 150' },
  // ORI's ori.notubiz.yaml: amsterdam_nieuw-west, notubiz_organization_id 2328.
  { id: 2328, name: 'Nieuw-West', location: 'Stadsdeelkantoor Nieuw-West, Osdorpplein 1000' },
];

/** [id, title, key] of the municipality's gremia; keys are used by the meeting plan below. */
export const gremia = [[4966, 'Gemeenteraad', 'raad'], [4968, 'Raadscommissie Algemene Zaken', 'AZ'], [4972, 'Raadscommissie Financiën', 'FIN'],
    [4973, 'Raadscommissie Ruimtelijke Ordening, Wonen', 'RO'], [4975, 'Raadscommissie Verkeer, Vervoer en Luchtkwaliteit', 'VVL'],
    [4977, 'Raadscommissie Onderwijs, Jeugd en Zorg', 'OJZ'], [4979, 'Raadscommissie Kunst en Cultuur', 'KC'],
    [7184, 'Raadscommissie Klimaat, Energie en Duurzaamheid', 'KED']];
/** Per district: the ids of its former Bestuurscommissie (no meetings), its Stadsdeelcommissie and its Dagelijks bestuur. */
export const districtGremia = { 547: [5310, 8120, 8121], 977: [5312, 8124, 8125], 1413: [5318, 8128, 8129], 1424: [5320, 8132, 8133], 1425: [5321, 8136, 8137], 2122: [5326, 8140, 8141],
  2328: [5328, 8144, 8145] };

/** The city's parties (real names) for the vote explanations. */
export const parties = ['GroenLinks', 'PvdA', 'D66', 'VVD', 'PvdD', 'SP', 'Volt', 'CDA', 'JA21', 'DENK', 'BIJ1', 'FvD'];
export const motionTopics = ['meer bomen op het Mercatorplein', 'gratis zwemles voor alle Amsterdamse kinderen', 'het behoud van buurthuis De Meevaart',
  'een onderzoek naar een leegstandsheffing voor winkelpanden', 'extra handhaving op fatbikes in het Vondelpark', 'openbare toiletten langs de Amstel',
  'zero-emissie bevoorrading in De Pijp', 'het versneld plaatsen van laadpalen in Zuidoost', 'betaalbare ateliers op de NDSM-werf',
  'schoolstraten in Nieuw-West', 'funderingsherstel in de Rivierenbuurt', 'meer woningen voor ouderen in Buitenveldert',
  'een hitteplan voor de Indische Buurt', 'een nachtpont naar de NDSM-werf', 'toegankelijke stembureaus', 'het verduurzamen van sportparken',
  'betere fietsparkeerplekken bij station Sloterdijk', 'kortere wachtlijsten in de jeugdzorg', 'een armoedetoets bij nieuwe verordeningen',
  'veilige oversteekplaatsen op de Wibautstraat', 'het openhouden van de bibliotheek in Osdorp', 'minder drukte op de Wallen'];
export const amendmentTopics = ['het schrappen van de bezuiniging op de Openbare Bibliotheek', 'extra middelen voor het onderhoud van bruggen en kademuren',
  'het verhogen van het budget voor buurtbudgetten', 'dekking uit de algemene reserve voor schoolzwemmen', 'een structurele bijdrage aan de voedselbanken',
  'het ophogen van de toeristenbelasting voor cruisepassagiers', 'extra jongerenwerkers in Noord en Zuidoost'];
export const portfolioItems = {
  Wonen: ['Wijziging van de Huisvestingsverordening Amsterdam in verband met de opkoopbescherming', 'Vaststellen van de Verordening doelgroepen woningbouw {N}'],
  'Ruimtelijke Ordening': ['Vaststellen van het Omgevingsplan Amsterdam, wijziging Hamerkwartier fase 2', 'Vaststellen van het Investeringsbesluit Sluisbuurt, tweede fase',
    'Vaststellen van het Omgevingsplan Amsterdam, wijziging Haven-Stad Sloterdijk-Centrum'],
  'Verkeer en Vervoer': ['Beschikbaar stellen van een uitvoeringskrediet voor de vervanging van de kademuren aan de Nieuwe Herengracht',
    'Vaststellen van het Uitvoeringsplan Amsterdam Autoluw {N}-{N4}', 'Beschikbaar stellen van een krediet voor de herinrichting van de Sarphatistraat'],
  Onderwijs: ['Vaststellen van het Integraal Huisvestingsplan Primair Onderwijs {N}-{N4}'],
  Zorg: ['Vaststellen van de Verordening maatschappelijke ondersteuning Amsterdam {N}'],
  'Kunst en Cultuur': ['Vaststellen van de Subsidieregeling Kunst en Cultuur {N}', 'Beschikbaar stellen van een krediet voor de renovatie van de Stadsschouwburg'],
  Duurzaamheid: ['Vaststellen van de Transitievisie Warmte Amsterdam {N}', 'Wijziging van de Verordening milieuzones in verband met de uitbreiding van de zero-emissiezone'],
  Financiën: ['Vaststellen van de Verordening toeristenbelasting {N}', 'Vaststellen van de Nota Grondprijsbeleid {N}'],
  'Algemene Zaken': ['Vaststellen van de Verordening op de stadsdeelcommissies {N}', 'Benoeming van een lid van de Rekenkamer Metropool Amsterdam',
    'Wijziging van de Algemene Plaatselijke Verordening in verband met cameratoezicht op het Leidseplein'],
};
export const committees = {
  FIN: { abbr: 'FIN', name: 'Financiën', portfolios: ['Financiën', 'Gemeentelijk Vastgoed', 'Inkoop'], items: ['Raadsinformatiebrief over de tweede voortgangsrapportage van de begroting',
    'Jaarverslag Treasury {P}', 'Kwartaalrapportage Gemeentelijk Vastgoed, derde kwartaal', 'Rapport van de Rekenkamer Metropool Amsterdam over subsidieverstrekking',
    'Beantwoording schriftelijke vragen over de kosten van de tijdelijke huisvesting van het Stadsarchief', 'Actualisatie van het Meerjarenprogramma Investeringen'] },
  AZ: { abbr: 'AZ', name: 'Algemene Zaken', portfolios: ['Algemene Zaken', 'Bestuurlijke Vernieuwing'], items: ['Jaarverslag Ombudsman Metropool Amsterdam {P}',
    'Raadsinformatiebrief over de evaluatie van het bestuursmodel stadsdelen 2022', 'Voortgang van de aanpak ondermijning', 'Jaarverslag Bezwaar en Beroep {P}',
    'Raadsinformatiebrief over de toegankelijkheid van stembureaus', 'Jaarverslag van de stadsdeelcommissies {P}'] },
  RO: { abbr: 'RO', name: 'Ruimtelijke Ordening, Wonen', portfolios: ['Ruimtelijke Ordening', 'Wonen'], items: ['Voortgangsrapportage Zuidas {P}',
    'Raadsinformatiebrief over de stand van zaken Sluisbuurt', 'Monitor woningbouwproductie {P}', 'Startbesluit Haven-Stad Coenhaven', 'Evaluatie van de opkoopbescherming',
    'Raadsinformatiebrief over de voortgang van de woningbouw op het Zeeburgereiland'] },
  VVL: { abbr: 'VVL', name: 'Verkeer, Vervoer en Luchtkwaliteit', portfolios: ['Verkeer en Vervoer', 'Luchtkwaliteit'], items: ['Voortgangsrapportage Programma Bruggen en Kademuren',
    'Evaluatie van de proef met deelscooters in Nieuw-West', 'Luchtkwaliteitsmonitor Amsterdam {P}', 'Raadsinformatiebrief over de hinder rond de renovatie van de Stadhouderskade',
    'Evaluatie van 30 km/u in de stad', 'Voortgang van de aanleg van de Noord/Zuidlijn-verlenging naar Schiphol'] },
  OJZ: { abbr: 'OJZ', name: 'Onderwijs, Jeugd en Zorg', portfolios: ['Onderwijs', 'Jeugd', 'Zorg'], items: ['Monitor jeugdhulp {P}',
    'Raadsinformatiebrief over het lerarentekort in het primair onderwijs', 'Voortgang van de aanpak dakloosheid', 'Evaluatie van het schoolzwemmen',
    'Raadsinformatiebrief over de wachtlijsten in de jeugd-ggz', 'Jaarverslag Leerplicht {P}'] },
  KC: { abbr: 'KC', name: 'Kunst en Cultuur', portfolios: ['Kunst en Cultuur', 'Monumenten'], items: ['Voortgang van het Kunstenplan 2025-2028',
    'Raadsinformatiebrief over de toekomst van het gebouw De Bazel', 'Jaarverslag Amsterdams Fonds voor de Kunst {P}', 'Erfgoedagenda {N}',
    'Raadsinformatiebrief over de broedplaatsen in Noord', 'Evaluatie van de pilot met 24-uursvergunningen voor clubs'] },
};
export const districts = {
  547: { areas: ['Burgwallen-Oude Zijde', 'Burgwallen-Nieuwe Zijde', 'Grachtengordel', 'Jordaan', 'Weesperbuurt/Plantage'],
    items: ['Advies over de drukte in het Wallengebied', 'Herinrichting van de Nieuwmarkt, vaststellen voorlopig ontwerp', 'Advies over het vaarbeleid in de grachten',
      'Vaststellen van het Gebiedsplan Centrum {N}', 'Herinrichting van de Elandsgracht'] },
  977: { areas: ['Oostzanerwerf', 'Volewijck', 'IJplein/Vogelbuurt', 'Banne Buiksloot', 'Waterland'],
    items: ['Herinrichting van de Van der Pekstraat, vaststellen definitief ontwerp', 'Advies over de ontwikkeling van het Hamerkwartier',
      'Vaststellen van het Gebiedsplan Noord {N}', 'Advies over de pontverbindingen over het IJ', 'Vergroening van het Mosplein'] },
  1413: { areas: ['Bos en Lommer', 'De Baarsjes', 'Westerpark', 'Oud-West'],
    items: ['Herinrichting van de Jan Evertsenstraat', 'Advies over de marktverordening, Ten Katemarkt', 'Vaststellen van het Gebiedsplan West {N}',
      'Evenementenkader Westergasterrein {N}', 'Advies over het Omgevingsplan Amsterdam, wijziging Sloterdijk-Centrum'] },
  1424: { areas: ['De Pijp', 'Rivierenbuurt', 'Buitenveldert/Zuidas', 'Oud-Zuid'],
    items: ['Herinrichting van de Ferdinand Bolstraat', 'Advies over het bomenbeleid in Zuid', 'Evenementen in het Vondelpark {N}',
      'Vaststellen van het Gebiedsplan Zuid {N}', 'Advies over de bereikbaarheid van Buitenveldert tijdens de bouw van Zuidasdok'] },
  1425: { areas: ['Indische Buurt', 'Oostelijk Havengebied', 'Watergraafsmeer', 'IJburg/Zeeburgereiland', 'Dapperbuurt'],
    items: ['Vaststellen van het stedenbouwkundig plan Sumatraplantsoen', 'Herinrichting van de Javastraat', 'Subsidieregeling buurtinitiatieven Oost {N}',
      'Advies over de sportvoorzieningen op Zeeburgereiland', 'Advies over de woningbouwplannen op het Zeeburgereiland'] },
  2328: { areas: ['Osdorp', 'Slotervaart', 'Geuzenveld-Slotermeer', 'De Aker, Sloten en Nieuw-Sloten'],
    items: ['Herinrichting van het Osdorpplein', 'Vaststellen van het Gebiedsplan Nieuw-West {N}', 'Advies over de vernieuwing van de oevers van de Sloterplas',
      'Evenementen in het Sloterpark {N}', 'Advies over de woningbouw rond het Lelylaan-station'] },
  2122: { areas: ['Bijlmer-Centrum', 'Bijlmer-Oost', 'Gaasperdam', 'Driemond'],
    items: ['Vernieuwing van het Anton de Komplein', 'Vaststellen van het Gebiedsplan Zuidoost {N}', 'Advies over de herinrichting van het Bijlmerpark',
      'Evenementen in Gaasperpark {N}', 'Advies over het vervoersplan rond station Bijlmer ArenA'] },
};

/**
 * The meeting plan (dates are real weekdays; everything else is invented): R the council, C(key) a
 * committee, S(org) a district's committee, as the generator defines them.
 */
export const plan = ({ R, C, S }) => [
  ['2024-01-24', { ...R, modules: true }], ['2024-07-03', { ...R, secondDay: true }], ['2024-11-06', { ...R, secondDay: true, label: true }],
  ['2025-02-12', { ...R, initiative: true }], ['2025-07-02', { ...R, secondDay: true, label: true }], ['2025-11-05', { ...R, secondDay: true, besloten: true }],
  ['2026-03-26', { ...R, kind: 'installatie', start: [19, 30], end: [22, 0] }], ['2026-07-08', { ...R, secondDay: true }],
  ['2026-11-04', { ...R, secondDay: true }], ['2026-12-16', { ...R }],
  ['2024-02-15', C('RO', { nested: true })], ['2024-05-16', C('VVL', { canceled: 'agenda' })], ['2024-06-20', C('FIN')],
  ['2024-10-10', C('AZ', { end: null })], ['2025-01-16', C('OJZ', { nested: true, start: [19, 30], end: [22, 30] })], ['2025-04-17', C('VVL')],
  ['2025-06-19', C('FIN', { nested: true })], ['2025-09-11', C('RO')], ['2025-10-23', C('FIN', { besloten: true, restricted: true, start: [9, 30], end: [11, 0] })],
  ['2026-04-16', C('AZ', { canceled: 'empty' })], ['2026-09-10', C('KC', { nested: true })], ['2026-12-03', C('FIN')],
  ['2024-03-12', S(547)], ['2025-03-04', S(547, { g: 'db', db: true, restricted: true, start: [10, 0], end: [12, 0] })], ['2025-10-14', S(547, { nested: true })],
  ['2024-04-09', S(977, { modules: true })], ['2025-05-13', S(977, { nested: true })], ['2026-12-08', S(977)],
  ['2024-09-17', S(1413, { canceled: 'empty' })], ['2025-11-18', S(1413, { nested: true, modules: true })],
  ['2025-02-11', S(1424)], ['2026-06-09', S(1424, { start: [20, 0], end: null })],
  ['2024-12-10', S(1425)], ['2026-02-10', S(1425, { nested: true })], ['2026-10-06', S(1425, { g: 'db', db: true, restricted: true, start: [9, 0], end: [11, 30] })],
  ['2025-09-23', S(2122, { modules: true })], ['2027-01-19', S(2122, { inactive: true })],
];
/**
 * Nieuw-West came later: its meetings are generated after all the others (so that those stay as they were), and their ids, drawn
 * after everyone else's, are above them instead of in date order.
 */
export const laterPlan = ({ S }) => [['2024-06-11', S(2328)], ['2025-06-10', S(2328, { nested: true, modules: true })], ['2026-12-15', S(2328)]];

/** What the generator checks besides the shapes: at least these many. */
export const expect = {
  meetings: 36, councilMeetings: 8, committeeMeetings: 10, committees: [5, 7], committeesMet: 4, districtMeetings: 12, districts: 4,
  nestedMeetings: 6, labels: [1, 2], modules: 5, everyOutcome: true, oneUnmappedResult: 'vervallen', maxMegabytes: 2,
};

/** The dataset's README (n: counts; h: the generator's NOW and organisations). */
export const readme = (n, h) => `# Amsterdam Notubiz replica: default offline dataset

Data served by the local replica of the Notubiz API (\`https://api.notubiz.nl\`, \`format=json&version=1.17.0\`) as the City of
Amsterdam uses it. **Generated** by \`scripts/generate-notubiz-replica-data.mjs\` from \`replicas/amsterdam/profile.mjs\` (deterministic: seeded PRNG, fixed "today"
${h.NOW}); do not edit by hand, change the generator and run \`node scripts/generate-notubiz-replica-data.mjs --city amsterdam\` (it regenerates and
then checks counts and cross-references; \`--check\` only checks).

| File | Endpoint | Envelope |
|---|---|---|
| \`organisations.json\` | \`GET /organisations\` | \`{"organisations":{"organisation":[...]}}\` (XML-to-JSON style: \`"@attributes":{"id":"281"}\`) |
| \`gremia/{orgId}.json\` | \`GET /organisations/{orgId}/gremia\` | \`{"gremia":[...]}\`; one per organisation the subgraph is configured for (the organisation and \`districts\` of its settings in cities.yaml): a missing one answers 404, which fails the sync |
| \`meetings/{id}.json\` | \`GET /events/meetings/{id}\` | \`{"meeting":{...}}\` (${n.meetings} meetings) |
| \`module_items/{id}.json\` | \`GET /module_items/{id}\` (the \`self\` of an agenda item's \`module_items[]\`) | \`{"item":{...}}\` (${n.moduleItems} items) |

Organisations (ids from ORI's \`ori.notubiz.yaml\`): 281 Gemeente Amsterdam, stadsdelen 547 Centrum, 977 Noord, 1413 West, 1424 Zuid,
1425 Oost, 2122 Zuidoost, 2328 Nieuw-West.

## What is real

* Meeting **458902** (raadscommissie Financiën, 2018-02-08) is the real Notubiz response dumped by Open Raadsinformatie
  (\`openstate/open-raadsinformatie@e5cad5bc:tests/ocd_backend/test_dumps/notubiz_meeting_amsterdam.json\`, copied to
  \`test/fixtures/amsterdam/amsterdam-notubiz-meeting.json\` with its \`.source.txt\`). All values are unchanged (the JSON is
  re-serialised, pretty-printed), except \`attributes\`: ORI's extractor had turned the raw list into \`{label: value}\`;
  here it is the raw list again, \`[{"id":2,"value":""},{"id":1,"value":"raadscommissie Financiën"},{"id":3,"value":""}]\`,
  using the field ids of \`organisations.json\`, in the dict's order (ORI built the dict by walking the raw list). Its agenda is
  flat as in the dump (every item has \`parent\` null and no children) and keeps its six \`order: null\` items.
  The file holds it under \`{"meeting": ...}\` like the live API; the dump itself is the bare meeting object.
* Gremium id 4972 (Raadscommissie Financiën) and the organisation ids; the document type ids 1 Document, 15 Tekststuk,
  19 Notulen, 47 Flap, 135 Tknlijst, 349 Uitslagenlijst (seen in the sample). The addresses of the city hall and the district offices are real (public knowledge, not from
  the stored sources).

## What is generated

Everything else: organisation field settings and logos, gremium ids other than 4972, ${n.meetings - 1} meetings (2024-01..2027-01),
their agenda items, documents and the module items. Dates of meetings are real weekdays; the meetings did not take place as
described. People (members, aldermen, chairs) are **fictional**; places, streets, districts and institutions are real names used in
invented agenda items. Shapes copy the sample (key order included). Where the sample is silent the generator chose:

* **Field ids** (\`settings.folder.fields.field\`, the same for all ${h.organisations.length} organisations): "1" Titel, "2" Locatie, "3" Omschrijving,
  "4" Voorzitter (meetings; agenda points use id 1 for their title, as in the sample); module items label their own attributes
  (below). \`@attributes.id\` is a string, the attribute ids in meetings and agenda items are integers:
  compare them as strings (a strict Python dict lookup as in ORI's extractor would find no label). Logos are
  \`https://api.notubiz.nl/organisations/{id}/logo.png\` (invented).
* **Gremia**: Gemeenteraad 4966, raadscommissies 4968 AZ, 4972 FIN, 4973 RO/Wonen, 4975 VVL, 4977 OJZ, 4979 KC, 7184 KED; per
  district a former "Bestuurscommissie {Naam}" (no meetings), "Stadsdeelcommissie {Naam}" and "Dagelijks bestuur {Naam}" (Nieuw-West:
  5328, 8144, 8145).
* **Meetings**: \`body\` is "council" everywhere, \`live\`/\`template\` false, \`salutation\`/\`parent\`/\`order\` null, meeting-level
  \`module_items\` []. Generated meetings add \`canceled\` and \`inactive\` (booleans, last keys), which ORI's transformer reads; the
  real sample has neither. \`attributes\` order: Locatie, Titel, Omschrijving (as in the sample), plus Voorzitter for stadsdeelcommissies.
  Two-day council meetings have two \`plannings\`; some \`end_date\`s are null (as in the sample).
  Non-public meetings have \`permission_group\` **"restricted"** (ORI only checks \`!= "public"\`; the real non-public value is
  not in our sources), \`confidential\` 1 and \`announcement\` false. The real API answers those with "No rights to see this
  meeting"; the files hold the full meeting so that the replica can choose. Cancelled meetings: \`canceled\` true, description
  "Deze vergadering is komen te vervallen.", agenda kept or empty, no results list. The inactive meeting has no agenda and
  \`announcement\` false. \`creation_date\` lies 2-5 months before the meeting; \`last_modified\` is the latest change of its
  items and documents (never after ${h.NOW}). Held meetings carry an Uitslagenlijst (city) or Besluitenlijst (districts; the
  Gemeenteraad has both) and later the minutes (Notulen).
* **Agenda items**: \`title_prefix\` "1." on top level, "7.1" for children, "7.1.a" for grandchildren, "TKN n" on the
  committees' ter-kennisnamelijst; headings have prefix null. Children sit in their parent's \`agenda_items\` with \`parent\` set and
  \`order\` restarting at 1. Item \`last_modified\` is the agenda publication time (headings: the meeting's creation time).
  Labels (\`type\` "label") have the same \`type_data\` shape with \`self\` \`api.notubiz.nl/agenda_items/labels/{id}\` (a guess).
* **Documents**: type ids added by us: 11 Agenda, 16 Brief, 17 Bijlage, 21 Raadsvoorstel, 22 Voordracht, 23 Raadsbesluit,
  24 Besluit, 25 Initiatiefvoorstel, 31 Motie, 32 Amendement, 350 Besluitenlijst. Version 2 documents either list only the
  current version (as the sample's Flap documents do) or both versions (\`_concept\` file for version 1). File names are either
  Documentum-style \`09012f97xxxxxxxx.pdf\` (as in the sample) or the title; \`case_code\` looks like "Z-2025-012345" (invented
  format); \`policy_field\` holds the portfolio on proposals; \`date\` is the meeting date on about 60% of the documents
  published before the meeting and "" otherwise (the sample mixes both); \`category\` and \`description\` are "". Results lists (Uitslagenlijst, Besluitenlijst) and minutes are
  published after the meeting and only up to ${h.NOW}. A motion or amendment is an agenda item (child of the proposal, or
  grandchild under "Moties bij ..."/"Amendementen bij ...") with its Motie/Amendement document, published on the day of the
  meeting or the day after; when the item links a module item, the document sits in the module item only (its Hoofddocument). Proposals of
  Gemeenteraad meetings carry Raadsvoorstel + Raadsbesluit, raadscommissies Voordracht + Bijlage, stadsdeelcommissies
  Voordracht + Besluit (decisions) or Voordracht + Brief "Conceptadvies" (advice); all documents of one proposal share a
  publication date. Documents of upcoming meetings are published by ${h.NOW} at the latest; upcoming meetings have no motions.
* **Agenda content**: council agendas follow Amsterdam's order (Mededelingen, agenda, notulen, Termijnagenda, ingekomen stukken,
  Vragenuur, proposals under portfolio headings); July meetings carry the Jaarrekening and Voorjaarsnota, November meetings the
  Begroting; 2026-03-26 is an installation meeting after the municipal elections. Committee agendas copy the sample's structure
  (TIJD heading, procedural part, portfolio headings, "TER KENNISNAMELIJST" with "TKN n" items and "BD{year}-{n}" numbers).
  Years in titles follow the meeting date.
* **Module items**: \`module_items: [{"id", "self": "api.notubiz.nl/module_items/{id}"}]\` on agenda items (the \`self\` path is
  our guess; ORI's extractor follows whatever it says and keeps the answer's \`item\`). The item is
  \`{"item":{"id","module":{"id","title"},"title","attributes":[...],"created","last_modified"}}\`; its attributes are in the shape
  ORI's transformer (\`ocd_backend/transformers/notubiz_meeting.py\`, the version that reads \`module_item_contents\`) reads in
  version 1.17.0: each labelled by itself, \`{"id","label","datatype","values":[...]}\`, a document attribute (datatype "document",
  e.g. Hoofddocument) holding \`{"document":{...}}\` values. Text values are \`{"value": "..."}\` and persons
  \`{"reference_model":"person","value": "..."}\` (ours: ORI shows only document values; older versions, 1.10.8, wrote a text in
  \`value\` and references in \`values.value[]\` with \`@cdata\`); \`id\`, \`module\`, \`title\`, \`created\`, \`last_modified\` and the
  datatypes other than "document" are ours too. Labels and ids of motions and amendments are Amsterdam's as two public clients of
  its Notubiz read them (wissebarkhof/verkiezing-vibecheck@b0d6b16d \`app/services/notubiz.py\`, CivicStat/CivicStat@9d5e9735
  \`.claude/worktrees/unruffled-hermann/packages/etl/src/municipal/notubiz-client.ts\`): Titel (1), Type (45: Motie, Amendement; ours also Raadsvoorstel, Voordracht,
  Toezegging), Datum indiening (15, a local time), Indiener(s) (36), Hoofddocument (2), **Uitslag** (62, the result, lower case:
  "aangenomen", "verworpen", "ingetrokken", "aangehouden", and here also "Aangenomen", "unaniem aangenomen", "aangenomen met de
  stemmen van X en Y tegen", "verworpen met de stemmen van X voor", "geamendeerd aangenomen", "voor kennisgeving aangenomen" and one
  "vervallen", a wording the subgraph does not map) and sometimes Toelichting (35, how the vote went, raw HTML). Only items of held
  meetings have an Uitslag. Modules: 1181 Moties, 1182 Amendementen, 1183 Toezeggingen, 1184 Raadsvoorstellen, 1185 Voordrachten.
  About 60% of the council's proposals and 40% of the districts' decisions are also a module item (no documents; their Uitslag
  "geamendeerd aangenomen" when one of their amendments was adopted). Toezeggingen have Titel, Type, Datum (the meeting date),
  Portefeuillehouder and Status (Openstaand, Afgedaan) (labels ours), and once afgedaan Datum afdoening (17) and Document afdoening
  (21, an "Afdoeningsbrief"). Results and proposals' module items come from a second random stream, so that the rest of the dataset
  stayed as it was.
* **Ids**: meetings from 1 163 400, agenda items from 12 468 000, documents from 13 104 000, module items from 84 310, growing
  with the meeting date; all unique across the dataset. Two exceptions, added later: Nieuw-West's meetings (and their items and
  documents) are generated after all others, so their ids are above everyone else's; proposals' module items are numbered from 86 000.
`;
