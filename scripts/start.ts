/**
 * Runs the whole graph from the city registry: every city subgraph and the gateway, each in its
 * own process. `--offline` also starts each city's replica and points the subgraph at it.
 *   npm start               → subgraphs call the cities' live APIs
 *   npm run start:offline   → subgraphs call local replicas of those APIs (no network needed)
 * Each subgraph syncs its city into its store (DATA_DIR, or DATABASE_URL) in the background; the
 * graph is announced once every city's first sync is done, so the first query already has data.
 * Ctrl-C (SIGINT) or SIGTERM stops every process cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { CITIES, ROOT_DIR, subgraphUrl } from '../schema/cities';
import { waitForHealth } from '../subgraphs/shared/wait';

const offline = process.argv.includes('--offline');
const children: Array<{ name: string; child: ChildProcess }> = [];
let stopping = false;

function run(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, entry)], {
    cwd: ROOT_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push({ name, child });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] ${name} exited (${signal ?? code}); stopping everything.`);
    void stop(1);
  });
  return child;
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(({ child }) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
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
  const replicaSettings = CITIES.flatMap((c) => [c.replica.dirEnv, c.replica.dirEnv.replace(/_DIR$/, '_SCALE')].map((name) => process.env[name] ?? ''));
  const custom = replicaSettings.some(Boolean);
  return path.join(ROOT_DIR, '.data', custom ? `offline-${crypto.createHash('sha1').update(JSON.stringify(replicaSettings)).digest('hex').slice(0, 8)}` : 'offline');
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  const stores = dataDir();
  if (stores) process.env.DATA_DIR = stores;
  process.on('SIGTERM', () => void stop(0));
  const lines: string[] = [];
  for (const city of CITIES) {
    const env: NodeJS.ProcessEnv = {};
    for (const upstream of city.upstreams) {
      if (offline) {
        env[upstream.baseUrlEnv] = `http://127.0.0.1:${city.replica.port}${upstream.replicaPath}`;
      } else {
        env[upstream.baseUrlEnv] = process.env[upstream.baseUrlEnv] || upstream.liveBaseUrl;
      }
      lines.push(`  ${city.name}: ${upstream.description} at ${env[upstream.baseUrlEnv]}${offline ? ' (local replica)' : ''}`);
    }
    if (offline) {
      run(`${city.id} replica`, city.replica.entry, {});
      await waitForHealth(`http://127.0.0.1:${city.replica.port}/health`);
    }
    run(`${city.id} subgraph`, city.subgraph.entry, env);
  }
  for (const city of CITIES) {
    await waitForHealth(subgraphUrl(city).replace(/\/graphql$/, '/health'));
  }
  const port = Number(process.env.PORT || 4000);
  run('gateway', 'gateway/index.ts', {});
  await waitForHealth(`http://127.0.0.1:${port}/health`);
  console.log(`[start] every service is up; waiting for each city's first sync (${CITIES.map((c) => c.name).join(', ')})…`);
  const notReady = await waitForSyncs(Number(process.env.START_SYNC_TIMEOUT_S || 600) * 1000);
  console.log(
    [
      '',
      `City Decision Graph is running ${offline ? 'OFFLINE (local replicas)' : 'against the cities\' live APIs'}.`,
      `  Gateway: http://127.0.0.1:${port}/graphql   (health: /health, readiness: /ready)`,
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
  const pending = new Map(CITIES.map((c) => [c.id, `${c.name}: waiting`]));
  while (pending.size && Date.now() < deadline && !stopping) {
    for (const city of CITIES.filter((c) => pending.has(c.id))) {
      try {
        const res = await fetch(subgraphUrl(city).replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(2000) });
        const body = (await res.json()) as { sources?: Array<{ key: string; lastError?: { message: string } | null }> };
        if (res.ok) {
          pending.delete(city.id);
          console.log(`[start] ${city.name}: first sync done.`);
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
