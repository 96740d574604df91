#!/usr/bin/env node
/**
 * Generates Helsinki's default offline dataset for the local Ahjo REST API replica
 * (https://ahjo.hel.fi:9802/ahjorest/v1/) into the directory cities.yaml gives as Helsinki's
 * replica.dir (replicas/helsinki/); the API base URL in the records' links is its settings.baseUrl:
 *
 *   decisions.json       {"decisions":[...]}
 *   meetings.json        {"meetings":[...]}
 *   cases.json           {"cases":[...]}
 *   decisionmakers.json  {"decisionMakers":[...], "count":N, "links":[...]}
 *   handled.json         {"about":"...", "handled":{"{NativeId}":"local time"}}: not an Ahjo response; the date the replica
 *                        filters decisions on where their records carry none (never served)
 *   README.md            what is real, what is generated
 *
 * Real Ahjo samples are read from test/fixtures/helsinki/ and included verbatim (same values);
 * everything else is generated in the shapes of those samples. Plain Node ESM, no dependencies,
 * deterministic: a seeded PRNG, a fixed "today" (NOW), never Date.now().
 *
 *   node scripts/generate-helsinki-replica-data.mjs          generate, then check
 *   node scripts/generate-helsinki-replica-data.mjs --check  only check the files on disk
 *
 * `--city <id>` reads another entry of cities.yaml (CITIES_FILE names another registry): the data
 * stays Helsinki's (its texts, bodies and real samples), only its directory and links follow the entry.
 */
import { readFileSync, writeFileSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, '..', 'test', 'fixtures', 'helsinki');
const ROOT = join(HERE, '..');
const CITY_ID = process.argv.includes('--city') ? process.argv[process.argv.indexOf('--city') + 1] : 'helsinki';
const ENTRY = (() => {
  const registry = process.env.CITIES_FILE || join(ROOT, 'cities.yaml');
  const entry = (parseYaml(readFileSync(registry, 'utf8')).cities ?? []).find((c) => c.id === CITY_ID);
  if (!entry || entry.adapter !== 'ahjo' || !entry.replica?.dir || !entry.settings?.baseUrl) {
    throw new Error(`${registry}: no city "${CITY_ID}" on the ahjo adapter with settings.baseUrl and replica.dir`);
  }
  return entry;
})();
const OUT = join(ROOT, ENTRY.replica.dir);
/** Ahjo's base URL, as the real records' links have it (with the trailing slash). */
const API = `${ENTRY.settings.baseUrl.replace(/\/+$/, '')}/`;
/** The dataset's "today": decisions end here, meetings after it are upcoming. */
const NOW = '2026-11-26';
const FIRST_DAY = '2024-01-01';
const SEED = 0x4a4f4148; // "AHJO"

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
/**
 * Two streams: `rand` reads the main stream, except inside `alt(fn)`, which reads a second one. The shapes added
 * after the first version of the dataset (see "Shapes of real Ahjo dumps" below) draw only from the second stream,
 * so every object of the first version keeps its ids and texts (the README example ids stay valid).
 */
