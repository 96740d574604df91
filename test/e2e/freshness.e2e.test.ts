/**
 * A city's `freshness` through the real path (replicas → subgraphs → gateway): after a sync that
 * fails (the replica's fault switch), the city says it is served from an older copy, why (the
 * upstream, the sync's code and message) and since when, whatever else the query selects and in
 * any field order; another city says it is not; such answers are never cached by the gateway; and
 * after a good sync the city is fresh again.
 */
import { startGraph, type Graph } from './harness';
import type { Faults } from '../../subgraphs/shared/replica';

const FRESHNESS = 'freshness { servedFromOlderCopy reasons { upstream upstreamName lastSyncedAt ageSeconds error { code message at } } lastSyncedAt ageSeconds }';
const SOURCES = 'sources { key lastSuccessAt lastError { code } }';

let graph: Graph;
let asked = 0;
/** A query answered from the older copy below: after the good sync it is asked again. */
let staleQuery = '';

/** Posts to the gateway and returns the answer with how it was served (`x-cache`). */
async function post(query: string): Promise<{ cache: string | null; data: any; errors?: unknown[]; extensions?: Record<string, any> }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { cache: res.headers.get('x-cache'), ...((await res.json()) as { data: unknown }) };
}

/** A query worded afresh (its own operation name), so that no cached answer of an earlier step answers it. */
const fresh = (body: string) => `query Freshness${++asked} { ${body} }`;

function setFaults(faults: Faults, f: Faults): void {
  for (const k of Object.keys(faults)) delete faults[k as keyof Faults];
  Object.assign(faults, f);
}

/** One sync of Helsinki while its replica answers every request with HTTP 502. */
async function failHelsinkiSync(): Promise<void> {
  setFaults(graph.replica!.faults, { status: 502 });
  try {
    const [report] = (await graph.subgraphService.sync.runOnce())!;
    expect(report).toMatchObject({ upstream: 'ahjo', ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });
  } finally {
    setFaults(graph.replica!.faults, {});
  }
}

beforeAll(async () => {
  // The breaker stays closed (the failed sync must show its own code); the gateway caches responses.
  graph = await startGraph({ amsterdam: true, cache: {}, breaker: { volumeThreshold: 1000 } });
});
afterAll(async () => {
  await graph?.close();
});

