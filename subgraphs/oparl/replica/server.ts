/**
 * A local replica of an OParl 1.1 server over a directory of files in OParl's own shapes:
 * system.json (the System), bodies.json, organizations.json, persons.json, meetings.json and
 * papers.json (arrays of whole objects, with their embedded agenda items, consultations,
 * memberships, files and locations). The data's ids are URLs on the specification's example origin
 * (`https://oparl.example.org/`); the replica serves every object and list under its own origin
 * (`http://<host>/oparl/v1/…`, from the request's Host), rewriting the ids as it answers.
 *
 * Lists (spec 2.5): every list a Body names is served in small pages (`page` numbers are the
 * replica's own business: clients follow `links.next`), with `pagination` and `links`
 * (first/prev/self/next/last), stable order, and the filters `modified_since`, `modified_until`,
 * `created_since`, `created_until` (full date-times; kept in every link). Deleted objects
 * (`deleted: true`) are listed only with `modified_since`, as the spec has it for incremental sync.
 * Embedded objects are also served on their own URL, and in the Body's agendaItem, consultation,
 * file, membership and location lists, with their backreference (`meeting`, `paper`, `person`).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { listen, type RunningService } from '../../shared/server';
import { replicaServer, type Faults } from '../../shared/replica';
import type { OParlBody, OParlObject, OParlSystem } from '../upstream/types';

/** The specification's example origin, which the data's ids are on. */
export const DATA_BASE = 'https://oparl.example.org/';
/** Where the replica serves the data's root (the System, whose example id is the origin itself). */
export const SERVED_PATH = '/oparl/v1/';
export const DEFAULT_PAGE_SIZE = 20;

export interface OParlReplicaData {
  system: OParlSystem;
  bodies: OParlBody[];
  organizations: OParlObject[];
  persons: OParlObject[];
  meetings: OParlObject[];
  papers: OParlObject[];
}

export interface OParlReplicaOptions {
  dataDir: string;
  /** Objects per list page (default 20). */
  pageSize?: number;
  /** Added delay per request, to imitate a remote server. */
  latencyMs?: number;
}

export interface OParlReplica {
  server: http.Server;
  data: OParlReplicaData;
  /** Every request's path and query, in order (tests count them). */
  requests: string[];
  faults: Faults;
  /** Changes the data while the replica runs (a test's upstream change). */
  update(change: (data: OParlReplicaData) => void): void;
  /** Changes one top-level object (id relative to the root, e.g. `paper/749`) and stamps it modified now. */
  modify(sourceId: string, change: (object: Record<string, any>) => void): void; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Deletes one top-level object: it stays as `{id, type, deleted: true, modified}` (listed under modified_since). */
  remove(sourceId: string): void;
  listen(port: number, host?: string): Promise<RunningService>;
}

function readJson<T>(dir: string, name: string, fallback: T): T {
  const file = path.join(dir, name);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : fallback;
}

export function loadOParlData(dataDir: string): OParlReplicaData {
  const system = readJson<OParlSystem | null>(dataDir, 'system.json', null);
  if (!system) throw new Error(`${path.join(dataDir, 'system.json')}: missing; generate the data with npm run data:oparl.`);
  return {
    system,
    bodies: readJson(dataDir, 'bodies.json', []),
    organizations: readJson(dataDir, 'organizations.json', []),
    persons: readJson(dataDir, 'persons.json', []),
    meetings: readJson(dataDir, 'meetings.json', []),
    papers: readJson(dataDir, 'papers.json', []),
  };
}

const isObject = (v: unknown): v is OParlObject => !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as OParlObject).id === 'string';
const typeName = (o: OParlObject) => (typeof o.type === 'string' ? o.type.slice(o.type.lastIndexOf('/') + 1) : '');

/** Where each embedded type is listed, and its backreference to the object it is embedded in. */
const EMBEDDED: Record<string, { list: keyof OParlBody; backref?: string }> = {
  AgendaItem: { list: 'agendaItem', backref: 'meeting' },
  Consultation: { list: 'consultation', backref: 'paper' },
  Membership: { list: 'membership', backref: 'person' },
  File: { list: 'file' },
  Location: { list: 'locationList' },
  LegislativeTerm: { list: 'legislativeTermList' },
};

interface Index {
  /** Every object by id: top-level ones, and embedded ones with their backreference. */
  objects: Map<string, OParlObject>;
  /** Every list URL (data origin) → its objects in order. */
  lists: Map<string, OParlObject[]>;
}

function buildIndex(data: OParlReplicaData): Index {
  const objects = new Map<string, OParlObject>();
  const lists = new Map<string, OParlObject[]>();
  objects.set(data.system.id, data.system);
  lists.set(data.system.body, data.bodies);
  const top: Array<[keyof OParlBody, OParlObject[]]> = [['organization', data.organizations], ['person', data.persons], ['meeting', data.meetings], ['paper', data.papers]];
  for (const [, list] of top) for (const o of list) objects.set(o.id, o);
  for (const b of data.bodies) objects.set(b.id, b);
  const embedded = new Map<string, OParlObject[]>();
  /** Embedded objects, depth first; the first occurrence of an id is the one served. */
  const walk = (value: unknown, parent: OParlObject | null): void => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v, parent));
    if (!value || typeof value !== 'object') return;
    if (isObject(value) && parent && !objects.has(value.id) && !(value as OParlObject).deleted) {
      const kind = EMBEDDED[typeName(value)];
      const served = kind?.backref && !(kind.backref in value) ? { ...value, [kind.backref]: parent.id } : value;
      objects.set(value.id, served);
      if (kind) embedded.set(typeName(value), [...(embedded.get(typeName(value)) ?? []), served]);
    }
    for (const [k, v] of Object.entries(value)) if (k !== 'id' && k !== 'type') walk(v, isObject(value) ? value : parent);
  };
  for (const [, list] of top) for (const o of list) if (!o.deleted) walk(o, null);
  for (const b of data.bodies) {
    walk(b, null);
    for (const [property, list] of top) if (typeof b[property] === 'string') lists.set(b[property] as string, list);
    for (const [type, { list }] of Object.entries(EMBEDDED)) if (typeof b[list] === 'string') lists.set(b[list] as string, embedded.get(type) ?? []);
  }
  return { objects, lists };
}

const FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;

/** A filter's date-time, or an error message for a value that is not one. */
function instantOf(name: string, value: string): number | string {
  // Full date-times only (spec 2.5): a date alone is refused as a real server may.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
    return `${name} must be a full date-time such as 2014-01-01T00:00:00+01:00 (got ${JSON.stringify(value)})`;
  }
  return Date.parse(value);
}

export function createOParlReplica(options: OParlReplicaOptions): OParlReplica {
  const data = loadOParlData(options.dataDir);
  const pageSize = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
  let index = buildIndex(data);
  const requests: string[] = [];

  /** Answers with the data's ids on the replica's own origin. */
  function send(res: http.ServerResponse, status: number, body: unknown, base: string): void {
    const bytes = Buffer.from(JSON.stringify(body).replaceAll(JSON.stringify(DATA_BASE).slice(1, -1), base));
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
    res.end(bytes);
  }

  function list(res: http.ServerResponse, url: URL, items: OParlObject[], base: string, listId: string): void {
    const bounds: Partial<Record<(typeof FILTERS)[number], number>> = {};
    for (const name of FILTERS) {
      const value = url.searchParams.get(name);
      if (value === null) continue;
      const instant = instantOf(name, value);
      if (typeof instant === 'string') return send(res, 400, { error: { type: 'InvalidParameter', message: instant } }, base);
      bounds[name] = instant;
    }
    const page = Number(url.searchParams.get('page') ?? '1');
    if (!Number.isInteger(page) || page < 1) return send(res, 400, { error: { type: 'InvalidParameter', message: 'page must be a positive integer' } }, base);
    const time = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : NaN);
    const matching = items.filter((o) => {
      // Deleted objects are listed only to a client that asks what changed since.
      if (o.deleted && bounds.modified_since === undefined) return false;
      const modified = time(o.modified);
      const created = time(o.created);
      if (bounds.modified_since !== undefined && !(modified >= bounds.modified_since)) return false;
      if (bounds.modified_until !== undefined && !(modified <= bounds.modified_until)) return false;
      if (bounds.created_since !== undefined && !(created >= bounds.created_since)) return false;
      if (bounds.created_until !== undefined && !(created <= bounds.created_until)) return false;
      return true;
    });
    const totalPages = Math.max(1, Math.ceil(matching.length / pageSize));
    const linkTo = (n: number) => {
      const u = new URL(listId);
      for (const name of FILTERS) if (url.searchParams.has(name)) u.searchParams.set(name, url.searchParams.get(name)!);
      if (n > 1) u.searchParams.set('page', String(n));
      return u.href;
    };
    send(res, 200, {
      data: matching.slice((page - 1) * pageSize, page * pageSize),
      pagination: { totalElements: matching.length, elementsPerPage: pageSize, currentPage: page, totalPages },
      links: {
        first: linkTo(1),
        ...(page > 1 ? { prev: linkTo(page - 1) } : {}),
        self: linkTo(page),
        ...(page < totalPages ? { next: linkTo(page + 1) } : {}),
        last: linkTo(totalPages),
      },
    }, base);
  }

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://replica');
    if (url.pathname === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    requests.push(`${url.pathname}${url.search}`);
    const base = `http://${req.headers.host ?? '127.0.0.1'}${SERVED_PATH}`;
    if (req.method !== 'GET') return send(res, 405, { error: { type: 'MethodNotAllowed', message: 'OParl is read-only: GET only' } }, base);
    if (!url.pathname.startsWith(SERVED_PATH)) return send(res, 404, { error: { type: 'NotFound', message: `not under ${SERVED_PATH}` } }, base);
    const id = DATA_BASE + url.pathname.slice(SERVED_PATH.length);
    const items = index.lists.get(id);
    if (items) return list(res, url, items, base, id);
    const object = index.objects.get(id);
    if (object) return send(res, 200, object, base);
    return send(res, 404, { error: { type: 'NotFound', message: `no object ${url.pathname}` } }, base);
  };

  const topLevel = (sourceId: string): { list: OParlObject[]; at: number } => {
    const id = DATA_BASE + sourceId.replace(/^\/+/, '');
    for (const list of [data.organizations, data.persons, data.meetings, data.papers, data.bodies]) {
      const at = list.findIndex((o) => o.id === id);
      if (at >= 0) return { list, at };
    }
    throw new Error(`the replica holds no top-level object ${sourceId}`);
  };
  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');

  const faults: Faults = {};
  const server = replicaServer(handle, options.latencyMs, faults);
  return {
    server,
    data,
    requests,
    faults,
    update: (change) => {
      change(data);
      index = buildIndex(data);
    },
    modify: (sourceId, change) => {
      const { list, at } = topLevel(sourceId);
      const copy = structuredClone(list[at]) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      change(copy);
      copy.modified = now();
      list[at] = copy as OParlObject;
      index = buildIndex(data);
    },
    remove: (sourceId) => {
      const { list, at } = topLevel(sourceId);
      const o = list[at];
      list[at] = { id: o.id, type: o.type, created: o.created, modified: now(), deleted: true };
      index = buildIndex(data);
    },
    listen: (port, host = '127.0.0.1') => listen(server, port, host, SERVED_PATH, async () => {}),
  };
}
