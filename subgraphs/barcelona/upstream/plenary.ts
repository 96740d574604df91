/**
 * Fetches Barcelona's plenary files with conditional GET (If-None-Match / If-Modified-Since) and a
 * descriptive User-Agent (the city's firewall rejects some bot agents with HTTP 418), and keeps the
 * parsed index until a file changes. Checks are spaced by `recheckMs`; concurrent checks share one.
 * A failed check (the server down, an HTML page, a file that does not parse) keeps the last good
 * copy and flags the requests it serves as stale; only without any copy does Barcelona fail.
 */
import { UpstreamError } from '../../shared/errors';
import type { SafeCache } from '../../shared/cache';
import { noteStale } from '../../shared/request-scope';
import type { UpstreamClient } from '../../shared/upstream';
import { parseCurrentTermFile, parsePreviousTermFile, type ParsedPlenaryFile } from '../mapping/plenary';

export interface PlenaryFileSpec {
  key: string;
  /** File name under the base URL. */
  name: string;
  parse: (content: string, key: string) => ParsedPlenaryFile;
}

export const PLENARY_FILES: PlenaryFileSpec[] = [
  { key: 'mandat_actual', name: 'votacions_plenari_mandat_actual.csv', parse: parseCurrentTermFile },
  { key: 'mandat_2019_2023', name: 'votacions_plenari_mandat_2019_2023.csv', parse: parsePreviousTermFile },
];

export interface PlenaryFileState {
  key: string;
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** When we last fetched or revalidated it (ISO). */
  checkedAt: string;
  parsed: ParsedPlenaryFile;
  /** How many times the file was downloaded and parsed (304s do not count). */
  parses: number;
  /** Set while checks fail and this last good copy is served: why the check failed. */
  failing?: string;
}

export interface PlenaryOptions {
  recheckMs: number;
  /** Keeps each file's bytes and validators (in memory or Redis): a restarted or second subgraph revalidates instead of downloading. */
  cache?: SafeCache;
}

/** A file as kept in the cache: its bytes and the validators to revalidate it with. */
interface CachedFile {
  content: string;
  etag: string | null;
  lastModified: string | null;
}

const FILE_CACHE_TTL_MS = 7 * 24 * 3600 * 1000;

export class PlenaryFiles {
  private states = new Map<string, PlenaryFileState>();
  private inFlight: Promise<PlenaryFileState[]> | null = null;
  private lastCheck = 0;
  /** `http` points at the folder that holds the files. */
  constructor(readonly http: UpstreamClient, readonly options: PlenaryOptions, readonly files: PlenaryFileSpec[] = PLENARY_FILES) {}

  /** HTTP requests sent (including 304s and retries). */
  get requestCount(): number {
    return this.http.requestCount;
  }

  /** Forgets the files and their validators (the benchmark measures cold queries). */
  async clear(): Promise<void> {
    this.states.clear();
    this.lastCheck = 0;
    for (const f of this.files) await this.options.cache?.delete(`barcelona:plenary:${this.http.url([f.name])}`);
  }

  /** The parsed files, revalidated when `recheckMs` has passed since the last check. */
  async load(): Promise<PlenaryFileState[]> {
    const fresh = this.states.size === this.files.length && Date.now() - this.lastCheck < this.options.recheckMs;
    if (!fresh) {
      this.inFlight ??= this.refresh().finally(() => {
        this.inFlight = null;
      });
    }
    const states = this.inFlight ? await this.inFlight : [...this.states.values()];
    // Every request served a last good copy while the file server fails is told so.
    for (const s of states) if (s.failing) noteStale({ upstream: this.http.options.upstream, request: `GET ${s.url.split('/').pop()}`, fetchedAt: s.checkedAt, reason: s.failing });
    return states;
  }

  private async refresh(): Promise<PlenaryFileState[]> {
    const states = await Promise.all(this.files.map((f) => this.refreshFile(f)));
    this.lastCheck = Date.now();
    return states;
  }

