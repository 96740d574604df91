/**
 * The sync (harvest): the only path that asks a city's interface for lists. Per upstream it
 * backfills from a start date, then re-walks recent windows on an interval, writing a unit at a
 * time, and keeps its state (resume point, validators, last success and error) in the store, so a
 * restart resumes where it stopped. Several instances on one PostgreSQL take turns (advisory lock).
 * A failed run leaves the last good data serving and is recorded; the next run completes it.
 */
import { DateTime } from 'luxon';
import type { Logger } from '../logger';
import type { Store } from '../store/store';
import type { Unit } from '../store/rows';
import { UpstreamError } from '../errors';
import { observeSync, subgraphMetrics } from '../observability/metrics';
import { failSpan, inSpan } from '../observability/tracing';
import { emptyState, type RunSummary, type SyncError, type UpstreamState } from './state';

export interface SyncSettings {
  /** Seconds between background runs; 0: no background sync (runs only when asked). */
  intervalS: number;
  /** The backfill start (YYYY-MM-DD). */
  from: string;
  /** How far back an incremental run re-walks from the previous run's start (late or changed records). */
  lookbackDays: number;
  /** Hours between full re-walks from `from` (they find records deleted long ago). */
  fullEveryHours: number;
  /** Concurrent detail requests towards the upstream. */
  concurrency: number;
}

export interface Progress {
  upstream: string;
  /** What is being synced, e.g. `decisions 2024-01 … 2024-07`. */
  phase: string;
  /** Steps done and in all (windows, files): for a progress bar. */
  done: number;
  total: number;
  /** Records received so far in this run. */
  records: number;
}

/** One upstream of a city, with the code that harvests it. */
export interface UpstreamHarvester {
  /** Short key, e.g. `ahjo`; the key of its state, raw records and `sources` entry. */
  key: string;
  /** Name for people and errors, e.g. `Ahjo REST API`. */
  name: string;
  url: string;
  /** How far ahead of today the upstream lists things (meetings are planned ahead). */
  aheadDays: number;
  run(run: SyncRun): Promise<void>;
}

/** What a harvester works with during one run. */
export class SyncRun {
  fetched = 0;
  written = 0;
  deleted = 0;
  setAside = 0;
  /** First instant this run walks (ISO 8601). */
  readonly from: string;
  /** Instant after the last this run walks (ISO 8601). */
  readonly horizon: string;

  constructor(
    readonly store: Store,
    readonly upstream: UpstreamHarvester,
    readonly state: UpstreamState,
    readonly full: boolean,
    readonly settings: SyncSettings,
    readonly logger: Logger,
    readonly startedAt: Date,
    private readonly onProgress: (p: Progress) => void,
    readonly signal: AbortSignal,
  ) {
    const start = DateTime.fromJSDate(startedAt).toUTC();
    const backfillFrom = DateTime.fromISO(state.resumeAt ?? state.from, { zone: 'utc' });
    const lookback = state.syncedAt ? DateTime.fromISO(state.syncedAt, { zone: 'utc' }).minus({ days: settings.lookbackDays }) : backfillFrom;
    const from = full ? backfillFrom : DateTime.max(lookback, DateTime.fromISO(state.from, { zone: 'utc' }));
    this.from = from.toISO()!;
    this.horizon = start.plus({ days: upstream.aheadDays }).startOf('day').toISO()!;
  }

  progress(phase: string, done: number, total: number): void {
    this.onProgress({ upstream: this.upstream.key, phase, done, total, records: this.fetched });
  }

  /** Stops the run when the subgraph is shutting down. */
  checkStopped(): void {
    if (this.signal.aborted) throw new Error('sync stopped: the service is shutting down');
  }

  /** Writes units (see Store.applyUnits) and counts what changed. */
  async apply(units: Unit[], remove: string[] = []): Promise<void> {
    this.checkStopped();
    const { written, deleted } = await this.store.applyUnits(units, remove);
    this.written += written;
    this.deleted += deleted;
  }

