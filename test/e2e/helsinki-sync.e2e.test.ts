/**
 * Helsinki's sync end to end: Ahjo replica → sync → store → subgraph → gateway, over HTTP. A
 * backfill, then records added, changed and deleted upstream; records that cannot be mapped; a
 * fault in the middle of a sync; a restart that resumes; two instances on one PostgreSQL.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { helsinkiMerges, readDataset, startGraph, TEST_DATABASE_URL, TEST_SYNC, testStoreSettings, logger, DEFAULT_DATA_DIR, HELSINKI, postGraphQL, type Graph } from './harness';
import { createAhjoReplica } from '../../subgraphs/ahjo/replica/server';
import { buildAhjoSubgraph, type AhjoSubgraph as HelsinkiSubgraph } from '../../subgraphs/ahjo/server';
import type { AhjoDecision } from '../../subgraphs/ahjo/upstream/types';
import { Store } from '../../subgraphs/shared/store/store';

const data = readDataset();
const newGuid = () => `{${crypto.randomUUID().toUpperCase()}}`;
/** Now in Helsinki, as Ahjo writes local times. */
const nowLocal = () => DateTime.now().setZone('Europe/Helsinki').minus({ hours: 1 }).toFormat("yyyy-LL-dd'T'HH:mm:ss.000");

/** An officer decision of today (no meeting, no case: a unit of its own). */
function officerDecision(title: string, extra: Partial<AhjoDecision> = {}): AhjoDecision {
  const base = data.decisions.find((d) => !d.Meeting && d.Organization?.Type === 'Viranhaltija')!;
  return { ...base, NativeId: newGuid(), Title: title, CaseID: null, CaseIDLabel: null, Section: null, DateDecision: nowLocal(), VotingResults: [], ...extra } as AhjoDecision;
}

const DECISION = `query($id: ID!) { helsinki { decision(id: $id) { id title } } }`;
let asked = 0;
/** The gateway caches answers for their cache hints: each question here is a new one. */
const TOTAL = '{ helsinki { decisions(first: 0) { totalCount } } }';
const SOURCES = '{ helsinki { sources { key recordsHeld recordsSetAside lastSuccessAt lastError { code message } setAside { kind sourceId reason } backfilled heldFrom } } }';

