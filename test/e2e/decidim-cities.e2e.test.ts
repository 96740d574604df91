/**
 * Two cities on the Decidim adapter side by side behind one gateway: Barcelona (plenary files and
 * Decidim) and Terrassa (Decidim only, by configuration and data alone). Each is started the way any
 * registry city is: its replica as a child process (the adapter's replica entry with CITY_ID and
 * <CITY>_REPLICA_PORT), its subgraph in process by the adapter's `buildFromEnv` with the registry
 * entry (CITY_ID, an in-memory store, the upstream URLs pointed at the replica), ready once `/ready`
 * answers 200. The gateway composes the registry (composeSupergraph()); cities not started are
 * unreachable.
 */
import path from 'node:path';
import { CITIES, cityById, replicaOf, ROOT_DIR } from '../../schema/cities';
import { composeSupergraph } from '../../schema/compose';
import { buildGateway, type Gateway } from '../../gateway/server';
import type { RunningService } from '../../subgraphs/shared/server';
import { buildFromEnv, type DecidimSubgraph } from '../../subgraphs/decidim/server';
import { loadDecidimSeed, type DecidimSeed } from '../../subgraphs/decidim/replica/decidim';
import { freePort, startProcess, stopProcess, waitFor } from './process';
import { logger, postGraphQL } from './harness';

jest.setTimeout(120000);

/** A loopback port nothing listens on: a city left out is unreachable. */
const NOWHERE = 'http://127.0.0.1:9/graphql';
const IDS = ['barcelona', 'terrassa'] as const;

interface Started {
  replica: ReturnType<typeof startProcess>;
  service: DecidimSubgraph;
  running: RunningService;
}
const started: Partial<Record<string, Started>> = {};
let gateway: Gateway;
let gatewayUrl: string;
let closeGateway: () => Promise<void>;

