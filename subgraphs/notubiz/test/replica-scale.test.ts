/**
 * The Notubiz replica at scale N (replica/copies.ts), over real HTTP on loopback: N copies of the
 * meetings with ids the subgraph accepts, agendas, documents and module items renumbered inside
 * each copy, dates moved back whole days, the events list paged over all copies, the same bytes
 * from two replicas, and at scale 1 exactly the answers the replica gave before scaling existed.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { DateTime } from 'luxon';
import { cityById, ROOT_DIR, replicaOf } from '../../../schema/cities';
import { replicaScaleFromEnv, ZoneClock } from '../../shared/replica';
import type { RunningService } from '../../shared/server';
import { createNotubizReplica, EVENTS_PAGE_SIZE, loadNotubizData } from '../replica/server';
import { moduleItemDocuments, moduleItemResult } from '../mapping/outcome';
import type { NotubizAgendaItem, NotubizDocument, NotubizMeeting, NotubizModuleItem } from '../upstream/types';

const DATA_DIR = path.join(ROOT_DIR, replicaOf(cityById('amsterdam')).defaultDir);
const BASE = loadNotubizData(DATA_DIR);
const ZONE = cityById('amsterdam').timezone;
const SCALE = 10;
const V = 'format=json&version=1.17.0';
const RESULT = cityById('amsterdam').settings.resultLabel as string;
const ORGANISATIONS = [281, 547, 977, 1413, 1424, 1425, 2122, 2328];

// The subgraph's id rules (subgraphs/notubiz/resolvers.ts): meeting ids, decision ids (meeting-agenda item).
const MEETING_ID = /^\d{1,12}$/;
const DECISION_ID = /^\d{1,12}-\d{1,12}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const running: RunningService[] = [];
afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
});

async function start(scale: number): Promise<string> {
  const service = await createNotubizReplica({ dataDir: DATA_DIR, zone: ZONE, scale }).listen(0);
  running.push(service);
  return service.url;
}

/** Status, content type and body, with the replica's own address written as one name. */
async function answer(base: string, p: string): Promise<string> {
  const res = await fetch(base + p);
  return `${res.status} ${res.headers.get('content-type')} ${res.headers.get('etag') ?? ''}\n${(await res.text()).split(base).join('http://replica')}`;
}

async function json<T>(base: string, p: string, status = 200): Promise<T> {
  const res = await fetch(base + p);
  expect([p, res.status]).toEqual([p, status]);
  return (await res.json()) as T;
}

/** `fn` over `items` a few at a time (thousands of parallel keep-alive sockets race the server's idle timeout). */
async function eachInTurn<T, R>(items: T[], fn: (item: T) => Promise<R>, width = 8): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  return out;
}

interface EventsPage {
  events: NotubizMeeting[];
  pagination: { page: number; per_page: number; total: number; has_more_pages: boolean };
}

/** Every page of the events of an organisation in a window, concatenated. */
async function allEvents(base: string, org: number, from: string, to: string): Promise<{ events: NotubizMeeting[]; total: number }> {
  const events: NotubizMeeting[] = [];
  for (let page = 1; ; page++) {
    const body = await json<EventsPage>(base, `/events?${V}&organisation_id=${org}&date_from=${encodeURIComponent(from)}&date_to=${encodeURIComponent(to)}&page=${page}`);
    events.push(...body.events);
    if (!body.pagination.has_more_pages) return { events, total: body.pagination.total };
  }
}

const instant = (value: string | null | undefined) => (value ? DateTime.fromSQL(value, { zone: ZONE }).toMillis() : null);
const startOf = (m: NotubizMeeting) => instant(m.plannings?.[0]?.start_date);
const flat = (items: NotubizAgendaItem[]): NotubizAgendaItem[] => items.flatMap((i) => [i, ...flat(i.agenda_items ?? [])]);
const documentsOf = (m: NotubizMeeting) => [...(m.documents ?? []), ...flat(m.agenda_items ?? []).flatMap((i) => i.documents ?? [])];
const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);

