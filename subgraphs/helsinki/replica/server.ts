/**
 * A local replica of the Ahjo REST API (ahjorest/v1) over a directory of files in Ahjo's own
 * envelopes: decisions.json {"decisions":[…]}, meetings.json {"meetings":[…]}, cases.json
 * {"cases":[…]}, decisionmakers.json {"decisionMakers":[…]} — a real dump drops in unchanged.
 *
 * It speaks what the subgraph relies on, as Ahjo does: list envelopes with page/size/count/
 * nextCount/prevCount/links, a single decision still wrapped in {"decisions":[…]}, 404 for an
 * unknown id, 401 without the bearer token when one is configured. Where Ahjo's behaviour is not
 * documented (error bodies, the exact "handled" date of a decision) the choice is noted inline.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { DateTime } from 'luxon';
import { listen, type RunningService } from '../../shared/server';
import { localMillis } from '../../shared/time';
import { sendJson as json, replicaServer, type Faults } from '../../shared/replica';
import type { AhjoCase, AhjoDecision, AhjoDecisionMaker, AhjoMeeting, AhjoOrganization } from '../upstream/types';

const ZONE = 'Europe/Helsinki';
export const API_PREFIX = '/ahjorest/v1';
const DEFAULT_PAGE_SIZE = 100; // Ahjo's default page size is not documented; 100 is the count_limit seen in its links.

export interface ReplicaData {
  decisions: AhjoDecision[];
  meetings: AhjoMeeting[];
  cases: AhjoCase[];
  decisionMakers: AhjoDecisionMaker[];
}

export interface ReplicaOptions {
  dataDir: string;
  /** When set, every request needs `Authorization: Bearer <token>` (else 401). */
  token?: string;
  /** Added delay per request, to imitate a remote city API. */
  latencyMs?: number;
}

function readEnvelope<T>(dir: string, file: string, key: string): T[] {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) return [];
  const body = JSON.parse(fs.readFileSync(full, 'utf8')) as Record<string, unknown>;
  const list = body[key];
  if (!Array.isArray(list)) throw new Error(`${full}: expected {"${key}":[…]} as Ahjo returns it.`);
  return list as T[];
}

export function loadReplicaData(dataDir: string): ReplicaData {
  return {
    decisions: readEnvelope<AhjoDecision>(dataDir, 'decisions.json', 'decisions'),
    meetings: readEnvelope<AhjoMeeting>(dataDir, 'meetings.json', 'meetings'),
    cases: readEnvelope<AhjoCase>(dataDir, 'cases.json', 'cases'),
    decisionMakers: readEnvelope<AhjoDecisionMaker>(dataDir, 'decisionmakers.json', 'decisionMakers'),
  };
}

/** Parses Ahjo's date parameters: UTC `…Z`, an offset, or a local time / date (Helsinki). */
function instantOf(value: string | null): number | null {
  if (!value) return null;
  const dt = DateTime.fromISO(value, { zone: ZONE });
  return dt.isValid ? dt.toMillis() : NaN;
}

function localInstant(value: string | null | undefined): number | null {
  return localMillis(value, ZONE);
}

/** The moment a decision was "handled": its decision date, else its meeting date (not documented by Ahjo). */
function decisionInstant(d: AhjoDecision): number | null {
  return localInstant(d.DateDecision || d.Meeting?.DateMeeting || d.PDF?.Issued);
}

const norm = (id: string) => decodeURIComponent(id).replace(/[{}]/g, '').toUpperCase();

function inRange(t: number | null, since: number | null, before: number | null): boolean {
  if (since === null && before === null) return true;
  if (t === null) return false;
  return (since === null || t >= since) && (before === null || t < before);
}

