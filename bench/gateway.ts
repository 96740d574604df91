/**
 * The gateway section of `npm run bench`: the offline graph at the replicas' own size (×1), each
 * subgraph synced into an in-memory store first (its replica answers after BENCH_LATENCY_MS, default
 * 150 ms, so a sync is as slow as a remote city; queries are answered from the stores), the gateway
 * in its own process, a cross-city workload, and wrk as the load generator. Prints upstream calls
 * per query, p50/p99 latency on first asks and warm, warm throughput, peak RSS of each process and
 * the generator's CPU; a bare node:http server returning the same bytes, with the ratio; and a soak
 * with Amsterdam's upstream failing every other 5 s (its syncs fail; its copy keeps answering).
 *
 * Replicas and subgraphs run in this process; the gateway runs as its own process (gateway/index.ts).
 */
import http from 'node:http';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { ROOT_DIR, CITIES, replicaOf } from '../schema/cities';
import { createLogger } from '../subgraphs/shared/logger';
import { createAhjoReplica } from '../subgraphs/ahjo/replica/server';
import { createNotubizReplica } from '../subgraphs/notubiz/replica/server';
import { createDecidimCityReplica, filesPathOf } from '../subgraphs/decidim/replica/server';
import { buildFromEnv as buildHelsinki } from '../subgraphs/ahjo/server';
import { buildFromEnv as buildAmsterdam } from '../subgraphs/notubiz/server';
import { buildFromEnv as buildBarcelona } from '../subgraphs/decidim/server';
import { waitForHealth } from '../subgraphs/shared/wait';
import { fmt as f, pct, peakRssMiB, freePort, rssMiB, startProcess, stopProcess, wrk } from './tools';

const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 150);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const COLD_SAMPLES = Number(process.env.BENCH_COLD_SAMPLES ?? 5);
/** Seconds of steady cross-city load while Amsterdam fails every other 5 s (0 skips the soak). */
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);
/** Seconds of the same load before the soak's "before" reading (caches fill, the heap reaches its working size). */
const SOAK_WARMUP_SECONDS = Number(process.env.BENCH_SOAK_WARMUP_SECONDS ?? 20);
/** The soak fails when a process's resident memory grows more than this after the warm-up. */
const SOAK_RSS_BOUND_MIB = Number(process.env.BENCH_SOAK_RSS_BOUND_MIB ?? 100);
/** The soak fails when the live heap (after a full GC) of the replicas + subgraphs process grows more than this. */
const SOAK_HEAP_BOUND_MIB = Number(process.env.BENCH_SOAK_HEAP_BOUND_MIB ?? 32);
const logger = createLogger('bench', 'silent');
// A full GC on demand, to measure the live heap (the process is not started with --expose-gc).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const dir = (id: string) => path.join(ROOT_DIR, replicaOf(CITIES.find((c) => c.id === id)!).defaultDir);

/** What a subgraph reads to reach its city's replica at `url` (the registry's replicaPath is the upstream's base path). */
const upstreamEnv = (id: string, url: string) => Object.fromEntries(CITIES.find((c) => c.id === id)!.upstreams.map((u) => [u.baseUrlEnv, `${new URL(url).origin}${u.replicaPath}`]));

const WORKLOAD = `query CrossCity($n: Int) {
  helsinki {
    decisions(first: $n, filter: { from: "2025-01-01", to: "2026-01-01" }) {
      totalCount nodes { id title date outcome body { name type } voteEvents { counts { option value } } }
    }
    decision(id: "{4629CBFB-D732-44BC-BE96-CC1FDD544325}") { title body { name members { role } } voteEvents { groupCounts { group option value } } }
  }
  amsterdam { decisions(first: $n, filter: { from: "2025-01-01", to: "2026-01-01" }) { totalCount nodes { id title date body { name } } } }
  barcelona { decisions(first: $n, filter: { category: "Habitatge" }) { totalCount nodes { id title date outcome voteEvents { counts { option value } } } } }
}`;

