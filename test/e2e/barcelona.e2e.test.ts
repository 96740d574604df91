/**
 * Barcelona end to end: replica (plenary files + Decidim) → Barcelona subgraph → gateway, over HTTP.
 * Counts are checked against the files as the (separately unit-tested) parsers read them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCurrentTermFile, parsePreviousTermFile } from '../../subgraphs/barcelona/mapping/plenary';
import { BARCELONA_DATA_DIR, startGraph, type Graph } from './harness';

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
    expect(rejected.totalCount).toBe(agreements.filter((a) => ['Rebutjada', 'No aprovada'].includes(a.result)).length);
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

  it('reports sources: freshness and unplaced rows', async () => {
    const res = await graph.query('{ barcelona { sources { key url lastModified checkedAt latestSessionDate rows unplacedRows { line reason } } } }');
    expect(res.errors).toBeUndefined();
    const [cur, prev] = res.data.barcelona.sources;
    expect(cur).toMatchObject({ key: 'mandat_actual', rows: current.agreements.length, unplacedRows: [] });
    expect(cur.lastModified).toMatch(/GMT$/);
    expect(cur.latestSessionDate).toBe(current.agreements.map((x) => x.sessionDate).sort().pop());
    expect(prev).toMatchObject({ key: 'mandat_2019_2023', rows: previous.agreements.length });
  });
});

describe('conditional GET', () => {
  it('revalidates with 304 and rebuilds the index only when a file changes', async () => {
    // A copy of the dataset, so the test can regenerate a file as the city would.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcn-'));
    fs.cpSync(BARCELONA_DATA_DIR, dir, { recursive: true });
    const g = await startGraph({ barcelona: { dataDir: dir, plenaryRecheckMs: 0 } });
    try {
      // Different queries: the gateway would answer an identical one from its response cache.
      await g.query('{ barcelona { decisions(first: 1) { totalCount } } }');
      await g.query('{ barcelona { decisions(first: 2) { totalCount } } }');
      const reqs = g.barcelona!.replica.fileRequests;
      expect(reqs.filter((r) => r.status === 200)).toHaveLength(2);
      expect(reqs.filter((r) => r.status === 304).length).toBeGreaterThanOrEqual(2);
      expect(reqs.every((r) => /city-decision-graph/.test(r.userAgent ?? ''))).toBe(true);
      expect(g.barcelona!.service.indexer.builds).toBe(1);
      // The city regenerates the current file with one agreement less.
      const lines = fs.readFileSync(path.join(dir, 'plenary', 'votacions_plenari_mandat_actual.csv'), 'utf8').split('\n');
      g.barcelona!.replica.touch('votacions_plenari_mandat_actual.csv', [lines[0], ...lines.slice(2)].join('\n'));
      const after = await g.query('{ barcelona { decisions(first: 3) { totalCount } } }');
      expect(after.data.barcelona.decisions.totalCount).toBeLessThan(agreements.length);
      expect(g.barcelona!.service.indexer.builds).toBe(2);
    } finally {
      await g.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Decidim participation', () => {
  it('serves processes, proposals with outcomes, meetings with coordinates, and accountability results', async () => {
    const res = await graph.query(`{ barcelona {
      participatoryProcesses { id title titles { lang text } startDate body { id } proposals { id } meetings { id } accountabilityResults { id } }
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

  it('stays under the instance\'s rate limit in a burst of gateway queries', async () => {
    const g = await startGraph({ barcelona: { decidimRateLimitPerMinute: 100, decidimCacheMs: 60000, decidimRequestsPerMinute: 90 } });
    try {
      const results = await Promise.all(
        Array.from({ length: 40 }, () => g.query('{ barcelona { proposals(first: 5) { totalCount } participatoryProcesses { id } } }')),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      const decidim = g.barcelona!.replica.decidim;
      expect(decidim.throttledCount).toBe(0);
      expect(decidim.requestCount).toBeLessThanOrEqual(g.barcelona!.service.decidim.requestCount);
      expect(decidim.requestCount).toBeLessThan(10); // one snapshot (and its next pages) served 40 queries
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