export function createAhjoReplica(options: ReplicaOptions): { server: http.Server; data: ReplicaData; requests: string[]; faults: Faults; listen(port: number, host?: string): Promise<RunningService> } {
  const data = loadReplicaData(options.dataDir);
  const requests: string[] = [];

  function page<T>(res: http.ServerResponse, url: URL, key: string, items: T[]): void {
    const size = Math.max(1, Math.min(Number(url.searchParams.get('size')) || DEFAULT_PAGE_SIZE, 1000));
    const pageNo = Math.max(0, Number(url.searchParams.get('page')) || 0);
    const slice = items.slice(pageNo * size, pageNo * size + size);
    const remaining = Math.max(0, items.length - (pageNo + 1) * size);
    const self = new URL(url.href);
    const links = [{ rel: 'self', href: self.href }];
    if (remaining > 0) {
      const next = new URL(url.href);
      next.searchParams.set('page', String(pageNo + 1));
      links.push({ rel: 'next', href: next.href });
    }
    json(res, 200, {
      [key]: slice,
      page: pageNo,
      count: items.length,
      nextCount: Math.min(size, remaining),
      prevCount: Math.min(size, pageNo * size),
      size,
      links,
    });
  }

  function badDate(res: http.ServerResponse, name: string, value: string): void {
    // Ahjo's error body for a bad parameter is not documented; a JSON message with 400 is our choice.
    json(res, 400, { error: `Invalid value for ${name}: ${value}` });
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.method !== 'GET') return json(res, 405, { error: 'Only GET is supported' });
    if (url.pathname === '/health') return json(res, 200, { status: 'ok' });
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
      res.setHeader('www-authenticate', 'Bearer');
      return json(res, 401, { error: 'Unauthorized' });
    }
    if (!url.pathname.startsWith(API_PREFIX + '/')) return json(res, 404, { error: 'Not found' });
    const parts = url.pathname.slice(API_PREFIX.length + 1).split('/').filter(Boolean);
    const q = (name: string) => url.searchParams.get(name);

    const dates: Record<string, number | null> = {};
    for (const name of ['handledsince', 'handledbefore', 'start', 'end']) {
      const value = q(name);
      const t = instantOf(value);
      if (Number.isNaN(t)) return badDate(res, name, value!);
      dates[name] = t;
    }

    if (parts[0] === 'decisions' && parts.length === 1) {
      const dm = q('decisionmaker_id')?.toUpperCase();
      const items = data.decisions
        .filter((d) => !dm || d.Organization?.ID?.toUpperCase() === dm)
        .filter((d) => inRange(decisionInstant(d), dates.handledsince, dates.handledbefore))
        .sort((a, b) => (decisionInstant(b) ?? 0) - (decisionInstant(a) ?? 0));
      return page(res, url, 'decisions', items);
    }
    if (parts[0] === 'decisions' && parts.length === 2) {
      const d = data.decisions.find((x) => norm(x.NativeId) === norm(parts[1]));
      // "Single decisions from endpoint still come as an array" (paatokset AhjoProxy).
      return d ? json(res, 200, { decisions: [d] }) : json(res, 404, { error: 'Decision not found' });
    }
    if (parts[0] === 'meetings' && parts.length === 1) {
      const dm = q('decisionmaker_id')?.toUpperCase();
      let since = dates.start;
      let before = dates.end;
      if (since === null && before === null) {
        // Ahjo's documented default window: four weeks back to two months ahead.
        since = DateTime.now().minus({ weeks: 4 }).toMillis();
        before = DateTime.now().plus({ months: 2 }).toMillis();
      }
      const items = data.meetings
        .filter((m) => !dm || m.DecisionMakerId?.toUpperCase() === dm)
        .filter((m) => q('cancelledonly') !== 'true' || m.Status === 'peruttu')
        .filter((m) => inRange(localInstant(m.DateMeeting), since, before))
        .sort((a, b) => (localInstant(b.DateMeeting) ?? 0) - (localInstant(a.DateMeeting) ?? 0));
      return page(res, url, 'meetings', items);
    }
    if (parts[0] === 'meetings' && parts.length === 2) {
      const m = data.meetings.find((x) => x.MeetingID.toUpperCase() === decodeURIComponent(parts[1]).toUpperCase());
      return m ? json(res, 200, m) : json(res, 404, { error: 'Meeting not found' });
    }
    if (parts[0] === 'cases' && parts.length === 1) {
      const text = q('q')?.toLowerCase();
      const resolved = q('resolved');
      const items = data.cases
        .filter((c) => !text || c.Title.toLowerCase().includes(text) || (c.CaseIDLabel ?? '').toLowerCase().includes(text))
        .filter((c) => resolved === null || resolved === '' || (resolved === 'true') === (c.Status === 'Ratkaistu'))
        .filter((c) => inRange(localInstant(c.Created), dates.handledsince, dates.handledbefore))
        .sort((a, b) => (localInstant(b.Created) ?? 0) - (localInstant(a.Created) ?? 0))
        // The list endpoint leaves out Handlings and Records (as in Ahjo's /cases fixture).
        .map(({ Handlings: _h, Records: _r, ...rest }) => rest);
      return page(res, url, 'cases', items);
    }
    if (parts[0] === 'cases' && parts.length === 2) {
      const c = data.cases.find((x) => x.CaseID.toUpperCase() === decodeURIComponent(parts[1]).toUpperCase());
      return c ? json(res, 200, c) : json(res, 404, { error: 'Case not found' });
    }
    if (parts[0] === 'agents' && parts[1] === 'decisionmakers' && parts.length === 2) {
      return json(res, 200, { decisionMakers: data.decisionMakers, count: data.decisionMakers.length, links: [{ rel: 'self', href: url.href }] });
    }
    if (parts[0] === 'organization' && parts.length === 1) {
      const org = organization(data, q('orgid') ?? '');
      return org ? json(res, 200, org) : json(res, 404, { error: 'Organization not found' });
    }
    return json(res, 404, { error: 'Not found' });
  }

  const faults: Faults = {};
  const server = replicaServer(handle, options.latencyMs, faults);
  return {
    server,
    data,
    requests,
    faults,
    listen: (port, host = '127.0.0.1') => listen(server, port, host, API_PREFIX, async () => {}),
  };
}

/** `/organization?orgid=`: a decision maker's organisation, or one named in another's levels. */
function organization(data: ReplicaData, orgId: string): AhjoOrganization | null {
  const id = orgId.toUpperCase();
  const dm = data.decisionMakers.find((d) => d.Organization.ID.toUpperCase() === id);
  if (dm) return dm.Organization;
  const above = data.decisionMakers.filter((d) => d.Organization.OrganizationLevelAbove?.organizations.some((o) => o.ID.toUpperCase() === id));
  for (const d of data.decisionMakers) {
    const summary = [...(d.Organization.OrganizationLevelAbove?.organizations ?? []), ...(d.Organization.OrganizationLevelBelow?.organizations ?? [])]
      .find((o) => o.ID.toUpperCase() === id);
    if (summary) {
      return {
        ...summary,
        OrganizationLevelAbove: { organizations: [], count: 0, links: [] },
        OrganizationLevelBelow: { organizations: above.map((a) => ({ Name: a.Organization.Name, ID: a.Organization.ID, TypeId: a.Organization.TypeId, Existing: a.Organization.Existing, Formed: a.Organization.Formed, Dissolved: a.Organization.Dissolved })), count: above.length, links: [] },
      };
    }
  }
  return null;
}
