/**
 * Redis where Redis is the point: two gateways share one response cache, and a Redis that goes
 * away (or was never there) turns caching off without one error to a client, until it is back.
 * And PostgreSQL where a shared store is the point: two subgraph instances on one copy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { logger, startGateway, startGraph, type Graph } from './harness';
import { freePort } from './process';

// A database of its own on the shared Redis (another test file may run at the same time, with its own
// answers cached under the same keys).
const REDIS_URL = Object.assign(new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379'), { pathname: '/3' }).href;

async function post(url: string, query: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.headers.get('x-cache'), body: (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

/** A query no earlier run has cached (Redis outlives test runs). */
const unique = () => `{ helsinki { run_${crypto.randomBytes(6).toString('hex')}: name decisions(first: 1) { totalCount } } }`;

describe('two gateways on one Redis', () => {
  it('a response cached by one is a hit on the other', async () => {
    const graph = await startGraph({ cache: { redisUrl: REDIS_URL, edgeCacheEntries: 0 } });
    const secondRunning = await startGateway({ subgraphUrls: { helsinki: graph.subgraph.url }, cache: { redisUrl: REDIS_URL, maxEntries: 100, timeoutMs: 500 }, edgeCacheEntries: 0 });
    try {
      const q = unique();
      expect((await post(graph.gatewayUrl, q)).status).toBe('MISS');
      const upstream = graph.replica!.requests.length;
      const other = await post(secondRunning.url, q);
      expect(other.status).toBe('HIT');
      expect(other.body.errors).toBeUndefined();
      expect(graph.replica!.requests.length).toBe(upstream);
    } finally {
      await secondRunning.close();
      await graph.close();
    }
  });
});

describe('Redis faults', () => {
  let port: number;
  let redis: ChildProcess | undefined;

  function startRedis(): Promise<void> {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    return waitForPort(port, true);
  }

  async function stopRedis(): Promise<void> {
    const r = redis;
    redis = undefined;
    if (!r || r.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      r.once('exit', () => resolve());
      r.kill('SIGKILL');
    });
    await waitForPort(port, false);
  }

  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(async () => {
    await stopRedis();
  });

  it('serves uncached while Redis is down (at start and mid-run), and caches again when it is back', async () => {
    // Down at start: no Redis on the port yet.
    // The in-process edge cache is off: this test is about the shared cache in Redis.
    const graph: Graph = await startGraph({ cache: { redisUrl: `redis://127.0.0.1:${port}`, edgeCacheEntries: 0 } });
    try {
      const q0 = unique();
      const down0 = await post(graph.gatewayUrl, q0);
      expect(down0.body.errors).toBeUndefined();
      expect((await post(graph.gatewayUrl, q0)).status).not.toBe('HIT');

      await startRedis();
      const q1 = unique();
      await eventually(async () => {
        await post(graph.gatewayUrl, q1);
        return (await post(graph.gatewayUrl, q1)).status === 'HIT';
      });

      // Down mid-run.
      await stopRedis();
      const q2 = unique();
      for (let i = 0; i < 3; i++) {
        const r = await post(graph.gatewayUrl, q2);
        expect(r.body.errors).toBeUndefined();
        expect(r.status).not.toBe('HIT');
      }

      // Back: caching resumes by itself.
      await startRedis();
      const q3 = unique();
      await eventually(async () => {
        await post(graph.gatewayUrl, q3);
        return (await post(graph.gatewayUrl, q3)).status === 'HIT';
      });
    } finally {
      await graph.close();
    }
  }, 60000);
});

async function eventually(check: () => Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`not true within ${timeoutMs} ms`);
}

async function waitForPort(port: number, open: boolean): Promise<void> {
  const net = await import('node:net');
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    const isOpen = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (isOpen === open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`port ${port} did not become ${open ? 'open' : 'closed'}`);
}

describe('two Barcelona subgraphs on one PostgreSQL', () => {
  it('share one synced copy: the second answers without fetching anything, and its sync revalidates the files (304)', async () => {
    const { createDecidimCityReplica, filesPathOf, replicaUpstreamUrls } = await import('../../subgraphs/decidim/replica/server');
    const { buildDecidimSubgraph } = await import('../../subgraphs/decidim/server');
    const { cityById } = await import('../../schema/cities');
    const barcelona = cityById('barcelona');
    const { BARCELONA_DATA_DIR, TEST_DATABASE_URL, TEST_SYNC, testStoreSettings } = await import('./harness');
    const { Store } = await import('../../subgraphs/shared/store/store');
    const replica = createDecidimCityReplica({ dataDir: BARCELONA_DATA_DIR, filesPath: filesPathOf(barcelona) });
    const running = await replica.listen(0);
    const schemaPrefix = `r${process.pid}_`;
    const config = {
      ...replicaUpstreamUrls(barcelona, running.url),
      timeoutMs: 5000,
      retries: 1,
      breaker: { resetMs: 10000, volumeThreshold: 5 },
      decidimRequestsPerMinute: 6000,
      userAgent: 'city-decision-graph tests',
      store: testStoreSettings({ databaseUrl: TEST_DATABASE_URL, schemaPrefix }),
      sync: TEST_SYNC,
    };
    const firstService = await buildDecidimSubgraph(barcelona, config, logger);
    await firstService.sync.runOnce();
    const secondService = await buildDecidimSubgraph(barcelona, config, logger);
    const first = await firstService.listen(0);
    const second = await secondService.listen(0);
    const q = '{ barcelona { decisions(first: 3) { totalCount nodes { id } } participatoryProcesses { id } } }';
    try {
      const a = await post(first.url, q);
      const downloads = replica.fileRequests.filter((r) => r.status === 200).length;
      const decidimCalls = replica.decidim.requestCount;
      expect(downloads).toBe(2);
      const b = await post(second.url, q);
      expect(b.body.errors).toBeUndefined();
      expect(b.body).toEqual(a.body);
      expect(replica.decidim.requestCount).toBe(decidimCalls);
      await secondService.sync.runOnce();
      expect(replica.fileRequests.filter((r) => r.status === 200).length).toBe(downloads);
      expect(replica.fileRequests.filter((r) => r.status === 304).length).toBe(2);
    } finally {
      await first.close();
      await second.close();
      await running.close();
      const cleanup = await Store.open({ city: 'barcelona', dataDir: 'memory', databaseUrl: TEST_DATABASE_URL, schemaPrefix, languages: ['ca'] });
      await cleanup.db.exec(`DROP SCHEMA ${schemaPrefix}barcelona CASCADE`);
      await cleanup.close();
    }
  });
});