describe('sync from Ahjo', () => {
  let graph: Graph;
  beforeAll(async () => {
    const started = await startGraph();
    // The gateway caches answers for their cache hints: every question here is asked anew.
    graph = { ...started, query: (q, v) => started.query(`${q} # ${asked++}`, v) };
  });
  afterAll(async () => {
    await graph.close();
  });

  it('backfills every record of the replica and reports it in sources', async () => {
    const res = await graph.query(SOURCES);
    expect(res.errors).toBeUndefined();
    const [ahjo] = res.data.helsinki.sources;
    const caseRecords = data.cases.length * 2; // the list entry and the detail
    expect(ahjo).toMatchObject({ key: 'ahjo', recordsHeld: data.decisions.length + data.meetings.length + caseRecords + data.decisionMakers.length, recordsSetAside: 0, lastError: null, backfilled: true, heldFrom: '2012-01-01' });
    expect(Date.now() - Date.parse(ahjo.lastSuccessAt)).toBeLessThan(60000);
    const total = await graph.query(TOTAL);
    const { pairs, copies } = helsinkiMerges(data);
    expect(total.data.helsinki.decisions.totalCount).toBe(data.decisions.length - pairs.length - copies.length);
  });

  it('answers lists, filters, searches and counts without asking Ahjo', async () => {
    const before = graph.replica!.requests.length;
    const res = await graph.query('{ helsinki { decisions(first: 5, filter: { text: "asunto", from: "2020-01-01" }) { totalCount nodes { id meeting { id agenda { number } } case { id decisions { id } } voteEvents { totalCast } } } meetings(first: 3) { totalCount nodes { id decisions { id } } } cases(first: 3) { totalCount } bodies(first: 3) { totalCount nodes { members { role } } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
    expect(graph.replica!.requests.length).toBe(before);
  });

  it('picks up an added record, a changed one and a deleted one in incremental syncs', async () => {
    const added = officerDecision('Synkronointitesti: uusi päätös');
    const total = (await graph.query(TOTAL)).data.helsinki.decisions.totalCount;
    graph.replica!.update((d) => d.decisions.push(added));
    expect((await graph.query(DECISION, { id: added.NativeId })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_FOUND' });
    const [report] = (await graph.subgraphService.sync.runOnce())!;
    expect(report).toMatchObject({ ok: true, run: { full: false } });
    expect((await graph.query(DECISION, { id: added.NativeId })).data.helsinki.decision.title).toBe('Synkronointitesti: uusi päätös');
    expect((await graph.query(TOTAL)).data.helsinki.decisions.totalCount).toBe(total + 1);

    graph.replica!.update((d) => {
      d.decisions.find((x) => x.NativeId === added.NativeId)!.Title = 'Synkronointitesti: muutettu päätös';
    });
    await graph.subgraphService.sync.runOnce();
    expect((await graph.query(DECISION, { id: added.NativeId })).data.helsinki.decision.title).toBe('Synkronointitesti: muutettu päätös');
    const found = await graph.query('{ helsinki { decisions(filter: { text: "synkronointitesti muutettu" }) { totalCount } } }');
    expect(found.data.helsinki.decisions.totalCount).toBe(1);

    graph.replica!.update((d) => d.decisions.splice(d.decisions.findIndex((x) => x.NativeId === added.NativeId), 1));
    await graph.subgraphService.sync.runOnce();
    expect((await graph.query(DECISION, { id: added.NativeId })).errors?.[0].extensions).toMatchObject({ reason: 'NOT_FOUND' });
    expect((await graph.query(TOTAL)).data.helsinki.decisions.totalCount).toBe(total);
  });

  it('finds a record deleted long ago in a full run', async () => {
    const old = data.decisions.find((d) => d.Meeting && d.CaseID && d.Meeting.DateMeeting < '2023-01-01' && !data.decisions.some((x) => x !== d && x.CaseID === d.CaseID && x.Meeting?.MeetingID === d.Meeting.MeetingID))!;
    expect((await graph.query(DECISION, { id: old.NativeId })).data.helsinki.decision.id).toBe(`helsinki:decision:${old.NativeId}`);
    graph.replica!.update((d) => d.decisions.splice(d.decisions.findIndex((x) => x.NativeId === old.NativeId), 1));
    await graph.subgraphService.sync.runOnce(); // incremental: the old record is outside its window
    expect((await graph.query(DECISION, { id: old.NativeId })).data.helsinki.decision).not.toBeNull();
    await graph.subgraphService.sync.runOnce({ full: true });
    expect((await graph.query(DECISION, { id: old.NativeId })).errors?.[0].extensions).toMatchObject({ reason: 'NOT_FOUND' });
    graph.replica!.update((d) => d.decisions.push(old as AhjoDecision));
    await graph.subgraphService.sync.runOnce({ full: true });
  });

  it('sets aside a record that cannot be mapped, with its reason, and syncs the rest', async () => {
    const good = officerDecision('Synkronointitesti: kunnollinen päätös');
    const untitled = officerDecision('x', { Title: null as unknown as string });
    const badId = officerDecision('Synkronointitesti: huono tunniste', { NativeId: 'not-a-guid' });
    graph.replica!.update((d) => d.decisions.push(good, untitled, badId));
    const [report] = (await graph.subgraphService.sync.runOnce())!;
    expect(report).toMatchObject({ ok: true, run: { setAside: 2 } });
    expect((await graph.query(DECISION, { id: good.NativeId })).data.helsinki.decision.title).toBe('Synkronointitesti: kunnollinen päätös');
    const [ahjo] = (await graph.query(SOURCES)).data.helsinki.sources;
    expect(ahjo.recordsSetAside).toBe(2);
    expect(ahjo.setAside).toEqual(expect.arrayContaining([
      { kind: 'decision', sourceId: untitled.NativeId, reason: expect.stringMatching(/^Title is null/) },
      { kind: 'decision', sourceId: 'NOT-A-GUID', reason: expect.stringMatching(/NativeId "not-a-guid" is not a GUID/) },
    ]));
    // Fixed upstream: no longer set aside.
    graph.replica!.update((d) => {
      d.decisions.find((x) => x.NativeId === untitled.NativeId)!.Title = 'Synkronointitesti: otsikko korjattu';
      d.decisions.splice(d.decisions.findIndex((x) => x.NativeId === 'not-a-guid'), 1);
    });
    await graph.subgraphService.sync.runOnce({ full: true });
    expect((await graph.query(SOURCES)).data.helsinki.sources[0].recordsSetAside).toBe(0);
    expect((await graph.query(DECISION, { id: untitled.NativeId })).data.helsinki.decision.title).toBe('Synkronointitesti: otsikko korjattu');
  });

  it('keeps serving the last good data when Ahjo fails in the middle of a sync, flags it stale, and completes next time', async () => {
    const added = officerDecision('Synkronointitesti: vikatilanne');
    graph.replica!.update((d) => d.decisions.push(added));
    const before = graph.replica!.requests.length;
    let failed = false;
    const [report] = (await graph.subgraphService.sync.runOnce({
      full: true,
      onProgress: (p) => {
        // After a few periods, Ahjo starts failing.
        if (!failed && p.done >= 4) {
          failed = true;
          Object.assign(graph.replica!.faults, { status: 503 });
        }
      },
    }))!;
    Object.assign(graph.replica!.faults, { status: undefined });
    expect(failed).toBe(true);
    expect(graph.replica!.requests.length).toBeGreaterThan(before);
    expect(report).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });
    const res = await graph.query('{ helsinki { decisions(first: 3) { totalCount nodes { id } } sources { lastError { code message } lastSuccessAt } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.decisions.nodes).toHaveLength(3);
    expect(res.data.helsinki.sources[0].lastError).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('HTTP 503') });
    expect(res.extensions?.stale).toEqual([expect.objectContaining({ city: 'helsinki', upstream: 'Ahjo REST API', reason: expect.stringContaining('HTTP 503') })]);
    expect((await graph.query(DECISION, { id: added.NativeId })).errors?.[0].extensions).toMatchObject({ reason: 'NOT_FOUND' });

    const [next] = (await graph.subgraphService.sync.runOnce())!;
    expect(next).toMatchObject({ ok: true, run: { full: true } }); // the interrupted full run is taken up again
    const after = await graph.query('{ helsinki { sources { lastError { code } } } }');
    expect(after.data.helsinki.sources[0].lastError).toBeNull();
    expect(after.extensions?.stale).toBeUndefined();
    expect((await graph.query(DECISION, { id: added.NativeId })).data.helsinki.decision.title).toBe('Synkronointitesti: vikatilanne');
  });
});

