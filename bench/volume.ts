/**
 * The volume section of `npm run bench`: each city's replica at ×100 (and Helsinki at ×1000), each
 * subgraph in its own process over a fresh PGlite store. Measures the initial sync (process start to
 * `/ready` 200), the subgraph's memory, p50/p99 at the subgraph of a page, a text search and a year's
 * count, the README's cross-city queries through the gateway with its caches off, and uncached
 * cross-city throughput (every request a different page size and period) through this gateway and
 * through stock `@apollo/gateway` + `@apollo/server` over the same subgraphs. Prints a table, each
 * figure against its target.
 *
 * Settings: BENCH_VOLUME (default DEFAULT_SCENARIOS below: `city:scale`, on PGlite, or
 * `city:scale:postgres`, on the PostgreSQL at BENCH_DATABASE_URL; the cross-city part runs when
 * every city has a PGlite entry with the same scale, the first such scale),
 * BENCH_VOLUME_SAMPLES (queries of each kind, default 60), BENCH_SECONDS and BENCH_CONNECTIONS (wrk).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { CITIES, ROOT_DIR, type CityEntry, replicaOf } from '../schema/cities';
import { createAhjoReplica } from '../subgraphs/ahjo/replica/server';
import { createNotubizReplica } from '../subgraphs/notubiz/replica/server';
import { createDecidimCityReplica, filesPathOf } from '../subgraphs/decidim/replica/server';
import { createOParlReplica } from '../subgraphs/oparl/replica/server';
import { waitForHealth } from '../subgraphs/shared/wait';
import { ask, cpuSeconds, fmt, freePort, peakRssMiB, pct, rssMiB, startProcess, stopProcess, wrk, type WrkResult } from './tools';

// Every registry city at ×100 (Willich's OParl replica has no scale knob: ×1), then Helsinki on PostgreSQL and at ×1000.
const DEFAULT_SCENARIOS = 'helsinki:100,amsterdam:100,denhaag:100,barcelona:100,terrassa:100,willich:1,helsinki:100:postgres,helsinki:1000';
const SAMPLES = Number(process.env.BENCH_VOLUME_SAMPLES ?? 60);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

/** Words each city's data holds (checked on the replicas' base data), searched in turn. */
const SEARCH_WORDS: Record<string, string[]> = {
  helsinki: ['asunto', 'koulu', 'liikenne', 'kaava'],
  amsterdam: ['woning', 'verkeer', 'school', 'begroting'],
  barcelona: ['habitatge', 'mobilitat', 'pressupost', 'districte'],
  denhaag: ['woning', 'verkeer', 'school', 'begroting'],
  terrassa: ['habitatge', 'mobilitat', 'escola', 'parc'],
  willich: ['bebauungsplan', 'haushalt', 'schule', 'straße'],
};

const TARGETS = {
  syncSeconds: 60,
  rssMiB: 400,
  p50At100: 50,
  p50At1000: 150,
  throughput: 300,
  statsP50: 100,
  exportRssGrowthMiB: 100,
};

/** A replica in this process: its URL and how many upstream calls it has answered. */
interface Replica {
  url: string;
  calls(): number;
  close(): Promise<void>;
}

async function startReplica(cityId: string, scale: number): Promise<Replica> {
  const city = CITIES.find((c) => c.id === cityId)!;
  const dataDir = path.join(ROOT_DIR, replicaOf(city).defaultDir);
  switch (city.adapter?.name) {
    case 'ahjo': {
      const r = createAhjoReplica({ dataDir, timezone: city.timezone, scale });
      const running = await r.listen(0);
      // Its URL includes Ahjo's base path; the registry's replicaPath adds it again.
      return { url: new URL(running.url).origin, calls: () => r.requests.length, close: running.close };
    }
    case 'notubiz': {
      const r = createNotubizReplica({ dataDir, zone: city.timezone, scale });
      const running = await r.listen(0);
      return { url: running.url, calls: () => r.requests.length, close: running.close };
    }
    case 'oparl': {
      // The OParl replica serves its data as it is (no scale knob): the bench says ×1 for it.
      const r = createOParlReplica({ dataDir });
      const running = await r.listen(0);
      // Its URL includes OParl's base path; the registry's replicaPath adds it again.
      return { url: new URL(running.url).origin, calls: () => r.requests.length, close: running.close };
    }
    default: {
      // Decidim's own throttle (100 requests a minute per client, Rack::Attack's default in Decidim) stays on.
      const r = createDecidimCityReplica({ dataDir, filesPath: filesPathOf(city), scale });
      const running = await r.listen(0);
      return { url: running.url, calls: () => r.fileRequests.length + r.decidim.requestCount, close: running.close };
    }
  }
}

