/**
 * Amsterdam's sync end to end: Notubiz replica → sync → store → subgraph → gateway, over HTTP. A
 * backfill, then meetings added, changed and deleted upstream (the replica's data changed while it
 * runs); a meeting that becomes held between syncs; a record that cannot be mapped; a fault in the
 * middle of a sync; periods too full for the page cap. Expectations come from the dataset files.
 */
import { DateTime } from 'luxon';
import { startGraph, TEST_SYNC, testStoreSettings, logger, type Graph } from './harness';
import { buildNotubizSubgraph } from '../../subgraphs/notubiz/server';
import type { NotubizReplicaData } from '../../subgraphs/notubiz/replica/server';
import type { NotubizAgendaItem, NotubizMeeting } from '../../subgraphs/notubiz/upstream/types';
import { cityById } from '../../schema/cities';
import { Where } from '../../subgraphs/shared/store/store';
import type { RunOptions } from '../../subgraphs/shared/sync/runner';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const isPublic = (m: NotubizMeeting) => (m.permission_group ?? 'public') === 'public';
/** Agenda points as the subgraph keeps them: ordered, not labels, headings' points lifted. */
const points = (items: NotubizAgendaItem[]): NotubizAgendaItem[] =>
  items.flatMap((i) => (i.type === 'label' || i.order === null || i.order === undefined ? [] : i.type_data?.heading ? points(i.agenda_items ?? []) : [i, ...points(i.agenda_items ?? [])]));
/** A local time in Amsterdam as Notubiz writes it. */
const local = (dt: DateTime) => dt.setZone('Europe/Amsterdam').toFormat('yyyy-LL-dd HH:mm:ss');
const titleOf = (m: NotubizMeeting) => (m.attributes as Array<{ id: number; value: string | null }>).find((a) => a.id === 1)!.value;

let asked = 0;
const MEETING = 'query($id: ID!) { amsterdam { meeting(id: $id) { id title status decisions(first: 50) { id title case { sourceId decisions(first: 50) { id } } } } } }';
const TOTAL = '{ amsterdam { meetings(first: 0) { totalCount } } }';
const SOURCES = '{ amsterdam { sources { key recordsHeld recordsSetAside lastSuccessAt backfilled heldFrom lastError { code message } setAside { kind sourceId reason } } } }';

