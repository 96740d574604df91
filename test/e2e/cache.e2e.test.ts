/**
 * Caching and batching, proven by the replicas' request logs, the store's statement count and the
 * gateway's `x-cache` header: stale answers never cached, the whole-response cache (HIT/MISS,
 * isolation by variables, language and credentials), batching of lookups into one store query.
 */
import { readDataset, startGraph, type Graph } from './harness';
import { scrape, value } from './metrics';
import { gatewayConfigFromEnv } from '../../gateway/config';

async function post(graph: Graph, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.headers.get('x-cache'), body: (await res.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, unknown> }>; extensions?: Record<string, any> } }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const LIST = '{ helsinki { decisions(first: 5, filter: { from: "2025-01-01", to: "2026-01-01" }) { totalCount nodes { id title } } } }';

describe('answers from a copy whose refresh failed', () => {
  it('are flagged stale and never stored by the gateway', async () => {
    const graph = await startGraph({ cache: {}, breaker: { volumeThreshold: 1000 } });
    try {
      const primed = await post(graph, LIST);
      expect(primed.body.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
      await graph.replica!.close();
      await graph.subgraphService.sync.runOnce();
      const stale = await post(graph, LIST.replace('first: 5', 'first: 4'));
      expect(stale.body.errors).toBeUndefined();
      expect(stale.body.data.helsinki.decisions.totalCount).toBe(primed.body.data.helsinki.decisions.totalCount);
      expect(stale.status).toBe('STALE');
      expect(stale.body.extensions?.stale[0]).toMatchObject({ city: 'helsinki', upstream: 'Ahjo REST API', request: 'sync', fetchedAt: expect.any(String), reason: expect.stringMatching(/ECONNREFUSED|fetch failed/) });
      const again = await post(graph, LIST.replace('first: 5', 'first: 4'));
      expect(again.status).toBe('STALE'); // not answered from the response cache
    } finally {
      await graph.close();
    }
  });
});

describe('whole-response cache at the gateway', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ cache: {} });
  });
  afterAll(async () => {
    await graph.close();
  });

  it('answers an identical query from the cache: MISS then HIT, with no subgraph or upstream call', async () => {
    const q = '{ helsinki { decisions(first: 2) { nodes { id } } } }';
    const first = await post(graph, q);
    expect(first.status).toBe('MISS');
    const upstream = graph.replica!.requests.length;
    const second = await post(graph, q);
    expect(second.status).toBe('HIT');
    expect(second.body.data).toEqual(first.body.data);
    expect(graph.replica!.requests.length).toBe(upstream);
    const metrics = await scrape(graph.gatewayUrl);
    expect(value(metrics, 'cdg_gateway_cache_total', { status: 'HIT' })).toBeGreaterThanOrEqual(1);
    expect(value(metrics, 'process_resident_memory_bytes')).toBeGreaterThan(value(metrics, 'nodejs_heap_size_used_bytes'));
    expect(value(metrics, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('keeps responses apart by variables, language and credentials', async () => {
    const q = 'query($n: Int) { helsinki { decisions(first: $n) { nodes { id } } } }';
    expect((await post(graph, q, { n: 1 })).status).toBe('MISS');
    const two = await post(graph, q, { n: 2 });
    expect(two.status).toBe('MISS');
    expect(two.body.data.helsinki.decisions.nodes).toHaveLength(2);
    expect((await post(graph, q, { n: 1 }, { 'accept-language': 'sv' })).status).toBe('MISS');
    expect((await post(graph, q, { n: 1 }, { authorization: 'Bearer alice' })).status).toBe('MISS');
    expect((await post(graph, q, { n: 1 }, { authorization: 'Bearer bob' })).status).toBe('MISS');
    expect((await post(graph, q, { n: 1 }, { authorization: 'Bearer alice' })).status).toBe('HIT');
  });

  it('does not cache errors', async () => {
    const q = '{ helsinki { decisions(first: 1000) { totalCount } } }';
    expect((await post(graph, q)).status).not.toBe('HIT');
    expect((await post(graph, q)).status).not.toBe('HIT');
  });

  it('accepts automatic persisted queries', async () => {
    const q = '{ helsinki { name } }';
    const hash = require('node:crypto').createHash('sha256').update(q).digest('hex');
    const ext = { persistedQuery: { version: 1, sha256Hash: hash } };
    const miss = await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions: ext }) });
    expect(((await miss.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, extensions: ext }) });
    const hit = await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions: ext }) });
    expect(await hit.json()).toEqual({ data: { helsinki: { name: 'Helsinki' } } });
  });
});

