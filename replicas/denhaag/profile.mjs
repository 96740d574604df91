/**
 * Den Haag's Notubiz replica dataset, as scripts/generate-notubiz-replica-data.mjs generates it
 * (`node scripts/generate-notubiz-replica-data.mjs --city denhaag`). Data about the city, not code.
 *
 * Real: the organisation id 318 (Open Raadsinformatie, ocd_backend/sources/ori.notubiz.yaml, entry
 * den_haag, commit e6491c5c22153427b5d6d5471d6aabb830a6f595; also cities.yaml), the council and its
 * three committees (Bestuur, Leefomgeving, Samenleving), the city hall's address (Spui 70) and the
 * names of parties, places and institutions (public knowledge). Generated: everything else (gremium
 * ids, meetings, agendas, documents, module items, people); see the README the generator writes.
 */

/** Seeds of the two random streams. */
export const seeds = { main: 0x44484147, results: 0x52455355 };
/** First ids (they grow with the meeting date, like Notubiz's); invented, apart from Amsterdam's ranges. */
export const firstIds = { meeting: 1_404_200, item: 14_870_000, document: 15_220_000, moduleItem: 91_500, laterModuleItem: 95_000 };
/** No real Den Haag meeting is in our sources: every meeting is generated. */
export const realSample = null;
export const cityHall = 'Stadhuis, Spui 70';
export const committeeRooms = { BES: 'Commissiezaal 1', LO: 'Raadzaal', SL: 'Commissiezaal 2' };
export const texts = {
  initiative: 'Groene schoolpleinen in elke Haagse wijk',
  councilConfidential: 'Bekrachtigen van de geheimhouding op de bijlagen bij de grondexploitatie Binckhorst',
  committeeConfidential: [
    ['Vertrouwelijke toelichting op de grondexploitatie Binckhorst', 'Vertrouwelijke bijlage grondexploitatie Binckhorst'],
    ['Vertrouwelijke informatie over de verkoop van de gemeentelijke panden aan de Lange Voorhout', 'Vertrouwelijke notitie verkoop panden Lange Voorhout'],
  ],
  // Den Haag numbers its council information (raadsinformatiesysteem) documents RIS…
  numberPrefix: 'RIS',
};

/** Den Haag has no districts with their own Notubiz organisation: the municipality only. */
export const organisations = [{ id: 318, name: 'Gemeente Den Haag', location: 'Raadzaal, Stadhuis, Spui 70' }];

/** [id, title, key]: the council and its three committees (the committee names are Den Haag's; the ids are invented). */
export const gremia = [[3201, 'Gemeenteraad', 'raad'], [3204, 'Commissie Bestuur', 'BES'], [3205, 'Commissie Leefomgeving', 'LO'], [3206, 'Commissie Samenleving', 'SL']];
export const districtGremia = {};

/** Parties in Den Haag's council (real names) for the vote explanations. */
export const parties = ['Hart voor Den Haag', 'GroenLinks', 'D66', 'VVD', 'PvdA', 'PVV', 'Haagse Stadspartij', 'Partij voor de Dieren', 'CDA', 'DENK', 'SP', 'ChristenUnie/SGP', 'Volt', 'JA21'];
export const motionTopics = ['meer bomen in de Schilderswijk', 'gratis zwemles voor alle Haagse kinderen', 'het behoud van buurthuis De Mussen',
  'een onderzoek naar leegstand in de binnenstad', 'extra handhaving op de boulevard van Scheveningen', 'openbare toiletten in het Zuiderpark',
  'een autoluwe Haagse Markt', 'het versneld plaatsen van laadpalen in Escamp', 'betaalbare ateliers in de Binckhorst',
  'schoolstraten in het Laakkwartier', 'funderingsherstel in Duinoord', 'meer woningen voor ouderen in Loosduinen',
  'een hitteplan voor Transvaal', 'een betere tramverbinding naar Ypenburg', 'toegankelijke stembureaus', 'het verduurzamen van sportparken',
  'betere fietsparkeerplekken bij station Hollands Spoor', 'kortere wachtlijsten in de jeugdzorg', 'een armoedetoets bij nieuwe verordeningen',
  'veilige oversteekplaatsen op de Lijnbaan', 'het openhouden van de bibliotheek in Mariahoeve', 'minder overlast van vuurwerk in Duindorp'];
