/**
 * A local replica of the Notubiz API (version 1.17.0) over a directory of files in Notubiz's own
 * shapes: organisations.json (`GET /organisations`), gremia/{org}.json (`{"gremia":[…]}`),
 * meetings/{id}.json (`{"meeting":{…}}`, exactly as `GET /events/meetings/{id}` returns it) and
 * module_items/{id}.json (`{"item":{…}}`). The events list is derived from the meetings and paged
 * like the real API, ending with an empty page.
 *
 * Where Notubiz's behaviour is not documented in our sources (the events item shape, the page
 * size, the status code of "No rights to see this meeting", error bodies) the choice is noted inline.
 *
 * At scale N (option `scale`, `<CITY>_REPLICA_SCALE`) it serves N copies of the meetings, their
 * agendas, documents and module items with their own ids and earlier dates (copies.ts); the events
 * list runs over all copies without building them. At scale 1 it answers exactly as it always has.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { DateTime } from 'luxon';
import { listen, type RunningService } from '../../shared/server';
import { localMillis } from '../../shared/time';
import { copyCalendar, CopyTimeline, sendJson as json, replicaScale, replicaServer, ZoneClock, type Faults } from '../../shared/replica';
import type { NotubizGremium, NotubizMeeting, NotubizModuleItem, NotubizOrganisation } from '../upstream/types';
import { copyDocument, copyId, copyMeeting, copyModuleItem, idStride, MAX_ID, parseCopyId, type Copy } from './copies';

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
  /** IANA zone of the municipality's local times (its registry entry's timezone). */
  zone: string;
  /** Added delay per request, to imitate a remote city API. */
  latencyMs?: number;
  /** Serve the dataset this many times over (copies with their own ids and earlier dates); default 1. */
  scale?: number;
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
function instant(value: string | null | undefined, zone: string): number | null {
  return localMillis(value, zone);
}

/** The fields of meetings, agenda items, documents and module items that hold local times or dates. */
const DATE_FIELDS = new Set(['creation_date', 'last_modified', 'start_date', 'end_date', 'publication_date', 'date', 'created']);

/** Every id a copy renumbers, and every date it moves back, found in the base records. */
function idsAndDates(records: unknown[]): { maxId: number; dates: string[] } {
  let maxId = 0;
  const dates: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (k !== 'organisation' && k !== 'gremium' && k !== 'versions' && k !== 'types' && k !== 'module') walk(v, k);
    } else if (key === 'id' && typeof value === 'number') maxId = Math.max(maxId, value);
    else if (DATE_FIELDS.has(key) && typeof value === 'string') dates.push(value);
  };
  walk(records, '');
  return { maxId, dates };
}