describe('batching', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(async () => {
    await graph.close();
  });

  it('20 decisions with their bodies, meetings, cases, votes and attachments cost one store query each, not one per decision', async () => {
    const before = graph.subgraphService.store.db.stats.statements;
    const upstream = graph.replica!.requests.length;
    const res = await post(graph, '{ helsinki { decisions(first: 20) { nodes { id sourceId body { name members { role } } meeting { title } case { title } voteEvents { totalCast } attachments { title } } } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.helsinki.decisions.nodes).toHaveLength(20);
    // The page, then one batch each for the bodies' members, meetings, cases, vote events and
    // attachments, and one for the cases that list a decision naming none (officer decisions) in their Records.
    const caseless = res.body.data.helsinki.decisions.nodes.some((n: { sourceId: string }) => !readDataset().decisions.find((d) => d.NativeId === n.sourceId)?.CaseID);
    expect(graph.subgraphService.store.db.stats.statements - before).toBe(caseless ? 7 : 6);
    expect(graph.replica!.requests.length).toBe(upstream);
  });

  it('a sync asks Ahjo for each resource once', async () => {
    const from = graph.replica!.requests.length;
    await graph.subgraphService.sync.runOnce({ full: true });
    const asked = graph.replica!.requests.slice(from);
    expect(asked.length).toBeGreaterThan(readDataset().cases.length);
    expect(new Set(asked).size).toBe(asked.length);
  });
});

describe('cache hints per type and field', () => {
  it('caches one decision longer than a list, and a list of bodies longest', async () => {
    const graph = await startGraph({ cache: {} });
    try {
      const maxAge = async (query: string) => {
        const res = await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        await res.json();
        return Number(/max-age=(\d+)/.exec(res.headers.get('cache-control') ?? '')?.[1] ?? 0);
      };
      expect(await maxAge('{ helsinki { decisions(first: 3) { nodes { id title body { name } } } } }')).toBe(60);
      expect(await maxAge('{ helsinki { decision(id: "{4629CBFB-D732-44BC-BE96-CC1FDD544325}") { title voteEvents { counts { value } } } } }')).toBe(600);
      expect(await maxAge('{ helsinki { decision(id: "{4629CBFB-D732-44BC-BE96-CC1FDD544325}") { title meeting { title } } } }')).toBe(300);
      expect(await maxAge('{ helsinki { bodies(first: 5) { nodes { name } } } }')).toBe(3600);
      expect(await maxAge('{ helsinki { name licence { name } } }')).toBe(3600);
    } finally {
      await graph.close();
    }
  });
});

describe('RESPONSE_CACHE=false', () => {
  it('turns the response and edge caches off: every ask reaches the city (x-cache BYPASS)', async () => {
    expect(gatewayConfigFromEnv({ RESPONSE_CACHE: 'false' })).toMatchObject({ responseCache: false, edgeCacheEntries: 0 });
    expect(gatewayConfigFromEnv({})).toMatchObject({ responseCache: true, edgeCacheEntries: 1000 });
    const graph = await startGraph({ cache: { responses: false, edgeCacheEntries: 0 } });
    try {
      const statements = () => graph.subgraphService.store.db.stats.statements;
      const first = await post(graph, LIST);
      expect(first.body.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
      const before = statements();
      const second = await post(graph, LIST);
      expect(second.body).toEqual(first.body);
      expect([first.status, second.status]).toEqual(['BYPASS', 'BYPASS']);
      expect(statements()).toBeGreaterThan(before);
    } finally {
      await graph.close();
    }
  });
});
