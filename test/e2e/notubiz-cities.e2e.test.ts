/**
 * Two municipalities on the Notubiz adapter side by side, by configuration only: every city of the
 * registry on `notubiz` (Amsterdam and Den Haag) gets its own replica over loopback (its registry
 * entry's replica.dir and time zone) and its own subgraph, built by the adapter's builder from its
 * registry entry; one gateway composed from the registry (composeSupergraph()) answers for both,
 * each city not started here being unreachable. Nothing of ours is mocked.
 */
import path from 'node:path';
import { buildGateway, type Gateway } from '../../gateway/server';
import { composeSupergraph } from '../../schema/compose';
import { CITIES, replicaOf, ROOT_DIR, type CityEntry } from '../../schema/cities';
import type { RunningService } from '../../subgraphs/shared/server';
import { createNotubizReplica, loadNotubizData, type NotubizReplicaData } from '../../subgraphs/notubiz/replica/server';
import { buildNotubizSubgraph, type NotubizSubgraph } from '../../subgraphs/notubiz/server';
import { notubizConfigFromEnv } from '../../subgraphs/notubiz/config';
import { logger, postGraphQL, TEST_SYNC, testStoreSettings, type GraphQLResponse } from './harness';

type Raw = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A loopback port nothing listens on. */
const NOWHERE = 'http://127.0.0.1:9/graphql';
const NOTUBIZ_CITIES = CITIES.filter((c) => c.adapter?.name === 'notubiz');

interface Started {
  city: CityEntry;
  data: NotubizReplicaData;
  replica: RunningService;
  service: NotubizSubgraph;
  subgraph: RunningService;
}

