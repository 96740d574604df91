/**
 * A local replica of the Notubiz API (version 1.17.0) over a directory of files in Notubiz's own
 * shapes: organisations.json (`GET /organisations`), gremia/{org}.json (`{"gremia":[…]}`),
 * meetings/{id}.json (`{"meeting":{…}}`, exactly as `GET /events/meetings/{id}` returns it) and
 * module_items/{id}.json (`{"item":{…}}`). The events list is derived from the meetings and paged
 * like the real API, ending with an empty page.
 *
 * Where Notubiz's behaviour is not documented in our sources (the events item shape, the page
 * size, the status code of "No rights to see this meeting", error bodies) the choice is noted inline.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { DateTime } from 'luxon';
import { listen, type RunningService } from '../../shared/server';
import { localMillis } from '../../shared/time';
import { sendJson as json, replicaServer, type Faults } from '../../shared/replica';
import type { NotubizGremium, NotubizMeeting, NotubizModuleItem, NotubizOrganisation } from '../upstream/types';

const ZONE = 'Europe/Amsterdam';
/** Notubiz's events page size is not documented; 20 makes paging visible with small datasets. */
export const EVENTS_PAGE_SIZE = 20;

export interface NotubizReplicaData {
  organisations: NotubizOrganisation[];
  gremia: Map<number, NotubizGremium[]>;
  meetings: NotubizMeeting[];
  moduleItems: Map<number, NotubizModuleItem>;
}

export interface NotubizReplicaOptions {
  dataDir: string;
  /** Added delay per request, to imitate a remote city API. */
  latencyMs?: number;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function readDir<T>(dir: string, read: (file: string) => T): Array<[number, T]> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d+\.json$/.test(f))
    .map((f) => [Number(f.replace('.json', '')), read(path.join(dir, f))]);
}

export function loadNotubizData(dataDir: string): NotubizReplicaData {
  const orgFile = path.join(dataDir, 'organisations.json');
  const organisations = fs.existsSync(orgFile) ? readJson<{ organisations: { organisation: NotubizOrganisation[] } }>(orgFile).organisations.organisation : [];
  const gremia = new Map(readDir(path.join(dataDir, 'gremia'), (f) => readJson<{ gremia: NotubizGremium[] }>(f).gremia));
  const meetings = readDir(path.join(dataDir, 'meetings'), (f) => {
    const body = readJson<{ meeting?: NotubizMeeting }>(f);
    if (!body.meeting) throw new Error(`${f}: expected {"meeting":{…}} as GET /events/meetings/{id} returns it.`);
    return body.meeting;
  }).map(([, m]) => m);
  const moduleItems = new Map(readDir(path.join(dataDir, 'module_items'), (f) => readJson<{ item: NotubizModuleItem }>(f).item));
  return { organisations, gremia, meetings, moduleItems };
}

/** Notubiz's "YYYY-MM-DD HH:MM:SS" local times as instants. */
function instant(value: string | null | undefined): number | null {
  return localMillis(value, ZONE);
}

export function createNotubizReplica(options: NotubizReplicaOptions): { server: http.Server; data: NotubizReplicaData; requests: string[]; faults: Faults; listen(port: number, host?: string): Promise<RunningService> } {
  const data = loadNotubizData(options.dataDir);
  const requests: string[] = [];

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.method !== 'GET') return json(res, 405, { message: 'Only GET is supported' });
    if (url.pathname === '/health') return json(res, 200, { status: 'ok' });
    // Every Notubiz call carries format=json&version=…; the replica insists, so a client that forgets is caught.
    if (url.searchParams.get('format') !== 'json' || !url.searchParams.get('version')) {
      return json(res, 400, { message: 'format=json and version are required' });
    }
    const parts = url.pathname.split('/').filter(Boolean);
    const q = (name: string) => url.searchParams.get(name);

    if (parts[0] === 'organisations' && parts.length === 1) {
      return json(res, 200, { organisations: { organisation: data.organisations } });
    }
    if (parts[0] === 'organisations' && parts[2] === 'gremia' && parts.length === 3) {
      const gremia = data.gremia.get(Number(parts[1]));
      return gremia ? json(res, 200, { gremia }) : json(res, 404, { message: 'Organisation not found' });
    }
    if (parts[0] === 'events' && parts.length === 1) {
      const org = Number(q('organisation_id'));
      const from = instant(q('date_from'));
      const to = instant(q('date_to'));
      if (!org || from === null || to === null) return json(res, 400, { message: 'organisation_id, date_from and date_to ("YYYY-MM-DD HH:MM:SS") are required' });
      const page = Math.max(1, Number(q('page')) || 1);
      const all = data.meetings
        .filter((m) => m.organisation?.id === org)
        .filter((m) => {
          const t = instant(m.plannings?.[0]?.start_date);
          return t !== null && t >= from && t <= to;
        })
        .sort((a, b) => (instant(a.plannings?.[0]?.start_date) ?? 0) - (instant(b.plannings?.[0]?.start_date) ?? 0))
        // The events list carries the meeting without its agenda, documents and module items (our choice: the
        // item shape is not documented; ORI reads only id and permission_group from it).
        .map(({ agenda_items: _a, documents: _d, module_items: _m, ...event }) => event);
      const slice = all.slice((page - 1) * EVENTS_PAGE_SIZE, page * EVENTS_PAGE_SIZE);
      return json(res, 200, {
        events: slice,
        pagination: { page, per_page: EVENTS_PAGE_SIZE, total: all.length, has_more_pages: page * EVENTS_PAGE_SIZE < all.length },
      });
    }
    if (parts[0] === 'events' && parts[1] === 'meetings' && parts.length === 3) {
      const m = data.meetings.find((x) => String(x.id) === parts[2]);
      if (!m) return json(res, 404, { message: 'Meeting not found' });
      // The message is Notubiz's (ORI's extractor matches it); the 403 status is our choice.
      if ((m.permission_group ?? 'public') !== 'public') return json(res, 403, { message: 'No rights to see this meeting' });
      return json(res, 200, { meeting: m });
    }
    if (parts[0] === 'module_items' && parts.length === 2) {
      const item = data.moduleItems.get(Number(parts[1]));
      return item ? json(res, 200, { item }) : json(res, 404, { message: 'Item not found' });
    }
    if (parts[0] === 'document' && parts.length === 2) {
      // Document metadata (ORI enriches from `self`); the envelope is our choice.
      for (const m of data.meetings) {
        const docs = [...(m.documents ?? []), ...flatItems(m.agenda_items ?? []).flatMap((i) => i.documents ?? [])];
        const doc = docs.find((d) => String(d.id) === parts[1]);
        if (doc && (m.permission_group ?? 'public') === 'public') return json(res, 200, { document: doc });
      }
      return json(res, 404, { message: 'Document not found' });
    }
    return json(res, 404, { message: 'Not found' });
  }

  const faults: Faults = {};
  const server = replicaServer(handle, options.latencyMs, faults);
  return { server, data, requests, faults, listen: (port, host = '127.0.0.1') => listen(server, port, host, '', async () => {}) };
}

function flatItems(items: NonNullable<NotubizMeeting['agenda_items']>): NonNullable<NotubizMeeting['agenda_items']> {
  return items.flatMap((i) => [i, ...flatItems(i.agenda_items ?? [])]);
}
