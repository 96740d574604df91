/**
 * Decidim GraphQL client for a city's instance; only the sync calls it. Decidim allows 100 requests
 * a minute per IP by default (Rack::Attack; decidim.barcelona does): requests are spaced by a client-side limiter
 * (`spacedRequests`: bottleneck, `minTime` = 60 s / limit, so no 60-second window ever holds more
 * than the limit). A snapshot is every published process, its components and their items: one
 * batched query plus the next pages of components holding more than a page.
 */
import Bottleneck from 'bottleneck';
import type { UpstreamClient } from '../../shared/upstream';
import { MEETINGS_PAGE_QUERY, PROPOSALS_PAGE_QUERY, RESULTS_PAGE_QUERY, SNAPSHOT_QUERY } from './decidim-queries';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An item as Decidim sent it, with the process and component it was listed under (Decidim's nodes do not say). */
export interface DecidimItem {
  processId: string;
  componentId: string;
  node: Raw;
}

/** Everything Decidim publishes that the subgraph keeps, as sent (processes without their components). */
export interface DecidimRecords {
  processes: Raw[];
  proposals: DecidimItem[];
  meetings: DecidimItem[];
  results: DecidimItem[];
}

/**
 * The `schedule` option of Decidim's UpstreamClient: every attempt, retries included, waits its turn,
 * as the instance's limit counts them all.
 */
export function spacedRequests(requestsPerMinute: number): <T>(attempt: () => Promise<T>) => Promise<T> {
  const limiter = new Bottleneck({ maxConcurrent: 1, minTime: Math.ceil(60000 / requestsPerMinute) });
  return (attempt) => limiter.schedule(attempt);
}

export class DecidimClient {
  /** `http` points at the instance's GraphQL endpoint, its attempts spaced by `spacedRequests`. */
  constructor(readonly http: UpstreamClient) {}

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

  /** The whole snapshot; any failed request fails it (a partial snapshot would read as deletions). */
  async snapshot(onPage: (requests: number) => void = () => undefined): Promise<DecidimRecords> {
    const snapshot = await this.post<{ participatoryProcesses: Raw[] }>(SNAPSHOT_QUERY);
    let requests = 1;
    onPage(requests);
    if (!Array.isArray(snapshot.participatoryProcesses)) throw this.http.badResponse('POST DecidimSnapshot', 'answered without its "participatoryProcesses" list');
    const records: DecidimRecords = { processes: [], proposals: [], meetings: [], results: [] };
    const walk = async (first: Raw, pageQuery: string, field: string, processId: string, componentId: string, into: DecidimItem[]) => {
      const nodes: Raw[] = (first.edges ?? []).map((e: Raw) => e.node);
      let pageInfo = first.pageInfo;
      while (pageInfo?.hasNextPage) {
        const page = await this.post<{ component: Raw }>(pageQuery, { componentId, after: pageInfo.endCursor });
        onPage(++requests);
        const conn = page.component?.[field];
        if (!conn) throw this.http.badResponse(`POST ${field} page`, `answered without the component's "${field}" (component ${componentId})`);
        nodes.push(...(conn.edges ?? []).map((e: Raw) => e.node));
        pageInfo = conn.pageInfo;
      }
      for (const node of nodes) into.push({ processId, componentId, node });
    };
    for (const p of snapshot.participatoryProcesses) {
      const { components, ...process } = p ?? {};
      records.processes.push(process);
      const pid = String(process.id);
      for (const c of components ?? []) {
        const cid = String(c?.id);
        if (c?.proposals) await walk(c.proposals, PROPOSALS_PAGE_QUERY, 'proposals', pid, cid, records.proposals);
        if (c?.meetings) await walk(c.meetings, MEETINGS_PAGE_QUERY, 'meetings', pid, cid, records.meetings);
        if (c?.results) await walk(c.results, RESULTS_PAGE_QUERY, 'results', pid, cid, records.results);
      }
    }
    return records;
  }
}