const started: Started[] = [];
let gatewayService: Gateway;
let gateway: RunningService;
const query = (q: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> => postGraphQL(gateway.url, q, variables);
const cityOf = (id: string) => started.find((s) => s.city.id === id)!;

beforeAll(async () => {
  for (const city of NOTUBIZ_CITIES) {
    const dataDir = path.join(ROOT_DIR, replicaOf(city).defaultDir);
    const r = createNotubizReplica({ dataDir, zone: city.timezone });
    const replica = await r.listen(0);
    // The city's own environment names (`<CITY>_NOTUBIZ_URL`) point its subgraph at its replica.
    const config = notubizConfigFromEnv(city, { [city.upstreams[0].baseUrlEnv]: replica.url });
    const service = await buildNotubizSubgraph(city, { ...config, timeoutMs: 3000, retries: 1, store: testStoreSettings(), sync: TEST_SYNC }, logger);
    const [report] = (await service.sync.runOnce())!;
    expect(report.ok).toBe(true);
    started.push({ city, data: r.data, replica, service, subgraph: await service.listen(0) });
  }
  const { supergraphSdl, errors } = composeSupergraph();
  expect(errors).toEqual([]);
  gatewayService = await buildGateway(
    {
      supergraphSdl: supergraphSdl!,
      subgraphUrls: Object.fromEntries(CITIES.map((c) => [c.id, started.find((s) => s.city.id === c.id)?.subgraph.url ?? NOWHERE])),
      subgraphTimeoutMs: 5000,
    },
    logger,
  );
  gateway = await gatewayService.listen(0);
}, 120000);

afterAll(async () => {
  await gateway?.close();
  for (const s of started) {
    await s.subgraph.close().catch(() => undefined);
    await s.replica.close().catch(() => undefined);
  }
});

it('the registry has two cities on Notubiz: Amsterdam and Den Haag', () => {
  expect(NOTUBIZ_CITIES.map((c) => [c.id, c.typePrefix])).toEqual([['amsterdam', 'Amsterdam'], ['denhaag', 'DenHaag']]);
});

describe('both in one query', () => {
  let res: GraphQLResponse;
  beforeAll(async () => {
    res = await query(`{
      amsterdam { __typename id name timezone decisions(first: 5) { totalCount nodes { __typename id body { __typename id } meeting { __typename id } } } }
      denhaag { __typename id name timezone decisions(first: 5) { totalCount nodes { __typename id body { __typename id } meeting { __typename id } } } }
    }`);
  });

  it('answers for each city under its own root field', () => {
    expect(res.errors).toBeUndefined();
    expect(res.data.amsterdam).toMatchObject({ __typename: 'AmsterdamCity', id: 'amsterdam', name: 'Amsterdam', timezone: 'Europe/Amsterdam' });
    expect(res.data.denhaag).toMatchObject({ __typename: 'DenHaagCity', id: 'denhaag', name: 'Den Haag', timezone: 'Europe/Amsterdam' });
  });

  it('each city with its own type names and id prefixes', () => {
    for (const [field, prefix] of [['amsterdam', 'Amsterdam'], ['denhaag', 'DenHaag']]) {
      const { totalCount, nodes } = res.data[field].decisions;
      expect(totalCount).toBeGreaterThan(0);
      expect(nodes).toHaveLength(5);
      for (const d of nodes) {
        expect(d.__typename).toBe(`${prefix}Decision`);
        expect(d.id).toMatch(new RegExp(`^${field}:decision:\\d+-\\d+$`));
        expect(d.meeting).toMatchObject({ __typename: `${prefix}Meeting`, id: expect.stringMatching(new RegExp(`^${field}:meeting:\\d+$`)) });
        expect(d.body).toMatchObject({ __typename: `${prefix}Body`, id: expect.stringMatching(new RegExp(`^${field}:body:\\d+-\\d+$`)) });
      }
    }
  });

  it('a decision of each round-trips through its own decision(id:) lookup', async () => {
    const a = res.data.amsterdam.decisions.nodes[0].id;
    const d = res.data.denhaag.decisions.nodes[0].id;
    const again = await query('query($a: ID!, $d: ID!) { amsterdam { decision(id: $a) { __typename id } } denhaag { decision(id: $d) { __typename id } } }', { a, d });
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual({ amsterdam: { decision: { __typename: 'AmsterdamDecision', id: a } }, denhaag: { decision: { __typename: 'DenHaagDecision', id: d } } });
  });

  it('the other city\'s id given to a city\'s lookup is BAD_USER_INPUT naming the argument id', async () => {
    const a = res.data.amsterdam.decisions.nodes[0].id;
    const d = res.data.denhaag.decisions.nodes[0].id;
    for (const [field, other] of [['denhaag', a], ['amsterdam', d]]) {
      const wrong = await query(`query($id: ID!) { ${field} { decision(id: $id) { id } } }`, { id: other });
      expect(wrong.data?.[field]?.decision ?? null).toBeNull();
      expect(wrong.errors).toHaveLength(1);
      expect(wrong.errors![0].path).toEqual([field, 'decision']);
      expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
      expect(wrong.errors![0].message).toContain(`is not a ${field} decision id`);
    }
  });
});

describe('the new city\'s data is its own', () => {
  it('its bodies are its organisation (318) and the gremia of its replica, none of Amsterdam\'s', async () => {
    const { data } = cityOf('denhaag');
    const organisationId = cityOf('denhaag').city.settings.organisationId as number;
    expect(organisationId).toBe(318);
    const res = await query('{ denhaag { bodies(first: 100) { totalCount nodes { __typename id sourceId name type } } } amsterdam { bodies(first: 100) { nodes { sourceId name } } } }');
    expect(res.errors).toBeUndefined();
    const bodies = res.data.denhaag.bodies.nodes as Raw[];
    const gremia = data.gremia.get(organisationId)!;
    expect(bodies.map((b) => b.sourceId).sort()).toEqual(['318', ...gremia.map((g) => `318-${g.id}`)].sort());
    expect(bodies.map((b) => b.name)).toEqual(expect.arrayContaining(['Gemeente Den Haag', 'Gemeenteraad', 'Commissie Bestuur', 'Commissie Leefomgeving', 'Commissie Samenleving']));
    expect(bodies.find((b) => b.name === 'Gemeenteraad')).toMatchObject({ __typename: 'DenHaagBody', type: 'COUNCIL' });
    const amsterdam = (res.data.amsterdam.bodies.nodes as Raw[]).map((b) => b.sourceId);
    expect(amsterdam).toContain('281');
    for (const b of bodies) expect(amsterdam).not.toContain(b.sourceId);
  });

  it('its meetings are its replica\'s public meetings, all of organisation 318, and only the council decides', async () => {
    const { data } = cityOf('denhaag');
    const res = await query(`{ denhaag {
      meetings(first: 100) { totalCount nodes { id ... on DenHaagMeeting { organisation { sourceId } } body { name } } }
      decisions(first: 100) { totalCount nodes { body { name } } }
    } }`);
    expect(res.errors).toBeUndefined();
    const published = data.meetings.filter((m) => (m.permission_group ?? 'public') === 'public');
    expect(res.data.denhaag.meetings.totalCount).toBe(published.length);
    for (const m of res.data.denhaag.meetings.nodes) expect(m.organisation.sourceId).toBe('318');
    expect(new Set(res.data.denhaag.meetings.nodes.map((m: Raw) => m.id))).toEqual(new Set(published.map((m) => `denhaag:meeting:${m.id}`)));
    expect(res.data.denhaag.decisions.totalCount).toBeGreaterThan(0);
    // decidingBodies: [Gemeenteraad] in Den Haag's settings: its committees advise.
    expect(new Set(res.data.denhaag.decisions.nodes.map((d: Raw) => d.body.name))).toEqual(new Set(['Gemeenteraad']));
  });

  it('its lookups know only its own organisations: Amsterdam\'s 281 is BAD_USER_INPUT there', async () => {
    const res = await query('{ denhaag { body(id: "281") { id } } }');
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    expect(res.errors![0].message).toContain('not one of Den Haag\'s');
    const own = await query('{ denhaag { body(id: "318") { __typename id name } } }');
    expect(own.data.denhaag.body).toEqual({ __typename: 'DenHaagBody', id: 'denhaag:body:318', name: 'Gemeente Den Haag' });
  });

  it('each replica served only its own city\'s organisations', () => {
    for (const { city, data } of started) {
      const ids = [city.settings.organisationId, ...((city.settings.districts as Array<{ id: number }>) ?? []).map((d) => d.id)];
      expect(data.organisations.map((o) => Number(o['@attributes'].id))).toEqual(ids);
      expect(new Set(data.meetings.map((m) => m.organisation?.id)).size).toBeGreaterThan(0);
      for (const m of data.meetings) expect(ids).toContain(m.organisation?.id);
    }
    expect(loadNotubizData(path.join(ROOT_DIR, replicaOf(cityOf('denhaag').city).defaultDir)).meetings.length).toBe(cityOf('denhaag').data.meetings.length);
  });
});