const mainRand = mulberry32(SEED);
const shapeRand = mulberry32(SEED ^ 0x53484150); // "SHAP"
let rand = mainRand;
function alt(fn) {
  const prev = rand;
  rand = shapeRand;
  try {
    return fn();
  } finally {
    rand = prev;
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
function weighted(pairs) {
  const items = pairs.filter((p) => p[1] > 0);
  const total = items.reduce((s, p) => s + p[1], 0);
  let r = rand() * total;
  for (const [v, w] of items) if ((r -= w) < 0) return v;
  return items[items.length - 1][0];
}
/** Cycles through a list in a shuffled order, so that values repeat as little as possible. */
function cycler(list) {
  let queue = [];
  return () => {
    if (!queue.length) queue = shuffle(list);
    return queue.pop();
  };
}
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const pad = (n, w = 2) => String(n).padStart(w, '0');
const money = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

// --- identifiers ---------------------------------------------------------------------------
const HEX = '0123456789ABCDEF';
const hex = (n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += HEX[Math.floor(rand() * 16)];
  return s;
};
const usedIds = new Set();
function unique(gen) {
  for (;;) {
    const id = gen();
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}
/** Random GUID as Ahjo shows decision NativeIds: {B0480A7A-2712-49B6-9938-02A1E52593C1}. */
const guid = () => unique(() => `{${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'A', 'B'])}${hex(3)}-${hex(12)}}`);
/** Ahjo's document-store ids: {2D4215DF-7A81-C9A1-B00F-95B2ED200004} (third group C..., tail ...0000N). */
const ahjoId = () => unique(() => `{${hex(8)}-${hex(4)}-C${hex(3)}-${hex(4)}-${hex(7)}0000${hex(1)}}`);
const enc = (id) => id.replace('{', '%7B').replace('}', '%7D');
const bare = (id) => id.slice(1, -1);
const selfLink = (path) => [{ rel: 'self', href: API + path }];

// --- dates (Helsinki local wall-clock strings, no offsets, like Ahjo) ----------------------
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
const daysBetween = (a, b) => Math.round((D(b) - D(a)) / 86400000);
const dt = (s, hh = 0, mm = 0, ss = 0, ms = 0) => `${s}T${pad(hh)}:${pad(mm)}:${pad(ss)}.${pad(ms, 3)}`;
const fiDate = (s) => {
  const [y, m, d] = s.split('-');
  return `${+d}.${+m}.${y}`;
};
const fiDate0 = (s) => {
  const [y, m, d] = s.split('-');
  return `${d}.${m}.${y}`;
};
const yearOf = (s) => Number(s.slice(0, 4));
function lastSunday(y, month) {
  const t = new Date(Date.UTC(y, month, 0));
  while (t.getUTCDay() !== 0) t.setUTCDate(t.getUTCDate() - 1);
  return t.getUTCDate();
}
/** UTC offset (hours) of Europe/Helsinki at a local date and hour (EU rule: 03:00 -> 04:00 in March, 04:00 -> 03:00 in October). */
function helsinkiOffset(s, hh) {
  const [y, m, d] = s.split('-').map(Number);
  if (m > 3 && m < 10) return 3;
  if (m < 3 || m > 10) return 2;
  if (m === 3) {
    const ls = lastSunday(y, 3);
    return d > ls || (d === ls && hh >= 3) ? 3 : 2;
  }
  const ls = lastSunday(y, 10);
  return d < ls || (d === ls && hh < 4) ? 3 : 2;
}
/** A date at 00:00 UTC written as Helsinki local time, as Ahjo writes Issued: "2025-04-07T03:00:00.000". */
const utcMidnightLocal = (s) => dt(s, helsinkiOffset(s, 2));
/** ThisHTMLGenerated META value, e.g. "2022-01-11T20:50:09.533+02:00". */
function generatedStamp(s) {
  let day = addDays(s, ri(0, 3));
  if (day > NOW) day = NOW;
  const hh = ri(7, 21);
  return `${day}T${pad(hh)}:${pad(ri(0, 59))}:${pad(ri(0, 59))}.${pad(ri(0, 999), 3)}+0${helsinkiOffset(day, hh)}:00`;
}
/** Next working day (Mon-Fri) on or after s. */
function workday(s) {
  while (weekday(s) > 4) s = addDays(s, 1);
  return s;
}

// ------------------------------------------------------------------------------------------
// Real samples (read relative to this script) - included verbatim in the output
// ------------------------------------------------------------------------------------------
const readFixture = (f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8'));
const REAL = {
  decision: readFixture('helsinki-ahjo-decision.json'),
  votingResults: readFixture('helsinki-ahjo-decision-votingresults.json'),
  meeting: readFixture('helsinki-ahjo-meeting.json'),
  cancelledMeeting: readFixture('helsinki-ahjo-meetings-cancelled.json').meetings[0],
  case: readFixture('helsinki-ahjo-case.json'),
  cases: readFixture('helsinki-ahjo-cases.json').cases,
  decisionMakers: readFixture('helsinki-ahjo-decisionmakers.json'),
};
const VOTING_DECISION_ID = '{4629CBFB-D732-44BC-BE96-CC1FDD544325}';
// Never hand out an id that a real sample already uses.
for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.json'))) {
  for (const m of readFileSync(join(FIXTURES, f), 'utf8').matchAll(/\{[0-9A-Fa-f-]{36}\}/g)) usedIds.add(m[0].toUpperCase());
}
usedIds.add(VOTING_DECISION_ID);

// ------------------------------------------------------------------------------------------
// People (all generated people are fictional; real names appear only inside the real samples)
// ------------------------------------------------------------------------------------------
const GIVEN_FI = ['Aino', 'Anna', 'Emma', 'Hanna', 'Heidi', 'Henna', 'Iida', 'Jenni', 'Johanna', 'Katja', 'Kirsi', 'Laura',
  'Leena', 'Liisa', 'Maria', 'Marjo', 'Minna', 'Noora', 'Outi', 'Päivi', 'Riikka', 'Sanna', 'Satu', 'Suvi', 'Tiina', 'Tuula',
  'Elina', 'Eveliina', 'Maija', 'Kaisa', 'Saara', 'Veera', 'Helmi', 'Ilona', 'Fatima', 'Leila', 'Antti', 'Ari', 'Eero',
  'Heikki', 'Ilkka', 'Jani', 'Jari', 'Juha', 'Jukka', 'Kalle', 'Lauri', 'Markku', 'Matti', 'Mikko', 'Olli', 'Pekka', 'Petri',
  'Sami', 'Teemu', 'Timo', 'Tuomas', 'Ville', 'Eetu', 'Joonas', 'Otto', 'Aleksi', 'Oskari', 'Aapo', 'Ahmed', 'Abdi', 'Risto'];
const GIVEN_SV = ['Johan', 'Fredrik', 'Mathias', 'Niklas', 'Henrik', 'Linnea', 'Annika', 'Ebba', 'Stina', 'Camilla', 'Malin', 'Ulrika'];
// Surnames chosen so that Finnish genitive/allative follow the regular rules below.
const SUR_FI = ['Virtanen', 'Korhonen', 'Nieminen', 'Mäkinen', 'Hämäläinen', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen',
  'Salminen', 'Saarinen', 'Rantanen', 'Karjalainen', 'Heinonen', 'Ahonen', 'Laitinen', 'Leinonen', 'Miettinen', 'Kinnunen',
  'Tuominen', 'Hiltunen', 'Manninen', 'Mäkelä', 'Kivelä', 'Hakala', 'Koskela', 'Heikkilä', 'Seppälä', 'Kallio', 'Laakso', 'Salo',
  'Aho', 'Kettunen', 'Halonen', 'Vainio', 'Kärkkäinen', 'Pesonen', 'Savolainen', 'Jokinen', 'Peltonen', 'Hyvönen',
  'Lappalainen', 'Niemelä', 'Räsänen', 'Toivonen', 'Suominen', 'Ali', 'Hassan', 'Nguyen', 'Kaartinen', 'Huttunen', 'Rinne',
  'Ojala', 'Lahtinen', 'Vesterinen', 'Pulkkinen', 'Hirvonen', 'Rautio', 'Kokkonen', 'Anttila', 'Mustonen', 'Honkanen', 'Seppänen',
  'Hyttinen', 'Ikonen', 'Partanen', 'Turunen', 'Nurmi', 'Paananen', 'Kurki', 'Sirola', 'Valtonen', 'Aalto-Setälä', 'Kanerva',
  'Haapala', 'Mattila', 'Tikkanen', 'Jääskeläinen', 'Karvonen', 'Sundqvist', 'Osman', 'Yusuf'];
const SUR_SV = ['Lindqvist', 'Lindholm', 'Nyström', 'Holmberg', 'Sjöberg', 'Forsman', 'Wikström', 'Ekholm', 'Söderlund',
  'Grönroos', 'Blomqvist', 'Eriksson', 'Åberg', 'Lindroos', 'Strandberg'];

/** Finnish genitive (= accusative of a person) of a surname. */
function genFi(s) {
  if (s.endsWith('nen')) return s.slice(0, -3) + 'sen';
  if (s.endsWith('e')) return s + 'en'; // Rinne -> Rinteen is irregular: avoided below
  if (/[aeiouyäöå]$/i.test(s)) return s + 'n';
  return s + 'in';
}
/** Finnish allative ("to X") of a surname. */
function allFi(s) {
  if (s.endsWith('nen')) return s.slice(0, -3) + 'selle';
  if (/[aeiouyäöå]$/i.test(s)) return s + 'lle';
  return s + 'ille';
}
const genSv = (name) => (/[sxz]$/.test(name) ? name : name + 's');

const usedNames = new Set();
const usedAgentIds = new Set();
function agentId(given, sur) {
  const base = `exl.${ascii(given).toLowerCase()}.${ascii(sur).toLowerCase()}`.replace(/\s+/g, '').slice(0, 20);
  let id = base;
  for (let i = 2; usedAgentIds.has(id); i++) id = base.slice(0, 19) + i;
  usedAgentIds.add(id);
  return id;
}
function person({ sv = false, group = null } = {}) {
  for (;;) {
    const given = sv ? pick(GIVEN_SV) : pick(GIVEN_FI);
    const sur = sv ? pick(SUR_SV) : pick(SUR_FI.filter((x) => x !== 'Rinne'));
    const name = `${given} ${sur}`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    return {
      given, sur, name, vname: `${sur}, ${given}`, id: agentId(given, sur), group,
      acc: `${given} ${genFi(sur)}`, all: `${given} ${allFi(sur)}`,
      email: `${ascii(given).toLowerCase()}.${ascii(sur).toLowerCase()}@hel.fi`,
      phone: `09 310 ${ri(20000, 49999)}`,
    };
  }
}
/** A person taken from a real sample (name only; id derived with the same rule as the real exl.* ids). */
function realPerson(name) {
  const parts = name.split(' ');
  const sur = parts.slice(1).join(' ');
  usedNames.add(name);
  return { given: parts[0], sur, name, vname: `${sur}, ${parts[0]}`, id: agentId(parts[0], sur), group: null };
}

const G = {
  KOK: 'Kokoomuksen valtuustoryhmä', VIHR: 'Vihreä valtuustoryhmä', SDP: 'Sosiaalidemokraattinen valtuustoryhmä',
  VAS: 'Vasemmistoliiton valtuustoryhmä', PS: 'Perussuomalaisten valtuustoryhmä',
  RKP: 'Ruotsalaisen kansanpuolueen valtuustoryhmä', KESK: 'Keskustan valtuustoryhmä', LIIK: 'Liberaalipuolueen valtuustoryhmä',
};
const SEATS = [['KOK', 22], ['SDP', 18], ['VIHR', 17], ['VAS', 12], ['PS', 6], ['RKP', 6], ['KESK', 2], ['LIIK', 2]]; // = 85

// Council (85 seats) and deputies (varavaltuutetut).
const council = [];
for (const [g, n] of SEATS) for (let i = 0; i < n; i++) council.push(person({ sv: g === 'RKP' && i < 5, group: G[g] }));
const councilDeputies = [];
for (const [g, n] of SEATS) for (let i = 0; i < Math.min(2, n); i++) councilDeputies.push({ p: person({ sv: g === 'RKP' }), party: g });
const byGroup = (g) => council.filter((p) => p.group === G[g]);
const mayor = byGroup('KOK')[0];
const councilChair = byGroup('KOK')[1];
const deputyMayors = { kylk: byGroup('VIHR')[0], kasko: byGroup('SDP')[0], kuva: byGroup('VAS')[0], sote: byGroup('KOK')[2] };

// Civil servants (presenters, officers, contact persons, secretaries). Fictional.
const STAFF = {
  kansliapaallikko: person(), kymp: person(), kasko: person(), kuva: person(), sote: person(), tarkastusjohtaja: person(),
  elinkeinojohtaja: person(), ymparistojohtaja: person(), rakennusjohtaja: person(), ruotsi: person({ sv: true }),
  kaupunginlakimies: person(), rahoitusjohtaja: person(), henkilostojohtaja: person(),
};
const staffPool = Array.from({ length: 40 }, () => person());
const staffPoolSv = Array.from({ length: 6 }, () => person({ sv: true }));

// ------------------------------------------------------------------------------------------
// Organisations: bodies (luottamuselimet) and officers (viranhaltijat)
// ------------------------------------------------------------------------------------------
const OPEN_END = '2100-01-01T00:00:00.000';
const ref = (Name, ID, TypeId, formed, Existing = 'true', Dissolved = OPEN_END) => ({
  Name, ID, TypeId, Existing, Formed: formed.length === 10 ? dt(formed) : formed, Dissolved,
});
const SECTORS = {
  U50: 'Keskushallinto',
  U320200: 'Sosiaali- ja terveystoimiala',
  U420300: 'Kasvatuksen ja koulutuksen toimiala',
  U480400: 'Kulttuurin ja vapaa-ajan toimiala',
  U541000: 'Kaupunkiympäristön toimiala',
};
const sectorObj = (id) => (id ? { links: [], SectorID: id, Sector: SECTORS[id], PendingCases: 0 } : null);
const CITY = ref('Helsingin kaupunki', '00001', '13', '2009-01-01');
const TOIMIALA = {
  U50: ref('Keskushallinto', 'U50', '7', '2017-03-08'),
  U320200: ref('Sosiaali- ja terveystoimiala', 'U320200', '7', '2017-03-08'),
  U420300: ref('Kasvatuksen ja koulutuksen toimiala', 'U420300', '7', '2017-03-08'),
  U480400: ref('Kulttuurin ja vapaa-ajan toimiala', 'U480400', '7', '2017-03-08'),
  U541000: ref('Kaupunkiympäristön toimiala', 'U541000', '7', '2017-03-08'),
};

/**
 * Bodies. IDs 02900, 00400, U003110, U540, U480, U5010 and 02978 are real Ahjo ids (seen in the samples or in
 * older public Ahjo material); U420, U320, U4202, U5401, U5402 and 02975 are generated in the same pattern.
 */
const BODY_DEFS = [
  { key: 'kvsto', id: '02900', name: 'Kaupunginvaltuusto', gen: 'Kaupunginvaltuuston', sv: 'Stadsfullmäktige', svIn: 'stadsfullmäktige',
    typeId: '1', type: 'Valtuusto', formed: '2009-01-01', sector: null, above: [CITY],
    meetingName: 'Kaupunginvaltuuston kokous', location: 'Kaupunginvaltuuston istuntosali, Kaupungintalo', wd: 2, time: [18, 0],
    past: 10, cancelled: 1, future: ['2026-12-09'], perWeek: 4,
    forced: ['2024-06-12', '2024-12-11', '2025-06-11', '2025-12-10', '2026-06-10'] },
  { key: 'kh', id: '00400', name: 'Kaupunginhallitus', gen: 'Kaupunginhallituksen', sv: 'Stadsstyrelsen', svIn: 'stadsstyrelsen',
    typeId: '2', type: 'Hallitus', formed: '2009-01-01', sector: null, above: [ref('Kaupunginvaltuusto', '02900', '1', '2009-01-01')],
    meetingName: 'Kaupunginhallituksen kokous', location: 'Kaupunginhallituksen istuntosali', wd: 0, time: [16, 0],
    past: 12, cancelled: 2, future: ['2026-12-07', '2027-01-11'], perWeek: 20, forced: ['2024-11-25', '2025-11-24', '2026-11-23'] },
  { key: 'tark', id: 'U003110', name: 'Tarkastuslautakunta', gen: 'Tarkastuslautakunnan', sv: 'Revisionsnämnden', svIn: 'revisionsnämnden',
    typeId: '5', type: 'Lautakunta', formed: '2017-06-01', sector: 'U50',
    above: [ref('Tarkastusvirasto', 'U003000', '17', '2017-06-01')],
    location: 'Tarkastusvirasto, Unioninkatu 25, kokoushuone', wd: 1, time: [16, 0], past: 4, cancelled: 0, future: [], perWeek: 3,
    forced: ['2025-05-13', '2026-05-12'] },
  { key: 'kylk', id: 'U540', name: 'Kaupunkiympäristölautakunta', gen: 'Kaupunkiympäristölautakunnan', sv: 'Stadsmiljönämnden',
    svIn: 'stadsmiljönämnden', typeId: '5', type: 'Lautakunta', formed: '2017-06-01', sector: 'U541000', above: [TOIMIALA.U541000],
    location: 'Kaupunkiympäristön toimitalo, Työpajankatu 8, kokoushuone Kaisaniemi', wd: 1, time: [16, 30],
    past: 10, cancelled: 1, future: ['2026-12-01'], perWeek: 18 },
  { key: 'ylj', id: 'U5401', name: 'Kaupunkiympäristölautakunnan ympäristö- ja lupajaosto',
    gen: 'Kaupunkiympäristölautakunnan ympäristö- ja lupajaoston', sv: 'Stadsmiljönämndens miljö- och tillståndssektion',
    svIn: 'stadsmiljönämndens miljö- och tillståndssektion', typeId: '4', type: 'Jaosto', formed: '2017-06-01', sector: 'U541000',
    aboveKey: 'kylk', location: 'Kaupunkiympäristön toimitalo, Työpajankatu 8, kokoushuone Vallila', wd: 3, time: [15, 0],
    past: 3, cancelled: 0, future: [], perWeek: 2 },
  { key: 'ryj', id: 'U5402', name: 'Kaupunkiympäristölautakunnan rakennusten ja yleisten alueiden jaosto',
    gen: 'Kaupunkiympäristölautakunnan rakennusten ja yleisten alueiden jaoston',
    sv: 'Stadsmiljönämndens sektion för byggnader och allmänna områden',
    svIn: 'stadsmiljönämndens sektion för byggnader och allmänna områden', typeId: '4', type: 'Jaosto', formed: '2017-06-01',
    sector: 'U541000', aboveKey: 'kylk', location: 'Kaupunkiympäristön toimitalo, Työpajankatu 8, kokoushuone Vallila',
    wd: 3, time: [16, 0], past: 2, cancelled: 0, future: [], perWeek: 2 },
  { key: 'kasko', id: 'U420', name: 'Kasvatus- ja koulutuslautakunta', gen: 'Kasvatus- ja koulutuslautakunnan',
    sv: 'Fostrans- och utbildningsnämnden', svIn: 'fostrans- och utbildningsnämnden', typeId: '5', type: 'Lautakunta',
    formed: '2017-06-01', sector: 'U420300', above: [TOIMIALA.U420300], location: 'Töysänkatu 2 D, kokoushuone Tarkka',
    wd: 1, time: [17, 0], past: 6, cancelled: 0, future: ['2026-12-15'], perWeek: 6 },
  { key: 'ruots', id: 'U4202', name: 'Kasvatus- ja koulutuslautakunnan ruotsinkielinen jaosto',
    gen: 'Kasvatus- ja koulutuslautakunnan ruotsinkielisen jaoston', sv: 'Fostrans- och utbildningsnämndens svenskspråkiga sektion',
    svIn: 'fostrans- och utbildningsnämndens svenskspråkiga sektion', typeId: '4', type: 'Jaosto', formed: '2017-06-01',
    sector: 'U420300', aboveKey: 'kasko', location: 'Töysänkatu 2 D, kokoushuone Tarkka', wd: 2, time: [17, 0],
    past: 2, cancelled: 0, future: [], perWeek: 2 },
  { key: 'kuva', id: 'U480', name: 'Kulttuuri- ja vapaa-aikalautakunta', gen: 'Kulttuuri- ja vapaa-aikalautakunnan',
    sv: 'Kultur- och fritidsnämnden', svIn: 'kultur- och fritidsnämnden', typeId: '5', type: 'Lautakunta', formed: '2017-06-01',
    sector: 'U480400', above: [TOIMIALA.U480400], location: 'Kallion virastotalo, Toinen linja 4 A, kokoushuone Aurora',
    wd: 1, time: [17, 0], past: 5, cancelled: 1, future: [], perWeek: 5 },
  { key: 'sote', id: 'U320', name: 'Sosiaali-, terveys- ja pelastuslautakunta', gen: 'Sosiaali-, terveys- ja pelastuslautakunnan',
    sv: 'Social-, hälsovårds- och räddningsnämnden', svIn: 'social-, hälsovårds- och räddningsnämnden', typeId: '5',
    type: 'Lautakunta', formed: '2023-01-01', sector: 'U320200', above: [TOIMIALA.U320200],
    location: 'Toinen linja 4 A, 3. krs, kokoushuone 1', wd: 1, time: [16, 0], past: 5, cancelled: 0, future: ['2027-01-19'],
    perWeek: 6 },
  { key: 'koja', id: '02978', name: 'Kaupunginhallituksen konsernijaosto', gen: 'Kaupunginhallituksen konsernijaoston',
    sv: 'Stadsstyrelsens koncernsektion', svIn: 'stadsstyrelsens koncernsektion', typeId: '4', type: 'Jaosto', formed: '2017-06-01',
    sector: 'U50', aboveKey: 'kh', location: 'Kaupunginhallituksen istuntosali', wd: 0, time: [15, 0],
    past: 4, cancelled: 1, future: [], perWeek: 2 },
  { key: 'elja', id: '02975', name: 'Kaupunginhallituksen elinkeinojaosto', gen: 'Kaupunginhallituksen elinkeinojaoston',
    sv: 'Stadsstyrelsens näringslivssektion', svIn: 'stadsstyrelsens näringslivssektion', typeId: '4', type: 'Jaosto',
    formed: '2017-06-01', sector: 'U50', aboveKey: 'kh', location: 'Kaupunginhallituksen istuntosali', wd: 0, time: [15, 0],
    past: 3, cancelled: 0, future: [], perWeek: 2 },
  { key: 'soteuj', id: 'U5010', name: REAL.meeting.DecisionMaker,
    gen: 'Kaupunginhallituksen sosiaali- ja terveydenhuollon sekä pelastustoimen uudistusjaoston',
    sv: 'Stadsstyrelsens sektion för reformen av social- och hälsovården samt räddningsväsendet',
    svIn: 'stadsstyrelsens sektion för reformen av social- och hälsovården samt räddningsväsendet', typeId: '4', type: 'Jaosto',
    formed: '2021-08-01', existing: 'false', dissolved: dt('2022-12-31'), sector: 'U50', aboveKey: 'kh',
    location: REAL.meeting.Location, past: 0, cancelled: 0, future: [], perWeek: 1 },
];
const BODY = Object.fromEntries(BODY_DEFS.map((b) => [b.key, b]));
const BODY_BY_ID = Object.fromEntries(BODY_DEFS.map((b) => [b.id, b]));
for (const b of BODY_DEFS) {
  b.kind = 'body';
  b.existing = b.existing || 'true';
  b.dissolved = b.dissolved || OPEN_END;
  b.subject = b.name;
  b.subjectSv = b.sv;
  b.meetingName = b.meetingName || b.name;
  b.below = [];
}
const bodyRef = (b) => ref(b.name, b.id, b.typeId, b.formed, b.existing, b.dissolved);
for (const b of BODY_DEFS) {
  if (b.aboveKey) {
    b.above = [bodyRef(BODY[b.aboveKey])];
    BODY[b.aboveKey].below.push(bodyRef(b));
  }
}
BODY.kvsto.below = [bodyRef(BODY.kh)];
BODY.kh.below = [TOIMIALA.U320200, TOIMIALA.U420300, TOIMIALA.U480400, TOIMIALA.U50, TOIMIALA.U541000];

// --- compositions ---------------------------------------------------------------------------
const M = (p, role, deputyOf = null) => ({ p, role, deputyOf });
function takeCouncil(group, exclude, n) {
  const out = [];
  for (const p of shuffle(byGroup(group))) {
    if (out.length >= n) break;
    if (!exclude.has(p)) {
      out.push(p);
      exclude.add(p);
    }
  }
  return out;
}
/** A board of `size` seats: chair, vice chair, members (some council members, some not) and personal deputies. */
function board({ chair, vice, councilSeats, others, deputySv = false, otherSv = false }) {
  const used = new Set([chair, vice, mayor]);
  const members = [M(chair, 'Puheenjohtaja'), M(vice, 'Varapuheenjohtaja')];
  for (const [g, n] of councilSeats) for (const p of takeCouncil(g, used, n)) members.push(M(p, 'Jäsen'));
  for (let i = 0; i < others; i++) members.push(M(person({ sv: otherSv }), 'Jäsen'));
  const deputies = members.map((m) => M(person({ sv: deputySv }), 'Varajäsen', m.p));
  return [...members, ...deputies];
}
{
  const b = BODY.kvsto;
  const vices = [byGroup('VIHR')[1], byGroup('SDP')[1]];
  b.comp = council.map((p) => M(p, p === councilChair ? 'Puheenjohtaja' : vices.includes(p) ? 'Varapuheenjohtaja' : 'Jäsen'));
  for (const d of councilDeputies) {
    const target = byGroup(d.party).filter((p) => p !== councilChair && !b.comp.some((m) => m.deputyOf === p));
    b.comp.push(M(d.p, 'Varajäsen', target[ri(0, target.length - 1)]));
  }
}
{
  const used = new Set([mayor]);
  const vice = byGroup('SDP')[2];
  used.add(vice);
  const members = [M(mayor, 'Puheenjohtaja'), M(vice, 'Varapuheenjohtaja')];
  for (const [g, n] of [['KOK', 3], ['VIHR', 3], ['SDP', 2], ['VAS', 2], ['PS', 2], ['RKP', 1]]) {
    for (const p of takeCouncil(g, used, n)) members.push(M(p, 'Jäsen'));
  }
  const deputies = members.map((m) => {
    const g = Object.keys(G).find((k) => G[k] === m.p.group);
    const [d] = takeCouncil(g, used, 1);
    return M(d || person(), 'Varajäsen', m.p);
  });
  BODY.kh.comp = [...members, ...deputies];
}
const mixedSeats = [['KOK', 1], ['VIHR', 1], ['SDP', 1], ['PS', 1]];
BODY.kylk.comp = board({ chair: deputyMayors.kylk, vice: byGroup('KOK')[7], councilSeats: mixedSeats, others: 7 });
BODY.kasko.comp = board({ chair: deputyMayors.kasko, vice: byGroup('VIHR')[8], councilSeats: mixedSeats, others: 7 });
BODY.kuva.comp = board({ chair: deputyMayors.kuva, vice: byGroup('KOK')[9], councilSeats: mixedSeats, others: 7 });
BODY.sote.comp = board({ chair: deputyMayors.sote, vice: byGroup('SDP')[9], councilSeats: mixedSeats, others: 7 });
BODY.tark.comp = board({ chair: byGroup('PS')[3], vice: byGroup('VIHR')[10], councilSeats: [['KOK', 1], ['SDP', 1], ['VAS', 1]], others: 4 });
BODY.ruots.comp = board({ chair: byGroup('RKP')[1], vice: byGroup('RKP')[2], councilSeats: [], others: 3, deputySv: true, otherSv: true });
function subBoard(parent, chair, n) {
  const seats = parent.comp.filter((m) => m.role !== 'Varajäsen' && m.p !== chair);
  const chosen = [M(chair, 'Puheenjohtaja'), ...shuffle(seats).slice(0, n - 1).map((m, i) => M(m.p, i === 0 ? 'Varapuheenjohtaja' : 'Jäsen'))];
  const deputyOf = new Map(parent.comp.filter((m) => m.role === 'Varajäsen').map((m) => [m.deputyOf, m.p]));
  return [...chosen, ...chosen.map((m) => M(deputyOf.get(m.p) || person(), 'Varajäsen', m.p))];
}
BODY.koja.comp = subBoard(BODY.kh, mayor, 7);
BODY.elja.comp = subBoard(BODY.kh, BODY.kh.comp[2].p, 7);
BODY.ylj.comp = subBoard(BODY.kylk, BODY.kylk.comp[1].p, 5);
BODY.ryj.comp = subBoard(BODY.kylk, BODY.kylk.comp[2].p, 5);
{
  // The dissolved sote-reform division: its members and deputies as listed in the real meeting sample.
  const rp = new Map();
  const getP = (name) => rp.get(name) || (rp.set(name, realPerson(name)), rp.get(name));
  const c = REAL.meeting.Composition.filter((x) => ['Puheenjohtaja', 'Varapuheenjohtaja', 'Jäsen', 'Varajäsen'].includes(x.Role));
  BODY.soteuj.comp = c.map((x) => M(getP(x.Name), x.Role, x.DeputyOf ? getP(x.DeputyOf) : null));
}

// Presenters (esittelijä) and secretaries of each body.
const PRESENTER = {
  kvsto: [mayor, 'pormestari', 'borgmästare'],
  kh: [mayor, 'pormestari', 'borgmästare'],
  tark: [STAFF.tarkastusjohtaja, 'tarkastusjohtaja', 'revisionsdirektör'],
  kylk: [STAFF.kymp, 'kaupunkiympäristön toimialajohtaja', 'sektorchef för stadsmiljösektorn'],
  ylj: [STAFF.ymparistojohtaja, 'ympäristöpalvelujen johtaja', 'direktör för miljötjänster'],
  ryj: [STAFF.rakennusjohtaja, 'rakennukset ja yleiset alueet -palvelukokonaisuuden johtaja', 'direktör för servicehelheten byggnader och allmänna områden'],
  kasko: [STAFF.kasko, 'kasvatuksen ja koulutuksen toimialajohtaja', 'sektorchef för fostran och utbildning'],
  ruots: [STAFF.ruotsi, 'ruotsinkielisen kasvatuksen ja koulutuksen johtaja', 'direktör för svenskspråkig fostran och utbildning'],
  kuva: [STAFF.kuva, 'kulttuurin ja vapaa-ajan toimialajohtaja', 'sektorchef för kultur och fritid'],
  sote: [STAFF.sote, 'sosiaali-, terveys- ja pelastustoimialan toimialajohtaja', 'sektorchef för social-, hälsovårds- och räddningssektorn'],
  koja: [mayor, 'pormestari', 'borgmästare'],
  elja: [STAFF.elinkeinojohtaja, 'elinkeinojohtaja', 'näringslivsdirektör'],
};
const SECRETARY = Object.fromEntries(BODY_DEFS.map((b) => [b.key, b.key === 'ruots' ? staffPoolSv[0] : staffPool[BODY_DEFS.indexOf(b)]]));

// --- officers --------------------------------------------------------------------------------
/** The 19 real officer decision makers (verbatim dump) with the extra data the generator needs. */
const REAL_OFFICERS = {
  U02100VH2: { sv: 'Kanslichefen', holder: STAFF.kansliapaallikko, topics: ['grantGeneral', 'procCentral', 'nocase'] },
  U0212007086VH1: { sv: 'Serviceförmannen', topics: ['procRehab'] },
  U0219009010VH1: { sv: 'Säkerhets- och beredskapschefen', topics: ['planPreparedness', 'procSecurity'] },
  U02190090VH1: { sv: 'Strategichefen', topics: ['procSurvey'] },
  U021900VH1: { sv: 'Strategidirektören', topics: ['planStrategy'] },
  U3100070VH2: { sv: 'Förvaltningsdirektören', topics: ['procArchive', 'nocase'] },
  U32020010503006VH1: { sv: 'Föreståndaren för barnhemmet', topics: ['procCamp'] },
  U32020010503007VH1: { sv: 'Föreståndaren för barnhemmet', topics: ['procCamp'] },
  U32020010503008VH1: { sv: 'Chefen för familjerehabilitering', topics: ['procFamily'] },
  U42030020100VH2: { sv: 'Chefen för elevernas välbefinnande', topics: ['procPsych'] },
  U4203002024040VH1: { sv: 'Rektorn', topics: ['planSchoolMyllypuro', 'procSchoolTrip'] },
  U4203002024050VH1: { sv: 'Rektorn', topics: ['planSchoolMerilahti'] },
  U4203003040VH2: { sv: 'Chefen för de studerandes välbefinnande', topics: ['procStudentCare'] },
  U51105300103020VH1: { sv: 'Teamchefen', topics: ['permit'], weight: 3 },
  U51105300103020VH2: { sv: 'Ledande inspektören', topics: ['permit'], weight: 2 },
  U51105300405040VH1: { sv: 'Teamchefen', topics: ['planFoodControl', 'foodClaim'] },
  U51105300405050VH1: { sv: 'Stadsveterinären', topics: ['planVetDuty'] },
  U51105300405060VH1: { sv: 'Ledande tillsynsveterinären', topics: ['planAnimalWelfare', 'procStrayAnimals'] },
  U75001VH1: { sv: 'Verkställande direktören', topics: ['procTram'] },
};
/** Generated officer decision makers (Type Viranhaltija, TypeId 12, ID ...VH1), in the shape of the real ones. */
const NEW_OFFICERS = [
  ['U541000VH1', 'Kaupunkiympäristön toimialajohtaja', 'Sektorchefen för stadsmiljösektorn', 'U541000', TOIMIALA.U541000, '2017-06-01', STAFF.kymp, ['personnel', 'nocase', 'nocase']],
  ['U5410010VH1', 'Maankäyttöjohtaja', 'Markanvändningsdirektören', 'U541000', ref('Maankäyttö ja kaupunkirakenne', 'U5410010', '9', '2017-06-01'), '2017-06-01', null, ['planLandUse']],
  ['U541001020VH1', 'Tonttipäällikkö', 'Tomtchefen', 'U541000', ref('Tonttiyksikkö', 'U541001020', '14', '2017-06-01'), '2017-06-01', null, ['lease'], 3],
  ['U541001040VH1', 'Liikenne- ja katusuunnittelupäällikkö', 'Chefen för trafik- och gatuplanering', 'U541000', ref('Liikenne- ja katusuunnittelu', 'U541001040', '14', '2017-06-01'), '2017-06-01', null, ['planTraffic']],
  ['U541004010VH1', 'Rakennusvalvontapäällikkö', 'Byggnadstillsynschefen', 'U541000', ref('Rakennusvalvontapalvelut', 'U541004010', '14', '2017-06-01'), '2017-06-01', null, ['planBuildingFees']],
  ['U02120VH1', 'Kaupunginlakimies', 'Stadsjuristen', 'U50', ref('Oikeuspalvelut', 'U02120', '9', '2018-01-15'), '2018-01-15', STAFF.kaupunginlakimies, ['claim'], 2],
  ['U02130VH1', 'Rahoitusjohtaja', 'Finansdirektören', 'U50', ref('Talous- ja suunnitteluosasto', 'U02130', '9', '2018-01-15'), '2018-01-15', STAFF.rahoitusjohtaja, ['planLoan']],
  ['U02140VH1', 'Henkilöstöjohtaja', 'Personaldirektören', 'U50', ref('Henkilöstöosasto', 'U02140', '9', '2018-01-15'), '2018-01-15', STAFF.henkilostojohtaja, ['planStaffBenefit', 'nocase']],
  ['U02160VH1', 'Elinkeinojohtaja', 'Näringslivsdirektören', 'U50', ref('Elinkeino-osasto', 'U02160', '9', '2018-01-15'), '2018-01-15', STAFF.elinkeinojohtaja, ['procGrowth']],
  ['U420300VH1', 'Kasvatuksen ja koulutuksen toimialajohtaja', 'Sektorchefen för fostran och utbildning', 'U420300', TOIMIALA.U420300, '2017-06-01', STAFF.kasko, ['planUpperSecondary']],
  ['U42030010VH1', 'Varhaiskasvatusjohtaja', 'Direktören för småbarnspedagogik', 'U420300', ref('Varhaiskasvatus ja esiopetus', 'U42030010', '9', '2017-06-01'), '2017-06-01', null, ['planVoucher']],
  ['U4203003010020VH1', 'Rehtori', 'Rektorn', 'U420300', ref('Kallion lukio', 'U4203003010020', '14', '2017-06-01'), '2019-08-01', null, ['procStudyTrip']],
  ['U480400VH1', 'Kulttuurin ja vapaa-ajan toimialajohtaja', 'Sektorchefen för kultur och fritid', 'U480400', TOIMIALA.U480400, '2017-06-01', STAFF.kuva, ['procEvents']],
  ['U48040030VH1', 'Liikuntajohtaja', 'Idrottsdirektören', 'U480400', ref('Liikuntapalvelut', 'U48040030', '9', '2017-06-01'), '2017-06-01', null, ['grantSports', 'grantSports', 'grantSportsReject'], 3],
  ['U48040020VH1', 'Kulttuurijohtaja', 'Kulturdirektören', 'U480400', ref('Kulttuuripalvelut', 'U48040020', '9', '2017-06-01'), '2017-06-01', null, ['grantCulture', 'grantCulture', 'grantCultureReject'], 3],
  ['U48040040VH1', 'Nuorisojohtaja', 'Ungdomsdirektören', 'U480400', ref('Nuorisopalvelut', 'U48040040', '9', '2017-06-01'), '2017-06-01', null, ['grantYouth'], 2],
  ['U48040010VH1', 'Kaupunginkirjastonjohtaja', 'Stadsbiblioteksdirektören', 'U480400', ref('Kaupunginkirjasto', 'U48040010', '9', '2017-06-01'), '2017-06-01', null, ['planLibraryHours']],
  ['U320200VH1', 'Sosiaali-, terveys- ja pelastustoimialan toimialajohtaja', 'Sektorchefen för social-, hälsovårds- och räddningssektorn', 'U320200', TOIMIALA.U320200, '2023-01-01', STAFF.sote, ['procHealthIT']],
  ['U32020010VH1', 'Perhe- ja sosiaalipalvelujen johtaja', 'Direktören för familje- och socialtjänster', 'U320200', ref('Perhe- ja sosiaalipalvelut', 'U32020010', '9', '2017-06-01'), '2017-06-01', null, ['procHousing']],
  ['U32020060VH1', 'Pelastuskomentaja', 'Räddningskommendören', 'U320200', ref('Pelastuslaitos', 'U32020060', '9', '2017-06-01'), '2017-06-01', null, ['procFireTrucks']],
];

const OFFICERS = [];
for (const e of REAL.decisionMakers.decisionMakers) {
  const o = e.Organization;
  const extra = REAL_OFFICERS[o.ID];
  if (!extra) throw new Error(`no generator data for real decision maker ${o.ID}`);
  OFFICERS.push({
    kind: 'officer', real: true, entry: e, id: o.ID, name: o.Name, subject: o.Name.split(',')[0], subjectSv: extra.sv,
    holder: extra.holder || person(), topics: extra.topics, weight: extra.weight || 1, sectorId: o.Sector && o.Sector.SectorID,
  });
}
for (const [id, name, sv, sectorId, above, formed, holder, topics, weight] of NEW_OFFICERS) {
  OFFICERS.push({
    kind: 'officer', real: false, id, name, subject: name, subjectSv: sv, typeId: '12', type: 'Viranhaltija', existing: 'true',
    formed, dissolved: OPEN_END, sector: sectorId, above: [above], below: [], holder: holder || person(), topics, weight: weight || 1,
    sectorId,
  });
}
const ORG_BY_ID = Object.fromEntries([...BODY_DEFS, ...OFFICERS].map((o) => [o.id, o]));

// --- renderers ----------------------------------------------------------------------------
const orgLink = (id) => `organization?orgid=${id}&apireqlang=fi`;
/** Organization object as it appears inside /agents/decisionmakers (links [], single self link on levels, IsDecisionMaker). */
function dmOrganization(o) {
  return {
    links: [], Name: o.name, ID: o.id, TypeId: o.typeId, Existing: o.existing, Formed: dt(o.formed), Dissolved: o.dissolved,
    Type: o.type, Sector: sectorObj(o.sector),
    OrganizationLevelAbove: { organizations: o.above.map((r) => ({ links: selfLink(orgLink(r.ID)), ...r })), count: o.above.length, links: [] },
    OrganizationLevelBelow: { organizations: o.below.map((r) => ({ links: selfLink(orgLink(r.ID)), ...r })), count: o.below.length, links: [] },
    IsDecisionMaker: true,
  };
}
/** Organization object as it appears inside a decision (self link; the level-above links doubled, as in the real sample). */
function decisionOrganization(o) {
  const e = o.real ? o.entry.Organization : dmOrganization(o);
  const levelAbove = e.OrganizationLevelAbove.organizations.map((r) => ({ ...r, links: [r.links[0], r.links[0]] }));
  return {
    links: selfLink(orgLink(e.ID)), Name: e.Name, ID: e.ID, TypeId: e.TypeId, Existing: e.Existing, Formed: e.Formed,
    Dissolved: e.Dissolved, Type: e.Type, Sector: e.Sector,
    OrganizationLevelAbove: { organizations: levelAbove, count: levelAbove.length, links: [] },
    OrganizationLevelBelow: { organizations: e.OrganizationLevelBelow.organizations, count: e.OrganizationLevelBelow.count, links: [] },
  };
}

// ------------------------------------------------------------------------------------------
// Topic library: realistic Helsinki decision subjects, each in Finnish and Swedish
// ------------------------------------------------------------------------------------------
const CODES = {
  '00 00 01': 'Luottamushenkilöiden ja edustajien valinta',
  '00 00 03': 'Valtuuston aloitetoiminta',
  '00 01 01': 'Toiminnan suunnittelu ja seuranta',
  '00 03 01': 'Lausunnot',
  '00 04 01': 'Vahingonkorvaukset',
  '01 01 01': 'Henkilöstön palvelussuhdeasiat',
  '02 02 00': 'Talousarvio ja taloussuunnitelma',
  '02 05 01': 'Hankinnat',
  '02 06 01': 'Avustukset',
  '10 01 01': 'Tontinvaraus',
  '10 01 02': 'Maanvuokraus',
  '10 03 03': 'Asemakaavoitus',
  '10 04 02': 'Katu- ja viheralueiden käyttö',
  '10 05 01': 'Rakennushankkeet',
  '11 01 05': 'Ympäristövaikutusten arviointi',
  '11 02 01': 'Ympäristönsuojelu',
  '11 02 02': 'Elintarvike- ja eläinlääkintävalvonta',
  '12 01 00': 'Opetuksen järjestäminen',
};
const L = (fi, sv) => ({ fi, sv });
const APPROVE = L('hyväksyä', 'godkänna');
const GRANT = L('myöntää', 'bevilja');
const STD = [['approve', 50], ['asProposed', 15], ['amended', 8], ['tabled', 9], ['referred', 6], ['withdrawn', 5]];

const DISTRICTS = [['Kalasatama', 'Fiskehamnen'], ['Jätkäsaari', 'Busholmen'], ['Malmi', 'Malm'], ['Pasila', 'Böle'],
  ['Lauttasaari', 'Drumsö'], ['Vuosaari', 'Nordsjö'], ['Herttoniemi', 'Hertonäs'], ['Kannelmäki', 'Gamlas'],
  ['Pitäjänmäki', 'Sockenbacka'], ['Myllypuro', 'Kvarnbäcken'], ['Kontula', 'Gårdsbacka'], ['Oulunkylä', 'Åggelby'],
  ['Munkkiniemi', 'Munksnäs'], ['Kallio', 'Berghäll'], ['Vallila', 'Vallgård'], ['Laajasalo', 'Degerö'], ['Tapanila', 'Mosabacka']];
const DISTRICT_NO = { Kalasatama: 10, Jätkäsaari: 20, Malmi: 38, Pasila: 17, Lauttasaari: 31, Vuosaari: 54, Herttoniemi: 43,
  Kannelmäki: 33, Pitäjänmäki: 46, Myllypuro: 45, Kontula: 47, Oulunkylä: 28, Munkkiniemi: 30, Kallio: 11, Vallila: 22,
  Laajasalo: 49, Tapanila: 39 };
const ZONING_PLACES = [
  ['Malmi', 'Malm', 'Malmin asema-alueen kortteli 38108', 'kvarteret 38108 vid Malms station'],
  ['Kalasatama', 'Fiskehamnen', 'Sompasaaren kortteli 10654', 'kvarteret 10654 på Sumparholmen'],
  ['Jätkäsaari', 'Busholmen', 'Hyväntoivonpuiston itäpuoli', 'östra sidan av Godahoppsparken'],
  ['Pasila', 'Böle', 'Keski-Pasilan tornialue', 'tornområdet i Mellersta Böle'],
  ['Lauttasaari', 'Drumsö', 'Vattuniemen kortteli 31136', 'kvarteret 31136 i Hallonnäs'],
  ['Vuosaari', 'Nordsjö', 'Vuosaaren keskustan kortteli 54063', 'kvarteret 54063 i Nordsjö centrum'],
  ['Herttoniemi', 'Hertonäs', 'Linnanrakentajantien yritysalue', 'företagsområdet vid Slottsbyggarvägen'],
  ['Kannelmäki', 'Gamlas', 'Kantelettarentien täydennysrakentaminen', 'kompletteringsbyggande längs Kanteletarvägen'],
  ['Myllypuro', 'Kvarnbäcken', 'Myllypuron ostoskeskus', 'Kvarnbäckens köpcentrum'],
  ['Munkkiniemi', 'Munksnäs', 'Munkkiniemen puistotie 25', 'Munksnäs allé 25'],
  ['Kallio', 'Berghäll', 'Hämeentie 31, kortteli 301', 'Tavastvägen 31, kvarteret 301'],
  ['Oulunkylä', 'Åggelby', 'Oulunkylän aseman seutu', 'området kring Åggelby station'],
  ['Laajasalo', 'Degerö', 'Kruunuvuorenrannan Haakoninlahti 2', 'Håkansviken 2 på Kronbergsstranden'],
  ['Kontula', 'Gårdsbacka', 'Kontulan keskustan kortteli 47011', 'kvarteret 47011 i Gårdsbacka centrum'],
];
const STREETS = [['Sturenkatu 21', 'Sturegatan 21'], ['Hämeentie 62', 'Tavastvägen 62'], ['Mannerheimintie 96', 'Mannerheimvägen 96'],
  ['Fleminginkatu 14', 'Flemingsgatan 14'], ['Itäinen Papinkatu 3', 'Östra Prästgatan 3'], ['Runeberginkatu 43', 'Runebergsgatan 43'],
  ['Aleksis Kiven katu 8', 'Aleksis Kivis gata 8'], ['Kaarlenkatu 11', 'Karlsgatan 11'], ['Lapinlahdenkatu 5', 'Lappviksgatan 5'],
  ['Tehtaankatu 20', 'Fabriksgatan 20'], ['Pohjoinen Rautatiekatu 9', 'Norra Järnvägsgatan 9'], ['Siltasaarenkatu 12', 'Broholmsgatan 12'],
  ['Vanhanlinnantie 3', 'Gammelbackavägen 3'], ['Kauppakartanonkatu 7', 'Köpmansgårdsgatan 7']];
const COMPANIES = ['Rakennusliike Virkkunen Oy', 'Asuntosäätiö Kotikaari sr', 'Kiinteistö Oy Merikorttelit', 'Rakennustoimisto Lehtola Oy',
  'Asumisoikeusyhdistys Kotipesä ry', 'Puurakentajat Helmi Oy', 'Kaupunkikoti Rakennuttajat Oy'];
const SUPPLIERS = ['Kuljetus Pajunen Oy', 'Siivouspalvelu Kirkas Oy', 'Pohjolan Tietopalvelut Oy', 'Ruokapalvelu Lähde Oy',
  'Vihertyö Lampela Oy', 'Kaupunkihuolto Rauta Oy', 'Luotsi Konsultointi Oy', 'Sähkötukku Valo Oy', 'Kirjavälitys Sivu Oy',
  'Turvakoulutus Vahti Oy', 'Ajoneuvotekniikka Kiito Oy', 'Hoivapalvelut Kaari Oy'];
const nextZoning = cycler(ZONING_PLACES);
const nextDistrict = cycler(DISTRICTS);
const nextStreet = cycler(STREETS);
const nextCompany = cycler(COMPANIES);
const nextSupplier = cycler(SUPPLIERS);

// --- zoning (kylk -> kvsto) -------------------------------------------------------------------
let zoningNo = 12951;
const ZONING_AMEND = [
  L('kaavamääräyksiin lisätään määräys kattojen viherrakentamisesta', 'planbestämmelserna kompletteras med en bestämmelse om gröna tak'),
  L('korttelin pohjoisosan rakennusten enimmäiskerroslukua lasketaan yhdellä kerroksella', 'det högsta tillåtna våningsantalet för byggnaderna i kvarterets norra del sänks med en våning'),
  L('autopaikkojen vähimmäismäärää koskeva määräys poistetaan', 'bestämmelsen om minimiantalet bilplatser stryks'),
  L('alueen olemassa oleva puusto säilytetään mahdollisuuksien mukaan ja asiasta lisätään kaavamääräys', 'det befintliga trädbeståndet i området bevaras i mån av möjlighet och en planbestämmelse om detta läggs till'),
];
const ZONING_KIND = [
  L('asuinrakentamisen sekä liike- ja palvelutilojen rakentamisen katutasoon', 'bostadsbyggande samt affärs- och servicelokaler i gatuplanet'),
  L('olemassa olevan toimistorakennuksen muuttamisen asunnoiksi ja tontin täydennysrakentamisen', 'att den befintliga kontorsbyggnaden omvandlas till bostäder och att tomten kompletteringsbebyggs'),
  L('uuden päiväkodin ja asuinkerrostalojen rakentamisen', 'byggandet av ett nytt daghem och nya flervåningshus'),
];
function newZoningCase(date) {
  zoningNo += ri(2, 9);
  const z = nextZoning();
  const area = ri(40, 260) * 100;
  return { kind: 'zoning', no: zoningNo, z, drawn: addDays(date, -ri(20, 60)), changed: addDays(date, ri(25, 40)), area,
    residents: Math.round(area / 37 / 10) * 10, opinions: ri(6, 48), amend: pick(ZONING_AMEND), build: pick(ZONING_KIND) };
}
function zoningBundle(c, step) {
  const title = L(`Asemakaavan muutos nro ${c.no}, ${c.z[0]}, ${c.z[2]}`, `Detaljplaneändring nr ${c.no}, ${c.z[1]}, ${c.z[3]}`);
  const b = {
    code: '10 03 03', title, verb: APPROVE, amend: c.amend,
    reasons: L([
      `Asemakaavan muutos mahdollistaa ${c.build.fi}. Uutta asuinkerrosalaa on yhteensä noin ${money(c.area)} k-m², mikä tarkoittaa noin ${money(c.residents)} uutta asukasta.`,
      'Kaavaratkaisu on Helsingin kaupunkistrategian mukainen ja tukee täydennysrakentamista hyvien joukkoliikenneyhteyksien äärellä. Alueen arvokkaimmat puustoiset osat säilyvät puistona.',
      `Kaavaluonnoksesta saatiin ${c.opinions} mielipidettä. Ne kohdistuivat erityisesti rakennusten korkeuteen, pysäköintiin ja lähiviheralueiden säilymiseen.`,
    ], [
      `Detaljplaneändringen möjliggör ${c.build.sv}. Den nya bostadsvåningsytan är sammanlagt cirka ${money(c.area)} m² vy, vilket innebär cirka ${money(c.residents)} nya invånare.`,
      'Planlösningen följer Helsingfors stadsstrategi och stöder kompletteringsbyggande i anslutning till goda kollektivtrafikförbindelser. Områdets mest värdefulla trädbevuxna delar bevaras som park.',
      `Om planutkastet inkom ${c.opinions} åsikter. De gällde särskilt byggnadernas höjd, parkeringen och bevarandet av närgrönområdena.`,
    ]),
    attachments: [
      [`Asemakaavan muutosehdotuksen nro ${c.no} kartta, päivätty ${fiDate(c.drawn)}`, `Karta till förslaget till detaljplaneändring nr ${c.no}, daterad ${fiDate(c.drawn)}`, false],
      [`Asemakaavan muutosehdotuksen nro ${c.no} selostus`, `Beskrivning till förslaget till detaljplaneändring nr ${c.no}`, false],
      ['Vuorovaikutusraportti', 'Växelverkansrapport', true],
    ],
  };
  if (step === 'kylk') {
    return { ...b, obj: L(`${fiDate(c.drawn)} päivätyn asemakaavan muutosehdotuksen nro ${c.no}`, `förslaget till detaljplaneändring nr ${c.no}, daterat ${fiDate(c.drawn)}`),
      extra: L(['Samalla lautakunta päätti esittää asemakaavan muutosehdotuksen kaupunginhallituksen kautta kaupunginvaltuuston hyväksyttäväksi.'],
        ['Samtidigt beslutade nämnden föreslå att stadsfullmäktige via stadsstyrelsen godkänner förslaget till detaljplaneändring.']),
      appeal: 'kielto', outcomes: [['approve', 55], ['asProposed', 12], ['amended', 10], ['tabled', 13], ['referred', 6], ['withdrawn', 4]] };
  }
  return { ...b, obj: L(`asemakaavan muutoksen nro ${c.no} ${fiDate(c.drawn)} päivätyn ja ${fiDate(c.changed)} muutetun piirustuksen mukaisena`,
    `detaljplaneändringen nr ${c.no} enligt ritningen daterad ${fiDate(c.drawn)} och ändrad ${fiDate(c.changed)}`),
  appeal: 'valitus', outcomes: [['approve', 55], ['asProposed', 10], ['amended', 12], ['rejected', 6], ['tabled', 10], ['referred', 7]] };
}

// --- plot reservation (kylk) ------------------------------------------------------------------
const HOUSING_TYPES = [L('sääntelemättömän omistusasuntotuotannon', 'oreglerad ägarbostadsproduktion'),
  L('pitkän korkotuen vuokra-asuntotuotannon', 'hyresbostadsproduktion med långvarigt räntestöd'),
  L('asumisoikeusasuntotuotannon', 'produktion av bostadsrättsbostäder'), L('välimuodon asuntotuotannon', 'mellanformsbostadsproduktion')];
function plotReservationBundle(date) {
  const [dFi, dSv] = nextDistrict();
  const company = nextCompany();
  const blk = `${DISTRICT_NO[dFi]}${pad(ri(1, 299), 3)}`;
  const plot = ri(1, 12);
  const until = `${yearOf(date) + 2}-12-31`;
  const type = pick(HOUSING_TYPES);
  const area = ri(35, 140) * 100;
  return {
    code: '10 01 01', title: L(`Asuntotontin varaaminen ${company}:lle (${dFi}, tontti ${blk}/${plot})`, `Reservering av bostadstomt för ${company} (${dSv}, tomten ${blk}/${plot})`),
    verb: APPROVE,
    obj: L(`tontin ${blk}/${plot} varaamisen ${company}:lle ${type.fi} suunnittelua varten ${fiDate(until)} saakka liitteen 1 ehdoin`,
      `reserveringen av tomten ${blk}/${plot} för ${company} för planering av ${type.sv} fram till ${fiDate(until)} enligt villkoren i bilaga 1`),
    rejectObj: L(`tontin ${blk}/${plot} varausesityksen`, `förslaget om reservering av tomten ${blk}/${plot}`),
    amend: pick([L('varausehtoihin lisätään ehto puurakentamisesta', 'ett villkor om träbyggande läggs till i reserveringsvillkoren'),
      L('varauksensaajan on toteutettava vähintään 30 prosenttia asunnoista perheasuntoina', 'tomtreserveraren ska genomföra minst 30 procent av bostäderna som familjebostäder')]),
    reasons: L([
      `Tontti on asuinkerrostalojen korttelialuetta (AK), ja sen rakennusoikeus on ${money(area)} k-m².`,
      'Varaus perustuu asuntotonttien hakumenettelyyn, jossa hakemuksia arvioitiin laadun, toteutettavuuden ja hintatason perusteella.',
      'Varaus edistää asumisen ja maankäytön toteutusohjelman (AM-ohjelma) mukaisen asuntotuotantojakauman toteutumista.',
    ], [
      `Tomten är ett kvartersområde för flervåningshus (AK) med en byggrätt på ${money(area)} m² vy.`,
      'Reserveringen grundar sig på ett ansökningsförfarande för bostadstomter där ansökningarna bedömdes utifrån kvalitet, genomförbarhet och prisnivå.',
      'Reserveringen främjar den fördelning av bostadsproduktionen som förutsätts i genomförandeprogrammet för boende och markanvändning (BM-programmet).',
    ]),
    attachments: [['Varausehdot', 'Reserveringsvillkor', false], ['Sijaintikartta', 'Lägeskarta', false]],
    appeal: 'oikaisu', outcomes: [['approve', 55], ['asProposed', 12], ['amended', 10], ['rejected', 5], ['tabled', 12], ['referred', 6]],
  };
}

// --- environmental impact assessment statements --------------------------------------------------
const EIA = cycler([L('Vuosaaren sataman meriväylän syventäminen', 'fördjupningen av farleden till Nordsjö hamn'),
  L('Pasilan ratapihan lisäraiteiden rakentaminen', 'byggandet av extraspår på Böle bangård'),
  L('Malmin entisen lentokenttäalueen pilaantuneiden maiden kunnostus', 'saneringen av förorenad mark på Malms före detta flygfältsområde'),
  L('Östersundomin jätevesitunneli', 'avloppsvattentunneln i Östersundom')]);
function eiaBundle() {
  const p = EIA();
  return {
    code: '11 01 05', title: L(`Lausuntopyyntö, ${p.fi}, ympäristövaikutusten arviointiselostus, UUDELY`, `Begäran om utlåtande, ${p.sv}, miljökonsekvensbeskrivning, Nylands NTM-central`),
    verb: APPROVE, obj: L('Uudenmaan elinkeino-, liikenne- ja ympäristökeskukselle annettavan lausunnon esittelijän ehdotuksen mukaisesti', 'utlåtandet till Nylands närings-, trafik- och miljöcentral enligt föredragandens förslag'),
    other: { fi: (S) => `${S} päätti antaa Uudenmaan elinkeino-, liikenne- ja ympäristökeskukselle seuraavan lausunnon.`, sv: (S) => `${S} beslutade ge Nylands närings-, trafik- och miljöcentral följande utlåtande.` },
    extra: L(['Arviointiselostus on laadittu huolellisesti, ja se antaa riittävät tiedot hankkeen vaikutuksista. Jatkosuunnittelussa on kuitenkin kiinnitettävä erityistä huomiota melu- ja tärinävaikutuksiin sekä vesistöön kohdistuviin vaikutuksiin rakentamisen aikana.'],
      ['Miljökonsekvensbeskrivningen har utarbetats omsorgsfullt och ger tillräcklig information om projektets konsekvenser. I den fortsatta planeringen ska dock särskild uppmärksamhet fästas vid buller- och vibrationskonsekvenserna samt vid konsekvenserna för vattendragen under byggtiden.']),
    reasons: L([`Uudenmaan elinkeino-, liikenne- ja ympäristökeskus pyytää Helsingin kaupungin lausuntoa hankkeen ${p.fi.toLowerCase()} ympäristövaikutusten arviointiselostuksesta.`],
      [`Nylands närings-, trafik- och miljöcentral har begärt Helsingfors stads utlåtande om miljökonsekvensbeskrivningen för projektet ${p.sv}.`]),
    attachments: [['Lausuntopyyntö', 'Begäran om utlåtande', false]], appeal: 'kielto',
    outcomes: [['approve', 35], ['asProposed', 45], ['other', 10], ['tabled', 10]],
  };
}

// --- council initiatives (lautakunta statement -> kvsto) ----------------------------------------
const INITIATIVES = [
  { case: 'Kaupunkipyöräkauden pidentäminen', el: 'kaupunkipyöräkauden pidentämisestä', sv: 'om att förlänga stadscykelsäsongen', body: 'kylk',
    fi: 'Kaupunkipyöräkautta on pidennetty vaiheittain, ja pyörät ovat nykyisin käytössä huhtikuun alusta lokakuun loppuun. Ympärivuotinen käyttö edellyttäisi pyöräasemien talvikunnossapidon lisäämistä ja kasvattaisi kustannuksia arviolta 1,2 miljoonalla eurolla vuodessa.',
    svText: 'Stadscykelsäsongen har förlängts stegvis och cyklarna används i dag från början av april till slutet av oktober. Användning året runt skulle kräva mer vinterunderhåll av cykelstationerna och öka kostnaderna med uppskattningsvis 1,2 miljoner euro per år.' },
  { case: 'Uimarantojen esteettömyyden parantaminen', el: 'uimarantojen esteettömyyden parantamisesta', sv: 'om att förbättra tillgängligheten på badstränderna', body: 'kuva',
    fi: 'Kaupunki on parantanut esteettömyyttä Hietaniemen, Pikkukosken ja Aurinkolahden uimarannoilla. Uusia esteettömiä rantautumisluiskia ja liikkumista helpottavia rantamattoja lisätään vuosittain käytettävissä olevien määrärahojen puitteissa.',
    svText: 'Staden har förbättrat tillgängligheten på badstränderna i Sandudd, Småforsen och Solviken. Nya tillgängliga ramper och strandmattor som underlättar rörligheten läggs till årligen inom ramen för de tillgängliga anslagen.' },
  { case: 'Kirjastojen aukioloaikojen pidentäminen', el: 'kirjastojen aukioloaikojen pidentämisestä', sv: 'om att förlänga bibliotekens öppettider', body: 'kuva',
    fi: 'Kirjastojen omatoimiaikaa on laajennettu jo 24 kirjastossa. Henkilökunnan palveluaikojen pidentäminen kaikissa kirjastoissa edellyttäisi noin 40 henkilötyövuoden lisäystä.',
    svText: 'Bibliotekens meröppettider har redan utvidgats till 24 bibliotek. En förlängning av personalens betjäningstider i alla bibliotek skulle kräva cirka 40 årsverken till.' },
  { case: 'Koulujen kasvisruokapäivien lisääminen', el: 'kasvisruokapäivien lisäämisestä kouluissa', sv: 'om fler vegetariska dagar i skolorna', body: 'kasko',
    fi: 'Kouluissa tarjotaan kasvisruokaa kahtena päivänä viikossa, ja kasvisvaihtoehto on saatavilla päivittäin. Kasvisruokapäivien lisäämistä arvioidaan ruokapalvelusopimuksen uusimisen yhteydessä.',
    svText: 'I skolorna serveras vegetarisk mat två dagar i veckan och ett vegetariskt alternativ finns dagligen. En ökning av antalet vegetariska dagar bedöms i samband med att avtalet om måltidstjänster förnyas.' },
  { case: 'Koirapuistojen lisääminen Itä-Helsinkiin', el: 'koirapuistojen lisäämisestä Itä-Helsinkiin', sv: 'om fler hundparker i östra Helsingfors', body: 'kylk',
    fi: 'Itä-Helsingissä on tällä hetkellä 14 koirapuistoa. Uusia koira-aitauksia suunnitellaan Myllypuroon ja Vuosaareen osana puistojen peruskorjauksia vuosina 2026–2027.',
    svText: 'I östra Helsingfors finns i dag 14 hundparker. Nya hundgårdar planeras i Kvarnbäcken och Nordsjö som en del av grundrenoveringen av parker 2026–2027.' },
  { case: 'Talviuintipaikkojen lisääminen', el: 'talviuintipaikkojen lisäämisestä', sv: 'om fler vinterbadplatser', body: 'kuva',
    fi: 'Kaupungilla on seitsemän talviuintipaikkaa. Uuden talviuintipaikan perustamista selvitetään Kalasatamaan yhdessä alueen yhdistysten kanssa.',
    svText: 'Staden har sju vinterbadplatser. Möjligheten att inrätta en ny vinterbadplats i Fiskehamnen utreds tillsammans med föreningarna i området.' },
  { case: 'Hulevesitulvien ennaltaehkäisy', el: 'hulevesitulvien ennaltaehkäisystä', sv: 'om att förebygga dagvattenöversvämningar', body: 'kylk',
    fi: 'Kaupunki päivittää hulevesiohjelmansa vuonna 2026. Ohjelmassa painotetaan luonnonmukaisia hulevesiratkaisuja, kuten viherkattoja, sadepuutarhoja ja viivytysaltaita.',
    svText: 'Staden uppdaterar sitt dagvattenprogram år 2026. Programmet betonar naturenliga dagvattenlösningar, såsom gröna tak, regnträdgårdar och fördröjningsbassänger.' },
  { case: 'Liikuntapaikkojen maksuttomuus alle 18-vuotiaille', el: 'liikuntapaikkojen maksuttomuudesta alle 18-vuotiaille', sv: 'om avgiftsfria idrottsplatser för personer under 18 år', body: 'kuva',
    fi: 'Alle 18-vuotiaat voivat jo nyt käyttää maksutta kaupungin ulkoliikuntapaikkoja ja uimahalleja tiettyinä aikoina. Täysi maksuttomuus vähentäisi liikuntapalvelujen tuloja arviolta 2,4 miljoonaa euroa vuodessa.',
    svText: 'Personer under 18 år kan redan nu använda stadens utomhusidrottsplatser och simhallar avgiftsfritt vissa tider. Fullständig avgiftsfrihet skulle minska idrottstjänsternas intäkter med uppskattningsvis 2,4 miljoner euro per år.' },
  { case: 'Kantakaupungin läpiajoliikenteen rauhoittaminen', el: 'kantakaupungin läpiajoliikenteen rauhoittamisesta', sv: 'om att lugna ned genomfartstrafiken i innerstaden', body: 'kylk',
    fi: 'Läpiajoliikenteen rauhoittamista selvitetään osana kantakaupungin liikenneturvallisuusohjelmaa. Ensimmäiset toimenpiteet koskevat Kallion ja Vallilan asuinkatuja.',
    svText: 'Möjligheterna att lugna ned genomfartstrafiken utreds som en del av innerstadens trafiksäkerhetsprogram. De första åtgärderna gäller bostadsgatorna i Berghäll och Vallgård.' },
  { case: 'Ikääntyneiden digituen lisääminen', el: 'ikääntyneiden digituen lisäämisestä', sv: 'om att öka det digitala stödet för äldre', body: 'sote',
    fi: 'Digitukea tarjotaan kirjastoissa, palvelukeskuksissa ja puhelimitse. Tukea laajennetaan vuonna 2026 kotihoidon asiakkaille järjestettävillä kotikäynneillä.',
    svText: 'Digitalt stöd erbjuds på bibliotek, servicecentraler och per telefon. Stödet utvidgas år 2026 med hembesök för hemvårdens klienter.' },
  { case: 'Maksuton ehkäisy alle 25-vuotiaille', el: 'maksuttoman ehkäisyn laajentamisesta alle 25-vuotiaille', sv: 'om att utvidga de avgiftsfria preventivmedlen till personer under 25 år', body: 'sote',
    fi: 'Helsinki tarjoaa maksuttoman ensikertaisen ehkäisyn alle 25-vuotiaille. Laajentaminen kaikkiin ehkäisymenetelmiin maksaisi arviolta 1,8 miljoonaa euroa vuodessa.',
    svText: 'Helsingfors erbjuder avgiftsfria preventivmedel första gången till personer under 25 år. En utvidgning till alla preventivmetoder skulle kosta uppskattningsvis 1,8 miljoner euro per år.' },
  { case: 'Koulujen liikuntasalien iltakäytön lisääminen', el: 'koulujen liikuntasalien iltakäytön lisäämisestä', sv: 'om ökad kvällsanvändning av skolornas gymnastiksalar', body: 'kasko',
    fi: 'Koulujen liikuntasalit ovat iltaisin seurojen ja asukkaiden käytössä keskitetyn tilavarausjärjestelmän kautta. Vapaita vuoroja on erityisesti viikonloppuisin.',
    svText: 'Skolornas gymnastiksalar används på kvällarna av föreningar och invånare via det centraliserade lokalbokningssystemet. Lediga turer finns särskilt under veckoslut.' },
];
const nextInitiative = cycler(INITIATIVES);
function newInitiativeCase(date) {
  const s = nextInitiative();
  return { kind: 'initiative', s, initiator: pick(council.filter((p) => p !== mayor)), cosigners: ri(4, 38), initDate: addDays(date, -ri(120, 300)) };
}
function initiativeStatementBundle(c) {
  const ini = c.initiator;
  return {
    code: '00 00 03',
    title: L(`Lausunto valtuutettu ${ini.given} ${genFi(ini.sur)} ym. aloitteesta ${c.s.el}`, `Utlåtande om ledamoten ${genSv(ini.name)} m.fl. motion ${c.s.sv}`),
    caseTitle: `Valtuustoaloite, ${c.s.case}`,
    verb: APPROVE, obj: L('kaupunginhallitukselle annettavan lausunnon esittelijän ehdotuksen mukaisesti', 'utlåtandet till stadsstyrelsen enligt föredragandens förslag'),
    other: { fi: (S) => `${S} päätti antaa kaupunginhallitukselle seuraavan lausunnon.`, sv: (S) => `${S} beslutade ge stadsstyrelsen följande utlåtande.` },
    extra: L([c.s.fi], [c.s.svText]),
    amend: L('lausunnon loppuun lisätään, että asiaa seurataan osana toimialan talousarviovalmistelua', 'det i slutet av utlåtandet läggs till att ärendet följs upp som en del av sektorns budgetberedning'),
    reasons: L([`Valtuutettu ${ini.name} ja ${c.cosigners} muuta valtuutettua ovat ${fiDate(c.initDate)} jättäneet aloitteen ${c.s.el}. Kaupunginhallitus on pyytänyt asiasta lautakunnan lausuntoa.`],
      [`Ledamoten ${ini.name} och ${c.cosigners} andra ledamöter har ${fiDate(c.initDate)} lämnat en motion ${c.s.sv}. Stadsstyrelsen har begärt nämndens utlåtande i ärendet.`]),
    attachments: [],
    appeal: 'kielto', outcomes: [['asProposed', 48], ['approve', 30], ['amended', 7], ['other', 5], ['tabled', 8]],
  };
}
function initiativeCouncilBundle(c) {
  const ini = c.initiator;
  return {
    code: '00 00 03',
    title: L(`Valtuutettu ${ini.given} ${genFi(ini.sur)} aloite ${c.s.el}`, `Ledamoten ${genSv(ini.name)} motion ${c.s.sv}`),
    caseTitle: `Valtuustoaloite, ${c.s.case}`, base: 'note',
    note: L('kaupunginhallituksen vastauksen aloitteeseen ja katsoi aloitteen loppuun käsitellyksi', 'stadsstyrelsens svar på motionen och ansåg motionen slutbehandlad'),
    verb: APPROVE, obj: L('kaupunginhallituksen vastauksen aloitteeseen', 'stadsstyrelsens svar på motionen'),
    reasons: L([`Valtuutettu ${ini.name} ja ${c.cosigners} muuta valtuutettua ovat ${fiDate(c.initDate)} jättäneet aloitteen ${c.s.el}.`, c.s.fi],
      [`Ledamoten ${ini.name} och ${c.cosigners} andra ledamöter har ${fiDate(c.initDate)} lämnat en motion ${c.s.sv}.`, c.s.svText]),
    attachments: [[`Valtuutettu ${ini.given} ${genFi(ini.sur)} aloite`, `Ledamoten ${genSv(ini.name)} motion`, true]],
    appeal: 'kielto', outcomes: [['noted', 80], ['referred', 10], ['tabled', 10]],
  };
}

// --- statements to ministries --------------------------------------------------------------
const MINISTRIES = cycler([
  { all: 'ympäristöministeriölle', nom: 'ympäristöministeriö', sv: 'miljöministeriet', subj: 'rakentamislain muuttamisesta', subjSv: 'om ändring av bygglagen',
    concern: L('lupamenettelyjen nopeuttaminen ei saa heikentää rakennusvalvonnan mahdollisuuksia valvoa rakentamisen laatua', 'snabbare tillståndsförfaranden inte får försvaga byggnadstillsynens möjligheter att övervaka byggandets kvalitet') },
  { all: 'valtiovarainministeriölle', nom: 'valtiovarainministeriö', sv: 'finansministeriet', subj: 'kuntien valtionosuusjärjestelmän uudistamisesta', subjSv: 'om reformen av systemet för statsandelar till kommunerna',
    concern: L('uudistuksen vaikutukset suurten kaupunkien talouteen on arvioitava nykyistä tarkemmin', 'reformens konsekvenser för de stora städernas ekonomi måste bedömas noggrannare än nu') },
  { all: 'opetus- ja kulttuuriministeriölle', nom: 'opetus- ja kulttuuriministeriö', sv: 'undervisnings- och kulturministeriet', subj: 'oppivelvollisuuslain muuttamisesta', subjSv: 'om ändring av läropliktslagen',
    concern: L('muutoksista aiheutuvat lisäkustannukset on korvattava koulutuksen järjestäjille täysimääräisesti', 'de merkostnader som ändringarna medför ska ersättas fullt ut till utbildningsanordnarna') },
  { all: 'liikenne- ja viestintäministeriölle', nom: 'liikenne- ja viestintäministeriö', sv: 'kommunikationsministeriet', subj: 'tieliikennelain muuttamisesta', subjSv: 'om ändring av vägtrafiklagen',
    concern: L('kunnille on annettava nykyistä laajemmat mahdollisuudet automaattiseen nopeusvalvontaan', 'kommunerna bör ges större möjligheter till automatisk hastighetsövervakning') },
  { all: 'sosiaali- ja terveysministeriölle', nom: 'sosiaali- ja terveysministeriö', sv: 'social- och hälsovårdsministeriet', subj: 'asiakasmaksulain muuttamisesta', subjSv: 'om ändring av lagen om klientavgifter',
    concern: L('maksukaton nostaminen voi heikentää pienituloisten mahdollisuuksia käyttää tarvitsemiaan palveluja', 'en höjning av avgiftstaket kan försämra låginkomsttagares möjligheter att använda de tjänster de behöver') },
  { all: 'työ- ja elinkeinoministeriölle', nom: 'työ- ja elinkeinoministeriö', sv: 'arbets- och näringsministeriet', subj: 'kotoutumislain muuttamisesta', subjSv: 'om ändring av integrationslagen',
    concern: L('kotoutumispalvelujen rahoituksen on vastattava Helsingin todellista palvelutarvetta', 'finansieringen av integrationstjänsterna måste motsvara Helsingfors faktiska servicebehov') },
]);
function ministryStatementBundle(date) {
  const m = MINISTRIES();
  const deadline = fiDate(addDays(date, ri(7, 20)));
  return {
    code: '00 03 01',
    title: L(`Lausunto ${m.all} luonnoksesta hallituksen esitykseksi ${m.subj}`, `Utlåtande till ${m.sv} om utkastet till regeringens proposition ${m.subjSv}`),
    verb: APPROVE, obj: L(`kaupungin lausunnon ${m.all} liitteen 1 mukaisena`, `stadens utlåtande till ${m.sv} i enlighet med bilaga 1`),
    other: { fi: (S) => `${S} päätti antaa ${m.all} seuraavan lausunnon.`, sv: (S) => `${S} beslutade ge ${m.sv} följande utlåtande.` },
    extra: L([`Helsingin kaupunki pitää esityksen tavoitteita pääosin kannatettavina. Kaupunki kuitenkin katsoo, että ${m.concern.fi}.`],
      [`Helsingfors stad anser att propositionens mål i huvudsak är värda att understödas. Staden anser dock att ${m.concern.sv}.`]),
    amend: pick([L('lausuntoon lisätään kappale, jossa korostetaan kuntien riittävää rahoitusta uusien tehtävien hoitamiseen', 'ett stycke som betonar tillräcklig finansiering för kommunernas nya uppgifter läggs till i utlåtandet'),
      L('lausunnon viimeinen kappale poistetaan', 'det sista stycket i utlåtandet stryks')]),
    reasons: L([`${cap(m.nom)} pyytää Helsingin kaupungin lausuntoa luonnoksesta hallituksen esitykseksi ${m.subj}. Lausunto on pyydetty antamaan viimeistään ${deadline}.`],
      [`${cap(m.sv)} har begärt Helsingfors stads utlåtande om utkastet till regeringens proposition ${m.subjSv}. Utlåtandet ska ges senast ${deadline}.`]),
    attachments: [['Lausuntopyyntö', 'Begäran om utlåtande', false], ['Lausuntoluonnos', 'Utkast till utlåtande', false]],
    appeal: 'kielto', outcomes: [['approve', 42], ['asProposed', 22], ['amended', 12], ['other', 5], ['tabled', 12], ['withdrawn', 4]],
  };
}

// --- procurement ---------------------------------------------------------------------------
const PROC = {
  procKasko: [['koulukuljetusten', 'skolskjutsar', 'years'], ['kouluruokailun elintarvikkeiden', 'livsmedel för skolmåltider', 'years'], ['oppilaiden tablettitietokoneiden', 'pekdatorer för elever', '']],
  procKymp: [['puistojen ylläpitourakan', 'underhållsentreprenad för parker', 'east'], ['talvikunnossapidon aluesopimuksen', 'regionavtal för vinterunderhåll', 'north'], ['katuvalaistuksen LED-valaisimien', 'LED-armaturer för gatubelysning', '']],
  procKuva: [['kirjastoaineiston', 'biblioteksmaterial', 'years'], ['liikuntapaikkojen valvontapalveluiden', 'övervakningstjänster för idrottsplatser', 'years']],
  procSote: [['asiakas- ja potilastietojärjestelmän ylläpitopalveluiden', 'underhållstjänster för klient- och patientdatasystemet', 'years'], ['kotihoidon apuvälineiden', 'hjälpmedel för hemvården', ''], ['tulkkauspalveluiden', 'tolktjänster', 'years']],
  procCentral: [['työterveyshuoltopalveluiden', 'företagshälsovårdstjänster', 'years'], ['sähkön', 'el', 'years'], ['tietoliikennepalveluiden', 'datakommunikationstjänster', 'years'], ['henkilöstövuokrauspalveluiden', 'personaluthyrningstjänster', '']],
  procRehab: [['kuntouttavan työtoiminnan ryhmävalmennuksen', 'gruppträning inom arbetsverksamhet i rehabiliteringssyfte', '']],
  procSecurity: [['turvallisuuskoulutusten', 'säkerhetsutbildningar', 'years']],
  procSurvey: [['kaupunkilaiskyselyn toteutuksen', 'genomförandet av en invånarenkät', '']],
  procArchive: [['asiakirjojen arkistointipalveluiden', 'arkiveringstjänster för handlingar', 'years']],
  procCamp: [['nuorten leiritoiminnan', 'lägerverksamhet för unga', '']],
  procFamily: [['perhekuntoutuksen ohjauspalveluiden', 'handledningstjänster inom familjerehabilitering', '']],
  procPsych: [['koulupsykologipalveluiden', 'skolpsykologtjänster', 'years']],
  procSchoolTrip: [['leirikoulun kuljetusten', 'transporter till lägerskola', '']],
  procStudentCare: [['opiskeluhuollon etäpalveluiden', 'distanstjänster inom studerandevården', '']],
  procStrayAnimals: [['löytöeläinpalveluiden', 'hittedjurstjänster', 'years']],
  procTram: [['raitiovaunujen varaosien', 'reservdelar till spårvagnar', 'years']],
  procGrowth: [['kasvuyritysten neuvontapalveluiden', 'rådgivningstjänster för tillväxtföretag', 'years']],
  procStudyTrip: [['opintomatkan matkajärjestelyjen', 'researrangemang för en studieresa', '']],
  procEvents: [['tapahtumatuotantopalveluiden', 'evenemangsproduktionstjänster', 'years']],
  procHealthIT: [['etävastaanottopalvelun', 'en distansmottagningstjänst', '']],
  procHousing: [['tukiasumispalveluiden', 'stödboendetjänster', 'years']],
  procFireTrucks: [['sammutusajoneuvojen', 'släckningsfordon', '']],
};
function procurementBundle(key, date, officer = false) {
  const [fi, sv, span] = pick(PROC[key]);
  const y = yearOf(date);
  const sp = span === 'years' ? L(` vuosille ${y + 1}–${y + 3}`, ` för åren ${y + 1}–${y + 3}`)
    : span === 'east' ? L(', itäinen alue', ', östra området') : span === 'north' ? L(', pohjoinen alue', ', norra området') : L('', '');
  const sup = nextSupplier();
  const offers = ri(2, 9);
  const price = pick([40, 50, 60, 70]);
  const value = officer ? ri(3, 60) * 1000 : ri(4, 90) * 100000;
  return {
    code: '02 05 01', title: L(`${cap(fi)} hankinta${sp.fi}`, `Upphandling av ${sv}${sp.sv}`),
    verb: APPROVE, obj: L(`${fi} hankinnan${sp.fi} ja valita toimittajaksi ${sup}:n`, `upphandlingen av ${sv}${sp.sv} och välja ${sup} till leverantör`),
    rejectObj: L('kaikki hankinnassa saadut tarjoukset ja keskeyttää hankinnan', 'alla anbud som lämnats i upphandlingen och avbryta upphandlingen'),
    amend: pick([L('sopimuskaudeksi määrätään kolme vuotta ja optiovuosia on enintään yksi', 'avtalsperioden fastställs till tre år med högst ett optionsår'),
      L('hankintaan lisätään työllistämisehto', 'ett sysselsättningsvillkor läggs till i upphandlingen')]),
    reasons: L([
      `Hankinta on kilpailutettu avoimella menettelyllä. Määräaikaan mennessä saatiin ${offers} tarjousta.`,
      `Valintaperusteena oli kokonaistaloudellinen edullisuus, jossa hinnan painoarvo oli ${price} % ja laadun ${100 - price} %. ${sup}:n tarjous oli kokonaistaloudellisesti edullisin.`,
      `Hankinnan arvioitu kokonaisarvo on ${money(value)} euroa (alv 0 %).`,
    ], [
      `Upphandlingen har konkurrensutsatts med ett öppet förfarande. Inom utsatt tid inkom ${offers} anbud.`,
      `Grunden för valet var totalekonomisk fördelaktighet, där priset viktades med ${price} % och kvaliteten med ${100 - price} %. Anbudet från ${sup} var totalekonomiskt mest fördelaktigt.`,
      `Upphandlingens uppskattade totala värde är ${money(value)} euro (moms 0 %).`,
    ]),
    attachments: [['Tarjousten vertailutaulukko', 'Jämförelsetabell över anbuden', false], ['Tarjouspyyntö', 'Anbudsförfrågan', false], ['Hankintasopimusluonnos', 'Utkast till upphandlingsavtal', false]],
    appeal: 'hankinta',
    outcomes: officer ? [['approve', 88], ['rejected', 12]] : [['approve', 52], ['asProposed', 15], ['amended', 8], ['rejected', 5], ['tabled', 10], ['withdrawn', 5], ['referred', 5]],
  };
}

// --- grants ---------------------------------------------------------------------------------
const BODY_GRANTS = {
  kuva: [L('taiteen ja kulttuurin toiminta-avustukset', 'verksamhetsunderstöd för konst och kultur'), L('liikunnan toiminta-avustukset', 'verksamhetsunderstöd för idrott'), L('nuorisoyhdistysten toiminta-avustukset', 'verksamhetsunderstöd för ungdomsföreningar')],
  kasko: [L('kerho- ja iltapäivätoiminnan avustukset', 'understöd för klubb- och eftermiddagsverksamhet')],
  sote: [L('sosiaali- ja terveysalan järjestöavustukset', 'organisationsunderstöd inom social- och hälsovården')],
  elja: [L('suurtapahtumien avustukset', 'understöd för stora evenemang')],
};
const ASSOCS = {
  culture: ['Malmin Kamarikuoro ry', 'Pasilan Teatteriyhdistys ry', 'Vuosaaren Kulttuuriyhdistys ry', 'Herttoniemen Kirjallisuusseura ry'],
  sports: ['Kontulan Kiekko ry', 'Lauttasaaren Soutajat ry', 'Helsingin Pallo-Pojat ry', 'Itä-Helsingin Uimarit ry'],
  youth: ['Itä-Helsingin Nuorisoseura ry', 'Kallion Nuorisomedia ry', 'Pihlajiston Partiolaiset ry'],
  general: ['Maunulan Asukasyhdistys ry', 'Kannelmäki-Seura ry', 'Pihlajamäen Kyläyhdistys ry', 'Tapanilan Omakotiyhdistys ry'],
};
const PURPOSES = {
  culture: [L('kevätkonsertin järjestämiseen', 'anordnandet av en vårkonsert'), L('kaupunginosafestivaalin järjestämiseen', 'anordnandet av en stadsdelsfestival'), L('yhteisötaideprojektiin', 'ett gemenskapskonstprojekt')],
  sports: [L('junioreiden harrastustoimintaan', 'juniorverksamhet'), L('kesäleirin järjestämiseen', 'anordnandet av ett sommarläger'), L('soveltavan liikunnan ryhmien toimintaan', 'verksamhet för grupper inom anpassad idrott')],
  youth: [L('nuorten kesätoimintaan', 'sommarverksamhet för unga'), L('nuorten mediakerhon toimintaan', 'verksamheten i en mediaklubb för unga')],
  general: [L('asukastilan toimintaan', 'verksamheten i en invånarlokal'), L('kaupunginosan asukastapahtumaan', 'ett invånarevenemang i stadsdelen'), L('lähidemokratiahankkeeseen', 'ett närdemokratiprojekt')],
};
function bodyGrantBundle(bodyKey, date) {
  const g = pick(BODY_GRANTS[bodyKey]);
  const y = yearOf(date);
  const next = Number(date.slice(5, 7)) >= 9 ? y + 1 : y;
  const sp = bodyKey === 'kasko' ? L(` lukuvuodelle ${y}–${y + 1}`, ` för läsåret ${y}–${y + 1}`) : L(` vuodelle ${next}`, ` för år ${next}`);
  const sum = ri(30, 900) * 5000;
  const n = ri(40, 260);
  const assoc = pick([...ASSOCS.culture, ...ASSOCS.sports, ...ASSOCS.youth]);
  const up = ri(2, 10) * 1000;
  return {
    code: '02 06 01', title: L(`${cap(g.fi)}${sp.fi}`, `${cap(g.sv)}${sp.sv}`), verb: GRANT,
    obj: L(`${g.fi}${sp.fi} liitteen 1 mukaisesti yhteensä ${money(sum)} euroa`, `${g.sv}${sp.sv} enligt bilaga 1, sammanlagt ${money(sum)} euro`),
    amend: L(`${assoc}:n avustusta korotetaan ${money(up)} eurolla`, `understödet till ${assoc} höjs med ${money(up)} euro`),
    reasons: L([`Avustuksia haettiin määräaikaan mennessä ${n} hakemuksella, ja haettujen avustusten yhteismäärä oli ${money(Math.round(sum * 1.6 / 1000) * 1000)} euroa.`,
      'Avustukset on valmisteltu kaupunginhallituksen hyväksymien avustusten yleisohjeiden ja lautakunnan avustusperiaatteiden mukaisesti.'],
    [`Inom utsatt tid inkom ${n} ansökningar om understöd, och det sammanlagda sökta beloppet var ${money(Math.round(sum * 1.6 / 1000) * 1000)} euro.`,
      'Understöden har beretts i enlighet med de allmänna anvisningarna för understöd som stadsstyrelsen godkänt och nämndens principer för understöd.']),
    attachments: [['Avustusesitys hakijoittain', 'Förslag till understöd per sökande', true], ['Avustusperiaatteet', 'Principer för understöd', false]],
    appeal: 'oikaisu', outcomes: [['approve', 60], ['asProposed', 14], ['amended', 12], ['tabled', 9], ['referred', 5]],
  };
}
function officerGrantBundle(domain, reject) {
  const assoc = pick(ASSOCS[domain]);
  const p = pick(PURPOSES[domain]);
  const sum = ri(5, 80) * 100;
  return {
    code: '02 06 01', title: L(`Kohdeavustuksen myöntäminen ${assoc}:lle`, `Beviljande av projektunderstöd till ${assoc}`),
    verb: GRANT, obj: L(`${assoc}:lle ${money(sum)} euroa kohdeavustusta ${p.fi}`, `${assoc} ett projektunderstöd på ${money(sum)} euro för ${p.sv}`),
    rejectObj: L(`${assoc}:n avustushakemuksen`, `ansökan om understöd från ${assoc}`),
    reasons: reject
      ? L(['Haettu toiminta ei kohdistu ensisijaisesti helsinkiläisiin, joten se ei täytä avustusperiaatteiden mukaisia edellytyksiä.'], ['Den verksamhet som ansökan gäller riktar sig inte i första hand till invånare i Helsingfors och uppfyller därför inte villkoren enligt principerna för understöd.'])
      : L(['Hakija täyttää avustusten myöntämisen edellytykset. Avustus myönnetään kaupunginhallituksen hyväksymien avustusten yleisohjeiden ja toimialan avustusperiaatteiden mukaisesti.'], ['Sökanden uppfyller villkoren för beviljande av understöd. Understödet beviljas i enlighet med de allmänna anvisningarna för understöd och sektorns principer för understöd.']),
    attachments: [['Avustushakemus', 'Ansökan om understöd', true]], appeal: 'oikaisu',
    outcomes: reject ? [['rejected', 100]] : [['approve', 100]],
  };
}

// --- budget and accounts ------------------------------------------------------------------------
function khBudgetBundle(date) {
  const y = yearOf(date) + 1;
  return {
    code: '02 02 00', title: L(`Vuoden ${y} talousarvioehdotus ja vuosien ${y}–${y + 2} taloussuunnitelmaehdotus`, `Budgetförslag för ${y} och förslag till ekonomiplan för ${y}–${y + 2}`),
    verb: APPROVE, obj: L(`vuoden ${y} talousarvioehdotuksen ja vuosien ${y}–${y + 2} taloussuunnitelmaehdotuksen`, `budgetförslaget för ${y} och förslaget till ekonomiplan för ${y}–${y + 2}`),
    extra: L(['Kaupunginhallitus esittää talousarvioehdotuksen kaupunginvaltuuston hyväksyttäväksi.'], ['Stadsstyrelsen föreslår att stadsfullmäktige godkänner budgetförslaget.']),
    amend: L('kasvatuksen ja koulutuksen toimialan määrärahoja korotetaan 3 miljoonalla eurolla', 'anslagen för fostrans- och utbildningssektorn höjs med 3 miljoner euro'),
    reasons: budgetReasons(y), attachments: [['Talousarvioehdotus', 'Budgetförslag', false]], appeal: 'kielto',
    outcomes: [['approve', 70], ['amended', 30]],
  };
}
function budgetReasons(y) {
  const opex = ri(5900, 6400);
  const capex = ri(1100, 1400);
  return L([`Kaupungin toimintamenot vuonna ${y} ovat talousarvioehdotuksessa yhteensä ${money(opex)} miljoonaa euroa ja investoinnit ${money(capex)} miljoonaa euroa.`,
    'Tuloveroprosentti pysyy ennallaan. Talousarvioehdotus noudattaa kaupunkistrategian mukaista menojen kasvun rajaa.'],
  [`Stadens omkostnader år ${y} uppgår i budgetförslaget till sammanlagt ${money(opex)} miljoner euro och investeringarna till ${money(capex)} miljoner euro.`,
    'Inkomstskattesatsen förblir oförändrad. Budgetförslaget följer den gräns för utgiftsökningen som anges i stadsstrategin.']);
}
function councilBudgetBundle(date) {
  const y = yearOf(date) + 1;
  return {
    code: '02 02 00', title: L(`Vuoden ${y} talousarvio ja vuosien ${y}–${y + 2} taloussuunnitelma`, `Budget för ${y} och ekonomiplan för ${y}–${y + 2}`),
    verb: APPROVE, obj: L(`vuoden ${y} talousarvion ja vuosien ${y}–${y + 2} taloussuunnitelman kaupunginhallituksen ehdotuksen mukaisesti`, `budgeten för ${y} och ekonomiplanen för ${y}–${y + 2} enligt stadsstyrelsens förslag`),
    amend: L('nuorisopalvelujen määrärahoja korotetaan 1,5 miljoonalla eurolla ja vastaava summa vähennetään keskitetyistä varauksista', 'anslagen för ungdomstjänster höjs med 1,5 miljoner euro och motsvarande belopp dras av från de centraliserade reserveringarna'),
    reasons: budgetReasons(y), attachments: [['Talousarvio ja taloussuunnitelma', 'Budget och ekonomiplan', false], ['Kaupunginvaltuuston talousarvioneuvotteluiden sopimus', 'Överenskommelse från stadsfullmäktiges budgetförhandlingar', false]],
    appeal: 'valitus', outcomes: [['approve', 55], ['amended', 45]],
  };
}
function accountsBundle(date) {
  const y = yearOf(date) - 1;
  return {
    code: '02 02 00', title: L(`Vuoden ${y} tilinpäätöksen hyväksyminen`, `Godkännande av bokslutet för ${y}`), verb: APPROVE,
    obj: L(`vuoden ${y} tilinpäätöksen`, `bokslutet för ${y}`),
    extra: L([`Samalla kaupunginvaltuusto päätti myöntää vastuuvapauden tilivelvollisille tilikaudelta ${y}.`], [`Samtidigt beslutade stadsfullmäktige bevilja de redovisningsskyldiga ansvarsfrihet för räkenskapsperioden ${y}.`]),
    reasons: L([`Kaupungin tilikauden ${y} tulos oli ${money(ri(80, 420))} miljoonaa euroa ylijäämäinen. Tilintarkastaja on puoltanut tilinpäätöksen hyväksymistä ja vastuuvapauden myöntämistä.`],
      [`Stadens resultat för räkenskapsperioden ${y} visade ett överskott på ${money(ri(80, 420))} miljoner euro. Revisorn har förordat att bokslutet godkänns och att ansvarsfrihet beviljas.`]),
    attachments: [[`Tilinpäätös ${y}`, `Bokslut ${y}`, false], ['Tilintarkastuskertomus', 'Revisionsberättelse', false]],
    appeal: 'valitus', outcomes: [['approve', 75], ['asProposed', 25]],
  };
}
function budgetRulesBundle(date) {
  const y = yearOf(date);
  return {
    code: '02 02 00', title: L(`Vuoden ${y} talousarvion noudattamisohjeet`, `Anvisningar för verkställigheten av budgeten för ${y}`),
    verb: APPROVE, obj: L(`vuoden ${y} talousarvion noudattamisohjeet liitteen 1 mukaisina`, `anvisningarna för verkställigheten av budgeten för ${y} enligt bilaga 1`),
    amend: L('ohjeiden kohtaa 4 täydennetään määrärahojen ylitysten raportoinnilla', 'punkt 4 i anvisningarna kompletteras med rapportering om överskridningar av anslag'),
    reasons: L(['Noudattamisohjeilla täsmennetään talousarvion sitovuutta ja toimialojen raportointia talousarvion toteutumisesta.'], ['Anvisningarna preciserar budgetens bindande verkan och sektorernas rapportering om budgetutfallet.']),
    attachments: [['Talousarvion noudattamisohjeet', 'Anvisningar för verkställigheten av budgeten', false]], appeal: 'kielto', outcomes: STD,
  };
}
const SECTOR_BUDGET = {
  kylk: L('Kaupunkiympäristön toimialan', 'Stadsmiljösektorns'), kasko: L('Kasvatuksen ja koulutuksen toimialan', 'Fostrans- och utbildningssektorns'),
  kuva: L('Kulttuurin ja vapaa-ajan toimialan', 'Kultur- och fritidssektorns'), sote: L('Sosiaali-, terveys- ja pelastustoimialan', 'Social-, hälsovårds- och räddningssektorns'),
};
function sectorBudgetBundle(bodyKey, date) {
  const y = yearOf(date) + 1;
  const s = SECTOR_BUDGET[bodyKey];
  return {
    code: '02 02 00', title: L(`${s.fi} talousarvioehdotus vuodelle ${y}`, `${s.sv} budgetförslag för år ${y}`), verb: APPROVE,
    obj: L(`${s.fi.toLowerCase()} talousarvioehdotuksen vuodelle ${y} ja taloussuunnitelmaehdotuksen vuosille ${y}–${y + 2}`, `${s.sv.toLowerCase()} budgetförslag för år ${y} och förslag till ekonomiplan för åren ${y}–${y + 2}`),
    extra: L(['Samalla lautakunta päätti lähettää talousarvioehdotuksen kaupunginkanslialle talousarvion valmistelua varten.'], ['Samtidigt beslutade nämnden sända budgetförslaget till stadskansliet för beredningen av budgeten.']),
    amend: L('ehdotukseen lisätään palveluverkon kehittämistä koskeva tavoite', 'ett mål om utveckling av servicenätet läggs till i förslaget'),
    reasons: L([`Talousarvioehdotus on laadittu kaupunginkanslian antaman raamin mukaisesti. Toimialan menojen kasvu vuonna ${y} on ${ri(1, 4)},${ri(0, 9)} prosenttia.`],
      [`Budgetförslaget har utarbetats inom den ram som stadskansliet fastställt. Sektorns utgifter ökar år ${y} med ${ri(1, 4)},${ri(0, 9)} procent.`]),
    attachments: [['Talousarvioehdotus', 'Budgetförslag', false]], appeal: 'kielto',
    outcomes: [['approve', 55], ['asProposed', 20], ['amended', 10], ['tabled', 15]],
  };
}

// --- audit committee (tarkastuslautakunta) ---------------------------------------------------------
function auditPlanBundle(date) {
  const y = yearOf(date) + (Number(date.slice(5, 7)) >= 9 ? 1 : 0);
  return {
    code: '00 01 01', title: L(`Tarkastuslautakunnan arviointisuunnitelma vuodelle ${y}`, `Revisionsnämndens utvärderingsplan för år ${y}`),
    verb: APPROVE, obj: L(`arviointisuunnitelman vuodelle ${y}`, `utvärderingsplanen för år ${y}`),
    amend: L('suunnitelmaan lisätään arviointi kotihoidon henkilöstön riittävyydestä', 'en utvärdering av om personalen inom hemvården är tillräcklig läggs till i planen'),
    reasons: L([`Arviointisuunnitelma kattaa vuoden ${y} arvioinnit. Suunnitelman valmistelussa on otettu huomioon valtuustokauden toimintasuunnitelma ja kaupunkistrategian painopisteet.`],
      [`Utvärderingsplanen omfattar utvärderingarna för år ${y}. Vid beredningen av planen har verksamhetsplanen för fullmäktigeperioden och stadsstrategins tyngdpunkter beaktats.`]),
    attachments: [[`Arviointisuunnitelma ${y}`, `Utvärderingsplan ${y}`, false]], appeal: 'kielto',
    outcomes: [['approve', 60], ['asProposed', 25], ['amended', 15]],
  };
}
function newAuditReportCase(date) {
  return { kind: 'auditReport', y: yearOf(date) - 1 };
}
function auditReportBundle(c, step) {
  const y = c.y;
  const t = L(`Vuoden ${y} arviointikertomus`, `Utvärderingsberättelse för ${y}`);
  if (step === 'tark') {
    return { code: '00 01 01', title: t, verb: APPROVE, obj: L(`arviointikertomuksen vuodelta ${y}`, `utvärderingsberättelsen för år ${y}`),
      extra: L(['Samalla lautakunta päätti esittää arviointikertomuksen kaupunginvaltuustolle.'], ['Samtidigt beslutade nämnden förelägga stadsfullmäktige utvärderingsberättelsen.']),
      reasons: L([`Arviointikertomuksessa arvioidaan kaupunkistrategian ja vuoden ${y} talousarvion tavoitteiden toteutumista sekä kaupungin taloudenhoitoa.`], [`I utvärderingsberättelsen bedöms hur målen i stadsstrategin och budgeten för ${y} har uppnåtts samt stadens ekonomiska förvaltning.`]),
      attachments: [[`Arviointikertomus ${y}`, `Utvärderingsberättelse ${y}`, false]], appeal: 'kielto', outcomes: [['approve', 75], ['asProposed', 25]] };
  }
  return { code: '00 01 01', title: t, base: 'note', verb: APPROVE, obj: L(`tarkastuslautakunnan arviointikertomuksen vuodelta ${y}`, `revisionsnämndens utvärderingsberättelse för år ${y}`),
    note: L(`tarkastuslautakunnan arviointikertomuksen vuodelta ${y}`, `revisionsnämndens utvärderingsberättelse för år ${y}`),
    extra: L(['Samalla kaupunginvaltuusto päätti kehottaa kaupunginhallitusta antamaan valtuustolle selvityksen arviointikertomuksen johdosta tehdyistä toimenpiteistä.'], ['Samtidigt beslutade stadsfullmäktige uppmana stadsstyrelsen att ge fullmäktige en redogörelse för de åtgärder som vidtagits med anledning av utvärderingsberättelsen.']),
    reasons: L([`Tarkastuslautakunta on hyväksynyt arviointikertomuksen vuodelta ${y} ja esittää sen kaupunginvaltuustolle.`], [`Revisionsnämnden har godkänt utvärderingsberättelsen för år ${y} och förelägger stadsfullmäktige den.`]),
    attachments: [[`Arviointikertomus ${y}`, `Utvärderingsberättelse ${y}`, false]], appeal: 'kielto', outcomes: [['noted', 90], ['tabled', 10]] };
}
function auditInterimBundle(date) {
  const y = yearOf(date);
  return { code: '00 01 01', title: L(`Tilintarkastajan väliraportti tilikaudelta ${y}`, `Revisorns mellanrapport för räkenskapsperioden ${y}`), base: 'note',
    verb: APPROVE, obj: L(`tilintarkastajan väliraportin tilikaudelta ${y}`, `revisorns mellanrapport för räkenskapsperioden ${y}`),
    note: L(`tilintarkastajan väliraportin tilikaudelta ${y}`, `revisorns mellanrapport för räkenskapsperioden ${y}`),
    reasons: L(['Tilintarkastaja on raportoinut lautakunnalle tilikauden aikana tehdyistä tarkastuksista. Raportissa ei ole olennaisia huomautuksia.'], ['Revisorn har rapporterat till nämnden om de granskningar som gjorts under räkenskapsperioden. Rapporten innehåller inga väsentliga anmärkningar.']),
    attachments: [], appeal: 'kielto', outcomes: [['noted', 90], ['tabled', 10]] };
}

// --- appointments (kvsto) and representatives (kh) ---------------------------------------------------
function newAppointmentCase() {
  const target = BODY[pick(['kylk', 'kasko', 'kuva', 'sote', 'tark'])];
  const old = pick(target.comp.filter((m) => m.role === 'Jäsen')).p;
  return { kind: 'appointment', target, old, nw: person(), resign: chance(0.7) };
}
function appointmentBundle(c) {
  const t = c.target;
  const g = t.gen.charAt(0).toLowerCase() + t.gen.slice(1);
  const common = { code: '00 00 01', attachments: [], appeal: 'valitus',
    reasons: L([`Kaupunginvaltuusto valitsee lautakuntien jäsenet valtuuston toimikautta vastaavaksi ajaksi. ${c.old.name} on pyytänyt eroa luottamustoimesta.`],
      [`Stadsfullmäktige väljer nämndernas ledamöter för en mandattid som motsvarar fullmäktiges mandattid. ${c.old.name} har begärt befrielse från förtroendeuppdraget.`]) };
  if (c.resign) {
    return { ...common, title: L(`Eron myöntäminen ${g} jäsenelle ja uuden jäsenen valinta`, `Befrielse från uppdraget som ledamot i ${t.svIn} och val av ny ledamot`),
      verb: GRANT, obj: L(`${c.old.all} eron ${g} jäsenen luottamustoimesta`, `${c.old.name} befrielse från förtroendeuppdraget som ledamot i ${t.svIn}`),
      extra: L([`Samalla kaupunginvaltuusto valitsi ${c.nw.acc} ${g} jäseneksi jäljellä olevaksi toimikaudeksi.`], [`Samtidigt valde stadsfullmäktige ${c.nw.name} till ledamot i ${t.svIn} för den återstående mandattiden.`]),
      outcomes: [['approve', 90], ['tabled', 10]] };
  }
  return { ...common, title: L(`${cap(g)} jäsenen valinta`, `Val av ledamot i ${t.svIn}`), base: 'other',
    other: { fi: (S) => `${S} valitsi ${c.nw.acc} ${g} jäseneksi jäljellä olevaksi toimikaudeksi.`, sv: (S) => `${S} valde ${c.nw.name} till ledamot i ${t.svIn} för den återstående mandattiden.` },
    otherDecided: { fi: (S) => `${S} päätti valita ${c.nw.acc} ${g} jäseneksi jäljellä olevaksi toimikaudeksi.`, sv: (S) => `${S} beslutade välja ${c.nw.name} till ledamot i ${t.svIn} för den återstående mandattiden.` },
    otherProposal: { fi: (S) => `${S} päättää valita ${g} jäsenen jäljellä olevaksi toimikaudeksi.`, sv: (S) => `${S} beslutar välja en ledamot i ${t.svIn} för den återstående mandattiden.` },
    outcomes: [['other', 100]] };
}
function representativesBundle(date) {
  const y = yearOf(date);
  return { code: '00 00 01', title: L(`Kaupungin edustajien nimeäminen tytäryhteisöjen varsinaisiin yhtiökokouksiin vuonna ${y}`, `Utseende av stadens representanter vid dottersammanslutningarnas ordinarie bolagsstämmor år ${y}`),
    base: 'other',
    other: { fi: (S) => `${S} päätti nimetä kaupungin edustajiksi tytäryhteisöjen varsinaisiin yhtiökokouksiin liitteen 1 mukaiset henkilöt ja antaa heille liitteessä mainitut toimintaohjeet.`,
      sv: (S) => `${S} beslutade utse de personer som anges i bilaga 1 till stadens representanter vid dottersammanslutningarnas ordinarie bolagsstämmor och ge dem de anvisningar som framgår av bilagan.` },
    reasons: L(['Kaupunginhallitus nimeää kaupungin edustajat tytäryhteisöjen yhtiökokouksiin ja antaa heille toimintaohjeet konserniohjeen mukaisesti.'], ['Stadsstyrelsen utser stadens representanter vid dottersammanslutningarnas bolagsstämmor och ger dem anvisningar i enlighet med koncerndirektivet.']),
    attachments: [['Edustajat ja toimintaohjeet', 'Representanter och anvisningar', true]], appeal: 'oikaisu', outcomes: [['other', 85], ['tabled', 15]] };
}
function strategyReportBundle(date) {
  const y = yearOf(date) - (Number(date.slice(5, 7)) < 4 ? 1 : 0);
  return { code: '00 01 01', title: L(`Kaupunkistrategian toteutumisen seurantaraportti ${y}`, `Uppföljningsrapport om genomförandet av stadsstrategin ${y}`), base: 'note',
    verb: APPROVE, obj: L(`kaupunkistrategian toteutumisen seurantaraportin vuodelta ${y}`, `uppföljningsrapporten om genomförandet av stadsstrategin för år ${y}`),
    note: L(`kaupunkistrategian toteutumisen seurantaraportin vuodelta ${y}`, `uppföljningsrapporten om genomförandet av stadsstrategin för år ${y}`),
    reasons: L(['Seurantaraportti kokoaa strategian mittarien kehityksen ja keskeisten toimenpiteiden etenemisen. Valtaosa mittareista on kehittynyt tavoitteiden suuntaisesti.'], ['Uppföljningsrapporten sammanställer utvecklingen av strategins mätare och hur de centrala åtgärderna framskrider. Största delen av mätarna har utvecklats i enlighet med målen.']),
    attachments: [['Seurantaraportti', 'Uppföljningsrapport', false]], appeal: 'kielto', outcomes: [['noted', 85], ['tabled', 15]] };
}

// --- divisions ---------------------------------------------------------------------------------
function groupReportBundle(date) {
  const y = yearOf(date);
  const period = Number(date.slice(5, 7)) <= 6 ? L('tammi–huhtikuu', 'januari–april') : L('tammi–elokuu', 'januari–augusti');
  return { code: '00 01 01', title: L(`Konserniyhteisöjen toiminnan ja talouden seuranta, ${period.fi} ${y}`, `Uppföljning av koncernsammanslutningarnas verksamhet och ekonomi, ${period.sv} ${y}`),
    base: 'note', verb: APPROVE, obj: L('konserniyhteisöjen toiminnan ja talouden seurantaraportin', 'uppföljningsrapporten om koncernsammanslutningarnas verksamhet och ekonomi'),
    note: L(`konserniyhteisöjen toiminnan ja talouden seurantaraportin ajalta ${period.fi} ${y}`, `uppföljningsrapporten om koncernsammanslutningarnas verksamhet och ekonomi för ${period.sv} ${y}`),
    reasons: L(['Konserniyhteisöt raportoivat konsernijaostolle toiminnastaan ja taloudestaan kolme kertaa vuodessa.'], ['Koncernsammanslutningarna rapporterar om sin verksamhet och ekonomi till koncernsektionen tre gånger per år.']),
    attachments: [['Seurantaraportti', 'Uppföljningsrapport', false]], appeal: 'kielto', outcomes: [['noted', 85], ['tabled', 15]] };
}
function groupRulesBundle() {
  return { code: '00 01 01', title: L('Konserniohjeen päivittäminen', 'Uppdatering av koncerndirektivet'), verb: APPROVE,
    obj: L('päivitetyn konserniohjeen liitteen 1 mukaisena ja esittää sen kaupunginhallituksen vahvistettavaksi', 'det uppdaterade koncerndirektivet i enlighet med bilaga 1 och föreslå att stadsstyrelsen fastställer det'),
    amend: L('ohjeen kohtaan 5.3 lisätään vaatimus vastuullisuusraportoinnista', 'ett krav på hållbarhetsrapportering läggs till i punkt 5.3 i direktivet'),
    reasons: L(['Konserniohjetta päivitetään vastaamaan muuttunutta lainsäädäntöä ja omistajapoliittisia linjauksia.'], ['Koncerndirektivet uppdateras så att det motsvarar den ändrade lagstiftningen och de ägarpolitiska riktlinjerna.']),
    attachments: [['Konserniohje', 'Koncerndirektiv', false]], appeal: 'kielto', outcomes: STD };
}
function businessProgrammeBundle(date) {
  const y = yearOf(date);
  return { code: '00 01 01', title: L(`Elinkeinopoliittisen toimenpideohjelman seuranta ${y}`, `Uppföljning av det näringspolitiska åtgärdsprogrammet ${y}`), base: 'note',
    verb: APPROVE, obj: L('elinkeinopoliittisen toimenpideohjelman seurantaraportin', 'uppföljningsrapporten om det näringspolitiska åtgärdsprogrammet'),
    note: L(`elinkeinopoliittisen toimenpideohjelman seurantaraportin vuodelta ${y}`, `uppföljningsrapporten om det näringspolitiska åtgärdsprogrammet för år ${y}`),
    reasons: L(['Toimenpideohjelman 42 toimenpiteestä 31 on käynnistynyt suunnitellusti.'], ['Av åtgärdsprogrammets 42 åtgärder har 31 inletts enligt planerna.']),
    attachments: [], appeal: 'kielto', outcomes: [['noted', 90], ['tabled', 10]] };
}
function envPermitStatementBundle() {
  const company = pick(['Satamahuolto Kari Oy', 'Betoniasema Kivi Oy', 'Energiateollisuus Lähde Oy', 'Metallinkierrätys Rauta Oy']);
  return { code: '00 03 01', title: L(`Lausunto Etelä-Suomen aluehallintovirastolle ${company}:n ympäristölupahakemuksesta`, `Utlåtande till Regionförvaltningsverket i Södra Finland om miljötillståndsansökan från ${company}`),
    verb: APPROVE, obj: L('aluehallintovirastolle annettavan lausunnon esittelijän ehdotuksen mukaisesti', 'utlåtandet till regionförvaltningsverket enligt föredragandens förslag'),
    other: { fi: (S) => `${S} päätti antaa aluehallintovirastolle seuraavan lausunnon.`, sv: (S) => `${S} beslutade ge regionförvaltningsverket följande utlåtande.` },
    extra: L(['Toiminnan melupäästöjä on rajoitettava niin, että ohjearvot eivät ylity lähimmissä asuinkohteissa. Lupamääräyksiin on sisällytettävä velvoite tarkkailla pölypäästöjä.'], ['Verksamhetens bulleremissioner ska begränsas så att riktvärdena inte överskrids vid de närmaste bostäderna. Tillståndsvillkoren ska innehålla en skyldighet att övervaka dammutsläppen.']),
    reasons: L(['Aluehallintovirasto pyytää kaupungin ympäristönsuojeluviranomaisen lausuntoa ympäristölupahakemuksesta.'], ['Regionförvaltningsverket har begärt ett utlåtande av stadens miljövårdsmyndighet om miljötillståndsansökan.']),
    attachments: [['Lupahakemus', 'Tillståndsansökan', true]], appeal: 'kielto', outcomes: [['approve', 45], ['asProposed', 30], ['other', 15], ['tabled', 10]] };
}
function noiseBundle() {
  const [a, aSv] = nextStreet();
  return { code: '11 02 01', title: L(`Ympäristönsuojelulain mukainen meluilmoitus, työmaa-alue ${a}`, `Bulleranmälan enligt miljöskyddslagen, byggarbetsplats ${aSv}`), verb: APPROVE,
    obj: L('meluilmoituksen ja antaa toiminnalle liitteen mukaiset määräykset', 'bulleranmälan och meddela verksamheten bestämmelser enligt bilagan'),
    rejectObj: L('meluilmoituksen', 'bulleranmälan'),
    amend: L('meluavat työvaiheet sallitaan arkisin vain kello 8–18', 'bullrande arbetsskeden tillåts på vardagar endast kl. 8–18'),
    reasons: L(['Työmaalla tehdään louhinta- ja paalutustöitä, joiden melu voi ylittää ohjearvot lähimmissä asuinrakennuksissa.'], ['På byggarbetsplatsen utförs sprängnings- och pålningsarbeten vars buller kan överskrida riktvärdena vid de närmaste bostadshusen.']),
    attachments: [['Meluilmoitus', 'Bulleranmälan', true]], appeal: 'oikaisu', outcomes: [['approve', 60], ['amended', 20], ['rejected', 10], ['tabled', 10]] };
}
const BUILDINGS = cycler([['Laajasalon kirjaston', 'Degerö bibliotek'], ['Vuosaaren uimahallin', 'Nordsjö simhall'], ['Kallion virastotalon', 'Berghälls ämbetshus'],
  ['Töölön kisahallin', 'Tölö idrottshall'], ['Myllypuron peruskoulun', 'Myllypuron peruskoulu']]);
function projectPlanBundle(date) {
  const [fi, sv] = BUILDINGS();
  const cost = ri(40, 380) / 10;
  const area = ri(18, 140) * 100;
  return { code: '10 05 01', title: L(`${fi} peruskorjauksen hankesuunnitelma`, `Projektplan för ombyggnaden av ${sv}`), verb: APPROVE,
    obj: L(`${fiDate(addDays(date, -ri(20, 60)))} päivätyn ${fi} peruskorjauksen hankesuunnitelman, jonka enimmäislaajuus on ${money(area)} brm² ja enimmäishinta ${String(cost).replace('.', ',')} miljoonaa euroa`,
      `projektplanen för ombyggnaden av ${sv}, med en maximal omfattning på ${money(area)} m² bruttoyta och ett maximipris på ${String(cost).replace('.', ',')} miljoner euro`),
    amend: L('hankkeeseen lisätään aurinkopaneelit', 'solpaneler läggs till i projektet'),
    reasons: L(['Rakennuksen talotekniikka on käyttöikänsä päässä ja julkisivut vaativat korjausta. Peruskorjauksen jälkeen rakennus vastaa nykyisiä toiminnallisia ja esteettömyysvaatimuksia.'], ['Byggnadens husteknik har nått slutet av sin livslängd och fasaderna behöver repareras. Efter ombyggnaden uppfyller byggnaden dagens funktionella krav och tillgänglighetskrav.']),
    attachments: [['Hankesuunnitelma', 'Projektplan', false]], appeal: 'oikaisu', outcomes: STD };
}

// --- education and social services ----------------------------------------------------------------
function schoolAreasBundle(date) {
  const y = yearOf(date) + 1;
  return pick([
    { code: '12 01 00', title: L(`Perusopetuksen oppilaaksiottoalueet lukuvuodesta ${y}–${y + 1} alkaen`, `Elevupptagningsområden för den grundläggande utbildningen från och med läsåret ${y}–${y + 1}`),
      verb: APPROVE, obj: L(`suomenkielisen perusopetuksen oppilaaksiottoalueet lukuvuodesta ${y}–${y + 1} alkaen liitteen 1 mukaisina`, `elevupptagningsområdena för den finskspråkiga grundläggande utbildningen från och med läsåret ${y}–${y + 1} enligt bilaga 1`),
      amend: L('Kruunuvuorenrannan alue kuuluu Laajasalon peruskoulun oppilaaksiottoalueeseen', 'området Kronbergsstranden hör till elevupptagningsområdet för Laajasalon peruskoulu'),
      reasons: L(['Oppilaaksiottoalueita tarkistetaan uusien koulujen valmistumisen ja oppilasmäärien muutosten vuoksi.'], ['Elevupptagningsområdena ses över på grund av att nya skolor blir färdiga och elevantalet förändras.']),
      attachments: [['Oppilaaksiottoaluekartat', 'Kartor över elevupptagningsområden', false]], appeal: 'oikaisu', outcomes: STD },
    { code: '12 01 00', title: L(`Lukiokoulutuksen aloituspaikat lukuvuodelle ${y}–${y + 1}`, `Nybörjarplatser inom gymnasieutbildningen läsåret ${y}–${y + 1}`),
      verb: APPROVE, obj: L(`kaupungin lukioiden aloituspaikat lukuvuodelle ${y}–${y + 1} liitteen 1 mukaisesti`, `nybörjarplatserna i stadens gymnasier för läsåret ${y}–${y + 1} enligt bilaga 1`),
      amend: L('Kallion lukion aloituspaikkoja lisätään 20:llä', 'antalet nybörjarplatser i Kallion lukio utökas med 20'),
      reasons: L(['Aloituspaikkojen määrää lisätään ikäluokkien kasvun vuoksi yhteensä 120 paikalla.'], ['Antalet nybörjarplatser utökas med sammanlagt 120 platser på grund av att åldersklasserna växer.']),
      attachments: [], appeal: 'oikaisu', outcomes: STD },
  ]);
}
function clientFeesBundle(date) {
  const y = yearOf(date) + 1;
  return { code: '02 02 00', title: L(`Sosiaali- ja terveydenhuollon asiakasmaksujen indeksitarkistus 1.1.${y} alkaen`, `Indexjustering av klientavgifterna inom social- och hälsovården från och med 1.1.${y}`),
    verb: APPROVE, obj: L(`asiakasmaksujen indeksitarkistuksen 1.1.${y} alkaen liitteen 1 mukaisesti`, `indexjusteringen av klientavgifterna från och med 1.1.${y} enligt bilaga 1`),
    amend: L('kotihoidon tukipalvelujen maksuja ei koroteta', 'avgifterna för stödtjänster inom hemvården höjs inte'),
    reasons: L(['Asiakasmaksulain mukaiset euromäärät tarkistetaan joka toinen vuosi kansaneläkeindeksin muutosta vastaavasti.'], ['De eurobelopp som anges i lagen om klientavgifter justeras vartannat år i enlighet med förändringen i folkpensionsindexet.']),
    attachments: [['Maksutaulukko', 'Avgiftstabell', false]], appeal: 'oikaisu', outcomes: STD };
}
function feedbackBundle(date) {
  const y = yearOf(date);
  return { code: '00 01 01', title: L(`Asiakaspalautteen katsaus ${y}`, `Översikt över kundresponsen ${y}`), base: 'note', verb: APPROVE,
    obj: L('asiakaspalautteen katsauksen', 'översikten över kundresponsen'), note: L(`asiakaspalautteen katsauksen vuodelta ${y}`, `översikten över kundresponsen för år ${y}`),
    reasons: L([`Toimiala sai vuonna ${y} yhteensä ${money(ri(9000, 16000))} asiakaspalautetta. Eniten palautetta annettiin terveysasemien palveluista.`], [`Sektorn fick år ${y} sammanlagt ${money(ri(9000, 16000))} kundresponser. Mest respons gavs om hälsostationernas tjänster.`]),
    attachments: [], appeal: 'kielto', outcomes: [['noted', 90], ['tabled', 10]] };
}
/** Swedish-only decisions of the Swedish-language division (no Finnish version exists). */
function swedishDivisionBundle(date, i) {
  const y = yearOf(date) + 1;
  return i % 2 === 0
    ? { code: '12 01 00', title: L(null, `Antagningsgrunder för den grundläggande utbildningen läsåret ${y}–${y + 1}`), svOnly: true, verb: APPROVE,
      obj: L(null, `antagningsgrunderna för den svenskspråkiga grundläggande utbildningen för läsåret ${y}–${y + 1} enligt bilaga 1`),
      reasons: L(null, ['Antagningsgrunderna preciseras så att syskonförtur och skolvägens längd beaktas tydligare än tidigare.']),
      attachments: [['Antagningsgrunder', 'Antagningsgrunder', false]], appeal: 'oikaisu', outcomes: [['approve', 70], ['asProposed', 30]] }
    : { code: '00 03 01', title: L(null, 'Utlåtande om utkastet till läroplan för gymnasieutbildningen'), svOnly: true, verb: APPROVE,
      obj: L(null, 'utlåtandet om utkastet till läroplan för gymnasieutbildningen enligt föredragandens förslag'),
      reasons: L(null, ['Utbildningsstyrelsen har begärt utlåtanden om utkastet. Sektionen anser att läroplanen bör ge gymnasierna större frihet att profilera sig.']),
      attachments: [], appeal: 'kielto', outcomes: [['approve', 60], ['asProposed', 40]] };
}

// --- items without a case ----------------------------------------------------------------------------
function noticesBundle() {
  return { code: '00 01 01', title: L('Ilmoitusasiat', 'Anmälningsärenden'), noCase: true, base: 'note', verb: APPROVE,
    obj: L('ilmoitusasiat', 'anmälningsärendena'), note: L('seuraavat ilmoitusasiat', 'följande anmälningsärenden'),
    extra: L(['Viranhaltijapäätökset ja muut tiedoksi saatetut asiakirjat ovat nähtävinä kokouksessa.'], ['Tjänsteinnehavarbesluten och övriga handlingar som delgetts för kännedom finns tillgängliga vid sammanträdet.']),
    reasons: L([], []), attachments: [], appeal: 'kielto', motion: false, outcomes: [['noted', 100]] };
}
function openingBundle(body) {
  return { code: '00 01 01', title: L('Kokouksen laillisuuden ja päätösvaltaisuuden toteaminen sekä pöytäkirjan tarkastajien valinta', 'Konstaterande av mötets laglighet och beslutförhet samt val av protokolljusterare'),
    noCase: true, base: 'other',
    other: { fi: (S) => `${S} päätti todeta kokouksen laillisesti koolle kutsutuksi ja päätösvaltaiseksi.`, sv: (S) => `${S} beslutade konstatera att mötet var lagenligt sammankallat och beslutfört.` },
    otherProposal: { fi: (S) => `${S} päättää todeta kokouksen laillisesti koolle kutsutuksi ja päätösvaltaiseksi.`, sv: (S) => `${S} beslutar konstatera att mötet är lagenligt sammankallat och beslutfört.` },
    reasons: L([], []), attachments: [], appeal: 'kielto', outcomes: [['other', 100]], opening: true };
}

// --- officer topics ---------------------------------------------------------------------------
function planBundle(key, date) {
  const y = yearOf(date);
  const [dFi, dSv] = nextDistrict();
  const n = ri(1000, 9999);
  const P = {
    planPreparedness: ['00 01 01', `Kaupunginkanslian valmiussuunnitelman päivittäminen ${y}`, `Uppdatering av stadskansliets beredskapsplan ${y}`,
      'kaupunginkanslian päivitetyn valmiussuunnitelman liitteen 1 mukaisena', 'stadskansliets uppdaterade beredskapsplan i enlighet med bilaga 1', ['Valmiussuunnitelma', 'Beredskapsplan']],
    planStrategy: ['00 01 01', 'Kaupunkistrategian seurantamittariston vahvistaminen', 'Fastställande av mätarna för uppföljning av stadsstrategin',
      'kaupunkistrategian seurantamittariston liitteen 1 mukaisena', 'mätarna för uppföljning av stadsstrategin enligt bilaga 1', ['Seurantamittaristo', 'Uppföljningsmätare']],
    planSchoolMyllypuro: ['12 01 00', `Myllypuron peruskoulun lukuvuosisuunnitelma ${y}–${y + 1}`, `Läsårsplan för Myllypuron peruskoulu ${y}–${y + 1}`,
      `Myllypuron peruskoulun lukuvuosisuunnitelman lukuvuodelle ${y}–${y + 1}`, `läsårsplanen för Myllypuron peruskoulu för läsåret ${y}–${y + 1}`, ['Lukuvuosisuunnitelma', 'Läsårsplan']],
    planSchoolMerilahti: ['12 01 00', 'Merilahden peruskoulun järjestyssääntöjen päivittäminen', 'Uppdatering av ordningsreglerna för Merilahden peruskoulu',
      'Merilahden peruskoulun päivitetyt järjestyssäännöt liitteen 1 mukaisina', 'de uppdaterade ordningsreglerna för Merilahden peruskoulu enligt bilaga 1', ['Järjestyssäännöt', 'Ordningsregler']],
    planFoodControl: ['11 02 02', `Elintarvikevalvonnan valvontasuunnitelma vuodelle ${y}`, `Tillsynsplan för livsmedelstillsynen för år ${y}`,
      `elintarvikevalvonnan valvontasuunnitelman vuodelle ${y}`, `tillsynsplanen för livsmedelstillsynen för år ${y}`, ['Valvontasuunnitelma', 'Tillsynsplan']],
    planVetDuty: ['11 02 02', `Eläinlääkäripäivystyksen järjestäminen vuonna ${y}`, `Ordnande av veterinärjour år ${y}`,
      `eläinlääkäripäivystyksen järjestämisen vuonna ${y} liitteen 1 mukaisesti`, `ordnandet av veterinärjouren år ${y} enligt bilaga 1`, ['Päivystysvuorot', 'Jourturer']],
    planAnimalWelfare: ['11 02 02', `Eläinsuojeluvalvonnan valvontasuunnitelma vuodelle ${y}`, `Tillsynsplan för djurskyddet för år ${y}`,
      `eläinsuojeluvalvonnan valvontasuunnitelman vuodelle ${y}`, `tillsynsplanen för djurskyddet för år ${y}`, ['Valvontasuunnitelma', 'Tillsynsplan']],
    planLandUse: ['10 03 03', `Maankäyttösopimuksen hyväksyminen, ${dFi}`, `Godkännande av markanvändningsavtal, ${dSv}`,
      `${nextCompany()}:n kanssa tehtävän maankäyttösopimuksen liitteen 1 mukaisena`, 'markanvändningsavtalet enligt bilaga 1', ['Maankäyttösopimus', 'Markanvändningsavtal']],
    planTraffic: ['10 04 02', `Liikennejärjestelyjen muuttaminen, ${dFi}`, `Ändring av trafikarrangemangen, ${dSv}`,
      `liikennesuunnitelman nro ${n} mukaiset liikennejärjestelyjen muutokset`, `ändringarna av trafikarrangemangen enligt trafikplan nr ${n}`, [`Liikennesuunnitelma nro ${n}`, `Trafikplan nr ${n}`]],
    planBuildingFees: ['02 02 00', `Rakennusvalvonnan maksujen soveltamisohje ${y}`, `Tillämpningsanvisning för byggnadstillsynens avgifter ${y}`,
      `rakennusvalvonnan maksujen soveltamisohjeen vuodelle ${y}`, `tillämpningsanvisningen för byggnadstillsynens avgifter för år ${y}`, ['Soveltamisohje', 'Tillämpningsanvisning']],
    planLoan: ['02 02 00', `Pitkäaikaisen lainan nostaminen vuonna ${y}`, `Upptagande av långfristigt lån år ${y}`,
      `${ri(5, 15) * 10} miljoonan euron pitkäaikaisen lainan nostamisen Kuntarahoitus Oyj:ltä`, 'upptagandet av ett långfristigt lån från Kommunfinans Abp', null],
    planStaffBenefit: ['01 01 01', `Henkilöstön liikunta- ja kulttuurietuuden tarkistaminen vuodelle ${y + 1}`, `Justering av personalens motions- och kulturförmån för år ${y + 1}`,
      `henkilöstön liikunta- ja kulttuurietuuden tarkistamisen vuodelle ${y + 1} liitteen 1 mukaisesti`, `justeringen av personalens motions- och kulturförmån för år ${y + 1} enligt bilaga 1`, null],
    planUpperSecondary: ['12 01 00', `Lukioiden aloituspaikkojen jakaminen lukuvuodelle ${y}–${y + 1}`, `Fördelning av gymnasiernas nybörjarplatser för läsåret ${y}–${y + 1}`,
      `lukioiden aloituspaikkojen jaon lukuvuodelle ${y}–${y + 1} liitteen 1 mukaisesti`, `fördelningen av gymnasiernas nybörjarplatser för läsåret ${y}–${y + 1} enligt bilaga 1`, null],
    planVoucher: ['12 01 00', `Varhaiskasvatuksen palvelusetelin arvon tarkistaminen 1.8.${y} alkaen`, `Justering av värdet på servicesedeln för småbarnspedagogik från och med 1.8.${y}`,
      `varhaiskasvatuksen palvelusetelin arvon tarkistamisen 1.8.${y} alkaen liitteen 1 mukaisesti`, `justeringen av värdet på servicesedeln för småbarnspedagogik från och med 1.8.${y} enligt bilaga 1`, ['Palvelusetelin arvot', 'Servicesedelns värden']],
    planLibraryHours: ['00 01 01', `Kirjastojen aukioloajat kesällä ${y}`, `Bibliotekens öppettider sommaren ${y}`,
      `kirjastojen kesäaukioloajat ${y} liitteen 1 mukaisesti`, `bibliotekens öppettider sommaren ${y} enligt bilaga 1`, ['Aukioloajat', 'Öppettider']],
  }[key];
  return {
    code: P[0], title: L(P[1], P[2]), verb: APPROVE, obj: L(P[3], P[4]),
    reasons: L(['Päätös perustuu hallintosäännön ja toimialan johtosäännön mukaiseen toimivaltaan. Asia on valmisteltu yhteistyössä asianomaisten yksiköiden kanssa.'],
      ['Beslutet grundar sig på behörigheten enligt förvaltningsstadgan och sektorns instruktion. Ärendet har beretts i samarbete med de berörda enheterna.']),
    attachments: P[5] ? [[P[5][0], P[5][1], false]] : [], appeal: 'oikaisu', outcomes: [['approve', 100]],
  };
}
const PERMIT_WHAT = [['kaukolämpöjohto', 'kaukolämpöjohdon', 'fjärrvärmeledning', 'en fjärrvärmeledning', 'Pääkaupunkiseudun Lämpöverkot Oy'],
  ['valokaapeli', 'valokaapelin', 'fiberkabel', 'en fiberkabel', 'Kaupunkikuitu Oy'], ['valokaapeli', 'valokaapelin', 'fiberkabel', 'en fiberkabel', 'Valokaista Verkot Oy'],
  ['sähkökaapeli', 'sähkökaapelin', 'elkabel', 'en elkabel', 'Sähköverkko Etelä Oy'], ['jakokaappi', 'jakokaapin', 'distributionsskåp', 'ett distributionsskåp', 'Sähköverkko Etelä Oy']];
function permitBundle() {
  const [a, aSv] = nextStreet();
  const [nom, gen, svNom, svIndef, app] = pick(PERMIT_WHAT);
  return {
    code: '10 04 02', title: L(`Sijoituspäätös, ${nom}, ${a}`, `Placeringsbeslut, ${svNom}, ${aSv}`),
    verb: GRANT, obj: L(`${app}:lle sijoitusluvan ${gen} sijoittamiseen katualueelle osoitteessa ${a} liitteenä olevan suunnitelman mukaisesti`,
      `${app} placeringstillstånd för placering av ${svIndef} på gatuområdet vid ${aSv} enligt planen i bilagan`),
    rejectObj: L('sijoituslupahakemuksen', 'ansökan om placeringstillstånd'),
    reasons: L(['Sijoittaminen on mahdollista katualueen muut käyttötarpeet huomioon ottaen. Luvansaajan on noudatettava sijoitusluvan yleisiä ehtoja.'],
      ['Placeringen är möjlig med beaktande av gatuområdets övriga användningsbehov. Tillståndshavaren ska iaktta de allmänna villkoren för placeringstillstånd.']),
    attachments: [['Sijoitussuunnitelma', 'Placeringsplan', false]], appeal: 'oikaisu', outcomes: [['approve', 92], ['rejected', 8]],
  };
}
function leaseBundle(date) {
  const [dFi, dSv] = nextDistrict();
  const company = nextCompany();
  const blk = `${DISTRICT_NO[dFi]}${pad(ri(1, 299), 3)}`;
  const plot = ri(1, 12);
  const until = `${yearOf(date) + 60}-12-31`;
  return {
    code: '10 01 02', title: L(`Tontin ${blk}/${plot} vuokraaminen (${dFi})`, `Utarrendering av tomten ${blk}/${plot} (${dSv})`), verb: APPROVE,
    obj: L(`tontin ${blk}/${plot} vuokraamisen ${company}:lle ${fiDate(until)} saakka liitteenä olevin ehdoin`, `utarrenderingen av tomten ${blk}/${plot} till ${company} fram till ${fiDate(until)} enligt villkoren i bilagan`),
    reasons: L([`Tontti on varattu ${company}:lle kaupunkiympäristölautakunnan päätöksellä. Vuosivuokra määräytyy kaupunginvaltuuston vahvistamien vuokrausperusteiden mukaisesti.`],
      [`Tomten har reserverats för ${company} genom stadsmiljönämndens beslut. Årsarrendet bestäms enligt de arrendegrunder som stadsfullmäktige fastställt.`]),
    attachments: [['Vuokrausehdot', 'Arrendevillkor', false], ['Karttaliite', 'Kartbilaga', false]], appeal: 'oikaisu', outcomes: [['approve', 100]],
  };
}
const CLAIMS = [L('liukastuminen jalkakäytävällä', 'halkolycka på trottoaren'), L('ajoneuvovaurio katuvaurion vuoksi', 'fordonsskada orsakad av gatuskada'), L('puun kaatumisesta aiheutunut vahinko', 'skada orsakad av ett fallande träd')];
function claimBundle() {
  const w = pick(CLAIMS);
  const n = ri(12, 180) * 10;
  return {
    code: '00 04 01', title: L(`Vahingonkorvausvaatimus, ${w.fi}`, `Skadeståndsyrkande, ${w.sv}`), verb: APPROVE,
    obj: L(`vahingonkorvausvaatimuksen osittain ja maksaa korvausta ${money(n)} euroa`, `skadeståndsyrkandet delvis och betala ersättning på ${money(n)} euro`),
    rejectObj: L('vahingonkorvausvaatimuksen', 'skadeståndsyrkandet'),
    reasons: L(['Kaupunki vastaa kunnossapitovelvollisuutensa laiminlyönnistä aiheutuneista vahingoista. Asiassa saadun selvityksen perusteella on arvioitu, onko kunnossapito ollut vahinkohetkellä riittävää.'],
      ['Staden ansvarar för skador som orsakats av att den försummat sin underhållsskyldighet. Utifrån den utredning som erhållits har det bedömts om underhållet var tillräckligt vid tidpunkten för skadan.']),
    attachments: [], appeal: 'oikaisu', pd: true, outcomes: [['rejected', 60], ['approve', 40]],
  };
}
function foodClaimBundle() {
  const n = ri(4, 40) * 10;
  return {
    code: '11 02 02', title: L('Oikaisuvaatimus elintarvikevalvonnan maksupäätöksestä', 'Rättelseyrkande som gäller ett avgiftsbeslut inom livsmedelstillsynen'), verb: APPROVE,
    obj: L(`oikaisuvaatimuksen osittain ja alentaa valvontamaksua ${n} eurolla`, `rättelseyrkandet delvis och sänka tillsynsavgiften med ${n} euro`),
    rejectObj: L('oikaisuvaatimuksen', 'rättelseyrkandet'),
    reasons: L(['Valvontamaksu on määrätty kaupunkiympäristölautakunnan hyväksymän taksan mukaisesti tarkastukseen käytetyn ajan perusteella.'],
      ['Tillsynsavgiften har fastställts enligt den taxa som stadsmiljönämnden godkänt utifrån den tid som använts för inspektionen.']),
    attachments: [], appeal: 'oikaisu', pd: true, outcomes: [['rejected', 70], ['approve', 30]],
  };
}
const POSITIONS = [['hallintopäällikön', 'förvaltningschef'], ['viestintäpäällikön', 'kommunikationschef'], ['talouspäällikön', 'ekonomichef']];
function personnelBundle(date) {
  const [g, sv] = pick(POSITIONS);
  const nw = person();
  const start = fiDate(addDays(date, ri(30, 75)));
  return {
    code: '01 01 01', title: L(`${cap(g)} viran täyttäminen`, `Tillsättning av tjänsten som ${sv}`), base: 'other',
    other: { fi: (S) => `${S} päätti valita ${g} virkaan ${nw.acc} ${start} alkaen.`, sv: (S) => `${S} beslutade välja ${nw.name} till tjänsten som ${sv} från och med ${start}.` },
    extra: L(['Virkaan valitun on ennen viran vastaanottamista esitettävä hyväksyttävä lääkärintodistus terveydentilastaan.'], ['Den som valts till tjänsten ska före tillträdet visa upp ett godtagbart läkarintyg över sitt hälsotillstånd.']),
    reasons: L([`Virka oli julkisesti haettavana, ja määräaikaan mennessä hakemuksia saapui ${ri(12, 70)}. Valittu on hakijoista ansioitunein.`],
      [`Tjänsten var offentligt ledig att sökas och inom utsatt tid inkom ${ri(12, 70)} ansökningar. Den valda är den mest meriterade av de sökande.`]),
    attachments: [], appeal: 'oikaisu', pd: true, outcomes: [['other', 100]],
  };
}
function noCaseOfficerBundle(date) {
  const y = yearOf(date);
  return pick([
    { code: '01 01 01', title: L(`Toimivallan siirtäminen kesälomakauden ajaksi ${y}`, `Delegering av behörighet under sommarsemesterperioden ${y}`), verb: APPROVE,
      obj: L(`toimivallan siirtämisen ajalle 1.6.–31.8.${y} liitteen 1 mukaisesti`, `delegeringen av behörighet för tiden 1.6–31.8.${y} enligt bilaga 1`) },
    { code: '01 01 01', title: L(`Kesätyöntekijöiden palkkaamisen periaatteet ${y}`, `Principer för anställning av sommararbetare ${y}`), verb: APPROVE,
      obj: L(`kesätyöntekijöiden palkkaamisen periaatteet vuodelle ${y}`, `principerna för anställning av sommararbetare för år ${y}`) },
  ].map((b) => ({ ...b, noCase: true, reasons: L(['Päätös koskee toimialan sisäisiä henkilöstöjärjestelyjä.'], ['Beslutet gäller sektorns interna personalarrangemang.']),
    attachments: [], appeal: 'kielto', motion: false, outcomes: [['approve', 100]] })));
}
function officerBundle(topic, date) {
  if (topic.startsWith('proc')) return procurementBundle(topic, date, true);
  if (topic.startsWith('plan')) return planBundle(topic, date);
  switch (topic) {
    case 'grantGeneral': return officerGrantBundle('general', false);
    case 'grantSports': return officerGrantBundle('sports', false);
    case 'grantSportsReject': return officerGrantBundle('sports', true);
    case 'grantCulture': return officerGrantBundle('culture', false);
    case 'grantCultureReject': return officerGrantBundle('culture', true);
    case 'grantYouth': return officerGrantBundle('youth', false);
    case 'permit': return permitBundle();
    case 'lease': return leaseBundle(date);
    case 'claim': return claimBundle();
    case 'foodClaim': return foodClaimBundle();
    case 'personnel': return personnelBundle(date);
    case 'nocase': return noCaseOfficerBundle(date);
    default: throw new Error(`unknown officer topic ${topic}`);
  }
}

// ------------------------------------------------------------------------------------------
// Meetings: schedule per body
// ------------------------------------------------------------------------------------------
const MEETING_RATE = { kvsto: 0.5, kh: 1, tark: 0.4, kylk: 1, ylj: 0.5, ryj: 0.5, kasko: 0.5, ruots: 0.4, kuva: 0.5, sote: 0.5, koja: 0.4, elja: 0.3 };
const inBreak = (d) => {
  const md = d.slice(5);
  return (md >= '06-25' && md <= '08-08') || md >= '12-20' || md <= '01-06';
};
const MEETINGS = [];
const MEETING_BY_ID = new Map();
function meetingSeq(b, date) {
  const y = date.slice(0, 4);
  let n = 0;
  for (let d = `${y}-01-01`; d <= date; d = addDays(d, 1)) if (weekday(d) === b.wd && !inBreak(d)) n++;
  return Math.max(1, Math.round(n * MEETING_RATE[b.key]));
}
for (const b of BODY_DEFS) {
  if (!b.past && !b.future.length) continue;
  const start = '2024-01-08';
  const end = addDays(NOW, -2);
  const span = daysBetween(start, end);
  const dates = new Set(b.forced || []);
  for (let i = 0, guard = 0; dates.size < b.past && guard < 5000; i++, guard++) {
    let d = addDays(start, Math.floor(((i % b.past) + rand()) * span / b.past));
    while (weekday(d) !== b.wd) d = addDays(d, 1);
    if (d > end || inBreak(d) || [...dates].some((x) => Math.abs(daysBetween(x, d)) < 6)) continue;
    dates.add(d);
  }
  const past = [...dates].sort();
  const cancellable = shuffle(past.filter((d) => !(b.forced || []).includes(d)));
  const cancelled = new Set(cancellable.slice(0, b.cancelled));
  const all = [...past.map((d) => [d, cancelled.has(d) ? 'cancelled' : 'held']), ...b.future.map((d) => [d, 'future'])];
  let lastSeq = {};
  let minutesNo = {};
  for (const [d, status] of all) {
    const y = d.slice(0, 4);
    let seq = meetingSeq(b, d);
    if (lastSeq[y] && seq <= lastSeq[y]) seq = lastSeq[y] + 1;
    lastSeq[y] = seq;
    minutesNo[y] = seq;
    const m = {
      body: b, id: `${b.id}${y}${seq}`, date: d, time: b.time, seq, status,
      items: [], sectionCounter: null,
      agendaPublished: status === 'cancelled' ? false : status === 'future' ? daysBetween(NOW, d) <= 14 : chance(0.88) ? true : null,
      minutesPublished: status === 'held' ? (daysBetween(d, NOW) > 14 ? (chance(0.9) ? true : null) : false) : false,
    };
    if (status === 'cancelled' && b.key === 'kh' && chance(0.5)) m.time = [8, 0]; // an extra morning meeting, as in the real sample
    MEETINGS.push(m);
    MEETING_BY_ID.set(m.id, m);
  }
}
MEETINGS.sort((a, b) => (a.date + a.body.id).localeCompare(b.date + b.body.id));
const meetingDt = (m) => dt(m.date, m.time[0], m.time[1]);

/** Section (§) numbers run per body and year; estimated from the date so they look like the real sequence. */
const sectionState = {};
function nextSection(m) {
  const k = `${m.body.key}${m.date.slice(0, 4)}`;
  if (m.sectionCounter === null) {
    const doy = daysBetween(`${m.date.slice(0, 4)}-01-01`, m.date);
    const est = Math.max(1, Math.round((doy / 7) * m.body.perWeek)) + ri(0, 2);
    m.sectionCounter = Math.max(est, (sectionState[k] || 0) + 1);
  } else {
    m.sectionCounter += 1;
  }
  sectionState[k] = m.sectionCounter;
  return String(m.sectionCounter);
}

// --- attendance and votes -------------------------------------------------------------------------
const groupOf = (p) => (council.includes(p) ? p.group : '');
function seatsOf(m) {
  if (m.seats) return m;
  const members = m.body.comp.filter((x) => x.role !== 'Varajäsen');
  const deputyOf = new Map(m.body.comp.filter((x) => x.role === 'Varajäsen').map((x) => [x.deputyOf, x.p]));
  const nAbsent = m.body.key === 'kvsto' ? ri(2, 7) : ri(0, 2);
  const absentSet = new Set(shuffle(members.slice(1)).slice(0, nAbsent).map((x) => x.p));
  m.seats = [];
  m.absent = [];
  for (const x of members) {
    if (!absentSet.has(x.p)) m.seats.push({ p: x.p, group: groupOf(x.p) });
    else if (deputyOf.has(x.p) && chance(0.6)) m.seats.push({ p: deputyOf.get(x.p), group: '', deputy: true });
    else m.absent.push({ p: x.p, group: groupOf(x.p) });
  }
  return m;
}
const collKey = (s) => s.toLowerCase().replace(/å/g, 'z{').replace(/ä/g, 'z|').replace(/ö/g, 'z}').replace(/é/g, 'e');
const byVoterName = (a, b) => (collKey(a.p.vname) < collKey(b.p.vname) ? -1 : collKey(a.p.vname) > collKey(b.p.vname) ? 1 : 0);
const voterObj = (s) => ({ agentId: s.p.id, links: [], ID: s.p.id, Name: s.p.vname, Title: null, CorporateName: null, CouncilGroup: s.group });
/** One vote event: `winner` 'A' (ayes) or 'N' (noes). Parties vote mostly as blocs. */
function voteEvent(m, ayes, noes, winner, { blankMax = 0, extraAbsent = 0 } = {}) {
  seatsOf(m);
  const present = shuffle(m.seats);
  const absent = [...m.absent, ...present.splice(0, extraAbsent)];
  const stance = {};
  for (const s of present) if (!(s.group in stance)) stance[s.group] = chance(winner === 'A' ? 0.7 : 0.35) ? 'A' : 'N';
  const vote = new Map(present.map((s) => {
    let v = s.group ? stance[s.group] : chance(0.5) ? 'A' : 'N';
    if (chance(0.08)) v = v === 'A' ? 'N' : 'A';
    return [s, v];
  }));
  for (const s of shuffle(present).slice(0, ri(0, blankMax))) vote.set(s, 'B');
  const count = (v) => [...vote.values()].filter((x) => x === v).length;
  const loser = winner === 'A' ? 'N' : 'A';
  while (count(winner) <= count(loser)) vote.set(pick(present.filter((s) => vote.get(s) === loser)), winner);
  if (count(loser) === 0 && count(winner) >= 3) vote.set(pick(present.filter((s) => vote.get(s) === winner)), loser);
  const side = (v) => present.filter((s) => vote.get(s) === v).sort(byVoterName);
  const A = side('A');
  const N = side('N');
  const B = side('B');
  const X = absent.slice().sort(byVoterName);
  return {
    event: {
      links: [],
      Ayes: { NumberOfVotes: A.length, Voters: A.map(voterObj), Content: ayes.fi },
      Noes: { NumberOfVotes: N.length, Voters: N.map(voterObj), Content: noes.fi },
      Blank: { NumberOfVotes: B.length, Voters: B.map(voterObj) },
      Absent: { NumberOfVotes: X.length, Voters: X.map(voterObj) },
    },
    sv: { ayes: ayes.sv, noes: noes.sv },
    people: { A, N, B, X },
    labels: { ayes, noes },
    winner,
  };
}
const REFER_REASONS = [L('vaihtoehtoiset ratkaisut ja niiden kustannusvaikutukset selvitetään', 'alternativa lösningar och deras kostnadskonsekvenser utreds'),
  L('asukkaiden kuuleminen järjestetään uudelleen', 'invånarna hörs på nytt'), L('ehdotuksen vaikutukset lapsiin arvioidaan', 'förslagets konsekvenser för barn bedöms')];
function buildVotes(d, events) {
  const m = d.meeting;
  const b = d.bundle;
  const S = m.body.subject;
  const Ssv = m.body.subjectSv;
  const asProposed = pick([L('Esityksen mukaan', 'Enligt förslaget'), L('Ehdotuksen mukaan', 'Enligt förslaget')]);
  const reject = L(`Hylkäysehdotus: ${S} hylkää esityksen.`, `Förkastningsförslag: ${Ssv} förkastar förslaget.`);
  const amend = b.amend ? L(`Vastaehdotus: Päätösehdotusta muutetaan siten, että ${b.amend.fi}.`, `Motförslag: Beslutsförslaget ändras så att ${b.amend.sv}.`) : reject;
  const reason = pick(REFER_REASONS);
  const referral = L(`Palautusehdotus: ${S} palauttaa asian uudelleen valmisteltavaksi siten, että ${reason.fi}.`, `Återremissförslag: ${Ssv} återremitterar ärendet för ny beredning så att ${reason.sv}.`);
  const cont = L('Asian käsittelyä jatketaan', 'Ärendets behandling fortsätter');
  const big = m.body.key === 'kvsto';
  const opts = { blankMax: big ? 6 : 1, extraAbsent: big ? ri(0, 3) : 0 };
  const out = [];
  if (events === 2 && d.outcome !== 'referred') out.push(voteEvent(m, cont, referral, 'A', opts));
  if (d.outcome === 'referred') out.push(voteEvent(m, cont, referral, 'N', opts));
  else if (d.outcome === 'amended') out.push(voteEvent(m, asProposed, amend, 'N', opts));
  else if (d.outcome === 'rejected') out.push(voteEvent(m, asProposed, reject, 'N', opts));
  else out.push(voteEvent(m, asProposed, chance(0.5) ? amend : reject, 'A', opts));
  d.votes = out;
  d.referReason = reason;
  const speakers = shuffle(seatsOf(m).seats.filter((x) => !x.deputy));
  d.eventPeople = out.map((_, i) => [speakers[2 * i].p, speakers[2 * i + 1].p]);
}

// ------------------------------------------------------------------------------------------
// Cases
// ------------------------------------------------------------------------------------------
const CASES = [];
const usedCaseNumbers = new Set(['HEL-2021-012054', 'HEL-2025-001216', ...REAL.cases.map((c) => c.CaseID)]);
function newCase(title, code, firstDate, { lang = 'fi' } = {}) {
  const created = addDays(firstDate, -ri(25, 240));
  const y = created.slice(0, 4);
  const id = unique(() => `HEL-${y}-${pad(ri(300, 16500), 6)}`);
  if (usedCaseNumbers.has(id)) return newCase(title, code, firstDate, { lang });
  usedCaseNumbers.add(id);
  const c = {
    id, label: id.replace(/^HEL-/, 'HEL '), title, code, lang, decisions: [], extraRecords: [], awaiting: null,
    created: dt(workday(created), ri(8, 15), ri(0, 59), ri(0, 59), ri(0, 999)),
    publicity: chance(0.05) ? 'Osittain salassa pidettävä' : 'Julkinen',
  };
  c.acquired = chance(0.5) ? dt(c.created.slice(0, 10)) : dt(c.created.slice(0, 10), ri(7, 12), pick([0, 15, 30, 45]));
  CASES.push(c);
  return c;
}

// ------------------------------------------------------------------------------------------
// Decisions
// ------------------------------------------------------------------------------------------
const DECISIONS = []; // internal decision records (rendered later)
const CONTACT_TITLES = [L('erityisasiantuntija', 'specialsakkunnig'), L('suunnittelija', 'planerare'), L('yksikön päällikkö', 'enhetschef'),
  L('lakimies', 'jurist'), L('hankinta-asiantuntija', 'upphandlingsexpert'), L('projektipäällikkö', 'projektchef'), L('arkkitehti', 'arkitekt')];
const pending = Object.fromEntries(BODY_DEFS.map((b) => [b.key, []]));
const VOTING_BODIES = new Set(['kvsto', 'kh', 'kylk', 'kasko', 'kuva', 'sote', 'tark']);
function finalOutcomes(bundle) {
  const o = bundle.outcomes.filter(([k]) => !['tabled', 'withdrawn', 'referred'].includes(k));
  return o.length ? o : [['approve', 1]];
}
function newDoc(extra) {
  return {
    lang: 'fi', contact: [pick(staffPool), pick(CONTACT_TITLES)], dhId: ahjoId(), attachmentIds: [], ...extra,
  };
}
/** Adds an agenda item to a held meeting and (usually) the decision taken on it. */
function bodyItem(m, bundle, kase, { outcome, decide = true, events } = {}) {
  const section = nextSection(m);
  const doc = newDoc({ org: m.body, meeting: m, section, bundle, kase, date: m.date, time: m.time, lang: bundle.svOnly ? 'sv' : 'fi' });
  m.items.push(doc);
  if (!decide) return doc;
  doc.outcome = outcome || weighted(bundle.outcomes);
  doc.id = guid();
  if (kase) kase.decisions.push(doc);
  DECISIONS.push(doc);
  if (VOTING_BODIES.has(m.body.key) && !bundle.noCase && !bundle.opening) {
    const p = events ? 1 : ['amended', 'rejected', 'referred'].includes(doc.outcome) ? 0.7 : doc.outcome === 'approve' ? (m.body.key === 'kvsto' ? 0.12 : 0.05) : 0;
    if (chance(p)) buildVotes(doc, events || (m.body.key === 'kvsto' && chance(0.25) ? 2 : 1));
  }
  if (['tabled', 'referred', 'withdrawn'].includes(doc.outcome) && kase) {
    const delay = doc.outcome === 'tabled' ? 1 : doc.outcome === 'referred' ? ri(45, 90) : ri(20, 60);
    if (doc.outcome === 'tabled' || chance(0.6)) {
      pending[m.body.key].push({ ready: addDays(m.date, delay), kase, make: () => bundle, outcomes: finalOutcomes(bundle), same: true });
    }
  }
  return doc;
}
/** The Käsittely (handling) details of a decision: who proposed what. */
function handlingPeople(doc) {
  seatsOf(doc.meeting);
  const s = shuffle(doc.meeting.seats.filter((x) => !x.deputy));
  doc.proposer = s[0].p;
  doc.seconder = s[1].p;
  doc.referReason = doc.referReason || pick(REFER_REASONS);
}

const nextInitiativeFor = {};
function initiativeFor(bodyKey, date) {
  if (!nextInitiativeFor[bodyKey]) nextInitiativeFor[bodyKey] = cycler(INITIATIVES.filter((s) => s.body === bodyKey));
  const c = newInitiativeCase(date);
  c.s = nextInitiativeFor[bodyKey]();
  return c;
}
let budgetCases = {};
/** Fresh agenda subjects per body: [weight, make(meeting) -> item added]. */
function freshItem(m) {
  const b = m.body;
  const d = m.date;
  const month = Number(d.slice(5, 7));
  const add = (bundle, opts) => {
    const kase = bundle.noCase ? null : newCase(bundle.caseTitle || bundle.title.fi || bundle.title.sv, bundle.code, d, { lang: bundle.svOnly ? 'sv' : 'fi' });
    if (kase) kase.sector = b.sector || 'U50';
    return bodyItem(m, bundle, kase, opts);
  };
  const chain = (bundle, kase, nextBody, delay, makeNext) => {
    kase.sector = b.sector || 'U50';
    const doc = bodyItem(m, bundle, kase);
    if (['approve', 'asProposed', 'amended', 'other'].includes(doc.outcome)) {
      pending[nextBody].push({ ready: addDays(d, delay), kase, make: makeNext, outcomes: null });
      kase.awaiting = nextBody;
    }
    return doc;
  };
  const zoning = () => {
    const c = newZoningCase(d);
    const kase = newCase(zoningBundle(c, 'kylk').title.fi, '10 03 03', d);
    kase.zoning = c;
    const doc = chain(zoningBundle(c, 'kylk'), kase, 'kvsto', ri(28, 60), () => zoningBundle(c, 'kvsto'));
    return doc;
  };
  const initiative = () => {
    const c = initiativeFor(b.key, d);
    const sb = initiativeStatementBundle(c);
    const kase = newCase(sb.caseTitle, '00 00 03', addDays(c.initDate, 20));
    kase.initiative = c;
    return chain(sb, kase, 'kvsto', ri(40, 90), () => initiativeCouncilBundle(c));
  };
  const table = {
    kvsto: [[3, () => add(appointmentBundle(newAppointmentCase()))],
      [2, () => { const c = initiativeFor(pick(['kylk', 'kasko', 'kuva', 'sote']), d); const bb = initiativeCouncilBundle(c); const k = newCase(bb.caseTitle, '00 00 03', addDays(c.initDate, 20)); k.initiative = c; k.sector = 'U50'; return bodyItem(m, bb, k); }]],
    kh: [[4, () => add(ministryStatementBundle(d))], [2, () => add(procurementBundle('procCentral', d))], [month >= 3 && month <= 5 ? 1 : 0, () => add(representativesBundle(d))],
      [month >= 2 && month <= 4 ? 2 : 0, () => add(strategyReportBundle(d))], [month <= 3 ? 2 : 0, () => add(budgetRulesBundle(d))], [1, () => add(eiaBundle())]],
    kylk: [[4, zoning], [3, () => add(plotReservationBundle(d))], [1, () => add(eiaBundle())], [2, initiative], [2, () => add(procurementBundle('procKymp', d))],
      [month >= 5 && month <= 9 ? 2 : 0, () => add(sectorBudgetBundle('kylk', d))]],
    kasko: [[2, () => add(bodyGrantBundle('kasko', d))], [2, () => add(procurementBundle('procKasko', d))], [2, initiative], [2, () => add(schoolAreasBundle(d))],
      [month >= 5 && month <= 9 ? 2 : 0, () => add(sectorBudgetBundle('kasko', d))]],
    kuva: [[3, () => add(bodyGrantBundle('kuva', d))], [1, () => add(procurementBundle('procKuva', d))], [2, initiative], [month >= 5 && month <= 9 ? 2 : 0, () => add(sectorBudgetBundle('kuva', d))]],
    sote: [[2, () => add(bodyGrantBundle('sote', d))], [2, () => add(procurementBundle('procSote', d))], [1, () => add(ministryStatementBundle(d))], [1, () => add(clientFeesBundle(d))],
      [1, () => add(feedbackBundle(d))], [2, initiative]],
    tark: [[2, () => add(auditPlanBundle(d))], [1, () => add(auditInterimBundle(d))]],
    koja: [[2, () => add(groupReportBundle(d))], [1, () => add(groupRulesBundle())]],
    elja: [[2, () => add(bodyGrantBundle('elja', d))], [1, () => add(businessProgrammeBundle(d))], [1, () => add(procurementBundle('procGrowth', d))]],
    ylj: [[2, () => add(envPermitStatementBundle())], [2, () => add(noiseBundle())]],
    ryj: [[1, () => add(projectPlanBundle(d))]],
    ruots: [[1, () => add(swedishDivisionBundle(d, m.items.length + m.seq))]],
  }[b.key];
  return weighted(table.map(([w, f]) => [f, w]))();
}
const ITEMS_PER_MEETING = { kvsto: [2, 3], kh: [1, 3], kylk: [1, 3], kasko: [1, 2], kuva: [1, 2], sote: [1, 2], tark: [1, 2], koja: [1, 2], elja: [1, 2], ylj: [1, 2], ryj: [1, 1], ruots: [1, 1] };
let openingDecisions = 0;
for (const m of MEETINGS.filter((x) => x.status === 'held')) {
  const b = m.body;
  const d = m.date;
  // 1. opening item (a decision only now and then)
  const ob = openingBundle(b);
  const decideOpening = openingDecisions < 4 && chance(0.12);
  const od = bodyItem(m, ob, null, { decide: decideOpening });
  if (decideOpening) openingDecisions++;
  od.inspectors = shuffle(seatsOf(m).seats.filter((s) => !s.deputy)).slice(0, 2).map((s) => s.p);
  const target = ri(...ITEMS_PER_MEETING[b.key]);
  const start = m.items.length;
  // 2. fixed points of the year
  const md = d.slice(5);
  if (b.key === 'kh' && md >= '11-20' && md <= '11-30') {
    const bb = khBudgetBundle(d);
    const kase = newCase(bb.title.fi, '02 02 00', d);
    kase.sector = 'U50';
    budgetCases[yearOf(d) + 1] = kase;
    bodyItem(m, bb, kase, { events: 1 });
  }
  if (b.key === 'kvsto' && md >= '12-01' && md <= '12-19') {
    const y = yearOf(d) + 1;
    const kase = budgetCases[y] || newCase(councilBudgetBundle(d).title.fi, '02 02 00', d);
    kase.sector = 'U50';
    bodyItem(m, councilBudgetBundle(d), kase, { events: 2 });
  }
  if (b.key === 'kvsto' && md >= '06-01' && md <= '06-20') {
    const bb = accountsBundle(d);
    const kase = newCase(bb.title.fi, '02 02 00', d);
    kase.sector = 'U50';
    bodyItem(m, bb, kase);
  }
  if (b.key === 'tark' && md >= '05-01' && md <= '05-20') {
    const c = newAuditReportCase(d);
    const kase = newCase(`Arviointikertomus ${c.y}`, '00 01 01', d);
    kase.sector = 'U50';
    const doc = bodyItem(m, auditReportBundle(c, 'tark'), kase, { outcome: 'approve' });
    pending.kvsto.push({ ready: addDays(d, 20), kase, make: () => auditReportBundle(c, 'kvsto'), outcomes: null });
    kase.awaiting = 'kvsto';
  }
  // 3. items that were tabled, referred or prepared by another body
  const ready = pending[b.key].filter((p) => p.ready <= d).sort((x, y) => x.ready.localeCompare(y.ready)).slice(0, b.key === 'kvsto' ? 3 : 2);
  for (const p of ready) {
    pending[b.key].splice(pending[b.key].indexOf(p), 1);
    const bundle = p.make();
    if (!p.same) p.kase.sector = b.sector || 'U50';
    p.kase.awaiting = null;
    bodyItem(m, bundle, p.kase, { outcome: p.outcomes ? weighted(p.outcomes) : undefined });
  }
  // 4. new subjects
  while (m.items.length - start < target) freshItem(m);
  // 5. notices (ilmoitusasiat), now and then
  if (chance(0.4) && b.key !== 'ruots') bodyItem(m, noticesBundle(), null);
}
for (const d of DECISIONS) if (d.outcome === 'amended' || d.outcome === 'tabled' || (d.outcome === 'referred' && !d.votes)) handlingPeople(d);

// --- officer decisions ---------------------------------------------------------------------------
function officerDecision(o, date, time, topic) {
  const bundle = officerBundle(topic || pick(o.topics), date);
  const kase = bundle.noCase ? null : newCase(bundle.title.fi, bundle.code, date);
  if (kase) kase.sector = o.sectorId;
  const doc = newDoc({ org: o, meeting: null, section: '', bundle, kase, date, time, outcome: weighted(bundle.outcomes), id: guid() });
  if (kase) kase.decisions.push(doc);
  DECISIONS.push(doc);
  return doc;
}
const randomWorkday = () => {
  const d = workday(addDays(FIRST_DAY, ri(1, daysBetween(FIRST_DAY, NOW) - 1)));
  return d > NOW ? addDays(NOW, -1) : d;
};
const officerTime = () => (chance(0.6) ? [0, 0] : [ri(8, 15), ri(0, 11) * 5]);
for (const o of OFFICERS) officerDecision(o, randomWorkday(), officerTime());
for (let i = 0; i < 41; i++) officerDecision(weighted(OFFICERS.map((o) => [o, o.weight])), randomWorkday(), officerTime());
// Two decisions on the days Helsinki changes clock (03:30 does not exist on 29.3.2026 and occurs twice on 26.10.2025).
officerDecision(ORG_BY_ID.U51105300103020VH1, '2026-03-29', [3, 30], 'permit');
officerDecision(ORG_BY_ID.U48040030VH1, '2025-10-26', [3, 30], 'grantSports');
{
  const byOfficerYear = new Map();
  for (const d of DECISIONS.filter((x) => x.org.kind === 'officer')) {
    const k = d.org.id + d.date.slice(0, 4);
    if (!byOfficerYear.has(k)) byOfficerYear.set(k, []);
    byOfficerYear.get(k).push(d);
  }
  const usesSection = new Map(OFFICERS.map((o) => [o.id, chance(0.65)]));
  for (const list of byOfficerYear.values()) {
    list.sort((a, b) => (a.date + a.time).localeCompare(b.date + b.time));
    let n = ri(1, 25);
    for (const d of list) {
      d.section = usesSection.get(d.org.id) ? String(n) : '';
      n += ri(1, 9);
    }
  }
}

// --- the two real decisions and their (generated) meetings and cases -------------------------------
const historicMeetings = [];
{
  // Tarkastuslautakunta 14.12.2021 § 110: the verbatim sample decision.
  const r = REAL.decision;
  const m = { body: BODY.tark, id: r.Meeting.MeetingID, date: r.Meeting.DateMeeting.slice(0, 10), time: [16, 0], seq: 18, status: 'held', items: [],
    agendaPublished: null, minutesPublished: null, historic: true, location: r.Meeting.Location, name: r.Meeting.Name };
  const kase = { id: r.CaseID, label: r.CaseIDLabel, title: r.Title, code: r.ClassificationCode, lang: 'fi', decisions: [], extraRecords: [],
    created: '2021-11-02T10:14:51.207', acquired: '2021-11-02T00:00:00.000', publicity: 'Julkinen', sector: 'U50', awaiting: null };
  CASES.push(kase);
  const doc = { real: 'decision', api: r, id: r.NativeId, lang: 'fi', org: BODY.tark, meeting: m, section: r.Section, kase, date: m.date, time: [16, 0],
    outcome: 'approve', bundle: { title: L(r.Title, null), code: r.ClassificationCode }, attachmentIds: [], pdfVsid: ahjoId(), issued: '2021-12-21T02:00:00.000' };
  kase.decisions.push(doc);
  m.items.push(doc);
  DECISIONS.push(doc);
  historicMeetings.push(m);
}
{
  // Kaupunkiympäristölautakunta 30.11.2021: a plot-reservation decision carrying the real VotingResults.
  const comp = [];
  const seen = new Map();
  for (const side of ['Ayes', 'Noes', 'Blank', 'Absent']) {
    for (const v of REAL.votingResults[0][side].Voters) {
      const [sur, given] = v.Name.split(', ');
      const p = realPerson(`${given} ${sur}`);
      p.id = v.ID;
      seen.set(v.ID, p);
      comp.push(M(p, v.Title === 'apulaispormestari' ? 'Puheenjohtaja' : 'Jäsen'));
    }
  }
  const m = { body: BODY.kylk, id: 'U540202138', date: '2021-11-30', time: [16, 30], seq: 38, status: 'held', items: [],
    agendaPublished: null, minutesPublished: null, historic: true, location: 'Sähköinen kokous', name: 'Kaupunkiympäristölautakunta', comp };
  const bundle = {
    code: '10 01 01', title: L('Asuntotonttien varaaminen eri toteuttajille (asuntotonttien varauskierros 2021)', null), verb: APPROVE,
    obj: L('asuntotonttien varaamisen liitteen 1 mukaisesti eri toteuttajille asuntohankkeiden suunnittelua varten 31.12.2023 saakka liitteen 2 ehdoin', null),
    reasons: L(['Varausesitys perustuu vuoden 2021 asuntotonttien hakumenettelyyn. Tontteja esitetään varattavaksi eri hallinta- ja rahoitusmuotojen asuntotuotantoon asumisen ja maankäytön toteutusohjelman (AM-ohjelma) tavoitteiden mukaisesti.'], null),
    attachments: [['Varattavat tontit ja varauksensaajat', null, false], ['Varausehdot', null, false]], appeal: 'oikaisu', outcomes: [['approve', 1]],
  };
  const kase = newCase(bundle.title.fi, '10 01 01', m.date);
  kase.sector = 'U541000';
  const doc = newDoc({ id: VOTING_DECISION_ID, org: BODY.kylk, meeting: m, section: '693', bundle, kase, date: m.date, time: m.time, outcome: 'approve',
    realVotes: REAL.votingResults, newFields: false, motion: true, attachCount: 2, modern: false, real: 'votes' });
  kase.decisions.push(doc);
  m.items.push(doc);
  DECISIONS.push(doc);
  historicMeetings.push(m);
}

// --- per-decision details, then Swedish translations -----------------------------------------------
function decisionDetails(d) {
  if (d.newFields === undefined) d.newFields = d.org.kind === 'officer' || chance(0.92);
  if (d.motion === undefined) d.motion = d.org.kind === 'body' && d.bundle.motion !== false && chance(0.9);
  if (d.attachCount === undefined) d.attachCount = Math.min(d.bundle.attachments.length, weighted([[0, 2], [1, 4], [2, 3], [3, 2]]));
  if (d.modern === undefined) d.modern = d.date >= '2025-06-01' && chance(0.55);
  d.pdfVsid = d.pdfVsid || ahjoId();
  const pub = addDays(d.date, ri(2, 9));
  d.issued = d.issued !== undefined ? d.issued : daysBetween(d.date, NOW) < 5 || chance(0.08) || pub > NOW ? '' : utcMidnightLocal(pub);
}
for (const d of DECISIONS) if (d.real !== 'decision') decisionDetails(d);
{
  const fi = DECISIONS.filter((d) => !d.real && d.lang === 'fi' && !d.bundle.noCase && d.bundle.title.sv);
  const take = (list, n) => shuffle(list).slice(0, n);
  const council = fi.filter((d) => ['kvsto', 'kh'].includes(d.org.key));
  const chosen = [
    ...take(council.filter((d) => d.votes && d.votes.length > 1), 2),
    ...take(council.filter((d) => d.votes && d.votes.length === 1), 2),
    ...take(council.filter((d) => !d.votes), 12),
    ...take(fi.filter((d) => d.org.key === 'kylk'), 3),
    ...take(fi.filter((d) => ['kasko', 'kuva', 'sote'].includes(d.org.key)), 2),
    ...take(fi.filter((d) => d.org.kind === 'officer' && ['10 04 02', '02 06 01'].includes(d.bundle.code)), 3),
  ];
  for (const d of chosen) {
    d.newFields = true;
    const sv = { ...d, lang: 'sv', id: guid(), pairOf: d, dhId: ahjoId(), pdfVsid: ahjoId(), attachmentIds: [] };
    if (d.issued) sv.issued = d.issued;
    d.translation = sv;
    if (d.kase) d.kase.decisions.push(sv);
    DECISIONS.push(sv);
  }
}

// ------------------------------------------------------------------------------------------
// Rendering: Ahjo HTML documents and API objects
// ------------------------------------------------------------------------------------------
const H = {
  fi: { decision: 'Päätös', handling: 'Käsittely', presenter: 'Esittelijä', decider: 'Päättäjä', more: 'Lisätiedot', attachments: 'Liitteet',
    appeal: 'Muutoksenhaku', proposal: 'Päätösehdotus', reasons: 'Esittelijän perustelut', officerReasons: 'Päätöksen perustelut', phone: 'puhelin',
    signed: 'Päätös on sähköisesti allekirjoitettu.', chair: 'puheenjohtaja', secretary: 'pöytäkirjanpitäjä', history: 'Päätöshistoria',
    member: 'Jäsen', memberGen: 'jäsen', councillor: 'Valtuutettu', councillorGen: 'valtuutettu' },
  sv: { decision: 'Beslut', handling: 'Behandling', presenter: 'Föredragande', decider: 'Beslutsfattare', more: 'Ytterligare upplysningar', attachments: 'Bilagor',
    appeal: 'Sökande av ändring', proposal: 'Beslutsförslag', reasons: 'Föredragandens motiveringar', officerReasons: 'Motivering till beslutet', phone: 'telefon',
    signed: 'Beslutet har undertecknats elektroniskt.', chair: 'ordförande', secretary: 'protokollförare', history: 'Beslutshistorik',
    member: 'Ledamoten', memberGen: 'ledamoten', councillor: 'Ledamoten', councillorGen: 'ledamoten' },
};
const APPEAL = {
  fi: {
    kielto: '<h4>MUUTOKSENHAKUKIELTO</h4><p>Tähän päätökseen ei saa hakea muutosta, koska päätös koskee asian valmistelua tai täytäntöönpanoa.</p><p>Sovellettava lainkohta: Kuntalaki 136 § </p>',
    oikaisu: '<h4>OIKAISUVAATIMUSOHJE</h4><p>Tähän päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen. Päätökseen ei saa hakea muutosta valittamalla tuomioistuimeen.</p><h5>Oikaisuvaatimusoikeus</h5><p>Oikaisuvaatimuksen saa tehdä se, johon päätös on kohdistettu tai jonka oikeuteen, velvollisuuteen tai etuun päätös välittömästi vaikuttaa (asianosainen), sekä kunnan jäsen.</p><h5>Oikaisuvaatimusaika</h5><p>Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista.</p>',
    valitus: '<h4>VALITUSOSOITUS</h4><p>Tähän päätökseen haetaan muutosta kunnallisvalituksella. Valitus tehdään Helsingin hallinto-oikeudelle.</p><h5>Valitusaika</h5><p>Valitus on tehtävä 30 päivän kuluessa päätöksen tiedoksisaannista.</p>',
    hankinta: '<h4>HANKINTAOIKAISUOHJE JA VALITUSOSOITUS MARKKINAOIKEUTEEN</h4><p>Tähän päätökseen tyytymätön voi tehdä hankintaoikaisuvaatimuksen tai valittaa markkinaoikeuteen. Hankintaoikaisu ja valitus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista.</p>',
  },
  sv: {
    kielto: '<h4>BESVÄRSFÖRBUD</h4><p>Ändring i detta beslut får inte sökas, eftersom beslutet gäller beredning eller verkställighet.</p><p>Tillämpligt lagrum: Kommunallagen 136 §</p>',
    oikaisu: '<h4>ANVISNING OM RÄTTELSEYRKANDE</h4><p>Den som är missnöjd med detta beslut kan framställa ett skriftligt rättelseyrkande. Ändring i beslutet får inte sökas genom besvär hos domstol.</p><h5>Tid för rättelseyrkande</h5><p>Rättelseyrkandet ska framställas inom 14 dagar från delfåendet av beslutet.</p>',
    valitus: '<h4>BESVÄRSANVISNING</h4><p>Ändring i detta beslut söks genom kommunalbesvär hos Helsingfors förvaltningsdomstol.</p><h5>Besvärstid</h5><p>Besvären ska anföras inom 30 dagar från delfåendet av beslutet.</p>',
    hankinta: '<h4>ANVISNING OM UPPHANDLINGSRÄTTELSE OCH BESVÄRSANVISNING TILL MARKNADSDOMSTOLEN</h4><p>Den som är missnöjd med detta beslut kan yrka på upphandlingsrättelse eller anföra besvär hos marknadsdomstolen inom 14 dagar från delfåendet av beslutet.</p>',
  },
};
const APPEAL_SHORT = {
  fi: { kielto: 'Muutoksenhakukielto, valmistelu tai täytäntöönpano', oikaisu: 'Oikaisuvaatimusohje', valitus: 'Kunnallisvalitus, valtuuston päätös', hankinta: 'Hankintaoikaisu ja valitus markkinaoikeuteen' },
  sv: { kielto: 'Besvärsförbud, beredning eller verkställighet', oikaisu: 'Anvisning om rättelseyrkande', valitus: 'Kommunalbesvär, fullmäktiges beslut', hankinta: 'Upphandlingsrättelse och besvär till marknadsdomstolen' },
};
const subjectOf = (d, lang) => (lang === 'fi' ? d.org.subject : d.org.subjectSv);
const sect = (heading, paras) => `<div class="SisaltoSektio"><h3 class="SisaltoOtsikko">${heading}</h3>${paras.map((p) => (p.startsWith('<') ? p : `<p>${esc(p)}</p>`)).join('')}</div>`;
const toPresent = (s) => s.replace(/ päätti /g, ' päättää ').replace(/ valitsi /g, ' valitsee ').replace(/ katsoi /g, ' katsoa ')
  .replace(/ beslutade /g, ' beslutar ').replace(/ valde /g, ' väljer ').replace(/ ansåg /g, ' anse ');

/** Past and present (3rd person) of the verbs the bundles use, for the "hyväksyi" and "Esitys" phrasings. */
const VERB_PAST = { hyväksyä: 'hyväksyi', myöntää: 'myönsi', godkänna: 'godkände', bevilja: 'beviljade',
  // the second verbs of some objects ("hyväksyä … ja valita toimittajaksi …")
  valita: 'valitsi', esittää: 'esitti', antaa: 'antoi', maksaa: 'maksoi', alentaa: 'alensi', keskeyttää: 'keskeytti', välja: 'valde', föreslå: 'föreslog',
  meddela: 'meddelade', betala: 'betalade', sänka: 'sänkte', avbryta: 'avbröt' };
const VERB_PRESENT = { hyväksyä: 'hyväksyy', myöntää: 'myöntää', godkänna: 'godkänner', bevilja: 'beviljar' };
/** Extra points of a decision written as a list ("X päätti <ul><li>hyväksyä …</li><li>oikeuttaa …</li></ul>"). */
const LIST_CLAUSES = [
  (who) => L(`oikeuttaa ${who.fi} tekemään päätökseen tarvittaessa vähäisiä teknisiä muutoksia`, `bemyndiga ${who.sv} att vid behov göra mindre tekniska ändringar i beslutet`),
  (who) => L(`kehottaa ${who.fi} seuraamaan päätöksen toimeenpanoa ja raportoimaan siitä vuosittain`, `uppmana ${who.sv} att följa upp verkställigheten av beslutet och rapportera om den årligen`),
  () => L('todeta, että päätös tulee voimaan heti', 'konstatera att beslutet träder i kraft omedelbart'),
];
const listWho = (d) => (['kvsto', 'kh', 'koja', 'elja', 'tark'].includes(d.org.key) ? L('kaupunginkanslian', 'stadskansliet') : L('toimialan', 'sektorn'));
/** The heading of the section that carries the outcome: Päätös (sv Beslut), or Esitys / Lausunto for those forms. */
function decisionHeading(d, lang) {
  if (d.form === 'esitys') return lang === 'fi' ? 'Esitys' : 'Förslag';
  if (d.form === 'lausunto') return lang === 'fi' ? 'Lausunto' : 'Utlåtande';
  return H[lang].decision;
}
const stripTags = (html) => html.replace(/<\/li><li>/g, '; ').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
/** The paragraphs of the Päätös / Beslut section: usually the first one carries Ahjo's standard outcome phrasing. */
function outcomeParas(d, lang) {
  const b = d.bundle;
  const S = d.acting ? `${lang === 'fi' ? 'Vs.' : 'T.f.'} ${subjectOf(d, lang).charAt(0).toLowerCase()}${subjectOf(d, lang).slice(1)}` : subjectOf(d, lang);
  const verb = b.verb && b.verb[lang];
  const obj = b.obj && b.obj[lang];
  const rej = (b.rejectObj || b.obj || {})[lang];
  const fi = lang === 'fi';
  const extra = (b.extra && b.extra[lang]) || [];
  const v = d.phrasing;
  let first;
  let withExtra = true;
  switch (d.outcome) {
    case 'approve':
      if (v === 'part') first = fi ? `${S} päätti osaltaan ${verb} ${obj}.` : `${S} beslutade för sin del ${verb} ${obj}.`;
      else if (v === 'past' && VERB_PAST[verb]) first = `${S} ${VERB_PAST[verb]} ${obj.replace(/ (ja|och) (\S+)/g, (all, and, w) => (VERB_PAST[w] ? ` ${and} ${VERB_PAST[w]}` : all))}.`;
      else first = fi ? `${S} päätti ${verb} ${obj}.` : `${S} beslutade ${verb} ${obj}.`;
      break;
    case 'asProposed': first = fi ? 'Päätös on ehdotuksen mukainen.' : 'Beslutet överensstämmer med förslaget.'; withExtra = false; break;
    case 'amended': first = fi ? `${S} päätti ${verb} ${obj} muutettuna siten, että ${b.amend.fi}.` : `${S} beslutade ${verb} ${obj} med följande ändring: ${b.amend.sv}.`; break;
    case 'rejected':
      first = b.rejectText ? b.rejectText[lang](S) : fi ? `${S} päätti hylätä ${rej}.` : `${S} beslutade avslå ${rej}.`;
      withExtra = false;
      break;
    case 'dismissed':
      first = b.dismissText ? b.dismissText[lang](S) : fi ? `${S} päätti jättää oikaisuvaatimuksen tutkimatta, koska se on saapunut oikaisuvaatimusajan päätyttyä.`
        : `${S} beslutade lämna rättelseyrkandet utan prövning, eftersom det har inkommit efter att tiden för rättelseyrkande gått ut.`;
      withExtra = false;
      break;
    case 'noted':
      first = v === 'decided' ? (fi ? `${S} päätti merkitä tiedoksi ${b.note.fi}.` : `${S} beslutade anteckna ${b.note.sv} för kännedom.`)
        : fi ? `${S} merkitsi tiedoksi ${b.note.fi}.` : `${S} antecknade för kännedom ${b.note.sv}.`;
      break;
    case 'tabled':
      if (v === 'leave') first = fi ? `${S} päätti jättää asian pöydälle.` : `${S} beslutade bordlägga ärendet.`;
      else if (v === 'rest') first = fi ? `${S} päätti jättää asian lepäämään.` : `${S} beslutade låta ärendet vila.`;
      else first = fi ? `${S} päätti panna asian pöydälle.` : `${S} beslutade bordlägga ärendet.`;
      withExtra = false;
      break;
    case 'referred': first = fi ? `${S} päätti palauttaa asian uudelleen valmisteltavaksi.` : `${S} beslutade återremittera ärendet för ny beredning.`; withExtra = false; break;
    case 'withdrawn': first = fi ? 'Asia poistettiin esityslistalta.' : 'Ärendet ströks från föredragningslistan.'; withExtra = false; break;
    case 'other': first = (v === 'decided' && b.otherDecided ? b.otherDecided : b.other)[lang](S); break;
    default: throw new Error(`unknown outcome ${d.outcome}`);
  }
  let out = [first];
  if (withExtra) out.push(...extra);
  const amend = b.amend && b.amend[lang];
  if (d.form === 'esitys') {
    out = [d.esitysText[lang](S)];
  } else if (d.form === 'lausunto') {
    const given = b.other[lang](S).replace(' päätti antaa ', ' antoi ').replace(' beslutade ge ', ' gav ').replace(/\.$/, ':');
    out = [given, ...extra];
  } else if ((d.form === 'ul' || d.form === 'ol') && d.outcome === 'approve') {
    // Points written as a list: the main point, the "Samalla … päätti …" points of the text, and a generic point.
    const points = [`${verb} ${obj}`];
    const rest = [];
    for (const e of extra) {
      const m = (fi ? /^Samalla .+? päätti (.+)\.$/ : /^Samtidigt .+? beslutade (.+)\.$/).exec(e);
      if (m) points.push(m[1]);
      else rest.push(e);
    }
    points.push(LIST_CLAUSES[d.listClause || 0](listWho(d))[lang]);
    const did = fi ? 'päätti' : 'beslutade';
    out = d.form === 'ul'
      ? [`<p>${esc(S)} ${did}</p><ul>${points.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`, ...rest]
      : [`<ol>${points.map((x) => `<li>${esc(`${S} ${did} ${x}.`)}</li>`).join('')}</ol>`, ...rest];
  } else if (d.form === 'counter' && amend) {
    out = [fi ? `Käsittelyn aikana tehtiin vastaehdotus, jonka mukaan ${amend}. Vastaehdotus raukesi kannattamattomana.`
      : `Under behandlingen framställdes ett motförslag enligt vilket ${amend}. Motförslaget förföll i brist på understöd.`, ...out];
  } else if (d.form === 'amendFirst' && amend) {
    out = [fi ? `Käsittelyn aikana tehtiin muutosehdotus, jonka mukaan ${amend}. ${S} hyväksyi muutosehdotuksen yksimielisesti.`
      : `Under behandlingen framställdes ett ändringsförslag enligt vilket ${amend}. ${S} godkände ändringsförslaget enhälligt.`, ...out];
  } else if (d.form === 'presenter' && amend) {
    out = [fi ? `Esittelijä muutti ehdotustaan siten, että ${amend}.` : `Föredraganden ändrade sitt förslag så att ${amend}.`,
      fi ? `${S} päätti ${verb} ${obj} esittelijän muutetun ehdotuksen mukaisesti.` : `${S} beslutade ${verb} ${obj} enligt föredragandens ändrade förslag.`, ...extra];
  }
  if (d.effective) out.push(fi ? `Tämä päätös on voimassa ${fiDate(d.effective)} alkaen.` : `Detta beslut gäller från och med ${fiDate(d.effective)}.`);
  if (b.opening && d.inspectors) {
    const [a, c] = d.inspectors;
    out.push(fi ? `Pöytäkirjan tarkastajiksi valittiin ${a.name} ja ${c.name}.` : `Till protokolljusterare valdes ${a.name} och ${c.name}.`);
  }
  return out;
}
/** The Päätösehdotus / Beslutsförslag paragraphs of the proposal. */
function proposalParas(d, lang) {
  const b = d.bundle;
  const S = subjectOf(d, lang);
  const fi = lang === 'fi';
  if (d.form === 'esitys') return [d.esitysText[lang](S)];
  let first;
  if (b.base === 'note') first = toPresent(fi ? `${S} päättää merkitä tiedoksi ${b.note.fi}.` : `${S} beslutar anteckna för kännedom ${b.note.sv}.`);
  else if (b.base === 'other') first = b.otherProposal ? b.otherProposal[lang](S) : toPresent(b.other[lang](S));
  else first = fi ? `${S} päättää ${b.verb.fi} ${b.obj.fi}.` : `${S} beslutar ${b.verb.sv} ${b.obj.sv}.`;
  return [first, ...((b.extra && b.extra[lang]) || []).map(toPresent)];
}
function handlingParas(d, lang) {
  const fi = lang === 'fi';
  const S = subjectOf(d, lang);
  const h = H[lang];
  const council = d.org.key === 'kvsto';
  const role = council ? h.councillor : h.member;
  const roleGen = council ? h.councillorGen : h.memberGen;
  if (d.realVotes || d.votes) {
    const events = d.realVotes
      ? d.realVotes.map((e) => ({ labels: { ayes: L(e.Ayes.Content, e.Ayes.Content), noes: L(e.Noes.Content, e.Noes.Content) },
        names: Object.fromEntries(['Ayes', 'Noes', 'Blank', 'Absent'].map((k) => [k, e[k].Voters.map((v) => v.Name.split(', ').reverse().join(' '))])),
        winner: e.Ayes.NumberOfVotes > e.Noes.NumberOfVotes ? 'A' : 'N' }))
      : d.votes.map((v) => ({ labels: v.labels, winner: v.winner,
        names: { Ayes: v.people.A.map((s) => s.p.name), Noes: v.people.N.map((s) => s.p.name), Blank: v.people.B.map((s) => s.p.name), Absent: v.people.X.map((s) => s.p.name) } }));
    const out = [];
    if (d.eventPeople) {
      events.forEach((e, i) => {
        const [P, Q] = d.eventPeople[i];
        const counter = e.labels.noes[lang];
        out.push(fi ? `${role} ${P.name} teki ${roleGen} ${Q.acc} kannattamana seuraavan ehdotuksen: ${counter}`
          : `${role} ${P.name} framställde, understödd av ${roleGen} ${Q.name}, följande förslag: ${counter}`);
      });
    }
    events.forEach((e, i) => {
      out.push(fi ? `${i + 1} äänestys` : `${i + 1} omröstningen`);
      out.push(`<p>${fi ? 'JAA-ehdotus' : 'JA-förslag'}: ${esc(e.labels.ayes[lang])}<br>${fi ? 'EI-ehdotus' : 'NEJ-förslag'}: ${esc(e.labels.noes[lang])}</p>`);
      const row = (label, list) => `<p>${label}: ${list.length}<br>${esc(list.join(', '))}</p>`;
      out.push(row(fi ? 'Jaa-äänet' : 'Ja-röster', e.names.Ayes), row(fi ? 'Ei-äänet' : 'Nej-röster', e.names.Noes),
        row(fi ? 'Tyhjä' : 'Blanka', e.names.Blank), row(fi ? 'Poissa' : 'Frånvarande', e.names.Absent));
      const [w, l] = e.winner === 'A' ? [e.names.Ayes.length, e.names.Noes.length] : [e.names.Noes.length, e.names.Ayes.length];
      const which = e.winner === 'A' ? (fi ? 'JAA-ehdotuksen' : 'JA-förslaget') : (fi ? 'EI-ehdotuksen' : 'NEJ-förslaget');
      out.push(fi ? `${S} hyväksyi ${which} äänin ${w} - ${l} (tyhjiä ${e.names.Blank.length}, poissa ${e.names.Absent.length}).`
        : `${S} godkände ${which} med rösterna ${w}–${l} (blanka ${e.names.Blank.length}, frånvarande ${e.names.Absent.length}).`);
    });
    return out;
  }
  const P = d.proposer;
  const Q = d.seconder;
  switch (d.outcome) {
    case 'tabled':
      if (d.phrasing === 'rest') {
        return fi ? [`${role} ${P.name} ehdotti ${roleGen} ${Q.acc} kannattamana, että asia jätetään lepäämään.`, `${S} hyväksyi yksimielisesti lepäämään jättämistä koskevan ehdotuksen.`]
          : [`${role} ${P.name} föreslog, understödd av ${roleGen} ${Q.name}, att ärendet skulle vila.`, `${S} godkände enhälligt förslaget att låta ärendet vila.`];
      }
      return fi ? [`${role} ${P.name} ehdotti ${roleGen} ${Q.acc} kannattamana, että asia pannaan pöydälle.`, `${S} hyväksyi yksimielisesti pöydällepanoehdotuksen.`]
        : [`${role} ${P.name} föreslog, understödd av ${roleGen} ${Q.name}, att ärendet bordläggs.`, `${S} godkände enhälligt bordläggningsförslaget.`];
    case 'amended':
      return fi ? [`${role} ${P.name} teki ${roleGen} ${Q.acc} kannattamana seuraavan muutosehdotuksen: Päätösehdotusta muutetaan siten, että ${d.bundle.amend.fi}.`, `${S} hyväksyi yksimielisesti muutetun päätösehdotuksen.`]
        : [`${role} ${P.name} framställde, understödd av ${roleGen} ${Q.name}, följande ändringsförslag: Beslutsförslaget ändras så att ${d.bundle.amend.sv}.`, `${S} godkände enhälligt det ändrade beslutsförslaget.`];
    case 'referred':
      return fi ? [`${role} ${P.name} teki ${roleGen} ${Q.acc} kannattamana seuraavan palautusehdotuksen: Asia palautetaan uudelleen valmisteltavaksi siten, että ${d.referReason.fi}.`, `${S} hyväksyi yksimielisesti palautusehdotuksen.`]
        : [`${role} ${P.name} framställde, understödd av ${roleGen} ${Q.name}, följande återremissförslag: Ärendet återremitteras för ny beredning så att ${d.referReason.sv}.`, `${S} godkände enhälligt återremissförslaget.`];
    case 'withdrawn':
      return [fi ? 'Esittelijä poisti asian esityslistalta lisävalmistelua varten.' : 'Föredraganden strök ärendet från föredragningslistan för ytterligare beredning.'];
    default:
      return null;
  }
}
function head(lang, title, dhId, date) {
  return `<html lang="${lang}"><head><META content="text/html; charset=UTF-8" http-equiv="Content-Type"><META name="DhId" content="${dhId}"><META name="ThisHTMLGenerated" content="${generatedStamp(date)}"><title>${esc(title)}</title></head><body>`;
}
function presenterBlock(d, lang) {
  const h = H[lang];
  if (d.org.kind === 'officer') return `<h3 class="EsittelijaTiedot">${h.decider}</h3><div>${esc((lang === 'fi' ? d.org.subject : d.org.subjectSv.replace(/^(\S+?)(en|n)$/, '$1')).toLowerCase())}</div><div>${esc(d.org.holder.name)}</div>`;
  const [p, tFi, tSv] = PRESENTER[d.org.key] || PRESENTER.kh;
  return `<h3 class="EsittelijaTiedot">${h.presenter}</h3><div>${esc(lang === 'fi' ? tFi : tSv)}</div><div>${esc(p.name)}</div>`;
}
function moreInfo(d, lang) {
  const h = H[lang];
  const [c, t] = d.contact;
  if (d.modern) {
    return `<section class="Lisatiedot"><h3 class="LisatiedotOtsikko">${h.more}</h3><p><span class="LisatiedonantajanNimi">${esc(c.name)}</span>, <span class="LisatiedonantajanTitteli">${esc(t[lang])}</span><br><span class="LisatiedotantajanPuhelinOtsikko">${h.phone}: </span><span class="LisatiedonantajanPuhelin">${c.phone}</span>, <span class="LisatiedonantajanSahkoposti">${c.email}</span></p></section>`;
  }
  return `<h3 class="LisatiedotOtsikko">${h.more}</h3><p>${esc(c.name)}, ${esc(t[lang])}, ${h.phone}: ${c.phone}<div>${c.email}</div></p>`;
}
function attachmentTitles(d, lang) {
  return d.bundle.attachments.slice(0, d.attachCount).map((a) => (lang === 'fi' ? a[0] : a[1]));
}
function attachmentList(d, lang) {
  const titles = attachmentTitles(d, lang);
  if (!titles.length) return '';
  return `<h3 class="LiitteetOtsikko">${H[lang].attachments}</h3>${titles.map((t, i) => `<div>${i + 1} ${esc(t)}</div>`).join('')}`;
}
function signature(d, lang) {
  const h = H[lang];
  if (d.org.kind === 'officer') {
    return `<section class="SahkoinenAllekirjoitusSektio"><p class="SahkoisestiAllekirjoitettuTeksti">${h.signed}</p><p><div class="Puheenjohtajanimi">${esc(d.org.holder.name)}</div><div class="Puheenjohtajaotsikko">${esc(lang === 'fi' ? d.org.subject.toLowerCase() : d.org.subjectSv.toLowerCase())}</div></p></section>`;
  }
  const chair = (d.meeting.comp || d.org.comp).find((x) => x.role === 'Puheenjohtaja').p;
  return `<section class="SahkoinenAllekirjoitusSektio"><p class="SahkoisestiAllekirjoitettuTeksti">${h.signed}</p><p><div class="Puheenjohtajanimi">${esc(chair.name)}</div><div class="Puheenjohtajaotsikko">${h.chair}</div></p><p><div class="Poytakirjanpitajanimi">${esc(SECRETARY[d.org.key].name)}</div><div class="Poytakirjanpitajaotsikko">${h.secretary}</div></p></section>`;
}
const dnroOf = (d) => (d.kase && !d.hideCase ? `${d.kase.label} T ${d.bundle.code}` : '');
function contentHtml(d, lang) {
  const b = d.bundle;
  const h = H[lang];
  const title = b.title[lang];
  let main = sect(decisionHeading(d, lang), outcomeParas(d, lang));
  const handling = handlingParas(d, lang);
  if (handling) main += sect(h.handling, handling);
  const reasons = [...(d.reference ? [lang === 'fi' ? `Asia on tullut vireille ${fiDate(d.reference)}.` : `Ärendet har inletts ${fiDate(d.reference)}.`] : []),
    ...((d.reasonsOverride || b.reasons)[lang] || [])];
  if (d.org.kind === 'officer' && reasons.length) main += sect(h.officerReasons, reasons);
  if (d.modern) main = `<section class="SisaltoSektioToisto">${main}</section>`;
  return `${head(lang, title, d.dhId, d.date)}<div class="paatos"><div class="Otsikonviite"></div>${d.section ? `<div class="Asiapykala">§ ${d.section}</div>` : ''}<h1 class="AsiaOtsikko">${esc(title)}</h1><div class="DnroTmuoto">${dnroOf(d)}</div><div class="Viite"></div>${main}${presenterBlock(d, lang)}${moreInfo(d, lang)}${attachmentList(d, lang)}<h3 class="MuutoksenhakuOtsikko">${h.appeal}</h3>${APPEAL[lang][b.appeal]}${d.modern ? signature(d, lang) : ''}</div></body></html>`;
}
/** The proposal (esitys) document; with `agenda` it has the title block, as the agenda item HTML of a meeting. */
function motionHtml(d, lang, agenda = false) {
  const b = d.bundle;
  const h = H[lang];
  const title = b.title[lang];
  const top = agenda ? `<div class="Otsikonviite"></div><div class="Otsikonviite2"></div><h1 class="AsiaOtsikko">${esc(title)}</h1><div class="DnroTmuoto">${dnroOf(d)}</div><div class="Viite"></div><div class="Viite"></div>` : '';
  const reasons = (b.reasons && b.reasons[lang]) || [];
  return `${head(lang, title, d.dhId, addDays(d.date, -ri(6, 12)))}<div class="esitys">${top}${sect(d.form === 'esitys' ? decisionHeading(d, lang) : h.proposal, proposalParas(d, lang))}${reasons.length ? sect(h.reasons, reasons) : ''}${presenterBlock(d, lang)}${moreInfo({ ...d, modern: false }, lang)}${attachmentList(d, lang)}<h3 class="MuutoksenhakuOtsikko">${h.appeal}</h3><p>${APPEAL_SHORT[lang][b.appeal]}</p></div></body></html>`;
}
function historyHtml(d, lang) {
  if (!d.kase) return null;
  const earlier = d.kase.decisions.filter((x) => x !== d && !x.real && !x.dupOf && x.lang === lang && (x.date < d.date || (x.date === d.date && Number(x.section) < Number(d.section))));
  if (!earlier.length) return null;
  const h = H[lang];
  const items = earlier.map((x) => `<div class="PaatoshistoriaKasittely"><h3 class="PaatoshistoriaOtsikko">${esc(x.org.name)} ${fiDate0(x.date)}${x.section ? ` § ${x.section}` : ''}</h3><div class="DnroTmuoto">${dnroOf(x)}</div>${sect(decisionHeading(x, lang), [outcomeParas(x, lang)[0]])}</div>`).join('');
  return `<html lang="${lang}"><head><META content="text/html; charset=UTF-8" http-equiv="Content-Type"><title>${h.history}</title></head><body><div class="Paatoshistoria"><h1 class="PaatoshistoriaOtsikko">${h.history}</h1>${items}</div></body></html>`;
}
const fileUri = (d, id) => (d.date < '2023-01-01' ? `https://ahjo.blob.core.windows.net/docs/${bare(id)}.pdf` : `https://ahjojulkaisu.hel.fi/${bare(id)}.pdf`);
function attachmentRecords(d, lang) {
  d.attachmentRecords = d.attachmentRecords || {};
  if (d.attachmentRecords[lang]) return d.attachmentRecords[lang];
  if (d.attNumbers === undefined) d.attNumbers = chance(0.5);
  const b = d.bundle;
  d.attachmentRecords[lang] = b.attachments.slice(0, d.attachCount).map((a, i) => {
    const id = ahjoId();
    const rec = { links: selfLink(`records/${enc(id)}`), NativeId: id, Title: lang === 'fi' ? a[0] : a[1], Type: 'liite', FileURI: fileUri(d, ahjoId()),
      Language: lang, PersonalData: a[2] ? 'Sisältää henkilötietoja' : 'Ei sisällä henkilötietoja', Issued: d.issued && chance(0.4) ? d.issued : '' };
    if (d.attNumbers) rec.AttachmentNumber = String(i + 1);
    if (d.dateless) rec.Issued = '';
    return rec;
  });
  return d.attachmentRecords[lang];
}
const meetingName = (m) => m.name || m.body.meetingName;
const meetingLocation = (m) => m.location || m.body.location;
function meetingSummary(m) {
  return { links: selfLink(`meetings/${m.id}?apireqlang=fi`), MeetingID: m.id, Name: meetingName(m), Location: meetingLocation(m), DateMeeting: meetingDt(m),
    AgendaPublished: m.agendaPublished, MinutesPublished: m.minutesPublished, DecisionMakerId: m.body.id, DecisionMaker: m.body.name };
}
function voteJson(v, lang) {
  if (lang === 'fi') return v.event;
  const e = JSON.parse(JSON.stringify(v.event));
  e.Ayes.Content = v.sv.ayes;
  e.Noes.Content = v.sv.noes;
  return e;
}
function renderDecision(d) {
  if (d.real === 'decision') return d.api;
  const lang = d.lang;
  const b = d.bundle;
  const o = {
    links: selfLink(`decisions/${enc(d.id)}?apireqlang=fi`),
    NativeId: d.id,
    Title: b.title[lang],
    CaseIDLabel: d.kase && !d.hideCase ? d.kase.label : null,
    Section: d.section,
    Content: contentHtml(d, lang),
    Motion: d.motion ? motionHtml(d, lang) : '',
    ClassificationCode: b.code,
    ClassificationTitle: CODES[b.code],
    Organization: decisionOrganization(d.org),
    Meeting: d.meeting ? meetingSummary(d.meeting) : null,
    VotingResults: d.realVotes ? d.realVotes : d.votes ? d.votes.map((v) => voteJson(v, lang)) : [],
    Attachments: attachmentRecords(d, lang),
    PreviousDecisions: [],
    CaseID: d.kase && !d.hideCase ? d.kase.id : null,
  };
  if (d.dateless === 'pdf') {
    // Newer fields, but no date: the PDF without Issued.
    o.PDF = { VersionSeriesId: d.pdfVsid, Language: lang };
    o.DecisionHistoryHTML = historyHtml(d, lang);
  } else if (d.dateless === 'pdfEmpty') {
    o.PDF = { VersionSeriesId: d.pdfVsid, Language: lang, Issued: '' };
    o.DecisionHistoryHTML = historyHtml(d, lang);
  } else if (d.dateless) {
    // As in the 2022 dump: no DateDecision, PDF nor DecisionHistoryHTML at all.
  } else if (d.newFields) {
    o.DateDecision = dt(d.date, d.time[0], d.time[1]);
    o.PDF = { VersionSeriesId: d.pdfVsid, Language: lang, Issued: d.issued };
    o.DecisionHistoryHTML = historyHtml(d, lang);
  }
  return o;
}

// --- upcoming meetings with a published agenda: items still to be decided ------------------------
for (const m of MEETINGS.filter((x) => x.status === 'future' && x.agendaPublished)) {
  const b = m.body;
  const items = [];
  const agendaOnly = (bundle, kase) => {
    const doc = newDoc({ org: b, meeting: m, section: null, bundle, kase, date: m.date, time: m.time, agendaOnly: true });
    doc.agendaPdfId = ahjoId();
    m.items.push(doc);
    if (kase) {
      kase.awaiting = b.key;
      kase.extraRecords.push({ title: bundle.title.fi, id: doc.agendaPdfId, vsid: ahjoId(), type: 'esitys', lang: 'fi', issued: '' });
    }
    items.push(doc);
  };
  agendaOnly(openingBundle(b), null);
  if (b.key === 'kvsto' && budgetCases[yearOf(m.date) + 1]) agendaOnly(councilBudgetBundle(m.date), budgetCases[yearOf(m.date) + 1]);
  for (const p of pending[b.key].filter((x) => x.ready <= m.date).slice(0, 3)) {
    pending[b.key].splice(pending[b.key].indexOf(p), 1);
    agendaOnly(p.make(), p.kase);
  }
  if (items.length < 3) {
    const bundle = { kh: () => ministryStatementBundle(m.date), kylk: () => plotReservationBundle(m.date), kvsto: () => appointmentBundle(newAppointmentCase()) }[b.key]();
    const kase = newCase(bundle.caseTitle || bundle.title.fi, bundle.code, m.date);
    kase.sector = b.sector || 'U50';
    agendaOnly(bundle, kase);
  }
}
// Whatever is still pending waits for a meeting outside the dataset.
for (const list of Object.values(pending)) for (const p of list) if (p.kase && !p.kase.awaiting) p.kase.awaiting = 'later';

// ------------------------------------------------------------------------------------------
// Shapes of real Ahjo dumps (facts recorded in the project's issue 11). Everything here draws from the second
// stream (alt), so the objects of the first version of the dataset keep their ids and texts.
// ------------------------------------------------------------------------------------------
CODES['00 00 02'] = 'Vaalit';
/** Outcomes that close a case (the others leave it pending). */
const FINAL = new Set(['approve', 'asProposed', 'amended', 'rejected', 'dismissed', 'noted', 'other']);
/** Bodies that meet but that /agents/decisionmakers does not return (ids invented in the real pattern). */
const UNLISTED_BODIES = [];
const UNLISTED_MEETINGS = [];
/** Second Ahjo decisions of the same decision: same case, section, meeting, votes and Finnish Content, Swedish Title. */
const DUPLICATES = [];
const SHAPES = { reviews: [], initiatives: [] };
// Claims against officer decisions (oikaisuvaatimus) handled by a board.
const REVIEW = {
  kylk: { code: '10 01 02', officer: L('tonttipäällikön', 'tomtchefen'), about: L('tontin vuokraamista', 'utarrendering av en tomt'), who: () => nextCompany() },
  kasko: { code: '12 01 00', officer: L('varhaiskasvatusjohtajan', 'direktören för småbarnspedagogik'), about: L('varhaiskasvatuksen palvelusetelin arvoa', 'värdet på servicesedeln för småbarnspedagogik'), who: null },
  kuva: { code: '02 06 01', officer: L('liikuntajohtajan', 'idrottsdirektören'), about: L('kohdeavustuksen myöntämistä', 'beviljande av projektunderstöd'), who: () => pick(ASSOCS.sports) },
  sote: { code: '02 02 00', officer: L('perhe- ja sosiaalipalvelujen johtajan', 'direktören för familje- och socialtjänster'), about: L('asiakasmaksun määräämistä', 'fastställande av en klientavgift'), who: null },
};
function claimReviewBundle(key, date, outcome) {
  const r = REVIEW[key];
  const offDate = workday(addDays(date, -ri(35, 80)));
  const no = ri(2, 140);
  const claimant = r.who ? r.who() : null;
  const whoFi = claimant || 'asianosainen';
  const whoSv = claimant || 'en part';
  const refFi = `${r.officer.fi} päätöksestä ${fiDate(offDate)} § ${no}`;
  const refSv = `beslutet av ${r.officer.sv} ${fiDate(offDate)} § ${no}`;
  const served = addDays(offDate, ri(2, 6));
  const arrived = outcome === 'dismissed' ? addDays(served, ri(17, 40)) : addDays(served, ri(5, 13));
  const reasons = outcome === 'dismissed'
    ? L([`${cap(whoFi)} on vaatinut oikaisua ${refFi}. Päätös on annettu tiedoksi ${fiDate(served)}, ja oikaisuvaatimus on saapunut ${fiDate(arrived)}.`,
      'Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista. Oikaisuvaatimus on saapunut oikaisuvaatimusajan päätyttyä, joten se on jätettävä tutkimatta.'],
    [`${cap(whoSv)} har yrkat rättelse i ${refSv}. Beslutet har delgetts ${fiDate(served)} och rättelseyrkandet har inkommit ${fiDate(arrived)}.`,
      'Rättelseyrkandet ska framställas inom 14 dagar från delfåendet av beslutet. Rättelseyrkandet har inkommit efter att tiden för rättelseyrkande gått ut och ska därför lämnas utan prövning.'])
    : L([`${cap(whoFi)} on vaatinut oikaisua ${refFi}. Oikaisuvaatimus on saapunut ${fiDate(arrived)} eli määräajassa.`,
      'Päätös on tehty voimassa olevien periaatteiden mukaisesti, eikä oikaisuvaatimuksessa ole esitetty seikkoja, joiden perusteella päätöstä olisi syytä muuttaa.'],
    [`${cap(whoSv)} har yrkat rättelse i ${refSv}. Rättelseyrkandet har inkommit ${fiDate(arrived)}, det vill säga inom utsatt tid.`,
      'Beslutet har fattats i enlighet med gällande principer och i rättelseyrkandet har inte framförts omständigheter som ger anledning att ändra beslutet.']);
  const proposal = outcome === 'dismissed'
    ? { fi: (S) => `${S} päättää jättää oikaisuvaatimuksen tutkimatta.`, sv: (S) => `${S} beslutar lämna rättelseyrkandet utan prövning.` }
    : { fi: (S) => `${S} päättää hylätä oikaisuvaatimuksen.`, sv: (S) => `${S} beslutar avslå rättelseyrkandet.` };
  return {
    code: r.code, title: L(`Oikaisuvaatimus ${r.officer.fi} päätöksestä koskien ${r.about.fi}`, `Rättelseyrkande mot beslutet av ${r.officer.sv} om ${r.about.sv}`),
    base: 'other', other: proposal, otherProposal: proposal,
    rejectText: { fi: (S) => `${S} päätti hylätä oikaisuvaatimuksen, jonka ${whoFi} on tehnyt ${refFi}.`, sv: (S) => `${S} beslutade avslå rättelseyrkandet som ${whoSv} framställt mot ${refSv}.` },
    reasons, attachments: [['Oikaisuvaatimus', 'Rättelseyrkande', !claimant]], appeal: 'valitus', pd: !claimant, outcomes: [[outcome, 1]],
  };
}
/** A residents' initiative (kuntalaisaloite) that the council rejects. */
function residentInitiativeBundle(s, signers) {
  const reject = { fi: (S) => `${S} päätti hylätä aloitteen.`, sv: (S) => `${S} beslutade avslå initiativet.` };
  return {
    code: '00 00 03', title: L(`Kuntalaisaloite ${s.el}`, `Invånarinitiativ ${s.sv}`), base: 'other', other: reject,
    otherProposal: { fi: (S) => `${S} päättää hylätä aloitteen.`, sv: (S) => `${S} beslutar avslå initiativet.` }, rejectText: reject,
    reasons: L([`Kuntalaisaloitteen ${s.el} on allekirjoittanut ${money(signers)} kunnan asukasta.`, s.fi, 'Kaupunginhallitus katsoo, ettei aloitteen toteuttamiseen ole tässä vaiheessa edellytyksiä.'],
      [`Invånarinitiativet ${s.sv} har undertecknats av ${money(signers)} kommuninvånare.`, s.svText, 'Stadsstyrelsen anser att det i detta skede inte finns förutsättningar att genomföra initiativet.']),
    attachments: [['Kuntalaisaloite', 'Invånarinitiativ', true]], appeal: 'kielto', outcomes: [['rejected', 1]],
  };
}
const ELECTIONS = [
  { date: '2024-04-09', fi: 'europarlamenttivaaleissa 2024', sv: 'i Europaparlamentsvalet 2024', forFi: 'europarlamenttivaaleja 2024 varten', forSv: 'för Europaparlamentsvalet 2024' },
  { date: '2025-01-21', fi: 'kunta- ja aluevaaleissa 2025', sv: 'i kommunal- och välfärdsområdesvalet 2025', forFi: 'kunta- ja aluevaaleja 2025 varten', forSv: 'för kommunal- och välfärdsområdesvalet 2025' },
  { date: '2026-12-08', fi: 'eduskuntavaaleissa 2027', sv: 'i riksdagsvalet 2027', forFi: 'eduskuntavaaleja 2027 varten', forSv: 'för riksdagsvalet 2027' },
];
function electionBundles(e) {
  const places = ri(24, 40);
  return [
    { code: '00 00 02', title: L(`Ennakkoäänestyspaikat ${e.fi}`, `Förhandsröstningsställena ${e.sv}`), verb: APPROVE,
      obj: L(`ennakkoäänestyspaikat ja niiden aukioloajat ${e.fi} liitteen 1 mukaisesti`, `förhandsröstningsställena och deras öppettider ${e.sv} enligt bilaga 1`),
      reasons: L([`Ennakkoäänestyspaikkoja on ${places}. Paikat sijaitsevat pääosin kirjastoissa, palvelukeskuksissa ja kauppakeskuksissa.`],
        [`Antalet förhandsröstningsställen är ${places}. Ställena finns huvudsakligen i bibliotek, servicecentraler och köpcentrum.`]),
      attachments: [['Ennakkoäänestyspaikat ja aukioloajat', 'Förhandsröstningsställen och öppettider', false]], appeal: 'kielto', outcomes: [['approve', 1]] },
    { code: '00 00 02', title: L(`Vaalilautakuntien ja vaalitoimikuntien asettaminen ${e.forFi}`, `Tillsättande av valnämnder och valbestyrelser ${e.forSv}`), base: 'other',
      other: { fi: (S) => `${S} päätti asettaa vaalilautakunnat ja vaalitoimikunnat ${e.forFi} liitteen 1 mukaisesti.`, sv: (S) => `${S} beslutade tillsätta valnämnderna och valbestyrelserna ${e.forSv} enligt bilaga 1.` },
      otherProposal: { fi: (S) => `${S} päättää asettaa vaalilautakunnat ja vaalitoimikunnat ${e.forFi} liitteen 1 mukaisesti.`, sv: (S) => `${S} beslutar tillsätta valnämnderna och valbestyrelserna ${e.forSv} enligt bilaga 1.` },
      reasons: L(['Vaalilain mukaan keskusvaalilautakunta asettaa kutakin äänestysaluetta varten vaalilautakunnan ja vaalitoimikunnan.'], ['Enligt vallagen tillsätter centralvalnämnden en valnämnd och en valbestyrelse för varje röstningsområde.']),
      attachments: [['Vaalilautakuntien ja vaalitoimikuntien kokoonpanot', 'Valnämndernas och valbestyrelsernas sammansättning', true]], appeal: 'oikaisu', pd: true, outcomes: [['other', 1]] },
  ];
}
alt(() => {
  const held = MEETINGS.filter((m) => m.status === 'held');
  const usedSections = new Map();
  const secKey = (body, date) => body.key + date.slice(0, 4);
  for (const m of [...MEETINGS, ...historicMeetings]) {
    for (const x of m.items) {
      if (!x.section) continue;
      const k = secKey(m.body, m.date);
      if (!usedSections.has(k)) usedSections.set(k, new Set());
      usedSections.get(k).add(Number(x.section));
    }
  }
  const freeSection = (m) => {
    const next = (m.sectionCounter || 0) + 1;
    return m.sectionCounter !== null && !(usedSections.get(secKey(m.body, m.date)) || new Set()).has(next) ? next : null;
  };
  const altCase = (title, code, date, sector) => {
    const c = newCase(title, code, date);
    c.alt = true;
    c.sector = sector;
    return c;
  };
  /** Appends a decided item to a held meeting (the next free § of its body and year). */
  function appendItem(m, bundle, kase, outcome, extra = {}) {
    const section = m.sectionCounter === null ? Number(nextSection(m)) : freeSection(m);
    if (section === null) return null;
    m.sectionCounter = section;
    const k = secKey(m.body, m.date);
    if (!usedSections.has(k)) usedSections.set(k, new Set());
    usedSections.get(k).add(section);
    const doc = newDoc({ org: m.body, meeting: m, section: String(section), bundle, kase, date: m.date, time: m.time, alt: true, outcome, id: guid(), ...extra });
    m.items.push(doc);
    if (kase) kase.decisions.push(doc);
    DECISIONS.push(doc);
    decisionDetails(doc);
    if (['amended', 'tabled', 'referred'].includes(outcome)) handlingPeople(doc);
    return doc;
  }
  const inWindow = (m, from, to) => m.date >= from && m.date <= to;

  // 1. Boards rejecting claims against officer decisions (oikaisuvaatimus), or dismissing late ones.
  for (const [key, outcome] of [['kylk', 'rejected'], ['kasko', 'rejected'], ['kuva', 'dismissed'], ['sote', 'rejected'], ['kylk', 'dismissed'], ['kuva', 'rejected']]) {
    for (const m of shuffle(held.filter((x) => x.body.key === key && inWindow(x, '2024-02-01', '2026-10-31')))) {
      if (freeSection(m) === null) continue;
      const bundle = claimReviewBundle(key, m.date, outcome);
      const doc = appendItem(m, bundle, altCase(bundle.title.fi, bundle.code, m.date, m.body.sector), outcome);
      SHAPES.reviews.push(doc);
      break;
    }
  }
  // ... with Swedish versions of one rejected and one dismissed claim.
  for (const outcome of ['rejected', 'dismissed']) {
    const d = SHAPES.reviews.find((x) => x.outcome === outcome);
    const sv = { ...d, lang: 'sv', id: guid(), pairOf: d, dhId: ahjoId(), pdfVsid: ahjoId(), attachmentIds: [], newFields: true };
    d.newFields = true;
    d.translation = sv;
    d.kase.decisions.push(sv);
    DECISIONS.push(sv);
  }
  // Swedish versions of a referred and a tabled council or board decision.
  for (const outcome of ['referred', 'tabled']) {
    const d = shuffle(DECISIONS.filter((x) => !x.real && !x.alt && x.lang === 'fi' && x.outcome === outcome && x.meeting && !x.translation && x.kase && x.bundle.title.sv && ['kvsto', 'kh', 'kylk'].includes(x.org.key)))[0];
    if (!d) continue;
    const sv = { ...d, lang: 'sv', id: guid(), pairOf: d, dhId: ahjoId(), pdfVsid: ahjoId(), attachmentIds: [], newFields: true, alt: true };
    d.newFields = true;
    d.translation = sv;
    d.kase.decisions.push(sv);
    DECISIONS.push(sv);
  }
  // Officers reject claims against their own decisions (oikaisuvaatimus), or dismiss late ones.
  for (const outcome of ['rejected', 'dismissed']) {
    const o = ORG_BY_ID.U51105300405040VH1;
    const mine = DECISIONS.filter((x) => x.org === o && !x.pairOf);
    const date = workday(addDays(outcome === 'rejected' ? '2025-03-03' : '2026-02-02', ri(0, 40)));
    const same = mine.filter((x) => x.date.slice(0, 4) === date.slice(0, 4) && x.section).map((x) => Number(x.section));
    const d = officerDecision(o, date, officerTime(), 'foodClaim');
    Object.assign(d, { alt: true, outcome, section: same.length ? String(Math.max(...same) + ri(1, 4)) : mine.some((x) => x.section) ? String(ri(1, 30)) : '' });
    if (outcome === 'dismissed') lateClaim(d);
    decisionDetails(d);
    d.kase.alt = true;
    SHAPES.reviews.push(d);
  }
  // Officers dismiss late claims too (a third of the food-control claims that were rejected).
  for (const d of DECISIONS.filter((x) => x.org.kind === 'officer' && x.outcome === 'rejected' && /^Oikaisuvaatimus/.test(x.bundle.title.fi || '') && !x.translation).slice(1)) {
    if (chance(0.5)) lateClaim(d);
  }
  function lateClaim(d) {
    d.outcome = 'dismissed';
    const served = addDays(d.date, -ri(30, 60));
    const arrived = addDays(served, ri(16, 35));
    d.reasonsOverride = L([`Päätös, johon oikaisua vaaditaan, on annettu tiedoksi ${fiDate(served)}. Oikaisuvaatimus on saapunut ${fiDate(arrived)}.`,
      'Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista. Koska oikaisuvaatimus on saapunut määräajan päätyttyä, se on jätettävä tutkimatta.'],
    [`Beslutet som rättelseyrkandet gäller har delgetts ${fiDate(served)}. Rättelseyrkandet har inkommit ${fiDate(arrived)}.`,
      'Rättelseyrkandet ska framställas inom 14 dagar från delfåendet av beslutet. Eftersom rättelseyrkandet har inkommit efter utgången av tidsfristen ska det lämnas utan prövning.']);
    SHAPES.reviews.push(d);
  }

  // Officers' yearly "pöytäkirjan pitäminen yleisesti nähtävänä" (§ 1, no case): "X päätti, että …" fits no standard phrasing.
  for (const [id, gen, y] of [['U541001020VH1', 'tonttipäällikön', 2024], ['U51105300405050VH1', 'kaupungineläinlääkärin', 2025], ['U48040030VH1', 'liikuntajohtajan', 2026]]) {
    const o = ORG_BY_ID[id];
    if (DECISIONS.some((x) => x.org === o && x.date.slice(0, 4) === String(y) && x.section === '1')) continue;
    const bundle = {
      code: '00 01 01', title: L(`${cap(gen)} pöytäkirjan pitäminen yleisesti nähtävänä vuonna ${y}`, `${o.subjectSv}s protokoll hålls tillgängligt för allmänheten år ${y}`),
      noCase: true, base: 'other', motion: false, attachments: [], appeal: 'kielto', outcomes: [['other', 1]],
      other: { fi: (S) => `${S} päätti, että ${gen} pöytäkirja pidetään vuonna ${y} nähtävänä yleisessä tietoverkossa osoitteessa www.hel.fi.`,
        sv: (S) => `${S} beslutade att ${o.subjectSv.toLowerCase()}s protokoll år ${y} hålls tillgängligt för allmänheten i det allmänna datanätet på adressen www.hel.fi.` },
      reasons: L(['Viranhaltijan päätöksistä pidetään pöytäkirjaa, joka pidetään yleisesti nähtävänä tietoverkossa. Salassa pidettävät tiedot ja henkilötiedot poistetaan ennen julkaisemista.'],
        ['Över tjänsteinnehavarens beslut förs protokoll som hålls tillgängligt för allmänheten i datanätet. Sekretessbelagda uppgifter och personuppgifter avlägsnas före publiceringen.']),
    };
    const doc = newDoc({ org: o, meeting: null, section: '1', bundle, kase: null, date: workday(`${y}-01-0${ri(2, 9)}`), time: officerTime(), outcome: 'other', id: guid(), alt: true });
    DECISIONS.push(doc);
    decisionDetails(doc);
  }

  // 2. The council rejects residents' initiatives; one is first left to rest (jättää lepäämään).
  {
    const council = held.filter((m) => m.body.key === 'kvsto' && inWindow(m, '2024-03-01', '2026-10-31'));
    const subjects = shuffle(INITIATIVES);
    for (let i = 0; i < council.length - 1 && SHAPES.initiatives.length < 3; i++) {
      const m = council[i];
      const s = subjects[SHAPES.initiatives.length];
      if (freeSection(m) === null || !chance(0.45)) continue;
      const bundle = residentInitiativeBundle(s, ri(2100, 9800));
      const kase = altCase(bundle.title.fi, bundle.code, addDays(m.date, -ri(60, 200)), 'U50');
      if (!SHAPES.initiatives.length) {
        const next = council.slice(i + 1).find((x) => freeSection(x) !== null);
        if (!next) continue;
        SHAPES.initiatives.push(appendItem(m, bundle, kase, 'tabled', { phrasing: 'rest' }), appendItem(next, bundle, kase, 'rejected'));
      } else {
        SHAPES.initiatives.push(appendItem(m, bundle, kase, 'rejected'));
      }
    }
  }

  // 3. The city board's proposals to the council: a section headed "Esitys", no "Päätös".
  {
    const khHeld = held.filter((m) => m.body.key === 'kh');
    const between = (a, b) => khHeld.filter((m) => m.date > addDays(a, 6) && m.date < addDays(b, -6) && freeSection(m) !== null);
    let zonings = 0;
    let initiatives = 0;
    for (const c of CASES) {
      const council = c.decisions.find((x) => x.org.key === 'kvsto' && x.lang === 'fi' && !x.alt);
      if (!council) continue;
      if (c.zoning && zonings < 2) {
        const board = c.decisions.find((x) => x.org.key === 'kylk' && ['approve', 'asProposed', 'amended'].includes(x.outcome));
        const options = board ? between(board.date, council.date) : [];
        if (!options.length) continue;
        const b = zoningBundle(c.zoning, 'kvsto');
        const doc = appendItem(pick(options), { ...b, appeal: 'kielto', outcomes: [['approve', 1]] }, c, 'approve', { form: 'esitys',
          esitysText: { fi: (S) => `${S} esittää kaupunginvaltuustolle, että kaupunginvaltuusto hyväksyy ${b.obj.fi}.`, sv: (S) => `${S} föreslår att stadsfullmäktige godkänner ${b.obj.sv}.` } });
        if (doc) zonings++;
      } else if (c.initiative && initiatives < 1) {
        const prior = c.decisions.filter((x) => x.date < council.date && x.lang === 'fi').map((x) => x.date).sort().pop() || addDays(council.date, -80);
        const options = between(prior, council.date);
        if (!options.length) continue;
        const b = initiativeCouncilBundle(c.initiative);
        const doc = appendItem(pick(options), { ...b, appeal: 'kielto', outcomes: [['approve', 1]] }, c, 'approve', { form: 'esitys',
          esitysText: { fi: (S) => `${S} esittää kaupunginvaltuustolle, että kaupunginvaltuusto merkitsee tiedoksi kaupunginhallituksen vastauksen aloitteeseen ja katsoo aloitteen loppuun käsitellyksi.`,
            sv: (S) => `${S} föreslår att stadsfullmäktige antecknar stadsstyrelsens svar på motionen för kännedom och anser motionen slutbehandlad.` } });
        if (doc) initiatives++;
      }
    }
    // The budget proposals of the city board (the one with a Swedish version stays a Päätös, as in the README example).
    for (const d of DECISIONS.filter((x) => x.org.key === 'kh' && !x.pairOf && x.bundle.code === '02 02 00' && /talousarvioehdotus/.test(x.bundle.title.fi || '') && x.outcome === 'approve' && !x.translation)) {
      const y = yearOf(d.date) + 1;
      d.form = 'esitys';
      d.esitysText = { fi: (S) => `${S} esittää kaupunginvaltuustolle, että kaupunginvaltuusto hyväksyy vuoden ${y} talousarvion ja vuosien ${y}–${y + 2} taloussuunnitelman.`,
        sv: (S) => `${S} föreslår att stadsfullmäktige godkänner budgeten för ${y} och ekonomiplanen för ${y}–${y + 2}.` };
    }
  }

  // 4. Bodies missing from /agents/decisionmakers: the central election board and an audit sub-committee.
  {
    const kvl = { key: 'kvl', id: '02910', name: 'Keskusvaalilautakunta', sv: 'Centralvalnämnden', typeId: '5', type: 'Lautakunta', formed: '2009-01-01', sector: 'U50',
      above: [bodyRef(BODY.kvsto)], location: 'Kaupungintalo, Pohjoisesplanadi 11–13, kokoushuone Paasivuori', time: [14, 0], perWeek: 1 };
    const tmk = { key: 'tmk1', id: 'U003111', name: 'Tarkastuslautakunnan 1. toimikunta', sv: 'Revisionsnämndens första kommission', typeId: '6', type: 'Toimikunta',
      formed: '2017-06-01', sector: 'U50', above: [bodyRef(BODY.tark)], location: 'Tarkastusvirasto, Unioninkatu 25, kokoushuone', time: [15, 0], perWeek: 1 };
    for (const b of [kvl, tmk]) {
      Object.assign(b, { kind: 'body', existing: 'true', dissolved: OPEN_END, subject: b.name, subjectSv: b.sv, meetingName: b.name, below: [], unlisted: true });
      UNLISTED_BODIES.push(b);
    }
    kvl.comp = board({ chair: person(), vice: person(), councilSeats: [], others: 3 });
    tmk.comp = subBoard(BODY.tark, BODY.tark.comp[1].p, 4);
    PRESENTER.kvl = [person(), 'vaalisihteeri', 'valsekreterare'];
    PRESENTER.tmk1 = PRESENTER.tark;
    SECRETARY.kvl = pick(staffPool);
    SECRETARY.tmk1 = SECRETARY.tark;
    const meeting = (b, date, seq, status) => {
      const m = { body: b, id: `${b.id}${date.slice(0, 4)}${seq}`, date, time: b.time, seq, status, items: [], sectionCounter: null, alt: true,
        agendaPublished: status === 'future' ? daysBetween(NOW, date) <= 14 : true, minutesPublished: status === 'held' ? true : false };
      UNLISTED_MEETINGS.push(m);
      return m;
    };
    ELECTIONS.forEach((e, i) => {
      const m = meeting(kvl, e.date, i === 2 ? 11 : ri(2, 4), e.date > NOW ? 'future' : 'held');
      const [places, boards] = electionBundles(e);
      if (m.status === 'held') {
        const od = newDoc({ org: kvl, meeting: m, section: nextSection(m), bundle: openingBundle(kvl), kase: null, date: m.date, time: m.time, alt: true });
        decisionDetails(od);
        m.items.push(od);
        od.inspectors = shuffle(seatsOf(m).seats.filter((x) => !x.deputy)).slice(0, 2).map((x) => x.p);
        for (const b of [boards, places]) appendItem(m, b, altCase(b.title.fi, b.code, m.date, 'U50'), weighted(b.outcomes));
      } else {
        for (const b of [openingBundle(kvl), boards]) {
          const kase = b.noCase ? null : altCase(b.title.fi, b.code, m.date, 'U50');
          const doc = newDoc({ org: kvl, meeting: m, section: null, bundle: b, kase, date: m.date, time: m.time, agendaOnly: true, alt: true });
          doc.agendaPdfId = ahjoId();
          m.items.push(doc);
          if (kase) {
            kase.awaiting = 'later';
            kase.extraRecords.push({ title: b.title.fi, id: doc.agendaPdfId, vsid: ahjoId(), type: 'esitys', lang: 'fi', issued: '' });
          }
        }
      }
    });
    // The sub-committee prepares (no decisions): an agenda whose items have no §.
    const tm = meeting(tmk, '2025-04-22', 2, 'held');
    tm.minutesPublished = null;
    for (const b of [auditReportBundle({ y: 2024 }, 'tark'), auditInterimBundle('2025-04-22')]) {
      const doc = newDoc({ org: tmk, meeting: tm, section: null, bundle: b, kase: null, date: tm.date, time: tm.time, alt: true });
      decisionDetails(doc);
      tm.items.push(doc);
    }
  }

  // 5. Decisions published twice: a second record with the Finnish text under a Swedish title.
  {
    const candidates = DECISIONS.filter((d) => !d.real && !d.alt && d.lang === 'fi' && d.meeting && !d.meeting.historic && !d.translation && d.kase && d.bundle.title.sv &&
      !['tabled', 'withdrawn'].includes(d.outcome));
    const chosen = [
      // with votes (so a vote would be counted twice): the council's and the city board's first (the council's all have translations today)
      ...[...shuffle(candidates.filter((d) => d.votes && d.org.key === 'kvsto')).slice(0, 1), ...shuffle(candidates.filter((d) => d.votes && d.org.key === 'kh')).slice(0, 1),
        ...shuffle(candidates.filter((d) => d.votes && !['kvsto', 'kh'].includes(d.org.key)))].slice(0, 3),
      ...shuffle(candidates.filter((d) => !d.votes && ['kylk', 'kasko', 'kuva', 'sote'].includes(d.org.key))).slice(0, 1),
    ];
    for (const d of chosen) {
      const dup = { ...d, id: guid(), dupOf: d, pairOf: d, pdfVsid: ahjoId(), attachmentRecords: undefined, noPdf: chance(0.35), alt: true };
      d.duplicate = dup;
      d.kase.decisions.push(dup);
      DUPLICATES.push(dup);
    }
  }

  // 6. Agenda items without § while their decision exists: whole meetings, and single items elsewhere.
  {
    const eligible = shuffle(held.filter((x) => !x.items.some((d) => d.duplicate)));
    const whole = eligible.slice(0, Math.round(eligible.length * 0.12));
    for (const m of whole) for (const d of m.items) d.agendaNoSection = true;
    const items = eligible.slice(whole.length).flatMap((m) => m.items.filter((x) => x.id && !x.duplicate));
    for (const d of shuffle(items).slice(0, Math.round(items.length * 0.1))) d.agendaNoSection = true;
  }

  // 7. Officer decisions without any date (79% of the real ones): no DateDecision, no Meeting, no PDF.Issued.
  {
    const officer = DECISIONS.filter((d) => d.org.kind === 'officer');
    const eligible = officer.filter((d) => !d.translation && !d.pairOf && !(d.time[0] === 3 && d.time[1] === 30));
    for (const d of shuffle(eligible).slice(0, Math.round(officer.length * 0.78))) {
      d.dateless = weighted([['none', 68], ['pdf', 18], ['pdfEmpty', 14]]);
      if (chance(0.8) && !d.bundle.noCase) d.effective = chance(0.5) ? `${addDays(d.date, 32).slice(0, 8)}01` : addDays(d.date, ri(1, 30));
      if (chance(0.6)) d.reference = addDays(d.date, -ri(12, 90));
    }
    // Officer decisions held in their case's Records ("viranhaltijan päätös") without CaseID of their own.
    for (const d of shuffle(officer.filter((x) => x.kase && !x.translation && !x.pairOf && x.kase.decisions.length === 1)).slice(0, 8)) d.hideCase = true;
  }

  // 8. Outcome phrasings as real minutes write them.
  const both = (d, k, v) => { for (const x of [d, d.translation].filter(Boolean)) x[k] = v; };
  const isStatement = (d) => ['approve', 'other', 'asProposed'].includes(d.outcome) && d.bundle.other && / seuraavan lausunnon\.$/.test(d.bundle.other.fi('X'));
  // Keep one translated "merkitsi tiedoksi" / "antecknade för kännedom", and one translated Lausunto / Utlåtande.
  const notedPair = DECISIONS.find((x) => x.translation && x.outcome === 'noted');
  if (notedPair) both(notedPair, 'phrasing', 'plain');
  const statementPair = DECISIONS.find((x) => x.translation && !x.form && isStatement(x));
  if (statementPair) both(statementPair, 'form', 'lausunto');
  // Each phrasing gets a fixed share of the decisions it fits (picked at random), so every one of them stays present.
  const open = () => DECISIONS.filter((x) => !x.real && !x.pairOf && x.id && !x.agendaOnly && !x.form && !x.phrasing);
  const allot = (list, share, set, min = 1) => {
    const n = Math.max(Math.min(min, list.length), Math.round(list.length * share));
    for (const d of shuffle(list).slice(0, n)) set(d);
  };
  allot(open().filter((d) => d.outcome === 'noted'), 0.45, (d) => both(d, 'phrasing', 'decided'));
  allot(open().filter((d) => d.outcome === 'tabled'), 0.35, (d) => both(d, 'phrasing', 'leave'));
  allot(open().filter((d) => d.outcome === 'other' && d.bundle.otherDecided), 0.5, (d) => both(d, 'phrasing', 'decided'));
  allot(open().filter((d) => d.outcome === 'amended' && !d.votes && d.bundle.amend), 0.35, (d) => both(d, 'form', 'amendFirst'));
  const approvals = () => open().filter((d) => d.outcome === 'approve' && d.bundle.verb && d.bundle.obj && d.bundle.obj.fi && d.bundle.obj.sv);
  const total = approvals().length;
  const counterable = () => approvals().filter((d) => d.org.kind === 'body' && d.bundle.amend && !d.votes);
  allot(counterable(), 5 / counterable().length, (d) => both(d, 'form', 'counter'));
  allot(counterable(), 3 / counterable().length, (d) => both(d, 'form', 'presenter'));
  allot(approvals(), (total * 0.07) / approvals().length, (d) => { both(d, 'form', 'ul'); both(d, 'listClause', ri(0, 2)); });
  allot(approvals(), (total * 0.04) / approvals().length, (d) => { both(d, 'form', 'ol'); both(d, 'listClause', ri(0, 2)); });
  allot(approvals().filter((d) => VERB_PAST[d.bundle.verb.fi]), (total * 0.09) / approvals().filter((d) => VERB_PAST[d.bundle.verb.fi]).length, (d) => both(d, 'phrasing', 'past'));
  allot(open().filter(isStatement), 0.45, (d) => both(d, 'form', 'lausunto'));
  // Officers: an acting officer ("Vs. liikuntajohtaja päätti …") and "päätti osaltaan hyväksyä".
  allot(DECISIONS.filter((x) => x.org.kind === 'officer' && !x.pairOf && !x.translation && x.id), 4 / 90, (d) => { d.acting = true; });
  allot(approvals().filter((d) => d.org.kind === 'officer' && d.bundle.verb.fi === 'hyväksyä' && !/^Oikaisuvaatimus/.test(d.bundle.title.fi)), 2 / 40, (d) => both(d, 'phrasing', 'part'));

  // 9. Decided cases: "Päätetty" for about a quarter of all cases (those decided most recently).
  {
    const lastOf = (c) => c.decisions.filter((d) => !d.pairOf).sort((a, b) => (a.date + pad(Number(a.section) || 0, 5)).localeCompare(b.date + pad(Number(b.section) || 0, 5))).pop();
    const closed = CASES.filter((c) => !c.awaiting && lastOf(c) && FINAL.has(lastOf(c).outcome) && c.id !== REAL.decision.CaseID);
    const total = CASES.length + 1 + REAL.cases.length;
    const recent = closed.sort((a, b) => lastOf(b).date.localeCompare(lastOf(a).date)).slice(0, Math.round(total * 0.34));
    for (const c of shuffle(recent).slice(0, Math.round(total * 0.25))) c.decided = true;
  }
});

// ------------------------------------------------------------------------------------------
// Output objects
// ------------------------------------------------------------------------------------------
const ATTACHMENTS_NOT_PUBLISHED = REAL.meeting.AttachmentsNotPublishedInfo;
const renderedDecisions = new Map();
for (const d of DECISIONS) renderedDecisions.set(d, d.alt ? alt(() => renderDecision(d)) : renderDecision(d));
/** A second record of a decision: its own NativeId, PDF and attachment records, the same everything else, a Swedish Title. */
function renderDuplicate(x) {
  const base = renderedDecisions.get(x.dupOf);
  const o = { ...base, links: selfLink(`decisions/${enc(x.id)}?apireqlang=fi`), NativeId: x.id, Title: x.dupOf.bundle.title.sv, Attachments: attachmentRecords(x, 'fi') };
  if (base.PDF) {
    if (x.noPdf) delete o.PDF;
    else o.PDF = { ...base.PDF, VersionSeriesId: x.pdfVsid };
  }
  return o;
}
for (const x of DUPLICATES) renderedDecisions.set(x, alt(() => renderDuplicate(x)));
/** The date Ahjo filters a decision on (handledsince/handledbefore) where the record itself carries none. */
const handledOf = (d) => (d.dateless ? dt(d.date, d.time[0], d.time[1]) : null);

function meetingComposition(m) {
  if (m.compOverride) return m.compOverride;
  const comp = m.comp || m.body.comp;
  const rows = comp.slice().sort((a, b) => byVoterName({ p: a.p }, { p: b.p }))
    .map((x) => ({ links: [], Name: x.p.name, DeputyOf: x.deputyOf ? x.deputyOf.name : null, Role: x.role }));
  if (m.historic) return rows;
  const names = new Set(rows.map((r) => r.Name));
  const staff = [];
  const [presenter] = PRESENTER[m.body.key] || [];
  if (presenter && !names.has(presenter.name)) staff.push([presenter, 'Esittelijä']);
  staff.push([SECRETARY[m.body.key], 'Pöytäkirjanpitäjä']);
  const i = MEETINGS.indexOf(m);
  staff.push([staffPool[(i * 3 + 7) % staffPool.length], 'Asiantuntija']);
  if (['kvsto', 'kh'].includes(m.body.key)) staff.push([staffPool[(i * 5 + 11) % staffPool.length], 'Tiedottaja']);
  for (const [p, role] of staff) if (!names.has(p.name)) { rows.push({ links: [], Name: p.name, DeputyOf: null, Role: role }); names.add(p.name); }
  return rows;
}
function agendaItem(m, doc, point) {
  const decided = doc.id && !doc.agendaOnly;
  const lang = doc.lang;
  const title = doc.bundle.title[lang];
  const published = decided && m.minutesPublished === true;
  if (!doc.agendaPdfId) doc.agendaPdfId = ahjoId();
  const pdfId = published ? doc.id : doc.agendaPdfId;
  const html = doc.real === 'decision' ? doc.api.Motion : published ? renderedDecisions.get(doc).Content : motionHtml(doc, lang, true);
  const history = decided && doc.newFields ? renderedDecisions.get(doc).DecisionHistoryHTML : null;
  return {
    links: [], AgendaPoint: String(point), Section: doc.agendaNoSection ? null : doc.section, AgendaItem: title,
    PDF: { links: [], NativeId: pdfId, Title: title, Type: published ? 'päätös' : 'esitys', FileURI: `${API}content/${enc(pdfId)}`, Language: lang,
      PersonalData: doc.bundle.pd || doc.bundle.code === '00 00 01' ? 'Sisältää henkilötietoja' : 'Ei sisällä henkilötietoja', Issued: published ? doc.issued || '' : '' },
    HTML: html, DecisionHistoryPDF: null, DecisionHistoryHTML: history,
  };
}
function announcement(m) {
  const when = `${fiDate(m.date)} klo ${pad(m.time[0])}.${pad(m.time[1])}`;
  const tiedottaja = staffPool[(MEETINGS.indexOf(m) * 5 + 11) % staffPool.length];
  const items = m.items.map((doc, i) => {
    const text = !doc.id ? (doc.bundle.opening ? 'Ehdotuksen mukaan' : '') : doc.outcome === 'asProposed' ? 'Ehdotuksen mukaan' : stripTags(outcomeParas(doc, doc.bundle.title.fi ? 'fi' : 'sv')[0]);
    return `<div class="Tiedote"><h3>${i + 1} ${esc(doc.bundle.title.fi || doc.bundle.title.sv)}</h3>${doc.kase ? `<div>${doc.kase.label}</div>` : ''}<p class="TiedoteTeksti">Päätös<br><br>${esc(text)}<br><br></p></div>`;
  }).join('');
  return `<html lang="fi"><head><META content="text/html; charset=UTF-8" http-equiv="Content-Type"><style type="text/css">body { font-family: Arial }</style><title>${esc(m.body.name)} ${when}</title></head><body><div class="Kaupunkiteksti">Helsingin kaupunki</div><div class="Paattaja">${esc(m.body.name)}</div><h1 class="TiedotenumeroOtsikko">Päätöstiedote nro ${m.seq}</h1><div class="Kokousaika">Kokousaika: ${when}</div><div class="Kokouspaikka">Kokouspaikka: ${esc(meetingLocation(m))}</div>${items}<div class="Paikka Paivamaara">Helsingissä ${fiDate(m.date)}</div><div class="Paikka Paivamaara"></div><p>${esc(tiedottaja.name)}, viestintäasiantuntija, puhelin: ${tiedottaja.phone}<div>${tiedottaja.email}</div></p></body></html>`;
}
function meetingDocuments(m) {
  const docs = [];
  const title = (kind) => `${m.body.name} ${kind} ${fiDate(m.date)}/${pad(m.seq)}, julkinen, julkaisujärjestelmä`;
  const rec = (kind, type, issued) => {
    const id = ahjoId();
    return { links: [], NativeId: id, Title: title(kind), Type: type, FileURI: `${API}content/${enc(id)}`, Language: 'fi', PersonalData: 'Sisältää henkilötietoja', Issued: issued };
  };
  if (m.agendaPublished === true) docs.push(rec('esityslista', 'esityslista', ''));
  if (m.minutesPublished === true) docs.push(rec('pöytäkirja', 'pöytäkirja', utcMidnightLocal(addDays(m.date, ri(5, 9)))));
  return docs;
}
const allGeneratedMeetings = [...historicMeetings, ...MEETINGS, ...UNLISTED_MEETINGS].sort((a, b) => (a.date + a.body.id).localeCompare(b.date + b.body.id));
historicMeetings[0].compOverride = [{ links: [], Name: 'Timo Terävä', DeputyOf: null, Role: 'Esittelijä' }];
const neighbours = new Map();
for (const b of [...BODY_DEFS, ...UNLISTED_BODIES]) {
  const list = allGeneratedMeetings.filter((m) => m.body === b);
  list.forEach((m, i) => {
    const prev = list[i - 1];
    const next = list[i + 1];
    neighbours.set(m, {
      prev: prev && daysBetween(prev.date, m.date) <= 400 ? prev : null,
      next: next && daysBetween(m.date, next.date) <= 400 ? next : null,
    });
  });
}
function renderMeeting(m) {
  const held = m.status === 'held';
  const items = held || m.status === 'future' ? m.items.slice().sort((a, b) => (a.section === null || b.section === null ? 0 : Number(a.section) - Number(b.section))) : [];
  const nb = neighbours.get(m);
  return {
    links: selfLink(`meetings/${m.id}?apireqlang=fi`), MeetingID: m.id, Name: meetingName(m), Location: meetingLocation(m), DateMeeting: meetingDt(m),
    AgendaPublished: m.agendaPublished, MinutesPublished: m.minutesPublished, MeetingSequenceNumber: m.status === 'cancelled' ? 0 : m.seq,
    Status: held ? 'Päätetty teknisesti' : m.status === 'cancelled' ? 'peruttu' : null,
    Agenda: items.map((doc, i) => (doc.alt ? alt(() => agendaItem(m, doc, i + 1)) : agendaItem(m, doc, i + 1))),
    Composition: meetingComposition(m),
    PreviousMeeting: nb.prev ? meetingSummary(nb.prev) : null, NextMeeting: nb.next ? meetingSummary(nb.next) : null,
    DecisionAnnouncement: held && !m.historic && chance(0.6) ? announcement(m) : null,
    AttachmentsNotPublishedInfo: ATTACHMENTS_NOT_PUBLISHED,
    MeetingDocuments: m.status === 'cancelled' ? [] : meetingDocuments(m),
    DecisionMakerId: m.body.id, DecisionMaker: m.body.name,
  };
}

// --- cases -------------------------------------------------------------------------------------
const sectorOfDoc = (d) => (d.org.kind === 'officer' ? d.org.sectorId || 'U50' : d.org.sector || 'U50');
function caseRecord({ title, number = null, vsid, id, type, uri, lang, pd, issued, publicity = 'Julkinen' }) {
  return { links: selfLink(`records/${enc(id)}`), Title: title, AttachmentNumber: number, PublicityClass: publicity, SecurityReasons: null, VersionSeriesId: vsid,
    NativeId: id, Type: type, FileURI: uri, Language: lang, PersonalData: pd ? 'Sisältää henkilötietoja' : 'Ei sisällä henkilötietoja', Issued: issued };
}
function renderCase(c) {
  const decisions = c.decisions.slice().sort((a, b) => (a.date + pad(Number(a.section) || 0, 5) + a.lang).localeCompare(b.date + pad(Number(b.section) || 0, 5) + b.lang));
  const fiDecisions = decisions.filter((d) => !d.pairOf);
  const last = fiDecisions[fiDecisions.length - 1];
  const open = !!c.awaiting || !last || !FINAL.has(last.outcome);
  const records = [];
  if (c.initiative) {
    const i = c.initiative;
    records.push(caseRecord({ title: `Valtuustoaloite ${fiDate0(i.initDate)} ${i.s.case}`, vsid: ahjoId(), id: ahjoId(), type: 'aloite', uri: `https://ahjojulkaisu.hel.fi/${bare(ahjoId())}.pdf`,
      lang: 'fi', pd: true, issued: utcMidnightLocal(i.initDate) }));
  }
  for (const d of decisions) {
    const api = renderedDecisions.get(d);
    // An officer decision that does not carry its case itself is listed as a "viranhaltijan päätös" record.
    records.push(caseRecord({ title: api.Title, vsid: d.pdfVsid, id: d.id, type: d.hideCase ? 'viranhaltijan päätös' : 'päätös', uri: fileUri(d, d.pdfVsid), lang: d.lang,
      pd: d.bundle.pd || api.Attachments.some((a) => a.PersonalData === 'Sisältää henkilötietoja'), issued: d.dateless === 'pdf' || d.dateless === 'pdfEmpty' ? '' : d.issued }));
    for (const a of api.Attachments) {
      const vsid = `{${a.FileURI.replace(/^.*\//, '').replace(/\.pdf$/, '')}}`;
      records.push(caseRecord({ title: a.Title, number: a.AttachmentNumber || String(api.Attachments.indexOf(a) + 1), vsid, id: a.NativeId, type: 'liite', uri: a.FileURI,
        lang: a.Language, pd: a.PersonalData === 'Sisältää henkilötietoja', issued: a.Issued, publicity: c.publicity !== 'Julkinen' && a.PersonalData === 'Sisältää henkilötietoja' ? 'Salassa pidettävä' : 'Julkinen' }));
    }
  }
  for (const r of c.extraRecords) records.push(caseRecord({ title: r.title, vsid: r.vsid, id: r.id, type: r.type, uri: `https://ahjojulkaisu.hel.fi/${bare(r.vsid)}.pdf`, lang: r.lang, pd: false, issued: r.issued }));
  // Handlings: one per consecutive sector in the life of the case.
  const steps = [];
  for (const d of fiDecisions) {
    const s = sectorOfDoc(d);
    if (!steps.length || steps[steps.length - 1].sector !== s) steps.push({ sector: s, first: d.date, last: d.date });
    else steps[steps.length - 1].last = d.date;
  }
  if (c.awaiting && c.awaiting !== 'later') {
    const s = BODY[c.awaiting].sector || 'U50';
    if (!steps.length || steps[steps.length - 1].sector !== s) steps.push({ sector: s, first: null });
  }
  if (!steps.length) steps.push({ sector: c.sector || 'U50', first: null });
  let prevEnd = c.created.slice(0, 10);
  const handlings = steps.map((s, i) => {
    const created = i === 0 ? addDays(c.created.slice(0, 10), ri(0, 2)) : addDays(prevEnd, ri(1, 4));
    prevEnd = s.last || created;
    const active = open && i === steps.length - 1;
    return { links: selfLink(`cases/${c.id}/handlings/${i + 1}?apireqlang=fi`), WorkSequenceNumber: i + 1, Sector: SECTORS[s.sector], Status: active ? 'Käsittelyssä' : 'Päättynyt',
      Created: dt(created > NOW ? NOW : created, ri(8, 16), ri(0, 59), ri(0, 59), ri(0, 999)), DateNearestDeadline: active && chance(0.4) ? dt(addDays(NOW, ri(10, 120))) : '', SectorID: s.sector };
  });
  return {
    links: selfLink(`cases/${c.id}?apireqlang=fi`), CaseIDLabel: c.label, Title: c.title, Created: c.created, Acquired: c.acquired,
    ClassificationCode: c.code, ClassificationTitle: CODES[c.code] || REAL.decision.ClassificationTitle, Status: open ? 'Vireillä' : c.decided ? 'Päätetty' : 'Ratkaistu', Language: c.lang,
    PublicityClass: c.publicity, SecurityReasons: c.publicity === 'Julkinen' ? (chance(0.5) ? null : []) : [], Handlings: handlings, Records: records, CaseID: c.id,
  };
}
// --- decision makers ---------------------------------------------------------------------------------
function renderDecisionMakers() {
  const list = [
    ...REAL.decisionMakers.decisionMakers,
    ...BODY_DEFS.map((b) => ({ Organization: dmOrganization(b), Sector: sectorObj(b.sector),
      Composition: b.comp.map((x) => ({ Name: x.p.name, DeputyOf: x.deputyOf ? x.deputyOf.name : null, Role: x.role, ID: x.p.id })) })),
    ...OFFICERS.filter((o) => !o.real).map((o) => ({ Organization: dmOrganization(o), Sector: sectorObj(o.sector), Composition: [] })),
  ];
  return { decisionMakers: list, count: list.length,
    links: selfLink('agents/decisionmakers?q=null&start=null&changedsince=2000-01-01T00:00:00&changedbefore=&apireqlang=fi') };
}

// ------------------------------------------------------------------------------------------
// Check: counts and cross-references of the files on disk
// ------------------------------------------------------------------------------------------
const GROUPS = new Set([...Object.values(G), '']);
const DATE_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/;
function firstDecisionParagraph(html) {
  const m = /<h3 class="SisaltoOtsikko">(?:Päätös|Beslut)<\/h3><p>(.*?)<\/p>/.exec(html || '');
  return m ? m[1] : null;
}
/** The section that carries the outcome (Päätös/Beslut, Esitys/Förslag or Lausunto/Utlåtande): heading and the text of its paragraphs and list items. */
function outcomeSection(html) {
  const m = /<div class="SisaltoSektio"><h3 class="SisaltoOtsikko">(Päätös|Beslut|Esitys|Förslag|Lausunto|Utlåtande)<\/h3>(.*?)<\/div>/.exec(html || '');
  if (!m) return null;
  const parts = [...m[2].matchAll(/<(p|li)>(.*?)<\/\1>/g)].map((x) => ({ tag: x[1], text: x[2] }));
  return { heading: m[1], parts, text: parts.map((x) => x.text).join(' '), list: /^<(ul|ol)>/.test(m[2].replace(/^<p>[^<]*<\/p>/, '')) ? (/<ol>/.test(m[2]) && !/^<p>/.test(m[2]) ? 'ol' : 'ul') : null };
}
/** Phrasings of real minutes the dataset must carry (each in at least one decision section). */
const PHRASINGS = [
  'päätti palauttaa asian uudelleen valmisteltavaksi', 'päätti merkitä tiedoksi', 'merkitsi tiedoksi', 'päätti panna asian pöydälle',
  'päätti jättää asian pöydälle', 'päätti hyväksyä', 'päätti osaltaan hyväksyä', 'päätti myöntää', 'päätti valita', 'päätti, että', 'Vs. ', 'päätti hylätä oikaisuvaatimuksen', 'päätti hylätä vahingonkorvausvaatimuksen',
  'avustushakemuksen', 'päätti jättää oikaisuvaatimuksen tutkimatta', 'päätti jättää asian lepäämään', 'päätti hylätä aloitteen', 'Päätös on ehdotuksen mukainen.', 'muutettuna siten',
  'beslutade godkänna', 'beslutade återremittera ärendet', 'antecknade för kännedom', 'beslutade bordlägga', 'beslutade avslå rättelseyrkandet',
  'beslutade lämna rättelseyrkandet utan prövning',
];
function outcomeOf(p) {
  if (p === null) return 'none';
  const rules = [
    ['amended', /päätti (hyväksyä|myöntää) .* muutettuna siten, että|beslutade (godkänna|bevilja) .* med följande ändring/],
    ['dismissed', /päätti jättää oikaisuvaatimuksen tutkimatta|beslutade lämna rättelseyrkandet utan prövning/],
    ['rejected', /päätti hylätä|beslutade avslå/], ['tabled', /päätti (panna|jättää) asian pöydälle|päätti jättää asian lepäämään|beslutade bordlägga ärendet|beslutade låta ärendet vila/],
    ['referred', /päätti palauttaa asian uudelleen valmisteltavaksi|beslutade återremittera ärendet för ny beredning/],
    ['withdrawn', /^Asia poistettiin esityslistalta|^Ärendet ströks från föredragningslistan/],
    ['adoptedAsProposed', /^Päätös on ehdotuksen mukainen|^Beslutet överensstämmer med förslaget/],
    ['noted', /merkitsi tiedoksi|päätti merkitä tiedoksi|antecknade för kännedom|beslutade anteckna/], ['approved', /päätti (hyväksyä|myöntää)|beslutade (godkänna|bevilja)/],
  ];
  for (const [k, re] of rules) if (re.test(p)) return k;
  return 'unknown';
}
function check(writeReadme = false) {
  const read = (f) => JSON.parse(readFileSync(join(OUT, f), 'utf8'));
  const D = read('decisions.json');
  const MT = read('meetings.json');
  const C = read('cases.json');
  const DM = read('decisionmakers.json');
  const HD = read('handled.json');
  const errors = [];
  const ok = (cond, msg) => { if (!cond) errors.push(msg); };
  ok(isDeepStrictEqual(Object.keys(D), ['decisions']), 'decisions.json envelope');
  ok(isDeepStrictEqual(Object.keys(MT), ['meetings']), 'meetings.json envelope');
  ok(isDeepStrictEqual(Object.keys(C), ['cases']), 'cases.json envelope');
  ok(isDeepStrictEqual(Object.keys(DM), ['decisionMakers', 'count', 'links']), 'decisionmakers.json envelope');
  ok(isDeepStrictEqual(Object.keys(HD), ['about', 'handled']), 'handled.json envelope');
  const handled = HD.handled;
  const decisions = D.decisions;
  const meetings = MT.meetings;
  const cases = C.cases;
  const dms = DM.decisionMakers;
  ok(decisions.length >= 150, `decisions >= 150 (${decisions.length})`);
  ok(meetings.length >= 40, `meetings >= 40 (${meetings.length})`);
  ok(cases.length >= 100, `cases >= 100 (${cases.length})`);
  ok(dms.length >= 50 && DM.count === dms.length, `decision makers >= 50 and count (${dms.length}/${DM.count})`);

  // real samples, verbatim
  ok(decisions.some((d) => isDeepStrictEqual(d, REAL.decision)), 'real sample decision included unchanged');
  const vd = decisions.find((d) => d.NativeId === VOTING_DECISION_ID);
  ok(vd && isDeepStrictEqual(vd.VotingResults, REAL.votingResults), 'real VotingResults included unchanged');
  ok(vd && vd.Meeting && vd.Meeting.MeetingID === 'U540202138' && vd.Meeting.DateMeeting.startsWith('2021-11-30') && vd.Organization.ID === 'U540', 'voting decision meeting/org');
  ok(meetings.some((m) => isDeepStrictEqual(m, REAL.meeting)), 'real meeting included unchanged');
  ok(meetings.some((m) => isDeepStrictEqual(m, REAL.cancelledMeeting)), 'real cancelled meeting included unchanged');
  ok(cases.some((c) => isDeepStrictEqual(c, REAL.case)), 'real case included unchanged');
  for (const rc of REAL.cases) ok(cases.some((c) => isDeepStrictEqual(c, rc)), `real list case ${rc.CaseID} included unchanged`);
  for (const e of REAL.decisionMakers.decisionMakers) ok(dms.some((x) => isDeepStrictEqual(x, e)), `real decision maker ${e.Organization.ID} included unchanged`);
  const realMeetingIds = new Set([REAL.meeting.MeetingID, REAL.cancelledMeeting.MeetingID]);

  // uniqueness
  const uniq = (arr, what) => ok(new Set(arr).size === arr.length, `unique ${what}`);
  uniq(decisions.map((d) => d.NativeId), 'decision NativeIds');
  uniq(meetings.map((m) => m.MeetingID), 'MeetingIDs');
  uniq(cases.map((c) => c.CaseID), 'CaseIDs');
  uniq(dms.map((x) => x.Organization.ID), 'decision maker IDs');
  const allRecordIds = [...decisions.flatMap((d) => d.Attachments.map((a) => a.NativeId)),
    ...meetings.flatMap((m) => [...m.MeetingDocuments.map((r) => r.NativeId), ...m.Agenda.filter((a) => a.PDF.Type !== 'päätös').map((a) => a.PDF.NativeId)])];
  uniq(allRecordIds, 'attachment / document NativeIds');
  ok(!allRecordIds.some((id) => decisions.some((d) => d.NativeId === id)), 'record ids differ from decision ids');

  // decision makers
  const dmById = new Map(dms.map((x) => [x.Organization.ID, x]));
  const strBool = (v) => v === 'true' || v === 'false';
  for (const x of dms) {
    const o = x.Organization;
    ok(strBool(o.Existing) && DATE_RE.test(o.Formed) && DATE_RE.test(o.Dissolved), `dm ${o.ID} Existing/Formed/Dissolved`);
    ok(Array.isArray(x.Composition) && 'Sector' in x, `dm ${o.ID} shape`);
    if (o.Type === 'Viranhaltija') ok(o.TypeId === '12' && x.Composition.length === 0 && /VH\d$/.test(o.ID), `officer ${o.ID}`);
    else {
      ok(x.Composition.length > 0, `body ${o.ID} has a composition`);
      const names = new Set(x.Composition.map((c) => c.Name));
      for (const c of x.Composition) {
        ok(['Puheenjohtaja', 'Varapuheenjohtaja', 'Jäsen', 'Varajäsen'].includes(c.Role), `body ${o.ID} role ${c.Role}`);
        ok(c.Role !== 'Varajäsen' || names.has(c.DeputyOf), `body ${o.ID} deputy of a member`);
      }
    }
  }
  ok(dms.some((x) => x.Organization.Existing === 'false' && x.Organization.Dissolved < '2100'), 'a dissolved body');
  for (const [id, type, typeId] of [['02900', 'Valtuusto', '1'], ['00400', 'Hallitus', '2'], ['U003110', 'Lautakunta', '5']]) {
    ok(dmById.has(id) && dmById.get(id).Organization.Type === type && dmById.get(id).Organization.TypeId === typeId, `body ${id}`);
  }

  // meetings
  const meetingById = new Map(meetings.map((m) => [m.MeetingID, m]));
  const summaryKeys = ['MeetingID', 'Name', 'Location', 'DateMeeting', 'AgendaPublished', 'MinutesPublished', 'DecisionMakerId', 'DecisionMaker'];
  const unlistedMeetings = meetings.filter((m) => !dmById.has(m.DecisionMakerId));
  const unlistedBodies = new Set(unlistedMeetings.map((m) => m.DecisionMakerId));
  ok(unlistedMeetings.length >= 3 && unlistedMeetings.length <= 6, `3-6 meetings of bodies missing from the decision makers (${unlistedMeetings.length})`);
  ok(unlistedMeetings.every((m) => m.DecisionMaker && !dms.some((x) => x.Organization.Name === m.DecisionMaker)), 'unlisted bodies carry their own name');
  for (const m of meetings) {
    ok(m.MeetingID.startsWith(m.DecisionMakerId + m.DateMeeting.slice(0, 4)), `meeting ${m.MeetingID} id = org + year + seq`);
    ok(DATE_RE.test(m.DateMeeting), `meeting ${m.MeetingID} date format`);
    if (m.Status === 'peruttu') ok(m.Agenda.length === 0 && m.AgendaPublished === false && m.MinutesPublished === false && m.MeetingSequenceNumber === 0, `cancelled ${m.MeetingID}`);
    if (realMeetingIds.has(m.MeetingID)) continue;
    for (const [k, back] of [['NextMeeting', 'PreviousMeeting'], ['PreviousMeeting', 'NextMeeting']]) {
      if (!m[k]) continue;
      const t = meetingById.get(m[k].MeetingID);
      ok(t && t[back] && t[back].MeetingID === m.MeetingID, `${m.MeetingID}.${k} links back`);
      ok(t && summaryKeys.every((s) => isDeepStrictEqual(t[s], m[k][s])), `${m.MeetingID}.${k} summary matches`);
      ok(t && t.DecisionMakerId === m.DecisionMakerId, `${m.MeetingID}.${k} same body`);
    }
  }
  const cancelled = meetings.filter((m) => m.Status === 'peruttu');
  const upcoming = meetings.filter((m) => m.DateMeeting > `${NOW}T23:59:59.999`);
  ok(cancelled.length >= 6, `>= 6 cancelled meetings (${cancelled.length})`);
  ok(upcoming.length >= 3 && upcoming.every((m) => m.Status === null && m.MinutesPublished === false), 'upcoming meetings');
  ok(meetings.filter((m) => m.DateMeeting >= '2024-01-01' && m.DateMeeting < '2027-02-01').length >= 40, '>= 40 meetings 2024-01..2027-01');

  // cases
  const caseById = new Map(cases.map((c) => [c.CaseID, c]));
  for (const c of cases) {
    ok(/^HEL-\d{4}-\d{6}$/.test(c.CaseID) && c.CaseIDLabel === c.CaseID.replace('HEL-', 'HEL '), `case id ${c.CaseID}`);
    ok(['Vireillä', 'Ratkaistu', 'Päätetty'].includes(c.Status), `case status ${c.CaseID}`);
  }
  const decidedShare = cases.filter((c) => c.Status === 'Päätetty').length / cases.length;
  ok(decidedShare >= 0.2 && decidedShare <= 0.3, `~25% of cases Päätetty (${(decidedShare * 100).toFixed(1)}%)`);
  // Officer decisions held in their case's Records only.
  const officerRecords = cases.flatMap((c) => (c.Records || []).filter((r) => r.Type === 'viranhaltijan päätös').map((r) => [c, r]));
  const inRecords = new Map(officerRecords.map(([c, r]) => [r.NativeId, c]));

  // decisions
  const langOf = (d) => (/^<html lang="(fi|sv)"/.exec(d.Content) || [])[1];
  const stats = { officer: 0, noCase: 0, votes: 0, council85: 0, twoEvents: 0, blank: 0, absent: 0, newFields: 0, outcomes: {}, fi: 0, sv: 0,
    dateless: 0, bodyDated: 0, body: 0, headings: {}, forms: {}, phrasings: {} };
  const dateOf = (d) => d.DateDecision || (d.Meeting && d.Meeting.DateMeeting) || handled[d.NativeId];
  const servedDate = (d) => d.DateDecision || (d.Meeting && d.Meeting.DateMeeting) || (d.PDF && d.PDF.Issued);
  // A decision published twice: same meeting, section and case as a Finnish decision listed before it.
  const firstOf = new Map();
  const duplicates = [];
  for (const d of decisions) {
    if (!d.Meeting || !d.CaseID || !/^<html lang="fi"/.test(d.Content)) continue;
    const k = `${d.Meeting.MeetingID}|${d.Section}|${d.CaseID}`;
    if (!firstOf.has(k)) firstOf.set(k, d);
    else duplicates.push([firstOf.get(k), d]);
  }
  const dupIds = new Set(duplicates.flatMap(([a, b]) => [a.NativeId, b.NativeId]));
  for (const d of decisions) {
    const id = d.NativeId;
    ok(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/.test(id), `decision id format ${id}`);
    ok(!('Language' in d), `no top-level Language ${id}`);
    ok(dmById.has(d.Organization.ID) || (d.Meeting && unlistedBodies.has(d.Organization.ID)), `decision ${id} org in decision makers (or a meeting's unlisted body)`);
    ok(strBool(d.Organization.Existing) && d.Organization.OrganizationLevelAbove.organizations.every((o) => strBool(o.Existing)), `decision ${id} Existing strings`);
    const lang = langOf(d);
    ok(lang === 'fi' || lang === 'sv', `decision ${id} html lang`);
    stats[lang] = (stats[lang] || 0) + 1;
    for (const cls of ['AsiaOtsikko', 'DnroTmuoto', 'SisaltoSektio', 'SisaltoOtsikko', 'EsittelijaTiedot', 'MuutoksenhakuOtsikko']) ok(d.Content.includes(`class="${cls}"`), `decision ${id} has ${cls}`);
    ok(!d.Section || d.Content.includes(`<div class="Asiapykala">§ ${d.Section}</div>`), `decision ${id} Asiapykala`);
    ok(!d.Attachments.length || d.Content.includes('class="LiitteetOtsikko"'), `decision ${id} LiitteetOtsikko`);
    const sec = outcomeSection(d.Content);
    ok(sec && (lang === 'fi' ? ['Päätös', 'Esitys', 'Lausunto'] : ['Beslut', 'Förslag', 'Utlåtande']).includes(sec.heading), `decision ${id} decision heading`);
    if (sec) {
      stats.headings[sec.heading] = (stats.headings[sec.heading] || 0) + 1;
      for (const ph of PHRASINGS) if (sec.text.includes(ph)) stats.phrasings[ph] = (stats.phrasings[ph] || 0) + 1;
      const form = sec.list ? sec.list : sec.parts.length > 1 && /^(Käsittelyn aikana|Esittelijä muutti|Under behandlingen|Föredraganden ändrade)/.test(sec.parts[0].text) ? 'second paragraph'
        : /^[^.]* (hyväksyi|myönsi|godkände|beviljade) /.test(sec.parts[0] ? sec.parts[0].text : '') && !/ päätti | beslutade /.test(sec.parts[0].text) ? 'hyväksyi' : null;
      if (form) stats.forms[form] = (stats.forms[form] || 0) + 1;
      if (/päätti hylätä oikaisuvaatimuksen/.test(sec.text)) stats.forms[`oikaisuvaatimus rejected by ${d.Meeting ? 'a body' : 'an officer'}`] = (stats.forms[`oikaisuvaatimus rejected by ${d.Meeting ? 'a body' : 'an officer'}`] || 0) + 1;
    }
    ok(d.Motion === '' || d.Motion.startsWith(`<html lang="${lang}">`), `decision ${id} Motion`);
    ok(/^\d\d \d\d \d\d$/.test(d.ClassificationCode) && d.ClassificationTitle, `decision ${id} classification`);
    if (d.PDF) {
      stats.newFields++;
      ok((d.PDF.Language === lang || dupIds.has(id)) && /^\{[0-9A-F-]{36}\}$/.test(d.PDF.VersionSeriesId) && (d.PDF.Issued === undefined || d.PDF.Issued === '' || DATE_RE.test(d.PDF.Issued)), `decision ${id} PDF`);
      ok((DATE_RE.test(d.DateDecision) || (!('DateDecision' in d) && handled[id])) && (d.DecisionHistoryHTML === null || typeof d.DecisionHistoryHTML === 'string'), `decision ${id} DateDecision/DecisionHistoryHTML`);
    }
    // No date in the record: the replica's handled date only (not served), and no dated attachment either.
    ok(!servedDate(d) === !!handled[id] && (!handled[id] || DATE_RE.test(handled[id])), `decision ${id} handled date exactly when it carries none`);
    if (!servedDate(d)) {
      stats.dateless++;
      ok(!('DateDecision' in d) && d.Attachments.every((a) => a.Issued === '') && !JSON.stringify(d).includes(handled[id]), `dateless decision ${id} serves no date`);
    }
    if (d.Organization.Type !== 'Viranhaltija') {
      stats.body++;
      if (d.DateDecision) stats.bodyDated++;
    }
    for (const a of d.Attachments) ok(a.Language === lang && a.Type === 'liite' && (a.Issued === '' || DATE_RE.test(a.Issued)), `decision ${id} attachment`);
    ok(d.Attachments.length <= 3, `decision ${id} <= 3 attachments`);
    const date = dateOf(d);
    ok(date && ((date >= '2024-01-01' && date <= `${NOW}T23:59:59.999`) || date.startsWith('2021-')), `decision ${id} date ${date}`);
    if (d.Meeting) {
      const m = meetingById.get(d.Meeting.MeetingID);
      ok(m, `decision ${id} meeting ${d.Meeting.MeetingID} exists`);
      if (m) {
        ok(m.DateMeeting === d.Meeting.DateMeeting && m.DecisionMakerId === d.Meeting.DecisionMakerId && m.DecisionMakerId === d.Organization.ID, `decision ${id} meeting fields`);
        ok(summaryKeys.every((k) => isDeepStrictEqual(m[k], d.Meeting[k])), `decision ${id} meeting summary`);
        // An item without § is found by its title (a Swedish version by the title of its Finnish decision).
        const titles = new Set([d.Title, ...decisions.filter((f) => f.Meeting && f.Meeting.MeetingID === d.Meeting.MeetingID && f.Section === d.Section && f.CaseID === d.CaseID).map((f) => f.Title)]);
        ok(m.Agenda.some((a) => a.Section === d.Section || (a.Section === null && titles.has(a.AgendaItem))) || dupIds.has(id), `decision ${id} section ${d.Section} on the agenda`);
      }
      ok(d.Organization.Type !== 'Viranhaltija', `decision ${id} body decision`);
    } else {
      stats.officer++;
      ok(d.Organization.Type === 'Viranhaltija' && (d.DateDecision || handled[id]) && d.VotingResults.length === 0, `officer decision ${id}`);
    }
    ok((d.CaseID === null) === (d.CaseIDLabel === null), `decision ${id} CaseID/CaseIDLabel`);
    if (d.CaseID === null && inRecords.has(id)) {
      ok(d.Organization.Type === 'Viranhaltija' && !d.Meeting && !/class="DnroTmuoto">HEL/.test(d.Content), `decision ${id} held in case ${inRecords.get(id).CaseID} Records only`);
    } else if (d.CaseID === null) stats.noCase++;
    else {
      const c = caseById.get(d.CaseID);
      ok(c && c.CaseIDLabel === d.CaseIDLabel, `decision ${id} case ${d.CaseID} exists`);
      ok(c && c.Records && c.Records.some((r) => r.Type === 'päätös' && r.NativeId === id && r.Language === lang), `case ${d.CaseID} lists decision ${id}`);
    }
    if (d.VotingResults.length) {
      stats.votes++;
      if (d.VotingResults.length > 1) stats.twoEvents++;
      for (const e of d.VotingResults) {
        ok(isDeepStrictEqual(Object.keys(e).sort(), ['Absent', 'Ayes', 'Blank', 'Noes', 'links']), `decision ${id} vote keys`);
        const total = ['Ayes', 'Noes', 'Blank', 'Absent'].reduce((s, k) => s + e[k].Voters.length, 0);
        if (d.Organization.ID === '02900' && total === 85) stats.council85++;
        if (e.Blank.NumberOfVotes > 0) stats.blank++;
        if (e.Absent.NumberOfVotes > 0) stats.absent++;
        for (const k of ['Ayes', 'Noes', 'Blank', 'Absent']) {
          if (id !== VOTING_DECISION_ID) ok(e[k].NumberOfVotes === e[k].Voters.length, `decision ${id} ${k} count`);
          for (const v of e[k].Voters) ok(GROUPS.has(v.CouncilGroup) && /, /.test(v.Name) && v.agentId === v.ID, `decision ${id} voter ${v.Name}`);
        }
      }
    }
    const o = outcomeOf(firstDecisionParagraph(d.Content));
    stats.outcomes[o] = (stats.outcomes[o] || 0) + 1;
  }
  // fi/sv pairs
  const fiDecisions = decisions.filter((d) => langOf(d) === 'fi');
  let pairs = 0;
  for (const sv of decisions.filter((d) => langOf(d) === 'sv' && d.CaseID)) {
    const match = fiDecisions.find((f) => f.CaseID === sv.CaseID && f.Section === sv.Section && f.CaseIDLabel === sv.CaseIDLabel &&
      (sv.Meeting ? f.Meeting && f.Meeting.MeetingID === sv.Meeting.MeetingID : !f.Meeting && f.Organization.ID === sv.Organization.ID && f.DateDecision === sv.DateDecision));
    if (match) {
      pairs++;
      ok(match.PDF && sv.PDF && match.PDF.Language === 'fi' && sv.PDF.Language === 'sv', `pair ${sv.NativeId} PDF languages`);
    }
  }
  const officerShare = stats.officer / decisions.length;
  const noCaseShare = stats.noCase / decisions.length;
  // Shapes of real Ahjo dumps.
  const datelessShare = stats.dateless / stats.officer;
  ok(datelessShare >= 0.75 && datelessShare <= 0.8, `75-80% of officer decisions carry no date (${(datelessShare * 100).toFixed(1)}%)`);
  ok(decisions.filter((d) => !servedDate(d) && !d.PDF).length > 0 && decisions.filter((d) => !servedDate(d) && d.PDF).length > 0, 'dateless officer decisions with and without PDF');
  ok(Object.keys(handled).every((id) => decisions.some((d) => d.NativeId === id)), 'handled.json names decisions of the dataset');
  ok(stats.bodyDated >= stats.body * 0.85, `most body decisions carry DateDecision (${stats.bodyDated}/${stats.body})`);
  ok(duplicates.length >= 3 && duplicates.length <= 5, `3-5 decisions published twice (${duplicates.length})`);
  for (const [a, b] of duplicates) {
    ok(isDeepStrictEqual(a.Meeting, b.Meeting) && a.Section === b.Section && a.CaseIDLabel === b.CaseIDLabel && a.Content === b.Content && isDeepStrictEqual(a.VotingResults, b.VotingResults)
      && a.Title !== b.Title && (!b.PDF || b.PDF.Language === 'fi') && a.NativeId !== b.NativeId, `decision ${b.NativeId} published twice (of ${a.NativeId})`);
  }
  ok(duplicates.some(([a]) => a.VotingResults.length > 0), 'a decision with votes published twice');
  ok(officerRecords.length >= 4, `>= 4 officer decisions held in case Records (${officerRecords.length})`);
  for (const [c, r] of officerRecords) ok(decisions.some((d) => d.NativeId === r.NativeId && d.CaseID === null), `case ${c.CaseID} record ${r.NativeId} is a decision without CaseID`);
  const heldAgendas = meetings.filter((m) => m.Status === 'Päätetty teknisesti' && m.Agenda.length && !realMeetingIds.has(m.MeetingID) && decisions.some((d) => d.Meeting && d.Meeting.MeetingID === m.MeetingID));
  const noSection = heldAgendas.flatMap((m) => m.Agenda.filter((a) => a.Section === null).map((a) => [m, a]));
  const allNoSection = heldAgendas.filter((m) => m.Agenda.every((a) => a.Section === null));
  const decidedNoSection = noSection.filter(([m, a]) => decisions.some((d) => d.Meeting && d.Meeting.MeetingID === m.MeetingID && d.Title === a.AgendaItem));
  const itemShare = noSection.length / heldAgendas.reduce((n, m) => n + m.Agenda.length, 0);
  ok(allNoSection.length >= 3 && decidedNoSection.length >= 10 && itemShare >= 0.1 && itemShare <= 0.35, `agenda items without § (${noSection.length}, ${(itemShare * 100).toFixed(1)}%; whole meetings ${allNoSection.length})`);
  ok(noSection.every(([, a]) => a.AgendaPoint), 'agenda items without § keep their AgendaPoint');
  for (const [k, min] of [['Esitys', 3], ['Lausunto', 3], ['Utlåtande', 1]]) ok((stats.headings[k] || 0) >= min, `section heading ${k} (${stats.headings[k] || 0})`);
  for (const [k, min] of [['ul', 3], ['ol', 2], ['second paragraph', 4], ['hyväksyi', 3], ['oikaisuvaatimus rejected by a body', 1], ['oikaisuvaatimus rejected by an officer', 1]]) {
    ok((stats.forms[k] || 0) >= min, `form ${k} (${stats.forms[k] || 0})`);
  }
  for (const ph of PHRASINGS) ok((stats.phrasings[ph] || 0) >= 1, `phrasing "${ph}" appears`);
  ok(pairs >= 20, `>= 20 fi/sv pairs (${pairs})`);
  ok(stats.votes >= 15, `>= 15 decisions with votes (${stats.votes})`);
  ok(stats.council85 >= 1 && stats.twoEvents >= 1 && stats.blank >= 1 && stats.absent >= 1, 'council 85-voter / two-event / blank / absent votes');
  ok(officerShare >= 0.3 && officerShare <= 0.4, `~35% officer decisions (${(officerShare * 100).toFixed(1)}%)`);
  ok(noCaseShare >= 0.07 && noCaseShare <= 0.13, `~10% without case (${(noCaseShare * 100).toFixed(1)}%)`);
  ok(decisions.some((d) => d.DateDecision === '2026-03-29T03:30:00.000'), 'DST-day decision 2026-03-29T03:30');
  ok((stats.outcomes.unknown || 0) >= 2, 'a few decisions fit no standard phrasing');
  for (const k of ['approved', 'amended', 'rejected', 'noted', 'tabled', 'referred', 'withdrawn', 'adoptedAsProposed']) ok((stats.outcomes[k] || 0) >= 2, `outcome ${k} appears (${stats.outcomes[k] || 0})`);
  const codes = new Set(decisions.map((d) => d.ClassificationCode));
  ok(codes.size >= 12, `>= 12 classification codes (${codes.size})`);
  // README.md: written from the data on disk, so --check finds a README that no longer matches the data.
  const original = ([a, b]) => (meetingById.get(a.Meeting.MeetingID).Agenda.some((x) => x.AgendaItem === a.Title) ? [a, b] : [b, a]);
  const undated = decisions.filter((d) => !servedDate(d));
  const readme = README({
    decisions: decisions.length, meetings: meetings.length, cases: cases.length, bodies: BODY_DEFS.length, officers: OFFICERS.filter((o) => !o.real).length,
    officer: stats.officer, dateless: stats.dateless, datelessShare, handled: Object.keys(handled).length,
    noPdf: undated.filter((d) => !d.PDF).length, pdfNoIssued: undated.filter((d) => d.PDF && !('Issued' in d.PDF)).length,
    pdfEmptyIssued: undated.filter((d) => d.PDF && d.PDF.Issued === '').length, effective: undated.filter((d) => /Tämä päätös on voimassa|Detta beslut gäller från och med/.test(d.Content)).length,
    body: stats.body, bodyDated: stats.bodyDated, duplicates: duplicates.map(original), officerRecords, decided: cases.filter((c) => c.Status === 'Päätetty').length, decidedShare,
    noSection: noSection.length, decidedNoSection: decidedNoSection.length, agendaItems: heldAgendas.reduce((x, m) => x + m.Agenda.length, 0), itemShare, allNoSection,
    heldAgendas: heldAgendas.length, unlistedMeetings, phrasings: stats.phrasings, forms: stats.forms, headings: stats.headings, outcomes: stats.outcomes,
  });
  if (writeReadme) writeFileSync(join(OUT, 'README.md'), readme);
  ok(readFileSync(join(OUT, 'README.md'), 'utf8') === readme, 'README.md describes the data on disk (regenerate)');
  let bytes = 0;
  for (const f of ['decisions.json', 'meetings.json', 'cases.json', 'decisionmakers.json', 'handled.json', 'README.md']) bytes += statSync(join(OUT, f)).size;
  ok(bytes < 4.5 * 1024 * 1024, `data dir under 4.5 MB (${(bytes / 1048576).toFixed(2)} MB)`);

  console.log('Helsinki Ahjo replica dataset');
  console.log(`  decisions           ${decisions.length} (fi ${stats.fi}, sv ${stats.sv}; fi/sv pairs ${pairs})`);
  console.log(`  with votes          ${stats.votes} (council 85-voter events ${stats.council85}, two-event decisions ${stats.twoEvents})`);
  console.log(`  officer decisions   ${stats.officer} (${(officerShare * 100).toFixed(1)}%; without any date ${stats.dateless}, ${(datelessShare * 100).toFixed(1)}%)`);
  console.log(`  without case        ${stats.noCase} (${(noCaseShare * 100).toFixed(1)}%; plus ${officerRecords.length} officer decisions held only in their case's Records)`);
  console.log(`  published twice     ${duplicates.length} (${duplicates.map(([a, b]) => `${a.NativeId} ${a.Title.slice(0, 12)}… + ${b.NativeId} ${b.Title.slice(0, 12)}…`).join(', ')})`);
  console.log(`  with newer fields   ${stats.newFields}`);
  console.log(`  outcomes (Päätös)   ${Object.entries(stats.outcomes).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  section headings    ${Object.entries(stats.headings).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  forms               ${Object.entries(stats.forms).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  phrasings           ${PHRASINGS.map((k) => `"${k}" ${stats.phrasings[k] || 0}`).join(', ')}`);
  console.log(`  classification      ${codes.size} codes`);
  console.log(`  meetings            ${meetings.length} (cancelled ${cancelled.length}, upcoming ${upcoming.length}; of bodies missing from the decision makers ${unlistedMeetings.length}: ${unlistedMeetings.map((m) => m.MeetingID).join(', ')})`);
  console.log(`  agenda without §    ${noSection.length} items of ${heldAgendas.reduce((n, m) => n + m.Agenda.length, 0)} in held meetings (${(itemShare * 100).toFixed(1)}%), every item in ${allNoSection.length} meetings (${allNoSection.map((m) => m.MeetingID).join(', ')})`);
  console.log(`  cases               ${cases.length} (Vireillä ${cases.filter((c) => c.Status === 'Vireillä').length}, Ratkaistu ${cases.filter((c) => c.Status === 'Ratkaistu').length}, Päätetty ${cases.filter((c) => c.Status === 'Päätetty').length} = ${(decidedShare * 100).toFixed(1)}%)`);
  console.log(`  viranhaltijan päätös ${officerRecords.map(([c, r]) => `${c.CaseID} ${r.NativeId}`).join(', ')}`);
  console.log(`  decision makers     ${dms.length} (bodies ${dms.filter((x) => x.Organization.Type !== 'Viranhaltija').length}, officers ${dms.filter((x) => x.Organization.Type === 'Viranhaltija').length})`);
  console.log(`  size                ${(bytes / 1048576).toFixed(2)} MB`);
  if (errors.length) {
    console.error(`\nCHECK FAILED (${errors.length}):`);
    for (const e of [...new Set(errors)].slice(0, 60)) console.error(`  - ${e}`);
    process.exitCode = 1;
  } else {
    console.log('  check               OK');
  }
}

// ------------------------------------------------------------------------------------------
// Write
// ------------------------------------------------------------------------------------------
function writeAll() {
  const handled = {};
  for (const [d, api] of renderedDecisions) if (handledOf(d)) handled[api.NativeId] = handledOf(d);
  const dateKey = (d) => d.DateDecision || (d.Meeting && d.Meeting.DateMeeting) || handled[d.NativeId] || '';
  const decisions = [...renderedDecisions.values()].sort((a, b) => dateKey(b).localeCompare(dateKey(a)) || a.NativeId.localeCompare(b.NativeId));
  const meetings = [REAL.meeting, REAL.cancelledMeeting, ...allGeneratedMeetings.map((m) => (m.alt ? alt(() => renderMeeting(m)) : renderMeeting(m)))]
    .sort((a, b) => a.DateMeeting.localeCompare(b.DateMeeting) || a.MeetingID.localeCompare(b.MeetingID));
  const cases = [REAL.case, ...REAL.cases, ...CASES.map((c) => (c.alt ? alt(() => renderCase(c)) : renderCase(c)))].sort((a, b) => a.CaseID.localeCompare(b.CaseID));
  mkdirSync(OUT, { recursive: true });
  const write = (f, obj) => writeFileSync(join(OUT, f), `${JSON.stringify(obj, null, 2)}\n`);
  write('decisions.json', { decisions });
  write('meetings.json', { meetings });
  write('cases.json', { cases });
  write('decisionmakers.json', renderDecisionMakers());
  write('handled.json', {
    about: 'Not an Ahjo response. The date Ahjo filters these decisions on (handledsince/handledbefore), which their records do not carry; read by the replica only.',
    handled: Object.fromEntries(Object.entries(handled).sort(([a], [b]) => a.localeCompare(b))),
  });
}

const README = (n) => `# Helsinki Ahjo replica: default offline dataset

Data served by the local replica of Helsinki's Ahjo REST API (\`https://ahjo.hel.fi:9802/ahjorest/v1/\`).
**Generated** by \`scripts/generate-helsinki-replica-data.mjs\` (deterministic: seeded PRNG, fixed "today" ${NOW});
do not edit by hand, change the generator and run \`node scripts/generate-helsinki-replica-data.mjs\`
(it regenerates and then checks counts and cross-references; \`--check\` only checks).

| File | Envelope | Content |
|---|---|---|
| \`decisions.json\` | \`{"decisions":[...]}\` | decisions (päätökset), Finnish and Swedish language versions as separate decisions |
| \`meetings.json\` | \`{"meetings":[...]}\` | meetings with agenda, composition, previous/next meeting |
| \`cases.json\` | \`{"cases":[...]}\` | cases (asiat) in the detail shape (\`Handlings[]\`, \`Records[]\`) |
| \`decisionmakers.json\` | \`{"decisionMakers":[...],"count":N,"links":[...]}\` | bodies and officers, as \`/agents/decisionmakers\` |
| \`handled.json\` | \`{"about":"...","handled":{"{NativeId}":"local time"}}\` | **not an Ahjo response**: the date Ahjo filters a decision on (\`handledsince\`/\`handledbefore\`) for the ${n.handled} decisions whose record carries no date; read by the replica only, never served |

## What is real

Copied unchanged (same values; the JSON is re-serialised, pretty-printed) from the samples in
\`test/fixtures/helsinki/\`, each of which has a \`.source.txt\` naming the repository, path and commit it was taken from
(all from \`City-of-Helsinki/helsinki-paatokset\`, the paatokset.hel.fi site, which caches Ahjo API responses):

* decision \`{B0480A7A-2712-49B6-9938-02A1E52593C1}\` (Tarkastuslautakunta 14.12.2021 § 110) - \`helsinki-ahjo-decision.json\`;
* the \`VotingResults\` array of decision \`${VOTING_DECISION_ID}\` (Kaupunkiympäristölautakunta 30.11.2021, real voters) -
  \`helsinki-ahjo-decision-votingresults.json\`; the rest of that decision (title, texts, section 693, case, attachments) is generated;
* meeting \`U501020213\` (sote-reform division, 15.11.2021) - \`helsinki-ahjo-meeting.json\`;
* cancelled meeting \`00400202213\` (Kaupunginhallitus, 31.3.2022) - \`helsinki-ahjo-meetings-cancelled.json\`;
* case \`HEL-2025-001216\` with handlings and records - \`helsinki-ahjo-case.json\`;
* five list cases (\`HEL-2022-011760\`, \`HEL-2022-015420\`, \`HEL-2023-000156\`, \`HEL-2023-016326\`, \`HEL-2024-003410\`) - \`helsinki-ahjo-cases.json\`;
* the 19 officer decision makers of \`helsinki-ahjo-decisionmakers.json\` (cached \`/agents/decisionmakers?changedsince=2022-01-01\`).

Real identifiers reused by generated objects: body ids 02900, 00400, U003110, U540, U480, U5010 and 02978 (seen in the
samples or in older public Ahjo material), the sector ids U50, U320200, U420300, U480400, U541000, and the members of the
dissolved sote-reform division \`U5010\` (taken from the real meeting's composition). The meetings \`U003110202118\` and
\`U540202138\` referenced by the two real decisions are generated around them (the agenda item of § 110 carries the real
\`Motion\`; the composition of \`U540202138\` is the 13 real voters).

## What is generated

Everything else: ${n.decisions} decisions in all (2024-01-01..${NOW} apart from the two real 2021 ones), ${n.meetings} meetings
(2024-01..2027-01 apart from the 2021-2022 ones named above), ${n.cases} cases, ${n.bodies} bodies and ${n.officers} officers beyond the 19 real ones. All generated people (council members, board members, officers, presenters, contact persons) are **fictional**;
associations, companies and suppliers are fictional too. Street names, districts and ministries are real names used in
invented decisions. Texts follow Ahjo's templates and the phrasings of real minutes (see below), but the decisions did not happen.

Shapes follow the real samples. Where the samples are silent the generator chose:

* **Body ids** U420 (Kasvatus- ja koulutuslautakunta), U320 (Sosiaali-, terveys- ja pelastuslautakunta), U4202 (its Swedish
  division), U5401/U5402 (kaupunkiympäristölautakunnan jaostot) and 02975 (elinkeinojaosto) are invented in the real
  pattern; TypeId 4 = Jaosto (from the Ahjo type list used by openahjo). Formed dates of bodies are guesses. So are 02910
  (Keskusvaalilautakunta) and U003111 (Tarkastuslautakunnan 1. toimikunta, TypeId 6 "Toimikunta"), the two bodies missing from
  \`decisionmakers.json\` (see below).
* **Dissolved body**: \`U5010\` (Existing "false", Dissolved 2022-12-31, dates guessed).
* **MeetingID** = org id + year + sequence without zero padding, as in the real ids (\`U501020213\`, \`0040020254\`); the sequence is
  estimated from the date, so consecutive meetings of the dataset need not have consecutive numbers. Cancelled meetings keep an
  id but have \`MeetingSequenceNumber\` 0. Previous/NextMeeting link meetings of the same body inside the dataset (null across gaps
  of more than 400 days); the two verbatim real meetings keep their real links, whose targets are not in the dataset.
* **Upcoming meetings** (after ${NOW}) have \`Status\` null (no real value is known); those within two weeks have a published agenda
  whose items have \`Section\` null (as in the real meeting sample) and an \`esitys\` record in their case.
* **Meeting names**: "Kaupunginhallituksen kokous" (real) and, by analogy, "Kaupunginvaltuuston kokous"; other bodies use their name.
* **Decision fields newer than the 2022 sample** (\`DateDecision\`, \`PDF\`, \`DecisionHistoryHTML\`) are present on ${n.bodyDated} of the
  ${n.body} body decisions (officer decisions: see "Officer decisions without any date" below). \`DateDecision\` of a body decision equals the meeting's \`DateMeeting\`.
  \`PDF.Issued\` and record \`Issued\` are 00:00 UTC written in Helsinki time (T02:00/T03:00), as in the real records.
  The HTML of \`DecisionHistoryHTML\` (classes \`Paatoshistoria*\`) is invented; it lists earlier decisions of the case.
* **Content HTML**: the legacy template of the sample; about half of the decisions from June 2025 on use the newer wrapper
  classes documented in paatokset.hel.fi's \`DecisionParser\` (\`SisaltoSektioToisto\`, \`Lisatiedot\` spans,
  \`SahkoinenAllekirjoitusSektio\`). Officer decisions use the heading "Päättäjä"/"Beslutsfattare" in the \`EsittelijaTiedot\`
  block and a "Päätöksen perustelut" section; \`LiitteetOtsikko\` appears only when there are attachments.
* **Swedish versions** are separate decisions (own NativeId, same case, meeting/section or officer/date); only the
  \`<html lang>\`, \`PDF.Language\` and attachment \`Language\` show the language. Swedish versions of voted decisions repeat the
  votes with the option texts in Swedish. Two decisions of the Swedish-language division exist only in Swedish (their cases have
  \`Language\` "sv").
* **Votes**: voters are the members present (personal deputies stand in for absent members and have \`CouncilGroup\` "");
  council votes always account for all 85 seats; \`Title\` is null for generated voters.
* **Agenda PDF** of a decided item is the decision record (\`Type\` "päätös", the decision's NativeId) once minutes are published,
  otherwise an \`esitys\` record. \`PreviousDecisions\` is always [] (its element shape is unknown).
* **Cases**: every decision's case lists it as a \`päätös\` record (same NativeId, the PDF's VersionSeriesId) and its attachments
  as \`liite\` records, except the officer decisions held in Records only (below); the real case \`HEL-2025-001216\` keeps its real
  records, whose decision is not in this dataset.
* **Classification codes** other than the real ones (00 00 03, 00 01 01, 10 03 03, 11 01 05) have invented titles.

## Shapes of real Ahjo dumps

The shapes below follow what real Ahjo dumps show (the facts are recorded in the project's issue 11); the generator
reproduces them on invented decisions, in the shares given (counted on the files; \`node scripts/generate-helsinki-replica-data.mjs\`
prints them). The phrasings were taken from real "Päätös" sections (\`test/fixtures/helsinki/ahjo-decision-statements.json\`
and the samples); no real decision text is copied.

* **Officer decisions without any date**: ${n.dateless} of the ${n.officer} officer decisions (${pct(n.datelessShare)}; real: 79%) carry no
  \`DateDecision\`, no \`Meeting\` and no \`PDF.Issued\`: ${n.noPdf} have no \`PDF\` nor \`DecisionHistoryHTML\` at all (as every decision of the 2022 dump),
  ${n.pdfNoIssued} a \`PDF\` without \`Issued\`, ${n.pdfEmptyIssued} a \`PDF\` with \`Issued\` "". Their attachments have \`Issued\` "" too. The Content holds
  only reference dates ("Asia on tullut vireille …", dates of the decisions and claims they refer to) and, in ${n.effective} of them, an effective date
  ("Tämä päätös on voimassa 1.11.2026 alkaen."); its \`ThisHTMLGenerated\` META stays, as in the real sample. Ahjo still lists them
  in the right \`handledsince\`/\`handledbefore\` windows, on a handling date it does not publish: the replica keeps that date in
  \`handled.json\` (the decision's date and time) and filters and orders on it, scaled copies included (\`HELSINKI_REPLICA_SCALE\`).
  The Swedish versions and the two decisions on the days the clock changes keep their dates.
* **Outcome phrasings as real minutes write them**, counted over the decision sections (Finnish and Swedish):
${PHRASINGS.map((k) => `  \`${k}\` ${n.phrasings[k] || 0}`).join(',\n')}.
  "Päätti hylätä oikaisuvaatimuksen" is an officer (${n.forms['oikaisuvaatimus rejected by an officer'] || 0}) or a board (${n.forms['oikaisuvaatimus rejected by a body'] || 0}) rejecting a claim for
  correction of an officer decision, not a rejected proposal; a late claim is dismissed ("jättää … tutkimatta"); the council rejects
  residents' initiatives ("päätti hylätä aloitteen"), one of them after leaving it to rest ("jättää asian lepäämään") at the meeting before.
  Besides the standard first paragraph:
  * the past tense without "päätti" ("Kaupunginvaltuusto hyväksyi …", "Nuorisojohtaja myönsi …"): ${n.forms['hyväksyi'] || 0};
  * the decision as a list: \`<p>X päätti</p><ul><li>hyväksyä …</li><li>oikeuttaa …</li></ul>\` ${n.forms.ul || 0}, or only \`<ol><li>…</li></ol>\` ${n.forms.ol || 0};
  * a first paragraph that is a counter-proposal, an amendment or the presenter's changed proposal, the decision ("päätti hyväksyä …")
    in the second: ${n.forms['second paragraph'] || 0};
  * no "Päätös" section at all: "Esitys" (${n.headings.Esitys || 0}; "Kaupunginhallitus esittää kaupunginvaltuustolle, että …",
    the city board's budget proposals and its proposals on zoning and initiatives) or "Lausunto" (${n.headings.Lausunto || 0}, sv "Utlåtande" ${n.headings['Utlåtande'] || 0};
    "Kaupunginhallitus antoi … seuraavan lausunnon:").
  Decisions whose first paragraph fits no standard phrasing stay (e.g. "päätti todeta …", "päätti asettaa …", "päätti, että … pöytäkirja
  pidetään … nähtävänä", "päätti osaltaan hyväksyä …"), and a few officer decisions are taken by an acting officer ("Vs. …", sv "T.f. …").
* **A decision published twice**: ${n.duplicates.length} council or board decisions have a second Ahjo decision with its own NativeId (and PDF
  VersionSeriesId and attachment records) but the same \`CaseID\`, \`Section\`, \`Meeting\`, \`VotingResults\` (so a vote would be counted twice)
  and Finnish \`Content\` (\`<html lang="fi">\`), \`PDF.Language\` "fi" or no \`PDF\`, and a **Swedish \`Title\`**; the case lists both as \`päätös\`
  records: ${n.duplicates.map(([a, b]) => `\`${a.NativeId}\` → \`${b.NativeId}\`${a.VotingResults.length ? ' (votes)' : ''}`).join(', ')}.
  The proper Swedish translations (Swedish Content, \`lang="sv"\`) are kept besides.
* **Officer decisions held in their case's Records**: ${n.officerRecords.length} officer decisions have \`CaseID\`/\`CaseIDLabel\` null (and no
  registry number in their Content); their case lists them in \`Records[]\` with \`Type\` "viranhaltijan päätös" and the decision's NativeId
  (record shape as in the case sample): ${n.officerRecords.map(([c, r]) => `\`${c.CaseID}\` → \`${r.NativeId}\``).join(', ')}.