  private async refreshFile(spec: PlenaryFileSpec): Promise<PlenaryFileState> {
    const url = this.http.url([spec.name]);
    let previous = this.states.get(spec.key);
    const cacheKey = `barcelona:plenary:${url}`;
    if (!previous && this.options.cache) {
      // Another process (or this one before a restart) may hold the file: revalidate that copy.
      const kept = await this.options.cache.get<CachedFile>(cacheKey);
      if (kept) previous = this.stateOf(spec, url, kept, (this.states.get(spec.key)?.parses ?? 0) + 1);
    }
    const headers: Record<string, string> = { accept: 'text/csv, */*' };
    if (previous?.etag) headers['if-none-match'] = previous.etag;
    if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
    const request = `GET ${spec.name}`;
    let fetched: { status: number; content: string; etag: string | null; lastModified: string | null; parsed?: ParsedPlenaryFile };
    try {
      fetched = await this.http.send({ segments: [spec.name], headers, name: request }, (r) => {
        if (r.status === 404) throw new UpstreamError(this.http.options.city, this.http.options.upstream, request, 'HTTP 404: the file is not there', 404);
        const answer = { status: r.status, content: r.text, etag: r.headers.get('etag'), lastModified: r.headers.get('last-modified') };
        if (r.status === 304) return answer;
        // A maintenance page or a different file served with 200 must not replace the last good copy.
        if (/text\/html/i.test(r.headers.get('content-type') ?? '') || /^\s*</.test(r.text)) throw this.http.badResponse(request, 'answered with an HTML page instead of the CSV file', r.status);
        try {
          return { ...answer, parsed: spec.parse(r.text, spec.key) };
        } catch (err) {
          throw this.http.badResponse(request, `answered with a file that does not parse: ${(err as Error).message.slice(0, 200)}`, r.status);
        }
      });
    } catch (err) {
      if (!(err instanceof UpstreamError)) throw err;
      return this.keepOrFail(previous, err);
    }
    const checkedAt = new Date().toISOString();
    if (fetched.status === 304 && previous) {
      previous.checkedAt = checkedAt;
      delete previous.failing;
      this.states.set(spec.key, previous);
      return previous;
    }
    if (fetched.status === 304 || !fetched.parsed) return this.keepOrFail(previous, this.http.badResponse(request, 'answered 304 to a request without validators'));
    const { content, etag, lastModified, parsed } = fetched;
    // Stored only once it parsed: the shared copy is always a good one.
    await this.options.cache?.set(cacheKey, { content, etag, lastModified } satisfies CachedFile, FILE_CACHE_TTL_MS);
    for (const row of parsed.unplaced) {
      // Loud, with the line number; the row is counted in coverage, not silently dropped.
      this.http.options.logger.error({ file: spec.key, line: row.line, reason: row.reason }, 'plenary row could not be placed');
    }
    const state: PlenaryFileState = { key: spec.key, url, etag, lastModified, checkedAt, parsed, parses: (previous?.parses ?? 0) + 1 };
    this.states.set(spec.key, state);
    return state;
  }

  private stateOf(spec: PlenaryFileSpec, url: string, kept: CachedFile, parses: number): PlenaryFileState {
    return { key: spec.key, url, etag: kept.etag, lastModified: kept.lastModified, checkedAt: new Date().toISOString(), parsed: spec.parse(kept.content, spec.key), parses };
  }

  /** A failed check keeps the last good parse (the file rarely changes); without one it fails. */
  private keepOrFail(previous: PlenaryFileState | undefined, error: UpstreamError): PlenaryFileState {
    if (!previous) throw error;
    this.http.options.logger.warn({ err: error.message }, 'plenary file check failed; serving the last good copy');
    previous.failing = error.detail;
    this.states.set(previous.key, previous);
    return previous;
  }
}