  /** Keeps a record that did not map, with its reason. */
  async setAsideRecord(kind: string, sourceId: string, reason: string, raw: unknown): Promise<void> {
    this.setAside++;
    this.logger.warn({ upstream: this.upstream.key, kind, sourceId, reason }, 'record set aside: it does not map');
    await this.store.setAside(this.upstream.key, kind, sourceId, reason, raw);
  }

  /** Saves the resume point of a backfill, so a restart continues from there. */
  async saveResumePoint(resumeAt: string): Promise<void> {
    if (!this.full) return;
    this.state.resumeAt = resumeAt;
    await this.store.setState(this.upstream.key, this.state);
  }
}

export interface SourceStatus {
  key: string;
  name: string;
  url: string;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: SyncError | null;
  recordsHeld: number;
  recordsSetAside: number;
  /** Seconds since the last successful sync: how far behind the copy may be. */
  lagSeconds: number | null;
  /** True while this instance is syncing it. */
  syncing: boolean;
  backfilled: boolean;
  /** The period the store holds: from the backfill start to the end of the last complete run. */
  heldFrom: string;
  heldThrough: string | null;
  lastRun: RunSummary | null;
}

export interface RunOptions {
  /** Re-walk every window from the start (a full run); default: when due or never done. */
  full?: boolean;
  /** Backfill from this earlier date (extends what the store holds). */
  from?: string;
  onProgress?: (p: Progress) => void;
  /** Only these upstreams (keys). */
  only?: string[];
}

export interface RunReport {
  upstream: string;
  ok: boolean;
  error: SyncError | null;
  run: RunSummary;
}

export class SyncRunner {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<RunReport[] | null> | null = null;
  private readonly abort = new AbortController();
  private syncingNow = new Set<string>();
  /** Upstreams whose store holds a completed sync (this instance's or another's). */
  private synced = new Set<string>();
  private states = new Map<string, UpstreamState>();
  private readyWaiters: Array<() => void> = [];
  /** Records held per upstream, as counted after the last run (for /metrics, which must not query). */
  private held = new Map<string, number>();
  private unobserve: () => void;

  constructor(
    readonly store: Store,
    readonly upstreams: UpstreamHarvester[],
    readonly settings: SyncSettings,
    readonly logger: Logger,
  ) {
    const city = store.db.city;
    this.unobserve = observeSync(() => this.upstreams.map((u) => ({ city, upstream: u.key, lastSuccessAt: this.states.get(u.key)?.lastSuccessAt ?? null, recordsHeld: this.held.get(u.key) })));
  }

  private async countHeld(): Promise<void> {
    const counts = await this.store.counts().catch(() => null);
    if (counts) this.held = new Map([...counts].map(([k, c]) => [k, c.held]));
  }

  /** Reads what the store already holds (a restart, or another instance's sync). */
  async load(): Promise<void> {
    const states = await this.store.allStates<UpstreamState>();
    for (const u of this.upstreams) {
      const s = states.get(u.key);
      if (s) this.states.set(u.key, s);
      if (s?.lastSuccessAt) this.synced.add(u.key);
    }
    await this.countHeld();
    this.notifyReady();
  }

  /** Starts background syncing: a run now, then one every `intervalS` (none when 0 and `now` is false). */
  start(options: { now?: boolean } = {}): void {
    const { intervalS } = this.settings;
    if (options.now !== false) void this.runOnce().catch((err) => this.logger.error({ err }, 'sync failed'));
    if (intervalS > 0) {
      this.timer = setInterval(() => {
        if (this.current) return; // a run is still going: skip this turn
        void this.runOnce().catch((err) => this.logger.error({ err }, 'sync failed'));
      }, intervalS * 1000);
      this.timer.unref();
    }
  }

