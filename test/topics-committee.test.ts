/**
 * The COMMITTEE topic method (topics/README.md): a council decides on every subject, so its decision
 * takes the topic of the committee that handled the item before it (the row's `committeeIds`), linked
 * from the data alone: a Notubiz case code shared with an earlier committee meeting (Amsterdam, Den
 * Haag), an OParl paper's earlier consultations (Willich).
 *
 * First the mappings (pure functions, as the syncs call them) over the real samples and the replica
 * data, with each city's share of decisions that get a topic measured and held to a floor; then the
 * syncs over the replicas on loopback (real HTTP, a real store): the links are made across units and
 * follow a change of the other unit in an incremental run, and recomputing topics keeps them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cityById, replicaOf, ROOT_DIR } from '../schema/cities';
import { assignTopic, parseTopicTable, topicTableOf, type TopicTable } from '../schema/topics';
import type { DecisionRow } from '../subgraphs/shared/store/rows';
import { Where } from '../subgraphs/shared/store/store';
import type { RunningService } from '../subgraphs/shared/server';
import { attributeLabelsOf, notubizCity } from '../subgraphs/notubiz/mapping/common';
import { meetingOf as notubizMeetingOf, type Meeting as NotubizMappedMeeting } from '../subgraphs/notubiz/mapping/meeting';
import { decisionsOfMeeting } from '../subgraphs/notubiz/mapping/decision';
import { caseReferencesOf, committeesOfDecisions as notubizCommittees, meetingUnit as notubizMeetingUnit } from '../subgraphs/notubiz/mapping/rows';
import type { NotubizMeeting, NotubizModuleItem, NotubizOrganisation } from '../subgraphs/notubiz/upstream/types';
import { createNotubizReplica } from '../subgraphs/notubiz/replica/server';
import { buildFromEnv as buildNotubiz } from '../subgraphs/notubiz/server';
import { oparlCity } from '../subgraphs/oparl/mapping/common';
import { meetingOf as oparlMeetingOf } from '../subgraphs/oparl/mapping/meeting';
import { paperOf } from '../subgraphs/oparl/mapping/paper';
import { committeesOfDecisions as oparlCommittees, meetingUnit as oparlMeetingUnit } from '../subgraphs/oparl/mapping/rows';
import type { OParlMeeting, OParlPaper } from '../subgraphs/oparl/upstream/types';
import { createOParlReplica } from '../subgraphs/oparl/replica/server';
import { buildFromEnv as buildOParl } from '../subgraphs/oparl/server';
import { logger } from './e2e/harness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT_DIR, ...p), 'utf8');
const json = (...p: string[]) => JSON.parse(read(...p));
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const replicaDir = (id: string) => replicaOf(cityById(id)).defaultDir;
const tableOf = (id: string): TopicTable => topicTableOf(cityById(id))!;
const listOf = (x: Json) => (Array.isArray(x) ? x : x.data) as Json[];
/** The replicas' fixed "today" (their READMEs): meetings before it are held. */
const NOW = '2026-11-26T12:00:00+01:00';

/** Share of rows with a topic, and the candidate values left unmapped (sorted, distinct). */
function coverageOf(table: TopicTable, rows: Array<Pick<DecisionRow, 'categories' | 'bodyIds' | 'committeeIds'>>) {
  let withTopic = 0;
  const unmapped = new Set<string>();
  for (const row of rows) {
    const { topic, candidate } = assignTopic(table, row);
    if (topic) withTopic++;
    else if (candidate !== null) unmapped.add(candidate);
  }
  return { records: rows.length, withTopic, share: rows.length ? withTopic / rows.length : 0, unmapped: [...unmapped].sort() };
}

// ---- Notubiz ------------------------------------------------------------------------------------------

