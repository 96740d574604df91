/**
 * A failing Helsinki: its Ahjo (replica) down (the synced copy answers, flagged stale), its subgraph
 * down or slow, or Ahjo refusing us without the token (nothing synced: an error names the city with
 * a stable code). The gateway goes on serving throughout.
 */
import { postGraphQL, readDataset, slowProxy, startGateway, startGraph, testHelsinki, type Graph, helsinkiMerges } from './harness';

const QUERY = '{ helsinki { name decisions(first: 2) { totalCount } } }';
/** The same question worded differently each time, so the gateway's response cache cannot answer it. */
let asked = 0;
const fresh = () => `{ helsinki { name decisions(first: ${3 + asked++}) { totalCount } } }`;

describe('Helsinki\'s Ahjo replica down', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ breaker: { volumeThreshold: 1000 } });
  });
  afterAll(async () => {
    await graph.close();
  });

  it('keeps answering from the synced copy, flags it stale once a sync fails, and is fresh again after Ahjo is back', async () => {
    const ok = await graph.query(QUERY);
    expect(ok.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
    const port = graph.replica!.port;
    await graph.replica!.close();

    // Nothing is asked of Ahjo to answer: the copy answers, as fresh as its last sync.
    const served = await graph.query(fresh());
    expect(served.errors).toBeUndefined();
    expect(served.data.helsinki.decisions.totalCount).toBe(ok.data.helsinki.decisions.totalCount);
    expect(served.extensions?.stale).toBeUndefined();

    const [failed] = (await graph.subgraphService.sync.runOnce())!;
    expect(failed).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });
    const stale = await graph.query(fresh());
    expect(stale.errors).toBeUndefined();
    expect(stale.data.helsinki.decisions.totalCount).toBe(ok.data.helsinki.decisions.totalCount);
    expect(stale.extensions?.stale).toEqual([expect.objectContaining({ city: 'helsinki', upstream: 'Ahjo REST API', request: 'sync', fetchedAt: expect.any(String) })]);

    // Bring the replica back on the same port: the next sync refreshes the copy.
    const { createAhjoReplica } = await import('../../subgraphs/ahjo/replica/server');
    const { DEFAULT_DATA_DIR, HELSINKI } = await import('./harness');
    const back = await createAhjoReplica({ dataDir: DEFAULT_DATA_DIR, timezone: HELSINKI.timezone }).listen(port);
    try {
      const [again] = (await graph.subgraphService.sync.runOnce())!;
      expect(again.ok).toBe(true);
      const recovered = await graph.query(fresh());
      expect(recovered.errors).toBeUndefined();
      expect(recovered.extensions?.stale).toBeUndefined();
      expect(recovered.data.helsinki.decisions.totalCount).toBe(ok.data.helsinki.decisions.totalCount);
    } finally {
      await back.close();
    }
  });
});

describe('Helsinki\'s subgraph down', () => {
  it('nulls helsinki with CITY_UNAVAILABLE naming the city; /ready reports it unreachable', async () => {
    const graph = await startGraph();
    try {
      await graph.subgraph.close();
      const res = await graph.query(QUERY);
      expect(res.data).toEqual({ helsinki: null });
      expect(res.errors![0].extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'helsinki' });
      expect(res.errors![0].message).toMatch(/^Helsinki is unavailable/);
      // Repeated failures open the city's circuit at the gateway: it answers at once, naming the city.
      let open: Record<string, unknown> | undefined;
      for (let i = 0; i < 12 && !open; i++) {
        const r = await graph.query(fresh());
        if (r.errors![0].extensions?.circuit === 'open') open = r.errors![0].extensions;
      }
      expect(open).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'helsinki', circuit: 'open' });
      const ready = await fetch(graph.gatewayUrl.replace('/graphql', '/ready'));
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { status: string; cities: Array<{ id: string }> };
      expect(body.status).toBe('degraded'); // the gateway serves, without Helsinki
      expect(body.cities.find((c: { id: string }) => c.id === 'helsinki')).toMatchObject({ reachable: false, ready: false });
    } finally {
      await graph.gateway.close();
      await graph.replica?.close();
    }
  });
});

