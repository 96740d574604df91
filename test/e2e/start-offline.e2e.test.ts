/**
 * The README's first command: `npm run start:offline` starts every replica, subgraph and the
 * gateway from the registry, answers the README's example query, and stops cleanly on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { ROOT_DIR } from '../../schema/cities';
import { stopProcess, waitFor } from './process';
import { postGraphQL } from './harness';

it('npm run start:offline serves the graph and stops on SIGINT', async () => {
  const child = spawn('npm', ['run', 'start:offline'], { cwd: ROOT_DIR, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  try {
    await waitFor('http://127.0.0.1:4000/health', 90000);
    const deadline = Date.now() + 10000;
    while (!out.includes('Press Ctrl-C to stop.') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain('Gateway: http://127.0.0.1:4000/graphql');
    expect(out).toContain('Helsinki: Ahjo REST API (ahjorest/v1) at http://127.0.0.1:4101/ahjorest/v1 (local replica)');
    expect(out).toContain('Amsterdam: Notubiz API (version 1.17.0) at http://127.0.0.1:4102 (local replica)');
    expect(out).toContain('Barcelona: Acords del Plenari files at http://127.0.0.1:4103/sites/default/files/votacions_plenari (local replica)');
    expect(out).toContain('Barcelona: Decidim GraphQL API (0.27) at http://127.0.0.1:4103/api (local replica)');
    const res = await postGraphQL('http://127.0.0.1:4000/graphql', '{ helsinki { decisions(first: 5) { totalCount nodes { id title date } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.decisions.nodes).toHaveLength(5);
    const ready = await (await fetch('http://127.0.0.1:4000/ready')).json();
    expect(ready).toMatchObject({ status: 'ready', cities: [{ id: 'helsinki', reachable: true }, { id: 'amsterdam', reachable: true }, { id: 'barcelona', reachable: true }] });
  } finally {
    // Ctrl-C reaches the whole process group; npm itself then ends by the same signal.
    const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(String(signal ?? code))));
    process.kill(-child.pid!, 'SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const how = await Promise.race([exited, new Promise<string>((r) => (timer = setTimeout(() => r('timeout'), 20000)))]);
    clearTimeout(timer);
    if (how === 'timeout') await stopProcess(child, 'SIGKILL');
    expect(['0', 'SIGINT']).toContain(how);
  }
  // Every process is gone: no port answers any more.
  for (const port of [4000, 4001, 4002, 4003, 4101, 4102, 4103]) {
    const deadline = Date.now() + 15000;
    let up = true;
    while (up && Date.now() < deadline) {
      up = await fetch(`http://127.0.0.1:${port}/health`).then(() => true, () => false);
      if (up) await new Promise((r) => setTimeout(r, 200));
    }
    expect(up).toBe(false);
  }
}, 120000);
