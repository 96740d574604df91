/**
 * `npm run sync -- <city> [--from YYYY-MM-DD] [--full]`: runs one sync of a city into its store
 * (DATA_DIR or DATABASE_URL, as the subgraph would), with a progress bar (periods, records, rate,
 * ETA) for long backfills. Exits 0 when every upstream synced, 1 with the reason when one failed,
 * 2 when the command itself is wrong.
 *   --from  backfill from this earlier date (the store then holds more)
 *   --full  re-walk every period from the start (finds records deleted upstream long ago)
 * The city's upstream URLs come from the environment as for `npm start` (e.g. HELSINKI_AHJO_URL).
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import { CITIES, ROOT_DIR } from '../schema/cities';
import { createLogger } from '../subgraphs/shared/logger';
import type { CitySubgraph } from '../subgraphs/shared/city-subgraph';
import type { Progress } from '../subgraphs/shared/sync/runner';

const USAGE = `Usage: npm run sync -- <city> [--from YYYY-MM-DD] [--full]
Cities: ${CITIES.map((c) => c.id).join(', ')}`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

function parseArgs(argv: string[]): { city: string; from?: string; full: boolean } {
  const args = [...argv];
  let from: string | undefined;
  let full = false;
  const rest: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--from') from = args.shift();
    else if (a.startsWith('--from=')) from = a.slice('--from='.length);
    else if (a === '--full') full = true;
    else if (a === '--help' || a === '-h') fail(USAGE, 0);
    else if (a.startsWith('-')) fail(`Unknown option ${a}.\n${USAGE}`, 2);
    else rest.push(a);
  }
  if (rest.length !== 1) fail(`Name one city.\n${USAGE}`, 2);
  if (from !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(Date.parse(from)))) fail(`--from must be a date in YYYY-MM-DD form (got ${JSON.stringify(from)}).`, 2);
  return { city: rest[0], from, full };
}

/** A progress bar per upstream: periods done, records, records a second, time left. */
function progressBars(): { update(p: Progress): void; stop(): void } {
  const bars = new cliProgress.MultiBar(
    {
      format: '{upstream} [{bar}] {percentage}% | {value}/{total} steps | {records} records | {rate} records/s | ETA {eta_formatted} | {phase}',
      hideCursor: true,
      clearOnComplete: false,
      // Without a terminal (CI, a log file) a line every few seconds instead of redrawing.
      noTTYOutput: !process.stderr.isTTY,
      notTTYSchedule: 5000,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  const byUpstream = new Map<string, cliProgress.SingleBar>();
  return {
    update: (p) => {
      const rate = Math.round(p.records / Math.max(0.001, (Date.now() - started) / 1000));
      let bar = byUpstream.get(p.upstream);
      if (!bar) {
        bar = bars.create(p.total, 0, { upstream: p.upstream.padEnd(16), records: 0, rate: 0, phase: '' });
        byUpstream.set(p.upstream, bar);
      }
      bar.setTotal(p.total);
      bar.update(p.done, { records: p.records, rate, phase: p.phase });
    },
    stop: () => bars.stop(),
  };
}

async function main(): Promise<void> {
  const { city: cityId, from, full } = parseArgs(process.argv.slice(2));
  const city = CITIES.find((c) => c.id === cityId);
  if (!city) fail(`Unknown city "${cityId}".\n${USAGE}`, 2);
  if (!city.adapter) fail(`${city.name} runs its own subgraph (${city.subgraph.url}); it syncs itself.`, 2);
  // Logs go to the log level's destination; the bar owns the terminal.
  const logger = createLogger(`${city.id}-sync`, process.env.LOG_LEVEL || 'warn');
  const { buildFromEnv } = (await import(path.join(ROOT_DIR, city.subgraph.builder))) as { buildFromEnv(env: NodeJS.ProcessEnv, logger: unknown): Promise<CitySubgraph> };
  let subgraph: CitySubgraph;
  try {
    subgraph = await buildFromEnv({ ...process.env, CITY_ID: city.id, SYNC_INTERVAL_S: '0' }, logger);
  } catch (err) {
    fail(`${city.name}: cannot open its store: ${(err as Error).message}`, 1);
  }
  console.error(`Syncing ${city.name} into ${subgraph.store.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'} (${subgraph.store.db.location})${from ? ` from ${from}` : ''}${full ? ', full' : ''}…`);
  const bars = progressBars();
  let reports;
  try {
    reports = await subgraph.sync.runOnce({ from, full, onProgress: bars.update });
  } finally {
    bars.stop();
  }
  if (!reports) {
    await subgraph.store.close();
    fail(`${city.name}: another instance is syncing this store right now; try again when it is done.`, 1);
  }
  const statuses = await subgraph.sync.statuses();
  await subgraph.store.close();
  for (const r of reports) {
    const s = statuses.find((x) => x.key === r.upstream)!;
    const took = ((Date.parse(r.run.finishedAt) - Date.parse(r.run.startedAt)) / 1000).toFixed(1);
    const line = `${city.name} ${r.upstream}: ${r.ok ? 'synced' : 'FAILED'} in ${took} s — ${r.run.fetched} records received, ${r.run.written} rows written, ${r.run.deleted} deleted, ${r.run.setAside} set aside; the store holds ${s.recordsHeld} records (${s.recordsSetAside} set aside).`;
    console.log(line);
    if (!r.ok) console.error(`  ${r.error!.code}: ${r.error!.message}`);
  }
  const failed = reports.filter((r) => !r.ok);
  if (failed.length) fail(`${city.name}: the sync of ${failed.map((r) => r.upstream).join(', ')} failed; what was synced before stays in the store. Fix the cause above and run it again (it resumes).`, 1);
}

main().catch((err) => fail(`sync failed: ${(err as Error).stack ?? err}`, 1));
