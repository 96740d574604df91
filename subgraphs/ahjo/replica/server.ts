/**
 * A local replica of the Ahjo REST API (ahjorest/v1) over a directory of files in Ahjo's own
 * envelopes: decisions.json {"decisions":[…]}, meetings.json {"meetings":[…]}, cases.json
 * {"cases":[…]}, decisionmakers.json {"decisionMakers":[…]} — a real dump drops in unchanged.
 * Optionally handled.json {"handled":{"{NativeId}":"local time"}}: the date Ahjo filters a decision
 * on (handledsince/handledbefore) where its record carries none (most officer decisions carry no
 * DateDecision, Meeting nor PDF.Issued); it is never served, only used for the windows.
 *
 * It speaks what the subgraph relies on, as Ahjo does: list envelopes with page/size/count/
 * nextCount/prevCount/links, a single decision still wrapped in {"decisions":[…]}, 404 for an
 * unknown id, 401 without the bearer token when one is configured. Where Ahjo's behaviour is not
 * documented (error bodies, the exact "handled" date of a decision) the choice is noted inline.
 *
 * At scale N (option `scale`, <CITY>_REPLICA_SCALE) it serves N copies of the dataset with their
 * own ids and earlier dates (copies.ts, scaled.ts); at scale 1 it answers exactly as it always has.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { DateTime } from 'luxon';
import { listen, type RunningService } from '../../shared/server';
import { sendJson as json, replicaScale, replicaServer, type CopyTimeline, type Faults, type Window } from '../../shared/replica';
import type { AhjoCase, AhjoDecision, AhjoDecisionMaker, AhjoMeeting, AhjoOrganization } from '../upstream/types';
import { copyCaseLabel } from './copies';
import { scaleAhjo } from './scaled';
export const API_PREFIX = '/ahjorest/v1';
const DEFAULT_PAGE_SIZE = 100; // Ahjo's default page size is not documented; 100 is the count_limit seen in its links.

export interface ReplicaData {
  decisions: AhjoDecision[];
  meetings: AhjoMeeting[];
  cases: AhjoCase[];
  decisionMakers: AhjoDecisionMaker[];
  /** NativeId → the local time Ahjo handled the decision, for decisions whose record carries no date (handled.json; not served). */
  handled?: Record<string, string>;
}

export interface ReplicaOptions {
  dataDir: string;
  /** The city's IANA time zone: Ahjo's local times (and local date parameters) are in it. */
  timezone: string;
  /** When set, every request needs `Authorization: Bearer <token>` (else 401). */
  token?: string;
  /** Added delay per request, to imitate a remote city API. */
  latencyMs?: number;
  /** Serve the dataset this many times over (copies with their own ids and earlier dates); default 1. */
  scale?: number;
}

function readEnvelope<T>(dir: string, file: string, key: string): T[] {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) return [];
  const body = JSON.parse(fs.readFileSync(full, 'utf8')) as Record<string, unknown>;
  const list = body[key];
  if (!Array.isArray(list)) throw new Error(`${full}: expected {"${key}":[…]} as Ahjo returns it.`);
  return list as T[];
}

/** handled.json, when the directory has one: {"handled":{"{NativeId}":"2025-03-04T10:00:00.000",…}}. */
function readHandled(dir: string): Record<string, string> {
  const full = path.join(dir, 'handled.json');
  if (!fs.existsSync(full)) return {};
  const handled = (JSON.parse(fs.readFileSync(full, 'utf8')) as { handled?: unknown }).handled;
  if (!handled || typeof handled !== 'object' || Array.isArray(handled) || Object.values(handled).some((v) => typeof v !== 'string')) {
    throw new Error(`${full}: expected {"handled":{"{NativeId}":"local time",…}}.`);
  }
  return handled as Record<string, string>;
}

export function loadReplicaData(dataDir: string): ReplicaData {
  return {
    decisions: readEnvelope<AhjoDecision>(dataDir, 'decisions.json', 'decisions'),
    meetings: readEnvelope<AhjoMeeting>(dataDir, 'meetings.json', 'meetings'),
    cases: readEnvelope<AhjoCase>(dataDir, 'cases.json', 'cases'),
    decisionMakers: readEnvelope<AhjoDecisionMaker>(dataDir, 'decisionmakers.json', 'decisionMakers'),
    handled: readHandled(dataDir),
  };
}

/** Parses Ahjo's date parameters: UTC `…Z`, an offset, or a local time / date (in the city's zone). */
function instantOf(value: string | null, zone: string): number | null {
  if (!value) return null;
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toMillis() : NaN;
}

export interface AhjoReplica {
  server: http.Server;
  data: ReplicaData;
  scale: number;
  requests: string[];
  faults: Faults;
  /** Changes the data while the replica runs (tests: a record added, changed or deleted upstream). */
  update(change: (data: ReplicaData) => void): void;
  listen(port: number, host?: string): Promise<RunningService>;
}