describe('freshness of a city', () => {
  it('after good syncs: not an older copy, no reasons, last synced as `sources` says, age ≥ 0', async () => {
    const res = await post(fresh(`helsinki { ${SOURCES} ${FRESHNESS} } amsterdam { ${SOURCES} ${FRESHNESS} }`));
    expect(res.errors).toBeUndefined();
    for (const city of ['helsinki', 'amsterdam']) {
      const { sources, freshness } = res.data[city];
      expect(freshness).toEqual({ servedFromOlderCopy: false, reasons: [], lastSyncedAt: sources[0].lastSuccessAt, ageSeconds: expect.any(Number) });
      expect(sources).toHaveLength(1);
      expect(freshness.lastSyncedAt).toEqual(expect.any(String));
      expect(freshness.ageSeconds).toBeGreaterThanOrEqual(0);
    }
    expect(res.extensions?.stale).toBeUndefined();
  });

  it('after a failed sync: that city only says it is served from an older copy, with the upstream, the code and the message', async () => {
    const before = (await post(fresh(`helsinki { ${SOURCES} }`))).data.helsinki.sources[0].lastSuccessAt;
    await failHelsinkiSync();

    const res = await post(fresh(`helsinki { decisions(first: 1) { totalCount } ${FRESHNESS} } amsterdam { ${FRESHNESS} decisions(first: 1) { totalCount } }`));
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
    expect(res.data.helsinki.freshness).toEqual({
      servedFromOlderCopy: true,
      reasons: [{ upstream: 'ahjo', upstreamName: 'Ahjo REST API', lastSyncedAt: before, ageSeconds: expect.any(Number), error: { code: 'UPSTREAM_UNAVAILABLE', message: expect.stringMatching(/HTTP 502/), at: expect.any(String) } }],
      lastSyncedAt: before,
      ageSeconds: expect.any(Number),
    });
    expect(res.data.helsinki.freshness.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(res.data.helsinki.freshness.reasons[0].ageSeconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(res.data.helsinki.freshness.reasons[0].error.at)).toBeGreaterThanOrEqual(Date.parse(before));
    expect(res.data.amsterdam.freshness).toEqual({ servedFromOlderCopy: false, reasons: [], lastSyncedAt: expect.any(String), ageSeconds: expect.any(Number) });
    // The same failure as `sources` gives it, and as `extensions.stale` (for the clients that read it).
    const sources = (await post(fresh(`helsinki { ${SOURCES} }`))).data.helsinki.sources;
    expect(sources).toEqual([{ key: 'ahjo', lastSuccessAt: before, lastError: { code: 'UPSTREAM_UNAVAILABLE' } }]);
    expect(res.extensions?.stale).toEqual([expect.objectContaining({ city: 'helsinki', upstream: 'Ahjo REST API', fetchedAt: before })]);
  });

  it.each([
    ['freshness alone', `helsinki { ${FRESHNESS} }`],
    ['freshness before the data', `helsinki { ${FRESHNESS} decisions(first: 1) { totalCount } }`],
    ['freshness after the data', `helsinki { meetings(first: 1) { totalCount } cases(first: 1) { totalCount } ${FRESHNESS} }`],
    ['freshness in a second root field', `helsinki { decisions(first: 1) { totalCount } } again: helsinki { ${FRESHNESS} }`],
  ])('says so whatever the query selects (%s)', async (_name, body) => {
    const res = await post(fresh(body));
    expect(res.errors).toBeUndefined();
    const freshness = (res.data.again ?? res.data.helsinki).freshness;
    expect(freshness).toMatchObject({ servedFromOlderCopy: true, reasons: [{ upstream: 'ahjo', error: { code: 'UPSTREAM_UNAVAILABLE' } }] });
    // Flagged for the gateway too, even when nothing but freshness was read: such an answer is not cached.
    expect(res.cache).toBe('STALE');
    expect(res.extensions?.stale).toEqual([expect.objectContaining({ city: 'helsinki', upstream: 'Ahjo REST API' })]);
  });

  it('an answer that says older copy is never served from the gateway cache', async () => {
    staleQuery = fresh(`helsinki { ${FRESHNESS} decisions(first: 2) { nodes { id } } }`);
    const first = await post(staleQuery);
    const second = await post(staleQuery);
    for (const res of [first, second]) {
      expect(res.cache).toBe('STALE');
      expect(res.data.helsinki.freshness.servedFromOlderCopy).toBe(true);
    }
  });

  it('after a good sync: fresh again, later than before, and cacheable again', async () => {
    const older = (await post(fresh(`helsinki { ${FRESHNESS} }`))).data.helsinki.freshness.lastSyncedAt;
    const [report] = (await graph.subgraphService.sync.runOnce())!;
    expect(report.ok).toBe(true);
    // The very query answered from the older copy above: nothing of it was stored.
    const res = await post(staleQuery);
    expect(res.errors).toBeUndefined();
    expect(res.cache).toBe('MISS');
    expect(res.extensions?.stale).toBeUndefined();
    expect(res.data.helsinki.freshness).toEqual({ servedFromOlderCopy: false, reasons: [], lastSyncedAt: expect.any(String), ageSeconds: expect.any(Number) });
    expect(Date.parse(res.data.helsinki.freshness.lastSyncedAt)).toBeGreaterThan(Date.parse(older));
    expect(res.data.helsinki.freshness.ageSeconds).toBeGreaterThanOrEqual(0);
    expect((await post(staleQuery)).cache).toBe('HIT');
  });
});
