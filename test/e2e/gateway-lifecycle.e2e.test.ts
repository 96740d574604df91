/**
 * The gateway as a process (gateway/index.ts): liveness, readiness with per-city reachability and sync,
 * structured JSON logs, and a graceful shutdown on SIGTERM that lets an in-flight query finish.
 */
import { createAhjoReplica } from '../../subgraphs/ahjo/replica/server';
import type { RunningService } from '../../subgraphs/shared/server';
import { DEFAULT_DATA_DIR, HELSINKI, postGraphQL, slowProxy, testHelsinki } from './harness';
import { freePort, startProcess, stopProcess, waitFor } from './process';

let replica: RunningService;
let direct: RunningService;
let subgraph: RunningService;

beforeAll(async () => {
  replica = await createAhjoReplica({ dataDir: DEFAULT_DATA_DIR, timezone: HELSINKI.timezone }).listen(0);
  const service = await testHelsinki(replica.url);
  await service.sync.runOnce();
  direct = await service.listen(0);
  // A slow city: every answer of its subgraph takes 700 ms.
  subgraph = await slowProxy(direct.url, 700);
});

afterAll(async () => {
  await subgraph.close();
  await direct.close();
  await replica.close();
});

it('is alive, ready, logs JSON, and drains an in-flight query on SIGTERM', async () => {
  const port = await freePort();
  const AMSTERDAM_URL = `http://127.0.0.1:${await freePort()}/graphql`;
  const gateway = startProcess('gateway/index.ts', { PORT: String(port), HELSINKI_SUBGRAPH_URL: subgraph.url, AMSTERDAM_SUBGRAPH_URL: AMSTERDAM_URL });
  try {
    await waitFor(`http://127.0.0.1:${port}/health`);
    const ready = (await (await fetch(`http://127.0.0.1:${port}/ready`)).json()) as { cities: unknown[] };
    // Amsterdam and Barcelona are not started here: the gateway serves without them (degraded).
    expect(ready).toMatchObject({ status: 'degraded', supergraph: 'loaded' });
    expect(ready.cities).toContainEqual(expect.objectContaining({ id: 'helsinki', url: subgraph.url, reachable: true, ready: true, latencyMs: expect.any(Number) }));
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
});
