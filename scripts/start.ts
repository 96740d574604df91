/**
 * Runs the whole graph from the city registry: every city subgraph and the gateway, each in its
 * own process. `--offline` also starts each city's replica and points the subgraph at it.
 *   npm start               → subgraphs call the cities' live APIs
 *   npm run start:offline   → subgraphs call local replicas of those APIs (no network needed)
 * Ctrl-C (SIGINT) or SIGTERM stops every process cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
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
  console.log(
    [
      '',
      `City Decision Graph is running ${offline ? 'OFFLINE (local replicas)' : 'against the cities\' live APIs'}.`,
      `  Gateway: http://127.0.0.1:${port}/graphql   (health: /health, readiness: /ready)`,
      ...lines,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(`[start] ${(err as Error).message}`);
  void stop(1);
});