export const amendmentTopics = ['het schrappen van de bezuiniging op de bibliotheken', 'extra middelen voor het onderhoud van bruggen en kades',
  'het verhogen van het budget voor wijkinitiatieven', 'dekking uit de algemene reserve voor schoolzwemmen', 'een structurele bijdrage aan de voedselbank Haaglanden',
  'het ophogen van de toeristenbelasting voor Scheveningen', 'extra jongerenwerkers in Escamp en Laak'];
export const portfolioItems = {
  Wonen: ['Vaststellen van de Woonvisie Den Haag {N}', 'Wijziging van de Huisvestingsverordening Den Haag in verband met de opkoopbescherming'],
  'Ruimtelijke Ordening': ['Vaststellen van het Omgevingsplan Den Haag, wijziging Binckhorst', 'Vaststellen van het Investeringsbesluit Central Innovation District'],
  Mobiliteit: ['Beschikbaar stellen van een uitvoeringskrediet voor de vernieuwing van de Koningstunnel', 'Vaststellen van de Mobiliteitsagenda Den Haag {N}-{N4}',
    'Beschikbaar stellen van een krediet voor de herinrichting van de Rijnstraat'],
  Onderwijs: ['Vaststellen van het Integraal Huisvestingsplan Onderwijs Den Haag {N}-{N4}'],
  Zorg: ['Vaststellen van de Verordening maatschappelijke ondersteuning Den Haag {N}'],
  Cultuur: ['Vaststellen van het Haags Cultuurplan {N}-{N4}', 'Beschikbaar stellen van een krediet voor de renovatie van het Zuiderstrandtheater'],
  Duurzaamheid: ['Vaststellen van de Transitievisie Warmte Den Haag {N}', 'Vaststellen van de Verordening milieuzone Den Haag'],
  Financiën: ['Vaststellen van de Verordening toeristenbelasting Den Haag {N}', 'Vaststellen van de Nota Grondbeleid {N}'],
  Bestuurszaken: ['Vaststellen van het Reglement van orde voor de vergaderingen van de raad {N}', 'Benoeming van een lid van de Rekenkamer Den Haag'],
};
export const committees = {
  BES: { abbr: 'BES', name: 'Bestuur', portfolios: ['Financiën', 'Bestuurszaken', 'Veiligheid'], items: ['Raadsinformatiebrief over de tweede bestuursrapportage',
    'Jaarverslag Ombudsman Den Haag {P}', 'Voortgang van de aanpak ondermijning in Scheveningen-Haven', 'Rapport van de Rekenkamer Den Haag over subsidieverstrekking',
    'Raadsinformatiebrief over de jaarwisseling in Duindorp en Scheveningen', 'Actualisatie van het Meerjareninvesteringsprogramma'] },
  LO: { abbr: 'LO', name: 'Leefomgeving', portfolios: ['Wonen', 'Mobiliteit', 'Duurzaamheid'], items: ['Voortgangsrapportage woningbouw {P}',
    'Raadsinformatiebrief over de stand van zaken Binckhorst', 'Monitor Haagse woningmarkt {P}', 'Raadsinformatiebrief over de renovatie van de Koningstunnel',
    'Evaluatie van de parkeerregulering in Scheveningen', 'Luchtkwaliteitsmonitor Den Haag {P}'] },
  SL: { abbr: 'SL', name: 'Samenleving', portfolios: ['Onderwijs', 'Zorg', 'Cultuur'], items: ['Monitor jeugdhulp Den Haag {P}',
    'Raadsinformatiebrief over het lerarentekort in het primair onderwijs', 'Voortgang van de aanpak dakloosheid', 'Evaluatie van het schoolzwemmen',
    'Raadsinformatiebrief over de wachtlijsten in de jeugd-ggz', 'Jaarverslag Leerplicht {P}'] },
};
export const districts = {};

