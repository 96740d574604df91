/**
 * `npm run export -- --cities helsinki,amsterdam --from 2025-01-01 --to 2026-01-01 --format csv --out FILE`:
 * downloads the gateway's streamed export (GET /export/decisions.{csv,ndjson}, gateway/export.ts) into
 * FILE, with a progress bar (rows, rows/s, ETA from the gateway's X-Total-Count). FILE appears only
 * complete: the download goes to a temporary file beside it, renamed at the end. Exit codes: 0 done,
 * 1 the download failed or ended short of X-Total-Count (FILE untouched), 2 the command is wrong.
 * The filter's values are checked by the gateway (it knows its cities); its answer names the flag.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';

const FORMATS = ['csv', 'ndjson'] as const;
type Format = (typeof FORMATS)[number];

/** Each filter flag and the gateway's query parameter it becomes. */
const FILTER_FLAGS = { cities: 'cities', from: 'from', to: 'to', text: 'text', topic: 'topic', outcome: 'outcome', 'body-type': 'bodyType' } as const;

const USAGE = `Usage: npm run export -- --format csv|ndjson --out FILE [filter] [--gateway URL]
Filter (all optional; lists comma-separated):
  --cities helsinki,amsterdam   cities of the registry (default: every city)
  --from 2025-01-01             earliest decision date, inclusive
  --to 2026-01-01               date after the last one wanted, exclusive
  --text WORDS                  words that must all occur
  --topic 06,09                 COFOG divisions or groups (06 matches 06.1 …)
  --outcome ADOPTED,REJECTED    canonical outcomes
  --body-type COUNCIL           kinds of deciding body
Other:
  --gateway URL                 the gateway (default: $GATEWAY_URL or http://127.0.0.1:4000)
  --quiet                       no progress bar
Columns and formats: docs/export.md`;

class UsageError extends Error {}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

interface Options {
  format: Format;
  out: string;
  gateway: string;
  quiet: boolean;
  params: URLSearchParams;
}

export function parseExportArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): Options | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(Object.keys(FILTER_FLAGS).map((f) => [f, { type: 'string' as const }])),
        format: { type: 'string' },
        out: { type: 'string' },
        gateway: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    // parseArgs names the option ("Unknown option '--citys'", "Option '--out <value>' argument missing").
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
  if (values.help) return 'help';
  const format = values.format as string | undefined;
  if (!format) throw new UsageError(`--format is required; allowed: ${FORMATS.join(', ')}.`);
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${JSON.stringify(format)} is not a format; allowed: ${FORMATS.join(', ')}.`);
  const out = values.out as string | undefined;
  if (!out) throw new UsageError('--out FILE is required: the file to write the export to.');
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a directory; name a file.`);
  if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new UsageError(`--out ${out}: the directory ${path.dirname(path.resolve(out))} does not exist.`);
  const gateway = (values.gateway as string | undefined) ?? env.GATEWAY_URL ?? 'http://127.0.0.1:4000';
  let base: URL;
  try {
    base = new URL(gateway);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new UsageError(`--gateway ${JSON.stringify(gateway)} is not an http(s) URL; e.g. http://127.0.0.1:4000.`);
  }
  const params = new URLSearchParams();
  for (const [flag, param] of Object.entries(FILTER_FLAGS)) {
    const v = values[flag];
    if (typeof v === 'string') params.set(param, v);
  }
  return { format: format as Format, out, gateway: base.origin + base.pathname.replace(/\/(graphql)?\/?$/, ''), quiet: Boolean(values.quiet), params };
}

/** Counts records as they stream by: newlines outside quoted CSV fields (NDJSON has none inside a line). */
function recordCounter(format: Format, onRecords: (n: number) => void): Transform {
  let quoted = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      let n = 0;
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        // In RFC 4180 an escaped quote is two quotes: it toggles twice, leaving the state as it was.
        if (b === 0x22 && format === 'csv') quoted = !quoted;
        else if (b === 0x0a && !quoted) n++;
      }
      if (n) onRecords(n);
      done(null, chunk);
    },
  });
}

