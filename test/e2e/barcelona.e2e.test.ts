/**
 * Barcelona end to end: replica (plenary files + Decidim) → sync → store → Barcelona subgraph →
 * gateway, over HTTP. Counts are checked against the files as the (separately unit-tested) parsers
 * read them. The sync itself (changes, set-aside rows, faults) is in barcelona-sync.e2e.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCurrentTermFile as parseCurrentTermFileWith, parsePreviousTermFile as parsePreviousTermFileWith } from '../../subgraphs/decidim/mapping/plenary';
import { decidimCity, plenaryOptionsOf } from '../../subgraphs/decidim/mapping/city';
import { cityById } from '../../schema/cities';
import { BARCELONA_DATA_DIR, startGraph, type Graph } from './harness';

// The files parsed with Barcelona's groups, as its subgraph parses them.
const BCN = plenaryOptionsOf(decidimCity(cityById('barcelona')));
const parseCurrentTermFile = (content: string, file?: string) => parseCurrentTermFileWith(content, file, BCN);
const parsePreviousTermFile = (content: string, file?: string) => parsePreviousTermFileWith(content, file, BCN);

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const plenaryDir = path.join(BARCELONA_DATA_DIR, 'plenary');
const current = parseCurrentTermFile(fs.readFileSync(path.join(plenaryDir, 'votacions_plenari_mandat_actual.csv'), 'utf8'));
const previous = parsePreviousTermFile(fs.readFileSync(path.join(plenaryDir, 'votacions_plenari_mandat_2019_2023.csv'), 'utf8'));
const agreements = [...current.agreements, ...previous.agreements];

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph({ barcelona: true });
});
afterAll(async () => {
  await graph.close();
});

async function walk(filter: Raw | null, first = 13): Promise<{ nodes: Raw[]; totalCount: number }> {
  const nodes: Raw[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let i = 0; i < 200; i++) {
    const res = await graph.query(
      `query($f: DecisionFilter, $first: Int, $after: String) { barcelona { decisions(filter: $f, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id title date outcome outcomeRaw categories { name } } } } }`,
      { f: filter, first, after },
    );
    expect(res.errors).toBeUndefined();
    const conn = res.data.barcelona.decisions;
    totalCount = conn.totalCount;
    nodes.push(...conn.nodes);
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return { nodes, totalCount };
}

describe('plenary agreements', () => {
  it('walks every agreement of both files once, newest first', async () => {
    const { nodes, totalCount } = await walk(null);
    expect(totalCount).toBe(agreements.length);
    expect(nodes).toHaveLength(agreements.length);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    const dates = nodes.map((n) => n.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('filters by date, outcome, theme and text', async () => {
    const all = (await walk(null, 100)).nodes;
    const range = await walk({ from: '2024-01-01', to: '2025-01-01' }, 100);
    expect(range.totalCount).toBe(all.filter((n) => n.date >= '2024-01-01' && n.date < '2025-01-01').length);
    expect(range.totalCount).toBeGreaterThan(0);
    const rejected = await walk({ outcome: ['REJECTED'] }, 100);
    expect(rejected.totalCount).toBe(agreements.filter((a) => ['Rebutjada', 'No aprovada', 'rebutjat'].includes(a.result)).length);
    for (const n of rejected.nodes) expect(n.outcome).toBe('REJECTED');
    const housing = await walk({ category: 'habitatge' }, 100);
    expect(housing.totalCount).toBe(agreements.filter((a) => a.themeCa === 'Habitatge' || a.themeEs === 'Vivienda').length);
    expect(housing.totalCount).toBeGreaterThanOrEqual(15);
    const vivienda = await walk({ category: 'Vivienda' }, 100);
    expect(vivienda.totalCount).toBeGreaterThan(0);
    const word = (current.agreements[0].titleCa as string).split(/\s+/).find((w) => w.length > 7)!;
    const byText = await walk({ text: word.toUpperCase() }, 100);
    expect(byText.nodes.map((n) => n.title)).toContain(current.agreements[0].titleCa);
  });

  it('serves one agreement with group votes (literal label, canonical group), session, case and its source', async () => {
    const a = current.agreements.find((x) => x.groupVotes.some((v) => v.raw === '-'))!;
    const list = await walk({ from: a.sessionDate, to: nextDay(a.sessionDate) }, 100);
    const target = list.nodes.find((n) => n.title === a.titleCa)!;
    const res = await graph.query(`query($id: ID!) { barcelona { decision(id: $id) { id outcomeRaw meeting { id title date decisions { id } } body { name type }
      voteEvents { counts { option value } groupCounts { group option value } }
      ... on BarcelonaDecision { sessionRef proposalRefs minutesPart groupVotes { label group option raw } sourceUrl sourceLine sourceFile } } } }`, { id: target.id });
    expect(res.errors).toBeUndefined();
    const d = res.data.barcelona.decision;
    expect(d).toMatchObject({ outcomeRaw: a.result, sessionRef: a.sessionRef, proposalRefs: a.proposalRefs, body: { name: 'Consell Municipal', type: 'COUNCIL' }, sourceLine: a.line, sourceFile: 'mandat_actual' });
    expect(d.meeting.decisions.map((x: Raw) => x.id)).toContain(d.id);
    expect(d.groupVotes.find((v: Raw) => v.raw === '-')).toMatchObject({ option: 'NOT_VOTING' });
    expect(d.sourceUrl).toMatch(/votacions_plenari_mandat_actual\.csv$/);
  });

  it('reports sources: freshness, the sync and unplaced rows', async () => {
    const res = await graph.query('{ barcelona { sources { key url lastModified checkedAt latestSessionDate rows unplacedRows { line reason } lastSuccessAt lastError { code } recordsHeld recordsSetAside backfilled } } }');
    expect(res.errors).toBeUndefined();
    const [cur, prev, decidim] = res.data.barcelona.sources;
    expect(cur).toMatchObject({ key: 'mandat_actual', rows: current.agreements.length, recordsHeld: current.agreements.length, recordsSetAside: 0, unplacedRows: [], lastError: null, backfilled: true });
    expect(cur.url).toMatch(/votacions_plenari_mandat_actual\.csv$/);
    expect(cur.lastModified).toMatch(/GMT$/);
    expect(Date.parse(cur.checkedAt)).toBeGreaterThan(Date.now() - 60000);
    expect(cur.latestSessionDate).toBe(current.agreements.map((x) => x.sessionDate).sort().pop());
    expect(prev).toMatchObject({ key: 'mandat_2019_2023', rows: previous.agreements.length, recordsHeld: previous.agreements.length });
    expect(decidim).toMatchObject({ key: 'decidim', rows: 0, lastModified: null, latestSessionDate: null, unplacedRows: [], lastError: null });
    expect(decidim.recordsHeld).toBeGreaterThan(0);
  });

  it('serves cases of proposal references with their agreements, newest first', async () => {
    const refs = new Map<string, typeof agreements>();
    for (const a of agreements) for (const r of a.proposalRefs.filter((x) => x.toLowerCase() !== 's/n')) refs.set(r, [...(refs.get(r) ?? []), a]);
    const res = await graph.query('{ barcelona { cases(first: 0) { totalCount } } }');
    expect(res.data.barcelona.cases.totalCount).toBe(refs.size);
    const [ref, carrying] = [...refs.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    const one = await graph.query('query($id: ID!) { barcelona { case(id: $id) { id label title decisions { id date } } } }', { id: ref });
    expect(one.errors).toBeUndefined();
    expect(one.data.barcelona.case).toMatchObject({ id: `barcelona:case:${ref}`, label: ref });
    expect(one.data.barcelona.case.decisions).toHaveLength(carrying.length);
  });
});

describe('sync by conditional GET', () => {
  it('a second sync gets 304s and rewrites nothing; a regenerated file is picked up by the next sync', async () => {
    // A copy of the dataset, so the test can regenerate a file as the city would.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcn-'));
    fs.cpSync(BARCELONA_DATA_DIR, dir, { recursive: true });
    const g = await startGraph({ barcelona: { dataDir: dir } });
    try {
      const reqs = g.barcelona!.replica.fileRequests;
      expect(reqs.map((r) => r.status)).toEqual([200, 200]); // the first sync downloaded both files
      const reports = (await g.barcelona!.service.sync.runOnce())!;
      expect(reqs.map((r) => r.status)).toEqual([200, 200, 304, 304]);
      expect(reqs.every((r) => /city-decision-graph/.test(r.userAgent ?? ''))).toBe(true);
      for (const r of reports) expect(r).toMatchObject({ ok: true, run: { written: 0, deleted: 0 } });
      // Queries read the copy: no request to the file server.
      await g.query('{ barcelona { decisions(first: 1) { totalCount } } }');
      expect(reqs).toHaveLength(4);

      // The city regenerates the current file without its first record.
      const file = path.join(dir, 'plenary', 'votacions_plenari_mandat_actual.csv');
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      const recordEnd = lines.findIndex((l, i) => i > 1 && /^\tCP /.test(l));
      const regenerated = [lines[0], ...lines.slice(recordEnd)].join('\n');
      const expected = parseCurrentTermFile(regenerated).agreements.length + previous.agreements.length;
      expect(expected).toBe(agreements.length - 1);
      g.barcelona!.replica.touch('votacions_plenari_mandat_actual.csv', regenerated);
      expect((await g.query('{ barcelona { decisions(first: 2) { totalCount } } }')).data.barcelona.decisions.totalCount).toBe(agreements.length);
      const [cur, prev] = (await g.barcelona!.service.sync.runOnce())!;
      expect(reqs.slice(4).map((r) => r.status)).toEqual([200, 304]);
      expect(cur.run.deleted).toBeGreaterThan(0);
      expect(prev.run).toMatchObject({ written: 0, deleted: 0 });
      expect((await g.query('{ barcelona { decisions(first: 3) { totalCount } } }')).data.barcelona.decisions.totalCount).toBe(expected);
    } finally {
      await g.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Decidim participation', () => {
  it('serves processes, proposals with outcomes, meetings with coordinates, and accountability results', async () => {
    const res = await graph.query(`{ barcelona {
      participatoryProcesses(first: 20) { id title titles { lang text } startDate body { id } proposals(first: 5) { id } meetings(first: 10) { id } accountabilityResults(first: 10) { id children(first: 10) { id } } }
      proposals(first: 100) { totalCount nodes { id title(lang: "es") outcome state voteCount answer { plain } coordinates { latitude longitude } } }
      accountabilityResults(first: 100) { totalCount nodes { title progress statusKey } }
      meetings(first: 100, filter: { from: "2000-01-01", to: "2100-01-01" }) { nodes { __typename id ... on BarcelonaParticipatoryMeeting { address coordinates { latitude } typeOfMeeting start } } }
    } }`);
    expect(res.errors).toBeUndefined();
    const b = res.data.barcelona;
    expect(b.participatoryProcesses.length).toBeGreaterThanOrEqual(4);
    expect(b.proposals.totalCount).toBeGreaterThanOrEqual(40);
    const states = new Map(b.proposals.nodes.map((p: Raw) => [p.state, p.outcome]));
    expect(states.get('accepted')).toBe('ADOPTED');
    expect(states.get('rejected')).toBe('REJECTED');
    expect(b.proposals.nodes.some((p: Raw) => p.coordinates)).toBe(true);
    expect(b.accountabilityResults.totalCount).toBeGreaterThanOrEqual(15);
    const decidimMeetings = b.meetings.nodes.filter((m: Raw) => m.__typename === 'BarcelonaParticipatoryMeeting');
    expect(decidimMeetings.length).toBeGreaterThanOrEqual(15);
    expect(decidimMeetings.some((m: Raw) => m.coordinates && m.address)).toBe(true);
    expect(b.meetings.nodes.some((m: Raw) => m.__typename === 'BarcelonaPlenarySession')).toBe(true);
  });

  it('syncs under the instance\'s rate limit, and a burst of gateway queries asks Decidim nothing', async () => {
    const g = await startGraph({ barcelona: { decidimRateLimitPerMinute: 100, decidimRequestsPerMinute: 90 } });
    try {
      const decidim = g.barcelona!.replica.decidim;
      const synced = decidim.requestCount;
      expect(synced).toBeGreaterThan(0);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => g.query(`{ barcelona { proposals(first: ${i + 1}) { totalCount } participatoryProcesses { id } } }`)),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(decidim.requestCount).toBe(synced); // 40 queries, answered from the copy
      await g.barcelona!.service.sync.runOnce({ only: ['decidim'] });
      expect(decidim.requestCount).toBe(2 * synced);
      expect(decidim.throttledCount).toBe(0);
      expect(decidim.requestCount).toBe(g.barcelona!.service.decidim.requestCount);
    } finally {
      await g.close();
    }
  });
});

describe('bad input', () => {
  it.each([
    ['first: 1000', '{ barcelona { decisions(first: 1000) { totalCount } } }', 'first'],
    ['an unknown body', '{ barcelona { decisions(filter: { body: "ajuntament" }) { totalCount } } }', 'filter.body'],
    ['an unknown decision', '{ barcelona { decision(id: "CP 99/99|nope") { id } } }', 'id'],
    ['a malformed meeting id', '{ barcelona { meeting(id: "x") { id } } }', 'id'],
    ['an invalid date', '{ barcelona { decisions(filter: { to: "2024-02-30" }) { totalCount } } }', 'filter.to'],
  ])('%s gives BAD_USER_INPUT naming the argument', async (_n, query, argumentName) => {
    const res = await graph.query(query);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });
});

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
}
