/**
 * Two cities on the Ahjo adapter do not collide: Helsinki and a hypothetical second Ahjo city
 * ("Ahjoville", another zone, one language, no decisions web site) compose into one supergraph, each
 * with its own root field and type names; and, served side by side over real HTTP on loopback (one
 * Ahjo replica, two subgraphs, one gateway), one query answers both with each city's own ids, type
 * names, offsets and settings.
 *
 * The registry is a temporary file (CITIES_FILE) holding Helsinki's entry from cities.yaml and the
 * second city's, so the code under test learns both the way every process does; project modules are
 * imported only after it is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { Kind, parse, print, type ConstDirectiveNode, type ObjectTypeDefinitionNode } from 'graphql';
import type { RunningService } from '../../shared/server';

const ROOT = path.resolve(__dirname, '../../..');
const helsinkiEntry = (parseYaml(fs.readFileSync(path.join(ROOT, 'cities.yaml'), 'utf8')) as { cities: Array<Record<string, any>> }).cities.find((c) => c.id === 'helsinki')!; // eslint-disable-line @typescript-eslint/no-explicit-any
/** A second city on Ahjo: the entry is all it takes (no code). */
const secondEntry = {
  id: 'ahjoville',
  name: 'Ahjoville',
  country: 'SE',
  timezone: 'Europe/Stockholm',
  languages: ['fi'],
  licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', attribution: 'Source: Ahjoville (a test city).' },
  adapter: 'ahjo',
  settings: {
    baseUrl: 'https://ahjo.example.org/ahjorest/v1',
    categoryScheme: 'Ahjoville archive classification',
    examples: { decision: '{00000000-0000-4000-8000-000000000001}', meeting: 'X1002024', case: 'AHV-2024-000001', body: 'X100' },
  },
  port: 4091,
  replica: { port: 4191, dir: helsinkiEntry.replica.dir },
};
const registryText = stringifyYaml({ cities: [helsinkiEntry, secondEntry] });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahjo-two-cities-'));
const registryFile = path.join(dir, 'cities.yaml');
fs.writeFileSync(registryFile, registryText);
// The environment outlives this file (npm test runs every file in one process): restored after it.
const previousRegistry = process.env.CITIES_FILE;
process.env.CITIES_FILE = registryFile;

