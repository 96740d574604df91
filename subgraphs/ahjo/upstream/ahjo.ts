/**
 * Ahjo REST API client: one method per endpoint the subgraph uses, envelopes unwrapped. Lists are
 * asked for one period at a time (`handledsince`/`handledbefore`, `start`/`end`): Ahjo pages with
 * `page` (0-based) and `size` and says how many there are (`count`); a period holding more than
 * the sync takes at once answers `tooMany`, and the sync halves it (never a truncated list).
 */
import type { Query, UpstreamClient } from '../../shared/upstream';
import type { AhjoCase, AhjoDecision, AhjoDecisionMaker, AhjoList, AhjoMeeting, AhjoOrganization } from './types';

export interface AhjoPaging {
  pageSize: number;
  maxPages: number;
}

export class AhjoClient {
  constructor(readonly http: UpstreamClient, readonly paging: AhjoPaging) {}

  /**
   * Every item of one period of a list, or `tooMany` (with Ahjo's count) when the period holds more
   * than `maxItems` or than `maxPages` pages.
   */
  private async period<T>(key: 'decisions' | 'meetings' | 'cases', query: Query, maxItems: number): Promise<{ items: T[] } | { tooMany: number }> {
    const items: T[] = [];
    for (let page = 0; page < this.paging.maxPages; page++) {
      const body = await this.http.getEnvelope<AhjoList & Record<string, unknown>>([key], { ...query, size: this.paging.pageSize, page }, key);
      const count = typeof body?.count === 'number' ? body.count : null;
      if (page === 0 && count !== null && count > maxItems) return { tooMany: count };
      const batch = (body?.[key] as T[] | undefined) ?? [];
      items.push(...batch);
      if (batch.length < this.paging.pageSize || body?.nextCount === 0 || (count !== null && items.length >= count)) return { items };
    }
    return { tooMany: items.length };
  }

  /** GET /decisions of a period: `handledsince`/`handledbefore` in UTC `YYYY-MM-DDTHH:mm:ssZ`. */
  decisions(query: { handledsince: string; handledbefore: string }, maxItems: number): Promise<{ items: AhjoDecision[] } | { tooMany: number }> {
    return this.period<AhjoDecision>('decisions', query, maxItems);
  }

  /** GET /decisions/{NativeId}: a single decision still comes wrapped as `{"decisions":[…]}`. */
  async decision(nativeId: string): Promise<AhjoDecision | null> {
    const body = await this.http.getJson<{ decisions?: AhjoDecision[] } | AhjoDecision>(['decisions', nativeId]);
    if (!body) return null;
    if ('decisions' in body && Array.isArray(body.decisions)) return body.decisions[0] ?? null;
    return this.expect(body as AhjoDecision, 'NativeId', ['decisions', nativeId]);
  }

  /** GET /meetings of a period: `start`/`end` (Ahjo's default window without them is never used). */
  meetings(query: { start: string; end: string }, maxItems: number): Promise<{ items: AhjoMeeting[] } | { tooMany: number }> {
    return this.period<AhjoMeeting>('meetings', query, maxItems);
  }

  /** GET /meetings/{MeetingID}: an object (the paatokset proxy wraps it in `{"meetings":[…]}`; both are accepted). */
  async meeting(meetingId: string): Promise<AhjoMeeting | null> {
    const body = await this.http.getJson<{ meetings?: AhjoMeeting[] } | AhjoMeeting>(['meetings', meetingId]);
    if (!body) return null;
    if ('meetings' in body && Array.isArray(body.meetings)) return body.meetings[0] ?? null;
    return this.expect(body as AhjoMeeting, 'MeetingID', ['meetings', meetingId]);
  }

  /** GET /cases of a period (`handledsince`/`handledbefore`); list items leave out Handlings and Records. */
  cases(query: { handledsince: string; handledbefore: string }, maxItems: number): Promise<{ items: AhjoCase[] } | { tooMany: number }> {
    return this.period<AhjoCase>('cases', query, maxItems);
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
