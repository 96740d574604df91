#!/usr/bin/env node
/**
 * Generates the OParl replica's data for a city on the OParl adapter:
 * `node scripts/generate-oparl-replica-data.mjs --city <id>` (`npm run data:oparl` for willich) writes
 * {system,bodies,organizations,persons,meetings,papers}.json into the city's `replica.dir` in
 * cities.yaml (CITIES_FILE names another registry).
 *
 * The data is built AROUND the OParl 1.1 specification's published examples (OParl/spec
 * examples/*.json, copied with their sources to test/fixtures/oparl/): System-01, Body-01,
 * Organization-01, Person-01, Meeting-01 and Paper-01 are included exactly as published, on the
 * specification's own origin (https://oparl.example.org/, which the replica rewrites to its own when
 * it serves them). Around them it generates, deterministically and in exactly the same shapes, the
 * objects the examples point to (organization/96, meeting/243 with agendaitem/15569, paper/699, the
 * paper of consultation/1034 …) and several years of a council's work: committees, groups, persons
 * with their memberships, meetings with agenda items and results, papers with consultations, files.
 * Nothing here is real council data; see replicas/<city-id>/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--city');
const cityId = flag >= 0 ? process.argv[flag + 1] : process.argv[2];
if (!cityId) {
  console.error('usage: node scripts/generate-oparl-replica-data.mjs --city <id> (a city on the oparl adapter in cities.yaml)');
  process.exit(2);
}
const registryFile = process.env.CITIES_FILE ? path.resolve(process.env.CITIES_FILE) : path.join(ROOT, 'cities.yaml');
const entry = parse(fs.readFileSync(registryFile, 'utf8')).cities.find((c) => c.id === cityId);
if (!entry || entry.adapter !== 'oparl' || !entry.replica?.dir) {
  console.error(`${path.relative(ROOT, registryFile)} has no city "${cityId}" on the oparl adapter with a replica.dir.`);
  process.exit(1);
}
const OUT = path.resolve(ROOT, entry.replica.dir);
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'oparl');

/** The specification's example origin: every id of the data is under it (the replica serves it as its own). */
const BASE = 'https://oparl.example.org/';
const T = (type) => `https://schema.oparl.org/1.1/${type}`;
/** Nothing in the data is modified after this instant (incremental-sync tests rely on it). */
const AS_OF = '2025-12-31T12:00:00+01:00';

const example = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));

