/**
 * Runs the whole graph from the city registry: every city subgraph and the gateway, each in its
 * own process. `--offline` also starts each city's replica and points the subgraph at it.
 *   npm start               → subgraphs call the cities' live APIs
 *   npm run start:offline   → subgraphs call local replicas of those APIs (no network needed)
 * Each subgraph syncs its city into its store (DATA_DIR, or DATABASE_URL) in the background; the
 * graph is announced once every city's first sync is done, so the first query already has data.
 *
 * Supervision: one city must not take the graph down (issue 12: a hostile query exhausted the
 * Barcelona subgraph's heap, and everything stopped with it). A replica or subgraph that exits is
 * restarted with exponential backoff while the gateway keeps answering for the other cities (the
 * missing one's branch is null with an error naming it). Only the gateway exiting, or a child that
 * crashes START_CRASH_LIMIT times within START_CRASH_WINDOW_MS without ever having answered its
 * health check (a start-up problem a restart will not fix), stops everything. Subgraphs and the
 * gateway run under a V8 heap limit, so one that misbehaves dies early instead of swapping the host.
 * Ctrl-C (SIGINT) or SIGTERM stops every process cleanly, without restarts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { CITIES, replicaOf, ROOT_DIR, subgraphUrl, type CityEntry } from '../schema/cities';
import { waitForHealth } from '../subgraphs/shared/wait';

// ---- Configuration: every environment variable this script reads itself (dataDir() aside) ------

const offline = process.argv.includes('--offline');
/**
 * V8 heap (old space) per subgraph, MiB; 0 leaves Node's default (about 4 GiB here: issue 12's
 * subgraph reached 3.95 GB). A subgraph's JS heap peaked at 160 MiB in the backfills measured
 * (Barcelona's files at ×100, Helsinki at ×30); PGlite's WASM memory and Buffers are outside this
 * limit (they make most of the 500–1100 MiB RSS in the README's Benchmark), so 1024 leaves ample room
 * for a sync and still ends a runaway query long before the host runs out.
 */
const SUBGRAPH_MAX_HEAP_MB = intEnv('SUBGRAPH_MAX_HEAP_MB', 1024);
/** The same for the gateway (response cache up to CACHE_MAX_MB, query plans, in-flight answers). */
const GATEWAY_MAX_HEAP_MB = intEnv('GATEWAY_MAX_HEAP_MB', 2048);
const GATEWAY_PORT = intEnv('PORT', 4000);
const START_SYNC_TIMEOUT_MS = intEnv('START_SYNC_TIMEOUT_S', 600) * 1000;

/** Restart delays: the first after 0.5 s, doubling up to 30 s, back to 0.5 s once a run lasted STABLE_MS. */
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 30000;
const STABLE_MS = 60000;
const START_CRASH_LIMIT = 5;
const START_CRASH_WINDOW_MS = 60000;

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    console.error(`[start] ${name} must be a whole number (got ${JSON.stringify(raw)}).`);
    process.exit(1);
  }
  return Number(raw);
}

/** A replica's port: `<CITY>_REPLICA_PORT` (the variable the replica itself reads), else the registry's. */
function replicaPort(city: CityEntry): number {
  return intEnv(`${city.envPrefix}_REPLICA_PORT`, replicaOf(city).port);
}

/** The cities this script runs (on an adapter); a city that runs its own subgraph is reached at its URL. */
const LOCAL = CITIES.filter((c) => c.adapter);

// ---- Supervision ----------------------------------------------------------------------------------

interface Service {
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  /** --max-old-space-size in MiB; 0: Node's default. */
  heapMb: number;
  healthUrl: string;
  /** The gateway: nothing answers without it, so its exit stops everything. */
  essential: boolean;
  child?: ChildProcess;
  startedAt: number;
  /** Has answered its health check since this script started it (then crashes are not a start-up problem). */
  everHealthy: boolean;
  /** Times of exits before it ever answered, within START_CRASH_WINDOW_MS. */
  startCrashes: number[];
  nextDelayMs: number;
  restarts: number;
  restartTimer?: NodeJS.Timeout;
}

const services: Service[] = [];
let stopping = false;

function supervise(name: string, entry: string, env: NodeJS.ProcessEnv, options: { heapMb: number; healthUrl: string; essential?: boolean }): Service {
  const service: Service = { name, entry, env, ...options, essential: options.essential ?? false, startedAt: 0, everHealthy: false, startCrashes: [], nextDelayMs: BACKOFF_FIRST_MS, restarts: 0 };
  services.push(service);
  if (!stopping) launch(service);
  return service;
}