afterAll(() => {
  if (previousRegistry === undefined) delete process.env.CITIES_FILE;
  else process.env.CITIES_FILE = previousRegistry;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the SDL of two Ahjo cities', () => {
  it('composes into one supergraph, each city with its own root field and type names', async () => {
    const { parseRegistry } = await import('../../../schema/cities');
    const { cityOwnSdl, composeSupergraph } = await import('../../../schema/compose');
    const cities = parseRegistry(registryText);
    expect(cities.map((c) => [c.id, c.typePrefix, c.adapter?.name])).toEqual([['helsinki', 'Helsinki', 'ahjo'], ['ahjoville', 'Ahjoville', 'ahjo']]);

    const [helsinki, ahjoville] = cities.map(cityOwnSdl);
    expect(helsinki).toMatch(/^\s*helsinki: HelsinkiCity$/m);
    expect(ahjoville).toMatch(/^\s*ahjoville: AhjovilleCity$/m);
    // Nothing of the adapter's own names, nor of the other city, is left in a city's own SDL (the contract's aside).
    for (const [sdl, other] of [[helsinki, /Ahjoville/], [ahjoville, /Helsinki/]] as const) {
      expect(sdl).not.toMatch(/\bAhjo(City|Decision|Meeting|Body|Case|AgendaItem|Attachment)\b/);
      expect(sdl).not.toMatch(/^\s*ahjo:/m);
      expect(sdl).not.toMatch(other);
      expect(sdl).not.toContain('{{city}}');
    }
    expect(ahjoville).toContain('"""Ahjoville, over its case-management and decision system Ahjo."""');

    const { supergraphSdl, errors } = composeSupergraph({}, cities);
    expect(errors).toEqual([]);
    // Which subgraphs (join__graph) define each type and each root field.
    const doc = parse(supergraphSdl!);
    const graphsOf = (node: { directives?: readonly ConstDirectiveNode[] }, directive: string) =>
      (node.directives ?? []).filter((d) => d.name.value === directive).map((d) => print(d.arguments!.find((a) => a.name.value === 'graph')!.value));
    const types = new Map(doc.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION).map((d) => [d.name.value, d]));
    const rootFields = new Map(types.get('Query')!.fields!.map((f) => [f.name.value, f]));
    for (const [field, prefix] of [['helsinki', 'Helsinki'], ['ahjoville', 'Ahjoville']]) {
      const root = rootFields.get(field)!;
      expect([print(root.type), graphsOf(root, 'join__field')]).toEqual([`${prefix}City`, [field.toUpperCase()]]);
      for (const type of ['City', 'Decision', 'Meeting', 'Body', 'Case', 'AgendaItem', 'Attachment', 'DecisionVersion', 'DocumentRef', 'Sector', 'Handling']) {
        // The gateway's own subgraph (GRAPH) may reference a city's entities (cross-city `decisions`, `node`, `cities`); no other city defines them.
        const graphs = graphsOf(types.get(`${prefix}${type}`)!, 'join__type').filter((g) => g !== 'GRAPH');
        expect([`${prefix}${type}`, graphs]).toEqual([`${prefix}${type}`, [field.toUpperCase()]]);
      }
    }
    expect([...types.keys()].filter((name) => /^Ahjo[A-Z]/.test(name))).toEqual([]);
    expect(rootFields.has('ahjo')).toBe(false);
  });
});

