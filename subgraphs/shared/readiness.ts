/**
 * Whether a city can answer now, per upstream: its store holds a completed sync (`synced`), the last
 * one is recent enough (`fresh`), and the upstream answers (`reachable`, an active probe). A store
 * holding an earlier sync is not enough: with the upstream gone, the city answers only what it holds,
 * more stale by the hour, and an operator's load balancer or orchestrator should know it.
 */
import { DateTime } from 'luxon';
import type { Logger } from './logger';
import type { SourceStatus, SyncRunner } from './sync/runner';

export interface ReadinessSettings {
  /** How old (seconds) the last successful sync of an upstream may be for the city to be ready; 0: no age check. */
  maxAgeS: number;
  /** How long (ms) one check answers /ready: the upstreams are probed at most once in that time. */
  cacheMs: number;
}

export const DEFAULT_READY_CACHE_MS = 5000;

/**
 * READY_MAX_AGE_S's default: three missed syncs, at least an hour (one slow run is no alarm). Without
 * a background sync (SYNC_INTERVAL_S=0) there is no interval to judge by: no age check unless set.
 */
export function defaultReadyMaxAgeS(syncIntervalS: number): number {
  return syncIntervalS > 0 ? Math.max(3 * syncIntervalS, 3600) : 0;
}

/**
 * How long one probe may take: under the 2 s the gateway waits for a subgraph's /ready, so a silent
 * upstream shows as unreachable there, not as the subgraph itself not answering.
 */
export const PROBE_TIMEOUT_MS = 1500;

/** What one probe of an upstream found. */
export interface Probe {
  reachable: boolean;
  /** The HTTP status it answered, if it answered. */
  status: number | null;
  /** Why it counts as unreachable (a connection error's code, a timeout, a 5xx); null when reachable. */
  error: string | null;
  /** When it was probed (ISO 8601). */
  at: string;
  /** `sync`: not probed, a sync completed from it less than READY_CACHE_MS ago (it answered then). */
  via: 'probe' | 'sync';
}

/** A URL as shown to people: without user and password (a URL may carry them). */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url;
  }
}

/**
 * One cheap GET of the upstream's URL: any HTTP answer below 500 means it is there (a 401, 404 or a
 * redirect is still the city's server answering); a connection error, a timeout or a 5xx does not.
 * The body is not read: for a city's CSV file that would be the whole file.
 */
export async function probeUpstream(url: string, options: { userAgent?: string; timeoutMs?: number } = {}): Promise<Probe> {
  const at = new Date().toISOString();
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  try {
    const res = await fetch(url, {
      headers: { accept: '*/*', ...(options.userAgent ? { 'user-agent': options.userAgent } : {}) },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel().catch(() => undefined);
    return res.status < 500 ? { reachable: true, status: res.status, error: null, at, via: 'probe' } : { reachable: false, status: res.status, error: `HTTP ${res.status}`, at, via: 'probe' };
  } catch (err) {
    return { reachable: false, status: null, error: probeErrorOf(err, timeoutMs), at, via: 'probe' };
  }
}

/** Why a fetch failed, as an operator reads it: ECONNREFUSED, ENOTFOUND, "no answer within 1.5 s" … */
function probeErrorOf(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || e?.cause?.code === 'UND_ERR_CONNECT_TIMEOUT') return `no answer within ${timeoutMs / 1000} s`;
  const code = e?.cause?.code ?? e?.cause?.errors?.find((x) => x.code)?.code;
  if (code) return CONNECTION_ERRORS[code] ? `${code} (${CONNECTION_ERRORS[code]})` : code;
  return e?.cause?.message ?? e?.message ?? String(err);
}

const CONNECTION_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'nothing listens there',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved now',
  ECONNRESET: 'the connection was cut',
  EHOSTUNREACH: 'no route to the host',
  ENETUNREACH: 'no network',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection was cut',
};

/** What the readiness of one upstream is judged from: its sync state as `sources` shows it. */
export type UpstreamSyncState = Pick<SourceStatus, 'key' | 'name' | 'url' | 'lastSuccessAt' | 'syncing'> & { lastError: { message: string } | null };

export interface UpstreamReadiness {
  key: string;
  name: string;
  url: string;
  /** The store holds a completed sync of it (by this instance or another sharing the store). */
  synced: boolean;
  /** Its last successful sync is at most `maxAgeS` old (any age when it is 0); false before a first sync. */
  fresh: boolean;
  /**
   * It answered the probe; null: not probed, as the store holds no completed sync of it yet (the city
   * is not ready either way, and the sync's own outcome says whether it answers).
   */
  reachable: boolean | null;
  lastSuccessAt: string | null;
  probe: Probe | null;
  /** Why it keeps the city from being ready, in words; empty when it does not. */
  reasons: string[];
}