describe('Ahjo with a bearer token', () => {
  it('answers 401 without the token: the first sync fails and Helsinki says so (UPSTREAM_UNAVAILABLE, 401); works with it', async () => {
    const without = await startGraph({ replicaToken: 's3cret' });
    try {
      const res = await without.query(QUERY);
      expect(res.data).toEqual({ helsinki: null });
      expect(res.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', city: 'helsinki', upstreamStatus: 401 });
      const direct = await fetch(`${without.replica!.url}/decisions`);
      expect(direct.status).toBe(401);
    } finally {
      await without.close();
    }
    const withToken = await startGraph({ replicaToken: 's3cret', ahjoToken: 's3cret' });
    try {
      const res = await withToken.query(QUERY);
      expect(res.errors).toBeUndefined();
      expect(res.data.helsinki.decisions.totalCount).toBe(readDataset().decisions.length - countTranslations());
    } finally {
      await withToken.close();
    }
  });
});

/** Swedish versions and copies in the dataset (they are merged into their Finnish decision). */
function countTranslations(): number {
  const { pairs, copies } = helsinkiMerges(readDataset());
  return pairs.length + copies.length;
}

describe('circuit breaker toward Ahjo', () => {
  it('opens after repeated failed syncs (failing at once), probes after the reset time, and closes when Ahjo is back', async () => {
    const graph = await startGraph({ breaker: { resetMs: 800, volumeThreshold: 3 } });
    try {
      const port = graph.replica!.port;
      await graph.replica!.close();
      // The first sync's successes fill the breaker's 10 s window: it opens once failures are half of it.
      let open: { code: string; message: string; circuitOpen?: boolean } | null = null;
      const deadline = Date.now() + 20000;
      while (!open?.circuitOpen && Date.now() < deadline) {
        open = (await graph.subgraphService.sync.runOnce())![0].error;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(open).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', circuitOpen: true, message: expect.stringMatching(/circuit open/) });
      const started = Date.now();
      expect((await graph.subgraphService.sync.runOnce())![0].error).toMatchObject({ circuitOpen: true });
      expect(Date.now() - started).toBeLessThan(500); // no waiting on a dead city
      const res = await graph.query('{ helsinki { sources { lastError { code message } } } }');
      expect(res.data.helsinki.sources[0].lastError.message).toMatch(/circuit open/);

      const { createAhjoReplica } = await import('../../subgraphs/ahjo/replica/server');
      const { DEFAULT_DATA_DIR, HELSINKI } = await import('./harness');
      const back = await createAhjoReplica({ dataDir: DEFAULT_DATA_DIR, timezone: HELSINKI.timezone }).listen(port);
      try {
        await new Promise((r) => setTimeout(r, 900));
        expect((await graph.subgraphService.sync.runOnce())![0]).toMatchObject({ ok: true });
      } finally {
        await back.close();
      }
    } finally {
      await graph.close();
    }
  });
});

describe('a slow city subgraph', () => {
  it('is given up at the gateway\'s deadline with CITY_UNAVAILABLE; the other cities answer without waiting for it', async () => {
    const graph = await startGraph({ amsterdam: true });
    // Helsinki's subgraph answers after 2.5 s: slow, not failing.
    const slow = await slowProxy(graph.subgraph.url, 2500);
    const gateway = await startGateway({ subgraphUrls: { helsinki: slow.url, amsterdam: graph.amsterdam!.subgraph.url }, subgraphTimeoutMs: 1000 });
    const bodies = (n: number) => `helsinki { bodies(first: ${n}) { totalCount } }`;
    try {
      const started = Date.now();
      const res = await postGraphQL(gateway.url, `{ ${bodies(1)} amsterdam { meetings(first: 1, filter: { from: "2025-01-01", to: "2026-01-01" }) { totalCount } } }`);
      const ms = Date.now() - started;
      expect(res.data.helsinki).toBeNull();
      expect(res.data.amsterdam.meetings.totalCount).toBeGreaterThan(0);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'helsinki' });
      expect(res.errors![0].message).toMatch(/no answer within 1000 ms/);
      expect(ms).toBeLessThan(2400);
      const ok = await graph.query(`{ ${bodies(2)} }`);
      expect(ok.errors).toBeUndefined();
      expect(ok.data.helsinki.bodies.totalCount).toBeGreaterThan(0);
    } finally {
      await gateway.close();
      await slow.close();
      await graph.close();
    }
  });
});

describe('the gateway\'s circuit toward a subgraph that comes back', () => {
  it('answers every concurrent request once its probe succeeds, none refused while the probe runs', async () => {
    const graph = await startGraph({ subgraphBreakerResetMs: 1000 });
    try {
      const port = graph.subgraph.port;
      await graph.subgraph.close();
      let open = false;
      for (let i = 0; i < 12 && !open; i++) open = (await graph.query(fresh())).errors![0].extensions?.circuit === 'open';
      expect(open).toBe(true);
      const service = await testHelsinki(graph.replica!.url);
      await service.sync.runOnce();
      const back = await service.listen(port);
      try {
        await new Promise((r) => setTimeout(r, 1100));
        const answers = await Promise.all(Array.from({ length: 6 }, () => graph.query(fresh())));
        for (const a of answers) {
          expect(a.errors).toBeUndefined();
          expect(a.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
        }
      } finally {
        await back.close();
      }
    } finally {
      await graph.gateway.close();
      await graph.replica?.close();
    }
  });
});