describe('sync from Notubiz', () => {
  let graph: Graph;
  let data: NotubizReplicaData;
  /** A held council meeting with decisions, copied as a new meeting of Notubiz (new id, own start, own title). */
  let base: NotubizMeeting;
  let baseDecisions: number;
  const newMeeting = (id: number, start: DateTime, title: string): NotubizMeeting => {
    const m = copy(base);
    m.id = id;
    m.self = `api.notubiz.nl/events/meetings/${id}`;
    m.plannings = [{ start_date: local(start), end_date: local(start.plus({ hours: 4 })) }];
    (m.attributes as Array<{ id: number; value: string | null }>).find((a) => a.id === 1)!.value = title;
    m.last_modified = local(DateTime.now().minus({ minutes: 5 }));
    return m;
  };
  const update = (change: (d: NotubizReplicaData) => void) => change(data);
  const sync = async (options?: RunOptions) => (await graph.amsterdam!.service.sync.runOnce(options))![0];

  beforeAll(async () => {
    const started = await startGraph({ amsterdam: true });
    // The gateway caches answers for their cache hints: every question here is asked anew.
    graph = { ...started, query: (q, v) => started.query(`${q} # ${asked++}`, v) };
    data = graph.amsterdam!.replica!.data!;
    base = data.meetings.find((m) => m.id === 1168780)!;
    // A point's documents are its own and its module items' (a motion's document may sit in its module item only).
    const documentsOf = (i: NotubizAgendaItem): Raw[] => [...(i.documents ?? []), ...(i.module_items ?? []).flatMap((r) => (data.moduleItems.get(r.id)!.attributes as Raw[])
      .filter((a) => a.datatype === 'document').flatMap((a) => a.values.map((v: Raw) => v.document)))];
    baseDecisions = points(base.agenda_items ?? []).filter((i) => documentsOf(i).some((d) => (d.types ?? []).some((t: Raw) => ['Raadsvoorstel', 'Motie', 'Amendement', 'Raadsbesluit'].includes(t.value)))).length;
    expect(points(base.agenda_items ?? []).some((i) => (i.documents ?? []).length === 0 && documentsOf(i).length > 0)).toBe(true);
  });
  afterAll(async () => {
    await graph.close();
  });

  it('backfills every record of the replica and reports it in sources', async () => {
    const res = await graph.query(SOURCES);
    expect(res.errors).toBeUndefined();
    const [notubiz] = res.data.amsterdam.sources;
    const published = data.meetings.filter(isPublic);
    const moduleItems = published.reduce((n, m) => n + points(m.agenda_items ?? []).reduce((k, i) => k + (i.module_items ?? []).length, 0), 0);
    // Organisations and their gremia lists, every event listed, the detail of each public meeting and its module items.
    const records = data.organisations.length + data.gremia.size + data.meetings.length + published.length + moduleItems;
    expect(notubiz).toMatchObject({ key: 'notubiz', recordsHeld: records, recordsSetAside: 0, lastError: null, backfilled: true, heldFrom: TEST_SYNC.from });
    expect(Date.now() - Date.parse(notubiz.lastSuccessAt)).toBeLessThan(60000);
    expect((await graph.query(TOTAL)).data.amsterdam.meetings.totalCount).toBe(published.length);
    expect(baseDecisions).toBeGreaterThan(0);
  });

  it('answers lists, filters, searches, counts and nested lists without asking Notubiz', async () => {
    const before = graph.amsterdam!.replica!.requests.length;
    const res = await graph.query(`{ amsterdam {
      decisions(first: 5, filter: { text: "woning", body: "281", category: "raadsvoorstel" }) { totalCount nodes { id meeting { id agenda(first: 3) { number children(first: 5) { number } ... on AmsterdamAgendaItem { moduleItems { title } } } } case { id decisions(first: 5) { id } attachments { id } } attachments { title } ... on AmsterdamDecision { resultDocuments { title } } } }
      meetings(first: 3, filter: { status: HELD }) { totalCount nodes { id decisions(first: 2) { id } attachments { title } body { name parent { name } } } }
      cases(first: 3, filter: { text: "z" }) { totalCount nodes { id decisions(first: 5) { id } } }
      bodies(first: 3, filter: { type: COMMITTEE }) { totalCount nodes { name children(first: 5) { name } members(first: 5) { role } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.amsterdam.meetings.totalCount).toBeGreaterThan(0);
    expect(graph.amsterdam!.replica!.requests.length).toBe(before);
  });

  it('picks up an added meeting, a changed one and a deleted one in incremental syncs', async () => {
    const id = 1168781;
    const added = newMeeting(id, DateTime.now().minus({ days: 1 }), 'Synchronisatietest: nieuwe raadsvergadering');
    const total = (await graph.query(TOTAL)).data.amsterdam.meetings.totalCount;
    update((d) => d.meetings.push(added));
    expect((await graph.query(MEETING, { id: String(id) })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_FOUND' });
    expect(await sync()).toMatchObject({ ok: true, run: { full: false } });
    const meeting = (await graph.query(MEETING, { id: String(id) })).data.amsterdam.meeting;
    expect(meeting).toMatchObject({ id: `amsterdam:meeting:${id}`, title: 'Synchronisatietest: nieuwe raadsvergadering', status: 'HELD' });
    expect(meeting.decisions).toHaveLength(baseDecisions);
    expect((await graph.query(TOTAL)).data.amsterdam.meetings.totalCount).toBe(total + 1);
    // Its decisions are in the cases its documents name, beside those of the meeting it copies.
    const withCase = meeting.decisions.find((d: Raw) => d.case);
    expect(withCase.case.decisions.map((d: Raw) => d.id)).toEqual(expect.arrayContaining([withCase.id, withCase.id.replace(`${id}-`, `${base.id}-`)]));

    update(() => {
      (added.attributes as Array<{ id: number; value: string | null }>).find((a) => a.id === 1)!.value = 'Synchronisatietest: gewijzigde raadsvergadering';
      points(added.agenda_items ?? [])[0].type_data!.attributes![0].value = 'Synchronisatietest gewijzigd agendapunt';
      added.last_modified = local(DateTime.now());
    });
    expect(await sync()).toMatchObject({ ok: true });
    expect((await graph.query(MEETING, { id: String(id) })).data.amsterdam.meeting.title).toBe('Synchronisatietest: gewijzigde raadsvergadering');
    const agenda = await graph.query('query($id: ID!) { amsterdam { meeting(id: $id) { agenda(first: 1) { title } } } }', { id: String(id) });
    expect(agenda.data.amsterdam.meeting.agenda[0].title).toBe('Synchronisatietest gewijzigd agendapunt');

    update((d) => d.meetings.splice(d.meetings.indexOf(added), 1));
    expect(await sync()).toMatchObject({ ok: true });
    expect((await graph.query(MEETING, { id: String(id) })).errors?.[0].extensions).toMatchObject({ reason: 'NOT_FOUND' });
    expect((await graph.query(TOTAL)).data.amsterdam.meetings.totalCount).toBe(total);
    const decision = await graph.query('query($id: ID!) { amsterdam { decision(id: $id) { id } } }', { id: withCase.id });
    expect(decision.errors?.[0].extensions).toMatchObject({ reason: 'NOT_FOUND' });
    const caseNow = await graph.query('query($id: ID!) { amsterdam { case(id: $id) { decisions { id } } } }', { id: withCase.case.sourceId });
    expect(caseNow.data.amsterdam.case.decisions.map((d: Raw) => d.id)).not.toContain(withCase.id);
  });

  it('removes a meeting Notubiz stops publishing, and answers NOT_PUBLISHED for it', async () => {
    const id = 1168785;
    const added = newMeeting(id, DateTime.now().minus({ days: 1 }), 'Synchronisatietest: wordt besloten');
    const total = (await graph.query(TOTAL)).data.amsterdam.meetings.totalCount;
    update((d) => d.meetings.push(added));
    await sync();
    const decisionId = (await graph.query(MEETING, { id: String(id) })).data.amsterdam.meeting.decisions[0].id;
    update(() => {
      added.permission_group = 'restricted';
      added.last_modified = local(DateTime.now());
    });
    expect(await sync()).toMatchObject({ ok: true });
    const res = await graph.query(MEETING, { id: String(id) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_PUBLISHED' });
    expect((await graph.query(TOTAL)).data.amsterdam.meetings.totalCount).toBe(total);
    expect((await graph.query('query($id: ID!) { amsterdam { decision(id: $id) { id } } }', { id: decisionId })).errors?.[0].extensions).toMatchObject({ reason: 'NOT_FOUND' });
    update((d) => d.meetings.splice(d.meetings.indexOf(added), 1));
    await sync();
    expect((await graph.query(MEETING, { id: String(id) })).errors?.[0].extensions).toMatchObject({ reason: 'NOT_FOUND' });
  });

  it('rebuilds a meeting that has started since the previous sync, without asking Notubiz for it again', async () => {
    const id = 1168782;
    const start = DateTime.now().plus({ seconds: 2 });
    update((d) => d.meetings.push(newMeeting(id, start, 'Synchronisatietest: vergadering die begint')));
    await sync();
    const before = (await graph.query(MEETING, { id: String(id) })).data.amsterdam.meeting;
    expect(before).toMatchObject({ status: 'SCHEDULED', decisions: [] });
    await new Promise((r) => setTimeout(r, Math.max(0, start.toMillis() - Date.now()) + 200));
    // Served by the clock: HELD at once; its decisions come with the next sync, from the stored records.
    expect((await graph.query(MEETING, { id: String(id) })).data.amsterdam.meeting.status).toBe('HELD');
    const requests = graph.amsterdam!.replica!.requests.length;
    expect(await sync()).toMatchObject({ ok: true });
    expect(graph.amsterdam!.replica!.requests.slice(requests).filter((r) => r.startsWith(`GET /events/meetings/${id}`))).toEqual([]);
    const after = (await graph.query(MEETING, { id: String(id) })).data.amsterdam.meeting;
    expect(after.status).toBe('HELD');
    expect(after.decisions).toHaveLength(baseDecisions);
    update((d) => d.meetings.splice(d.meetings.findIndex((m) => m.id === id), 1));
    await sync();
  });

  it('sets aside a record that cannot be mapped, with its reason, and syncs the rest', async () => {
    const upcoming = data.meetings.find((m) => isPublic(m) && m.plannings![0].start_date! > local(DateTime.now()) && points(m.agenda_items ?? []).length > 0)!;
    const good = newMeeting(1168783, DateTime.now().minus({ days: 2 }), 'Synchronisatietest: goede vergadering');
    const brokenItem = upcoming.agenda_items!.findIndex((i) => i.order !== null);
    update((d) => {
      d.meetings.push(good);
      (upcoming.agenda_items![brokenItem] as unknown as { order: string }).order = 'eerst';
      upcoming.last_modified = local(DateTime.now());
    });
    const report = await sync();
    expect(report).toMatchObject({ ok: true, run: { setAside: 1 } });
    expect((await graph.query(MEETING, { id: '1168783' })).data.amsterdam.meeting.title).toBe('Synchronisatietest: goede vergadering');
    const [notubiz] = (await graph.query(SOURCES)).data.amsterdam.sources;
    expect(notubiz.recordsSetAside).toBe(1);
    expect(notubiz.setAside).toEqual([{ kind: 'meeting', sourceId: String(upcoming.id), reason: `agenda_items[${brokenItem}].order is "eerst"; a number or null is required` }]);
    // What cannot be mapped is not served (as a record no longer listed).
    expect((await graph.query(MEETING, { id: String(upcoming.id) })).errors?.[0].extensions).toMatchObject({ reason: 'NOT_FOUND' });

    // Fixed upstream: served again, no longer set aside.
    update((d) => {
      upcoming.agenda_items![brokenItem].order = 1;
      upcoming.last_modified = local(DateTime.now().plus({ seconds: 1 }));
      d.meetings.splice(d.meetings.indexOf(good), 1);
    });
    expect(await sync()).toMatchObject({ ok: true, run: { setAside: 0 } });
    expect((await graph.query(SOURCES)).data.amsterdam.sources[0].recordsSetAside).toBe(0);
    expect((await graph.query(MEETING, { id: String(upcoming.id) })).data.amsterdam.meeting.title).toBe(titleOf(upcoming));
  });

  it('keeps serving the last good data when Notubiz fails in the middle of a sync, flags it stale, and completes next time', async () => {
    const added = newMeeting(1168784, DateTime.now().minus({ days: 1 }), 'Synchronisatietest: storing');
    const changed = data.meetings.find((m) => isPublic(m) && !m.canceled && m.plannings![0].start_date! > local(DateTime.now()))!;
    const oldTitle = titleOf(changed);
    update((d) => {
      d.meetings.push(added);
      (changed.attributes as Array<{ id: number; value: string | null }>).find((a) => a.id === 1)!.value = 'Synchronisatietest: gewijzigd tijdens storing';
      changed.last_modified = local(DateTime.now());
    });
    const before = graph.amsterdam!.replica!.requests.length;
    let failed = false;
    const report = await sync({
      full: true,
      onProgress: (p) => {
        // After a few periods (long before the changed ones), Notubiz starts failing.
        if (!failed && p.done >= 4) {
          failed = true;
          Object.assign(graph.amsterdam!.replica!.faults, { status: 502 });
        }
      },
    });
    Object.assign(graph.amsterdam!.replica!.faults, { status: undefined });
    expect(failed).toBe(true);
    expect(graph.amsterdam!.replica!.requests.length).toBeGreaterThan(before);
    expect(report).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });
    const res = await graph.query('{ amsterdam { meetings(first: 3) { totalCount nodes { id } } sources { lastError { code message } lastSuccessAt } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.amsterdam.meetings.nodes).toHaveLength(3);
    expect(res.data.amsterdam.sources[0].lastError).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('HTTP 502') });
    expect(res.extensions?.stale).toEqual([expect.objectContaining({ city: 'amsterdam', upstream: 'Notubiz API', reason: expect.stringContaining('HTTP 502') })]);
    expect((await graph.query(MEETING, { id: '1168784' })).errors?.[0].extensions).toMatchObject({ reason: 'NOT_FOUND' });
    expect((await graph.query(MEETING, { id: String(changed.id) })).data.amsterdam.meeting.title).toBe(oldTitle);

    expect(await sync()).toMatchObject({ ok: true });
    const after = await graph.query('{ amsterdam { sources { lastError { code } } } }');
    expect(after.data.amsterdam.sources[0].lastError).toBeNull();
    expect(after.extensions?.stale).toBeUndefined();
    expect((await graph.query(MEETING, { id: '1168784' })).data.amsterdam.meeting.title).toBe('Synchronisatietest: storing');
    expect((await graph.query(MEETING, { id: String(changed.id) })).data.amsterdam.meeting.title).toBe('Synchronisatietest: gewijzigd tijdens storing');
  });
});

describe('periods and pages', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ amsterdam: true });
  });
  afterAll(async () => {
    await graph.close();
  });

  /** Syncs the graph's replica into a fresh store with these periods and page cap; the /events requests it made and the meetings it holds. */
  async function syncWith(windowMonths: number, maxPages: number): Promise<{ events: string[]; meetings: number }> {
    const replica = graph.amsterdam!.replica!;
    const service = await buildNotubizSubgraph(
      cityById('amsterdam'),
      { notubizBaseUrl: replica.url, timeoutMs: 3000, retries: 0, maxPages, windowMonths, userAgent: 'tests', breaker: { resetMs: 10000, volumeThreshold: 1000 }, store: testStoreSettings(), sync: TEST_SYNC },
      logger,
    );
    try {
      const before = replica.requests.length;
      const [report] = (await service.sync.runOnce())!;
      expect(report.ok).toBe(true);
      return { events: replica.requests.slice(before).filter((r) => r.startsWith('GET /events?')), meetings: await service.store.count('meetings', new Where()) };
    } finally {
      await service.store.close();
    }
  }

  const publicMeetings = () => graph.amsterdam!.replica!.data!.meetings.filter(isPublic).length;

  it('pages /events until the last page', async () => {
    const { events, meetings } = await syncWith(120, 50);
    expect(events.some((r) => r.includes('page=2'))).toBe(true);
    expect(meetings).toBe(publicMeetings());
  });

  it('halves a period that holds more than the page cap, and still holds every meeting', async () => {
    const { events, meetings } = await syncWith(120, 1);
    expect(events.some((r) => r.includes('page=2'))).toBe(false);
    // The council's ten-year period is too full for one page: it is asked for in halves.
    const council = events.filter((r) => r.includes('organisation_id=281&'));
    expect(council.length).toBeGreaterThan(2);
    expect(meetings).toBe(publicMeetings());
  });
});