/** One upstream's readiness from its sync state and probe, if probed (pure: `now` is given). */
export function upstreamReadiness(state: UpstreamSyncState, probe: Probe | null, maxAgeS: number, now: number): UpstreamReadiness {
  const url = shownUrl(state.url);
  const synced = !!state.lastSuccessAt;
  const ageS = state.lastSuccessAt ? (now - Date.parse(state.lastSuccessAt)) / 1000 : null;
  const fresh = synced && (maxAgeS <= 0 || (ageS as number) <= maxAgeS);
  const failed = state.lastError ? `; the last attempt failed: ${state.lastError.message}` : '';
  const reasons: string[] = [];
  if (!synced) reasons.push(`${state.name}: no completed sync yet${state.syncing ? ' (the first sync is running)' : failed}`);
  else if (!fresh) {
    const ago = DateTime.fromISO(state.lastSuccessAt!).toRelative({ base: DateTime.fromMillis(now), locale: 'en' });
    reasons.push(`${state.name}: last successful sync ${ago}, more than READY_MAX_AGE_S=${maxAgeS}${state.syncing ? '; a sync is running' : failed}`);
  }
  if (probe && !probe.reachable) reasons.push(`${state.name} unreachable: ${probe.error} at ${url}`);
  return { key: state.key, name: state.name, url, synced, fresh, reachable: probe ? probe.reachable : null, lastSuccessAt: state.lastSuccessAt, probe, reasons };
}

/** A city is ready when every upstream is synced, fresh and reachable; the reasons say what is not. */
export function combineReadiness(upstreams: UpstreamReadiness[]): { ready: boolean; reasons: string[] } {
  const reasons = upstreams.flatMap((u) => u.reasons);
  return { ready: upstreams.every((u) => u.synced && u.fresh && u.reachable === true), reasons };
}

export interface CityReadiness {
  ready: boolean;
  /** Why the city is not ready (each names its upstream); empty when it is. */
  reasons: string[];
  /** When this answer was worked out (it is reused for READY_CACHE_MS). */
  checkedAt: string;
  upstreams: UpstreamReadiness[];
  /** Every upstream's sync status, as `sources` and /ready have always shown it. */
  sources: SourceStatus[];
}

/**
 * A city's readiness, worked out at most once per `cacheMs` (concurrent callers share one check, and
 * each upstream URL is probed at most once in that time), so /ready cannot be used to flood a city.
 * A change in the store's sync state (a sync just ended, here or in another instance) is seen at once:
 * the answer is worked out again, though the upstreams are not probed again.
 */
export class ReadinessCheck {
  private answer: { signature: string; at: number; result: Promise<CityReadiness> } | null = null;
  private probes = new Map<string, { settledAt: number | null; result: Promise<Probe> }>();
  /** Whether each URL answered the last probe: a change is logged once. */
  private lastReachable = new Map<string, boolean>();

  constructor(
    private readonly sync: SyncRunner,
    readonly settings: ReadinessSettings & { userAgent?: string },
    private readonly logger: Logger,
  ) {}

  async check(): Promise<CityReadiness> {
    const states = await this.sync.store.allStates<{ lastSuccessAt: string | null; lastAttemptAt: string | null }>();
    const signature = JSON.stringify(this.sync.upstreams.map((u) => [u.key, states.get(u.key)?.lastSuccessAt ?? null, states.get(u.key)?.lastAttemptAt ?? null]));
    const cached = this.answer;
    if (cached && cached.signature === signature && Date.now() - cached.at < this.settings.cacheMs) return cached.result;
    const result = this.work();
    const answer = { signature, at: Date.now(), result };
    this.answer = answer;
    // A check that failed (the store did not answer) is not reused.
    result.catch(() => {
      if (this.answer === answer) this.answer = null;
    });
    return result;
  }

  private async work(): Promise<CityReadiness> {
    const sources = await this.sync.statuses();
    // Probed only when its state alone would make it ready: without a completed sync it is not (the
    // first sync is asking it anyway); one a sync completed from within the cache period answered
    // moments ago (a probe would only add a request to what the sync asked).
    const probeOf = (s: SourceStatus): Promise<Probe | null> => {
      if (!s.lastSuccessAt) return Promise.resolve(null);
      if (Date.now() - Date.parse(s.lastSuccessAt) < this.settings.cacheMs) return Promise.resolve({ reachable: true, status: null, error: null, at: s.lastSuccessAt, via: 'sync' });
      return this.probe(s.url);
    };
    const probes = await Promise.all(sources.map(probeOf));
    const now = Date.now();
    const upstreams = sources.map((s, i) => upstreamReadiness(s, probes[i], this.settings.maxAgeS, now));
    return { ...combineReadiness(upstreams), checkedAt: new Date(now).toISOString(), upstreams, sources };
  }

  /** The upstream's probe: a recent one, or the one under way, else a new one. */
  probe(url: string): Promise<Probe> {
    const held = this.probes.get(url);
    if (held && (held.settledAt === null || Date.now() - held.settledAt < this.settings.cacheMs)) return held.result;
    const entry: { settledAt: number | null; result: Promise<Probe> } = { settledAt: null, result: Promise.resolve(null as unknown as Probe) };
    entry.result = probeUpstream(url, { userAgent: this.settings.userAgent }).then((probe) => {
      entry.settledAt = Date.now();
      this.noteChange(url, probe);
      return probe;
    });
    this.probes.set(url, entry);
    return entry.result;
  }

  /** Logs an upstream going away or coming back (not every probe: /ready is asked every few seconds). */
  private noteChange(url: string, probe: Probe): void {
    const before = this.lastReachable.get(url);
    this.lastReachable.set(url, probe.reachable);
    if (before === undefined || before === probe.reachable) return;
    if (probe.reachable) this.logger.info({ url: shownUrl(url) }, 'upstream answers again: the city is ready once its store is synced and fresh');
    else this.logger.warn({ url: shownUrl(url), reason: probe.error }, 'upstream does not answer: /ready says not ready; queries are answered from the stored copy');
  }
}