export function createAhjoReplica(options: ReplicaOptions): AhjoReplica {
  const data = loadReplicaData(options.dataDir);
  const scale = replicaScale(options.scale ?? 1, 'The Ahjo replica option scale');
  // The scaled view and what the list filters read of a base record, computed once per change of the data.
  const derive = () => ({
    scaled: scaleAhjo(data, scale, options.timezone),
    decisionOrg: data.decisions.map((d) => d.Organization?.ID?.toUpperCase()),
    meetingBody: data.meetings.map((m) => m.DecisionMakerId?.toUpperCase()),
    caseTitle: data.cases.map((c) => c.Title.toLowerCase()),
  });
  let view = derive();
  const requests: string[] = [];

  /**
   * One page of a list: the pairs of `timeline` in the window that `matches` accepts, the page's
   * records built by `build` (only they are built), in Ahjo's envelope.
   */
  function page<T>(res: http.ServerResponse, url: URL, key: string, timeline: CopyTimeline, window: Window, matches: (pair: number) => boolean, build: (pair: number) => T): void {
    const size = Math.max(1, Math.min(Number(url.searchParams.get('size')) || DEFAULT_PAGE_SIZE, 1000));
    const pageNo = Math.max(0, Number(url.searchParams.get('page')) || 0);
    const { total, pairs } = timeline.page(window, matches, pageNo * size, pageNo * size + size);
    const slice = pairs.map((pair) => build(pair));
    const remaining = Math.max(0, total - (pageNo + 1) * size);
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
      count: total,
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
      const t = instantOf(value, options.timezone);
      if (Number.isNaN(t)) return badDate(res, name, value!);
      dates[name] = t;
    }

    if (parts[0] === 'decisions' && parts.length === 1) {
      const dm = q('decisionmaker_id')?.toUpperCase();
      const list = view.scaled.decisions;
      const window = { since: dates.handledsince, until: dates.handledbefore };
      return page(res, url, 'decisions', list, window, (pair) => !dm || view.decisionOrg[list.baseOf(pair)] === dm, view.scaled.decisionAt);
    }
    if (parts[0] === 'decisions' && parts.length === 2) {
      const d = view.scaled.decision(parts[1]);
      // "Single decisions from endpoint still come as an array" (paatokset AhjoProxy).
      return d ? json(res, 200, { decisions: [d] }) : json(res, 404, { error: 'Decision not found' });
    }
    if (parts[0] === 'meetings' && parts.length === 1) {
      const dm = q('decisionmaker_id')?.toUpperCase();
      const cancelledOnly = q('cancelledonly') === 'true';
      let since = dates.start;
      let before = dates.end;
      if (since === null && before === null) {
        // Ahjo's documented default window: four weeks back to two months ahead.
        since = DateTime.now().minus({ weeks: 4 }).toMillis();
        before = DateTime.now().plus({ months: 2 }).toMillis();
      }
      const list = view.scaled.meetings;
      const matches = (pair: number) => (!dm || view.meetingBody[list.baseOf(pair)] === dm) && (!cancelledOnly || data.meetings[list.baseOf(pair)].Status === 'peruttu');
      return page(res, url, 'meetings', list, { since, until: before }, matches, view.scaled.meetingAt);
    }
    if (parts[0] === 'meetings' && parts.length === 2) {
      const m = view.scaled.meeting(parts[1]);
      return m ? json(res, 200, m) : json(res, 404, { error: 'Meeting not found' });
    }
    if (parts[0] === 'cases' && parts.length === 1) {
      const text = q('q')?.toLowerCase();
      const resolved = q('resolved');
      const list = view.scaled.cases;
      const matches = (pair: number) => {
        const c = data.cases[list.baseOf(pair)];
        if (resolved !== null && resolved !== '' && (resolved === 'true') !== (c.Status === 'Ratkaistu')) return false;
        // A copy's label is its own (`HELA 2026-…`), so it is matched as the copy has it.
        return !text || view.caseTitle[list.baseOf(pair)].includes(text) || copyCaseLabel(c.CaseIDLabel ?? '', list.copyOf(pair)).toLowerCase().includes(text);
      };
      // The list endpoint leaves out Handlings and Records (as in Ahjo's /cases fixture).
      const build = (pair: number) => {
        const { Handlings: _h, Records: _r, ...rest } = data.cases[list.baseOf(pair)];
        return view.scaled.caseAt(pair, rest);
      };
      return page(res, url, 'cases', list, { since: dates.handledsince, until: dates.handledbefore }, matches, build);
    }
    if (parts[0] === 'cases' && parts.length === 2) {
      const c = view.scaled.case(parts[1]);
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
    scale: view.scaled.scale,
    requests,
    faults,
    update: (change) => {
      change(data);
      view = derive();
    },
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