export function createNotubizReplica(options: NotubizReplicaOptions): { server: http.Server; data: NotubizReplicaData; scale: number; requests: string[]; faults: Faults; listen(port: number, host?: string): Promise<RunningService> } {
  const data = loadNotubizData(options.dataDir);
  const scale = replicaScale(options.scale ?? 1, 'The Notubiz replica option scale');
  const { maxId, dates } = idsAndDates([...data.meetings, ...data.moduleItems.values()]);
  const stride = idStride(maxId);
  if ((scale - 1) * stride + maxId > MAX_ID) {
    throw new Error(`Notubiz replica: at scale ${scale} copied ids would pass 12 digits (ids go up to ${maxId}, copies are ${stride} apart); the largest scale for this dataset is ${Math.floor((MAX_ID - maxId) / stride) + 1}.`);
  }
  const calendar = copyCalendar(dates);
  const copy = (k: number): Copy => ({ copy: k, days: calendar.daysBack(k), stride });
  const clock = new ZoneClock(options.zone);
  // The events list over every copy, oldest first (Notubiz's order), one instant per copy and meeting;
  // rebuilt when a meeting is added, removed or moved in `data` (tests change it while the replica runs).
  const timelineOf = () => {
    const starts = data.meetings.map((m) => clock.moved(m.plannings?.[0]?.start_date));
    return new CopyTimeline(data.meetings.length, scale, (j, k) => starts[j](calendar.daysBack(k)), false);
  };
  const shapeOf = () => data.meetings.map((m) => `${m.id}@${m.plannings?.[0]?.start_date}`).join(',');
  let timeline = { shape: shapeOf(), events: timelineOf() };
  const currentEvents = () => {
    const shape = shapeOf();
    if (shape !== timeline.shape) timeline = { shape, events: timelineOf() };
    return timeline.events;
  };
  /** A copied id (`301168780`) as its copy and base id; null for base ids and ids beyond the scale. */
  const copyOf = (id: number): { base: number; copy: number } | null => {
    const parsed = Number.isSafeInteger(id) && id >= stride ? parseCopyId(id, stride) : null;
    return parsed && parsed.copy < scale ? parsed : null;
  };
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
      const from = instant(q('date_from'), options.zone);
      const to = instant(q('date_to'), options.zone);
      if (!org || from === null || to === null) return json(res, 400, { message: 'organisation_id, date_from and date_to ("YYYY-MM-DD HH:MM:SS") are required' });
      const page = Math.max(1, Number(q('page')) || 1);
      const events = currentEvents();
      const { total, pairs } = events.page(
        { since: from, until: to, inclusive: true },
        (pair) => data.meetings[events.baseOf(pair)].organisation?.id === org,
        (page - 1) * EVENTS_PAGE_SIZE,
        page * EVENTS_PAGE_SIZE,
      );
      // The events list carries the meeting without its agenda, documents and module items (our choice: the
      // item shape is not documented; ORI reads only id and permission_group from it).
      const slice = pairs.map((pair) => {
        const { agenda_items: _a, documents: _d, module_items: _m, ...event } = data.meetings[events.baseOf(pair)];
        return copyMeeting(event, copy(events.copyOf(pair)));
      });
      return json(res, 200, {
        events: slice,
        pagination: { page, per_page: EVENTS_PAGE_SIZE, total, has_more_pages: page * EVENTS_PAGE_SIZE < total },
      });
    }
    if (parts[0] === 'events' && parts[1] === 'meetings' && parts.length === 3) {
      const wanted = /^\d+$/.test(parts[2]) ? copyOf(Number(parts[2])) : null;
      const base = data.meetings.find((x) => String(x.id) === (wanted ? String(wanted.base) : parts[2]));
      if (!base || (wanted && String(copyId(base.id, copy(wanted.copy))) !== parts[2])) return json(res, 404, { message: 'Meeting not found' });
      // The message is Notubiz's (ORI's extractor matches it); the 403 status is our choice.
      if ((base.permission_group ?? 'public') !== 'public') return json(res, 403, { message: 'No rights to see this meeting' });
      return json(res, 200, { meeting: copyMeeting(base, copy(wanted?.copy ?? 0)) });
    }
    if (parts[0] === 'module_items' && parts.length === 2) {
      const id = Number(parts[1]);
      const wanted = data.moduleItems.has(id) ? null : copyOf(id);
      const item = data.moduleItems.get(wanted ? wanted.base : id);
      return item ? json(res, 200, { item: copyModuleItem(item, copy(wanted?.copy ?? 0)) }) : json(res, 404, { message: 'Item not found' });
    }
    if (parts[0] === 'document' && parts.length === 2) {
      // Document metadata (ORI enriches from `self`); the envelope is our choice.
      const wanted = /^\d+$/.test(parts[1]) ? copyOf(Number(parts[1])) : null;
      const baseId = wanted ? String(wanted.base) : parts[1];
      for (const m of data.meetings) {
        const docs = [...(m.documents ?? []), ...flatItems(m.agenda_items ?? []).flatMap((i) => i.documents ?? [])];
        const doc = docs.find((d) => String(d.id) === baseId);
        if (doc && (m.permission_group ?? 'public') === 'public') return json(res, 200, { document: copyDocument(doc, copy(wanted?.copy ?? 0)) });
      }
      return json(res, 404, { message: 'Document not found' });
    }
    return json(res, 404, { message: 'Not found' });
  }

  const faults: Faults = {};
  const server = replicaServer(handle, options.latencyMs, faults);
  return { server, data, scale, requests, faults, listen: (port, host = '127.0.0.1') => listen(server, port, host, '', async () => {}) };
}

function flatItems(items: NonNullable<NotubizMeeting['agenda_items']>): NonNullable<NotubizMeeting['agenda_items']> {
  return items.flatMap((i) => [i, ...flatItems(i.agenda_items ?? [])]);
}