/** A Notubiz city's replica (or these meetings) mapped as the sync maps it: every public meeting's decision rows, linked through the case references of all meetings. */
function notubizRows(id: string, meetings?: NotubizMeeting[]): DecisionRow[] {
  const c = notubizCity(cityById(id));
  const dir = replicaDir(id);
  const organisations = json(dir, 'organisations.json').organisations.organisation as NotubizOrganisation[];
  const bodyNames = new Map<string, string>();
  for (const f of fs.readdirSync(path.join(ROOT_DIR, dir, 'gremia'))) for (const g of json(dir, 'gremia', f).gremia) bodyNames.set(`${path.basename(f, '.json')}-${g.id}`, g.title);
  const moduleItems = new Map<string, NotubizModuleItem>();
  for (const f of fs.readdirSync(path.join(ROOT_DIR, dir, 'module_items'))) {
    const item = json(dir, 'module_items', f).item as NotubizModuleItem;
    moduleItems.set(String(item.id), item);
  }
  const raws = meetings ?? fs.readdirSync(path.join(ROOT_DIR, dir, 'meetings')).map((f) => json(dir, 'meetings', f).meeting as NotubizMeeting);
  const mapped = raws
    .filter((raw) => (raw.permission_group ?? 'public') === 'public')
    .map((raw) => {
      const m = notubizMeetingOf(c, raw, attributeLabelsOf(organisations, raw.organisation!.id), NOW);
      return { m, decisions: decisionsOfMeeting(c, m, m.bodySourceId ? bodyNames.get(m.bodySourceId) : null, moduleItems) };
    });
  const references = mapped.flatMap(({ m }) => caseReferencesOf(m));
  return mapped.flatMap(({ m, decisions }) => notubizMeetingUnit(c, m, decisions, moduleItems, notubizCommittees(c, m, decisions, references)).decisions!);
}

const notubizReplicaMeetings = (id: string) => fs.readdirSync(path.join(ROOT_DIR, replicaDir(id), 'meetings')).map((f) => json(replicaDir(id), 'meetings', f).meeting as NotubizMeeting);
/** Every document of a meeting, nested agenda items included. */
function documentsOf(m: NotubizMeeting): Json[] {
  const walk = (items: Json[] = []): Json[] => items.flatMap((i) => [...(i.documents ?? []), ...walk(i.agenda_items)]);
  return [...(m.documents ?? []), ...walk(m.agenda_items as Json[])];
}
const documentById = (m: NotubizMeeting, id: number) => documentsOf(m).find((d) => d.id === id)!;

/**
 * The replica's meetings used below: the council of 2025-11-05 (its Raadsvoorstel Z-2025-022107),
 * the raadscommissie Ruimtelijke Ordening, Wonen of 2025-09-11 and Verkeer, Vervoer en
 * Luchtkwaliteit of 2025-04-17 (each with a Voordracht), Kunst en Cultuur of 2026-09-10 (after it).
 */
const COUNCIL = 1285728;
const COUNCIL_CODE = 'Z-2025-022107';
const RO = { meeting: 1271736, voordracht: 13108286 };
const VVL = { meeting: 1245245, voordracht: 13107122 };
const COUNCIL_DECISION = 'amsterdam:decision:1285728-';

