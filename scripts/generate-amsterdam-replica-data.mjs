#!/usr/bin/env node
/**
 * Generates the default offline dataset of the local Notubiz API replica (https://api.notubiz.nl,
 * as used by the City of Amsterdam) into subgraphs/amsterdam/replica/data/:
 *
 *   organisations.json        GET /organisations                {"organisations":{"organisation":[...]}}
 *   gremia/{orgId}.json       GET /organisations/{id}/gremia     {"gremia":[...]}
 *   meetings/{id}.json        GET /events/meetings/{id}          {"meeting":{...}}
 *   module_items/{id}.json    GET /module_items/{id}             {"item":{...}}
 *   README.md                 what is real, what is generated
 *
 * The real Notubiz meeting sample is read from test/fixtures/amsterdam/ and included with its values
 * unchanged, except that its `attributes` go back to the raw API list (see README). Everything else is
 * generated in the shapes of that sample. Plain Node ESM, no dependencies, deterministic: a seeded
 * PRNG, a fixed "today" (NOW), never Date.now().
 *
 *   node scripts/generate-amsterdam-replica-data.mjs          generate, then check
 *   node scripts/generate-amsterdam-replica-data.mjs --check  only check the files on disk
 */
import { readFileSync, writeFileSync, mkdirSync, rmSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, '..', 'test', 'fixtures', 'amsterdam');
const OUT = join(HERE, '..', 'subgraphs', 'amsterdam', 'replica', 'data');
/** The dataset's "today": meetings after it are upcoming, nothing is published or modified later. */
const NOW = '2026-11-26';
const FIRST_DAY = '2024-01-01';
const LAST_DAY = '2027-01-31';
const SEED = 0x4e4f5442; // "NOTB"
/** A second stream for what was added later (results of module items, proposals' module items), so that the first one, and with it
 * everything generated before, stays as it was. */
const RESULTS_SEED = 0x5549544c; // "UITL"
const API = 'api.notubiz.nl';