type Engine = 'pglite' | 'postgres';
/** The PostgreSQL of `city:scale:postgres` scenarios. */
const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

interface RunningCity {
  city: CityEntry;
  scale: number;
  engine: Engine;
  /** The PostgreSQL schema to drop afterwards. */
  schema?: string;
  replica: Replica;
  child: ChildProcess;
  url: string;
  dataDir: string;
}

interface CityFigures {
  city: string;
  scale: number;
  engine: Engine;
  records: number;
  syncSeconds: number;
  sourceSeconds: Record<string, number>;
  upstreamCallsForSync: number;
  /** CPU seconds spent during the first sync by the subgraph process and by the replica (this process). */
  syncCpu: { subgraph: number; replica: number };
  rssAfterSync: number;
  peakRss: number;
  page: number[];
  text: number[];
  year: number[];
  upstreamCallsForQueries: number;
  failures: string[];
}

async function startCity(cityId: string, scale: number, engine: Engine): Promise<{ running: RunningCity; figures: CityFigures }> {
  const city = CITIES.find((c) => c.id === cityId)!;
  const replica = await startReplica(cityId, scale);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${cityId}-x${scale}-`));
  const subgraphPort = await freePort();
  // On PostgreSQL, a schema of the bench's own, dropped afterwards.
  const schemaPrefix = `bench_${process.pid}_`;
  const env: NodeJS.ProcessEnv = {
    // Several cities may share an adapter's entry: say which one.
    CITY_ID: cityId,
    [`${cityId.toUpperCase()}_PORT`]: String(subgraphPort),
    DATA_DIR: dataDir,
    DATABASE_URL: engine === 'postgres' ? DATABASE_URL : '',
    DATABASE_SCHEMA_PREFIX: schemaPrefix,
    // One sync only during the measurements: the next is an hour away.
    SYNC_INTERVAL_S: '3600',
  };
  for (const upstream of city.upstreams) env[upstream.baseUrlEnv] = `${replica.url}${upstream.replicaPath}`;
  const started = performance.now();
  const replicaCpu = process.cpuUsage();
  const child = startProcess(city.subgraph.entry, env, `${cityId} subgraph`);
  const base = `http://127.0.0.1:${subgraphPort}`;
  await waitForHealth(`${base}/health`, 120000);
  let ready: { sources?: Array<{ key: string; recordsHeld?: number; lastSuccessAt?: string; lastError?: { message: string } | null }> } = {};
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${cityId} subgraph exited during its first sync`);
    const res = await fetch(`${base}/ready`).catch(() => undefined);
    if (res) ready = (await res.json()) as typeof ready;
    if (res?.ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const syncSeconds = (performance.now() - started) / 1000;
  const spent = process.cpuUsage(replicaCpu);
  const startedAt = Date.now() - syncSeconds * 1000;
  const figures: CityFigures = {
    city: cityId,
    scale,
    engine,
    records: (ready.sources ?? []).reduce((n, s) => n + (s.recordsHeld ?? 0), 0),
    syncSeconds,
    sourceSeconds: Object.fromEntries((ready.sources ?? []).map((s) => [s.key, (Date.parse(s.lastSuccessAt ?? '') - startedAt) / 1000])),
    upstreamCallsForSync: replica.calls(),
    syncCpu: { subgraph: cpuSeconds(child.pid!), replica: (spent.user + spent.system) / 1e6 },
    rssAfterSync: rssMiB(child.pid!),
    peakRss: NaN,
    page: [],
    text: [],
    year: [],
    upstreamCallsForQueries: 0,
    failures: [],
  };
  return { running: { city, scale, engine, replica, child, url: `${base}/graphql`, dataDir, schema: engine === 'postgres' ? `${schemaPrefix}${cityId}` : undefined }, figures };
}

/** Page, text search and year count at the subgraph, each SAMPLES times with different arguments. */
async function measureCity(running: RunningCity, figures: CityFigures): Promise<void> {
  const root = running.city.id;
  const pageQuery = `query Page($n: Int, $after: String) { ${root} { decisions(first: $n, after: $after) { totalCount pageInfo { endCursor } nodes { id title date outcome } } } }`;
  const textQuery = `query Text($text: String, $n: Int) { ${root} { decisions(first: $n, filter: { text: $text }) { totalCount nodes { id title date } } } }`;
  const yearQuery = `query Year($from: Date, $to: Date) { ${root} { decisions(first: 0, filter: { from: $from, to: $to }) { totalCount } } }`;
  const calls = running.replica.calls();
  const record = (into: number[], answer: Awaited<ReturnType<typeof ask>>, what: string) => {
    if (answer.body.errors) figures.failures.push(`${what}: ${answer.body.errors[0].message}`);
    into.push(answer.ms);
  };
  // A few unmeasured queries first (the subgraph's first queries plan and load its code).
  for (let i = 0; i < 3; i++) await ask(running.url, pageQuery, { n: 10 });
  let after: string | null = null;
  for (let i = 0; i < SAMPLES; i++) {
    // Every other page continues from the last one: a newest-first page and the pages after it.
    const a = await ask(running.url, pageQuery, { n: 5 + (i % 36), after: i % 2 ? after : null });
    record(figures.page, a, 'page');
    after = ((a.body.data as Record<string, { decisions: { pageInfo: { endCursor: string | null } } }> | undefined)?.[root]?.decisions.pageInfo.endCursor) ?? null;
    const words = SEARCH_WORDS[root];
    record(figures.text, await ask(running.url, textQuery, { text: words[i % words.length], n: 5 + (i % 16) }), 'text');
    const year = 2013 + (i % 13);
    record(figures.year, await ask(running.url, yearQuery, { from: `${year}-01-01`, to: `${year + 1}-01-01` }), 'year');
  }
  figures.upstreamCallsForQueries = running.replica.calls() - calls;
  figures.peakRss = peakRssMiB(running.child.pid!);
}

async function stopCity(running: RunningCity): Promise<void> {
  await stopProcess(running.child);
  await running.replica.close();
  fs.rmSync(running.dataDir, { recursive: true, force: true });
  if (running.schema) {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${running.schema} CASCADE`);
    await client.end();
  }
}