  /** Stops the background sync and waits for a run in progress to end (it stops between writes). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unobserve();
    this.abort.abort();
    await this.current?.catch(() => undefined);
  }

  /** True when every upstream has completed a sync (in this store, by any instance). */
  isReady(): boolean {
    return this.upstreams.every((u) => this.synced.has(u.key));
  }

  /** Whether the store holds a completed sync of this upstream. */
  hasSynced(key: string): boolean {
    return this.synced.has(key);
  }

  /** Resolves once every upstream has completed a sync. */
  whenReady(): Promise<void> {
    if (this.isReady()) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** The state of an upstream as last read or written by this instance. */
  state(key: string): UpstreamState | null {
    return this.states.get(key) ?? null;
  }

  /**
   * One run over every upstream (each on its own: one failing does not stop the others). Returns
   * null when another instance holds the sync lock; that instance's result is read from the store.
   */
  runOnce(options: RunOptions = {}): Promise<RunReport[] | null> {
    if (this.current) return this.current;
    this.current = this.runLocked(options).finally(() => {
      this.current = null;
    });
    return this.current;
  }

  private async runLocked(options: RunOptions): Promise<RunReport[] | null> {
    const locked = await this.store.db.withLock('sync', async () => {
      const reports: RunReport[] = [];
      for (const upstream of this.upstreams) {
        if (options.only && !options.only.includes(upstream.key)) continue;
        if (this.abort.signal.aborted) break;
        reports.push(await this.runUpstream(upstream, options));
      }
      return reports;
    });
    if (!locked) {
      this.logger.info('another instance is syncing this city; reading its result');
      await this.load();
      return null;
    }
    return locked.value;
  }

  /** One upstream's run, traced (a trace of its own: each upstream request is a span in it) and counted. */
  private runUpstream(upstream: UpstreamHarvester, options: RunOptions): Promise<RunReport> {
    const labels = { city: this.store.db.city, upstream: upstream.key };
    return inSpan(`sync ${labels.city} ${upstream.key}`, { attributes: { 'cdg.service': `${labels.city}-subgraph`, 'cdg.city': labels.city, 'cdg.upstream': upstream.key } }, async (span) => {
      const metrics = subgraphMetrics();
      const stop = metrics.syncDuration.startTimer(labels);
      const report = await this.runUpstreamOnce(upstream, options);
      stop();
      metrics.syncRuns.inc({ ...labels, outcome: report.ok ? 'ok' : 'error', kind: report.run.full ? 'full' : 'incremental' });
      for (const action of ['fetched', 'written', 'deleted', 'setAside'] as const) if (report.run[action]) metrics.syncRecords.inc({ ...labels, action: action === 'setAside' ? 'set_aside' : action }, report.run[action]);
      span.setAttributes({ 'cdg.full': report.run.full, 'cdg.fetched': report.run.fetched, 'cdg.written': report.run.written });
      if (report.error) failSpan(span, new Error(`${report.error.code}: ${report.error.message}`));
      return report;
    });
  }

  private async runUpstreamOnce(upstream: UpstreamHarvester, options: RunOptions): Promise<RunReport> {
    const state = (await this.store.getState<UpstreamState>(upstream.key)) ?? emptyState(options.from ?? this.settings.from);
    if (options.from && options.from < state.from) {
      // An earlier start: walk from there again; what is held stays meanwhile.
      state.from = options.from;
      state.backfilled = false;
      state.resumeAt = null;
    }
    const startedAt = new Date();
    const dueFull = !state.lastFullAt || Date.now() - Date.parse(state.lastFullAt) > this.settings.fullEveryHours * 3600_000;
    // An interrupted full run (a resume point is saved) is taken up where it stopped; an upstream at
    // another address may hold other records: walk everything (records it does not list are deleted).
    const moved = state.extra.url !== undefined && state.extra.url !== upstream.url;
    state.extra.url = upstream.url;
    const full = options.full || !state.backfilled || dueFull || !!state.resumeAt || moved;
    const run = new SyncRun(this.store, upstream, state, full, this.settings, this.logger, startedAt, options.onProgress ?? (() => undefined), this.abort.signal);
    state.lastAttemptAt = startedAt.toISOString();
    this.syncingNow.add(upstream.key);
    let error: SyncError | null = null;
    try {
      this.logger.info({ upstream: upstream.key, full, from: run.from, to: run.horizon }, 'sync started');
      await upstream.run(run);
      const done = new Date().toISOString();
      state.lastSuccessAt = done;
      state.lastError = null;
      state.syncedAt = startedAt.toISOString();
      state.heldThrough = run.horizon;
      if (full) {
        state.backfilled = true;
        state.resumeAt = null;
        state.lastFullAt = done;
      }
    } catch (err) {
      error = syncErrorOf(err);
      state.lastError = error;
      this.logger.warn({ upstream: upstream.key, code: error.code, err: error.message }, 'sync failed; the store keeps serving what it holds');
    } finally {
      this.syncingNow.delete(upstream.key);
    }
    // Many rows written: refresh the planner's statistics (PGlite has no autovacuum to do it).
    if (run.written + run.deleted >= 1000) await this.store.analyze({ vacuum: true }).catch((err) => this.logger.warn({ err }, 'analyze failed'));
    const summary: RunSummary = { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), fetched: run.fetched, written: run.written, deleted: run.deleted, setAside: run.setAside, full };
    state.lastRun = summary;
    await this.store.setState(upstream.key, state);
    this.states.set(upstream.key, state);
    if (state.lastSuccessAt) this.synced.add(upstream.key);
    await this.countHeld();
    this.notifyReady();
    this.logger.info({ upstream: upstream.key, ...summary, ok: !error }, 'sync ended');
    return { upstream: upstream.key, ok: !error, error, run: summary };
  }

