/**
 * The gateway as a process (gateway/index.ts): liveness, readiness with per-city reachability,
 * structured JSON logs, and a graceful shutdown on SIGTERM that lets an in-flight query finish.
 */
import { createAhjoReplica } from '../../subgraphs/helsinki/replica/server';
import { buildHelsinkiSubgraph } from '../../subgraphs/helsinki/server';
import type { RunningService } from '../../subgraphs/shared/server';
import { DEFAULT_DATA_DIR, logger, postGraphQL } from './harness';
import { freePort, startProcess, stopProcess, waitFor } from './process';

let replica: RunningService;
let subgraph: RunningService;

beforeAll(async () => {
  // A slow city: every Ahjo answer takes 700 ms.
  replica = await createAhjoReplica({ dataDir: DEFAULT_DATA_DIR, latencyMs: 700 }).listen(0);
  const service = await buildHelsinkiSubgraph({ ahjoBaseUrl: replica.url, timeoutMs: 5000, retries: 0, pageSize: 1000, maxPages: 5, userAgent: 'test' }, logger);
  subgraph = await service.listen(0);
});

afterAll(async () => {
  await subgraph.close();
  await replica.close();
});

it('is alive, ready, logs JSON, and drains an in-flight query on SIGTERM', async () => {
  const port = await freePort();
  const AMSTERDAM_URL = `http://127.0.0.1:${await freePort()}/graphql`;
  const gateway = startProcess('gateway/index.ts', { PORT: String(port), HELSINKI_SUBGRAPH_URL: subgraph.url, AMSTERDAM_SUBGRAPH_URL: AMSTERDAM_URL });
  try {
    await waitFor(`http://127.0.0.1:${port}/health`);
    const ready = (await (await fetch(`http://127.0.0.1:${port}/ready`)).json()) as { cities: unknown[] };
    expect(ready).toMatchObject({ status: 'ready', supergraph: 'loaded' });
    expect(ready.cities).toContainEqual({ id: 'helsinki', url: subgraph.url, reachable: true, latencyMs: expect.any(Number) });
    // Amsterdam's subgraph is not started here: readiness says so, and the gateway is still ready.
    expect(ready.cities).toContainEqual(expect.objectContaining({ id: 'amsterdam', url: AMSTERDAM_URL, reachable: false }));

    const inFlight = postGraphQL(`http://127.0.0.1:${port}/graphql`, '{ helsinki { decisions(first: 1) { totalCount } } }');
    await new Promise((r) => setTimeout(r, 300));
    const exited = stopProcess(gateway, 'SIGTERM');
    const res = await inFlight;
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
    expect(await exited).toBe(0);

    const lines = gateway.output().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toContainEqual(expect.objectContaining({ service: 'gateway', msg: 'gateway listening' }));
    expect(lines).toContainEqual(expect.objectContaining({ service: 'gateway', msg: 'shutting down', signal: 'SIGTERM' }));
  } finally {
    await stopProcess(gateway, 'SIGKILL');
  }
}, 60000);
