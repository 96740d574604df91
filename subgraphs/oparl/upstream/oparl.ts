/**
 * OParl client (used by the sync only): the System, then the Body's external lists, each paged by
 * following `links.next` until a page has none (the spec makes `next` the only way on; page numbers
 * are the server's business). Every request goes through the shared UpstreamClient (timeout,
 * retries, circuit breaker, bounded bodies). OParl ids are absolute URLs: only URLs on the System's
 * own origin are followed, so a bad link never sends the sync to another host.
 */
import type { Query, UpstreamClient } from '../../shared/upstream';
import type { OParlBody, OParlListPage, OParlObject, OParlSystem } from './types';

/** The filters of an external list (spec 2.5 "Filter"): full date-times. */
export interface ListFilter {
  modified_since?: string;
  modified_until?: string;
  created_since?: string;
  created_until?: string;
}

export class OParlClient {
  private readonly origin: string;

  constructor(
    readonly http: UpstreamClient,
    /** The System object's URL. */
    readonly systemUrl: string,
    /** Most pages one list is followed for (a server whose `next` never ends must not hold the sync forever). */
    private readonly maxPages: number,
  ) {
    this.origin = new URL(systemUrl).origin;
  }

  /** `https://host/a/b?x=1` → the segments and query the UpstreamClient sends (it escapes them again). */
  private request(url: string, extra: Query): { segments: string[]; query: Query } {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw this.http.badResponse('GET', `gave ${JSON.stringify(url)} where a URL was expected`);
    }
    if (parsed.origin !== this.origin) throw this.http.badResponse('GET', `links to ${parsed.origin}, not the System's origin ${this.origin}; not followed`);
    const segments = parsed.pathname.split('/').slice(1).map((s) => decodeURIComponent(s));
    const query: Query = {};
    for (const [k, v] of parsed.searchParams) query[k] = v;
    return { segments, query: { ...query, ...extra } };
  }

  /** GETs one object by its URL; null when the server answers 404. */
  async object<T extends OParlObject>(url: string): Promise<T | null> {
    const { segments, query } = this.request(url, {});
    const body = await this.http.getJson<T>(segments, query);
    if (body !== null && (typeof body !== 'object' || Array.isArray(body) || typeof body.id !== 'string')) {
      throw this.http.badResponse(`GET ${url}`, 'answered without an OParl object (no "id")');
    }
    return body;
  }

  async system(): Promise<OParlSystem> {
    const system = await this.object<OParlSystem>(this.systemUrl);
    if (!system) throw this.http.badResponse(`GET ${this.systemUrl}`, `answered 404 for the System; check the configured System URL ${this.systemUrl}`, 404);
    if (typeof system.body !== 'string') throw this.http.badResponse(`GET ${this.systemUrl}`, 'answered a System without its "body" list URL');
    return system;
  }

  /**
   * Every page of a list, in order: the first page with the filter, then each `links.next` as the
   * server gives it (the server keeps the filter in it, spec 2.5).
   */
  async *pages<T extends OParlObject>(listUrl: string, filter: ListFilter = {}): AsyncGenerator<OParlListPage<T>> {
    const seen = new Set<string>();
    let url: string | undefined = listUrl;
    let extra: Query = { ...filter };
    for (let n = 0; url; n++) {
      if (n >= this.maxPages) throw this.http.badResponse(`GET ${listUrl}`, `list has more than ${this.maxPages} pages (OPARL_MAX_PAGES); not followed further`);
      if (seen.has(url)) throw this.http.badResponse(`GET ${url}`, 'list links back to a page already read (links.next loops)');
      seen.add(url);
      const { segments, query } = this.request(url, extra);
      const page = await this.http.getJson<OParlListPage<T>>(segments, query);
      if (page === null) throw this.http.badResponse(`GET ${url}`, 'answered 404 Not Found for a list', 404);
      if (!page || typeof page !== 'object' || !Array.isArray(page.data)) throw this.http.badResponse(`GET ${url}`, 'answered a list page without its "data" array');
      yield page;
      url = typeof page.links?.next === 'string' && page.links.next ? page.links.next : undefined;
      extra = {};
    }
  }

  /** Every object of a (small) list, e.g. the System's bodies. */
  async all<T extends OParlObject>(listUrl: string): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.pages<T>(listUrl)) out.push(...page.data);
    return out;
  }
}

/** The Body of the System that is the city: the one `bodyId` names (URL or relative), else the only one. */
export function chooseBody(bodies: OParlBody[], bodyId: string | undefined, base: string): OParlBody {
  const live = bodies.filter((b) => b && typeof b.id === 'string' && !b.deleted);
  if (bodyId) {
    const wanted = bodyId.startsWith('http') ? bodyId : base + bodyId.replace(/^\/+/, '');
    const found = live.find((b) => b.id === wanted || b.id.replace(/\/+$/, '') === wanted.replace(/\/+$/, ''));
    if (!found) throw new Error(`the System lists no body ${bodyId}; it lists ${live.map((b) => b.id).join(', ') || 'none'} (settings.bodyId)`);
    return found;
  }
  if (live.length === 1) return live[0];
  throw new Error(`the System lists ${live.length} bodies (${live.map((b) => `${b.id} ${b.name ?? ''}`.trim()).join('; ')}); name the city's with settings.bodyId`);
}