  private notifyReady(): void {
    if (!this.isReady()) return;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  /** Per upstream: freshness, what is held and set aside, the last error (for `sources` and /ready). */
  async statuses(): Promise<SourceStatus[]> {
    const [states, counts] = await Promise.all([this.store.allStates<UpstreamState>(), this.store.counts()]);
    return this.upstreams.map((u) => {
      const s = states.get(u.key) ?? emptyState(this.settings.from);
      const c = counts.get(u.key) ?? { held: 0, setAside: 0 };
      return {
        key: u.key,
        name: u.name,
        url: u.url,
        lastSuccessAt: s.lastSuccessAt,
        lastAttemptAt: s.lastAttemptAt,
        lastError: s.lastError,
        recordsHeld: c.held,
        recordsSetAside: c.setAside,
        lagSeconds: s.lastSuccessAt ? Math.max(0, Math.round((Date.now() - Date.parse(s.lastSuccessAt)) / 1000)) : null,
        syncing: this.syncingNow.has(u.key),
        backfilled: s.backfilled,
        heldFrom: s.from,
        heldThrough: s.heldThrough,
        lastRun: s.lastRun,
      };
    });
  }
}

const UPSTREAM_CODES: Record<string, string> = {
  unavailable: 'UPSTREAM_UNAVAILABLE',
  circuit_open: 'UPSTREAM_UNAVAILABLE',
  timeout: 'UPSTREAM_TIMEOUT',
  bad_response: 'UPSTREAM_BAD_RESPONSE',
  rate_limited: 'RATE_LIMITED',
};

export function syncErrorOf(err: unknown): SyncError {
  const at = new Date().toISOString();
  if (err instanceof UpstreamError) {
    return { code: UPSTREAM_CODES[err.kind] ?? 'UPSTREAM_UNAVAILABLE', message: err.message, at, ...(err.status ? { upstreamStatus: err.status } : {}), ...(err.kind === 'circuit_open' ? { circuitOpen: true } : {}) };
  }
  return { code: 'SYNC_FAILED', message: (err as Error)?.message ?? String(err), at };
}
