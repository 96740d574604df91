/**
 * Barcelona's Decidim as cities run it today, end to end: the replica imitating Decidim 0.27 (the
 * committed data, version 0.27.5) and 0.31 (the same data under version 0.31.1, which hides its
 * version as 0.30+ does unless configured to disclose it) → the version-aware client → sync →
 * store → subgraph → gateway, over HTTP. Both give the same processes, proposals, meetings and
 * results; a meeting without coordinates is `coordinates: null` without an error; an instance
 * lacking a field fails Decidim's sync with UPSTREAM_BAD_RESPONSE naming it while the plenary files
 * still answer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDecidimSeed } from '../../subgraphs/decidim/replica/decidim';
import { BARCELONA_DATA_DIR, startGraph, type Graph } from './harness';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const seed = loadDecidimSeed(path.join(BARCELONA_DATA_DIR, 'decidim', 'seed.json'));
const BARCELONA = 'https://www.decidim.barcelona';

/** Barcelona's replica data with another Decidim version in its seed (the replica serves that version's API). */
function dataDirAt(version: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `decidim-${version}-`));
  fs.cpSync(BARCELONA_DATA_DIR, dir, { recursive: true });
  const file = path.join(dir, 'decidim', 'seed.json');
  const copy = JSON.parse(fs.readFileSync(file, 'utf8'));
  copy.decidim.version = version;
  fs.writeFileSync(file, JSON.stringify(copy));
  return dir;
}

// Within the gateway's cost limit and above what the seed holds (4 processes, at most 56 proposals, 5 meetings and 8 results each).
const EVERYTHING = `{ barcelona {
  participatoryProcesses(first: 10) {
    id sourceId slug title startDate endDate url
    proposals(first: 60) { id sourceId reference title state outcome voteCount endorsementsCount official address coordinates { latitude longitude } category { name } url answeredAt publishedAt }
    meetings(first: 10) { id sourceId title start end date status statusRaw location address typeOfMeeting attendeeCount coordinates { latitude longitude } url sourceUrl }
    accountabilityResults(first: 10) { id sourceId reference title progress statusKey startDate endDate parent { id } url }
  }
} }`;
const SOURCES = '{ barcelona { sources { key decidimVersion decidimQuerySet lastError { code message } recordsHeld } } }';
const DECIDIM_SOURCE = (res: Raw) => res.data.barcelona.sources.find((s: Raw) => s.key === 'decidim');

/** The same list, in a fixed order (processes and their items by id), so two answers compare whole. */
function ordered(processes: Raw[]): Raw[] {
  const byId = (a: Raw, b: Raw) => String(a.id).localeCompare(String(b.id));
  return [...processes].sort(byId).map((p) => ({
    ...p,
    proposals: [...p.proposals].sort(byId),
    meetings: [...p.meetings].sort(byId),
    accountabilityResults: [...p.accountabilityResults].sort(byId),
  }));
}

describe('Decidim 0.27 and 0.31 give the same graph', () => {
  const answers: Record<string, { everything: Raw; sources: Raw }> = {};
  const dirs: string[] = [];

  beforeAll(async () => {
    for (const [mode, dataDir] of [['0.27', BARCELONA_DATA_DIR], ['0.31', dataDirAt('0.31.1')]] as const) {
      if (dataDir !== BARCELONA_DATA_DIR) dirs.push(dataDir);
      const graph = await startGraph({ barcelona: { dataDir } });
      try {
        answers[mode] = { everything: await graph.query(EVERYTHING), sources: await graph.query(SOURCES) };
      } finally {
        await graph.close();
      }
    }
  });
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads each instance with its release\'s query set: 0.27 by the version it tells, 0.31 (version hidden) by its fields', () => {
    expect(DECIDIM_SOURCE(answers['0.27'].sources)).toMatchObject({ decidimVersion: '0.27.5', decidimQuerySet: '0.27 (by version)', lastError: null });
    expect(DECIDIM_SOURCE(answers['0.31'].sources)).toMatchObject({ decidimVersion: null, decidimQuerySet: '0.31 (by fields)', lastError: null });
  });

  it('serves the same processes, proposals, meetings and results, without errors', () => {
    const [old, now] = [answers['0.27'].everything, answers['0.31'].everything];
    expect(old.errors).toBeUndefined();
    expect(now.errors).toBeUndefined();
    const processes = ordered(old.data.barcelona.participatoryProcesses);
    expect(processes.length).toBeGreaterThan(0);
    expect(processes.flatMap((p) => p.proposals).length).toBeGreaterThan(0);
    expect(processes.flatMap((p) => p.meetings).length).toBeGreaterThan(0);
    expect(processes.flatMap((p) => p.accountabilityResults).length).toBeGreaterThan(0);
    expect(ordered(now.data.barcelona.participatoryProcesses)).toEqual(processes);
  });

  it('maps the fields that changed between releases alike: likes as endorsements, taxonomies as categories, the withdrawn flag as the state', () => {
    const proposals = answers['0.31'].everything.data.barcelona.participatoryProcesses.flatMap((p: Raw) => p.proposals);
    const seedProposals = seed.participatoryProcesses.flatMap((p) => p.components.flatMap((c) => c.proposals ?? []));
    const withCategory = seedProposals.find((p) => p.categoryId && p.publishedAt)!;
    expect(proposals.find((p: Raw) => p.sourceId === withCategory.id).category).toEqual({ name: expect.any(String) });
    const liked = seedProposals.find((p) => (p.endorsementsCount ?? 0) > 0 && p.publishedAt)!;
    expect(proposals.find((p: Raw) => p.sourceId === liked.id).endorsementsCount).toBe(liked.endorsementsCount);
    const withdrawn = seedProposals.filter((p) => p.state === 'withdrawn' && p.publishedAt);
    for (const w of withdrawn) expect(proposals.find((p: Raw) => p.sourceId === w.id)).toMatchObject({ state: 'withdrawn', outcome: 'WITHDRAWN' });
  });

  it('links every process, proposal, meeting and result to its page on decidim.barcelona; meetings to the API as their source', () => {
    for (const mode of ['0.27', '0.31']) {
      for (const p of answers[mode].everything.data.barcelona.participatoryProcesses) {
        expect(p.url).toBe(`${BARCELONA}/processes/${p.slug}`);
        for (const x of p.proposals) expect(x.url).toMatch(new RegExp(`^${p.url}/f/\\d+/proposals/${x.sourceId}$`));
        for (const x of p.accountabilityResults) expect(x.url).toMatch(new RegExp(`^${p.url}/f/\\d+/results/${x.sourceId}$`));
        for (const m of p.meetings) {
          expect(m.url).toMatch(new RegExp(`^${p.url}/f/\\d+/meetings/${m.sourceId.replace(/^decidim:/, '')}$`));
          expect(m.sourceUrl).toBe(`${BARCELONA}/api`);
        }
      }
    }
  });

  it('a meeting without coordinates has `coordinates: null`, and the answer no error', () => {
    const ungeocoded = seed.participatoryProcesses.flatMap((p) => p.components.flatMap((c) => c.meetings ?? [])).filter((m) => m.latitude === null);
    expect(ungeocoded.length).toBeGreaterThan(0);
    for (const mode of ['0.27', '0.31']) {
      const res = answers[mode].everything;
      expect(res.errors).toBeUndefined();
      const meetings = res.data.barcelona.participatoryProcesses.flatMap((p: Raw) => p.meetings);
      for (const m of ungeocoded) expect(meetings.find((x: Raw) => x.sourceId === `decidim:${m.id}`).coordinates).toBeNull();
      expect(meetings.filter((x: Raw) => x.coordinates).every((x: Raw) => typeof x.coordinates.latitude === 'number')).toBe(true);
    }
  });
});

