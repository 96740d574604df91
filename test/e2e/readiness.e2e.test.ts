/**
 * Readiness that means something (issue 15), through the real path: the Ahjo replica → the Helsinki
 * subgraph (built in process, synced once) → a gateway, over HTTP on loopback. A city is ready when
 * its store is synced and fresh and its upstream answers: with the replica down, the subgraph's and
 * the gateway's /ready say so and why, while queries still answer from the store; back up, ready
 * again. The probe of the upstream is shared, so /ready cannot flood a city. And a process started
 * against an upstream that does not answer warns at start, naming it.
 */
import { createAhjoReplica } from '../../subgraphs/ahjo/replica/server';
import type { AhjoSubgraph } from '../../subgraphs/ahjo/server';
import type { UpstreamState } from '../../subgraphs/shared/sync/state';
import type { RunningService } from '../../subgraphs/shared/server';
import { DEFAULT_DATA_DIR, HELSINKI, postGraphQL, startGateway, testHelsinki } from './harness';
import { freePort, startProcess, stopProcess, waitFor } from './process';

/** The readiness answer is reused this long (READY_CACHE_MS): short, so the test sees a change soon. */
const CACHE_MS = 300;

interface ReadyBody {
  status: string;
  reasons: string[];
  sources: Array<{ key: string; synced: boolean }>;
  store: { engine: string };
  upstreams: Array<{ key: string; synced: boolean; fresh: boolean; reachable: boolean | null; probe: { via: string; status: number | null } | null; reasons: string[] }>;
}
interface GatewayReady {
  status: string;
  cities: Array<{ id: string; reachable: boolean; ready: boolean; error?: string }>;
}

const replica = createAhjoReplica({ dataDir: DEFAULT_DATA_DIR, timezone: HELSINKI.timezone });
let replicaRunning: RunningService;
let upstreamUrl: string;
let service: AhjoSubgraph;
let subgraph: RunningService;
let gateway: RunningService;

const readyOf = async (graphqlUrl: string): Promise<{ status: number; body: ReadyBody }> => {
  const res = await fetch(graphqlUrl.replace(/\/graphql$/, '/ready'));
  return { status: res.status, body: (await res.json()) as ReadyBody };
};
const gatewayReady = async (): Promise<GatewayReady> => (await (await fetch(gateway.url.replace(/\/graphql$/, '/ready'))).json()) as GatewayReady;

/** Polls until `check` holds (the answers are cached for a few seconds: a change shows after that). */
async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  replicaRunning = await replica.listen(0);
  upstreamUrl = replicaRunning.url;
  service = await testHelsinki(upstreamUrl, { readiness: { maxAgeS: 3600, cacheMs: CACHE_MS } });
  await service.sync.runOnce();
  subgraph = await service.listen(0);
  gateway = await startGateway({ subgraphUrls: { helsinki: subgraph.url } });
});

afterAll(async () => {
  await gateway?.close();
  await subgraph?.close();
  if (replica.server.listening) await replicaRunning.close();
});

it('is ready when synced, fresh and the upstream answers; the gateway says so', async () => {
  const { status, body } = await readyOf(subgraph.url);
  expect(status).toBe(200);
  expect(body).toMatchObject({ status: 'ready', reasons: [], store: { engine: 'postgres' }, sources: [{ key: 'ahjo', synced: true }] });
  expect(body.upstreams).toEqual([expect.objectContaining({ key: 'ahjo', synced: true, fresh: true, reachable: true, reasons: [] })]);
  const g = await gatewayReady();
  expect(g.status).toBe('ready');
  expect(g.cities).toEqual([expect.objectContaining({ id: 'helsinki', reachable: true, ready: true })]);
});

it('turns not ready, naming the upstream and why, while its replica is down; queries answer from the store; ready again once it is back', async () => {
  const port = replicaRunning.port;
  await replicaRunning.close();
  try {
    const down = await until('the subgraph to turn not ready', async () => {
      const r = await readyOf(subgraph.url);
      return r.status === 503 && r;
    });
    const reason = `Ahjo REST API unreachable: ECONNREFUSED (nothing listens there) at ${upstreamUrl}`;
    expect(down.body).toMatchObject({ status: 'not ready', reasons: [reason], sources: [{ key: 'ahjo', synced: true }] });
    expect(down.body.upstreams).toEqual([expect.objectContaining({ key: 'ahjo', synced: true, fresh: true, reachable: false, reasons: [reason] })]);

    // The gateway still serves (200), degraded, and says why the city is not ready.
    const g = await until('the gateway to report Helsinki not ready', async () => {
      const r = await gatewayReady();
      return r.status === 'degraded' && r;
    });
    expect(g.cities).toEqual([expect.objectContaining({ id: 'helsinki', reachable: true, ready: false, error: reason })]);
    expect((await fetch(gateway.url.replace(/\/graphql$/, '/ready'))).status).toBe(200);

    // The stored copy still answers, through the gateway and from the subgraph itself.
    for (const url of [gateway.url, subgraph.url]) {
      const res = await postGraphQL(url, '{ helsinki { decisions(first: 3) { totalCount nodes { id } } } }');
      expect(res.errors).toBeUndefined();
      expect(res.data.helsinki.decisions.nodes).toHaveLength(3);
    }
  } finally {
    replicaRunning = await replica.listen(port);
  }
  const back = await until('the subgraph to be ready again', async () => {
    const r = await readyOf(subgraph.url);
    return r.status === 200 && r;
  });
  expect(back.body).toMatchObject({ status: 'ready', reasons: [] });
  await until('the gateway to report Helsinki ready again', async () => (await gatewayReady()).status === 'ready');
});