// ---- a deterministic random source ------------------------------------------------------------
let seed = 0x0a11ce;
function random() {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
function weighted(entries) {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries[entries.length - 1][0];
}

// ---- dates ------------------------------------------------------------------------------------
/** Berlin's UTC offset on a date (CET/CEST: last Sunday of March to last Sunday of October). */
function offsetOn(date) {
  const [y, m, d] = date.split('-').map(Number);
  const lastSunday = (month) => { const last = new Date(Date.UTC(y, month, 0)); return last.getUTCDate() - last.getUTCDay(); };
  const summer = (m > 3 && m < 10) || (m === 3 && d >= lastSunday(3)) || (m === 10 && d < lastSunday(10));
  return summer ? '+02:00' : '+01:00';
}
const at = (date, time) => `${date}T${time}:00${offsetOn(date)}`;
function addDays(date, days) {
  const t = new Date(`${date}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
const min = (a, b) => (Date.parse(a) <= Date.parse(b) ? a : b);
const stamp = (date, time = '10:00') => min(at(date, time), AS_OF);

// ---- the examples ---------------------------------------------------------------------------------
const system = example('System-01');
const body = example('Body-01');
const financeCommittee = example('Organization-01');
const examplePerson = example('Person-01');
const exampleMeeting = example('Meeting-01');
const examplePaper = example('Paper-01');
const town = body.location;

// ---- organizations ----------------------------------------------------------------------------------
const org = (id, name, extra) => ({ id: `${BASE}${id}`, type: T('Organization'), body: body.id, name, ...extra });
const COUNCIL = org('organization/1', 'Rat der Stadt', { shortName: 'Rat', organizationType: 'Gremium', classification: 'Rat', startDate: '2020-11-01', post: ['Vorsitzender', 'Mitglied'], location: town, meeting: `${BASE}organization/1/meetings`, created: stamp('2020-10-20'), modified: stamp('2020-11-02') });
const committees = [
  org('organization/96', 'Hauptausschuss', { shortName: 'HA', organizationType: 'Gremium', classification: 'Ausschuss', startDate: '2012-07-17', created: stamp('2012-07-16'), modified: stamp('2020-11-10') }),
  org('organization/35', 'Ausschuss für Planung und Stadtentwicklung', { shortName: 'Planungsausschuss', organizationType: 'Gremium', classification: 'Ausschuss', startDate: '2020-11-10', created: stamp('2020-11-05'), modified: stamp('2020-11-10') }),
  org('organization/36', 'Ausschuss für Schule, Sport und Kultur', { shortName: 'Schulausschuss', organizationType: 'Gremium', classification: 'Ausschuss', startDate: '2020-11-10', created: stamp('2020-11-05'), modified: stamp('2020-11-10') }),
  org('organization/37', 'Ausschuss für Umwelt und Klimaschutz', { shortName: 'Umweltausschuss', organizationType: 'Gremium', classification: 'Ausschuss', startDate: '2020-11-10', created: stamp('2020-11-05'), modified: stamp('2020-11-10') }),
];
const others = [
  org('organization/38', 'Unterausschuss Digitalisierung', { organizationType: 'Gremium', classification: 'Unterausschuss', subOrganizationOf: financeCommittee.id, startDate: '2021-02-01', created: stamp('2021-01-20'), modified: stamp('2021-02-01') }),
  org('organization/39', 'Integrationsrat', { organizationType: 'Gremium', classification: 'Integrationsrat', startDate: '2020-12-01', created: stamp('2020-11-20'), modified: stamp('2020-12-01') }),
  org('organization/1000', 'Fraktion Mitte', { organizationType: 'Fraktion', classification: 'Fraktion', startDate: '2020-11-01', created: stamp('2020-11-01'), modified: stamp('2020-11-01') }),
  org('organization/1001', 'Fraktion Nord', { organizationType: 'Fraktion', classification: 'Fraktion', startDate: '2020-11-01', created: stamp('2020-11-01'), modified: stamp('2020-11-01') }),
  org('organization/1002', 'Fraktion Süd', { organizationType: 'Fraktion', classification: 'Fraktion', startDate: '2020-11-01', created: stamp('2020-11-01'), modified: stamp('2020-11-01') }),
  org('organization/2000', 'Fachbereich Finanzen', { organizationType: 'Verwaltungsbereich', classification: 'Fachbereich', created: stamp('2012-01-01'), modified: stamp('2012-01-01') }),
  // The organizations the example Person's memberships name.
  org('organizations/5', 'Bezirksvertretung 1', { organizationType: 'Gremium', classification: 'Bezirksvertretung', startDate: '2013-12-03', created: stamp('2013-11-20'), modified: stamp('2013-12-03') }),
  org('organizations/9', 'Ausschuss für Soziales', { organizationType: 'Gremium', classification: 'Ausschuss', startDate: '2009-10-01', endDate: '2014-07-28', created: stamp('2009-09-20'), modified: stamp('2014-07-28') }),
];
const groups = others.filter((o) => o.classification === 'Fraktion');
const organizations = [COUNCIL, financeCommittee, ...committees, ...others];

// ---- persons and their memberships ------------------------------------------------------------------
const GIVEN = ['Anna', 'Bernd', 'Claudia', 'Dieter', 'Elke', 'Frank', 'Gabi', 'Heinz', 'Ines', 'Jürgen', 'Karin', 'Lars', 'Monika', 'Norbert', 'Olga', 'Peter', 'Renate', 'Stefan', 'Tanja', 'Uwe', 'Vera', 'Wolfgang'];
const FAMILY = ['Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Schmid'];
let membershipNo = 100;
const membership = (orgId, role, startDate, extra = {}) => ({ id: `${BASE}membership/${membershipNo++}`, type: T('Membership'), organization: orgId, role, votingRight: true, startDate, created: stamp(startDate), modified: stamp(startDate), ...extra });
// The finance committee example lists memberships 27, 48 and 57: they are given to three council members.
const exampleMemberships = [27, 48, 57];
const persons = [examplePerson];
const councillors = [];
for (let i = 0; i < 44; i++) {
  const givenName = GIVEN[i % GIVEN.length];
  const familyName = FAMILY[(i * 7) % FAMILY.length];
  const group = groups[i % groups.length];
  const memberships = [
    membership(COUNCIL.id, i === 0 ? 'Vorsitzender' : 'Mitglied', '2020-11-01'),
    membership(group.id, i < 3 ? 'Vorsitzende' : 'Mitglied', '2020-11-01'),
  ];
  const committee = [financeCommittee, ...committees][i % 5];
  const role = i < 5 ? 'Vorsitzender' : i < 10 ? '1. Stellvertreter' : i % 4 === 0 ? 'Stellvertretendes Mitglied' : 'Mitglied';
  const own = i < exampleMemberships.length ? { id: `${BASE}membership/${exampleMemberships[i]}` } : {};
  memberships.push(membership(committee.id, role, '2020-11-10', own));
  if (i % 11 === 5) memberships.push(membership(others[0].id, 'Mitglied', '2021-02-01'));
  // Some left a committee: a membership that ended.
  if (i % 9 === 2) memberships.push(membership(committees[1].id, 'Mitglied', '2020-11-10', { endDate: '2023-06-30', modified: stamp('2023-06-30') }));
  const p = {
    id: `${BASE}person/${101 + i}`,
    type: T('Person'),
    body: body.id,
    name: `${givenName} ${familyName}`,
    familyName,
    givenName,
    formOfAddress: i % 2 ? 'Herr' : 'Frau',
    status: ['Ratsmitglied'],
    membership: memberships,
    created: stamp('2020-10-01'),
    modified: stamp('2020-11-10'),
  };
  persons.push(p);
  councillors.push(p);
}
// The originators the example Paper names.
persons.push(
  { id: `${BASE}person/1000`, type: T('Person'), body: body.id, name: 'Sabine Vogel', familyName: 'Vogel', givenName: 'Sabine', status: ['Bürgermeisterin'], created: stamp('2012-01-01'), modified: stamp('2012-01-01') },
  { id: `${BASE}person/2000`, type: T('Person'), body: body.id, name: 'Thomas Berg', familyName: 'Berg', givenName: 'Thomas', status: ['Kämmerer'], created: stamp('2012-01-01'), modified: stamp('2012-01-01') },
);

// ---- files -----------------------------------------------------------------------------------------
let fileNo = 60000;
function file(name, date, extra = {}) {
  const n = fileNo++;
  const fileName = `${name.toLowerCase().replace(/[^a-z0-9äöüß]+/g, '_').replace(/^_|_$/g, '')}.pdf`;
  return {
    id: `${BASE}files/${n}`,
    type: T('File'),
    name,
    fileName,
    mimeType: 'application/pdf',
    date,
    size: between(20000, 900000),
    accessUrl: `${BASE}files/${n}.pdf`,
    downloadUrl: `${BASE}files/download/${n}.pdf`,
    created: stamp(date, '08:00'),
    modified: stamp(date, '08:00'),
    ...extra,
  };
}

// ---- papers and meetings ----------------------------------------------------------------------------
const TOPICS = [
  'Bebauungsplan Nr. {n} "Am Bahnhof"', 'Haushaltssatzung {y}', 'Sanierung der Grundschule {s}', 'Radverkehrskonzept', 'Neubau einer Kindertagesstätte in {s}',
  'Klimaschutzkonzept: Fortschreibung', 'Stellenplan {y}', 'Gebührensatzung Abfallentsorgung', 'Erweiterung des Gewerbegebiets {s}', 'Förderung des Sportvereins {s}',
  'Digitalisierung der Schulen', 'Straßenbeleuchtung auf LED', 'Jahresabschluss {y1}', 'Beteiligungsbericht {y1}', 'Spielplatzkonzept',
  'Verkehrsberuhigung {s}', 'Photovoltaik auf städtischen Dächern', 'Friedhofssatzung', 'Integriertes Handlungskonzept Innenstadt', 'Wohnungsbau an der {s}straße',
];
const PLACES = ['Anrath', 'Schiefbahn', 'Neersen', 'Wekeln', 'Münchheide', 'Alt-Willich'];
const RESULTS = [
  ['beschlossen', 30], ['einstimmig beschlossen', 20], ['mehrheitlich beschlossen', 12], ['Geändert beschlossen', 6], ['mit Änderungen beschlossen', 3],
  ['abgelehnt', 8], ['zur Kenntnis genommen', 8], ['vertagt', 4], ['zurückgestellt', 2], ['zurückgezogen', 2], ['in den Ausschuss verwiesen', 1],
  ['einstimmig beschlossen (bei 2 Enthaltungen)', 1], ['abgesetzt', 1],
  // Wordings the mapping does not know: they keep their text and count in unmappedValues.
  ['erledigt', 1], ['Beschluss siehe Niederschrift', 1],
];
const papers = [];
let paperNo = 5000;
let consultationNo = 20000;
let agendaItemNo = 10000;
const referenceCount = new Map();
function paper(date, topic, paperType, extra = {}) {
  const year = date.slice(0, 4);
  const seq = (referenceCount.get(year) ?? 0) + 1;
  referenceCount.set(year, seq);
  const p = {
    id: `${BASE}paper/${paperNo++}`,
    type: T('Paper'),
    body: body.id,
    name: topic,
    reference: `${String(seq).padStart(4, '0')}/${year}`,
    date,
    paperType,
    mainFile: file(`${paperType}: ${topic}`, date),
    consultation: [],
    created: stamp(date, '09:00'),
    modified: stamp(date, '09:00'),
    ...extra,
  };
  if (random() < 0.3) p.auxiliaryFile = [file(`Anlage zu ${topic}`, date)];
  if (random() < 0.3) p.originatorOrganization = [pick(groups).id];
  papers.push(p);
  return p;
}
function consult(p, meeting, item, organization, role, authoritative) {
  const c = { id: `${BASE}consultation/${consultationNo++}`, type: T('Consultation'), agendaItem: item.id, meeting: meeting.id, organization: [organization], authoritative, role, created: p.created, modified: p.modified };
  p.consultation.push(c);
  item.consultation = c.id;
  return c;
}

/** Meeting dates: the council monthly but July/August, each committee four times a year, 2021–2025 (and three planned ones in 2026). */
function schedule() {
  const out = [];
  for (let y = 2021; y <= 2025; y++) {
    for (let m = 1; m <= 12; m++) {
      if (m === 7 || m === 8) continue;
      out.push({ organization: COUNCIL, date: `${y}-${String(m).padStart(2, '0')}-${String(between(10, 24)).padStart(2, '0')}`, time: '17:00' });
    }
    for (const [k, c] of [financeCommittee, ...committees].entries()) {
      for (const m of [2, 5, 9, 11]) out.push({ organization: c, date: `${y}-${String(m).padStart(2, '0')}-${String(between(3, 9) + k).padStart(2, '0')}`, time: '18:00' });
    }
  }
  for (const date of ['2026-01-27', '2026-02-24', '2026-03-24']) out.push({ organization: COUNCIL, date, time: '17:00' });
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.organization.id.localeCompare(b.organization.id));
}

/** Papers waiting for the council after a committee's preliminary consultation. */
const pending = [];
const meetings = [];
let meetingNo = 1000;
for (const s of schedule()) {
  const date = s.date;
  const planned = date > AS_OF.slice(0, 10);
  const cancelled = !planned && random() < 0.03;
  const recent = !planned && addDays(date, 30) > AS_OF.slice(0, 10);
  const meetingState = planned ? (addDays(date, -14) <= AS_OF.slice(0, 10) ? 'eingeladen' : 'terminiert') : recent ? 'eingeladen' : 'durchgeführt';
  const number = meetings.filter((m) => m.organization[0] === s.organization.id && m.start.slice(0, 4) === date.slice(0, 4)).length + 1;
  const m = {
    id: `${BASE}meeting/${meetingNo++}`,
    type: T('Meeting'),
    name: `${number}. Sitzung ${s.organization.classification === 'Rat' ? 'des Rates' : `des ${s.organization.shortName ?? s.organization.name}`}`,
    meetingState,
    ...(cancelled ? { cancelled: true } : {}),
    start: at(date, s.time),
    end: at(date, s.time === '17:00' ? '20:30' : '20:00'),
    location: town,
    organization: [s.organization.id],
    invitation: file('Einladung', addDays(date, -14)),
    agendaItem: [],
    created: stamp(addDays(date, -21), '09:00'),
    modified: stamp(planned || cancelled ? addDays(date, -14) : addDays(date, 10), '09:00'),
  };
  const held = !planned && !cancelled;
  if (held && !recent) m.resultsProtocol = file('Niederschrift', addDays(date, 10));
  if (held && s.organization === COUNCIL) m.participant = councillors.filter(() => random() < 0.85).map((p) => p.id);
  const items = [];
  const item = (name, extra = {}) => {
    const it = { id: `${BASE}agendaitem/${agendaItemNo++}`, type: T('AgendaItem'), number: String(items.length + 1), order: items.length + 1, name, public: true, created: m.created, modified: m.modified, ...extra };
    items.push(it);
    return it;
  };
  item('Eröffnung und Feststellung der Tagesordnung');
  const topics = between(3, 7);
  for (let k = 0; k < topics; k++) {
    let p;
    let role = 'Beschlussfassung';
    let authoritative = true;
    if (s.organization === COUNCIL && pending.length && random() < 0.6) {
      p = pending.shift();
    } else {
      const topic = pick(TOPICS).replace('{n}', String(between(10, 140))).replace('{y}', String(Number(date.slice(0, 4)) + 1)).replace('{y1}', String(Number(date.slice(0, 4)) - 1)).replace('{s}', pick(PLACES));
      const paperType = weighted([['Beschlussvorlage', 60], ['Antrag', 20], ['Mitteilungsvorlage', 12], ['Anfrage', 8]]);
      p = paper(addDays(date, -between(14, 40)), topic, paperType);
      if (s.organization !== COUNCIL && paperType === 'Beschlussvorlage' && random() < 0.4) {
        role = 'Vorberatung';
        authoritative = false;
        pending.push(p);
      }
    }
    const it = item(p.name, { public: random() > 0.05 });
    consult(p, m, it, s.organization.id, role, authoritative);
    if (!held) continue;
    let result = p.paperType === 'Mitteilungsvorlage' || p.paperType === 'Anfrage' ? 'zur Kenntnis genommen' : weighted(RESULTS);
    if (role === 'Vorberatung' && /beschlossen/.test(result)) result = result.replace('beschlossen', 'empfohlen').replace('Geändert empfohlen', 'geändert empfohlen');
    it.result = result;
    if (/geändert|Änderungen/i.test(result)) it.resolutionText = `Der Beschluss weicht wie folgt von der Vorlage ${p.reference} ab: Die Maßnahme wird in zwei Bauabschnitten umgesetzt.`;
    else if (random() < 0.15) it.resolutionText = `Der Rat beschließt gemäß Vorlage ${p.reference}.`;
    if (random() < 0.2) it.resolutionFile = file(`Beschluss ${p.reference}`, date);
  }
  item('Mitteilungen der Verwaltung', held ? { result: 'zur Kenntnis genommen', auxiliaryFile: [file('Mitteilungen der Verwaltung', date)] } : {});
  if (random() < 0.5) item('Anfragen und Mitteilungen der Ratsmitglieder', { public: true });
  m.agendaItem = items;
  // Embedded agenda items carry no `meeting` backreference (spec: only when fetched on their own).
  meetings.push(m);
}

// ---- the objects the examples point to ------------------------------------------------------------------
// Meeting 243 of the Hauptausschuss, where the example Paper's consultation (agendaitem/15569) was taken.
const meeting243 = {
  id: `${BASE}meeting/243`,
  type: T('Meeting'),
  name: '12. Sitzung des Hauptausschusses',
  meetingState: 'durchgeführt',
  start: at('2014-04-10', '17:00'),
  end: at('2014-04-10', '19:30'),
  location: town,
  organization: [`${BASE}organization/96`],
  resultsProtocol: file('Niederschrift', '2014-04-22'),
  agendaItem: [
    { id: `${BASE}agendaitem/15568`, type: T('AgendaItem'), number: '1', order: 1, name: 'Eröffnung und Feststellung der Tagesordnung', public: true, created: stamp('2014-03-20'), modified: stamp('2014-04-22') },
    { id: `${BASE}agendaitem/15569`, type: T('AgendaItem'), number: '2', order: 2, name: examplePaper.name, public: true, consultation: examplePaper.consultation[0].id, result: 'zur Kenntnis genommen', created: stamp('2014-03-20'), modified: stamp('2014-04-22') },
  ],
  created: stamp('2014-03-20'),
  modified: stamp('2014-04-22'),
};
// The question the example Paper answers (its relatedPaper), and the paper of the example Meeting's consultation/1034.
const paper699 = { id: `${BASE}paper/699`, type: T('Paper'), body: body.id, name: 'Anfrage 1200/2014', reference: '1200/2014', date: '2014-03-10', paperType: 'Anfrage', originatorOrganization: [`${BASE}organization/1000`], created: stamp('2014-03-10'), modified: stamp('2014-03-10') };
const paper1034 = {
  id: `${BASE}paper/1034`,
  type: T('Paper'),
  body: body.id,
  name: exampleMeeting.agendaItem[0].name,
  reference: '0987/2012',
  date: '2012-12-10',
  paperType: 'Beschlussvorlage',
  consultation: [{ id: exampleMeeting.agendaItem[0].consultation, type: T('Consultation'), agendaItem: exampleMeeting.agendaItem[0].id, meeting: exampleMeeting.id, organization: [financeCommittee.id], authoritative: true, role: 'Beschlussfassung', created: stamp('2012-12-10'), modified: stamp('2012-12-10') }],
  created: stamp('2012-12-10'),
  modified: stamp('2012-12-10'),
};

// ---- write ---------------------------------------------------------------------------------------
const byNumber = (a, b) => {
  const key = (o) => o.id.replace(/\d+/g, (d) => d.padStart(8, '0'));
  return key(a).localeCompare(key(b));
};
const write = (name, value) => fs.writeFileSync(path.join(OUT, name), `${JSON.stringify(value, null, 1)}\n`);
fs.mkdirSync(OUT, { recursive: true });
write('system.json', system);
write('bodies.json', [body]);
write('organizations.json', organizations.sort(byNumber));
write('persons.json', persons.sort(byNumber));
write('meetings.json', [exampleMeeting, meeting243, ...meetings].sort(byNumber));
write('papers.json', [examplePaper, paper699, paper1034, ...papers].sort(byNumber));
const decided = meetings.flatMap((m) => m.agendaItem).filter((i) => i.result).length;
console.log(`Wrote ${path.relative(ROOT, OUT)}: ${organizations.length} organizations, ${persons.length} persons, ${meetings.length + 2} meetings (${decided + 2} agenda items with a result), ${papers.length + 3} papers.`);