describe('notubiz: the committee that handled a council decision\'s case', () => {
  const amsterdam = tableOf('amsterdam');

  it('the real sample (raadscommissie Financiën) carries no case code, so nothing links it to a council decision', () => {
    const sample = json('test', 'fixtures', 'amsterdam', 'amsterdam-notubiz-meeting.json') as NotubizMeeting;
    const docs = documentsOf(sample);
    expect(docs.length).toBeGreaterThan(40);
    expect(docs.every((d) => d.case_code === '')).toBe(true);
    // Mapped with the replica's meetings (where it is included unchanged), no decision names it.
    expect(notubizRows('amsterdam').filter((r) => r.committeeIds?.includes('amsterdam:body:281-4972'))).toEqual([]);
  });

  it('the replica shares no case code between meetings: every council decision of Amsterdam and Den Haag has no committee', () => {
    for (const id of ['amsterdam', 'denhaag']) {
      const rows = notubizRows(id);
      expect(rows.length).toBeGreaterThan(20);
      expect(rows.filter((r) => r.committeeIds?.length)).toEqual([]);
    }
  });

  it('a council decision whose Raadsvoorstel shares its case code with an earlier committee\'s Voordracht gets that committee, and its topic', () => {
    // Constructed link: the RO committee's Voordracht given the council proposal's case code (the replica never shares one).
    const meetings = notubizReplicaMeetings('amsterdam');
    const ro = meetings.find((m) => m.id === RO.meeting)!;
    expect(documentById(ro, RO.voordracht).types[0].value).toBe('Voordracht');
    documentById(ro, RO.voordracht).case_code = COUNCIL_CODE;
    const rows = notubizRows('amsterdam', meetings);
    const linked = rows.filter((r) => r.committeeIds?.length);
    expect(linked.map((r) => r.id)).toHaveLength(1);
    const row = linked[0];
    expect(row.id.startsWith(COUNCIL_DECISION)).toBe(true);
    expect(row.caseIds).toEqual([`amsterdam:case:${COUNCIL_CODE}`]);
    expect(row.bodyIds).toEqual(['amsterdam:body:281', 'amsterdam:body:281-4966']);
    expect(row.committeeIds).toEqual(['amsterdam:body:281-4973']);
    expect(assignTopic(amsterdam, row)).toEqual({ topic: { code: '06', method: 'COMMITTEE', sourceValue: '281-4973' }, candidate: '281-4973' });
  });

  it('committees come most recent first, only from meetings before the decision\'s, and the first one mapped gives the topic', () => {
    const meetings = notubizReplicaMeetings('amsterdam');
    documentById(meetings.find((m) => m.id === VVL.meeting)!, VVL.voordracht).case_code = COUNCIL_CODE;
    documentById(meetings.find((m) => m.id === RO.meeting)!, RO.voordracht).case_code = COUNCIL_CODE;
    // A committee meeting after the council's (Kunst en Cultuur, 2026-09-10) does not count.
    const later = meetings.find((m) => m.gremium?.id === 4979 && m.plannings![0].start_date! > '2025-11-05')!;
    const laterDoc = documentsOf(later).find((d) => d.case_code)!;
    laterDoc.case_code = COUNCIL_CODE;
    const row = notubizRows('amsterdam', meetings).find((r) => r.committeeIds?.length)!;
    expect(row.committeeIds).toEqual(['amsterdam:body:281-4973', 'amsterdam:body:281-4975']);
    expect(assignTopic(amsterdam, row).topic?.sourceValue).toBe('281-4973');
    // Only VVL (traffic and air quality: two functions, unmapped): no topic, and VVL is reported.
    documentById(meetings.find((m) => m.id === RO.meeting)!, RO.voordracht).case_code = 'Z-2025-047125';
    const vvlOnly = notubizRows('amsterdam', meetings).find((r) => r.committeeIds?.length)!;
    expect(vvlOnly.committeeIds).toEqual(['amsterdam:body:281-4975']);
    expect(assignTopic(amsterdam, vvlOnly)).toEqual({ topic: null, candidate: '281-4975' });
  });

  it('pure: no start, no case code or only the meeting\'s own references give no committee', () => {
    const c = notubizCity(cityById('amsterdam'));
    const council = notubizReplicaMeetings('amsterdam').find((m) => m.id === COUNCIL)!;
    const m = notubizMeetingOf(c, council, new Map(), NOW);
    const decisions = decisionsOfMeeting(c, m, 'Gemeenteraad');
    const own = caseReferencesOf(m);
    expect(own.some((r) => r.caseCode === COUNCIL_CODE && r.gremiumSourceId === '281-4966')).toBe(true);
    expect(notubizCommittees(c, m, decisions, own).size).toBe(0);
    const early = { ...own[0], meetingSourceId: '1', meetingStart: '2025-01-01T10:00:00+01:00', gremiumSourceId: '281-4979', caseCode: COUNCIL_CODE };
    expect([...notubizCommittees(c, m, decisions, [early]).values()]).toEqual([['amsterdam:body:281-4979']]);
    expect(notubizCommittees(c, { ...m, start: null } as NotubizMappedMeeting, decisions, [early]).size).toBe(0);
    // A reference stored before the gremium was kept in it names no committee.
    expect(notubizCommittees(c, m, decisions, [{ ...early, gremiumSourceId: undefined }]).size).toBe(0);
  });

  it('amsterdam\'s replica: share of decisions with a topic 0 % (no shared case code); each unmapped body listed', () => {
    const cov = coverageOf(tableOf('amsterdam'), notubizRows('amsterdam'));
    console.log(`amsterdam replica: ${cov.withTopic}/${cov.records} decisions with a topic (${(cov.share * 100).toFixed(1)} %)`);
    expect(cov.records).toBeGreaterThan(50);
    expect(cov.withTopic).toBe(0);
    expect(cov.unmapped).toEqual([
      '1413-8128', '1424-8132', '1425-8136', '2122-8140', '2328-8144', // stadsdeelcommissies
      '281-4966', // Gemeenteraad
      '547-8120', '977-8124', // Centrum, Noord
    ]);
    // The dagelijks besturen (547-8121, 1425-8137) meet in closed session: not published, no decisions.
  });

  it('den haag\'s replica: 0 % (no single-function committee, no shared case code); the council is listed', () => {
    const cov = coverageOf(tableOf('denhaag'), notubizRows('denhaag'));
    console.log(`denhaag replica: ${cov.withTopic}/${cov.records} decisions with a topic (${(cov.share * 100).toFixed(1)} %)`);
    expect(cov.withTopic).toBe(0);
    expect(cov.unmapped).toEqual(['318-3201']);
  });
});