it('is not ready when the last successful sync is older than READY_MAX_AGE_S, and ready after the next sync', async () => {
  // As a store left by a sync three hours ago (this instance's or another one's on the same database).
  const state = (await service.store.getState<UpstreamState>('ahjo'))!;
  await service.store.setState('ahjo', { ...state, lastSuccessAt: new Date(Date.now() - 3 * 3600_000 - 60_000).toISOString() });
  const stale = await readyOf(subgraph.url);
  expect(stale.status).toBe(503);
  expect(stale.body.reasons).toEqual(['Ahjo REST API: last successful sync 3 hours ago, more than READY_MAX_AGE_S=3600']);
  expect(stale.body.upstreams).toEqual([expect.objectContaining({ synced: true, fresh: false, reachable: true })]);
  const [report] = (await service.sync.runOnce())!;
  expect(report.ok).toBe(true);
  expect((await readyOf(subgraph.url)).status).toBe(200);
});

it('shares one probe of the upstream between the /ready calls of the cache period', async () => {
  // A second instance that keeps its answer a minute (every call below falls in one period), its
  // last sync ten minutes ago: fresh, and too old to count as having just reached the upstream.
  const other = await testHelsinki(upstreamUrl, { readiness: { maxAgeS: 3600, cacheMs: 60_000 } });
  const running = await other.listen(0);
  try {
    await other.sync.runOnce();
    const state = (await other.store.getState<UpstreamState>('ahjo'))!;
    await other.store.setState('ahjo', { ...state, lastSuccessAt: new Date(Date.now() - 600_000).toISOString() });
    const before = replica.requests.length;
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => readyOf(running.url)));
    const sequential = [];
    for (let i = 0; i < 5; i++) sequential.push(await readyOf(running.url));
    for (const r of [...concurrent, ...sequential]) {
      expect(r.status).toBe(200);
      expect(r.body.upstreams).toEqual([expect.objectContaining({ synced: true, fresh: true, reachable: true, probe: expect.objectContaining({ via: 'probe', status: 404 }) })]);
    }
    expect(replica.requests.slice(before)).toEqual(['GET /ahjorest/v1']);
  } finally {
    await running.close();
  }
});

it('before a first sync, is not ready without probing: the sync asking the upstream says whether it answers', async () => {
  const fresh = await testHelsinki(upstreamUrl, { readiness: { maxAgeS: 3600, cacheMs: CACHE_MS } });
  const running = await fresh.listen(0);
  try {
    const before = replica.requests.length;
    const r = await readyOf(running.url);
    expect(r.status).toBe(503);
    expect(r.body.reasons).toEqual(['Ahjo REST API: no completed sync yet']);
    expect(r.body.upstreams).toEqual([expect.objectContaining({ synced: false, reachable: null, probe: null })]);
    expect(replica.requests.slice(before)).toEqual([]);
  } finally {
    await running.close();
  }
});

it('warns at start, naming the upstream that does not answer and what the city serves meanwhile, and starts anyway', async () => {
  const port = await freePort();
  const nowhere = `http://127.0.0.1:${await freePort()}/ahjorest/v1`;
  const child = startProcess('subgraphs/ahjo/index.ts', { CITY_ID: 'helsinki', DATA_DIR: 'memory', DATABASE_URL: '', SYNC_INTERVAL_S: '0', HELSINKI_PORT: String(port), HELSINKI_AHJO_URL: nowhere, HELSINKI_AHJO_RETRIES: '0' });
  try {
    await waitFor(`http://127.0.0.1:${port}/health`);
    const warning = await until('the start-up warning', async () =>
      child.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).find((l) => l.level === 40 && /does not answer/.test(l.msg)),
    );
    expect(warning).toMatchObject({ service: 'helsinki-subgraph', upstream: 'ahjo', url: nowhere, reason: 'ECONNREFUSED (nothing listens there)' });
    expect(warning.msg).toBe(`Ahjo REST API does not answer at ${nowhere} (ECONNREFUSED (nothing listens there)); Helsinki holds no copy of it yet, so its queries fail until a sync from it completes; /ready says not ready until it answers`);
    // Pointed at another address than the live Ahjo: no token is asked for.
    expect(child.output()).not.toContain('HELSINKI_AHJO_TOKEN');
    const ready = await readyOf(`http://127.0.0.1:${port}/graphql`);
    expect(ready.status).toBe(503);
    expect(ready.body.reasons).toEqual([expect.stringMatching(/^Ahjo REST API: no completed sync yet/)]);
  } finally {
    await stopProcess(child);
  }
});
