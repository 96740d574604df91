#!/usr/bin/env node
/**
 * Generates the offline dataset of the local Notubiz API replica (https://api.notubiz.nl) for one
 * city on the Notubiz adapter, into its registry entry's replica.dir (replicas/<city>/):
 *
 *   organisations.json        GET /organisations                {"organisations":{"organisation":[...]}}
 *   gremia/{orgId}.json       GET /organisations/{id}/gremia     {"gremia":[...]}
 *   meetings/{id}.json        GET /events/meetings/{id}          {"meeting":{...}}
 *   module_items/{id}.json    GET /module_items/{id}             {"item":{...}}
 *   README.md                 what is real, what is generated
 *
 * What differs between cities is data: the organisation ids come from the city's settings in
 * cities.yaml (organisationId, districts), everything else the dataset says about the city (the
 * names of its organisations and gremia, agenda pools, meeting plan, seeds, the README) from
 * replicas/<city>/profile.mjs. A city's profile may name a real Notubiz meeting sample (Amsterdam's is
 * test/fixtures/amsterdam/amsterdam-notubiz-meeting.json), included with its values unchanged except
 * that its `attributes` go back to the raw API list; everything else is generated in the shapes of
 * that sample. Plain Node ESM (the registry is read with the project's `yaml`), deterministic: seeded
 * PRNGs, a fixed "today" (NOW), never Date.now().
 *
 *   node scripts/generate-notubiz-replica-data.mjs --city amsterdam          generate, then check
 *   node scripts/generate-notubiz-replica-data.mjs --city amsterdam --check  only check the files on disk
 */
