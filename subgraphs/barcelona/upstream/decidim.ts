/**
 * Decidim GraphQL client for decidim.barcelona. The instance allows 100 requests a minute per IP
 * (Rack::Attack): requests are spaced by a client-side limiter (`spacedRequests`: bottleneck,
 * `minTime` = 60 s / limit, so no 60-second window ever holds more than the limit), and the whole snapshot
 * (processes, components and their items, fetched in one batched query plus next pages) is cached
 * for `cacheMs`; concurrent readers share one fetch.
 */
import Bottleneck from 'bottleneck';
import type { SafeCache } from '../../shared/cache';
import { noteStale } from '../../shared/request-scope';
import type { UpstreamClient } from '../../shared/upstream';
import { MEETINGS_PAGE_QUERY, PROPOSALS_PAGE_QUERY, RESULTS_PAGE_QUERY, SNAPSHOT_QUERY } from './decidim-queries';
import { meetingOf, processOf, proposalOf, resultOf } from '../mapping/decidim';
import type { DecidimData } from '../mapping/decidim-model';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface DecidimOptions {
  cacheMs: number;
  /** Shares the snapshot with other processes (Redis) so they do not spend the instance's rate limit again. */
  cache?: SafeCache;
}

/**
 * The `schedule` option of Decidim's UpstreamClient: every attempt, retries included, waits its turn,
 * as the instance's limit counts them all.
 */
export function spacedRequests(requestsPerMinute: number): <T>(attempt: () => Promise<T>) => Promise<T> {
  const limiter = new Bottleneck({ maxConcurrent: 1, minTime: Math.ceil(60000 / requestsPerMinute) });
  return (attempt) => limiter.schedule(attempt);
}

export class DecidimSource {
  /** One snapshot per Decidim instance in the shared cache. */
  private get snapshotKey(): string {
    return `barcelona:decidim:snapshot:${this.http.options.baseUrl}`;
  }
  private cached: { data: DecidimData; at: number } | null = null;
  private inFlight: Promise<DecidimData> | null = null;
  /** Why the last refresh failed, while the last good snapshot is served. */
  private failing: string | null = null;

  /** `http` points at the instance's GraphQL endpoint, its attempts spaced by `spacedRequests`. */
  constructor(readonly http: UpstreamClient, readonly options: DecidimOptions) {}

  /** GraphQL requests sent to Decidim (retries included). */
  get requestCount(): number {
    return this.http.requestCount;
  }

  /** Forgets the snapshot (the benchmark measures cold queries). */
  async clear(): Promise<void> {
    this.cached = null;
    await this.options.cache?.delete(this.snapshotKey);
  }

  /** The snapshot, from cache while fresh. */
  async data(): Promise<DecidimData> {
    if (this.cached && Date.now() - this.cached.at < this.options.cacheMs) return this.cached.data;
    this.inFlight ??= this.sharedOrFetch()
      .then((data) => {
        this.cached = { data, at: Date.now() };
        this.failing = null;
        return data;
      })
      .catch((err) => {
        // A failed refresh keeps serving the last good snapshot (it was good a few minutes ago).
        if (this.cached) {
          this.http.options.logger.warn({ err: (err as Error).message }, 'Decidim refresh failed; serving the last snapshot');
          this.failing = (err as { detail?: string }).detail ?? (err as Error).message;
          return this.cached.data;
        }
        throw err;
      })
      .finally(() => {
        this.inFlight = null;
      });
    const data = await this.inFlight;
    if (this.failing) noteStale({ upstream: this.http.options.upstream, request: 'POST snapshot', fetchedAt: data.fetchedAt, reason: this.failing });
    return data;
  }

  /** The snapshot another process stored while still fresh, else a new one (stored for the others). */
  private async sharedOrFetch(): Promise<DecidimData> {
    const shared = this.options.cache ? await this.options.cache.get<DecidimData>(this.snapshotKey) : undefined;
    if (shared && Date.now() - Date.parse(shared.fetchedAt) < this.options.cacheMs) return shared;
    const data = await this.fetchSnapshot();
    await this.options.cache?.set(this.snapshotKey, data, this.options.cacheMs);
    return data;
  }

  /** A read-only GraphQL query (safe to retry) through the limiter, the breaker and the retries. */
  private post<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const name = `POST ${/query\s+(\w+)/.exec(query)?.[1] ?? 'query'}`;
    return this.http.send({ method: 'POST', segments: [], headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }), name }, (r) => {
      if (r.status !== 200) throw this.http.badResponse(name, `HTTP ${r.status}`, r.status);
      const json = this.http.parseJson<{ data?: T; errors?: Array<{ message: string }> }>(r, name);
      // Decidim 0.27 resolves missing coordinates to [nil, nil]: the field is null and an error
      // sits next to the data. That is a field-level gap, not a failed request.
      const fatal = (json?.errors ?? []).filter((e) => !/^Cannot return null for non-nullable field Coordinates\./.test(e?.message));
      if (fatal.length || !json?.data || typeof json.data !== 'object') {
        throw this.http.badResponse(name, `GraphQL errors: ${fatal.map((e) => e?.message).join('; ').slice(0, 300) || 'no data'}`, r.status);
      }
      return json.data;
    });
  }

  private async fetchSnapshot(): Promise<DecidimData> {
    const snapshot = await this.post<{ participatoryProcesses: Raw[] }>(SNAPSHOT_QUERY);
    const data: DecidimData = { processes: [], proposals: [], meetings: [], results: [], fetchedAt: new Date().toISOString() };
    if (!Array.isArray(snapshot.participatoryProcesses)) throw this.http.badResponse('POST SnapshotQuery', 'answered without its "participatoryProcesses" list');
    for (const p of snapshot.participatoryProcesses) {
      data.processes.push(processOf(p));
      const pid = String(p.id);
      for (const c of p.components ?? []) {
        if (c.proposals) for (const n of await this.allNodes(c.proposals, PROPOSALS_PAGE_QUERY, 'proposals', c.id)) data.proposals.push(proposalOf(n, pid));
        if (c.meetings) for (const n of await this.allNodes(c.meetings, MEETINGS_PAGE_QUERY, 'meetings', c.id)) data.meetings.push(meetingOf(n, pid));
        if (c.results) for (const n of await this.allNodes(c.results, RESULTS_PAGE_QUERY, 'results', c.id)) data.results.push(resultOf(n, pid));
      }
    }
    return data;
  }

  /** The first page from the snapshot, then the component's next pages. */
  private async allNodes(first: Raw, pageQuery: string, field: string, componentId: string): Promise<Raw[]> {
    const nodes: Raw[] = (first.edges ?? []).map((e: Raw) => e.node);
    let pageInfo = first.pageInfo;
    while (pageInfo?.hasNextPage) {
      const page = await this.post<{ component: Raw }>(pageQuery, { componentId, after: pageInfo.endCursor });
      const conn = page.component?.[field];
      if (!conn) break;
      nodes.push(...(conn.edges ?? []).map((e: Raw) => e.node));
      pageInfo = conn.pageInfo;
    }
    return nodes;
  }
}
