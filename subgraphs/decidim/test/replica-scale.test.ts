/**
 * The Barcelona replica at scale N (replica/plenary-copies.ts, replica/decidim-copies.ts), over real
 * HTTP on loopback: plenary files with N copies of their records that the subgraph's parsers read
 * as the originals (own session and proposal refs, earlier dates, a stable ETag), Decidim with N
 * copies of every process (own ids, references and relations, paging of 50), the same bytes from
 * two replicas, and at scale 1 exactly the answers the replica gave before scaling existed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { cityById, ROOT_DIR, replicaOf } from '../../../schema/cities';
import { replicaScaleFromEnv } from '../../shared/replica';
import type { RunningService } from '../../shared/server';
import { parseCurrentTermFile as parseCurrentTermFileWith, parsePreviousTermFile as parsePreviousTermFileWith, type ParsedPlenaryFile, type PlenaryAgreement } from '../mapping/plenary';
import { loadDecidimSeed } from '../replica/decidim';
import { createDecidimCityReplica, filesPathOf, type DecidimCityReplica as BarcelonaReplica } from '../replica/server';
import { decidimCity, plenaryOptionsOf } from '../mapping/city';

// The mapping takes the city it maps for: Barcelona, as the registry gives it.
const bcn = decidimCity(cityById('barcelona'));
const BCN = plenaryOptionsOf(bcn);
// Where Barcelona's replica serves its plenary files (the path of their live URL).
const FILES_PATH = filesPathOf(cityById('barcelona'))!;
const createBarcelonaReplica = (options: Parameters<typeof createDecidimCityReplica>[0]) => createDecidimCityReplica({ filesPath: FILES_PATH, ...options });
const parseCurrentTermFile = (content: string, file?: string) => parseCurrentTermFileWith(content, file, BCN);
const parsePreviousTermFile = (content: string, file?: string) => parsePreviousTermFileWith(content, file, BCN);

const DATA_DIR = path.join(ROOT_DIR, replicaOf(cityById('barcelona')).defaultDir);
const SCALE = 10;
const CURRENT = 'votacions_plenari_mandat_actual.csv';
const PREVIOUS = 'votacions_plenari_mandat_2019_2023.csv';
const BASE_FILES: Record<string, string> = { [CURRENT]: fs.readFileSync(path.join(DATA_DIR, 'plenary', CURRENT), 'utf8'), [PREVIOUS]: fs.readFileSync(path.join(DATA_DIR, 'plenary', PREVIOUS), 'utf8') };
const parse = (name: string, content: string): ParsedPlenaryFile => (name === CURRENT ? parseCurrentTermFile(content) : parsePreviousTermFile(content));
const SEED = loadDecidimSeed(path.join(DATA_DIR, 'decidim', 'seed.json'));

// The subgraph's id rules (subgraphs/decidim/resolvers.ts).
const MEETING_ID = /^(plenari:[^\u0000-\u001f]{1,40}|decidim:\d{1,12})$/;
const OPAQUE = /^[^\u0000-\u001f]{1,160}$/;
const BODY_ID = /^(consell-municipal|process-[0-9]{1,12})$/;

const running: RunningService[] = [];
afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
});

async function start(scale: number, dataDir = DATA_DIR): Promise<{ url: string; replica: BarcelonaReplica }> {
  const replica = createBarcelonaReplica({ dataDir, scale, decidimRateLimitPerMinute: 1_000_000 });
  const service = await replica.listen(0);
  running.push(service);
  return { url: service.url, replica };
}

async function file(url: string, name: string, headers: Record<string, string> = {}): Promise<{ status: number; etag: string | null; lastModified: string | null; body: string }> {
  const res = await fetch(`${url}${FILES_PATH}${name}`, { headers });
  return { status: res.status, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified'), body: await res.text() };
}

async function decidim<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; text: string; data: T }> {
  const res = await fetch(`${url}/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  const body = JSON.parse(text) as { data: T; errors?: Array<{ message: string }> };
  expect((body.errors ?? []).filter((e) => !/non-nullable field .*coordinates/.test(e.message))).toEqual([]);
  return { status: res.status, text, data: body.data };
}

const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);

// -- what the replica answered before scaling existed (scale 1 must answer the same bytes) -------
//
// sha256 (first 16 hex digits) of `status content-type etag\nbody`, recorded from the replica at the
// commit before scaling, over the committed data; the Decidim answer is to PROBE_QUERY. The two
// plenary files were regenerated in their real shapes (issue 11): their answers were recorded again
// from the scale-1 replica over the new files (the serving code at scale 1 did not change).
const PROBE_QUERY = `query ScaleProbe {
  participatoryProcesses {
    id
    slug
    reference
    startDate
    endDate
    publishedAt
    title { translation(locale: "ca") }
    components {
      __typename
      id
      ... on Proposals {
        proposals(first: 50) {
          pageInfo { hasNextPage endCursor }
          edges { cursor node { id reference publishedAt answeredAt state meeting { id } category { id parent { id } } title { translation(locale: "ca") } } }
        }
      }
      ... on Meetings {
        meetings(first: 50) {
          pageInfo { hasNextPage endCursor }
          edges { node { id reference startTime endTime closed category { id } agenda { id items { id parent { id } } } } }
        }
      }
      ... on Accountability {
        results(first: 50) {
          pageInfo { hasNextPage endCursor }
          edges { node { id reference startDate endDate progress externalId status { id key } parent { id } children { id } } }
        }
      }
    }
  }
}
`;
const SCALE_1_ANSWERS: Record<string, string> = {
  [CURRENT]: 'f5014e44922a8284',
  [PREVIOUS]: '29a880daf092dcd9',
  'decidim query': '0823fe9b740689a0',
};

describe('scale 1', () => {
  it('answers exactly what the replica answered before scaling (same bytes)', async () => {
    const { url } = await start(1);
    const answer = async (p: string, init?: RequestInit) => {
      const res = await fetch(url + p, init);
      return `${res.status} ${res.headers.get('content-type')} ${res.headers.get('etag') ?? ''}\n${(await res.text()).split(url).join('http://replica')}`;
    };
    const got: Record<string, string> = {};
    for (const name of [CURRENT, PREVIOUS]) got[name] = sha(await answer(`${FILES_PATH}${name}`));
    got['decidim query'] = sha(await answer('/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PROBE_QUERY }) }));
    expect(got).toEqual(SCALE_1_ANSWERS);
  });
});

describe('the scale setting', () => {
  it('reads BARCELONA_REPLICA_SCALE: unset is 1, a bad value names the variable', () => {
    expect(replicaScaleFromEnv('BARCELONA_REPLICA_SCALE', {})).toBe(1);
    expect(replicaScaleFromEnv('BARCELONA_REPLICA_SCALE', { BARCELONA_REPLICA_SCALE: ' 3 ' })).toBe(3);
    expect(() => replicaScaleFromEnv('BARCELONA_REPLICA_SCALE', { BARCELONA_REPLICA_SCALE: '0' })).toThrow(/BARCELONA_REPLICA_SCALE must be an integer >= 1/);
    expect(() => createBarcelonaReplica({ dataDir: DATA_DIR, scale: -2 })).toThrow(/scale must be an integer >= 1/);
  });
});

describe(`plenary files at scale ${SCALE}`, () => {
  let url: string;
  const served: Record<string, { etag: string | null; body: string; parsed: ParsedPlenaryFile; base: ParsedPlenaryFile }> = {};

  beforeAll(async () => {
    ({ url } = await start(SCALE));
    for (const name of [CURRENT, PREVIOUS]) {
      const { status, etag, body } = await file(url, name);
      expect(status).toBe(200);
      served[name] = { etag, body, parsed: parse(name, body), base: parse(name, BASE_FILES[name]) };
    }
  });

  it("serves one bigger file each that the subgraph's parsers read whole: N times the agreements, none unplaced", () => {
    for (const { parsed, base } of Object.values(served)) {
      expect(base.agreements.length).toBeGreaterThan(50);
      expect(parsed.unplaced).toEqual(base.unplaced);
      expect(parsed.agreements.length).toBe(SCALE * base.agreements.length);
    }
  });

  it('keeps the textual form: the base file first, unchanged, then copies in the same form', () => {
    expect(served[CURRENT].body.startsWith(BASE_FILES[CURRENT])).toBe(true);
    expect(served[PREVIOUS].body.startsWith(BASE_FILES[PREVIOUS])).toBe(true);
    // Current term: `\n` lines, every record line starts with a TAB; 2019–2023: CRLF records, bare `\n` only inside quotes.
    expect(served[CURRENT].body).not.toMatch(/\r/);
    const recordLines = (text: string) => text.split('\n').filter((l) => /^\tCP /.test(l)).length;
    expect(recordLines(BASE_FILES[CURRENT])).toBe(served[CURRENT].base.agreements.length);
    expect(recordLines(served[CURRENT].body)).toBe(SCALE * recordLines(BASE_FILES[CURRENT]));
    // Caption and header once, then every record's CRLF N times.
    const crlf = (text: string) => text.split('\r\n').length - 1;
    expect(crlf(served[PREVIOUS].body)).toBe(2 + SCALE * (crlf(BASE_FILES[PREVIOUS]) - 2));
  });

  it('gives every copy its own session and proposal refs, in the forms the subgraph reads', () => {
    for (const { parsed, base } of Object.values(served)) {
      const sessions = (list: PlenaryAgreement[]) => new Set(list.map((a) => a.sessionRef));
      const cases = (list: PlenaryAgreement[]) => new Set(list.flatMap((a) => a.proposalRefs).filter((r) => r.toLowerCase() !== 's/n'));
      const decisions = (list: PlenaryAgreement[]) => new Set(list.map((a) => `${a.sessionRef}|${a.proposalRefs.join(';') || 's/n'}`));
      expect(sessions(parsed.agreements).size).toBe(SCALE * sessions(base.agreements).size);
      expect(cases(parsed.agreements).size).toBe(SCALE * cases(base.agreements).size);
      expect(decisions(parsed.agreements).size).toBe(SCALE * decisions(base.agreements).size);
      const extraordinary = (list: PlenaryAgreement[]) => [...sessions(list)].filter((s) => /EXT\.?$/i.test(s)).length;
      expect(extraordinary(parsed.agreements)).toBe(SCALE * extraordinary(base.agreements));
      for (const a of parsed.agreements) {
        expect(`plenari:${a.sessionRef}`).toMatch(MEETING_ID);
        expect(a.sessionRef).toMatch(/^[A-Z]{1,4} ?\d{1,2}\/\d{2}\b/);
        for (const r of a.proposalRefs) expect(r).toMatch(OPAQUE);
      }
      // A session is one day in every copy.
      const days = new Map<string, Set<string>>();
      for (const a of parsed.agreements) days.set(a.sessionRef, (days.get(a.sessionRef) ?? new Set()).add(a.sessionDate));
      expect([...days.values()].every((d) => d.size === 1)).toBe(true);
    }
  });

  it('copies everything else of a record, and moves each copy back whole days, never before 2012', () => {
    const shifts = new Map<number, Set<number>>();
    for (const { parsed, base } of Object.values(served)) {
      const n = base.agreements.length;
      parsed.agreements.forEach((a, i) => {
        const b = base.agreements[i % n];
        const copy = Math.floor(i / n);
        const same = (x: PlenaryAgreement) => ({ ...x, file: '', line: 0, sessionRef: '', proposalRefs: x.proposalRefs.length, sessionDate: '' });
        expect(same(a)).toEqual(same(b));
        const days = DateTime.fromISO(b.sessionDate).diff(DateTime.fromISO(a.sessionDate), 'days').days;
        shifts.set(copy, (shifts.get(copy) ?? new Set()).add(days));
        expect(a.sessionDate >= '2012-01-01').toBe(true);
        expect(days).toBeLessThanOrEqual(8 * 365 + 2);
      });
    }
    // One shift per copy across both files, a different one for every copy.
    expect([...shifts.values()].every((s) => s.size === 1)).toBe(true);
    expect(shifts.get(0)).toEqual(new Set([0]));
    expect(new Set([...shifts.values()].map((s) => [...s][0])).size).toBe(SCALE);
  });

  it('keeps a stable ETag: the same from two replicas, 304 on a match, a new one when a file changes', async () => {
    const other = await start(SCALE);
    for (const name of [CURRENT, PREVIOUS]) {
      const again = await file(other.url, name);
      expect([again.etag, sha(again.body)]).toEqual([served[name].etag, sha(served[name].body)]);
      expect((await file(url, name, { 'if-none-match': served[name].etag! })).status).toBe(304);
    }
    // A file rewritten while the replica runs is built again from the new content.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barcelona-scale-'));
    fs.cpSync(DATA_DIR, dir, { recursive: true });
    try {
      const changed = await start(3, dir);
      const before = await file(changed.url, CURRENT);
      const fewer = BASE_FILES[CURRENT].split('\n').slice(0, 40).join('\n') + '\n';
      changed.replica.touch(CURRENT, fewer);
      const after = await file(changed.url, CURRENT, { 'if-none-match': before.etag! });
      expect(after.status).toBe(200);
      expect(after.etag).not.toBe(before.etag);
      expect(parseCurrentTermFile(after.body).agreements.length).toBe(3 * parseCurrentTermFile(fewer).agreements.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface Node {
  id: string;
  reference?: string;
  createdAt?: string;
  publishedAt?: string | null;
  answeredAt?: string | null;
  startTime?: string;
  endTime?: string;
  meeting?: { id: string } | null;
  category?: { id: string } | null;
  status?: { id: string } | null;
  parent?: { id: string } | null;
  children?: Array<{ id: string }>;
}
interface Connection {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: Node }>;
}
interface Component {
  __typename: string;
  id: string;
  proposals?: Connection;
  meetings?: Connection;
  results?: Connection;
}
interface Process {
  id: string;
  slug: string;
  reference: string;
  createdAt: string;
  publishedAt: string;
  startDate: string | null;
  endDate: string | null;
  categories: Array<{ id: string }>;
  components: Component[];
}

const ITEMS = `
  ... on Proposals { proposals(first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id reference createdAt publishedAt answeredAt meeting { id } category { id } } } } }
  ... on Meetings { meetings(first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id reference createdAt startTime endTime category { id } } } } }
  ... on Accountability { results(first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id reference createdAt category { id } status { id } parent { id } children { id } } } } }`;
const PROCESSES_QUERY = `query Processes($after: String) { participatoryProcesses { id slug reference createdAt publishedAt startDate endDate categories { id } components { __typename id ${ITEMS} } } }`;
const COMPONENT_QUERY = `query Page($id: ID!, $after: String) { component(id: $id) { __typename id ${ITEMS} } }`;

describe(`Decidim at scale ${SCALE}`, () => {
  let url: string;
  let processes: Process[];
  let first: string;
  /** Every item of every component (all pages), by component id. */
  const items = new Map<string, Node[]>();

  beforeAll(async () => {
    ({ url } = await start(SCALE));
    const answer = await decidim<{ participatoryProcesses: Process[] }>(url, PROCESSES_QUERY);
    first = answer.text;
    processes = answer.data.participatoryProcesses;
    for (const c of processes.flatMap((p) => p.components)) {
      let page = c.proposals ?? c.meetings ?? c.results;
      const list: Node[] = [];
      while (page) {
        list.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage) break;
        const next = await decidim<{ component: Component }>(url, COMPONENT_QUERY, { id: c.id, after: page.pageInfo.endCursor });
        page = next.data.component.proposals ?? next.data.component.meetings ?? next.data.component.results;
      }
      items.set(c.id, list);
    }
  });

  const visible = SEED.participatoryProcesses.filter((p) => p.published && p.publishedAt && !p.private);

  it('serves N copies of every visible process, with as many items in each component as the base has', () => {
    expect(processes.length).toBe(SCALE * visible.length);
    const counts = (list: Process[]) => list.flatMap((p) => p.components.map((c) => `${c.__typename}:${items.get(c.id)?.length ?? 0}`)).sort();
    const base = processes.filter((p) => visible.some((v) => v.id === p.id));
    expect(counts(processes)).toEqual(Array.from({ length: SCALE }, () => counts(base)).flat().sort());
    // Paging stays 50 a page: a component of 56 proposals answers 50 and then 6, in every copy.
    const big = processes.flatMap((p) => p.components).filter((c) => c.proposals?.pageInfo.hasNextPage);
    expect(big.length).toBe(SCALE * base.flatMap((p) => p.components).filter((c) => c.proposals?.pageInfo.hasNextPage).length);
    for (const c of big) expect(c.proposals!.edges.length).toBe(50);
  });

  it('gives every copy numeric ids of its own (unique per type) and references as Decidim builds them', () => {
    const all = [...items.values()].flat();
    const ids = [...processes.map((p) => p.id), ...processes.flatMap((p) => p.components.map((c) => c.id)), ...all.map((n) => n.id)];
    expect(new Set(processes.map((p) => p.id)).size).toBe(processes.length);
    expect(new Set(all.map((n) => `${n.reference?.split('-')[1]}:${n.id}`)).size).toBe(all.length);
    for (const id of ids) expect(id).toMatch(/^\d{1,12}$/);
    for (const p of processes) expect(`process-${p.id}`).toMatch(BODY_ID);
    for (const n of all.filter((x) => x.startTime)) expect(`decidim:${n.id}`).toMatch(MEETING_ID);
    expect(new Set(processes.map((p) => p.slug)).size).toBe(processes.length);
    for (const n of [...processes, ...all]) {
      const local = DateTime.fromISO(n.createdAt!, { setZone: true });
      expect(n.reference).toBe(`${n.reference!.split('-').slice(0, 2).join('-')}-${local.toFormat('yyyy-LL')}-${n.id}`);
    }
  });

  it('keeps relations inside each copy: meetings, categories, statuses, parents and children', () => {
    for (const p of processes) {
      const nodes = p.components.flatMap((c) => items.get(c.id) ?? []);
      const own = new Set([...nodes.map((n) => n.id), ...p.categories.map((c) => c.id)]);
      const related = nodes.flatMap((n) => [n.meeting?.id, n.category?.id, n.parent?.id, ...(n.children ?? []).map((x) => x.id)]).filter((x): x is string => !!x);
      for (const id of related) expect([p.id, id, own.has(id)]).toEqual([p.id, id, true]);
      // Statuses belong to the copy too: same thousands as the process's other ids.
      for (const n of nodes.filter((x) => x.status)) expect(Math.floor(Number(n.status!.id) / 1e5)).toBe(Math.floor(Number(p.id) / 1e5));
    }
    const relations = (list: Process[]) => list.flatMap((p) => p.components.flatMap((c) => items.get(c.id) ?? [])).filter((n) => n.meeting || n.parent || n.status).length;
    expect(relations(processes)).toBe(SCALE * relations(processes.filter((p) => visible.some((v) => v.id === p.id))));
  });

  it("moves every copy's timestamps back whole days, with Madrid's offset on the new day, never before 2012", () => {
    const stamps = [...processes.flatMap((p) => [p.createdAt, p.publishedAt]), ...[...items.values()].flat().flatMap((n) => [n.createdAt, n.publishedAt, n.answeredAt, n.startTime, n.endTime])].filter(
      (x): x is string => !!x,
    );
    expect(stamps.length).toBeGreaterThan(1000);
    for (const s of stamps) {
      expect(s).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(DateTime.fromISO(s, { setZone: true }).offset).toBe(DateTime.fromISO(s).setZone('Europe/Madrid').offset);
      expect(s >= '2012-01-01').toBe(true);
    }
    for (const p of processes) for (const d of [p.startDate, p.endDate].filter((x): x is string => !!x)) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers the same bytes from two replicas at the same scale', async () => {
    const other = await start(SCALE);
    expect((await decidim(other.url, PROCESSES_QUERY)).text).toBe(first);
    const [component] = processes[processes.length - 1].components.filter((c) => c.proposals);
    const page = (u: string) => decidim(u, COMPONENT_QUERY, { id: component.id, after: null }).then((a) => a.text);
    expect(await page(other.url)).toBe(await page(url));
  });
});