// -- what the replica answered before scaling existed (scale 1 must answer the same bytes) -------
//
// sha256 (first 16 hex digits) of `status content-type etag\nbody`, recorded from the replica at the
// commit before scaling, over the committed data. Re-recorded where the data changed since (scale 1
// serves the files unchanged: copy 0 is the record itself): organisations, every meeting and every
// module item when Nieuw-West (2328) joined and module items took their 1.17.0 shape with results;
// the other answers are still those of the commit before scaling.
const SCALE_1_ANSWERS: Record<string, string> = {
  '/organisations?format=json&version=1.17.0': 'c247ba7f122c2900',
  '/organisations/281/gremia?format=json&version=1.17.0': 'a761d2206f1c9a47',
  '/organisations/999/gremia?format=json&version=1.17.0': 'e396ca5e73b9a3db',
  '/organisations': 'b6917be49e2bd701',
  '/events?format=json&version=1.17.0&organisation_id=281&date_from=2024-03-01%2000:00:00&date_to=2024-06-30%2023:59:59': '1b051ef36ac55629',
  '/events?format=json&version=1.17.0&organisation_id=281': 'a507e5f077b40d8c',
  '/document/13104107?format=json&version=1.17.0': 'dbe04be2365c834d',
  '/document/13104281?format=json&version=1.17.0': '637b90d365d6d606',
  '/document/1?format=json&version=1.17.0': 'dbe04be2365c834d',
  '/events/meetings/1?format=json&version=1.17.0': 'decab5826b8be6f3',
  '/module_items/1?format=json&version=1.17.0': '7a31ce6f6d842f61',
  'events of 281': '4db2e69c3a2be4af',
  'events of 547': '636b9eee55eba3b5',
  'events of 977': '216892b70995bd04',
  'events of 1413': '6c407010341ce7f4',
  'events of 1424': '92d161f1ad7527c0',
  'events of 1425': '80a460d77e3c9447',
  'events of 2122': '618865d500ad3445',
  'events of 2328': '3c7bade5dab4ff6f',
  'every meeting': 'ea4f704ea2fbd89d',
  'every module item': '7f392368971c7740',
};

describe('scale 1', () => {
  it('answers exactly what the replica answered before scaling (same bytes)', async () => {
    const url = await start(1);
    const got: Record<string, string> = {};
    for (const p of Object.keys(SCALE_1_ANSWERS).filter((k) => k.startsWith('/'))) got[p] = sha(await answer(url, p));
    const every = async (paths: string[]) => sha((await eachInTurn(paths, (p) => answer(url, p), 1)).join(''));
    for (const org of ORGANISATIONS) {
      got[`events of ${org}`] = await every([1, 2, 3].map((page) => `/events?${V}&organisation_id=${org}&date_from=2018-01-01%2000:00:00&date_to=2027-12-31%2023:59:59&page=${page}`));
    }
    got['every meeting'] = await every(BASE.meetings.map((m) => `/events/meetings/${m.id}?${V}`));
    got['every module item'] = await every([...BASE.moduleItems.keys()].map((id) => `/module_items/${id}?${V}`));
    expect(got).toEqual(SCALE_1_ANSWERS);
  });
});

describe('the scale setting', () => {
  it('reads AMSTERDAM_REPLICA_SCALE: unset is 1, a bad value names the variable; ids must stay within 12 digits', () => {
    expect(replicaScaleFromEnv('AMSTERDAM_REPLICA_SCALE', { AMSTERDAM_REPLICA_SCALE: '' })).toBe(1);
    expect(replicaScaleFromEnv('AMSTERDAM_REPLICA_SCALE', { AMSTERDAM_REPLICA_SCALE: '1000' })).toBe(1000);
    expect(() => replicaScaleFromEnv('AMSTERDAM_REPLICA_SCALE', { AMSTERDAM_REPLICA_SCALE: 'x10' })).toThrow(/AMSTERDAM_REPLICA_SCALE must be an integer >= 1/);
    expect(() => createNotubizReplica({ dataDir: DATA_DIR, zone: ZONE, scale: 1.5 })).toThrow(/scale must be an integer >= 1/);
    expect(() => createNotubizReplica({ dataDir: DATA_DIR, zone: ZONE, scale: 20_000 })).toThrow(/would pass 12 digits.*largest scale for this dataset is 10000/);
  });

  it('moves Notubiz local times back whole days exactly as luxon reads them, DST days included', () => {
    const clock = new ZoneClock(ZONE);
    for (let day = DateTime.fromISO('2013-01-01', { zone: 'utc' }); day.year < 2027; day = day.plus({ days: [3, 10].includes(day.month) ? 1 : 7 })) {
      for (const time of ['00:00:00', '01:30:00', '02:00:00', '02:30:00', '03:00:00', '19:30:00']) {
        const moved = `${day.toISODate()} ${time}`;
        expect(clock.instant(`${day.plus({ days: 1000 }).toISODate()} ${time}`, 1000)).toBe(DateTime.fromSQL(moved, { zone: ZONE }).toMillis());
      }
    }
  });
});