/** The README's cross-city queries, and the cross-city query the throughput runs vary. */
const README_QUERIES: Record<string, string> = {
  'three cities, text and category': `{
  helsinki { decisions(first: 5, filter: { text: "asunto" }) { totalCount nodes { id title date outcome body { name } } } }
  amsterdam { decisions(first: 5, filter: { text: "woning", from: "2024-01-01", to: "2027-01-01" }) { totalCount nodes { id title date outcome body { name } } } }
  barcelona { decisions(first: 5, filter: { category: "Habitatge" }) { totalCount nodes { id title(lang: "es") date outcome outcomeRaw voteEvents { counts { option value } groupCounts { group option } } ... on BarcelonaDecision { sessionRef groupVotes { label group option raw } } } } }
}`,
  'Helsinki and Amsterdam, one year': `{
  helsinki { decisions(first: 5, filter: { from: "2025-01-01", to: "2026-01-01" }) { totalCount nodes { id title date outcome body { name type } } } }
  amsterdam { decisions(first: 5, filter: { from: "2025-01-01", to: "2026-01-01" }) { totalCount nodes { id title date outcome body { name type } } } }
}`,
};

const UNCACHED_QUERY = `query Uncached($n: Int, $from: Date, $to: Date) {
  helsinki { decisions(first: $n, filter: { from: $from, to: $to }) { totalCount nodes { id title date outcome body { name type } } } }
  amsterdam { decisions(first: $n, filter: { from: $from, to: $to }) { totalCount nodes { id title date outcome body { name type } } } }
  barcelona { decisions(first: $n, filter: { from: $from, to: $to }) { totalCount nodes { id title date outcome voteEvents { counts { option value } } } } }
}`;