describe('an instance that lacks a field', () => {
  let graph: Graph;
  let dir: string;
  beforeAll(async () => {
    dir = dataDirAt('0.31.1');
    graph = await startGraph({ barcelona: { dataDir: dir } });
  });
  afterAll(async () => {
    await graph.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails Decidim\'s sync with UPSTREAM_BAD_RESPONSE naming the field, while the plenary files and the held copy still answer', async () => {
    const before = await graph.query(EVERYTHING);
    graph.barcelona!.replica.decidim.serveWithout(['Meeting.attendeeCount', 'Result.url']);
    await graph.barcelona!.service.sync.runOnce();
    const sources = await graph.query(SOURCES);
    const decidim = DECIDIM_SOURCE(sources);
    expect(decidim.lastError).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    expect(decidim.lastError.message).toContain('Meeting.attendeeCount');
    expect(decidim.lastError.message).toContain('Result.url');
    expect(decidim.lastError.message).toContain('0.31');
    for (const s of sources.data.barcelona.sources.filter((x: Raw) => x.key !== 'decidim')) expect(s.lastError).toBeNull();
    const decisions = await graph.query('{ barcelona { decisions(first: 3) { totalCount nodes { id title } } } }');
    expect(decisions.errors).toBeUndefined();
    expect(decisions.data.barcelona.decisions.totalCount).toBeGreaterThan(0);
    // Decidim's records stay as last synced.
    const after = await graph.query(EVERYTHING);
    expect(ordered(after.data.barcelona.participatoryProcesses)).toEqual(ordered(before.data.barcelona.participatoryProcesses));
  });
});

describe('which meetings a component lists', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ barcelona: true });
  });
  afterAll(async () => {
    await graph.close();
  });

  it('an unpublished meeting is not listed (in any release), and leaves the graph at the next sync', async () => {
    const target = seed.participatoryProcesses[0].components.flatMap((c) => c.meetings ?? [])[0];
    const listed = (res: Raw) => res.data.barcelona.participatoryProcesses.flatMap((p: Raw) => p.meetings.map((m: Raw) => m.sourceId));
    expect(listed(await graph.query(EVERYTHING))).toContain(`decidim:${target.id}`);
    graph.barcelona!.replica.decidim.change((s) => {
      for (const p of s.participatoryProcesses) for (const c of p.components) for (const m of c.meetings ?? []) if (m.id === target.id) m.published = false;
    });
    const reports = (await graph.barcelona!.service.sync.runOnce())!;
    expect(reports.find((r) => r.upstream === 'decidim')).toMatchObject({ ok: true });
    // Another document than before: the gateway may answer a document it answered within its max-age from its cache.
    const after = await graph.query(`{ barcelona { meeting(id: "decidim:${target.id}") { id } participatoryProcesses(first: 10) { meetings(first: 11) { sourceId } } } }`);
    expect(after.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', reason: 'NOT_FOUND' }, path: ['barcelona', 'meeting'] }]);
    expect(listed(after)).not.toContain(`decidim:${target.id}`);
    expect(listed(after).length).toBeGreaterThan(0);
  });
});