/** The gateway's errors, with its query parameters called by the flags that set them. */
async function errorsOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  let messages: string[];
  try {
    messages = (JSON.parse(text) as { errors: Array<{ message: string }> }).errors.map((e) => e.message);
  } catch {
    messages = [text.slice(0, 500) || res.statusText];
  }
  const flagOf = Object.fromEntries(Object.entries(FILTER_FLAGS).map(([flag, param]) => [param, flag]));
  return messages.map((m) => m.replace(/^Query parameter `(\w+)`/, (_, p: string) => `--${flagOf[p] ?? p}`)).join('\n');
}

async function main(): Promise<void> {
  let options: Options | 'help';
  try {
    options = parseExportArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) fail(`${err.message}\n\n${USAGE}`, 2);
    throw err;
  }
  if (options === 'help') fail(USAGE, 0);
  const { format, out, gateway, quiet, params } = options;
  const url = `${gateway}/export/decisions.${format}${params.size ? `?${params}` : ''}`;

  let res: Response;
  try {
    res = await fetch(url);
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    fail(`Cannot reach the gateway at ${gateway} (${cause?.code ?? cause?.message ?? (err as Error).message}). Start it (npm start) or pass --gateway URL.`, 1);
  }
  if (res.status === 400) fail(`The gateway refused the filter:\n${await errorsOf(res)}\n\n${USAGE}`, 2);
  if (res.status === 404) fail(`${gateway} has no export (GET /export/decisions.${format} answered 404): is it this project's gateway, and recent enough?`, 1);
  if (!res.ok || !res.body) fail(`The export failed (HTTP ${res.status}):\n${await errorsOf(res)}`, 1);
  const total = Number(res.headers.get('x-total-count'));
  if (!Number.isInteger(total) || total < 0) fail(`The gateway sent no X-Total-Count header; cannot check the download (${url}).`, 1);

  const started = Date.now();
  const header = format === 'csv' ? 1 : 0;
  let lines = 0;
  const rows = () => Math.max(0, lines - header);
  const bar = quiet
    ? null
    : new cliProgress.SingleBar(
      {
        format: 'export [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}',
        hideCursor: true,
        // Without a terminal (CI, a log file) a line every few seconds instead of redrawing.
        noTTYOutput: !process.stderr.isTTY,
        notTTYSchedule: 5000,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
  bar?.start(total, 0, { rate: 0 });
  const rateNow = () => Math.round(rows() / Math.max(0.001, (Date.now() - started) / 1000));

  // Written beside FILE (same file system, so the rename is atomic), renamed only when complete.
  const temp = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.part`);
  const removeTemp = () => fs.rmSync(temp, { force: true });
  process.once('SIGINT', () => {
    removeTemp();
    process.exit(130);
  });
  try {
    await pipeline(
      Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>),
      recordCounter(format, (n) => {
        lines += n;
        bar?.update(rows(), { rate: rateNow() });
      }),
      fs.createWriteStream(temp),
    );
  } catch (err) {
    bar?.stop();
    removeTemp();
    fail(`The download was cut after ${rows()} of ${total} rows (${(err as Error).message}): the gateway aborts an export when a city fails during it; its log says which. ${out} was not written.`, 1);
  }
  bar?.update(rows(), { rate: rateNow() });
  bar?.stop();
  if (rows() !== total) {
    removeTemp();
    fail(`The download ended with ${rows()} rows, but the gateway announced ${total} (X-Total-Count): the data changed during the export, or the download was cut. ${out} was not written; run the export again.`, 1);
  }
  fs.renameSync(temp, out);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`Wrote ${rows()} rows to ${out} in ${seconds.toFixed(1)} s (${Math.round(rows() / Math.max(seconds, 0.001))} rows/s).\n`);
}

if (require.main === module) {
  main().catch((err) => fail(`The export failed: ${(err as Error).stack ?? err}`, 1));
}