describe(`scale ${SCALE}`, () => {
  let url: string;
  /** Every event of every organisation (the list's shape: no agenda, documents or module items). */
  const events = new Map<number, NotubizMeeting[]>();
  /** Every public meeting in full, by id. */
  const meetings = new Map<number, NotubizMeeting>();
  let restricted = 0;
  const [FROM, TO] = ['2000-01-01 00:00:00', '2100-01-01 00:00:00'];

  beforeAll(async () => {
    url = await start(SCALE);
    for (const org of ORGANISATIONS) events.set(org, (await allEvents(url, org, FROM, TO)).events);
    const all = [...events.values()].flat();
    await eachInTurn(all, async (e) => {
      const res = await fetch(`${url}/events/meetings/${e.id}?${V}`);
      if (res.status === 403) restricted++;
      else meetings.set(e.id, ((await res.json()) as { meeting: NotubizMeeting }).meeting);
    });
  });

  it('serves N times the base meetings of every organisation, each id once, in the subgraph id form', () => {
    for (const org of ORGANISATIONS) expect([org, events.get(org)!.length]).toEqual([org, SCALE * BASE.meetings.filter((m) => m.organisation?.id === org).length]);
    const all = [...events.values()].flat();
    expect(new Set(all.map((m) => m.id)).size).toBe(SCALE * BASE.meetings.length);
    for (const m of all) expect(String(m.id)).toMatch(MEETING_ID);
    expect(restricted).toBe(SCALE * BASE.meetings.filter((m) => (m.permission_group ?? 'public') !== 'public').length);
    // Organisations and gremia are the city's own, never copied.
    const refs = (list: NotubizMeeting[]) => [...new Set(list.map((m) => `${m.organisation?.self} ${m.gremium?.self}`))].sort();
    expect(refs(all)).toEqual(refs(BASE.meetings));
  });

  it('lists a meeting as its detail has it, without agenda, documents and module items', () => {
    for (const e of [...events.values()].flat().filter((x) => meetings.has(x.id))) {
      const { agenda_items: _a, documents: _d, module_items: _m, ...listed } = meetings.get(e.id)!;
      expect(e).toEqual(listed);
    }
  });

  it('renumbers agenda items, documents and module items inside each copy', async () => {
    const full = [...meetings.values()];
    const publicBase = BASE.meetings.filter((m) => (m.permission_group ?? 'public') === 'public');
    const items = full.flatMap((m) => flat(m.agenda_items ?? []).map((i) => ({ m, i })));
    expect(items.length).toBe(SCALE * publicBase.flatMap((m) => flat(m.agenda_items ?? [])).length);
    expect(new Set(items.map(({ i }) => i.id)).size).toBe(items.length);
    for (const { m, i } of items) {
      expect(`${m.id}-${i.id}`).toMatch(DECISION_ID);
      expect(i.meeting).toEqual({ self: `api.notubiz.nl/events/meetings/${m.id}`, id: m.id });
      expect(i.type_data?.self).toMatch(new RegExp(`/${i.id}$`));
      // Nested items sit under their parent, in the same meeting.
      for (const child of i.agenda_items ?? []) expect(child.parent).toBe(i.id);
      if (i.parent !== null) expect(flat(m.agenda_items ?? []).some((p) => p.id === i.parent)).toBe(true);
    }
    for (const m of full) expect(m.self).toBe(`api.notubiz.nl/events/meetings/${m.id}`);
    const docs = full.flatMap(documentsOf);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    for (const d of docs) expect([d.self, d.url]).toEqual([`api.notubiz.nl/document/${d.id}`, expect.stringMatching(new RegExp(`^https://api\\.notubiz\\.nl/document/${d.id}/\\d+$`))]);
    // A case groups the same number of documents in every copy (case codes carry the copy).
    const groups = (list: NotubizDocument[]) => {
      const sizes = new Map<string, number>();
      for (const d of list.filter((x) => x.case_code)) sizes.set(d.case_code!, (sizes.get(d.case_code!) ?? 0) + 1);
      return [...sizes.values()].sort();
    };
    expect(groups(docs)).toEqual(Array.from({ length: SCALE }, () => groups(publicBase.flatMap(documentsOf))).flat().sort());
    // Module items: every reference answers, with the referenced id, as often as in the base.
    const refs = items.flatMap(({ i }) => i.module_items ?? []);
    expect(refs.length).toBe(SCALE * publicBase.flatMap((m) => flat(m.agenda_items ?? [])).flatMap((i) => i.module_items ?? []).length);
    const moduleDocs: NotubizDocument[] = [];
    for (const r of refs) {
      expect(r.self).toBe(`api.notubiz.nl/module_items/${r.id}`);
      const { item } = await json<{ item: NotubizModuleItem }>(url, `/module_items/${r.id}?${V}`);
      expect(item.id).toBe(r.id);
      // Its documents (in its attributes' values) are the copy's; its result is the base item's, word for word.
      for (const d of moduleItemDocuments(item)) {
        expect(d.self).toBe(`api.notubiz.nl/document/${d.id}`);
        moduleDocs.push(d);
      }
      const base = BASE.moduleItems.get(r.id % 1e8)!;
      expect(moduleItemDocuments(item).length).toBe(moduleItemDocuments(base).length);
      expect(moduleItemResult(item, RESULT)).toEqual(moduleItemResult(base, RESULT) && { ...moduleItemResult(base, RESULT)!, moduleItemId: String(r.id) });
    }
    expect(moduleDocs.length).toBeGreaterThan(0);
    expect(new Set([...docs, ...moduleDocs].map((d) => d.id)).size).toBe(docs.length + moduleDocs.length);
  });

  it('answers a copied document by its id, as its meeting has it', async () => {
    for (const m of [...meetings.values()].filter((_, i) => i % 7 === 0)) {
      for (const d of documentsOf(m).slice(0, 3)) expect(await json(url, `/document/${d.id}?${V}`)).toEqual({ document: d });
    }
  });

  it('moves every date back whole days, keeps Notubiz formats, never before 2012', () => {
    const dates = (list: unknown[]) => {
      const out: string[] = [];
      JSON.stringify(list, (k, v) => (['creation_date', 'last_modified', 'start_date', 'end_date', 'publication_date', 'date'].includes(k) && typeof v === 'string' && v ? (out.push(v), v) : v));
      return out;
    };
    const publicBase = BASE.meetings.filter((m) => (m.permission_group ?? 'public') === 'public');
    const scaled = dates([...meetings.values()]);
    const base = dates(publicBase);
    expect(scaled.length).toBe(SCALE * base.length);
    const clocks = new Set(base.map((v) => v.slice(10)));
    for (const v of scaled) {
      expect(LOCAL_TIME.test(v) || DATE.test(v)).toBe(true);
      expect(clocks.has(v.slice(10))).toBe(true);
      expect(v >= '2012-01-01').toBe(true);
    }
  });

  it('lists exactly the meetings whose moved start lies in the window, oldest first, paged by 20', async () => {
    const all = [...events.values()].flat();
    for (const [from, to] of [['2015-01-01 00:00:00', '2016-12-31 23:59:59'], ['2019-03-31 02:00:00', '2019-10-27 03:00:00'], [FROM, TO]]) {
      for (const org of [281, 977]) {
        const [lo, hi] = [instant(from)!, instant(to)!];
        const expected = all.filter((m) => m.organisation?.id === org && startOf(m)! >= lo && startOf(m)! <= hi);
        expected.sort((a, b) => startOf(a)! - startOf(b)!);
        const got = await allEvents(url, org, from, to);
        expect(got.total).toBe(expected.length);
        expect(got.events.map((m) => startOf(m))).toEqual(expected.map((m) => startOf(m)));
        expect(new Set(got.events.map((m) => m.id))).toEqual(new Set(expected.map((m) => m.id)));
      }
    }
    const page = await json<EventsPage>(url, `/events?${V}&organisation_id=281&date_from=${encodeURIComponent(FROM)}&date_to=${encodeURIComponent(TO)}&page=2`);
    expect(page.pagination).toEqual({ page: 2, per_page: EVENTS_PAGE_SIZE, total: events.get(281)!.length, has_more_pages: 2 * EVENTS_PAGE_SIZE < events.get(281)!.length });
    expect(page.events.map((m) => m.id)).toEqual(events.get(281)!.slice(EVENTS_PAGE_SIZE, 2 * EVENTS_PAGE_SIZE).map((m) => m.id));
  });

  it('answers 404 for copies beyond the scale and ids that only look like copies', async () => {
    // Copies are 10^8 apart with the default data (its largest id, a document's, has 8 digits).
    const [m] = BASE.meetings.filter((x) => x.permission_group === 'public');
    expect(meetings.has(m.id + 1e8)).toBe(true);
    for (const p of [`/events/meetings/${m.id + SCALE * 1e8}`, `/events/meetings/0${m.id + 1e8}`, `/events/meetings/${1e8 + 1}`, `/module_items/${84312 + SCALE * 1e8}`, `/document/${13104281 + SCALE * 1e8}`]) {
      expect([p, (await fetch(`${url}${p}?${V}`)).status]).toEqual([p, 404]);
    }
  });

  it('answers the same bytes from two replicas at the same scale', async () => {
    const other = await start(SCALE);
    const ids = [...meetings.keys()].filter((_, i) => i % 9 === 0);
    const paths = [
      `/events?${V}&organisation_id=281&date_from=2012-01-01%2000:00:00&date_to=2030-01-01%2000:00:00&page=3`,
      `/events?${V}&organisation_id=1413&date_from=2019-01-01%2000:00:00&date_to=2023-01-01%2000:00:00`,
      ...ids.map((id) => `/events/meetings/${id}?${V}`),
      ...[...BASE.moduleItems.keys()].map((id) => `/module_items/${id + 7e8}?${V}`),
    ];
    for (const p of paths) expect(await answer(other, p)).toBe(await answer(url, p));
  });
});
