/**
 * What the sync keeps per upstream in the store (table sync_state), so that a restart resumes where
 * it stopped and `sources` can say how fresh each copy is.
 */

export interface SyncError {
  /** The stable error code (UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT, UPSTREAM_BAD_RESPONSE, RATE_LIMITED, SYNC_FAILED). */
  code: string;
  message: string;
  /** When it happened (ISO 8601). */
  at: string;
  /** The upstream's HTTP status, when it answered one. */
  upstreamStatus?: number;
  /** True when the sync failed at once because the upstream's circuit is open after repeated failures. */
  circuitOpen?: boolean;
}

export interface RunSummary {
  startedAt: string;
  finishedAt: string;
  /** Records received from the upstream. */
  fetched: number;
  /** Rows written (new or changed) and deleted in the store. */
  written: number;
  deleted: number;
  /** Records set aside in this run. */
  setAside: number;
  full: boolean;
}

export interface UpstreamState {
  /** The first date the store holds (the backfill start, YYYY-MM-DD). */
  from: string;
  /** True once a backfill walked every window from `from`. */
  backfilled: boolean;
  /** Where an interrupted backfill resumes (the next window's start, ISO 8601). */
  resumeAt: string | null;
  /** Start of the last run that completed: the next incremental run looks back from here. */
  syncedAt: string | null;
  /** End of the period the store holds completely (ISO 8601): the horizon of the last complete run. */
  heldThrough: string | null;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** The last complete re-walk of every window (deletions of old records are found then). */
  lastFullAt: string | null;
  lastError: SyncError | null;
  lastRun: RunSummary | null;
  /** Validators of conditional GETs (ETag, Last-Modified) by request. */
  validators: Record<string, { etag?: string | null; lastModified?: string | null }>;
  /** Anything else the city's harvester remembers between runs. */
  extra: Record<string, unknown>;
}

export function emptyState(from: string): UpstreamState {
  return {
    from,
    backfilled: false,
    resumeAt: null,
    syncedAt: null,
    heldThrough: null,
    lastSuccessAt: null,
    lastAttemptAt: null,
    lastFullAt: null,
    lastError: null,
    lastRun: null,
    validators: {},
    extra: {},
  };
}