// ---- OParl --------------------------------------------------------------------------------------------

const WILLICH = oparlCity(cityById('willich'), json(replicaDir('willich'), 'system.json').id);
const willichMeetings = listOf(json(replicaDir('willich'), 'meetings.json')).filter((m) => !m.deleted) as OParlMeeting[];
const willichPapers = listOf(json(replicaDir('willich'), 'papers.json')).filter((p) => !p.deleted) as OParlPaper[];

function oparlRows(meetings: OParlMeeting[], papers: OParlPaper[]): DecisionRow[] {
  const consultations = papers.flatMap((p) => paperOf(WILLICH, p).consultations);
  return meetings.map((raw) => oparlMeetingOf(WILLICH, raw)).flatMap((m) => oparlMeetingUnit(WILLICH, m, oparlCommittees(WILLICH, m.decisions, consultations)).decisions!);
}

/**
 * Measured on the replica: 441 of 901 decisions (48.9 %) get a topic, 371 (41.2 %) by their deciding
 * body alone; the share may not drop below this floor.
 */
const FLOOR_WILLICH = 0.48;

/** A paper first advised by a committee (Vorberatung), then decided by the council: the replica's "Wohnungsbau an der Schiefbahnstraße"-like pairs. */
const advised = willichPapers.filter((p) => (p.consultation ?? []).length === 2);

describe('oparl: the committees of a decision\'s paper (consultations)', () => {
  const willich = tableOf('willich');

  it('the specification\'s Paper-01 has one consultation: its decision has no earlier committee', () => {
    const paper = paperOf(WILLICH, json('test', 'fixtures', 'oparl', 'Paper-01.json'));
    expect(paper.consultations).toHaveLength(1);
    const [x] = paper.consultations;
    const decision = { sourceId: x.agendaItemSourceId!, consultationSourceId: x.sourceId, bodySourceIds: x.organizationSourceIds } as Parameters<typeof oparlCommittees>[1][number];
    expect(oparlCommittees(WILLICH, [decision], paper.consultations).size).toBe(0);
  });

  it('a council decision gets the committee that advised on its paper before, and that committee\'s topic', () => {
    const rows = oparlRows(willichMeetings, willichPapers);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(advised.length).toBeGreaterThan(50);
    let council = 0;
    for (const p of advised) {
      const [first, second] = paperOf(WILLICH, p).consultations;
      const row = byId.get(`willich:decision:${second.agendaItemSourceId}`);
      if (!row) continue; // not decided (yet)
      council++;
      expect(row.committeeIds).toEqual(first.organizationSourceIds.filter((o) => !second.organizationSourceIds.includes(o)).map((o) => `willich:body:${o}`));
      // The advising committee's own decision has no earlier committee.
      expect(byId.get(`willich:decision:${first.agendaItemSourceId}`)?.committeeIds ?? []).toEqual([]);
    }
    expect(council).toBeGreaterThan(30);
    const housing = rows.find((r) => r.bodyIds.includes('willich:body:organization/1') && r.committeeIds?.includes('willich:body:organization/35'))!;
    expect(assignTopic(willich, housing)).toEqual({ topic: { code: '06.2', method: 'COMMITTEE', sourceValue: 'organization/35' }, candidate: 'organization/35' });
  });

  it('willich\'s replica: share of decisions with a topic above the measured floor; each unmapped body listed', () => {
    const withLinks = coverageOf(willich, oparlRows(willichMeetings, willichPapers));
    const withoutLinks = coverageOf(willich, oparlRows(willichMeetings, []));
    console.log(`willich replica: ${withLinks.withTopic}/${withLinks.records} decisions with a topic (${(withLinks.share * 100).toFixed(1)} %); by the deciding body alone ${withoutLinks.withTopic} (${(withoutLinks.share * 100).toFixed(1)} %)`);
    expect(withLinks.share).toBeGreaterThanOrEqual(FLOOR_WILLICH);
    expect(withLinks.withTopic).toBeGreaterThan(withoutLinks.withTopic);
    expect(withLinks.unmapped).toEqual(['organization/1', 'organization/36', 'organization/96']);
  });
});