* **Case status "Päätetty"** (decided) besides "Vireillä" and "Ratkaistu": ${n.decided} of ${n.cases} cases (${pct(n.decidedShare)}), the most recently
  decided ones. The replica's \`resolved\` filter still matches "Ratkaistu" only.
* **Agenda items without \`Section\`** in held meetings while their decision exists (same meeting, \`AgendaItem\` = the decision's Finnish
  \`Title\`, \`AgendaPoint\` kept): ${n.noSection} of ${n.agendaItems} items (${pct(n.itemShare)}; ${n.decidedNoSection} with a decision), every item in
  ${n.allNoSection.length} meetings (${n.allNoSection.map((m) => `\`${m.MeetingID}\``).join(', ')}).
* **Meetings of bodies that \`/agents/decisionmakers\` does not return**: ${n.unlistedMeetings.length} meetings carry the \`DecisionMakerId\`/\`DecisionMaker\`
  of a body missing from \`decisionmakers.json\` (ids invented in the real pattern): ${n.unlistedMeetings.map((m) => `\`${m.MeetingID}\` (${m.DecisionMaker})`).join(', ')}.
  The decisions of the central election board carry the body in their \`Organization\`; the audit sub-committee only prepares (no decisions).
`;
const pct = (x) => `${(x * 100).toFixed(1)}%`;

if (process.argv.includes('--check')) {
  check();
} else {
  writeAll();
  check(true);
}
