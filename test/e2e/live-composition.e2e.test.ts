/**
 * Live composition at the gateway (gateway/composition.ts), over HTTP on loopback: the supergraph is
 * composed from the cities' running subgraphs and re-checked every 200 ms. Helsinki is the real
 * subgraph over its replica; Amsterdam and Barcelona are subgraphs built here (the shared subgraph
 * service over the contract and the city's committed SDL, with changes) behind servers whose
 * handler the test switches, so a city can change its schema, or appear, while the gateway runs.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { parse } from 'graphql';
import type express from 'express';
import { createAhjoReplica } from '../../subgraphs/ahjo/replica/server';
import { createSubgraphService, listen, type RunningService, type SubgraphService } from '../../subgraphs/shared/server';
import { buildGateway } from '../../gateway/server';
import { contractBreach } from '../../gateway/composition';
import { gatewayConfigFromEnv } from '../../gateway/config';
import { CITIES, CONTRACT_FILE, ROOT_DIR, cityById } from '../../schema/cities';
import { cityOwnSdl, citySubgraphSdl } from '../../schema/compose';
import { DEFAULT_DATA_DIR, HELSINKI, logger, postGraphQL, testHelsinki, type GraphQLResponse } from './harness';
import { freePort } from './process';

const POLL_MS = 200;
const CONTRACT = fs.readFileSync(CONTRACT_FILE, 'utf8');
const sdlOf = (id: string) => citySubgraphSdl(cityById(id));

const AMSTERDAM_HEAD = 'type AmsterdamCity implements City @key(fields: "id") @cacheControl(maxAge: 3600) {';
const AMSTERDAM = sdlOf('amsterdam');
/** Amsterdam's next version: one more field, described as every field is. */
const WITH_MOTTO = AMSTERDAM.replace(AMSTERDAM_HEAD, `${AMSTERDAM_HEAD}\n  "The city's motto (added while the gateway runs)."\n  motto: String`);
/** Breaks the contract: the root type no longer implements City (still a valid subgraph). */
const WITHOUT_CITY = WITH_MOTTO.replace(AMSTERDAM_HEAD, AMSTERDAM_HEAD.replace(' implements City', ''));
/** Breaks composition: a type of Helsinki's, defined again with another field type. */
const CONFLICTING = `${WITH_MOTTO}\n"""Helsinki's sector, defined again by Amsterdam."""\ntype HelsinkiSector {\n  "A number here, a string in Helsinki."\n  sectorId: Int!\n  "Its name."\n  name: String!\n}\n`;

const amsterdamRoot = { id: 'amsterdam', name: 'Amsterdam', country: 'NL', timezone: 'Europe/Amsterdam', languages: ['nl'], motto: 'Ik amsterdam' };
const barcelonaRoot = { id: 'barcelona', name: 'Barcelona', country: 'ES', timezone: 'Europe/Madrid', languages: ['ca', 'es', 'en'] };

/** A subgraph of the shared service over `sdl`, answering the city's root field with `root`. */
function citySubgraph(id: string, sdl: string, root: object): Promise<SubgraphService> {
  return createSubgraphService({ city: id, cityName: cityById(id).name, sdl, resolvers: { Query: { [id]: () => root } }, context: () => ({}), logger });
}

/** An HTTP server whose handler the test replaces: a city redeploying its subgraph at the same URL. */
async function switchable(port = 0): Promise<RunningService & { use(service: SubgraphService): void }> {
  let app: express.Express | undefined;
  const server = http.createServer((req, res) => (app ? app(req, res) : res.writeHead(503).end()));
  const running = await listen(server, port, '127.0.0.1', '/graphql', async () => {});
  return Object.assign(running, { use: (service: SubgraphService) => void (app = service.app) });
}

interface CityStatus { id: string; schema: string; reason: string | null; checkedAt: string | null; sdlHash: string | null; rejectedSdlHash?: string; reachable: boolean }
interface Ready { status: string; supergraph: string; composition: { mode: string; supergraphHash: string | null }; cities: CityStatus[] }

