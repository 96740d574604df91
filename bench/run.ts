/**
 * `npm run bench`: the offline graph with replicas that answer after a realistic delay
 * (BENCH_LATENCY_MS, default 150 ms per upstream call), a cross-city workload, and wrk as the load
 * generator. Prints upstream calls per query cold and warm, p50/p99 latency cold and warm, warm
 * throughput, peak RSS of each process and the generator's CPU; and, in the same run, a bare
 * node:http server returning the same response bytes, with the ratio. Bounded: BENCH_SECONDS of load
 * per measurement (default 10).
 *
 * Replicas and subgraphs run in this process; the gateway runs as its own process (gateway/index.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { ROOT_DIR, CITIES } from '../schema/cities';
import { createLogger } from '../subgraphs/shared/logger';
import { createAhjoReplica } from '../subgraphs/helsinki/replica/server';
import { createNotubizReplica } from '../subgraphs/amsterdam/replica/server';
import { createBarcelonaReplica } from '../subgraphs/barcelona/replica/server';
import { buildHelsinkiSubgraph } from '../subgraphs/helsinki/server';
import { buildAmsterdamSubgraph } from '../subgraphs/amsterdam/server';
import { buildBarcelonaSubgraph } from '../subgraphs/barcelona/server';
import { waitForHealth } from '../subgraphs/shared/wait';

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
const dir = (id: string) => path.join(ROOT_DIR, CITIES.find((c) => c.id === id)!.replica.defaultDir);

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

function requireWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (err) {
    // wrk prints its version and exits 1; only a missing binary is fatal.
    if ((err as { code?: string }).code === 'ENOENT') {
      console.error('wrk is not installed. Install it with: apt-get install -y wrk  (Debian package)');
      process.exit(1);
    }
  }
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface WrkResult {
  rps: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  cpuSeconds: number;
}

/** Runs wrk with a POST body; CPU of wrk itself from bash's `time`. */
function wrk(url: string, body: string): Promise<WrkResult> {
  const script = path.join(os.tmpdir(), `bench-${process.pid}.lua`);
  fs.writeFileSync(script, `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ${JSON.stringify(body)}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `TIMEFORMAT='cpu %U %S'; time wrk -t1 -c${CONNECTIONS} -d${SECONDS}s --latency -s ${script} ${url}`]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', () => {
      const num = (re: RegExp) => Number(out.match(re)?.[1] ?? NaN);
      const ms = (re: RegExp) => {
        const m = out.match(re);
        if (!m) return NaN;
        const v = Number(m[1]);
        return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
      };
      const cpu = out.match(/cpu ([\d.]+) ([\d.]+)/);
      resolve({
        rps: num(/Requests\/sec:\s+([\d.]+)/),
        p50ms: ms(/50%\s+([\d.]+)(us|ms|s)/),
        p99ms: ms(/99%\s+([\d.]+)(us|ms|s)/),
        errors: num(/Non-2xx or 3xx responses: (\d+)/) || 0,
        cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
      });
    });
  });
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
}

/** What the heap holds after a full collection: growth here is retained memory, not a high-water mark. */
function liveHeapMiB(): number {
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

function peakRssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024;
}

async function main(): Promise<void> {
  requireWrk();
  const helsinkiReplica = createAhjoReplica({ dataDir: dir('helsinki'), latencyMs: LATENCY });
  const amsterdamReplica = createNotubizReplica({ dataDir: dir('amsterdam'), latencyMs: LATENCY });
  const barcelonaReplica = createBarcelonaReplica({ dataDir: dir('barcelona'), latencyMs: LATENCY, decidimRateLimitPerMinute: 100 });
  const [hr, ar, br] = await Promise.all([helsinkiReplica.listen(0), amsterdamReplica.listen(0), barcelonaReplica.listen(0)]);
  // Caches bounded at 32 MiB each (the gateway's too, below), so that the soak's memory bound is meaningful.
  const cache = { maxEntries: 10000, maxBytes: 32 * 1024 * 1024, timeoutMs: 250 };
  const helsinki = await buildHelsinkiSubgraph({ ahjoBaseUrl: hr.url, timeoutMs: 10000, retries: 0, pageSize: 1000, maxPages: 50, userAgent: 'bench', cache }, logger);
  const amsterdam = await buildAmsterdamSubgraph({ notubizBaseUrl: ar.url, timeoutMs: 10000, retries: 0, maxPages: 50, userAgent: 'bench', cache }, logger);
  const barcelona = await buildBarcelonaSubgraph({ plenaryBaseUrl: `${br.url}/sites/default/files/votacions_plenari`, decidimUrl: `${br.url}/api`, timeoutMs: 10000, plenaryRecheckMs: 300000, decidimRequestsPerMinute: 90, decidimCacheMs: 300000, userAgent: 'bench', cache }, logger);
  const [hs, as, bs] = await Promise.all([helsinki.listen(0), amsterdam.listen(0), barcelona.listen(0)]);
  const upstreamCalls = () => helsinkiReplica.requests.length + amsterdamReplica.requests.length + barcelonaReplica.fileRequests.length + barcelonaReplica.decidim.requestCount;
  const clearCaches = async () => {
    await helsinki.cache?.keyv.clear();
    await amsterdam.cache?.keyv.clear();
    await barcelona.plenary.clear();
    await barcelona.decidim.clear();
  };

  const port = 4900 + Math.floor(Math.random() * 90);
  const gateway = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'gateway/index.ts')], {
    cwd: ROOT_DIR,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', CACHE_MAX_MB: '32', HELSINKI_SUBGRAPH_URL: hs.url, AMSTERDAM_SUBGRAPH_URL: as.url, BARCELONA_SUBGRAPH_URL: bs.url, REDIS_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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

    // Cold: empty upstream caches, and a page size the gateway has not cached yet.
    const cold: number[] = [];
    const coldCalls: number[] = [];
    let duplicateCalls = 0;
    for (let i = 0; i < COLD_SAMPLES; i++) {
      await clearCaches();
      const before = upstreamCalls();
      const marks = [helsinkiReplica.requests.length, amsterdamReplica.requests.length, barcelonaReplica.fileRequests.length];
      cold.push((await ask(10 + i)).ms);
      coldCalls.push(upstreamCalls() - before);
      // Every call of a cold query should fetch a resource it has not fetched yet.
      const made = [
        ...helsinkiReplica.requests.slice(marks[0]),
        ...amsterdamReplica.requests.slice(marks[1]),
        ...barcelonaReplica.fileRequests.slice(marks[2]).map((r) => r.path),
      ];
      duplicateCalls += made.length - new Set(made).size;
    }
    // The slowest city alone, cold, for comparison: latency should be near it, not the sum.
    await clearCaches();
    const perCity: Record<string, number> = {};
    for (const city of ['helsinki', 'amsterdam', 'barcelona']) {
      // The workload's branch for this city alone.
      const branch = WORKLOAD.split('\n').slice(1, -1).join('\n').split(/\n(?=  [a-z]+ \{)/).find((b) => b.trimStart().startsWith(city))!;
      const started = performance.now();
      const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `query One($n: Int) {\n${branch}\n}`, variables: { n: 30 } }) });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`${city} alone failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
      perCity[city] = performance.now() - started;
      await clearCaches();
    }
    // Warm: the same query again and again (the gateway answers from its response cache).
    const warmBody = JSON.stringify({ query: WORKLOAD, variables: { n: 20 } });
    const primed = await ask(20);
    const again = await ask(20);
    const beforeWarm = upstreamCalls();
    const warm = await wrk(gatewayUrl, warmBody);
    const warmCalls = upstreamCalls() - beforeWarm;

    // The same bytes from a bare node:http server.
    const bytes = Buffer.from(primed.text);
    const bare = http.createServer((_req, res) => {
      _req.resume();
      _req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length }).end(bytes));
    });
    await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
    const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}/graphql`;
    const bareRun = await wrk(bareUrl, warmBody);
    bare.close();

    // Soak: steady load with varied page sizes while Amsterdam's replica fails every other 5 s. A
    // warm-up of the same load comes first (caches fill, V8 grows its heap to its working size), so
    // that "before" is the steady state and any growth after it is what a long run would keep adding.
    const soak = { codes: new Map<string, number>(), latencies: [] as number[], rss: [] as Array<[number, number]>, rssBefore: [0, 0], rssAfter: [0, 0], heapBefore: 0, heapAfter: 0, gatewayHeap: [] as number[] };
    const gatewayHeapMiB = async () => ((await (await fetch(`http://127.0.0.1:${port}/metrics`)).json()) as { memory: { heapUsedMiB: number } }).memory.heapUsedMiB;
    if (SOAK_SECONDS > 0) {
      const flip = setInterval(() => {
        if (amsterdamReplica.faults.status) delete amsterdamReplica.faults.status;
        else amsterdamReplica.faults.status = 502;
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
            const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
            if (!record) continue;
            soak.latencies.push(performance.now() - started);
            const codes = res.status >= 500 ? [`HTTP ${res.status}`] : (body.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
            for (const c of codes.length ? codes : ['OK']) soak.codes.set(c, (soak.codes.get(c) ?? 0) + 1);
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
      delete amsterdamReplica.faults.status;
      soak.rssAfter = [rssMiB(gateway.pid!), rssMiB(process.pid)];
      soak.heapAfter = liveHeapMiB();
    }

    const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
    const lines = [
      `City Decision Graph benchmark — ${LATENCY} ms per upstream call, wrk -t1 -c${CONNECTIONS} -d${SECONDS}s, response ${bytes.length} bytes`,
      '',
      `cold (empty caches, ${COLD_SAMPLES} samples): upstream calls per query ${coldCalls.join(', ')} (repeated fetches of one resource: ${duplicateCalls}); latency p50 ${f(pct(cold, 50))} ms, p99 ${f(pct(cold, 99))} ms`,
      `cold, one city at a time: helsinki ${f(perCity.helsinki)} ms, amsterdam ${f(perCity.amsterdam)} ms, barcelona ${f(perCity.barcelona)} ms (slowest ${f(Math.max(...Object.values(perCity)))} ms; sum ${f(Object.values(perCity).reduce((a, b) => a + b, 0))} ms)`,
      `warm (x-cache ${again.cache}): upstream calls during ${SECONDS} s of load: ${warmCalls}; latency p50 ${f(warm.p50ms, 2)} ms, p99 ${f(warm.p99ms, 2)} ms; throughput ${f(warm.rps, 0)} req/s; non-2xx ${warm.errors}`,
      `bare node:http, same bytes: ${f(bareRun.rps, 0)} req/s, p50 ${f(bareRun.p50ms, 2)} ms; gateway/bare throughput ratio ${f(warm.rps / bareRun.rps, 2)}`,
      `load generator (wrk) CPU: ${f(warm.cpuSeconds, 2)} s over ${SECONDS} s against the gateway, ${f(bareRun.cpuSeconds, 2)} s against the bare server`,
      `peak RSS: gateway process ${f(peakRssMiB(gateway.pid!))} MiB; replicas + subgraphs process ${f(process.resourceUsage().maxRSS / 1024)} MiB`,
      ...(SOAK_SECONDS > 0
        ? [
            `soak (${SOAK_SECONDS} s, 8 clients, Amsterdam failing every other 5 s): ${soak.latencies.length} requests; answers by code ${[...soak.codes].map(([c, n]) => `${c} ${n}`).join(', ')}; latency p50 ${f(pct(soak.latencies, 50))} ms, p99 ${f(pct(soak.latencies, 99))} ms`,
            `soak RSS after a ${SOAK_WARMUP_SECONDS} s warm-up → at the end: gateway ${f(soak.rssBefore[0])} → ${f(soak.rssAfter[0])} MiB, replicas + subgraphs ${f(soak.rssBefore[1])} → ${f(soak.rssAfter[1])} MiB (bound: +${SOAK_RSS_BOUND_MIB} MiB)`,
            `soak RSS every 10 s (gateway / replicas + subgraphs): ${soak.rss.map(([g, s]) => `${f(g, 0)}/${f(s, 0)}`).join(', ')} MiB`,
            `soak gateway heap in use every 10 s (from /metrics, not collected first): ${soak.gatewayHeap.map((h) => f(h, 0)).join(', ')} MiB`,
            `soak live heap after a full GC, replicas + subgraphs: ${f(soak.heapBefore)} → ${f(soak.heapAfter)} MiB (bound: +${SOAK_HEAP_BOUND_MIB} MiB)`,
          ]
        : []),
      '',
      'targets:',
      `  a cold query fetches each upstream resource once ........ ${duplicateCalls === 0 ? 'met' : 'NOT met'}`,
      `  warm identical query makes 0 upstream calls ............ ${warmCalls === 0 ? 'met' : 'NOT met'}`,
      `  warm p50 under 5 ms ..................................... ${warm.p50ms < 5 ? 'met' : 'NOT met'}`,
      `  warm throughput at least half of the bare server's ...... ${warm.rps >= bareRun.rps / 2 ? 'met' : 'NOT met'}`,
      `  cold latency near the slowest city, not the sum .......... ${pct(cold, 50) < 0.75 * Object.values(perCity).reduce((a, b) => a + b, 0) ? 'met' : 'NOT met'}`,
    ];
    if (SOAK_SECONDS > 0) {
      const grew = Math.max(soak.rssAfter[0] - soak.rssBefore[0], soak.rssAfter[1] - soak.rssBefore[1]);
      const heapGrew = soak.heapAfter - soak.heapBefore;
      const signed = (n: number) => `${n >= 0 ? '+' : ''}${f(n)}`;
      lines.push(`  soak: no 5xx, every error coded ......................... ${[...soak.codes.keys()].every((c) => !c.startsWith('HTTP') && c !== 'NO_CODE' && c !== 'INTERNAL_SERVER_ERROR') ? 'met' : 'NOT met'}`);
      lines.push(`  soak: RSS growth within ${SOAK_RSS_BOUND_MIB} MiB per process ............ ${grew <= SOAK_RSS_BOUND_MIB ? 'met' : 'NOT met'} (${signed(grew)} MiB)`);
      lines.push(`  soak: live heap growth within ${SOAK_HEAP_BOUND_MIB} MiB .................. ${heapGrew <= SOAK_HEAP_BOUND_MIB ? 'met' : 'NOT met'} (${signed(heapGrew)} MiB)`);
    }
    console.log(lines.join('\n'));
  } finally {
    gateway.kill('SIGTERM');
    await Promise.all([hs.close(), as.close(), bs.close(), hr.close(), ar.close(), br.close()]);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