// ---- The syncs, over the replicas on loopback ------------------------------------------------------------

/** A decision's topic as the store serves it (its row's topic columns). */
async function storedTopic(store: { list: (spec: any) => Promise<{ nodes: Json[] }> }, where: Where): Promise<Json[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const page = await store.list({ table: 'decisions', where, order: 'name', first: 50 });
  return page.nodes.map((n) => ({ id: n.id, topic: n.topic ? { code: n.topic.code, method: n.topic.method, sourceValue: n.topic.sourceValue } : null }));
}

describe('sync (willich, OParl replica): a paper changed later relinks its council decision', () => {
  const city = cityById('willich');
  let replica: ReturnType<typeof createOParlReplica>;
  let running: RunningService;
  let service: Awaited<ReturnType<typeof buildOParl>>;
  /** A council decision whose paper had no earlier consultation. */
  let paperId: string;
  let decisionId: string;

  beforeAll(async () => {
    replica = createOParlReplica({ dataDir: path.join(ROOT_DIR, replicaDir('willich')) });
    running = await replica.listen(0);
    service = await buildOParl({ CITY_ID: 'willich', DATA_DIR: 'memory', SYNC_INTERVAL_S: '0', [city.upstreams[0].baseUrlEnv]: running.url }, logger);
    const [report] = (await service.sync.runOnce())!;
    expect(report.ok).toBe(true);
    const rows = oparlRows(willichMeetings, willichPapers);
    const lone = willichPapers.find((p) => {
      const xs = p.consultation ?? [];
      return xs.length === 1 && (xs[0].organization ?? []).includes('https://oparl.example.org/organization/1') && rows.some((r) => r.id === `willich:decision:${String(xs[0].agendaItem).replace('https://oparl.example.org/', '')}`);
    })!;
    paperId = lone.id.replace('https://oparl.example.org/', '');
    decisionId = `willich:decision:${String(lone.consultation![0].agendaItem).replace('https://oparl.example.org/', '')}`;
  }, 180_000);
  afterAll(async () => {
    await service?.store.close().catch(() => undefined);
    await running?.close();
  });

  it('the first sync gives each decision the topic the mapping gives it', async () => {
    const expected = coverageOf(tableOf('willich'), oparlRows(willichMeetings, willichPapers));
    const held = await service.store.count('decisions', new Where().add('topic IS NOT NULL'));
    expect(held).toBe(expected.withTopic);
    expect(await storedTopic(service.store, new Where().add('id = ?', decisionId))).toEqual([{ id: decisionId, topic: null }]);
  });

  it('a committee consultation added to the paper later gives the council decision the committee\'s topic (incremental run); removing it takes it away', async () => {
    const planning = { id: 'https://oparl.example.org/consultation/990001', type: 'https://schema.oparl.org/1.1/Consultation', organization: ['https://oparl.example.org/organization/35'], authoritative: false, role: 'Vorberatung' };
    const touch = (p: Json) => { p.modified = new Date().toISOString(); };
    replica.modify(paperId, (p: Json) => { p.consultation = [{ ...planning, paper: p.id }, ...p.consultation]; touch(p); });
    const [report] = (await service.sync.runOnce())!;
    expect(report).toMatchObject({ ok: true, run: { full: false } });
    expect(await storedTopic(service.store, new Where().add('id = ?', decisionId))).toEqual([{ id: decisionId, topic: { code: '06.2', method: 'COMMITTEE', sourceValue: 'organization/35' } }]);

    replica.modify(paperId, (p: Json) => { p.consultation = p.consultation.filter((x: Json) => x.id !== planning.id); touch(p); });
    await service.sync.runOnce();
    expect(await storedTopic(service.store, new Where().add('id = ?', decisionId))).toEqual([{ id: decisionId, topic: null }]);
  }, 60_000);

  it('recomputing every topic (a changed table) keeps the committees: the store reads them from committee_ids', async () => {
    const held = await service.store.count('decisions', new Where().add('topic IS NOT NULL'));
    const committeeOnly = await service.store.count('decisions', new Where().add("topic IS NOT NULL AND NOT (body_ids && ?::text[])", tableOf('willich').entries.map((e) => `willich:body:${e.value}`)));
    expect(committeeOnly).toBeGreaterThan(0);
    const changed = parseTopicTable(`${read('topics/willich.yaml')}\n# recomputed\n`, 'topics/willich.yaml', 'willich');
    expect(await service.store.deriveTopics(changed)).toBe(0);
    expect(await service.store.count('decisions', new Where().add('topic IS NOT NULL'))).toBe(held);
  });
});