let replica: RunningService;
let helsinki: RunningService;
let amsterdam: Awaited<ReturnType<typeof switchable>>;
let barcelona: Awaited<ReturnType<typeof switchable>> | undefined;
let barcelonaPort: number;
let gateway: RunningService;
const services: SubgraphService[] = [];
/** The gateway's log lines (JSON), to find the reasons it gives. */
const logs: Array<Record<string, unknown>> = [];
let n = 0;

const ready = async (): Promise<Ready> => (await (await fetch(gateway.url.replace(/\/graphql$/, '/ready'))).json()) as Ready;
const cityOf = (r: Ready, id: string) => r.cities.find((c) => c.id === id)!;
/** A query no cache has seen (a fresh alias), so that the answer comes through the gateway's plan. */
const ask = (body: (alias: string) => string): Promise<GraphQLResponse> => postGraphQL(gateway.url, `{ ${body(`a${++n}`)} }`);

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function serveAmsterdam(sdl: string): Promise<void> {
  const service = await citySubgraph('amsterdam', sdl, amsterdamRoot);
  services.push(service);
  amsterdam.use(service);
}

beforeAll(async () => {
  replica = await createAhjoReplica({ dataDir: DEFAULT_DATA_DIR, timezone: HELSINKI.timezone }).listen(0);
  const h = await testHelsinki(replica.url);
  await h.sync.runOnce();
  helsinki = await h.listen(0);
  amsterdam = await switchable();
  await serveAmsterdam(AMSTERDAM);
  // Barcelona's address is known, but nothing listens there yet.
  barcelonaPort = await freePort();
  const gatewayLogger = pino({ level: 'info', base: { service: 'gateway' } }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const service = await buildGateway(
    {
      liveSupergraph: { pollMs: POLL_MS },
      subgraphUrls: { helsinki: helsinki.url, amsterdam: amsterdam.url, barcelona: `http://127.0.0.1:${barcelonaPort}/graphql` },
      subgraphTimeoutMs: 5000,
    },
    gatewayLogger,
  );
  gateway = await service.listen(0);
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all(services.map((s) => s.apollo.stop().catch(() => undefined)));
  await barcelona?.close();
  await amsterdam?.close();
  await helsinki?.close();
  await replica?.close();
});

it('composes live by default, every 30 s; SUPERGRAPH=static pins the committed file', () => {
  expect(gatewayConfigFromEnv({})).toMatchObject({ supergraphMode: 'live', supergraphPollS: 30 });
  expect(gatewayConfigFromEnv({ SUPERGRAPH: 'static', SUPERGRAPH_PATH: '/srv/supergraph.graphql' })).toMatchObject({ supergraphMode: 'static', supergraphPath: '/srv/supergraph.graphql' });
  expect(gatewayConfigFromEnv({ SUPERGRAPH_POLL_S: '0' })).toMatchObject({ supergraphMode: 'live', supergraphPollS: 0 });
  expect(() => gatewayConfigFromEnv({ SUPERGRAPH: 'dynamic' })).toThrow(/SUPERGRAPH must be "live" or "static"/);
});

it('every committed city passes the contract check', () => {
  const contract = parse(CONTRACT);
  for (const city of CITIES) expect([city.id, contractBreach(city.id, parse(sdlOf(city.id)), contract)]).toEqual([city.id, null]);
  expect(contractBreach('amsterdam', parse(WITHOUT_CITY), contract)).toMatch(/Query\.amsterdam returns AmsterdamCity, which does not implement City/);
  expect(contractBreach('amsterdam', parse(AMSTERDAM.replace('hasNextPage: Boolean!', 'hasNextPage: String!')), contract)).toMatch(/PageInfo\.hasNextPage is String! here, Boolean! in the contract/);
  // The city's own SDL without the contract.
  expect(contractBreach('amsterdam', parse(cityOwnSdl(cityById('amsterdam'))), contract)).toMatch(/^Date is missing; DateTime is missing; .* \(and \d+ more\)$/);
});

it('starts with the cities that answer: one unreachable at start is served from the schema the checkout has for it, and answers null with CITY_UNAVAILABLE', async () => {
  const r = await ready();
  expect(r).toMatchObject({ status: 'degraded', supergraph: 'loaded', composition: { mode: 'live', supergraphHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  expect(cityOf(r, 'helsinki')).toMatchObject({ schema: 'current', reason: null, sdlHash: expect.stringMatching(/^[0-9a-f]{64}$/), checkedAt: expect.any(String) });
  expect(cityOf(r, 'amsterdam')).toMatchObject({ schema: 'current', reason: null });
  expect(cityOf(r, 'barcelona')).toMatchObject({ schema: 'last-good', sdlHash: expect.stringMatching(/^[0-9a-f]{64}$/), reachable: false, reason: expect.stringMatching(/could not be fetched: ECONNREFUSED/) });
  const both = await ask((a) => `helsinki { ${a}: name decisions(first: 1) { totalCount } } amsterdam { name }`);
  expect(both.errors).toBeUndefined();
  expect(both.data).toMatchObject({ helsinki: { decisions: { totalCount: expect.any(Number) } }, amsterdam: { name: 'Amsterdam' } });
  // In the graph with the checkout's schema: a query naming Barcelona gets null for it and an error naming it; the others answer.
  const partial = await ask((a) => `helsinki { ${a}: name } barcelona { name }`);
  expect(partial.data?.barcelona).toBeNull();
  expect(Object.values(partial.data?.helsinki ?? {})).toEqual(['Helsinki']);
  expect(partial.errors?.[0].extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'barcelona' });
});

it('picks up a city whose schema gains a field, and keeps its last good schema when a new one breaks the contract or composition, while the other cities answer', async () => {
  // The other cities answer throughout: Helsinki asked every 100 ms until the end.
  const failures: unknown[] = [];
  let asked = 0;
  let askedDuring = 0;
  let running = true;
  const background = (async () => {
    while (running) {
      const res = await ask((a) => `helsinki { ${a}: name decisions(first: 1) { totalCount } }`).catch((err: Error) => ({ errors: [{ message: err.message }] }) as GraphQLResponse);
      asked++;
      if (res.errors || !res.data?.helsinki?.decisions) failures.push(res.errors ?? res);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const before = cityOf(await ready(), 'amsterdam').sdlHash;
    expect((await ask((a) => `amsterdam { ${a}: motto }`)).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    await serveAmsterdam(WITH_MOTTO);
    const motto = await until('the new field to be served', async () => {
      const res = await ask((a) => `amsterdam { ${a}: motto }`);
      return !res.errors && res;
    });
    expect(Object.values(motto.data.amsterdam)).toEqual(['Ik amsterdam']);
    const picked = cityOf(await ready(), 'amsterdam');
    expect(picked).toMatchObject({ schema: 'current', reason: null });
    expect(picked.sdlHash).not.toBe(before);
    // Introspection shows it with its description; the gateway was not restarted.
    const type = await ask(() => '__type(name: "AmsterdamCity") { fields { name description } }');
    expect(type.data.__type.fields).toContainEqual({ name: 'motto', description: "The city's motto (added while the gateway runs)." });
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'city schema updated', city: 'amsterdam', sdlHash: picked.sdlHash }));

    // The root type stops implementing City: refused, Amsterdam stays at the schema with the motto.
    await serveAmsterdam(WITHOUT_CITY);
    const contract = await until('the contract breach on /ready', async () => {
      const c = cityOf(await ready(), 'amsterdam');
      return c.schema === 'last-good' && c;
    });
    expect(contract).toMatchObject({ sdlHash: picked.sdlHash, rejectedSdlHash: expect.stringMatching(/^[0-9a-f]{64}$/), reason: expect.stringMatching(/does not implement the contract: .*Query\.amsterdam returns AmsterdamCity, which does not implement City/) });
    expect(logs).toContainEqual(expect.objectContaining({ level: 40, msg: 'city schema rejected; keeping its last good schema', city: 'amsterdam', reason: contract.reason }));
    // The same cities status in the graph itself.
    const inGraph = await postGraphQL(gateway.url, '{ graph { composition supergraphHash cities { id name schema reason sdlHash rejectedSdlHash checkedAt } } }');
    expect(inGraph.errors).toBeUndefined();
    expect(inGraph.data.graph).toMatchObject({ composition: 'LIVE', supergraphHash: (await ready()).composition.supergraphHash });
    // The cities this gateway composes (those it was given URLs for), as /ready lists them.
    expect(inGraph.data.graph.cities.map((c: { id: string }) => c.id)).toEqual((await ready()).cities.map((c) => c.id));
    expect(inGraph.data.graph.cities.find((c: { id: string }) => c.id === 'amsterdam')).toEqual({ id: 'amsterdam', name: 'Amsterdam', schema: 'LAST_GOOD', reason: contract.reason, sdlHash: picked.sdlHash, rejectedSdlHash: contract.rejectedSdlHash, checkedAt: expect.any(String) });
    expect(inGraph.data.graph.cities.find((c: { id: string }) => c.id === 'helsinki')).toMatchObject({ schema: 'CURRENT', reason: null });
    const still = await ask((a) => `amsterdam { ${a}: motto name }`);
    expect(still.errors).toBeUndefined();
    expect(still.data.amsterdam.name).toBe('Amsterdam');

    // A type of Helsinki's defined again with another field type: composition fails, same outcome.
    await serveAmsterdam(CONFLICTING);
    const conflict = await until('the composition error on /ready', async () => {
      const c = cityOf(await ready(), 'amsterdam');
      return c.schema === 'last-good' && /compose/.test(c.reason ?? '') && c;
    });
    expect(conflict.reason).toMatch(/does not compose with the other cities: .*HelsinkiSector/);
    expect(conflict.sdlHash).toBe(picked.sdlHash);
    expect((await ask((a) => `amsterdam { ${a}: motto }`)).errors).toBeUndefined();
    expect(cityOf(await ready(), 'helsinki')).toMatchObject({ schema: 'current', reason: null });

    // Back on the good version: current again, nothing recomposed.
    const served = (await ready()).composition.supergraphHash;
    await serveAmsterdam(WITH_MOTTO);
    await until('Amsterdam to be current again', async () => cityOf(await ready(), 'amsterdam').schema === 'current');
    expect(cityOf(await ready(), 'amsterdam')).toMatchObject({ reason: null, sdlHash: picked.sdlHash });
    expect((await ready()).composition.supergraphHash).toBe(served);
    askedDuring = asked;
  } finally {
    running = false;
    await background;
  }
  // Helsinki was asked while Amsterdam's schema changed (how often depends on the machine's speed).
  expect(askedDuring).toBeGreaterThan(0);
  expect(failures).toEqual([]);
}, 60000);

it('lets a city unreachable at start join when it appears', async () => {
  barcelona = await switchable(barcelonaPort);
  const service = await citySubgraph('barcelona', sdlOf('barcelona'), barcelonaRoot);
  services.push(service);
  barcelona.use(service);
  const joined = await until('Barcelona to join', async () => {
    const res = await ask((a) => `barcelona { ${a}: name }`);
    return !res.errors && res;
  });
  expect(Object.values(joined.data.barcelona)).toEqual(['Barcelona']);
  // It answered from the checkout's schema at once; the next check fetches its own.
  const status = await until('Barcelona\'s own schema to be checked', async () => {
    const c = cityOf(await ready(), 'barcelona');
    return c.schema === 'current' && c;
  });
  expect(status).toMatchObject({ schema: 'current', reason: null, sdlHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  // All three in one request.
  const all = await ask((a) => `helsinki { ${a}: name } amsterdam { name motto } barcelona { name }`);
  expect(all.errors).toBeUndefined();
  expect(all.data).toMatchObject({ helsinki: { [`a${n}`]: 'Helsinki' }, amsterdam: { name: 'Amsterdam', motto: 'Ik amsterdam' }, barcelona: { name: 'Barcelona' } });
});