/** The meeting plan (real weekdays: the council on Thursdays, committees on Wednesdays; what happens at them is invented). */
export const plan = ({ R, C }) => [
  ['2024-01-25', { ...R, modules: true }], ['2024-03-14', { ...R }], ['2024-07-11', { ...R, secondDay: true }], ['2024-11-07', { ...R, secondDay: true, label: true }],
  ['2025-02-13', { ...R, initiative: true }], ['2025-07-10', { ...R, secondDay: true, label: true }], ['2025-11-06', { ...R, secondDay: true, besloten: true }],
  ['2026-03-26', { ...R, kind: 'installatie', start: [19, 30], end: [22, 0] }], ['2026-07-09', { ...R, secondDay: true, modules: true }],
  ['2026-11-05', { ...R, secondDay: true }], ['2026-12-10', { ...R }],
  ['2024-02-07', C('LO', { nested: true })], ['2024-05-22', C('SL', { canceled: 'agenda' })], ['2024-06-12', C('BES')], ['2024-09-11', C('SL', { nested: true })],
  ['2024-10-02', C('BES', { end: null })], ['2025-01-22', C('SL', { start: [19, 30], end: [22, 30] })], ['2025-04-09', C('LO')],
  ['2025-05-14', C('BES', { besloten: true, restricted: true, start: [10, 0], end: [12, 0] })], ['2025-06-18', C('BES', { nested: true })],
  ['2025-09-17', C('LO', { restricted: true, besloten: true, start: [9, 30], end: [11, 0] })], ['2025-10-08', C('SL', { nested: true })],
  ['2026-04-15', C('BES', { canceled: 'empty' })], ['2026-09-16', C('LO', { canceled: 'empty' })], ['2026-10-07', C('SL', { restricted: true, besloten: true })],
  ['2026-12-02', C('LO')], ['2027-01-13', C('SL', { inactive: true })],
];

/** What the generator checks besides the shapes: at least these many (one organisation, no districts). */
export const expect = {
  meetings: 25, councilMeetings: 10, committeeMeetings: 14, committees: [3, 3], committeesMet: 3, districtMeetings: 0, districts: 0,
  nestedMeetings: 4, labels: [1, 2], modules: 4, everyOutcome: true, oneUnmappedResult: 'vervallen', maxMegabytes: 2,
  unusedDocumentTypes: ['Besluit'],
};

/** The dataset's README (n: counts; h: the generator's NOW and organisations). */
export const readme = (n, h) => `# Den Haag Notubiz replica: generated offline dataset

Data served by the local replica of the Notubiz API (\`https://api.notubiz.nl\`, \`format=json&version=1.17.0\`) for the
municipality of Den Haag (Notubiz organisation **318**, as Open Raadsinformatie harvests it: \`openstate/open-raadsinformatie\`,
\`ocd_backend/sources/ori.notubiz.yaml\`, entry \`den_haag\`, commit e6491c5c22153427b5d6d5471d6aabb830a6f595).

**Generated**, every file: by \`scripts/generate-notubiz-replica-data.mjs\` from \`replicas/denhaag/profile.mjs\` and Den Haag's entry
in \`cities.yaml\` (deterministic: seeded PRNGs, fixed "today" ${h.NOW}). Do not edit by hand: change the profile (or the
generator) and run \`node scripts/generate-notubiz-replica-data.mjs --city denhaag\` (it regenerates, then checks counts and
cross-references; \`--check\` only checks).

| File | Endpoint | Envelope |
|---|---|---|
| \`organisations.json\` | \`GET /organisations\` | \`{"organisations":{"organisation":[...]}}\` (${h.organisations.length} organisation) |
| \`gremia/318.json\` | \`GET /organisations/318/gremia\` | \`{"gremia":[...]}\` |
| \`meetings/{id}.json\` | \`GET /events/meetings/{id}\` | \`{"meeting":{...}}\` (${n.meetings} meetings) |
| \`module_items/{id}.json\` | \`GET /module_items/{id}\` | \`{"item":{...}}\` (${n.moduleItems} items) |
| \`profile.mjs\` | (not served) | what the generator knows of Den Haag |

## What is real

* The organisation id 318 and that Den Haag has one Notubiz organisation (no districts of its own).
* The council (Gemeenteraad) and its three committees: Commissie Bestuur, Commissie Leefomgeving, Commissie Samenleving.
* The city hall's address (Spui 70), party names, and the places and institutions named in agenda items (public knowledge).
* The shapes: every record copies the real Notubiz meeting in \`test/fixtures/amsterdam/amsterdam-notubiz-meeting.json\`
  (Open Raadsinformatie's dump, source beside it) and the shapes the Amsterdam dataset documents (replicas/amsterdam/README.md).

## What is generated

Everything else: the gremium ids (3201 Gemeenteraad, 3204 Bestuur, 3205 Leefomgeving, 3206 Samenleving), the field settings,
${n.meetings} meetings (2024-01..2027-01: the council on Thursdays, two-day budget meetings in July and November, the installation
after the municipal elections of March 2026; committees on Wednesdays, some cancelled, non-public or inactive), their agendas,
documents (RIS numbers, case codes) and module items (motions, amendments, commitments, the council's proposals, each with its
Uitslag once held). The meetings did not take place as described; people are fictional. Ids: meetings from 1 404 200, agenda items
from 14 870 000, documents from 15 220 000, module items from 91 500 (proposals' from 95 000).
`;