async function startCity(id: string): Promise<Started> {
  const city = cityById(id);
  const port = await freePort();
  const replica = startProcess(city.replica!.entry, { CITY_ID: id, [`${city.envPrefix}_REPLICA_PORT`]: String(port) });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/health`);
  const env: NodeJS.ProcessEnv = { CITY_ID: id, DATA_DIR: 'memory', DATABASE_URL: '', SYNC_INTERVAL_S: '0', [`${city.envPrefix}_DECIDIM_REQUESTS_PER_MINUTE`]: '6000' };
  for (const u of city.upstreams) env[u.baseUrlEnv] = `${origin}${u.replicaPath}`;
  const service = await buildFromEnv(env, logger);
  const running = await service.listen(0);
  // Ready once every upstream completed its first sync.
  for (let i = 0; ; i++) {
    if ((await fetch(running.url.replace('/graphql', '/ready'))).status === 200) break;
    if (i > 1200) throw new Error(`${id} did not become ready`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { replica, service, running };
}

const query = (q: string, variables?: Record<string, unknown>) => postGraphQL(gatewayUrl, q, variables);

/** What a city's seed publishes through the API (Decidim's visibility rules, as the replica applies them). */
function published(seed: DecidimSeed) {
  const processes = seed.participatoryProcesses.filter((p) => p.published !== false && !!p.publishedAt && !p.private);
  const components = processes.flatMap((p) => p.components.filter((c) => !!c.publishedAt).map((c) => ({ process: p, component: c })));
  const proposals = components.flatMap(({ process, component }) => (component.manifest === 'proposals' ? (component.proposals ?? []).filter((x) => !!x.publishedAt).map((x) => ({ process, proposal: x })) : []));
  return { processes, proposals };
}
const seedOf = (id: string) => loadDecidimSeed(path.join(ROOT_DIR, replicaOf(cityById(id)).defaultDir, 'decidim', 'seed.json'));
const terrassaSeed = published(seedOf('terrassa'));
const barcelonaSeed = published(seedOf('barcelona'));

beforeAll(async () => {
  const [b, t] = await Promise.all(IDS.map(startCity));
  started.barcelona = b;
  started.terrassa = t;
  const { supergraphSdl, errors } = composeSupergraph();
  if (!supergraphSdl) throw new Error(errors.join('\n'));
  const subgraphUrls = Object.fromEntries(CITIES.map((c) => [c.id, started[c.id]?.running.url ?? NOWHERE]));
  gateway = await buildGateway({ supergraphSdl, subgraphUrls, subgraphTimeoutMs: 10000 }, logger);
  const running = await gateway.listen(0);
  gatewayUrl = running.url;
  closeGateway = running.close;
});

afterAll(async () => {
  await closeGateway?.().catch(() => undefined);
  for (const s of Object.values(started)) {
    await s?.running.close().catch(() => undefined);
    if (s) await stopProcess(s.replica);
  }
});

describe('two Decidim cities in one supergraph', () => {
  it('both answer in one query, each with its own root field, type names and id prefixes', async () => {
    const res = await query(`{
      barcelona { __typename id name timezone languages sources { key } participatoryProcesses { __typename id } decisions(first: 2) { totalCount nodes { __typename id } } }
      terrassa { __typename id name timezone languages sources { key } participatoryProcesses { __typename id title } decisions(first: 50) { totalCount nodes { __typename id outcome } } }
    }`);
    expect(res.errors).toBeUndefined();
    const { barcelona, terrassa } = res.data;
    expect(barcelona).toMatchObject({ __typename: 'BarcelonaCity', id: 'barcelona', name: 'Barcelona', languages: ['ca', 'es', 'en'] });
    expect(terrassa).toMatchObject({ __typename: 'TerrassaCity', id: 'terrassa', name: 'Terrassa', timezone: 'Europe/Madrid', languages: ['ca', 'es'] });
    // Terrassa has no plenary source: only Decidim.
    expect(terrassa.sources.map((s: { key: string }) => s.key)).toEqual(['decidim']);
    expect(barcelona.sources.map((s: { key: string }) => s.key)).toEqual(['mandat_actual', 'mandat_2019_2023', 'decidim']);
    for (const p of barcelona.participatoryProcesses) expect(p).toMatchObject({ __typename: 'BarcelonaParticipatoryProcess', id: expect.stringMatching(/^barcelona:process:\d+$/) });
    for (const p of terrassa.participatoryProcesses) expect(p).toMatchObject({ __typename: 'TerrassaParticipatoryProcess', id: expect.stringMatching(/^terrassa:process:\d+$/) });
    for (const d of barcelona.decisions.nodes) expect(d).toMatchObject({ __typename: 'BarcelonaDecision', id: expect.stringMatching(/^barcelona:decision:/) });
    for (const d of terrassa.decisions.nodes) expect(d).toMatchObject({ __typename: 'TerrassaDecision', id: expect.stringMatching(/^terrassa:decision:proposal:\d+$/) });
  });

  it("serves each city's own data: Terrassa's processes and proposals are its seed's, none of Barcelona's", async () => {
    const res = await query(`{
      barcelona { participatoryProcesses { sourceId } proposals(first: 0) { totalCount } }
      terrassa { participatoryProcesses { sourceId title(lang: "es") } proposals(first: 100) { totalCount nodes { sourceId } } }
    }`);
    expect(res.errors).toBeUndefined();
    const { barcelona, terrassa } = res.data;
    expect(terrassa.participatoryProcesses.map((p: { sourceId: string }) => p.sourceId).sort()).toEqual(terrassaSeed.processes.map((p) => p.id).sort());
    expect(terrassa.participatoryProcesses.map((p: { title: string }) => p.title)).toContain('Presupuestos participativos 2024');
    expect(terrassa.proposals.totalCount).toBe(terrassaSeed.proposals.length);
    expect(terrassa.proposals.nodes.map((p: { sourceId: string }) => p.sourceId).sort()).toEqual(terrassaSeed.proposals.map((p) => p.proposal.id).sort());
    expect(barcelona.participatoryProcesses.map((p: { sourceId: string }) => p.sourceId).sort()).toEqual(barcelonaSeed.processes.map((p) => p.id).sort());
    expect(barcelona.proposals.totalCount).toBe(barcelonaSeed.proposals.length);
    const shared = terrassa.participatoryProcesses.filter((p: { sourceId: string }) => barcelonaSeed.processes.some((b) => b.id === p.sourceId));
    expect(shared).toEqual([]);
  });

  it('Terrassa without plenary files: no cases, no plenary sessions, no council, and its coverage says why', async () => {
    const res = await query(`{
      terrassa {
        cases(first: 5) { totalCount }
        meetings(first: 100) { totalCount nodes { __typename id } }
        bodies(first: 100) { nodes { id type } }
        coverage { field availability note }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const t = res.data.terrassa;
    expect(t.cases.totalCount).toBe(0);
    expect(t.meetings.totalCount).toBeGreaterThan(0);
    for (const m of t.meetings.nodes) expect(m).toMatchObject({ __typename: 'TerrassaParticipatoryMeeting', id: expect.stringMatching(/^terrassa:meeting:decidim:\d+$/) });
    expect(t.bodies.nodes.map((b: { type: string }) => b.type)).not.toContain('COUNCIL');
    const decision = t.coverage.find((c: { field: string }) => c.field === 'Decision');
    expect(decision.note).toMatch(/no plenaryFilesUrl/);
    expect(decision.note).toMatch(/answers to Decidim proposals/);
    expect(t.coverage.find((c: { field: string }) => c.field === 'Case')).toMatchObject({ availability: 'NONE' });
    // The council is no body of Terrassa's.
    const bad = await query('{ terrassa { body(id: "consell-municipal") { id } } }');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });

  it("serves Terrassa's answered proposals as decisions of their process (accepted → ADOPTED, rejected → REJECTED)", async () => {
    // Answered in the API: state published (accepted / rejected) with an answer and its date.
    const expected = terrassaSeed.proposals.filter(({ proposal: p }) => p.statePublished && (p.state === 'accepted' || p.state === 'rejected') && p.answer && p.answeredAt);
    expect(expected.length).toBeGreaterThan(2);
    // Evaluating, withdrawn, unanswered and not-yet-published answers are no decisions.
    expect(terrassaSeed.proposals.length).toBeGreaterThan(expected.length);
    const res = await query(`{ terrassa { decisions(first: 100) { totalCount nodes { id sourceId outcome outcomeRaw date decidedAt title(lang: "es") content(lang: "es") { plain } proposal { plain } body { id name type } meeting { id } voteEvents { id } } } } }`);
    expect(res.errors).toBeUndefined();
    const { totalCount, nodes } = res.data.terrassa.decisions;
    expect(totalCount).toBe(expected.length);
    expect(nodes.map((d: { sourceId: string }) => d.sourceId).sort()).toEqual(expected.map(({ proposal: p }) => `proposal:${p.id}`).sort());
    for (const { process, proposal: p } of expected) {
      const d = nodes.find((n: { sourceId: string }) => n.sourceId === `proposal:${p.id}`);
      expect(d).toMatchObject({
        id: `terrassa:decision:proposal:${p.id}`,
        outcome: p.state === 'accepted' ? 'ADOPTED' : 'REJECTED',
        outcomeRaw: p.state,
        date: p.answeredAt!.slice(0, 10),
        title: (p.title as Record<string, string>).es,
        body: { id: `terrassa:body:process-${process.id}`, type: 'OTHER' },
        meeting: null,
        voteEvents: [],
      });
      expect(Date.parse(d.decidedAt)).toBe(Date.parse(p.answeredAt!));
      expect(d.content.plain).toBeTruthy();
    }
    // Newest first.
    const dates = nodes.map((d: { date: string }) => d.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    // Filters apply to them as to any decision.
    const rejected = await query('{ terrassa { decisions(first: 100, filter: { outcome: [REJECTED] }) { totalCount } } }');
    expect(rejected.data.terrassa.decisions.totalCount).toBe(expected.filter(({ proposal: p }) => p.state === 'rejected').length);
  });

  it('lookups round-trip in both cities, each answering with its own type names', async () => {
    const lists = await query(`{
      barcelona { decisions(first: 1) { nodes { id } } meetings(first: 1, filter: { body: "consell-municipal" }) { nodes { id } } }
      terrassa { decisions(first: 1) { nodes { id } } meetings(first: 1) { nodes { id } } bodies(first: 1) { nodes { id } } }
    }`);
    expect(lists.errors).toBeUndefined();
    const ids = {
      bd: lists.data.barcelona.decisions.nodes[0].id,
      bm: lists.data.barcelona.meetings.nodes[0].id,
      td: lists.data.terrassa.decisions.nodes[0].id,
      tm: lists.data.terrassa.meetings.nodes[0].id,
      tb: lists.data.terrassa.bodies.nodes[0].id,
    };
    const res = await query(
      `query ($bd: ID!, $bm: ID!, $td: ID!, $tm: ID!, $tb: ID!) {
        barcelona { decision(id: $bd) { __typename id } meeting(id: $bm) { __typename id } }
        terrassa { decision(id: $td) { __typename id body { id } } meeting(id: $tm) { __typename id } body(id: $tb) { __typename id } }
      }`,
      ids,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.barcelona).toEqual({ decision: { __typename: 'BarcelonaDecision', id: ids.bd }, meeting: { __typename: 'BarcelonaPlenarySession', id: ids.bm } });
    expect(res.data.terrassa.decision).toMatchObject({ __typename: 'TerrassaDecision', id: ids.td });
    expect(res.data.terrassa.meeting).toEqual({ __typename: 'TerrassaParticipatoryMeeting', id: ids.tm });
    expect(res.data.terrassa.body).toEqual({ __typename: 'TerrassaBody', id: ids.tb });
    // One city's id is not the other's.
    const cross = await query('query ($id: ID!) { terrassa { decision(id: $id) { id } } }', { id: ids.bd });
    expect(cross.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });
});