/** wrk's Lua for requests that all differ: page size 1–37 and a one-year period moving a day each request. */
const UNCACHED_LUA = `wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local query = [==[${JSON.stringify(UNCACHED_QUERY)}]==]
local counter = 0
local base = os.time({ year = 2012, month = 1, day = 1, hour = 12 })
request = function()
  counter = counter + 1
  local day = counter % 4000
  local from = os.date("!%Y-%m-%d", base + day * 86400)
  local to = os.date("!%Y-%m-%d", base + (day + 365) * 86400)
  return wrk.format(nil, nil, nil, '{"query":' .. query .. ',"variables":{"n":' .. (counter % 37 + 1) .. ',"from":"' .. from .. '","to":"' .. to .. '"}}')
end
`;

/** The cross-city counts a researcher asks for, each request a different grouping and period. */
const STATS_QUERY = `query Stats($filter: CrossCityDecisionFilter, $groupBy: [DecisionDimension!]!) {
  decisionStats(filter: $filter, groupBy: $groupBy) { totalCount buckets { city year month outcome topic bodyType count } cities { city totalCount error } }
}`;
const STATS_GROUPINGS = [['CITY', 'MONTH'], ['CITY', 'OUTCOME'], ['CITY', 'TOPIC'], ['CITY', 'YEAR', 'OUTCOME'], ['CITY', 'BODY_TYPE'], ['MONTH', 'TOPIC']];

/** The i-th stats request: groupings in turn, every city, a period of one to three years moving a year each time (or none), a topic every third. */
function statsVariables(i: number): Record<string, unknown> {
  const year = 2012 + (i % 14);
  const filter: Record<string, unknown> = i % 5 === 4 ? {} : { from: `${year}-01-01`, to: `${year + 1 + (i % 3)}-01-01` };
  if (i % 3 === 2) filter.topic = ['06', '09', '04'][i % 9 === 2 ? 0 : i % 9 === 5 ? 1 : 2];
  return { filter, groupBy: STATS_GROUPINGS[i % STATS_GROUPINGS.length] };
}

/** Downloads an export of every city's decisions, counting rows as they stream in. */
async function measureExport(base: string, format: 'csv' | 'ndjson', pid: number): Promise<ExportFigures> {
  const rssBefore = rssMiB(pid);
  const started = performance.now();
  const res = await fetch(`${base}/export/decisions.${format}`);
  if (!res.ok || !res.body) throw new Error(`export ${format}: HTTP ${res.status}`);
  const total = Number(res.headers.get('x-total-count'));
  let newlines = 0;
  let bytes = 0;
  let peak = rssBefore;
  let sampled = performance.now();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) newlines++;
    if (performance.now() - sampled > 250) {
      peak = Math.max(peak, rssMiB(pid));
      sampled = performance.now();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  // CSV has a header line (and titles never hold a bare newline outside quotes? they may: counted by X-Total-Count instead).
  const rows = format === 'ndjson' ? newlines : total;
  return { format, rows, total, seconds, mib: bytes / 1048576, rssBefore, rssPeak: Math.max(peak, rssMiB(pid)) };
}

interface ExportFigures {
  format: string;
  rows: number;
  total: number;
  seconds: number;
  mib: number;
  rssBefore: number;
  rssPeak: number;
}

interface CrossCityFigures {
  /** Each city's scale, e.g. `helsinki ×100, …, willich ×1`. */
  scales: string;
  readme: Record<string, number[]>;
  ours: WrkResult;
  oursNoCache: WrkResult;
  stock: WrkResult;
  stats: number[];
  exports: ExportFigures[];
  upstreamCalls: number;
  failures: string[];
}