describe('sync (amsterdam, Notubiz replica): a committee meeting changed later relinks the council decision', () => {
  const city = cityById('amsterdam');
  let replica: ReturnType<typeof createNotubizReplica>;
  let running: RunningService;
  let service: Awaited<ReturnType<typeof buildNotubiz>>;
  const councilDecisions = new Where().add('meeting_id = ?', `amsterdam:meeting:${COUNCIL}`).add('case_ids && ?::text[]', [`amsterdam:case:${COUNCIL_CODE}`]);
  const local = (d: Date) => d.toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' });

  beforeAll(async () => {
    replica = createNotubizReplica({ dataDir: path.join(ROOT_DIR, replicaDir('amsterdam')), zone: city.timezone });
    running = await replica.listen(0);
    // Every incremental run re-walks the whole replica (long lookback), but fetches only what changed.
    service = await buildNotubiz({ CITY_ID: 'amsterdam', DATA_DIR: 'memory', SYNC_INTERVAL_S: '0', SYNC_LOOKBACK_DAYS: '3650', AMSTERDAM_SYNC_FROM: '2024-01-01', [city.upstreams[0].baseUrlEnv]: running.url }, logger);
    const [report] = (await service.sync.runOnce())!;
    expect(report.ok).toBe(true);
  }, 180_000);
  afterAll(async () => {
    await service?.store.close().catch(() => undefined);
    await running?.close();
  });

  const setVoordrachtCode = (code: string) => {
    const ro = replica.data.meetings.find((m) => m.id === RO.meeting)!;
    documentById(ro, RO.voordracht).case_code = code;
    ro.last_modified = local(new Date());
  };

  it('the first sync: the council decision has no committee, no topic', async () => {
    const held = await storedTopic(service.store, councilDecisions);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((d) => d.topic === null)).toBe(true);
  });

  it('the RO committee\'s Voordracht given the council proposal\'s case code: the council decision (not fetched again) gets 06 in an incremental run; taken away again, it loses it', async () => {
    setVoordrachtCode(COUNCIL_CODE);
    const from = replica.requests.length;
    const [report] = (await service.sync.runOnce())!;
    expect(report).toMatchObject({ ok: true, run: { full: false } });
    const fetched = replica.requests.slice(from).filter((r) => r.includes('/events/meetings/'));
    expect(fetched.map((r) => r.replace(/\?.*/, ''))).toEqual([`GET /events/meetings/${RO.meeting}`]);
    const held = await storedTopic(service.store, councilDecisions);
    expect(held.length).toBeGreaterThan(0);
    for (const d of held) expect(d.topic).toEqual({ code: '06', method: 'COMMITTEE', sourceValue: '281-4973' });

    // Notubiz's last_modified has whole seconds: the change back must carry a later one to be seen.
    await new Promise((r) => setTimeout(r, 1100));
    setVoordrachtCode('Z-2025-047125');
    await service.sync.runOnce();
    expect((await storedTopic(service.store, councilDecisions)).every((d) => d.topic === null)).toBe(true);
  }, 60_000);
});
