/**
 * Ahjo REST API client: one method per endpoint the subgraph uses, envelopes unwrapped, list
 * pages followed. Ahjo pages with `page` (0-based) and `size`; we follow until a short page or
 * `nextCount` 0, up to `maxPages` (then the result is truncated and a warning logged).
 */
import type { Query, UpstreamClient } from '../../shared/upstream';
import type { AhjoCase, AhjoDecision, AhjoDecisionMaker, AhjoList, AhjoMeeting, AhjoOrganization } from './types';

export interface AhjoPaging {
  pageSize: number;
  maxPages: number;
}

export class AhjoClient {
  constructor(readonly http: UpstreamClient, readonly paging: AhjoPaging) {}

  private async listAll<T>(segments: string[], key: string, query: Query): Promise<T[]> {
    const items: T[] = [];
    for (let page = 0; page < this.paging.maxPages; page++) {
      const body = await this.http.getEnvelope<AhjoList & Record<string, unknown>>(segments, { ...query, size: this.paging.pageSize, page }, key);
      const batch = (body?.[key] as T[] | undefined) ?? [];
      items.push(...batch);
      if (batch.length < this.paging.pageSize || body?.nextCount === 0) return items;
    }
    this.http.options.logger.warn({ segments, query, maxPages: this.paging.maxPages }, 'Ahjo list truncated at maxPages');
    return items;
  }

  /** GET /decisions: `handledsince`/`handledbefore` in UTC `YYYY-MM-DDTHH:mm:ssZ`, `decisionmaker_id`. */
  decisions(query: { handledsince?: string; handledbefore?: string; decisionmaker_id?: string }): Promise<AhjoDecision[]> {
    return this.listAll<AhjoDecision>(['decisions'], 'decisions', query);
  }

  /** GET /decisions/{NativeId}: a single decision still comes wrapped as `{"decisions":[…]}`. */
  async decision(nativeId: string): Promise<AhjoDecision | null> {
    const body = await this.http.getJson<{ decisions?: AhjoDecision[] } | AhjoDecision>(['decisions', nativeId]);
    if (!body) return null;
    if ('decisions' in body && Array.isArray(body.decisions)) return body.decisions[0] ?? null;
    return this.expect(body as AhjoDecision, 'NativeId', ['decisions', nativeId]);
  }

  /** GET /meetings: `start`/`end`, `decisionmaker_id`, `cancelledonly=true`. */
  meetings(query: { start?: string; end?: string; decisionmaker_id?: string; cancelledonly?: boolean }): Promise<AhjoMeeting[]> {
    return this.listAll<AhjoMeeting>(['meetings'], 'meetings', { ...query, cancelledonly: query.cancelledonly ? 'true' : undefined });
  }

  /** GET /meetings/{MeetingID}: an object (the paatokset proxy wraps it in `{"meetings":[…]}`; both are accepted). */
  async meeting(meetingId: string): Promise<AhjoMeeting | null> {
    const body = await this.http.getJson<{ meetings?: AhjoMeeting[] } | AhjoMeeting>(['meetings', meetingId]);
    if (!body) return null;
    if ('meetings' in body && Array.isArray(body.meetings)) return body.meetings[0] ?? null;
    return this.expect(body as AhjoMeeting, 'MeetingID', ['meetings', meetingId]);
  }

  /** GET /cases: `q`, `handledsince`/`handledbefore`, `resolved`. */
  cases(query: { q?: string; handledsince?: string; handledbefore?: string; resolved?: boolean }): Promise<AhjoCase[]> {
    return this.listAll<AhjoCase>(['cases'], 'cases', { ...query, resolved: query.resolved === undefined ? undefined : String(query.resolved) });
  }

  /** GET /cases/{CaseID}: one case with Handlings and Records. */
  async case(caseId: string): Promise<AhjoCase | null> {
    const body = await this.http.getJson<AhjoCase>(['cases', caseId]);
    return body && this.expect(body, 'CaseID', ['cases', caseId]);
  }

  /** GET /agents/decisionmakers: every decision maker with its composition. */
  async decisionMakers(): Promise<AhjoDecisionMaker[]> {
    const body = await this.http.getEnvelope<{ decisionMakers?: AhjoDecisionMaker[] }>(['agents', 'decisionmakers'], {}, 'decisionMakers');
    return body?.decisionMakers ?? [];
  }

  /** GET /organization?orgid=: an organisation with the levels above and below it. */
  async organization(orgId: string): Promise<AhjoOrganization | null> {
    const body = await this.http.getJson<AhjoOrganization>(['organization'], { orgid: orgId });
    return body && this.expect(body, 'ID', ['organization']);
  }

  /** A detail answer must carry its identifying field: anything else is a bad answer, not "not found". */
  private expect<T extends object>(body: T, field: string, segments: string[]): T {
    if (body && typeof body === 'object' && (body as Record<string, unknown>)[field]) return body;
    throw this.http.badResponse(`GET /${segments.join('/')}`, `answered without the "${field}" of what was asked`);
  }
}