describe('a first sync that cannot reach Ahjo', () => {
  it('answers an error naming Helsinki (not an empty list), and data once Ahjo is back', async () => {
    const graph = await startGraph({ syncFirst: false, breaker: { volumeThreshold: 1000 } });
    try {
      graph.replica!.faults.garbage = 'html';
      await graph.subgraphService.sync.runOnce();
      const res = await graph.query('{ helsinki { decisions(first: 1) { totalCount } } }');
      expect(res.data?.helsinki ?? null).toBeNull();
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', city: 'helsinki' });
      expect(res.errors?.[0].message).toMatch(/Helsinki has no data yet: the first sync from Ahjo REST API failed/);
      const ready = await fetch(graph.subgraph.url.replace('/graphql', '/ready'));
      expect(ready.status).toBe(503);
      delete graph.replica!.faults.garbage;
      await graph.subgraphService.sync.runOnce();
      expect((await graph.query('{ helsinki { decisions(first: 1) { totalCount } } }')).data.helsinki.decisions.totalCount).toBeGreaterThan(0);
      expect((await fetch(graph.subgraph.url.replace('/graphql', '/ready'))).status).toBe(200);
    } finally {
      await graph.close();
    }
  });
});

describe('a base URL that is not Ahjo\'s', () => {
  it('fails the sync naming the URL (a list answered 404), instead of syncing nothing and calling it success', async () => {
    const replica = createAhjoReplica({ dataDir: DEFAULT_DATA_DIR, timezone: HELSINKI.timezone });
    const running = await replica.listen(0);
    // The replica's origin without Ahjo's base path: every list is 404 there.
    const wrong = new URL(running.url).origin;
    const subgraph = await helsinkiOn(wrong, testStoreSettings());
    try {
      const [report] = (await subgraph.sync.runOnce())!;
      expect(report.ok).toBe(false);
      expect(report.error).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
      expect(report.error?.message).toMatch(/404 Not Found for a list; check the configured base URL http:\/\/127\.0\.0\.1:\d+/);
      const [ahjo] = await subgraph.sync.statuses();
      expect(ahjo.lastSuccessAt).toBeFalsy();
      expect(subgraph.sync.isReady()).toBe(false);
    } finally {
      await subgraph.store.close();
      await running.close();
    }
  });
});