async function measureCrossCity(cities: RunningCity[]): Promise<CrossCityFigures> {
  const urls = Object.fromEntries(cities.map((c) => [`${c.city.id.toUpperCase()}_SUBGRAPH_URL`, c.url]));
  const calls = () => cities.reduce((n, c) => n + c.replica.calls(), 0);
  const before = calls();
  const failures: string[] = [];
  const start = async (entry: string, env: NodeJS.ProcessEnv, health: (p: number) => Promise<void>) => {
    const p = await freePort();
    const child = startProcess(entry, { ...urls, PORT: String(p), ...env });
    await health(p);
    return { child, url: `http://127.0.0.1:${p}/graphql`, port: p };
  };
  const ourHealth = (p: number) => waitForHealth(`http://127.0.0.1:${p}/health`);
  // This gateway as deployed, but with its response and edge caches off and no rate limit.
  const uncached = await start('gateway/index.ts', { RESPONSE_CACHE: 'false', RATE_LIMIT_PER_MINUTE: '0', REDIS_URL: '' }, ourHealth);
  const readme: Record<string, number[]> = {};
  const stats: number[] = [];
  const exports: ExportFigures[] = [];
  let uncachedRun: WrkResult;
  try {
    for (const [name, query] of Object.entries(README_QUERIES)) {
      readme[name] = [];
      for (let i = 0; i < 3; i++) await ask(uncached.url, query);
      for (let i = 0; i < SAMPLES; i++) {
        const a = await ask(uncached.url, query);
        if (a.body.errors) failures.push(`${name}: ${a.body.errors[0].message}`);
        readme[name].push(a.ms);
      }
    }
    // decisionStats over every city, counted in each city's store and merged by the gateway.
    for (let i = 0; i < 3; i++) await ask(uncached.url, STATS_QUERY, statsVariables(i));
    for (let i = 0; i < SAMPLES; i++) {
      const a = await ask(uncached.url, STATS_QUERY, statsVariables(i));
      if (a.body.errors) failures.push(`decisionStats: ${a.body.errors[0].message}`);
      stats.push(a.ms);
    }
    // The export of every decision of every city, streamed.
    for (const format of ['ndjson', 'csv'] as const) {
      const e = await measureExport(uncached.url.replace(/\/graphql$/, ''), format, uncached.child.pid!);
      if (e.rows !== e.total) failures.push(`export ${format}: ${e.rows} rows of X-Total-Count ${e.total}`);
      exports.push(e);
    }
    // Throughput with the caches off too: what the caches cost when nothing repeats.
    uncachedRun = await wrk(uncached.url, { lua: UNCACHED_LUA }, { seconds: SECONDS, connections: CONNECTIONS });
  } finally {
    await stopProcess(uncached.child);
  }
  // Throughput: this gateway with its defaults (caches on, defeated by requests that all differ)…
  const ours = await start('gateway/index.ts', { RATE_LIMIT_PER_MINUTE: '0', REDIS_URL: '' }, ourHealth);
  let oursRun: WrkResult;
  try {
    await ask(ours.url, UNCACHED_QUERY, { n: 3, from: '2020-01-01', to: '2021-01-01' }).then((a) => a.body.errors && failures.push(`uncached query: ${a.body.errors[0].message}`));
    oursRun = await wrk(ours.url, { lua: UNCACHED_LUA }, { seconds: SECONDS, connections: CONNECTIONS });
  } finally {
    await stopProcess(ours.child);
  }
  // …and stock Apollo Gateway over the same subgraphs, in the same run.
  const stock = await start('bench/stock-gateway.ts', {}, async (p) => {
    const deadline = Date.now() + 60000;
    while (Date.now() < deadline) {
      const ok = await ask(`http://127.0.0.1:${p}/`, '{ __typename }').then(() => true, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('stock gateway did not start');
  });
  let stockRun: WrkResult;
  try {
    stockRun = await wrk(`http://127.0.0.1:${stock.port}/`, { lua: UNCACHED_LUA }, { seconds: SECONDS, connections: CONNECTIONS });
  } finally {
    await stopProcess(stock.child);
  }
  return { scales: cities.map((c) => `${c.city.id} ×${c.scale}`).join(', '), readme, stats, exports, ours: oursRun, oursNoCache: uncachedRun, stock: stockRun, upstreamCalls: calls() - before, failures };
}

function parseScenarios(spec: string): Array<{ city: string; scale: number; engine: Engine }> {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [city, scale, engine = 'pglite'] = s.split(':');
      if (!CITIES.some((c) => c.id === city) || !(Number(scale) >= 1) || !['pglite', 'postgres'].includes(engine)) {
        throw new Error(`BENCH_VOLUME: "${s}" is not <city>:<scale>[:pglite|:postgres] with a city of ${CITIES.map((c) => c.id).join(', ')} and a scale >= 1`);
      }
      return { city, scale: Number(scale), engine: engine as Engine };
    });
}

