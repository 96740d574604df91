/**
 * The README's first command, `npm run start:offline`: it starts every replica, subgraph and the
 * gateway of the registry, prints what the README shows, answers the README's example query and
 * serves the pages; it stops cleanly on Ctrl-C (every process gone).
 *
 * Supervision under `npm run start:offline` (issue 12: one subgraph dying of heap exhaustion used
 * to stop the whole graph). A city subgraph killed mid-run (SIGKILL, as the kernel's OOM killer
 * would) is restarted by itself and re-opens its store (the dead process's lock file does not
 * block it); meanwhile the gateway answers for the other cities with the killed one's branch null
 * and an error naming it; nothing else restarts. Runs on free ports over a store directory of its
 * own, so it neither collides with a running graph nor touches `.data/`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CITIES, ROOT_DIR, type CityEntry } from '../../schema/cities';
import { freePort, waitFor } from './process';
import { postGraphQL } from './harness';

interface Answer {
  data?: Record<string, { decisions: { totalCount: number } } | null>;
  errors?: Array<{ message: string; extensions?: { code?: string; city?: string } }>;
}

const VICTIM = 'barcelona';
/** The variables moving a city's subgraph and replica to other ports (those the processes read). */
const subgraphPortEnv = (city: CityEntry) => `${city.envPrefix}_PORT`;
const replicaPortEnv = (city: CityEntry) => `${city.envPrefix}_REPLICA_PORT`;
const QUERY = `{ ${CITIES.map((c) => `${c.id} { decisions(first: 1) { totalCount } }`).join(' ')} }`;

async function ask(url: string): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }), signal: AbortSignal.timeout(10000) });
  return (await res.json()) as Answer;
}

