/**
 * Notubiz API client: every call carries `format=json&version=1.17.0` (as ORI's extractor
 * sends), `/events` of one period are paged until an empty list (or `has_more_pages` false), and a
 * meeting Notubiz will not show ("No rights to see this meeting") comes back as NOT_PUBLISHED
 * instead of failing the whole list. Every answer must carry its envelope key: a city answering
 * something else fails as UPSTREAM_BAD_RESPONSE instead of reading as "nothing there".
 */
import { UpstreamError } from '../../shared/errors';
import type { UpstreamClient } from '../../shared/upstream';
import type { NotubizEventsPage, NotubizGremium, NotubizMeeting, NotubizModuleItem, NotubizOrganisation } from './types';

export const API_PARAMS = { format: 'json', version: '1.17.0' };
export const NOT_PUBLISHED = 'NOT_PUBLISHED' as const;

export class NotubizClient {
  constructor(readonly http: UpstreamClient, readonly maxPages: number) {}

  /** GET /organisations: organisations with the labels of their attribute fields. */
  async organisations(): Promise<NotubizOrganisation[]> {
    const body = await this.http.getEnvelope<{ organisations?: { organisation?: NotubizOrganisation[] } }>(['organisations'], API_PARAMS, 'organisations', 'object');
    return body?.organisations?.organisation ?? [];
  }

  /** GET /organisations/{id}/gremia: the organisation's committees. */
  async gremia(organisationId: number): Promise<NotubizGremium[]> {
    const body = await this.http.getEnvelope<{ gremia?: NotubizGremium[] }>(['organisations', String(organisationId), 'gremia'], API_PARAMS, 'gremia');
    return body?.gremia ?? [];
  }

  /**
   * GET /events?organisation_id&date_from&date_to&page: every event of one organisation and period
   * (local "YYYY-MM-DD HH:MM:SS" bounds), paged until an empty page or `has_more_pages` false; or
   * `tooMany` when the period holds more than `maxPages` pages, so that the sync halves the period
   * instead of reading a truncated list.
   */
  async events(organisationId: number, dateFrom: string, dateTo: string): Promise<{ items: NotubizMeeting[] } | { tooMany: number }> {
    const events: NotubizMeeting[] = [];
    for (let page = 1; page <= this.maxPages; page++) {
      const body = await this.http.getEnvelope<NotubizEventsPage>(['events'], { organisation_id: organisationId, date_from: dateFrom, date_to: dateTo, page, ...API_PARAMS }, 'events');
      const batch = body?.events ?? [];
      // Where Notubiz says how many there are, a period too full is known from its first page.
      const { total, per_page: perPage } = body?.pagination ?? {};
      if (page === 1 && typeof total === 'number' && typeof perPage === 'number' && perPage > 0 && total > perPage * this.maxPages) return { tooMany: total };
      if (batch.length === 0) return { items: events };
      events.push(...batch);
      if (body?.pagination?.has_more_pages === false) return { items: events };
    }
    return { tooMany: events.length };
  }

  /** GET /events/meetings/{id}: `{"meeting":{…}}`; null when unknown; NOT_PUBLISHED when Notubiz denies it. */
  async meeting(id: number): Promise<NotubizMeeting | typeof NOT_PUBLISHED | null> {
    try {
      const body = await this.http.getEnvelope<{ meeting?: NotubizMeeting }>(['events', 'meetings', String(id)], API_PARAMS, 'meeting', 'object');
      return body?.meeting ?? null;
    } catch (err) {
      if (err instanceof UpstreamError && (err.status === 403 || err.status === 401) && /no rights/i.test(err.body ?? '')) return NOT_PUBLISHED;
      throw err;
    }
  }

  /** GET https://{module_item.self}: the self link carries Notubiz's host; we keep only its path. */
  async moduleItem(self: string): Promise<NotubizModuleItem | null> {
    const path = self.replace(/^(https?:\/\/)?[^/]+\//, '').split('/').filter(Boolean);
    const body = await this.http.getEnvelope<{ item?: NotubizModuleItem }>(path, API_PARAMS, 'item', 'object');
    return body?.item ?? null;
  }
}