export async function runVolume(): Promise<string[]> {
  const scenarios = parseScenarios(process.env.BENCH_VOLUME ?? DEFAULT_SCENARIOS);
  // The cross-city part needs every registry city on PGlite: each city's first such scenario is kept
  // running until all are there.
  const crossScenario = new Map<string, number>();
  for (const [i, s] of scenarios.entries()) if (s.engine === 'pglite' && !crossScenario.has(s.city)) crossScenario.set(s.city, i);
  const crossRuns = CITIES.every((c) => crossScenario.has(c.id));
  const cityFigures: CityFigures[] = [];
  let cross: CrossCityFigures | undefined;
  const kept: RunningCity[] = [];
  try {
    for (const [i, { city, scale, engine }] of scenarios.entries()) {
      console.error(`[bench] volume: ${city} ×${scale} on ${engine}: syncing…`);
      const { running, figures } = await startCity(city, scale, engine);
      cityFigures.push(figures);
      console.error(`[bench] volume: ${city} ×${scale}: ${figures.records} records in ${fmt(figures.syncSeconds)} s; measuring queries…`);
      await measureCity(running, figures);
      if (crossRuns && crossScenario.get(city) === i) kept.push(running);
      else await stopCity(running);
      if (crossRuns && kept.length === CITIES.length && !cross) {
        console.error(`[bench] volume: cross-city over ${kept.map((k) => `${k.city.id} ×${k.scale}`).join(', ')}…`);
        cross = await measureCrossCity(kept);
        for (const k of kept.splice(0)) await stopCity(k);
      }
    }
  } finally {
    for (const k of kept) await stopCity(k);
  }
  return volumeTable(cityFigures, cross);
}