/** Polls `check` every 100 ms until it holds, or fails naming `what` after `ms`. */
async function until(what: string, ms: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function alive(pid: number): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The command line of a running process (Linux), to see the heap limit it was given. */
function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

it('npm run start:offline serves the graph as the README shows, restarts a killed subgraph by itself while the gateway keeps answering for the other cities, and stops on Ctrl-C', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'city-decision-graph-supervision-'));
  const gatewayPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    PORT: String(gatewayPort),
    // Each answer comes from the cities, and the gateway probes the restarted city again soon.
    RESPONSE_CACHE: 'false',
    SUBGRAPH_BREAKER_RESET_MS: '500',
    SUBGRAPH_MAX_HEAP_MB: '768',
    GATEWAY_MAX_HEAP_MB: '1536',
  };
  for (const city of CITIES) {
    env[city.subgraph.urlEnv] = undefined; // start.ts derives it from <CITY>_PORT
    env[subgraphPortEnv(city)] = String(await freePort());
    env[replicaPortEnv(city)] = String(await freePort());
  }
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  const victimHealth = `http://127.0.0.1:${env[subgraphPortEnv(CITIES.find((c) => c.id === VICTIM)!)]}/health`;
  const victimLock = path.join(dataDir, `${VICTIM}.lock`); // see holdDirectory in subgraphs/shared/store/engine.ts

  // Its own process group, so that the end of the test reaches every process as Ctrl-C would.
  const child = spawn('npm', ['run', 'start:offline'], { cwd: ROOT_DIR, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(String(signal ?? code))));
  /** Every pid start.ts reported per service name, in order. */
  const pids = (): Map<string, number[]> => {
    const found = new Map<string, number[]>();
    for (const [, name, pid] of out.matchAll(/\[start\] (.+?) started \(pid (\d+)\)/g)) found.set(name, [...(found.get(name) ?? []), Number(pid)]);
    return found;
  };

  try {
    await until('the graph to be announced', 240000, () => out.includes('Press Ctrl-C to stop.') || child.exitCode !== null);
    expect(out).toContain('Every city has completed its first sync.');
    // What the README shows it printing: the gateway, and every city on its replica.
    expect(out).toContain(`Gateway: http://127.0.0.1:${gatewayPort}/graphql`);
    for (const city of CITIES) for (const u of city.upstreams) expect(out).toContain(`${city.name}: ${u.description} at http://127.0.0.1:${env[replicaPortEnv(city)]}${u.replicaPath} (local replica)`);
    const example = await postGraphQL(gatewayUrl, '{ helsinki { decisions(first: 5) { totalCount nodes { id title date } } } }');
    expect(example.errors).toBeUndefined();
    expect(example.data.helsinki.decisions.nodes).toHaveLength(5);
    const ready = await (await fetch(`http://127.0.0.1:${gatewayPort}/ready`)).json();
    expect(ready).toMatchObject({ status: 'ready', cities: CITIES.map((c) => ({ id: c.id, reachable: true })) });
    // The pages, built by npm ci (prepare), served by the gateway.
    for (const page of ['/', '/compare']) expect([page, (await fetch(`http://127.0.0.1:${gatewayPort}${page}`)).status]).toEqual([page, 200]);
    const before = await ask(gatewayUrl);
    expect(before.errors).toBeUndefined();
    const started = pids();
    expect([...started.keys()].sort()).toEqual(['gateway', ...CITIES.flatMap((c) => [`${c.id} replica`, `${c.id} subgraph`])].sort());
    const [victimPid] = started.get(`${VICTIM} subgraph`)!;
    expect(commandLine(victimPid)).toContain('--max-old-space-size=768');
    expect(commandLine(started.get('gateway')![0])).toContain('--max-old-space-size=1536');

    expect(fs.readFileSync(victimLock, 'utf8')).toBe(String(victimPid));
    const killedAt = Date.now();
    process.kill(victimPid, 'SIGKILL');
    await until('start.ts to see the exit', 5000, () => out.includes(`[start] ${VICTIM} subgraph exited (SIGKILL)`));
    expect(out).toMatch(new RegExp(`\\[start\\] ${VICTIM} subgraph exited \\(SIGKILL\\) after [\\d.]+ s; restarting it in 0\\.5 s`));

    // Down for at least the first backoff (0.5 s) and a process start: the gateway answers without it.
    expect(await fetch(victimHealth).then(() => 'up', () => 'down')).toBe('down');
    expect(fs.readFileSync(victimLock, 'utf8')).toBe(String(victimPid)); // a stale lock: its holder is dead
    const during = await ask(gatewayUrl);
    expect(during.data![VICTIM]).toBeNull();
    expect(during.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'CITY_UNAVAILABLE', city: VICTIM }) })]);
    for (const city of CITIES.filter((c) => c.id !== VICTIM)) expect(during.data![city.id]).toEqual(before.data![city.id]);

    // Back by itself on the same store: the dead process's lock taken over, the data as before.
    await until(`${VICTIM} to be restarted`, 10000, () => (pids().get(`${VICTIM} subgraph`) ?? []).length === 2);
    const restartedPid = pids().get(`${VICTIM} subgraph`)![1];
    expect(restartedPid).not.toBe(victimPid);
    expect(commandLine(restartedPid)).toContain('--max-old-space-size=768');
    await waitFor(victimHealth, 20000);
    expect(fs.readFileSync(victimLock, 'utf8')).toBe(String(restartedPid));
    let after: Answer = {};
    await until(`the gateway to answer for ${VICTIM} again`, 20000, async () => {
      after = await ask(gatewayUrl);
      return !after.errors;
    });
    expect(after.data).toEqual(before.data);
    console.log(`${VICTIM} subgraph killed and answering through the gateway again after ${((Date.now() - killedAt) / 1000).toFixed(1)} s`);

    // Nothing else exited or restarted.
    expect(out.match(/\] .+? exited \(/g)).toHaveLength(1);
    for (const [name, list] of pids()) {
      if (name === `${VICTIM} subgraph`) continue;
      expect({ name, pids: list }).toEqual({ name, pids: started.get(name) });
      expect({ name, alive: alive(list[0]) }).toEqual({ name, alive: true });
    }
  } catch (err) {
    console.error(`start:offline output:\n${out.slice(-8000)}`);
    throw err;
  } finally {
    process.kill(-child.pid!, 'SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const how = await Promise.race([exited, new Promise<string>((r) => (timer = setTimeout(() => r('timeout'), 25000)))]);
    clearTimeout(timer);
    if (how === 'timeout') {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(['0', 'SIGINT']).toContain(how);
  }
  // Ctrl-C stopped everything without a restart.
  expect(out.match(/\] .+? exited \(/g)).toHaveLength(1);
  // npm ends on the signal while start.ts may still be stopping its services (each within 10 s):
  // wait for them, then every one must be gone.
  const all = [...pids().values()].flat();
  const deadline = Date.now() + 15000;
  while (all.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  for (const pid of all) expect({ pid, alive: alive(pid) }).toEqual({ pid, alive: false });
}, 330000);