function helsinkiOn(url: string, store: ReturnType<typeof testStoreSettings>): Promise<HelsinkiSubgraph> {
  return buildAhjoSubgraph(
    HELSINKI,
    { ahjoBaseUrl: url, timeoutMs: 3000, retries: 0, pageSize: 50, maxPages: 4, windowMonths: 12, userAgent: 'tests', breaker: { resetMs: 10000, volumeThreshold: 1000 }, store, sync: TEST_SYNC },
    logger,
  );
}

describe('a restart', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdg-resume-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('resumes an interrupted backfill from its saved point instead of starting over', async () => {
    const replica = createAhjoReplica({ dataDir: DEFAULT_DATA_DIR, timezone: HELSINKI.timezone });
    const running = await replica.listen(0);
    try {
      const first = await helsinkiOn(running.url, testStoreSettings({ dataDir: dir }));
      let stopped: Promise<void> | null = null;
      const [report] = (await first.sync.runOnce({
        onProgress: (p) => {
          if (p.done >= 8 && !stopped) stopped = first.sync.stop(); // the service shuts down mid-backfill
        },
      }))!;
      await stopped;
      expect(report.ok).toBe(false);
      await first.store.close();

      const stateStore = await Store.open({ city: 'helsinki', dataDir: dir, languages: ['fi'] });
      const state = (await stateStore.getState<{ resumeAt: string; backfilled: boolean }>('ahjo'))!;
      await stateStore.close();
      expect(state.backfilled).toBe(false);
      expect(state.resumeAt > '2012-01-01').toBe(true);

      const requestsBefore = replica.requests.length;
      const second = await helsinkiOn(running.url, testStoreSettings({ dataDir: dir }));
      const [resumed] = (await second.sync.runOnce())!;
      expect(resumed).toMatchObject({ ok: true, run: { full: true } });
      const asked = replica.requests.slice(requestsBefore).filter((r) => r.startsWith('GET /ahjorest/v1/decisions?'));
      const since = asked.map((r) => new URL(`http://x${r.slice(4)}`).searchParams.get('handledsince')!).sort();
      expect(since[0] >= state.resumeAt.slice(0, 10)).toBe(true);
      const served = await second.listen(0);
      const res = await postGraphQL(served.url, '{ helsinki { decisions(first: 0) { totalCount } sources { backfilled recordsHeld } } }');
      expect(res.data.helsinki.sources[0]).toMatchObject({ backfilled: true, recordsHeld: data.decisions.length + data.meetings.length + data.cases.length * 2 + data.decisionMakers.length });
      await served.close();
    } finally {
      await running.close();
    }
  });
});

describe('two subgraph instances on one PostgreSQL', () => {
  it('sync one at a time, and both serve the same answers', async () => {
    const replica = createAhjoReplica({ dataDir: DEFAULT_DATA_DIR, timezone: HELSINKI.timezone });
    const running = await replica.listen(0);
    const store = testStoreSettings({ databaseUrl: TEST_DATABASE_URL, schemaPrefix: `t${process.pid}_` });
    const a = await helsinkiOn(running.url, store);
    const b = await helsinkiOn(running.url, store);
    try {
      const [ra, rb] = await Promise.all([a.sync.runOnce(), b.sync.runOnce()]);
      expect([ra, rb].filter((r) => r === null)).toHaveLength(1); // the other instance held the lock
      await b.sync.load();
      await a.sync.load();
      expect(a.sync.isReady() && b.sync.isReady()).toBe(true);
      const [sa, sb] = await Promise.all([a.listen(0), b.listen(0)]);
      const q = '{ helsinki { decisions(first: 5, filter: { text: "asunto" }) { totalCount nodes { id title } } meetings(first: 3) { nodes { id status } } } }';
      const [x, y] = await Promise.all([postGraphQL(sa.url, q), postGraphQL(sb.url, q)]);
      expect(x.errors).toBeUndefined();
      expect(y).toEqual(x);
      expect((await fetch(sb.url.replace('/graphql', '/ready'))).status).toBe(200);
      await sa.close();
      await sb.close();
    } finally {
      const cleanup = await Store.open({ city: 'helsinki', dataDir: 'memory', databaseUrl: TEST_DATABASE_URL, schemaPrefix: `t${process.pid}_`, languages: ['fi'] });
      await cleanup.db.exec(`DROP SCHEMA t${process.pid}_helsinki CASCADE`);
      await cleanup.close();
      await running.close();
    }
  });
});