function volumeTable(cities: CityFigures[], cross: CrossCityFigures | undefined): string[] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const p50Target = (scale: number) => (scale >= 1000 ? TARGETS.p50At1000 : TARGETS.p50At100);
  const rows: string[][] = [['city', 'scale', 'store', 'records', 'initial sync', 'RSS synced / peak', 'page p50 / p99', 'text p50 / p99', 'year count p50 / p99', 'upstream calls (sync / queries)']];
  const lines: string[] = [];
  const targets: string[] = [];
  for (const c of cities) {
    const ms = (v: number[]) => `${fmt(pct(v, 50))} / ${fmt(pct(v, 99))} ms`;
    rows.push([c.city, `×${c.scale}`, c.engine, String(c.records), `${fmt(c.syncSeconds)} s`, `${fmt(c.rssAfterSync, 0)} / ${fmt(c.peakRss, 0)} MiB`, ms(c.page), ms(c.text), ms(c.year), `${c.upstreamCallsForSync} / ${c.upstreamCallsForQueries}`]);
    const limit = p50Target(c.scale);
    const slowest = Math.max(pct(c.page, 50), pct(c.text, 50), pct(c.year, 50));
    targets.push(`  ${c.city} ×${c.scale} ${c.engine}: page, text, year p50 < ${limit} ms at the subgraph .... ${verdict(slowest < limit)} (slowest ${fmt(slowest)} ms)`);
    if (c.scale === 100) {
      const sources = Object.entries(c.sourceSeconds).map(([k, s]) => `${k} ${fmt(s)} s`).join(', ');
      targets.push(`  ${c.city} ×${c.scale} ${c.engine}: initial sync < ${TARGETS.syncSeconds} s .............................. ${verdict(c.syncSeconds < TARGETS.syncSeconds)} (${fmt(c.syncSeconds)} s; by upstream: ${sources}; CPU: subgraph ${fmt(c.syncCpu.subgraph)} s, replica ${fmt(c.syncCpu.replica)} s)`);
    }
    if (c.scale >= 1000) targets.push(`  ${c.city} ×${c.scale} ${c.engine}: subgraph RSS < ${TARGETS.rssMiB} MiB .............................. ${verdict(c.peakRss < TARGETS.rssMiB)} (peak ${fmt(c.peakRss, 0)} MiB)`);
    targets.push(`  ${c.city} ×${c.scale} ${c.engine}: 0 upstream calls for lists once synced ............. ${verdict(c.upstreamCallsForQueries === 0)} (${c.upstreamCallsForQueries})`);
    for (const f of [...new Set(c.failures)]) targets.push(`  ${c.city} ×${c.scale} ${c.engine}: query FAILED: ${f}`);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  lines.push('volume: each city subgraph in its own process over a fresh PGlite store, synced from its replica at the given scale');
  lines.push(...rows.map((r) => r.map((v, i) => v.padEnd(widths[i])).join(' | ')));
  if (cross) {
    lines.push('');
    lines.push(`cross-city over ${cross.scales} (gateway process, caches off; ${SAMPLES} samples each):`);
    for (const [name, v] of Object.entries(cross.readme)) lines.push(`  README query "${name}": p50 ${fmt(pct(v, 50))} ms, p99 ${fmt(pct(v, 99))} ms`);
    lines.push(`  decisionStats, every city (groupings and periods vary): p50 ${fmt(pct(cross.stats, 50))} ms, p99 ${fmt(pct(cross.stats, 99))} ms`);
    for (const e of cross.exports) lines.push(`  export of every decision as ${e.format}: ${e.rows} rows (${fmt(e.mib)} MiB) in ${fmt(e.seconds)} s = ${fmt(e.rows / e.seconds, 0)} rows/s; gateway RSS ${fmt(e.rssBefore, 0)} → peak ${fmt(e.rssPeak, 0)} MiB`);
    targets.push(`  decisionStats over every city p50 < ${TARGETS.statsP50} ms ............................ ${verdict(pct(cross.stats, 50) < TARGETS.statsP50)} (${fmt(pct(cross.stats, 50))} ms)`);
    for (const e of cross.exports) targets.push(`  export (${e.format}) streams: gateway RSS grows < ${TARGETS.exportRssGrowthMiB} MiB over ${fmt(e.mib, 0)} MiB ........ ${verdict(e.rssPeak - e.rssBefore < TARGETS.exportRssGrowthMiB)} (+${fmt(e.rssPeak - e.rssBefore, 0)} MiB; ${fmt(e.rows / e.seconds, 0)} rows/s)`);
    lines.push(`uncached cross-city throughput (every request a different page size and period; wrk -t1 -c${CONNECTIONS} -d${SECONDS}s):`);
    lines.push(`  this gateway (defaults, caches on):      ${fmt(cross.ours.rps, 0)} req/s, p50 ${fmt(cross.ours.p50ms)} ms, p99 ${fmt(cross.ours.p99ms)} ms, failed ${cross.ours.errors} of ${cross.ours.requests}`);
    lines.push(`  this gateway, RESPONSE_CACHE=false:      ${fmt(cross.oursNoCache.rps, 0)} req/s, p50 ${fmt(cross.oursNoCache.p50ms)} ms, p99 ${fmt(cross.oursNoCache.p99ms)} ms, failed ${cross.oursNoCache.errors} of ${cross.oursNoCache.requests}`);
    lines.push(`  stock @apollo/gateway + @apollo/server:  ${fmt(cross.stock.rps, 0)} req/s, p50 ${fmt(cross.stock.p50ms)} ms, p99 ${fmt(cross.stock.p99ms)} ms, failed ${cross.stock.errors} of ${cross.stock.requests}`);
    targets.push(`  uncached cross-city throughput ≥ ${TARGETS.throughput}/s (10× the ~30/s before the stores) ... ${verdict(cross.ours.rps >= TARGETS.throughput)} (${fmt(cross.ours.rps, 0)}/s)`);
    targets.push(`  uncached cross-city throughput not below stock @apollo/gateway ..... ${verdict(cross.ours.rps >= cross.stock.rps * 0.95)} (${fmt(cross.ours.rps, 0)} vs ${fmt(cross.stock.rps, 0)}/s; within 5% counts as level)`);
    targets.push(`  every cross-city answer without errors ........................... ${verdict(!cross.failures.length && !cross.ours.errors && !cross.oursNoCache.errors && !cross.stock.errors)}${cross.failures.length ? ` (${[...new Set(cross.failures)].join('; ')})` : ''}`);
    targets.push(`  0 upstream calls during the cross-city runs ....................... ${verdict(cross.upstreamCalls === 0)} (${cross.upstreamCalls})`);
  }
  return [...lines, '', 'volume targets:', ...targets];
}
