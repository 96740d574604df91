/** What the benchmark sections share: wrk runs, percentiles, process memory, child processes. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../schema/cities';

export function requireWrk(): void {
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

export function pct(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

export interface WrkResult {
  rps: number;
  p50ms: number;
  p99ms: number;
  requests: number;
  errors: number;
  cpuSeconds: number;
}

/**
 * Runs wrk against `url` for `seconds`. `script` is the Lua that shapes the requests: a fixed POST
 * body (`{ body }`), or a Lua `request` function (`{ lua }`) for bodies that differ per request.
 * wrk's own CPU comes from bash's `time`.
 */
export function wrk(url: string, script: { body: string } | { lua: string }, opts: { seconds: number; connections: number }): Promise<WrkResult> {
  const file = path.join(os.tmpdir(), `bench-${process.pid}-${Date.now()}.lua`);
  const lua = 'body' in script
    ? `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ${JSON.stringify(script.body)}\n`
    : script.lua;
  // Non-2xx answers and answers carrying GraphQL errors are both counted as errors.
  fs.writeFileSync(file, `${lua}\nlocal failed = 0\nresponse = function(status, headers, body)\n  if status ~= 200 or string.find(body, '"errors"', 1, true) then failed = failed + 1 end\nend\ndone = function(summary, latency, requests)\n  io.write(string.format("graphql-errors %d\\n", failed))\nend\n`);
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `TIMEFORMAT='cpu %U %S'; time wrk -t1 -c${opts.connections} -d${opts.seconds}s --latency -s ${file} ${url}`]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', () => {
      fs.rmSync(file, { force: true });
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
        requests: num(/(\d+) requests in/),
        errors: num(/graphql-errors (\d+)/) || 0,
        cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
      });
    });
  });
}

function statusField(pid: number, field: string): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/** Resident memory of a process now, MiB. */
export const rssMiB = (pid: number) => statusField(pid, 'VmRSS');
/** The most resident memory a process has had, MiB. */
export const peakRssMiB = (pid: number) => statusField(pid, 'VmHWM');

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

/** Starts one of the project's entry points (a .ts file) as its own process. */
export function startProcess(entry: string, env: NodeJS.ProcessEnv, name = entry): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, entry)], {
    cwd: ROOT_DIR,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Its warnings and errors go to a log file (named in the output when the process fails).
  const log = path.join(os.tmpdir(), `bench-${name.replace(/[^\w.-]+/g, '-')}.log`);
  const file = fs.createWriteStream(log);
  let errors = '';
  child.stderr!.on('data', (d) => {
    file.write(d);
    errors = (errors + d).slice(-4000);
  });
  child.on('exit', (code, signal) => {
    file.end();
    if (code && !child.killed) console.error(`[bench] ${name} exited (${signal ?? code}); its log is ${log}:\n${errors}`);
  });
  return child;
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A TCP port free now (the system's choice): a random pick in a range collided with the bench's own running subgraphs. */
export { freePort } from '../test/e2e/process';

export interface GraphQLAnswer {
  ms: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

export async function ask(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as GraphQLAnswer['body'];
  return { ms: performance.now() - started, body };
}