describe('two Ahjo cities served side by side', () => {
  const running: Array<{ close(): Promise<void> }> = [];
  let gatewayUrl: string;
  afterAll(async () => {
    for (const r of running.reverse()) await r.close().catch(() => undefined);
  });

  beforeAll(async () => {
    const { cityById, replicaOf } = await import('../../../schema/cities');
    const { composeSupergraph } = await import('../../../schema/compose');
    const { createAhjoReplica } = await import('../replica/server');
    const { buildAhjoSubgraph } = await import('../server');
    const { buildGateway } = await import('../../../gateway/server');
    const { createLogger } = await import('../../shared/logger');
    const logger = createLogger('test', process.env.LOG_LEVEL || 'silent');
    const helsinki = cityById('helsinki');
    // One Ahjo (Helsinki's replica data) behind both: what differs is only each city's entry.
    const replica: RunningService = await createAhjoReplica({ dataDir: path.join(ROOT, replicaOf(helsinki).defaultDir), timezone: helsinki.timezone }).listen(0);
    running.push(replica);
    const urls: Record<string, string> = {};
    for (const id of ['helsinki', 'ahjoville']) {
      const subgraph = await buildAhjoSubgraph(
        cityById(id),
        {
          ahjoBaseUrl: replica.url,
          timeoutMs: 3000,
          retries: 1,
          pageSize: 50,
          maxPages: 4,
          windowMonths: 12,
          userAgent: 'city-decision-graph tests',
          breaker: { resetMs: 10000, volumeThreshold: 5 },
          store: { dataDir: 'memory', poolSize: 4, sharedBuffersMb: 16, requestBudget: { maxRows: 20000, maxMs: 20000 } },
          sync: { intervalS: 0, from: '2012-01-01', lookbackDays: 14, fullEveryHours: 24, concurrency: 4, onListen: false },
        },
        logger,
      );
      const [report] = (await subgraph.sync.runOnce())!;
      expect(report.ok).toBe(true);
      const served = await subgraph.listen(0);
      running.push(served);
      urls[id] = served.url;
    }
    const { supergraphSdl, errors } = composeSupergraph();
    expect(errors).toEqual([]);
    const gateway = await (await buildGateway({ supergraphSdl: supergraphSdl!, subgraphUrls: urls, subgraphTimeoutMs: 5000 }, logger)).listen(0);
    running.push(gateway);
    gatewayUrl = gateway.url;
  }, 120000);

  const query = async (q: string) => {
    const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) });
    return (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it('answers both in one query, each with its own ids, type names, zone, languages and settings', async () => {
    // A real decision of the samples (Tarkastuslautakunta 14.12.2021 § 110, winter time), with a case.
    const native = '{B0480A7A-2712-49B6-9938-02A1E52593C1}';
    const fields = `id name timezone languages decision(id: "${native}") { __typename id date decidedAt url categories { scheme } body { __typename id } case { __typename id url } }`;
    const res = await query(`{ helsinki { ${fields} } ahjoville { ${fields} } }`);
    expect(res.errors).toBeUndefined();
    const { helsinki, ahjoville } = res.data;
    expect(helsinki).toMatchObject({ id: 'helsinki', name: 'Helsinki', timezone: 'Europe/Helsinki', languages: ['fi', 'sv'] });
    expect(ahjoville).toMatchObject({ id: 'ahjoville', name: 'Ahjoville', timezone: 'Europe/Stockholm', languages: ['fi'] });
    expect(helsinki.decision).toMatchObject({
      __typename: 'HelsinkiDecision',
      id: `helsinki:decision:${native}`,
      decidedAt: '2021-12-14T16:00:00+02:00',
      url: 'https://paatokset.hel.fi/fi/asia/HEL-2021-012054',
      body: { __typename: 'HelsinkiBody', id: expect.stringMatching(/^helsinki:body:/) },
      case: { __typename: 'HelsinkiCase', id: 'helsinki:case:HEL-2021-012054', url: 'https://paatokset.hel.fi/fi/asia/HEL-2021-012054' },
    });
    // Ahjo's local time read in the second city's own zone; no decisions web site configured: no url.
    expect(ahjoville.decision).toMatchObject({
      __typename: 'AhjovilleDecision',
      id: `ahjoville:decision:${native}`,
      decidedAt: '2021-12-14T16:00:00+01:00',
      url: null,
      body: { __typename: 'AhjovilleBody', id: expect.stringMatching(/^ahjoville:body:/) },
      case: { __typename: 'AhjovilleCase', id: 'ahjoville:case:HEL-2021-012054', url: null },
    });
    expect(helsinki.decision.categories.map((c: { scheme: string }) => c.scheme)).toEqual(['Helsinki archive classification (Ahjo ClassificationCode)']);
    expect(ahjoville.decision.categories.map((c: { scheme: string }) => c.scheme)).toEqual(['Ahjoville archive classification']);
  });

  it('takes only its own global ids, and names its own example in the error', async () => {
    const res = await query('{ ahjoville { case(id: "helsinki:case:HEL-2021-012054") { id } } }');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    expect(res.errors?.[0].message).toContain('is not a ahjoville case id; expected `ahjoville:case:…` or the city\'s own id, e.g. AHV-2024-000001');
    const own = await query('{ ahjoville { case(id: "ahjoville:case:HEL-2021-012054") { id } } helsinki { case(id: "helsinki:case:HEL-2021-012054") { id } } }');
    expect(own.errors).toBeUndefined();
    expect(own.data).toEqual({ ahjoville: { case: { id: 'ahjoville:case:HEL-2021-012054' } }, helsinki: { case: { id: 'helsinki:case:HEL-2021-012054' } } });
  });

  it('counts translations only for a city that has the language', async () => {
    const res = await query('{ helsinki { coverage { field } } ahjoville { coverage { field } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.coverage.map((c: { field: string }) => c.field)).toContain('Decision.titles (Swedish)');
    expect(res.data.ahjoville.coverage.map((c: { field: string }) => c.field).filter((f: string) => f.startsWith('Decision.titles ('))).toEqual([]);
  });
});