// ------------------------------------------------------------------------------------------
// Deterministic randomness and small helpers
// ------------------------------------------------------------------------------------------
function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rand = mulberry32(SEED);
const resultsRand = mulberry32(RESULTS_SEED);
/** Runs fn with the helpers below drawing from another stream. */
function withStream(stream, fn) {
  const saved = rand;
  rand = stream;
  try {
    return fn();
  } finally {
    rand = saved;
  }
}
const ri = (a, b) => a + Math.floor(rand() * (b - a + 1));
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const chance = (p) => rand() < p;
function shuffle(arr) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
/** Cycles through a list in a shuffled order, so that values repeat as little as possible. */
function cycler(list) {
  let queue = [];
  return () => {
    if (!queue.length) queue = shuffle(list);
    return queue.pop();
  };
}
const pad = (n, w = 2) => String(n).padStart(w, '0');
const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
const fileSlug = (s) => ascii(s).replace(/[^A-Za-z0-9()._-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 90);

// --- dates: Europe/Amsterdam wall-clock strings without offset, as Notubiz sends them ---------
const D = (s) => {
  const [y, m, d] = s.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};
const ymd = (t) => t.toISOString().slice(0, 10);
const addDays = (s, n) => {
  const t = D(s);
  t.setUTCDate(t.getUTCDate() + n);
  return ymd(t);
};
const weekday = (s) => (D(s).getUTCDay() + 6) % 7; // 0 = Monday
const ts = (day, hh, mm = 0, ss = 0) => `${day} ${pad(hh)}:${pad(mm)}:${pad(ss)}`;
/** A random office-hours timestamp on a working day on or before `day`, never after NOW. */
function stamp(day) {
  if (day > NOW) day = NOW;
  while (weekday(day) > 4) day = addDays(day, -1);
  return ts(day, day === NOW ? ri(7, 10) : ri(8, 17), ri(0, 59), ri(0, 59));
}
const nlDate = (s) => {
  const [y, m, d] = s.split('-');
  return `${+d} ${MONTHS[+m - 1]} ${y}`;
};
const dotDate = (s) => s.split('-').reverse().join('-');
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
/** The working day on or before s. */
const workdayBefore = (s) => (weekday(s) > 4 ? workdayBefore(addDays(s, -1)) : s);
const maxStamp = (list) => list.filter(Boolean).reduce((a, b) => (b > a ? b : a), '');

// ------------------------------------------------------------------------------------------
// Organisations, field settings, gremia
// ------------------------------------------------------------------------------------------
const ORGS = [
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
const ORG = Object.fromEntries(ORGS.map((o) => [o.id, o]));
/** Field settings (id -> label): meeting attributes use 1-4, agenda point titles 1. Module items label their own attributes (MODULE_FIELDS). */
const FIELDS = [[1, 'Titel'], [2, 'Locatie'], [3, 'Omschrijving'], [4, 'Voorzitter']];
const F = Object.fromEntries(FIELDS.map(([id, label]) => [label, id]));
const logoOf = (id) => `https://${API}/organisations/${id}/logo.png`;

/** [id, title, key] per organisation; keys are used by the meeting plan below. */
const GREMIA = {
  281: [[4966, 'Gemeenteraad', 'raad'], [4968, 'Raadscommissie Algemene Zaken', 'AZ'], [4972, 'Raadscommissie Financiën', 'FIN'],
    [4973, 'Raadscommissie Ruimtelijke Ordening, Wonen', 'RO'], [4975, 'Raadscommissie Verkeer, Vervoer en Luchtkwaliteit', 'VVL'],
    [4977, 'Raadscommissie Onderwijs, Jeugd en Zorg', 'OJZ'], [4979, 'Raadscommissie Kunst en Cultuur', 'KC'],
    [7184, 'Raadscommissie Klimaat, Energie en Duurzaamheid', 'KED']],
};
const DISTRICT_GREMIA = { 547: [5310, 8120, 8121], 977: [5312, 8124, 8125], 1413: [5318, 8128, 8129], 1424: [5320, 8132, 8133], 1425: [5321, 8136, 8137], 2122: [5326, 8140, 8141],
  2328: [5328, 8144, 8145] };
for (const [org, [old, sdc, db]] of Object.entries(DISTRICT_GREMIA)) {
  const n = ORG[org].name;
  GREMIA[org] = [[old, `Bestuurscommissie ${n}`, 'bc'], [sdc, `Stadsdeelcommissie ${n}`, 'sdc'], [db, `Dagelijks bestuur ${n}`, 'db']];
}
const gremiumSelf = (org, id) => `${API}/organisations/${org}/gremia/${id}`;
const gremiumOf = (org, key) => GREMIA[org].find((g) => g[2] === key);

// ------------------------------------------------------------------------------------------
// Document types (stable id <-> value). Real ids from the sample: 1, 15, 19, 47, 135, 349.
// ------------------------------------------------------------------------------------------
const DOC_TYPES = { Document: 1, Agenda: 11, Tekststuk: 15, Brief: 16, Bijlage: 17, Notulen: 19, Raadsvoorstel: 21, Voordracht: 22,
  Raadsbesluit: 23, Besluit: 24, Initiatiefvoorstel: 25, Motie: 31, Amendement: 32, Flap: 47, Tknlijst: 135, Uitslagenlijst: 349, Besluitenlijst: 350 };
const MODULES = { Moties: 1181, Amendementen: 1182, Toezeggingen: 1183, Raadsvoorstellen: 1184, Voordrachten: 1185 };
/**
 * Module item attributes: [id, label, datatype]. Ids and labels of Amsterdam's items as two public clients of its Notubiz read them
 * (wissebarkhof/verkiezing-vibecheck app/services/notubiz.py: 1 Titel, 2 Hoofddocument, 15 Datum indiening, 17 Datum afdoening,
 * 21 Document afdoening, 35 Toelichting, 36 Indiener(s), 45 Type, 62 Uitslag); Status, Datum and Portefeuillehouder of commitments are ours.
 * Datatypes: "document" is ORI's; the others are ours.
 */
const MODULE_FIELDS = { Titel: [1, 'text'], Hoofddocument: [2, 'document'], 'Datum indiening': [15, 'datetime'], 'Datum afdoening': [17, 'datetime'],
  'Document afdoening': [21, 'document'], Toelichting: [35, 'text'], 'Indiener(s)': [36, 'reference'], Type: [45, 'text'], Uitslag: [62, 'text'],
  Status: [70, 'text'], Datum: [71, 'date'], Portefeuillehouder: [72, 'text'] };
/** A module item attribute as version 1.17.0 gives it (ORI's transformer reads datatype, label and values). */
const attr = (label, values) => ({ id: MODULE_FIELDS[label][0], label, datatype: MODULE_FIELDS[label][1], values });
const textValue = (value) => ({ value });
/** Amsterdam's parties (real names) for the vote explanations. */
const PARTIES = ['GroenLinks', 'PvdA', 'D66', 'VVD', 'PvdD', 'SP', 'Volt', 'CDA', 'JA21', 'DENK', 'BIJ1', 'FvD'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// ------------------------------------------------------------------------------------------
// Content pools (people are fictional; places, streets and institutions are real names)
// ------------------------------------------------------------------------------------------
const SURNAMES = ['De Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'De Boer', 'Mulder', 'Bos', 'Hendriks', 'Van Dijk', 'Dekker',
  'Brouwer', 'De Wit', 'Dijkstra', 'Kok', 'Jacobs', 'Vermeulen', 'Schouten', 'Hoekstra', 'Koster', 'Prins', 'Huisman', 'El Amrani',
  'Yilmaz', 'Kaya', 'Bouali', 'Nieuwenhuis', 'Postma', 'Kuipers', 'Veenstra', 'Van Leeuwen', 'Ramdin', 'Tahiri', 'Van der Meer'];
const INITIALS = ['A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'H.', 'I.', 'J.', 'K.', 'L.', 'M.', 'N.', 'R.', 'S.', 'T.', 'W.', 'Y.'];
const surname = cycler(SURNAMES);
const person = () => `${pick(INITIALS)} ${surname()}`.replace(/ (De|Van|El) /, (m) => m.toLowerCase());
const MOTION_TOPICS = cycler(['meer bomen op het Mercatorplein', 'gratis zwemles voor alle Amsterdamse kinderen', 'het behoud van buurthuis De Meevaart',
  'een onderzoek naar een leegstandsheffing voor winkelpanden', 'extra handhaving op fatbikes in het Vondelpark', 'openbare toiletten langs de Amstel',
  'zero-emissie bevoorrading in De Pijp', 'het versneld plaatsen van laadpalen in Zuidoost', 'betaalbare ateliers op de NDSM-werf',
  'schoolstraten in Nieuw-West', 'funderingsherstel in de Rivierenbuurt', 'meer woningen voor ouderen in Buitenveldert',
  'een hitteplan voor de Indische Buurt', 'een nachtpont naar de NDSM-werf', 'toegankelijke stembureaus', 'het verduurzamen van sportparken',
  'betere fietsparkeerplekken bij station Sloterdijk', 'kortere wachtlijsten in de jeugdzorg', 'een armoedetoets bij nieuwe verordeningen',
  'veilige oversteekplaatsen op de Wibautstraat', 'het openhouden van de bibliotheek in Osdorp', 'minder drukte op de Wallen']);
const AMENDMENT_TOPICS = cycler(['het schrappen van de bezuiniging op de Openbare Bibliotheek', 'extra middelen voor het onderhoud van bruggen en kademuren',
  'het verhogen van het budget voor buurtbudgetten', 'dekking uit de algemene reserve voor schoolzwemmen', 'een structurele bijdrage aan de voedselbanken',
  'het ophogen van de toeristenbelasting voor cruisepassagiers', 'extra jongerenwerkers in Noord en Zuidoost']);
const motionBy = () => (chance(0.5) ? `het lid ${surname()}` : `de leden ${surname()} en ${surname()}`);
/** Fills in years: {P} previous year, {N} the year a plan is for (next year from September on), {N4} = {N} + 4. */
function yearize(s, date) {
  const y = +date.slice(0, 4);
  const n = +date.slice(5, 7) >= 9 ? y + 1 : y;
  return s.replace(/\{P\}/g, y - 1).replace(/\{N4\}/g, n + 4).replace(/\{N\}/g, n);
}
/** Draws from a cycler until the value is new within this meeting. */
function fresh(ctx, gen) {
  for (let i = 0; i < 30; i++) {
    const v = gen();
    if (!ctx.used.has(v)) {
      ctx.used.add(v);
      return yearize(v, ctx.date);
    }
  }
  throw new Error('pool too small');
}

const PORTFOLIO_ITEMS = {
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
const portfolioCycle = cycler(Object.keys(PORTFOLIO_ITEMS));
const portfolioItem = Object.fromEntries(Object.entries(PORTFOLIO_ITEMS).map(([k, v]) => [k, cycler(v)]));

const COMMITTEE = {
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

const DISTRICT = {
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
const districtItem = Object.fromEntries(Object.entries(DISTRICT).map(([k, v]) => [k, cycler(v.items.filter((t) => !t.startsWith('Advies')))]));
const districtAdvice = Object.fromEntries(Object.entries(DISTRICT).map(([k, v]) => [k, cycler(v.items.filter((t) => t.startsWith('Advies')))]));
const committeeItem = Object.fromEntries(Object.entries(COMMITTEE).map(([k, v]) => [k, cycler(v.items)]));

// ------------------------------------------------------------------------------------------
// Agenda specs: H heading, P agenda point, LBL label. P(title, docs, {kids, conf, modules, prefix})
// ------------------------------------------------------------------------------------------
const H = (title) => ({ title, heading: true });
const P = (title, docs = [], extra = {}) => ({ title, docs, ...extra });
const LBL = (title) => ({ title, label: true });
/** Document spec: type, title and options {docx, v2: 'single'|'multi', caseCode, policy, after (days after meeting)}. */
const d = (type, title, opts = {}) => ({ type, title, ...opts });
const caseCode = (date) => `Z-${date.slice(0, 4)}-${pad(ri(1000, 99999), 6)}`;

/** A proposal with its decision documents, optionally with motions/amendments as children. */
function proposal(ctx, title, { kind = 'raad', portfolio = '', motions = 0, amendments = 0, modules = 0, levels = 2 } = {}) {
  const cc = chance(0.7) ? caseCode(ctx.date) : '';
  const back = ri(8, 20); // the documents of a proposal are published together
  const docs = kind === 'raad'
    ? [d('Raadsvoorstel', `Raadsvoorstel ${title}`, { back, caseCode: cc, policy: portfolio, v2: chance(0.3) ? 'multi' : null }),
      d('Raadsbesluit', `Raadsbesluit ${title}`, { back, caseCode: cc, docx: chance(0.15) })]
    : kind === 'advice' ? [d('Voordracht', `Voordracht ${title}`, { back, caseCode: cc, policy: portfolio }), d('Brief', `Conceptadvies stadsdeelcommissie: ${lcFirst(title)}`, { back, docx: chance(0.4) })]
    : [d('Voordracht', `Voordracht ${title}`, { back, caseCode: cc, policy: portfolio, v2: chance(0.25) ? 'single' : null }),
      d(kind === 'district' ? 'Besluit' : 'Bijlage', kind === 'district' ? `Besluit ${title}` : `Bijlage bij ${title}`, { back, caseCode: kind === 'district' ? cc : '' })];
  if (chance(0.4)) docs.push(d('Bijlage', `Bijlage ${pick(['1', '2', 'A'])} ${pick(['Nota van beantwoording', 'Financiële toelichting', 'Kaart plangebied', 'Inspraakverslag', 'Participatieverslag'])}`, { back, docx: chance(0.2) }));
  if (ctx.date > NOW) motions = amendments = 0; // motions are submitted at the meeting
  const motion = () => motionSpec(ctx, 'Motie');
  const amendment = () => motionSpec(ctx, 'Amendement');
  const withModule = (spec, module) => ({ ...spec, docs: [], modules: [{ module, title: spec.title, by: spec.by, doc: spec.docs[0] }] });
  let kids = [];
  if (levels === 3) {
    kids = [P(`Amendementen bij ${lcFirst(title)}`, [], { kids: Array.from({ length: amendments }, (_, i) => (i < modules ? withModule(amendment(), 'Amendementen') : amendment())) }),
      P(`Moties bij ${lcFirst(title)}`, [], { kids: Array.from({ length: motions }, (_, i) => (i < modules ? withModule(motion(), 'Moties') : motion())) })];
  } else {
    kids = [...Array.from({ length: amendments }, amendment), ...Array.from({ length: motions }, (_, i) => (i < modules ? withModule(motion(), 'Moties') : motion()))];
  }
  // Some proposals of the council and the districts are module items too (their Uitslag says how the vote went); drawn from the results
  // stream, so that everything else stays as it was.
  const own = withStream(resultsRand, () => (kind === 'raad' ? chance(0.6) : kind === 'district' ? chance(0.4) : false));
  const item = own ? [{ module: kind === 'raad' ? 'Raadsvoorstellen' : 'Voordrachten', title, later: true }] : null;
  return P(title, docs, { kids: kids.filter((k) => !k.kids || k.kids.length), ...(item ? { modules: item } : {}) });
}
/** A motion or amendment (submitted at the meeting, so its document is published on the day or the day after). */
function motionSpec(ctx, kind) {
  const by = chance(0.5) ? [surname()] : [surname(), surname()];
  const who = by.length === 1 ? `het lid ${by[0]}` : `de leden ${by[0]} en ${by[1]}`;
  const topic = fresh(ctx, kind === 'Motie' ? MOTION_TOPICS : AMENDMENT_TOPICS);
  const nr = kind === 'Motie' ? ri(100, 1499) : ri(10, 120);
  return P(`${kind} van ${who} inzake ${topic}`, [d(kind, `${kind} ${nr} van ${who} inzake ${topic}`, { after: ri(0, 1), docx: chance(0.15) })], { by });
}
const lcFirst = (s) => s.replace(/^Vaststellen van (de|het) /, (_, a) => `${a} `).replace(/^./, (c) => c.toLowerCase());

function councilAgenda(ctx) {
  const { date } = ctx;
  const y = +date.slice(0, 4);
  const a = [H('Algemeen'), P('Mededelingen'), P('Vaststellen van de agenda', [d('Agenda', `Agenda gemeenteraad ${nlDate(date)}`)]),
    P(`Vaststellen van de notulen van de raadsvergadering van ${nlDate(addDays(date, -28))}`, [d('Notulen', `Notulen raadsvergadering ${dotDate(addDays(date, -28))}`)]),
    P('Vaststellen van de Termijnagenda', [d('Document', 'Termijnagenda gemeenteraad')]),
    P('Mededelingen ingekomen stukken', [d('Document', `Lijst van ingekomen stukken ${nlDate(date)}`, { docx: chance(0.3) })]), P('Vragenuur')];
  const month = +date.slice(5, 7);
  if (ctx.kind === 'installatie') {
    a.push(H('Installatie'), P('Onderzoek van de geloofsbrieven en toelating van de nieuwe leden', [d('Tekststuk', 'Rapport van de commissie voor de geloofsbrieven')]),
      P('Beëdiging van de nieuw toegelaten leden van de gemeenteraad'), P('Verkiezing van de plaatsvervangend voorzitters van de gemeenteraad'),
      P('Benoeming van de leden van de raadscommissies', [d('Raadsvoorstel', 'Voordracht benoeming leden raadscommissies', { caseCode: caseCode(date) })]));
    return a;
  }
  if (month === 7) {
    ctx.used.add('Financiën');
    a.push(H('Financiën'), proposal(ctx, `Vaststellen van de Jaarrekening ${y - 1}`, { portfolio: 'Financiën', motions: 1 }),
      proposal(ctx, `Vaststellen van de Voorjaarsnota ${y}`, { portfolio: 'Financiën', motions: ri(3, 4), amendments: 2, modules: 1, levels: y === 2025 ? 3 : 2 }));
  } else if (month === 11) {
    ctx.used.add('Financiën');
    a.push(H('Financiën'), proposal(ctx, `Vaststellen van de Begroting ${y + 1}`, { portfolio: 'Financiën', motions: ri(3, 4), amendments: 2, modules: 2, levels: 3 }));
  }
  if (ctx.label) a.push(LBL('Schorsing 18.00 - 19.30 uur (dinerpauze)'));
  for (let i = 0, n = month === 7 || month === 11 ? 1 : ri(2, 3); i < n; i++) {
    const pf = fresh(ctx, portfolioCycle);
    a.push(H(pf), proposal(ctx, fresh(ctx, portfolioItem[pf]), { portfolio: pf, motions: chance(0.6) ? ri(1, 2) : 0, modules: ctx.modules ? 1 : 0 }));
  }
  if (ctx.initiative) {
    a.push(P(`Initiatiefvoorstel van ${motionBy()} getiteld 'Amsterdam speelt buiten'`, [d('Initiatiefvoorstel', "Initiatiefvoorstel 'Amsterdam speelt buiten'", { docx: true }),
      d('Brief', 'Bestuurlijke reactie college op het initiatiefvoorstel')]));
  }
  if (ctx.besloten) {
    a.push(H('BESLOTEN DEEL'), P('Bekrachtigen van de geheimhouding op de bijlagen bij de actualisatie van de grondexploitaties', [], { conf: 1 }));
  }
  return a;
}

function committeeAgenda(ctx, c) {
  const { date } = ctx;
  const prev = addDays(date, -28);
  const a = [H(`TIJD: ${ctx.start[0]}.${pad(ctx.start[1])} uur tot ${ctx.end ? `${ctx.end[0]}.${pad(ctx.end[1])} uur` : 'einde vergadering'}`), H('Algemeen'),
    P('Opening procedureel gedeelte'), P('Mededelingen'), P('Vaststellen agenda', [d('Agenda', 'Commissie Agenda')]),
    P(`Conceptverslag van de openbare vergadering van de commissie ${c.name} (${c.abbr}) van ${dotDate(prev).replace(/-/g, '.')}.`, [d('Notulen', `Conceptverslag ${c.abbr} ${dotDate(prev)}`, { docx: chance(0.3) })]),
    P('Termijnagenda, per portefeuille', c.portfolios.map((p) => d('Document', `${c.abbr} portefeuille ${p}`))),
    P('TKN-lijst', [d('Tknlijst', 'Commissie TKNLijst', { v2: 'single' })]), P('Opening inhoudelijk gedeelte'), P('Inspreekhalfuur publiek'),
    P('Actualiteiten en mededelingen')];
  if (ctx.besloten) {
    a.push(H('BESLOTEN DEEL'), P('Vertrouwelijke toelichting op de actualisatie van de grondexploitaties 2025', [d('Tekststuk', 'Vertrouwelijke bijlage actualisatie grondexploitaties 2025', { conf: 1 })], { conf: 1 }),
      P('Vertrouwelijke informatie over de verkoop van erfpachtrechten op het Zeeburgereiland', [d('Tekststuk', 'Vertrouwelijke notitie erfpacht Zeeburgereiland', { conf: 1, docx: true })], { conf: 1 }));
    return a;
  }
  for (const pf of c.portfolios.slice(0, 2)) {
    a.push(H(pf));
    const pool = PORTFOLIO_ITEMS[pf] ? fresh(ctx, portfolioItem[pf]) : null;
    if (pool) {
      a.push(proposal(ctx, pool, { kind: 'committee', portfolio: pf }));
    } else {
      const t = fresh(ctx, committeeItem[c.abbr]);
      a.push(P(`${t}. (BD${date.slice(0, 4)}-${pad(ri(1, 15999), 6)})`, [d('Tekststuk', `01 ${t}`), d('Flap', 'Commissie Flap', { v2: 'single' })]));
    }
  }
  if (ctx.nested) {
    const t = fresh(ctx, committeeItem[c.abbr]);
    const w = surname();
    a.push(P(`Bespreking ${lcFirst(t)}`, [d('Brief', `Brief wethouder ${w} over ${lcFirst(t)}`)], {
      kids: [P('Presentatie door de ambtelijke organisatie', [d('Document', `Presentatie ${t}`)]),
        P('Reactie van het college op de toezegging uit de vorige vergadering', [], { modules: [{ module: 'Toezeggingen', title: `Toezegging wethouder ${w} over ${lcFirst(t)}`, by: [w] }] })] }));
  }
  a.push(H('TER KENNISNAMELIJST'));
  for (let i = 1; i <= ri(2, 3); i++) {
    const t = fresh(ctx, committeeItem[c.abbr]);
    a.push(P(`${t}. (BD${date.slice(0, 4)}-${pad(ri(1, 15999), 6)})`, [d('Tekststuk', `01 ${t}`), d('Flap', '00 Commissie Flap', { v2: 'single' })], { prefix: `TKN ${i}` }));
  }
  return a;
}

function districtAgenda(ctx) {
  const { date, org } = ctx;
  const dist = DISTRICT[org];
  const name = ORG[org].name;
  if (ctx.db) {
    const area = pick(dist.areas);
    return [H('Algemeen'), P('Opening en vaststellen agenda'), P(`Vaststellen besluitenlijst van ${nlDate(addDays(date, -14))}`, [d('Besluitenlijst', `Besluitenlijst DB ${dotDate(addDays(date, -14))}`, { back: ri(2, 5) })]),
      H('Ter besluitvorming'), proposal(ctx, fresh(ctx, districtItem[org]), { kind: 'district', portfolio: `Stadsdeel ${name}` }),
      P(`Uitvoering van het Gebiedsplan ${name}: inzet van het budget voor ${area}`, [d('Besluit', `Besluit budget ${area}`, { caseCode: caseCode(date) })]),
      H('BESLOTEN DEEL'), P('Personele aangelegenheden', [], { conf: 1 }), P('Rondvraag en sluiting')];
  }
  const a = [H('Algemeen'), P('Opening en mededelingen'), P('Vaststellen agenda', [d('Agenda', `Agenda stadsdeelcommissie ${name} ${dotDate(date)}`)]),
    P(`Vaststellen verslag van de vergadering van ${nlDate(addDays(date, -28))}`, [d('Notulen', `Verslag stadsdeelcommissie ${name} ${dotDate(addDays(date, -28))}`, { docx: chance(0.4) })]),
    P('Inspreekhalfuur bewoners'), H('Ter advisering'),
    proposal(ctx, fresh(ctx, districtAdvice[org]), { kind: 'advice', portfolio: `Stadsdeel ${name}` }), H('Ter besluitvorming'),
    proposal(ctx, fresh(ctx, districtItem[org]), { kind: 'district', portfolio: `Stadsdeel ${name}`, motions: chance(0.5) ? 1 : 0 })];
  if (ctx.nested) {
    const areas = dist.areas.slice(0, ri(2, 3));
    a.push(P(`Buurtbudgetten ${date.slice(0, 4)}`, [d('Voordracht', `Voordracht buurtbudgetten ${name} ${date.slice(0, 4)}`, { caseCode: caseCode(date) })], {
      kids: areas.map((ar) => P(`Buurtbudget ${ar}`, [d('Besluit', `Besluit buurtbudget ${ar}`)])) }));
  }
  a.push(P('Rondvraag', [], ctx.modules ? { modules: [{ module: 'Toezeggingen', title: `Toezegging van het dagelijks bestuur over ${lcFirst(fresh(ctx, districtItem[org]))}` }] } : {}), P('Sluiting'));
  return a;
}

// ------------------------------------------------------------------------------------------
// Meeting plan (dates are real weekdays; everything else is invented)
// ------------------------------------------------------------------------------------------
const R = { org: 281, g: 'raad', start: [13, 0], end: [23, 0] };
const C = (g, extra = {}) => ({ org: 281, g, start: [13, 30], end: [17, 0], ...extra });
const S = (org, extra = {}) => ({ org, g: 'sdc', start: [19, 30], end: [22, 30], ...extra });
const PLAN = [
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
].sort((a, b) => a[0].localeCompare(b[0]));
/**
 * Nieuw-West came later: its meetings are generated after all the others (so that those stay as they were), and their ids, drawn
 * after everyone else's, are above them instead of in date order.
 */
const PLAN_NIEUW_WEST = [['2024-06-11', S(2328)], ['2025-06-10', S(2328, { nested: true, modules: true })], ['2026-12-15', S(2328)]];

// ------------------------------------------------------------------------------------------
// Rendering in the sample's shapes (ids grow with time, like Notubiz's)
// ------------------------------------------------------------------------------------------
let nextMeetingId = 1_163_400;
let nextItemId = 12_468_000;
let nextDocId = 13_104_000;
let nextModuleItemId = 84_310;
const MODULE_ITEMS = [];

function renderDoc(ctx, s) {
  const id = (nextDocId += ri(1, 30));
  const after = s.after ?? null;
  let pub = after === null ? addDays(ctx.date, -(s.back ?? ri(6, 20))) : addDays(ctx.date, after);
  if (pub > NOW) pub = addDays(NOW, -(s.back ? s.back % 5 : ri(0, 6))); // upcoming meetings: published by "today"
  pub = workdayBefore(pub);
  const docx = !!s.docx;
  const name = docx ? `${fileSlug(s.title)}.docx` : chance(0.5) ? `09012f97${hex(8)}.pdf` : `${fileSlug(s.title)}.pdf`;
  const size = docx ? ri(24_000, 190_000) : Math.round(14_000 * Math.pow(150, rand()));
  const ver = (vid, fn, sz) => ({ file_name: fn, type: 'file', id: vid, mime_type: docx ? DOCX : 'application/pdf', file_size: sz });
  const version = s.v2 ? 2 : 1;
  const versions = s.v2 === 'multi' ? [ver(1, name.replace(/(\.\w+)$/, '_concept$1'), Math.round(size * 0.93)), ver(2, name, size)] : [ver(version, name, size)];
  const lastMod = stamp(s.v2 && after === null ? addDays(pub, ri(1, 4)) : pub);
  ctx.stamps.push(lastMod);
  return {
    category: '', description: '', confidential: s.conf || ctx.conf ? 1 : 0, title: s.title,
    url: `https://${API}/document/${id}/${version}`, self: `${API}/document/${id}`, versions,
    publication_date: pub, last_modified: lastMod, version, policy_field: s.policy || '',
    date: after === null && chance(0.6) ? ctx.date : '', case_code: s.caseCode || '', id,
    types: [{ id: DOC_TYPES[s.type], value: s.type }],
  };
}

let nextLaterModuleItemId = 86_000;
/** The one result wording the subgraph does not map (it must show as UNKNOWN and be reported): set on its first chance. */
let unmappedResultUsed = false;
let notedResultUsed = false;

/** "X, Y en Z": two or three parties, from the results stream. */
const someParties = () => {
  const list = shuffle(PARTIES).slice(0, ri(2, 3));
  return `${list.slice(0, -1).join(', ')} en ${list[list.length - 1]}`;
};

/**
 * The Uitslag of a motion or amendment (drawn from the results stream; `base` is the status the first stream always drew): lower case as
 * Amsterdam's items write it, sometimes with how the vote went.
 */
function resultWording(ctx, m, base) {
  if (base === 'Ingetrokken' && !unmappedResultUsed && ctx.date >= '2025-01-01') {
    unmappedResultUsed = true;
    return 'vervallen';
  }
  if (base === 'Aangenomen' && m.module === 'Moties' && !notedResultUsed && ctx.date >= '2026-01-01') {
    notedResultUsed = true;
    return 'voor kennisgeving aangenomen';
  }
  if (base === 'Aangenomen') return adoptedWording() ?? `aangenomen met de stemmen van ${someParties()} tegen`;
  if (base === 'Verworpen') return rejectedWording() ?? `verworpen met de stemmen van ${someParties()} voor`;
  return base.toLowerCase();
}
/** Wordings in turn (null: with the parties that voted the other way). */
const adoptedWording = cycler(['aangenomen', 'aangenomen', 'Aangenomen', 'unaniem aangenomen', null]);
const rejectedWording = cycler(['verworpen', 'verworpen', 'Verworpen', null]);

/** How the vote went, as a Toelichting (raw HTML), for some plain results. */
const explanation = (result) => (['aangenomen', 'verworpen'].includes(result.toLowerCase()) && chance(0.5)
  ? [attr('Toelichting', [textValue(chance(0.3) ? `<p>Met algemene stemmen ${result.toLowerCase()}.</p>`
    : `<p>Met de stemmen ${result.toLowerCase() === 'aangenomen' ? 'tegen' : 'voor'} van ${someParties()} ${result.toLowerCase()}.</p>`)])]
  : []);

const isAdopted = (result) => /^(unaniem )?aangenomen( met .*)?$/i.test(result ?? '');

/** A proposal's own module item (added later: its own ids and stream); its Uitslag follows its amendments'. */
function renderLaterModuleItem(ctx, m, spec) {
  return withStream(resultsRand, () => {
    const id = (nextLaterModuleItemId += ri(1, 12));
    const created = stamp(addDays(ctx.date, -ri(15, 40)));
    const held = ctx.date < NOW;
    const amendments = (spec.kids || []).flatMap((k) => [k, ...(k.kids || [])]).flatMap((k) => k.modules || []).filter((x) => x.module === 'Amendementen');
    const result = !held ? null : amendments.some((x) => isAdopted(x.result)) ? 'geamendeerd aangenomen'
      : pick(['aangenomen', 'aangenomen', 'aangenomen', 'aangenomen', 'Aangenomen', 'unaniem aangenomen', 'aangehouden', 'verworpen']);
    const attributes = [attr('Titel', [textValue(m.title)]), attr('Type', [textValue(m.module === 'Raadsvoorstellen' ? 'Raadsvoorstel' : 'Voordracht')]),
      attr('Datum indiening', [textValue(created)]), ...(result ? [attr('Uitslag', [textValue(result)])] : [])];
    const lastMod = maxStamp([created, stamp(held ? addDays(ctx.date, ri(1, 10)) : NOW)]);
    MODULE_ITEMS.push({ item: { id, module: { id: MODULES[m.module], title: m.module }, title: m.title, attributes, created, last_modified: lastMod } });
    return { id, self: `${API}/module_items/${id}` };
  });
}

function renderModuleItem(ctx, m, spec) {
  if (m.later) return renderLaterModuleItem(ctx, m, spec);
  // The draws of the first stream are those the dataset always made (its shape changed, its randomness did not).
  const id = (nextModuleItemId += ri(1, 12));
  const created = stamp(addDays(ctx.date, m.module === 'Toezeggingen' ? 0 : -ri(0, 2)));
  const held = ctx.date < NOW;
  const status = m.module === 'Toezeggingen' ? (held && chance(0.5) ? 'Afgedaan' : 'Openstaand')
    : held ? pick(['Aangenomen', 'Aangenomen', 'Verworpen', 'Ingetrokken', 'Aangehouden']) : 'Ingediend';
  const holder = m.module === 'Toezeggingen' ? `${ctx.org === 281 ? 'Wethouder' : 'Portefeuillehouder'} ${m.by ? m.by[0] : surname()}` : null;
  const after = ri(14, 60);
  const docSpec = m.doc || (status === 'Afgedaan' && addDays(ctx.date, after) <= NOW ? d('Brief', `Afdoeningsbrief ${lcFirst(m.title)}`, { after, docx: chance(0.3) }) : null);
  const docs = docSpec ? [renderDoc({ ...ctx, stamps: [] }, docSpec)] : [];
  const lastMod = maxStamp([created, ...docs.map((x) => x.last_modified), stamp(held ? addDays(ctx.date, ri(1, 20)) : NOW)]);
  let attributes;
  if (m.module === 'Toezeggingen') {
    attributes = [attr('Titel', [textValue(m.title)]), attr('Type', [textValue('Toezegging')]), attr('Datum', [textValue(ctx.date)]),
      attr('Portefeuillehouder', [textValue(holder)]), attr('Status', [textValue(status)]),
      ...(docs.length ? [attr('Datum afdoening', [textValue(docs[0].last_modified)]), attr('Document afdoening', docs.map((doc) => ({ document: doc })))] : [])];
  } else {
    // Motions and amendments: the document is the Hoofddocument; a held meeting's vote gives the Uitslag (results stream).
    const result = held ? withStream(resultsRand, () => resultWording(ctx, m, status)) : null;
    m.result = result;
    attributes = [attr('Titel', [textValue(m.title)]), attr('Type', [textValue(m.module === 'Moties' ? 'Motie' : 'Amendement')]),
      attr('Datum indiening', [textValue(created)]), attr('Indiener(s)', m.by.map((name) => ({ reference_model: 'person', value: name }))),
      ...(docs.length ? [attr('Hoofddocument', docs.map((doc) => ({ document: doc })))] : []),
      ...(result ? [attr('Uitslag', [textValue(result)]), ...withStream(resultsRand, () => explanation(result))] : [])];
  }
  MODULE_ITEMS.push({ item: { id, module: { id: MODULES[m.module], title: m.module }, title: m.title, attributes, created, last_modified: lastMod } });
  return { id, self: `${API}/module_items/${id}` };
}

function renderItem(ctx, s, parent, order, prefix) {
  const id = (nextItemId += ri(1, 4));
  const item = {
    agenda_items: [], documents: (s.docs || []).map((x) => renderDoc(ctx, x)), confidential: s.conf || ctx.conf ? 1 : 0, parent: parent ? parent.id : null,
    type: s.label ? 'label' : 'agenda_point', order, last_modified: s.heading ? ctx.created : ctx.agendaStamp, permission_group: ctx.permission,
    module_items: [], meeting: { self: `${API}/events/meetings/${ctx.id}`, id: ctx.id }, id,
    type_data: { title_prefix: prefix, self: `${API}/agenda_items/${s.label ? 'labels' : 'agenda_points'}/${id}`, heading: !!s.heading, attributes: [{ value: s.title, id: F.Titel, reference_model: null }] },
  };
  let k = 0;
  item.agenda_items = (s.kids || []).map((c, i) => {
    k++;
    const p = parent ? `${prefix}.${'abcdefghij'[k - 1]}` : `${prefix.replace(/\.$/, '')}.${k}`;
    return renderItem(ctx, c, item, i + 1, p);
  });
  // After the children: a proposal's result follows its amendments' (no item has both children and module items of the first stream).
  item.module_items = (s.modules || []).map((m) => renderModuleItem(ctx, m, s));
  return item;
}

function renderMeeting([date, p]) {
  const id = (nextMeetingId += ri(900, 9000));
  const [gid, gtitle] = gremiumOf(p.org, p.g);
  const permission = p.restricted ? 'restricted' : 'public';
  const created = stamp(addDays(date, -ri(60, 150)));
  const ctx = { ...p, id, date, permission, used: new Set(), conf: p.restricted ? 1 : 0, created, agendaStamp: stamp(addDays(date, -ri(8, 14))), stamps: [created] };
  ctx.stamps.push(ctx.agendaStamp);
  let specs = [];
  if (!p.inactive && p.canceled !== 'empty') {
    specs = p.g === 'raad' ? councilAgenda(ctx) : p.org === 281 ? committeeAgenda(ctx, COMMITTEE[p.g]) : districtAgenda(ctx);
  }
  let order = 0;
  let num = 0;
  const agenda = specs.map((s) => {
    order++;
    const prefix = s.heading || s.label ? null : s.prefix ?? `${++num}.`;
    return renderItem(ctx, s, null, order, prefix);
  });
  // Meeting documents: results lists once held (published a few days later), minutes for older meetings.
  const held = date < NOW && !p.canceled && !p.inactive;
  const mdocs = [];
  if (held) {
    const short = p.org === 281 ? (p.g === 'raad' ? 'gemeenteraad' : p.g) : p.db ? `DB ${ORG[p.org].name}` : `SDC ${ORG[p.org].name}`;
    const specs2 = p.org === 281
      ? [d('Uitslagenlijst', `Uitslagenlijst ${short} ${dotDate(date)}`, { after: ri(1, 3) }), ...(p.g === 'raad' ? [d('Besluitenlijst', `Besluitenlijst raadsvergadering ${nlDate(date)}`, { after: ri(2, 6), v2: chance(0.3) ? 'multi' : null })] : []),
        d('Notulen', p.g === 'raad' ? `Notulen raadsvergadering ${dotDate(date)}` : `Definitief verslag ${p.g} ${dotDate(date)}`, { after: ri(30, 45) })]
      : [d('Besluitenlijst', `Besluitenlijst ${short} ${dotDate(date)}`, { after: ri(1, 5), docx: chance(0.25) })];
    for (const s of specs2) if (addDays(date, s.after) <= NOW) mdocs.push(renderDoc(ctx, s));
  }
  if (p.canceled) ctx.stamps.push(stamp(addDays(date, -ri(1, 6))));
  const [h, mi] = p.start;
  const plannings = [{ start_date: ts(date, h, mi), end_date: p.end ? ts(date, p.end[0], p.end[1]) : null }];
  if (p.secondDay) plannings.push({ start_date: ts(addDays(date, 1), 9, 30), end_date: ts(addDays(date, 1), 17, 0) });
  const title = p.g === 'raad' ? (p.kind === 'installatie' ? 'Installatievergadering gemeenteraad' : 'Gemeenteraad') : gtitle;
  const desc = p.canceled ? 'Deze vergadering is komen te vervallen.' : p.restricted ? 'Besloten vergadering' : p.secondDay ? 'Vergadering over twee dagen, voortzetting op donderdag.' : '';
  const room = { AZ: 'Commissiekamer 1', FIN: 'Commissiekamer 2', RO: 'Raadzaal', VVL: 'Commissiekamer 3', OJZ: 'Commissiekamer 1', KC: 'Commissiekamer 3' }[p.g];
  const attributes = [{ id: F.Locatie, value: room ? `${room}, Stadhuis, Amstel 1` : ORG[p.org].location }, { id: F.Titel, value: title }, { id: F.Omschrijving, value: desc }];
  if (p.org !== 281 && !p.db) attributes.push({ id: F.Voorzitter, value: person() });
  return {
    meeting: {
      creation_date: created, salutation: null, id, announcement: !p.restricted && !p.inactive, documents: mdocs, parent: null,
      self: `${API}/events/meetings/${id}`, live: false, template: false, type: 'meeting', body: 'council',
      organisation: { self: `${API}/organisations/${p.org}`, id: p.org }, confidential: ctx.conf, permission_group: permission,
      last_modified: maxStamp(ctx.stamps), module_items: [], agenda_items: agenda, gremium: { self: gremiumSelf(p.org, gid), id: gid },
      plannings, attributes, order: null, canceled: !!p.canceled, inactive: !!p.inactive,
    },
  };
}

// ------------------------------------------------------------------------------------------
// Real sample
// ------------------------------------------------------------------------------------------
const REAL = JSON.parse(readFileSync(join(FIXTURES, 'amsterdam-notubiz-meeting.json'), 'utf8'));
/** Back to the raw API list, in the dict's order (ORI built the dict by walking the raw list). */
function realMeeting() {
  return { meeting: { ...REAL, attributes: Object.entries(REAL.attributes).map(([label, value]) => ({ id: F[label], value })) } };
}

// ------------------------------------------------------------------------------------------
// Write
// ------------------------------------------------------------------------------------------
function organisations() {
  return { organisations: { organisation: ORGS.map((o) => ({ '@attributes': { id: String(o.id) }, logo: logoOf(o.id),
    settings: { folder: { fields: { field: FIELDS.map(([id, label]) => ({ '@attributes': { id: String(id) }, label })) } } } })) } };
}
const gremiaOf = (org) => ({ gremia: GREMIA[org].map(([id, title]) => ({ id, title, self: gremiumSelf(org, id), organisation: { id: org, self: `${API}/organisations/${org}` } })) });

function writeAll() {
  const meetings = [realMeeting(), ...PLAN.map(renderMeeting), ...PLAN_NIEUW_WEST.map(renderMeeting)];
  for (const sub of ['meetings', 'module_items', 'gremia']) rmSync(join(OUT, sub), { recursive: true, force: true });
  for (const sub of ['meetings', 'module_items', 'gremia']) mkdirSync(join(OUT, sub), { recursive: true });
  const write = (f, obj) => writeFileSync(join(OUT, f), `${JSON.stringify(obj, null, 2)}\n`);
  write('organisations.json', organisations());
  for (const o of ORGS) write(`gremia/${o.id}.json`, gremiaOf(o.id));
  for (const m of meetings) write(`meetings/${m.meeting.id}.json`, m);
  for (const m of MODULE_ITEMS) write(`module_items/${m.item.id}.json`, m);
  writeFileSync(join(OUT, 'README.md'), README({ meetings: meetings.length, moduleItems: MODULE_ITEMS.length }));
}

// ------------------------------------------------------------------------------------------
// Check (reads the files on disk)
// ------------------------------------------------------------------------------------------
const STAMP_RE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
const DATE_RE = /^\d{4}-\d\d-\d\d$/;
function check() {
  const errors = [];
  const ok = (cond, msg) => { if (!cond) errors.push(msg); };
  const read = (f) => JSON.parse(readFileSync(join(OUT, f), 'utf8'));
  const orgsFile = read('organisations.json');
  const orgs = orgsFile.organisations.organisation;
  ok(isDeepStrictEqual(orgs.map((o) => o['@attributes'].id), ORGS.map((o) => String(o.id))), 'organisations 281, 547, 977, 1413, 1424, 1425, 2122, 2328');
  const labels = new Map();
  for (const o of orgs) {
    ok(isDeepStrictEqual(Object.keys(o), ['@attributes', 'logo', 'settings']) && /^https:\/\//.test(o.logo), `organisation ${o['@attributes'].id} shape`);
    const fields = o.settings.folder.fields.field;
    ok(fields.every((f) => typeof f['@attributes'].id === 'string'), `organisation ${o['@attributes'].id} string field ids`);
    labels.set(Number(o['@attributes'].id), new Map(fields.map((f) => [f['@attributes'].id, f.label])));
  }
  for (const [id, label] of [['1', 'Titel'], ['2', 'Locatie'], ['3', 'Omschrijving']]) ok([...labels.values()].every((l) => l.get(id) === label), `field ${id} = ${label}`);

  // gremia
  const gremia = new Map();
  const allGremiumIds = [];
  for (const o of ORGS) {
    const g = read(`gremia/${o.id}.json`).gremia;
    gremia.set(o.id, new Map(g.map((x) => [x.id, x])));
    for (const x of g) {
      allGremiumIds.push(x.id);
      ok(Number.isInteger(x.id) && x.self === gremiumSelf(o.id, x.id) && x.organisation.id === o.id && x.organisation.self === `${API}/organisations/${o.id}`, `gremium ${x.id} shape`);
    }
    if (o.id !== 281) ok(g.some((x) => x.title === `Stadsdeelcommissie ${o.name}`), `Stadsdeelcommissie ${o.name}`);
  }
  ok(new Set(allGremiumIds).size === allGremiumIds.length, 'unique gremium ids');
  ok(gremia.get(281).get(4972)?.title === 'Raadscommissie Financiën' && [...gremia.get(281).values()].some((x) => x.title === 'Gemeenteraad'), 'Gemeenteraad and 4972 Raadscommissie Financiën');
  const committees = [...gremia.get(281).values()].filter((x) => x.title.startsWith('Raadscommissie '));
  ok(committees.length >= 5 && committees.length <= 7, `5-7 raadscommissies (${committees.length})`);

  // meetings
  const files = readdirSync(join(OUT, 'meetings')).filter((f) => f.endsWith('.json'));
  const meetings = files.map((f) => {
    const m = read(`meetings/${f}`);
    ok(isDeepStrictEqual(Object.keys(m), ['meeting']) && f === `${m.meeting.id}.json`, `meetings/${f} envelope and name`);
    return m.meeting;
  });
  const real = meetings.find((m) => m.id === REAL.id);
  const generated = meetings.filter((m) => m.id !== REAL.id);
  const sampleKeys = Object.keys(REAL);
  if (!real) ok(false, 'real sample meeting 458902 included');
  else {
    ok(Array.isArray(real.attributes) && real.attributes.every((a) => Number.isInteger(a.id) && isDeepStrictEqual(Object.keys(a), ['id', 'value'])), 'real meeting attributes are the raw list');
    // ORI's extractor: labels by String(id); the result must give the sample back unchanged.
    const asDict = Object.fromEntries(real.attributes.map((a) => [labels.get(281).get(String(a.id)), a.value]));
    ok(isDeepStrictEqual({ ...real, attributes: asDict }, REAL), 'real sample unchanged apart from the raw attributes');
    ok(real.agenda_items.filter((i) => i.order === null).length === 6, 'real sample keeps its 6 order:null items');
  }
  ok(meetings.length >= 36 && generated.length >= 35, `>= 36 meetings, >= 35 generated (${meetings.length}/${generated.length})`);
  const start = (m) => m.plannings[0].start_date;
  const gremiumTitle = (m) => gremia.get(m.organisation.id)?.get(m.gremium.id)?.title ?? '';
  const council = generated.filter((m) => gremiumTitle(m) === 'Gemeenteraad');
  const rc = generated.filter((m) => gremiumTitle(m).startsWith('Raadscommissie '));
  const districts = generated.filter((m) => m.organisation.id !== 281);
  const distOrgs = new Set(districts.map((m) => m.organisation.id));
  ok(council.length >= 8, `>= 8 Gemeenteraad meetings (${council.length})`);
  ok(rc.length >= 10 && new Set(rc.map((m) => m.gremium.id)).size >= 4, `>= 10 raadscommissie meetings in several committees (${rc.length})`);
  ok(districts.length >= 12 && distOrgs.size >= 4, `>= 12 district meetings in >= 4 districts (${districts.length}/${distOrgs.size})`);
  const upcoming = generated.filter((m) => start(m).slice(0, 10) > NOW);
  const cancelled = generated.filter((m) => m.canceled === true);
  const inactive = generated.filter((m) => m.inactive === true);
  const nonPublic = meetings.filter((m) => m.permission_group !== 'public');
  ok(upcoming.length >= 2 && upcoming.length <= 6, `a few upcoming meetings (${upcoming.length})`);
  ok(cancelled.length >= 3, `>= 3 cancelled (${cancelled.length})`);
  ok(inactive.length >= 1, `>= 1 inactive (${inactive.length})`);
  ok(nonPublic.length >= 3 && nonPublic.every((m) => m.permission_group === 'restricted'), `>= 3 non-public, all "restricted" (${nonPublic.length})`);
  ok(meetings.filter((m) => m.confidential === 1).length >= 2, 'some confidential meetings');

  const itemIds = [];
  const docIds = [];
  const typeOf = new Map();
  const stats = { items: 0, nested: 0, depth3: 0, labels: 0, headings: 0, moduleRefs: 0, docs: 0, docx: 0, multi: 0, v2: 0, caseCode: 0, byType: {} };
  const checkDoc = (doc, where) => {
    stats.docs++;
    docIds.push(doc.id);
    ok(isDeepStrictEqual(Object.keys(doc), Object.keys(REAL.documents[0])), `${where} document ${doc.id} keys`);
    ok(doc.url === `https://${API}/document/${doc.id}/${doc.version}` && doc.self === `${API}/document/${doc.id}`, `${where} document ${doc.id} url/self`);
    ok(doc.versions.some((v) => v.id === doc.version && v.type === 'file' && v.file_size > 0), `${where} document ${doc.id} current version`);
    ok(DATE_RE.test(doc.publication_date) && STAMP_RE.test(doc.last_modified) && (doc.date === '' || DATE_RE.test(doc.date)), `${where} document ${doc.id} dates`);
    ok(doc.types.length === 1, `${where} document ${doc.id} one type`);
    for (const t of doc.types) {
      if (typeOf.has(t.value)) ok(typeOf.get(t.value) === t.id, `document type ${t.value} has one id`);
      typeOf.set(t.value, t.id);
      stats.byType[t.value] = (stats.byType[t.value] || 0) + 1;
    }
    if (doc.versions.some((v) => v.mime_type === DOCX)) stats.docx++;
    if (doc.versions.length > 1) stats.multi++;
    if (doc.version === 2) stats.v2++;
    if (doc.case_code) stats.caseCode++;
    if (doc.id !== undefined && !REAL_DOC_IDS.has(doc.id)) ok(doc.publication_date <= NOW && doc.last_modified.slice(0, 10) <= NOW, `${where} document ${doc.id} not after ${NOW}`);
  };
  const REAL_DOC_IDS = new Set();
  const walkReal = (items) => items.forEach((i) => { i.documents.forEach((x) => REAL_DOC_IDS.add(x.id)); walkReal(i.agenda_items); });
  walkReal(REAL.agenda_items);
  REAL.documents.forEach((x) => REAL_DOC_IDS.add(x.id));
  const moduleRefs = [];
  const itemKeys = Object.keys(REAL.agenda_items[0]);
  function walk(m, items, parent, depth) {
    for (const it of items) {
      stats.items++;
      itemIds.push(it.id);
      ok(isDeepStrictEqual(Object.keys(it), itemKeys), `item ${it.id} keys`);
      ok(it.meeting.id === m.id && it.meeting.self === m.self, `item ${it.id} meeting`);
      ok(it.parent === (parent ? parent.id : null), `item ${it.id} parent`);
      ok(it.type === 'agenda_point' || it.type === 'label', `item ${it.id} type`);
      ok(Number.isInteger(it.order) || m.id === REAL.id, `item ${it.id} order`);
      ok(it.permission_group === m.permission_group, `item ${it.id} permission_group`);
      const td = it.type_data;
      ok(td.self === `${API}/agenda_items/${it.type === 'label' ? 'labels' : 'agenda_points'}/${it.id}` && typeof td.heading === 'boolean', `item ${it.id} type_data`);
      ok(td.attributes.length >= 1 && td.attributes[0].id === 1 && td.attributes[0].reference_model === null && /\S/.test(td.attributes[0].value), `item ${it.id} title attribute`);
      if (td.heading) { stats.headings++; ok(td.title_prefix === null, `heading ${it.id} has no prefix`); }
      if (it.type === 'label') stats.labels++;
      if (parent) ok(parent.type_data.title_prefix && td.title_prefix.startsWith(parent.type_data.title_prefix.replace(/\.$/, '')), `item ${it.id} prefix under parent`);
      if (depth === 3) stats.depth3++;
      for (const doc of it.documents) checkDoc(doc, `meeting ${m.id} item ${it.id}`);
      for (const ref of it.module_items) { stats.moduleRefs++; moduleRefs.push(ref); ok(ref.self === `${API}/module_items/${ref.id}`, `module ref ${ref.id} self`); }
      walk(m, it.agenda_items, it, depth + 1);
    }
  }
  for (const m of meetings) {
    const gen = m.id !== REAL.id;
    if (gen) {
      ok(isDeepStrictEqual(Object.keys(m), [...sampleKeys, 'canceled', 'inactive']), `meeting ${m.id} keys`);
      ok(typeof m.canceled === 'boolean' && typeof m.inactive === 'boolean', `meeting ${m.id} canceled/inactive booleans`);
      const s = start(m).slice(0, 10);
      ok(s >= FIRST_DAY && s <= LAST_DAY, `meeting ${m.id} date ${s} in range`);
      ok(m.last_modified.slice(0, 10) <= NOW && m.creation_date <= m.last_modified, `meeting ${m.id} creation/last_modified`);
      ok(Array.isArray(m.attributes) && m.attributes.every((a) => Number.isInteger(a.id) && labels.get(m.organisation.id).has(String(a.id))), `meeting ${m.id} raw attributes with known field ids`);
      ok(m.attributes.some((a) => a.id === 1 && a.value), `meeting ${m.id} Titel`);
      if (m.canceled || m.inactive || s > NOW) ok(!m.documents.some((x) => ['Uitslagenlijst', 'Besluitenlijst'].includes(x.types[0].value)), `meeting ${m.id} no results list`);
    }
    ok(m.self === `${API}/events/meetings/${m.id}` && m.type === 'meeting' && m.body === 'council', `meeting ${m.id} self/type/body`);
    ok(m.organisation.self === `${API}/organisations/${m.organisation.id}` && gremia.get(m.organisation.id)?.has(m.gremium.id), `meeting ${m.id} gremium ${m.gremium.id} exists in organisation ${m.organisation.id}`);
    ok(m.gremium.self === gremiumSelf(m.organisation.id, m.gremium.id), `meeting ${m.id} gremium self`);
    ok(m.plannings.length >= 1 && m.plannings.every((p) => STAMP_RE.test(p.start_date) && (p.end_date === null || (STAMP_RE.test(p.end_date) && p.end_date > p.start_date))), `meeting ${m.id} plannings`);
    ok([0, 1].includes(m.confidential) && STAMP_RE.test(m.creation_date) && STAMP_RE.test(m.last_modified), `meeting ${m.id} confidential/stamps`);
    for (const doc of m.documents) checkDoc(doc, `meeting ${m.id}`);
    walk(m, m.agenda_items, null, 1);
    const depth = (items) => items.reduce((mx, i) => Math.max(mx, 1 + depth(i.agenda_items)), 0);
    if (depth(m.agenda_items) >= 2) stats.nested++;
  }
  ok(new Set(itemIds).size === itemIds.length, 'unique agenda item ids');
  ok(stats.nested >= 6, `nested agenda items in >= 6 meetings (${stats.nested})`);
  ok(stats.depth3 >= 1, `three-level nesting (${stats.depth3} items at level 3)`);
  ok(stats.labels >= 1 && stats.labels <= 2, `1-2 label items (${stats.labels})`);
  const heldCouncil = council.filter((m) => !m.canceled && start(m).slice(0, 10) < NOW);
  ok(heldCouncil.every((m) => m.documents.some((x) => ['Uitslagenlijst', 'Besluitenlijst'].includes(x.types[0].value))), 'held council meetings have a results list');
  const held = generated.filter((m) => !m.canceled && !m.inactive && start(m).slice(0, 10) < NOW);
  ok(held.every((m) => m.documents.some((x) => ['Uitslagenlijst', 'Besluitenlijst'].includes(x.types[0].value))), 'every held meeting has a results list');

  // module items
  const moduleFiles = readdirSync(join(OUT, 'module_items')).filter((f) => f.endsWith('.json'));
  ok(moduleRefs.length >= 5 && moduleFiles.length === moduleRefs.length, `>= 5 module item refs, one file each (${moduleRefs.length}/${moduleFiles.length})`);
  const moduleTitles = new Set();
  const results = new Map();
  for (const ref of moduleRefs) {
    let mi;
    try { mi = read(`module_items/${ref.id}.json`); } catch { ok(false, `module_items/${ref.id}.json exists`); continue; }
    ok(isDeepStrictEqual(Object.keys(mi), ['item']) && isDeepStrictEqual(Object.keys(mi.item), ['id', 'module', 'title', 'attributes', 'created', 'last_modified']), `module item ${ref.id} shape`);
    ok(mi.item.id === ref.id && MODULES[mi.item.module.title] === mi.item.module.id, `module item ${ref.id} id/module`);
    // Version 1.17.0 as ORI's transformer reads it: each attribute labelled, with a datatype and a list of values.
    ok(mi.item.attributes.every((a) => isDeepStrictEqual(Object.keys(a), ['id', 'label', 'datatype', 'values']) && MODULE_FIELDS[a.label]?.[0] === a.id
      && MODULE_FIELDS[a.label][1] === a.datatype && Array.isArray(a.values) && a.values.length >= 1), `module item ${ref.id} attributes {id, label, datatype, values}`);
    ok(mi.item.attributes.filter((a) => a.label === 'Titel').length === 1 && mi.item.attributes.find((a) => a.label === 'Titel').values[0].value === mi.item.title, `module item ${ref.id} Titel`);
    moduleTitles.add(mi.item.module.title);
    for (const a of mi.item.attributes) {
      if (a.datatype === 'document') for (const v of a.values) checkDoc(v.document, `module item ${ref.id} ${a.label}`);
      else ok(a.values.every((v) => typeof v.value === 'string' && v.value.trim() !== ''), `module item ${ref.id} ${a.label} values are texts`);
      if (a.label === 'Uitslag') results.set(a.values[0].value, (results.get(a.values[0].value) ?? 0) + 1);
    }
    const kind = mi.item.module.title;
    if (kind === 'Moties' || kind === 'Amendementen') ok(mi.item.attributes.some((a) => a.label === 'Hoofddocument'), `module item ${ref.id} has its Hoofddocument`);
  }
  ok(moduleTitles.size === 5, `modules used: ${[...moduleTitles].join(', ')}`);
  // Every result wording the subgraph maps, each outcome at least once, and exactly one wording it does not know.
  const outcomeOf = (r) => (/^voor kennisgeving aangenomen$/i.test(r) ? 'NOTED' : /^geamendeerd aangenomen$/i.test(r) ? 'AMENDED'
    : /^(unaniem )?aangenomen( met de stemmen van .+ tegen)?$/i.test(r) ? 'ADOPTED' : /^verworpen( met de stemmen van .+ voor)?$/i.test(r) ? 'REJECTED'
      : /^ingetrokken$/i.test(r) ? 'WITHDRAWN' : /^aangehouden$/i.test(r) ? 'POSTPONED' : 'UNKNOWN');
  const byOutcome = {};
  for (const [r, n] of results) byOutcome[outcomeOf(r)] = [...(byOutcome[outcomeOf(r)] ?? []), `${r} (${n})`];
  for (const o of ['ADOPTED', 'AMENDED', 'REJECTED', 'NOTED', 'WITHDRAWN', 'POSTPONED']) ok(byOutcome[o]?.length >= 1, `a result that is ${o}`);
  ok(isDeepStrictEqual(byOutcome.UNKNOWN, ['vervallen (1)']), `one result the subgraph does not map: ${byOutcome.UNKNOWN}`);

  ok(new Set(docIds).size === docIds.length, 'unique document ids across the dataset');
  for (const [v, id] of typeOf) ok(v in DOC_TYPES ? DOC_TYPES[v] === id : false, `document type ${v} = ${id} is a known type`);
  for (const t of ['Document', 'Notulen', 'Uitslagenlijst', 'Besluitenlijst', 'Raadsvoorstel', 'Voordracht', 'Raadsbesluit', 'Besluit', 'Motie', 'Amendement', 'Tekststuk', 'Flap', 'Brief', 'Agenda', 'Tknlijst', 'Bijlage'])
    ok(stats.byType[t] >= 1, `document type ${t} used`);
  ok(stats.docx >= 3 && stats.multi >= 2 && stats.v2 >= 5 && stats.caseCode >= 10, `docx ${stats.docx}, multi-version ${stats.multi}, version 2 ${stats.v2}, case codes ${stats.caseCode}`);
  const text = readdirSync(OUT, { recursive: true }).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(OUT, f), 'utf8')).join('');
  ok(!/lorem|ipsum/i.test(text), 'no lorem ipsum');
  let bytes = 0;
  for (const f of readdirSync(OUT, { recursive: true })) { const st = statSync(join(OUT, f)); if (st.isFile()) bytes += st.size; }
  ok(bytes < 2 * 1024 * 1024, `data dir under 2 MB (${(bytes / 1048576).toFixed(2)} MB)`);

  console.log('Amsterdam Notubiz replica dataset');
  console.log(`  organisations       ${orgs.length}; gremia ${allGremiumIds.length} (raadscommissies ${committees.length})`);
  console.log(`  meetings            ${meetings.length} (real 1, generated ${generated.length}: Gemeenteraad ${council.length}, raadscommissies ${rc.length}, districts ${districts.length} in ${distOrgs.size})`);
  console.log(`  status              upcoming ${upcoming.length}, cancelled ${cancelled.length}, inactive ${inactive.length}, restricted ${nonPublic.length}, confidential ${meetings.filter((m) => m.confidential === 1).length}`);
  console.log(`  agenda items        ${stats.items} (headings ${stats.headings}, labels ${stats.labels}; nested in ${stats.nested} meetings, level-3 items ${stats.depth3})`);
  console.log(`  documents           ${stats.docs} (docx ${stats.docx}, version 2 ${stats.v2}, multi-version ${stats.multi}, case codes ${stats.caseCode})`);
  console.log(`  document types      ${Object.entries(stats.byType).sort((a, b) => typeOf.get(a[0]) - typeOf.get(b[0])).map(([k, v]) => `${typeOf.get(k)} ${k} ${v}`).join(', ')}`);
  console.log(`  module items        ${moduleFiles.length} (${[...moduleTitles].join(', ')}); Uitslag on ${[...results.values()].reduce((a, b) => a + b, 0)}`);
  console.log(`  results             ${Object.entries(byOutcome).map(([o, list]) => `${o}: ${list.join(', ')}`).join('; ')}`);
  console.log(`  size                ${(bytes / 1048576).toFixed(2)} MB`);
  if (errors.length) {
    console.error(`\nCHECK FAILED (${errors.length}):`);
    for (const e of [...new Set(errors)].slice(0, 60)) console.error(`  - ${e}`);
    process.exitCode = 1;
  } else {
    console.log('  check               OK');
  }
}

const README = (n) => `# Amsterdam Notubiz replica: default offline dataset

Data served by the local replica of the Notubiz API (\`https://api.notubiz.nl\`, \`format=json&version=1.17.0\`) as the City of
Amsterdam uses it. **Generated** by \`scripts/generate-amsterdam-replica-data.mjs\` (deterministic: seeded PRNG, fixed "today"
${NOW}); do not edit by hand, change the generator and run \`node scripts/generate-amsterdam-replica-data.mjs\` (it regenerates and
then checks counts and cross-references; \`--check\` only checks).

| File | Endpoint | Envelope |
|---|---|---|
| \`organisations.json\` | \`GET /organisations\` | \`{"organisations":{"organisation":[...]}}\` (XML-to-JSON style: \`"@attributes":{"id":"281"}\`) |
| \`gremia/{orgId}.json\` | \`GET /organisations/{orgId}/gremia\` | \`{"gremia":[...]}\`; one per organisation the subgraph is configured for (\`ORGANISATIONS\` in mapping/body.ts): a missing one answers 404, which fails the sync |
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

* **Field ids** (\`settings.folder.fields.field\`, the same for all ${ORGS.length} organisations): "1" Titel, "2" Locatie, "3" Omschrijving,
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
  items and documents (never after ${NOW}). Held meetings carry an Uitslagenlijst (city) or Besluitenlijst (districts; the
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
  published after the meeting and only up to ${NOW}. A motion or amendment is an agenda item (child of the proposal, or
  grandchild under "Moties bij ..."/"Amendementen bij ...") with its Motie/Amendement document, published on the day of the
  meeting or the day after; when the item links a module item, the document sits in the module item only (its Hoofddocument). Proposals of
  Gemeenteraad meetings carry Raadsvoorstel + Raadsbesluit, raadscommissies Voordracht + Bijlage, stadsdeelcommissies
  Voordracht + Besluit (decisions) or Voordracht + Brief "Conceptadvies" (advice); all documents of one proposal share a
  publication date. Documents of upcoming meetings are published by ${NOW} at the latest; upcoming meetings have no motions.
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

if (process.argv.includes('--check')) {
  check();
} else {
  writeAll();
  check();
}