function launch(service: Service): void {
  const heap = service.heapMb ? [`--max-old-space-size=${service.heapMb}`] : [];
  const child = spawn(process.execPath, [...heap, '--import', 'tsx', path.join(ROOT_DIR, service.entry)], {
    cwd: ROOT_DIR,
    env: { ...process.env, ...service.env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  service.child = child;
  service.startedAt = Date.now();
  // The pid lets an operator (or a test) find the process behind a name.
  console.log(`[start] ${service.name} started (pid ${child.pid})${service.restarts ? `, restart ${service.restarts}` : ''}.`);
  child.on('exit', (code, signal) => onExit(service, child, code, signal));
  if (!service.everHealthy) void watchHealth(service, child);
}

async function watchHealth(service: Service, child: ChildProcess): Promise<void> {
  while (!stopping && child.exitCode === null && child.signalCode === null) {
    try {
      const res = await fetch(service.healthUrl, { signal: AbortSignal.timeout(1000) });
      await res.body?.cancel();
      if (res.ok && child.exitCode === null && child.signalCode === null) {
        service.everHealthy = true;
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

function onExit(service: Service, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
  if (stopping || service.child !== child) return;
  service.child = undefined;
  const how = signal ?? `code ${code}`;
  const now = Date.now();
  const upS = ((now - service.startedAt) / 1000).toFixed(1);
  if (service.essential) {
    console.error(`[start] ${service.name} exited (${how}) after ${upS} s; nothing answers without it: stopping everything.`);
    void stop(1);
    return;
  }
  if (!service.everHealthy) {
    service.startCrashes = [...service.startCrashes.filter((t) => now - t < START_CRASH_WINDOW_MS), now];
    if (service.startCrashes.length >= START_CRASH_LIMIT) {
      console.error(
        `[start] ${service.name} exited (${how}) ${START_CRASH_LIMIT} times within ${START_CRASH_WINDOW_MS / 1000} s without ever answering ` +
          `${service.healthUrl}; restarting will not help (its output above says why): stopping everything.`,
      );
      void stop(1);
      return;
    }
  }
  // A run that lasted is a new incident, not a crash loop: start again from the shortest delay.
  if (now - service.startedAt >= STABLE_MS) service.nextDelayMs = BACKOFF_FIRST_MS;
  const delay = service.nextDelayMs;
  service.nextDelayMs = Math.min(delay * 2, BACKOFF_MAX_MS);
  service.restarts++;
  console.error(`[start] ${service.name} exited (${how}) after ${upS} s; restarting it in ${delay / 1000} s (the other services keep running).`);
  service.restartTimer = setTimeout(() => {
    service.restartTimer = undefined;
    if (!stopping) launch(service);
  }, delay);
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const service of services) clearTimeout(service.restartTimer);
  await Promise.all(
    services.map(({ name, child }) => new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        console.error(`[start] ${name} did not stop within 10 s; killing it.`);
        child.kill('SIGKILL');
      }, 10000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    })),
  );
  process.exit(code);
}

/**
 * Where the stores live. Offline, replicas of other data (another directory or scale) get stores of
 * their own, so that switching does not mix two datasets in one store.
 */
function dataDir(): string | undefined {
  if (process.env.DATA_DIR || process.env.DATABASE_URL) return process.env.DATA_DIR;
  if (!offline) return path.join(ROOT_DIR, '.data', 'live');
  const replicaSettings = LOCAL.flatMap((c) => [`${c.envPrefix}_REPLICA_DIR`, `${c.envPrefix}_REPLICA_SCALE`].map((name) => process.env[name] ?? ''));
  const custom = replicaSettings.some(Boolean);
  return path.join(ROOT_DIR, '.data', custom ? `offline-${crypto.createHash('sha1').update(JSON.stringify(replicaSettings)).digest('hex').slice(0, 8)}` : 'offline');
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  const stores = dataDir();
  if (stores) process.env.DATA_DIR = stores;
  process.on('SIGTERM', () => void stop(0));
  const lines: string[] = [];
  for (const city of CITIES.filter((c) => !c.adapter)) lines.push(`  ${city.name}: its own subgraph at ${subgraphUrl(city)}`);
  for (const city of LOCAL) {
    // A subgraph moved to another port (`<CITY>_PORT`) is where the gateway and the health checks look.
    const portEnv = city.subgraph.urlEnv.replace(/_SUBGRAPH_URL$/, '_PORT');
    if (process.env[portEnv] && !process.env[city.subgraph.urlEnv]) process.env[city.subgraph.urlEnv] = `http://127.0.0.1:${intEnv(portEnv, city.subgraph.port)}/graphql`;
    const env: NodeJS.ProcessEnv = { CITY_ID: city.id };
    const replicated = offline && !!city.replica;
    for (const upstream of city.upstreams) {
      if (replicated) {
        env[upstream.baseUrlEnv] = `http://127.0.0.1:${replicaPort(city)}${upstream.replicaPath}`;
      } else {
        env[upstream.baseUrlEnv] = process.env[upstream.baseUrlEnv] || upstream.liveBaseUrl;
      }
      lines.push(`  ${city.name}: ${upstream.description} at ${env[upstream.baseUrlEnv]}${replicated ? ' (local replica)' : offline ? ' (live: its registry entry has no replica)' : ''}`);
    }
    if (replicated) {
      // Replicas get no heap limit: they stand in for the cities' own servers and take no client queries.
      const health = `http://127.0.0.1:${replicaPort(city)}/health`;
      supervise(`${city.id} replica`, replicaOf(city).entry, { CITY_ID: city.id }, { heapMb: 0, healthUrl: health });
      await waitForHealth(health);
    }
    supervise(`${city.id} subgraph`, city.subgraph.entry, env, { heapMb: SUBGRAPH_MAX_HEAP_MB, healthUrl: subgraphUrl(city).replace(/\/graphql$/, '/health') });
  }
  for (const city of LOCAL) {
    await waitForHealth(subgraphUrl(city).replace(/\/graphql$/, '/health'));
  }
  const gatewayHealth = `http://127.0.0.1:${GATEWAY_PORT}/health`;
  supervise('gateway', 'gateway/index.ts', {}, { heapMb: GATEWAY_MAX_HEAP_MB, healthUrl: gatewayHealth, essential: true });
  await waitForHealth(gatewayHealth);
  console.log(`[start] every service is up; waiting for each city's first sync (${LOCAL.map((c) => c.name).join(', ')})…`);
  const notReady = await waitForSyncs(START_SYNC_TIMEOUT_MS);
  console.log(
    [
      '',
      `City Decision Graph is running ${offline ? 'OFFLINE (local replicas)' : 'against the cities\' live APIs'}.`,
      `  Gateway: http://127.0.0.1:${GATEWAY_PORT}/graphql   (health: /health, readiness: /ready)`,
      ...lines,
      `  Stores: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite under ${process.env.DATA_DIR}`}`,
      ...(notReady.length ? [`  Not synced yet (they answer once their first sync is done; see /ready): ${notReady.join('; ')}`] : ['  Every city has completed its first sync.']),
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

/** Waits until every subgraph's /ready says its first sync is done; returns the cities still not ready at the deadline. */
async function waitForSyncs(timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Map(LOCAL.map((c) => [c.id, `${c.name}: waiting`]));
  while (pending.size && Date.now() < deadline && !stopping) {
    for (const city of LOCAL.filter((c) => pending.has(c.id))) {
      try {
        const res = await fetch(subgraphUrl(city).replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(2000) });
        const body = (await res.json()) as { sources?: Array<{ key: string; lastError?: { message: string } | null }>; upstreams?: Array<{ synced: boolean }>; reasons?: string[] };
        // Not ready can also mean synced before but now stale or unreachable (no network): such a
        // city serves its stored copy, so the start does not wait for it; /ready says why.
        const syncedBefore = !res.ok && !!body.upstreams?.length && body.upstreams.every((u) => u.synced);
        if (res.ok || syncedBefore) {
          pending.delete(city.id);
          console.log(`[start] ${city.name}: ${res.ok ? 'first sync done.' : `serving its stored copy, but not ready: ${(body.reasons ?? []).join('; ')}`}`);
        } else {
          const errors = (body.sources ?? []).filter((s) => s.lastError).map((s) => `${s.key}: ${s.lastError!.message}`);
          pending.set(city.id, `${city.name}${errors.length ? ` (${errors.join('; ')})` : ' (syncing)'}`);
        }
      } catch {
        // not answering yet
      }
    }
    if (pending.size) await new Promise((r) => setTimeout(r, 500));
  }
  return [...pending.values()];
}

main().catch((err) => {
  console.error(`[start] ${(err as Error).message}`);
  void stop(1);
});