import { readFileSync, writeFileSync, mkdirSync, rmSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');

// ------------------------------------------------------------------------------------------
// The city: its registry entry (cities.yaml or CITIES_FILE) and its dataset profile
// ------------------------------------------------------------------------------------------
const CITY_ID = process.argv[process.argv.indexOf('--city') + 1];
if (!process.argv.includes('--city') || !CITY_ID || CITY_ID.startsWith('--')) {
  console.error('usage: node scripts/generate-notubiz-replica-data.mjs --city <id> [--check]   (a city on the notubiz adapter in cities.yaml)');
  process.exit(2);
}
const REGISTRY = process.env.CITIES_FILE ? process.env.CITIES_FILE : join(ROOT, 'cities.yaml');
const ENTRY = (parseYaml(readFileSync(REGISTRY, 'utf8')).cities ?? []).find((c) => c.id === CITY_ID);
if (!ENTRY || ENTRY.adapter !== 'notubiz' || !ENTRY.replica?.dir) {
  console.error(`${CITY_ID}: not a city on the notubiz adapter with a replica.dir in ${REGISTRY}`);
  process.exit(2);
}
const OUT = join(ROOT, ENTRY.replica.dir);
const PROFILE = await import(pathToFileURL(join(OUT, 'profile.mjs')).href);
/** The municipality's own organisation (its council and committees); the others are its districts. */
const MAIN = ENTRY.settings.organisationId;
const SETTINGS_ORGS = [MAIN, ...(ENTRY.settings.districts ?? []).map((o) => o.id)];
if (!isDeepStrictEqual(PROFILE.organisations.map((o) => o.id), SETTINGS_ORGS)) {
  console.error(`${CITY_ID}: profile.mjs organisations ${PROFILE.organisations.map((o) => o.id)} must be the settings' organisationId and districts ${SETTINGS_ORGS}, in that order`);
  process.exit(2);
}
/** The dataset's "today": meetings after it are upcoming, nothing is published or modified later. */
const NOW = '2026-11-26';
const FIRST_DAY = '2024-01-01';
const LAST_DAY = '2027-01-31';
const SEED = PROFILE.seeds.main;
/** A second stream for what was added later (results of module items, proposals' module items), so that the first one, and with it
 * everything generated before, stays as it was. */
const RESULTS_SEED = PROFILE.seeds.results;
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

// --- dates: the city's wall-clock strings without offset, as Notubiz sends them ---------
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
const ORGS = PROFILE.organisations;
const ORG = Object.fromEntries(ORGS.map((o) => [o.id, o]));
/** Field settings (id -> label): meeting attributes use 1-4, agenda point titles 1. Module items label their own attributes (MODULE_FIELDS). */
const FIELDS = [[1, 'Titel'], [2, 'Locatie'], [3, 'Omschrijving'], [4, 'Voorzitter']];
const F = Object.fromEntries(FIELDS.map(([id, label]) => [label, id]));
const logoOf = (id) => `https://${API}/organisations/${id}/logo.png`;

/** [id, title, key] per organisation; keys are used by the meeting plan below. */
const GREMIA = { [MAIN]: PROFILE.gremia };
const DISTRICT_GREMIA = PROFILE.districtGremia ?? {};
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
/** The city's parties (real names) for the vote explanations. */
const PARTIES = PROFILE.parties;
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
const MOTION_TOPICS = cycler(PROFILE.motionTopics);
const AMENDMENT_TOPICS = cycler(PROFILE.amendmentTopics);
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

const PORTFOLIO_ITEMS = PROFILE.portfolioItems;
const portfolioCycle = cycler(Object.keys(PORTFOLIO_ITEMS));
const portfolioItem = Object.fromEntries(Object.entries(PORTFOLIO_ITEMS).map(([k, v]) => [k, cycler(v)]));

const COMMITTEE = PROFILE.committees;
const DISTRICT = PROFILE.districts ?? {};
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
    a.push(P(`Initiatiefvoorstel van ${motionBy()} getiteld '${PROFILE.texts.initiative}'`, [d('Initiatiefvoorstel', `Initiatiefvoorstel '${PROFILE.texts.initiative}'`, { docx: true }),
      d('Brief', 'Bestuurlijke reactie college op het initiatiefvoorstel')]));
  }
  if (ctx.besloten) {
    a.push(H('BESLOTEN DEEL'), P(PROFILE.texts.councilConfidential, [], { conf: 1 }));
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
    const [[t1, d1], [t2, d2]] = PROFILE.texts.committeeConfidential;
    a.push(H('BESLOTEN DEEL'), P(t1, [d('Tekststuk', d1, { conf: 1 })], { conf: 1 }),
      P(t2, [d('Tekststuk', d2, { conf: 1, docx: true })], { conf: 1 }));
    return a;
  }
  for (const pf of c.portfolios.slice(0, 2)) {
    a.push(H(pf));
    const pool = PORTFOLIO_ITEMS[pf] ? fresh(ctx, portfolioItem[pf]) : null;
    if (pool) {
      a.push(proposal(ctx, pool, { kind: 'committee', portfolio: pf }));
    } else {
      const t = fresh(ctx, committeeItem[c.abbr]);
      a.push(P(`${t}. (${PROFILE.texts.numberPrefix ?? 'BD'}${date.slice(0, 4)}-${pad(ri(1, 15999), 6)})`, [d('Tekststuk', `01 ${t}`), d('Flap', 'Commissie Flap', { v2: 'single' })]));
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
    a.push(P(`${t}. (${PROFILE.texts.numberPrefix ?? 'BD'}${date.slice(0, 4)}-${pad(ri(1, 15999), 6)})`, [d('Tekststuk', `01 ${t}`), d('Flap', '00 Commissie Flap', { v2: 'single' })], { prefix: `TKN ${i}` }));
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
const R = { org: MAIN, g: 'raad', start: [13, 0], end: [23, 0] };
const C = (g, extra = {}) => ({ org: MAIN, g, start: [13, 30], end: [17, 0], ...extra });
const S = (org, extra = {}) => ({ org, g: 'sdc', start: [19, 30], end: [22, 30], ...extra });
const PLAN = PROFILE.plan({ R, C, S }).sort((a, b) => a[0].localeCompare(b[0]));
/** Meetings added to a dataset later are generated after all the others (so that those stay as they were); their ids are above them. */
const PLAN_LATER = PROFILE.laterPlan ? PROFILE.laterPlan({ R, C, S }) : [];

// ------------------------------------------------------------------------------------------
// Rendering in the sample's shapes (ids grow with time, like Notubiz's)
// ------------------------------------------------------------------------------------------
let nextMeetingId = PROFILE.firstIds.meeting;
let nextItemId = PROFILE.firstIds.item;
let nextDocId = PROFILE.firstIds.document;
let nextModuleItemId = PROFILE.firstIds.moduleItem;
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

let nextLaterModuleItemId = PROFILE.firstIds.laterModuleItem;
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
 * Notubiz's items write it, sometimes with how the vote went.
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
  const holder = m.module === 'Toezeggingen' ? `${ctx.org === MAIN ? 'Wethouder' : 'Portefeuillehouder'} ${m.by ? m.by[0] : surname()}` : null;
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
    specs = p.g === 'raad' ? councilAgenda(ctx) : p.org === MAIN ? committeeAgenda(ctx, COMMITTEE[p.g]) : districtAgenda(ctx);
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
    const short = p.org === MAIN ? (p.g === 'raad' ? 'gemeenteraad' : p.g) : p.db ? `DB ${ORG[p.org].name}` : `SDC ${ORG[p.org].name}`;
    const specs2 = p.org === MAIN
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
  const desc = p.canceled ? 'Deze vergadering is komen te vervallen.' : p.restricted ? 'Besloten vergadering' : p.secondDay ? `Vergadering over twee dagen, voortzetting op ${['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'][weekday(addDays(date, 1))]}.` : '';
  const room = PROFILE.committeeRooms[p.g];
  const attributes = [{ id: F.Locatie, value: room ? `${room}, ${PROFILE.cityHall}` : ORG[p.org].location }, { id: F.Titel, value: title }, { id: F.Omschrijving, value: desc }];
  if (p.org !== MAIN && !p.db) attributes.push({ id: F.Voorzitter, value: person() });
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
/** The real Notubiz meeting (ORI's dump of one of Amsterdam's) whose shapes, key order included, every generated record copies. */
const SHAPE = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/amsterdam/amsterdam-notubiz-meeting.json'), 'utf8'));
/** The real meeting this city's dataset includes, if its profile names one. */
const REAL = PROFILE.realSample ? JSON.parse(readFileSync(join(ROOT, PROFILE.realSample), 'utf8')) : null;
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
  const meetings = [...(REAL ? [realMeeting()] : []), ...PLAN.map(renderMeeting), ...PLAN_LATER.map(renderMeeting)];
  for (const sub of ['meetings', 'module_items', 'gremia']) rmSync(join(OUT, sub), { recursive: true, force: true });
  for (const sub of ['meetings', 'module_items', 'gremia']) mkdirSync(join(OUT, sub), { recursive: true });
  const write = (f, obj) => writeFileSync(join(OUT, f), `${JSON.stringify(obj, null, 2)}\n`);
  write('organisations.json', organisations());
  for (const o of ORGS) write(`gremia/${o.id}.json`, gremiaOf(o.id));
  for (const m of meetings) write(`meetings/${m.meeting.id}.json`, m);
  for (const m of MODULE_ITEMS) write(`module_items/${m.item.id}.json`, m);
  writeFileSync(join(OUT, 'README.md'), PROFILE.readme({ meetings: meetings.length, moduleItems: MODULE_ITEMS.length }, { NOW, organisations: ORGS }));
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
  ok(isDeepStrictEqual(orgs.map((o) => o['@attributes'].id), ORGS.map((o) => String(o.id))), `organisations ${ORGS.map((o) => o.id).join(', ')}`);
  const EXPECT = PROFILE.expect;
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
    if (o.id !== MAIN) ok(g.some((x) => x.title === `Stadsdeelcommissie ${o.name}`), `Stadsdeelcommissie ${o.name}`);
  }
  ok(new Set(allGremiumIds).size === allGremiumIds.length, 'unique gremium ids');
  ok([...gremia.get(MAIN).values()].some((x) => x.title === 'Gemeenteraad'), 'a Gemeenteraad');
  for (const [id, title] of PROFILE.gremia) ok(gremia.get(MAIN).get(id)?.title === title, `gremium ${id} ${title}`);
  const isCommittee = (title) => title.startsWith('Raadscommissie ') || title.startsWith('Commissie ');
  const committees = [...gremia.get(MAIN).values()].filter((x) => isCommittee(x.title));
  ok(committees.length >= EXPECT.committees[0] && committees.length <= EXPECT.committees[1], `${EXPECT.committees.join('-')} committees (${committees.length})`);

  // meetings
  const files = readdirSync(join(OUT, 'meetings')).filter((f) => f.endsWith('.json'));
  const meetings = files.map((f) => {
    const m = read(`meetings/${f}`);
    ok(isDeepStrictEqual(Object.keys(m), ['meeting']) && f === `${m.meeting.id}.json`, `meetings/${f} envelope and name`);
    return m.meeting;
  });
  const real = REAL && meetings.find((m) => m.id === REAL.id);
  const generated = meetings.filter((m) => m.id !== REAL?.id);
  const sampleKeys = Object.keys(SHAPE);
  if (REAL && !real) ok(false, `real sample meeting ${REAL.id} included`);
  else if (REAL) {
    ok(Array.isArray(real.attributes) && real.attributes.every((a) => Number.isInteger(a.id) && isDeepStrictEqual(Object.keys(a), ['id', 'value'])), 'real meeting attributes are the raw list');
    // ORI's extractor: labels by String(id); the result must give the sample back unchanged.
    const asDict = Object.fromEntries(real.attributes.map((a) => [labels.get(MAIN).get(String(a.id)), a.value]));
    ok(isDeepStrictEqual({ ...real, attributes: asDict }, REAL), 'real sample unchanged apart from the raw attributes');
    ok(real.agenda_items.filter((i) => i.order === null).length === 6, 'real sample keeps its 6 order:null items');
  }
  ok(meetings.length >= EXPECT.meetings, `>= ${EXPECT.meetings} meetings (${meetings.length}/${generated.length} generated)`);
  const start = (m) => m.plannings[0].start_date;
  const gremiumTitle = (m) => gremia.get(m.organisation.id)?.get(m.gremium.id)?.title ?? '';
  const council = generated.filter((m) => gremiumTitle(m) === 'Gemeenteraad');
  const rc = generated.filter((m) => isCommittee(gremiumTitle(m)));
  const districts = generated.filter((m) => m.organisation.id !== MAIN);
  const distOrgs = new Set(districts.map((m) => m.organisation.id));
  ok(council.length >= EXPECT.councilMeetings, `>= ${EXPECT.councilMeetings} Gemeenteraad meetings (${council.length})`);
  ok(rc.length >= EXPECT.committeeMeetings && new Set(rc.map((m) => m.gremium.id)).size >= EXPECT.committeesMet, `>= ${EXPECT.committeeMeetings} committee meetings in >= ${EXPECT.committeesMet} committees (${rc.length})`);
  ok(districts.length >= EXPECT.districtMeetings && distOrgs.size >= EXPECT.districts, `>= ${EXPECT.districtMeetings} district meetings in >= ${EXPECT.districts} districts (${districts.length}/${distOrgs.size})`);
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
    ok(isDeepStrictEqual(Object.keys(doc), Object.keys(SHAPE.documents[0])), `${where} document ${doc.id} keys`);
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
  if (REAL) {
    walkReal(REAL.agenda_items);
    REAL.documents.forEach((x) => REAL_DOC_IDS.add(x.id));
  }
  const moduleRefs = [];
  const itemKeys = Object.keys(SHAPE.agenda_items[0]);
  function walk(m, items, parent, depth) {
    for (const it of items) {
      stats.items++;
      itemIds.push(it.id);
      ok(isDeepStrictEqual(Object.keys(it), itemKeys), `item ${it.id} keys`);
      ok(it.meeting.id === m.id && it.meeting.self === m.self, `item ${it.id} meeting`);
      ok(it.parent === (parent ? parent.id : null), `item ${it.id} parent`);
      ok(it.type === 'agenda_point' || it.type === 'label', `item ${it.id} type`);
      ok(Number.isInteger(it.order) || m.id === REAL?.id, `item ${it.id} order`);
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
    const gen = m.id !== REAL?.id;
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
  ok(stats.nested >= EXPECT.nestedMeetings, `nested agenda items in >= ${EXPECT.nestedMeetings} meetings (${stats.nested})`);
  ok(stats.depth3 >= 1, `three-level nesting (${stats.depth3} items at level 3)`);
  ok(stats.labels >= EXPECT.labels[0] && stats.labels <= EXPECT.labels[1], `${EXPECT.labels.join('-')} label items (${stats.labels})`);
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
  ok(moduleTitles.size === EXPECT.modules, `${EXPECT.modules} modules used: ${[...moduleTitles].join(', ')}`);
  // Every result wording the subgraph maps, each outcome at least once, and exactly one wording it does not know.
  const outcomeOf = (r) => (/^voor kennisgeving aangenomen$/i.test(r) ? 'NOTED' : /^geamendeerd aangenomen$/i.test(r) ? 'AMENDED'
    : /^(unaniem )?aangenomen( met de stemmen van .+ tegen)?$/i.test(r) ? 'ADOPTED' : /^verworpen( met de stemmen van .+ voor)?$/i.test(r) ? 'REJECTED'
      : /^ingetrokken$/i.test(r) ? 'WITHDRAWN' : /^aangehouden$/i.test(r) ? 'POSTPONED' : 'UNKNOWN');
  const byOutcome = {};
  for (const [r, n] of results) byOutcome[outcomeOf(r)] = [...(byOutcome[outcomeOf(r)] ?? []), `${r} (${n})`];
  if (EXPECT.everyOutcome) for (const o of ['ADOPTED', 'AMENDED', 'REJECTED', 'NOTED', 'WITHDRAWN', 'POSTPONED']) ok(byOutcome[o]?.length >= 1, `a result that is ${o}`);
  ok(isDeepStrictEqual(byOutcome.UNKNOWN, [`${EXPECT.oneUnmappedResult} (1)`]), `one result the subgraph does not map: ${byOutcome.UNKNOWN}`);

  ok(new Set(docIds).size === docIds.length, 'unique document ids across the dataset');
  for (const [v, id] of typeOf) ok(v in DOC_TYPES ? DOC_TYPES[v] === id : false, `document type ${v} = ${id} is a known type`);
  for (const t of ['Document', 'Notulen', 'Uitslagenlijst', 'Besluitenlijst', 'Raadsvoorstel', 'Voordracht', 'Raadsbesluit', 'Besluit', 'Motie', 'Amendement', 'Tekststuk', 'Flap', 'Brief', 'Agenda', 'Tknlijst', 'Bijlage'].filter((t) => !(EXPECT.unusedDocumentTypes ?? []).includes(t)))
    ok(stats.byType[t] >= 1, `document type ${t} used`);
  ok(stats.docx >= 3 && stats.multi >= 2 && stats.v2 >= 5 && stats.caseCode >= 10, `docx ${stats.docx}, multi-version ${stats.multi}, version 2 ${stats.v2}, case codes ${stats.caseCode}`);
  const text = readdirSync(OUT, { recursive: true }).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(OUT, f), 'utf8')).join('');
  ok(!/lorem|ipsum/i.test(text), 'no lorem ipsum');
  let bytes = 0;
  for (const f of readdirSync(OUT, { recursive: true })) { const st = statSync(join(OUT, f)); if (st.isFile()) bytes += st.size; }
  ok(bytes < EXPECT.maxMegabytes * 1024 * 1024, `data dir under ${EXPECT.maxMegabytes} MB (${(bytes / 1048576).toFixed(2)} MB)`);

  console.log(`${ENTRY.name} Notubiz replica dataset (${ENTRY.replica.dir})`);
  console.log(`  organisations       ${orgs.length}; gremia ${allGremiumIds.length} (committees ${committees.length})`);
  console.log(`  meetings            ${meetings.length} (real ${meetings.length - generated.length}, generated ${generated.length}: Gemeenteraad ${council.length}, committees ${rc.length}, districts ${districts.length} in ${distOrgs.size})`);
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


if (process.argv.includes('--check')) {
  check();
} else {
  writeAll();
  check();
}
