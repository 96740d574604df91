/**
 * Decidim GraphQL client for a city's instance; only the sync calls it. Each snapshot first asks the
 * instance its version (`decidim { version }`), or, when it answers null (0.30+ hides it unless the
 * server discloses it) or something unreadable, which fields its Proposal and Meeting types have
 * (introspection); the release decides the query set (upstream/decidim-queries.ts). A field the
 * instance lacks anyway fails the snapshot with UPSTREAM_BAD_RESPONSE naming each `Type.field`.
 * Decidim allows 100 requests
 * a minute per IP by default (Rack::Attack; decidim.barcelona does): requests are spaced by a client-side limiter
 * (`spacedRequests`: bottleneck, `minTime` = 60 s / limit, so no 60-second window ever holds more
 * than the limit). A snapshot is every published process, its components and their items: one
 * batched query plus the next pages of components holding more than a page.
 */
import Bottleneck from 'bottleneck';
import { UpstreamError } from '../../shared/errors';
import type { UpstreamClient } from '../../shared/upstream';
import { decidimRelease, releaseName, type DecidimRelease } from '../decidim-release';
import { decidimQueries, FIELD_PROBE_QUERY, QUERY_LINES, VERSION_QUERY, type DecidimFieldProbe, type DecidimGraphQLError, type DecidimVersion } from './decidim-queries';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An item as Decidim sent it, with the process and component it was listed under (Decidim's nodes do not say). */
export interface DecidimItem {
  processId: string;
  /** The process's slug: part of the item's public URL. */
  processSlug: string | null;
  componentId: string;
  node: Raw;
}

/** What the client learnt of the instance before reading it. */
export interface DecidimInstance {
  /** `decidim.version` as answered (null when hidden). */
  version: string | null;
  /** The query set used: 27 (0.27/0.28), 29, 30 or 31. */
  queryLine: DecidimRelease;
  /** How the release was told: the version answered, the fields the instance has, or neither (the newest set). */
  detectedBy: 'version' | 'fields' | 'newest';
}

/** Everything Decidim publishes that the subgraph keeps, as sent (processes without their components). */
export interface DecidimRecords {
  instance: DecidimInstance;
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

/** `Type.field` of each validation error about a field the instance does not have (graphql-ruby's `undefinedField`). */
export function missingFieldsOf(errors: DecidimGraphQLError[]): string[] {
  const names = errors
    .filter((e) => e?.extensions?.code === 'undefinedField' && typeof e.extensions.typeName === 'string' && typeof e.extensions.fieldName === 'string')
    .map((e) => `${e.extensions!.typeName}.${e.extensions!.fieldName}`);
  return [...new Set(names)];
}

/**
 * The release whose shape a probe's field names show (see docs/decidim-versions.md §5): likes → 0.31,
 * taxonomies → 0.30, withdrawn proposals as a flag → 0.29, else 0.27. Null without a Proposal type.
 */
export function releaseOfFields(probe: DecidimFieldProbe): DecidimRelease | null {
  const proposal = new Set((probe.proposal?.fields ?? []).map((f) => f.name));
  if (proposal.size === 0) return null;
  if (proposal.has('likesCount')) return 31;
  if (proposal.has('taxonomies')) return 30;
  if (proposal.has('withdrawn')) return 29;
  return 27;
}

const NEWEST_LINE = QUERY_LINES[QUERY_LINES.length - 1];

export class DecidimClient {
  /** `http` points at the instance's GraphQL endpoint, its attempts spaced by `spacedRequests`. */
  constructor(readonly http: UpstreamClient) {}

  /** A read-only GraphQL query (safe to retry) through the limiter, the breaker and the retries. */
  private post<T>(query: string, variables: Record<string, unknown> = {}, instance?: DecidimInstance): Promise<T> {
    const name = `POST ${/query\s+(\w+)/.exec(query)?.[1] ?? 'query'}`;
    return this.http.send({ method: 'POST', segments: [], headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }), name }, (r) => {
      if (r.status !== 200) throw this.http.badResponse(name, `HTTP ${r.status}`, r.status);
      const json = this.http.parseJson<{ data?: T; errors?: DecidimGraphQLError[] }>(r, name);
      // A field the instance does not have: say which, and what we took the instance for.
      const missing = missingFieldsOf(json?.errors ?? []);
      if (missing.length) {
        const took = instance ? ` (read as Decidim ${releaseName(instance.queryLine)}${instance.version ? `, version ${instance.version}` : ''}, by ${instance.detectedBy})` : '';
        throw this.http.badResponse(name, `the instance lacks ${missing.join(', ')}${took}`, r.status);
      }
      // Decidim 0.27 resolves missing coordinates to [nil, nil]: the field is null and an error
      // sits next to the data. That is a field-level gap, not a failed request.
      const fatal = (json?.errors ?? []).filter((e) => !/^Cannot return null for non-nullable field Coordinates\./.test(e?.message));
      if (fatal.length || !json?.data || typeof json.data !== 'object') {
        throw this.http.badResponse(name, `GraphQL errors: ${fatal.map((e) => e?.message).join('; ').slice(0, 300) || 'no data'}`, r.status);
      }
      return json.data;
    });
  }

  /**
   * Which query set reads the instance: its version when it tells one, else the fields it has, else
   * (introspection refused or answered oddly) the newest set. A failed request fails the sync.
   */
  async detect(onRequest: () => void = () => undefined): Promise<DecidimInstance> {
    const answer = await this.post<DecidimVersion>(VERSION_QUERY);
    onRequest();
    const version = typeof answer.decidim?.version === 'string' ? answer.decidim.version : null;
    const release = decidimRelease(version);
    if (release !== null) return { version, queryLine: decidimQueries(release).line, detectedBy: 'version' };
    let probed: DecidimRelease | null = null;
    try {
      probed = releaseOfFields(await this.post<DecidimFieldProbe>(FIELD_PROBE_QUERY));
    } catch (err) {
      // An instance refusing anonymous introspection (0.32 may) answers errors: read it as the newest.
      if (!(err instanceof UpstreamError) || err.kind !== 'bad_response') throw err;
    }
    onRequest();
    return probed === null ? { version, queryLine: NEWEST_LINE, detectedBy: 'newest' } : { version, queryLine: decidimQueries(probed).line, detectedBy: 'fields' };
  }

  /** The whole snapshot; any failed request fails it (a partial snapshot would read as deletions). */
  async snapshot(onPage: (requests: number) => void = () => undefined): Promise<DecidimRecords> {
    let requests = 0;
    const instance = await this.detect(() => onPage(++requests));
    const queries = decidimQueries(instance.queryLine);
    const snapshot = await this.post<{ participatoryProcesses: Raw[] }>(queries.snapshot, {}, instance);
    onPage(++requests);
    if (!Array.isArray(snapshot.participatoryProcesses)) throw this.http.badResponse('POST DecidimSnapshot', 'answered without its "participatoryProcesses" list');
    const records: DecidimRecords = { instance, processes: [], proposals: [], meetings: [], results: [] };
    const walk = async (first: Raw, pageQuery: string, field: string, process: Raw, componentId: string, into: DecidimItem[]) => {
      const nodes: Raw[] = (first.edges ?? []).map((e: Raw) => e.node);
      let pageInfo = first.pageInfo;
      while (pageInfo?.hasNextPage) {
        const page = await this.post<{ component: Raw }>(pageQuery, { componentId, after: pageInfo.endCursor }, instance);
        onPage(++requests);
        const conn = page.component?.[field];
        if (!conn) throw this.http.badResponse(`POST ${field} page`, `answered without the component's "${field}" (component ${componentId})`);
        nodes.push(...(conn.edges ?? []).map((e: Raw) => e.node));
        pageInfo = conn.pageInfo;
      }
      const where = { processId: String(process.id), processSlug: typeof process.slug === 'string' ? process.slug : null, componentId };
      // A null node (0.30+ answers one for what an anonymous visitor may not read) is set aside by the sync's checks, not dropped.
      for (const node of nodes) into.push({ ...where, node });
    };
    for (const p of snapshot.participatoryProcesses) {
      const { components, ...process } = p ?? {};
      records.processes.push(process);
      for (const c of components ?? []) {
        const cid = String(c?.id);
        if (c?.proposals) await walk(c.proposals, queries.proposalsPage, 'proposals', process, cid, records.proposals);
        if (c?.meetings) await walk(c.meetings, queries.meetingsPage, 'meetings', process, cid, records.meetings);
        if (c?.results) await walk(c.results, queries.resultsPage, 'results', process, cid, records.results);
      }
    }
    return records;
  }
}