/** What the heap holds after a full collection: growth here is retained memory, not a high-water mark. */
function liveHeapMiB(): number {
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

export async function runGateway(): Promise<string[]> {
  const helsinkiReplica = createAhjoReplica({ dataDir: dir('helsinki'), timezone: CITIES.find((c) => c.id === 'helsinki')!.timezone, latencyMs: LATENCY });
  const amsterdamReplica = createNotubizReplica({ dataDir: dir('amsterdam'), zone: CITIES.find((c) => c.id === 'amsterdam')!.timezone, latencyMs: LATENCY });
  const barcelonaReplica = createDecidimCityReplica({ dataDir: dir('barcelona'), filesPath: filesPathOf(CITIES.find((c) => c.id === 'barcelona')!), latencyMs: LATENCY, decidimRateLimitPerMinute: 100 });
  const [hr, ar, br] = await Promise.all([helsinkiReplica.listen(0), amsterdamReplica.listen(0), barcelonaReplica.listen(0)]);
  // In-memory stores, synced once before the measurements (the soak syncs every 5 s, below).
  const common = { DATA_DIR: 'memory', DATABASE_URL: '', SYNC_INTERVAL_S: '0', HELSINKI_AHJO_RETRIES: '0', AMSTERDAM_NOTUBIZ_RETRIES: '0', BARCELONA_RETRIES: '0' };
  const helsinki = await buildHelsinki({ ...common, CITY_ID: 'helsinki', ...upstreamEnv('helsinki', hr.url) }, logger);
  const amsterdam = await buildAmsterdam({ ...common, CITY_ID: 'amsterdam', ...upstreamEnv('amsterdam', ar.url) }, logger);
  const barcelona = await buildBarcelona({ ...common, CITY_ID: 'barcelona', ...upstreamEnv('barcelona', br.url) }, logger);
  const [hs, as, bs] = await Promise.all([helsinki.listen(0), amsterdam.listen(0), barcelona.listen(0)]);
  const syncStarted = performance.now();
  await Promise.all([helsinki.sync.whenReady(), amsterdam.sync.whenReady(), barcelona.sync.whenReady()]);
  const syncSeconds = (performance.now() - syncStarted) / 1000;
  const upstreamCalls = () => helsinkiReplica.requests.length + amsterdamReplica.requests.length + barcelonaReplica.fileRequests.length + barcelonaReplica.decidim.requestCount;

  const port = await freePort();
  // The gateway's caches bounded at 32 MiB, so that the soak's memory bound is meaningful.
  const gateway = startProcess('gateway/index.ts', { PORT: String(port), RATE_LIMIT_PER_MINUTE: '0', CACHE_MAX_MB: '32', HELSINKI_SUBGRAPH_URL: hs.url, AMSTERDAM_SUBGRAPH_URL: as.url, BARCELONA_SUBGRAPH_URL: bs.url, REDIS_URL: '' }, 'gateway');
  const gatewayUrl = `http://127.0.0.1:${port}/graphql`;
  try {
    await waitForHealth(`http://127.0.0.1:${port}/health`);
    const ask = async (n: number) => {
      const started = performance.now();
      const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: WORKLOAD, variables: { n } }) });
      const text = await res.text();
      if (JSON.parse(text).errors) throw new Error(`workload failed: ${text.slice(0, 300)}`);
      return { ms: performance.now() - started, text, cache: res.headers.get('x-cache') };
    };

    // First asks: a page size the gateway has not seen (no response cache hit); the stores answer.
    const cold: number[] = [];
    const coldCalls: number[] = [];
    for (let i = 0; i < COLD_SAMPLES; i++) {
      const before = upstreamCalls();
      cold.push((await ask(10 + i)).ms);
      coldCalls.push(upstreamCalls() - before);
    }
    // Each city alone, for comparison: the cross-city latency should be near the slowest, not the sum.
    const perCity: Record<string, number> = {};
    for (const [i, city] of ['helsinki', 'amsterdam', 'barcelona'].entries()) {
      // The workload's branch for this city alone.
      const branch = WORKLOAD.split('\n').slice(1, -1).join('\n').split(/\n(?=  [a-z]+ \{)/).find((b) => b.trimStart().startsWith(city))!;
      const started = performance.now();
      const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `query One($n: Int) {\n${branch}\n}`, variables: { n: 30 + i } }) });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${city} alone failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
      perCity[city] = performance.now() - started;
    }
    // Warm: the same query again and again (the gateway answers from its response cache).
    const warmBody = JSON.stringify({ query: WORKLOAD, variables: { n: 20 } });
    const primed = await ask(20);
    const again = await ask(20);
    const beforeWarm = upstreamCalls();
    const warm = await wrk(gatewayUrl, { body: warmBody }, { seconds: SECONDS, connections: CONNECTIONS });
    const warmCalls = upstreamCalls() - beforeWarm;

    // The same bytes from a bare node:http server.
    const bytes = Buffer.from(primed.text);
    const bare = http.createServer((_req, res) => {
      _req.resume();
      _req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length }).end(bytes));
    });
    await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
    const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}/graphql`;
    const bareRun = await wrk(bareUrl, { body: warmBody }, { seconds: SECONDS, connections: CONNECTIONS });
    bare.close();

    // Soak: steady load with varied page sizes while Amsterdam's replica fails every other 5 s. A
    // warm-up of the same load comes first (caches fill, V8 grows its heap to its working size), so
    // that "before" is the steady state and any growth after it is what a long run would keep adding.
    const soak = { codes: new Map<string, number>(), latencies: [] as number[], rss: [] as Array<[number, number]>, rssBefore: [0, 0], rssAfter: [0, 0], heapBefore: 0, heapAfter: 0, gatewayHeap: [] as number[] };
    // The gateway's heap in use, from its Prometheus metrics (nodejs_heap_size_used_bytes).
    const gatewayHeapMiB = async () => Math.round(Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text())?.[1] ?? NaN) / 104857.6) / 10;
    if (SOAK_SECONDS > 0) {
      const flip = setInterval(() => {
        if (amsterdamReplica.faults.status) delete amsterdamReplica.faults.status;
        else amsterdamReplica.faults.status = 502;
      }, 5000);
      // Every city syncs every 5 s meanwhile: Amsterdam's fail half the time, and its answers say so (stale).
      const syncs = setInterval(() => {
        for (const s of [helsinki, amsterdam, barcelona]) void s.sync.runOnce().catch(() => undefined);
      }, 5000);
      const load = (seconds: number, record: boolean) => {
        const until = Date.now() + seconds * 1000;
        const worker = async () => {
          while (Date.now() < until) {
            const started = performance.now();
            // Random periods defeat the caches often enough for Amsterdam's failures to show.
            const day = `2025-0${1 + Math.floor(Math.random() * 9)}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
            const query = WORKLOAD.replace('query CrossCity($n: Int) {', 'query CrossCity($n: Int, $from: Date) {').replace('amsterdam { decisions(first: $n, filter: { from: "2025-01-01", to: "2026-01-01" })', 'amsterdam { decisions(first: $n, filter: { from: $from, to: "2026-01-01" })');
            const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { n: 1 + Math.floor(Math.random() * 40), from: day } }) });
            const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }>; extensions?: { stale?: unknown[] } };
            if (!record) continue;
            soak.latencies.push(performance.now() - started);
            const codes = res.status >= 500 ? [`HTTP ${res.status}`] : (body.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
            // An answer from a copy whose last sync failed says so (extensions.stale): it is data, not an error.
            for (const c of codes.length ? codes : [body.extensions?.stale?.length ? 'OK (stale)' : 'OK']) soak.codes.set(c, (soak.codes.get(c) ?? 0) + 1);
          }
        };
        return Promise.all(Array.from({ length: 8 }, worker));
      };
      await load(SOAK_WARMUP_SECONDS, false);
      soak.rssBefore = [rssMiB(gateway.pid!), rssMiB(process.pid)];
      soak.heapBefore = liveHeapMiB();
      const sampler = setInterval(() => {
        soak.rss.push([rssMiB(gateway.pid!), rssMiB(process.pid)]);
        gatewayHeapMiB().then((h) => soak.gatewayHeap.push(h), () => undefined);
      }, 10000);
      await load(SOAK_SECONDS, true);
      clearInterval(sampler);
      clearInterval(flip);
      clearInterval(syncs);
      delete amsterdamReplica.faults.status;
      soak.rssAfter = [rssMiB(gateway.pid!), rssMiB(process.pid)];
      soak.heapAfter = liveHeapMiB();
    }

    const lines = [
      `gateway: replicas at ×1 answering after ${LATENCY} ms per upstream call, wrk -t1 -c${CONNECTIONS} -d${SECONDS}s, response ${bytes.length} bytes`,
      `first sync of the three in-memory stores: ${f(syncSeconds)} s`,
      `first asks (gateway caches empty, ${COLD_SAMPLES} samples): upstream calls per query ${coldCalls.join(', ')}; latency p50 ${f(pct(cold, 50))} ms, p99 ${f(pct(cold, 99))} ms`,
      `first asks, one city at a time: helsinki ${f(perCity.helsinki)} ms, amsterdam ${f(perCity.amsterdam)} ms, barcelona ${f(perCity.barcelona)} ms (slowest ${f(Math.max(...Object.values(perCity)))} ms; sum ${f(Object.values(perCity).reduce((a, b) => a + b, 0))} ms)`,
      `warm (x-cache ${again.cache}): upstream calls during ${SECONDS} s of load: ${warmCalls}; latency p50 ${f(warm.p50ms, 2)} ms, p99 ${f(warm.p99ms, 2)} ms; throughput ${f(warm.rps, 0)} req/s; failed ${warm.errors} of ${warm.requests}`,
      `bare node:http, same bytes: ${f(bareRun.rps, 0)} req/s, p50 ${f(bareRun.p50ms, 2)} ms; gateway/bare throughput ratio ${f(warm.rps / bareRun.rps, 2)}`,
      `load generator (wrk) CPU: ${f(warm.cpuSeconds, 2)} s over ${SECONDS} s against the gateway, ${f(bareRun.cpuSeconds, 2)} s against the bare server`,
      `peak RSS: gateway process ${f(peakRssMiB(gateway.pid!))} MiB; replicas + subgraphs process ${f(process.resourceUsage().maxRSS / 1024)} MiB`,
      ...(SOAK_SECONDS > 0
        ? [
            `soak (${SOAK_SECONDS} s, 8 clients; every city syncs every 5 s, Amsterdam's upstream failing every other 5 s): ${soak.latencies.length} requests; answers by code ${[...soak.codes].map(([c, n]) => `${c} ${n}`).join(', ')}; latency p50 ${f(pct(soak.latencies, 50))} ms, p99 ${f(pct(soak.latencies, 99))} ms`,
            `soak RSS after a ${SOAK_WARMUP_SECONDS} s warm-up → at the end: gateway ${f(soak.rssBefore[0])} → ${f(soak.rssAfter[0])} MiB, replicas + subgraphs ${f(soak.rssBefore[1])} → ${f(soak.rssAfter[1])} MiB (bound: +${SOAK_RSS_BOUND_MIB} MiB)`,
            `soak RSS every 10 s (gateway / replicas + subgraphs): ${soak.rss.map(([g, s]) => `${f(g, 0)}/${f(s, 0)}`).join(', ')} MiB`,
            `soak gateway heap in use every 10 s (from /metrics, not collected first): ${soak.gatewayHeap.map((h) => f(h, 0)).join(', ')} MiB`,
            `soak live heap after a full GC, replicas + subgraphs: ${f(soak.heapBefore)} → ${f(soak.heapAfter)} MiB (bound: +${SOAK_HEAP_BOUND_MIB} MiB)`,
          ]
        : []),
      '',
      'targets:',
      `  first asks make 0 upstream calls (the stores answer) .... ${coldCalls.every((n) => n === 0) ? 'met' : 'NOT met'}`,
      `  warm identical query makes 0 upstream calls ............ ${warmCalls === 0 ? 'met' : 'NOT met'}`,
      `  warm p50 under 5 ms ..................................... ${warm.p50ms < 5 ? 'met' : 'NOT met'}`,
      `  warm throughput at least half of the bare server's ...... ${warm.rps >= bareRun.rps / 2 ? 'met' : 'NOT met'}`,
      `  first-ask latency near the slowest city, not the sum .... ${pct(cold, 50) < 0.75 * Object.values(perCity).reduce((a, b) => a + b, 0) ? 'met' : 'NOT met'}`,
    ];
    if (SOAK_SECONDS > 0) {
      const grew = Math.max(soak.rssAfter[0] - soak.rssBefore[0], soak.rssAfter[1] - soak.rssBefore[1]);
      const heapGrew = soak.heapAfter - soak.heapBefore;
      const signed = (n: number) => `${n >= 0 ? '+' : ''}${f(n)}`;
      lines.push(`  soak: no 5xx, every error coded ......................... ${[...soak.codes.keys()].every((c) => !c.startsWith('HTTP') && c !== 'NO_CODE' && c !== 'INTERNAL_SERVER_ERROR') ? 'met' : 'NOT met'}`);
      lines.push(`  soak: RSS growth within ${SOAK_RSS_BOUND_MIB} MiB per process ............ ${grew <= SOAK_RSS_BOUND_MIB ? 'met' : 'NOT met'} (${signed(grew)} MiB)`);
      lines.push(`  soak: live heap growth within ${SOAK_HEAP_BOUND_MIB} MiB .................. ${heapGrew <= SOAK_HEAP_BOUND_MIB ? 'met' : 'NOT met'} (${signed(heapGrew)} MiB)`);
    }
    return lines;
  } finally {
    await stopProcess(gateway);
    await Promise.all([hs.close(), as.close(), bs.close(), hr.close(), ar.close(), br.close()]);
  }
}

