/**
 * Every city of the registry, started from its entry alone (replica + adapter subgraph, see
 * registry-graph.ts), answers together in one query through one gateway; each passes the conformance
 * kit; a query over all of them fits the default limits; and a city that runs its own subgraph joins
 * by a registry entry with its URL (a real gateway process, composing live from the registry).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { parse as parseYaml } from 'yaml';
import { CITIES, DEFAULT_REGISTRY_FILE } from '../../schema/cities';
import { CHECKS, formatReport, runConformance } from '../../scripts/conformance';
import { startSubgraph, type RunningSubgraph } from '../../templates/city-subgraph/server';
import { freePort, startProcess, stopProcess, waitFor } from './process';
import { postGraphQL } from './harness';
import { startRegistryGraph, type RegistryGraph } from './registry-graph';

const LOCAL = CITIES.filter((c) => c.adapter);
const ALL_RULES = ['service.sdl', ...CHECKS.map((c) => c.rule)];

/** One query over every city: its name, a page of decisions and of meetings, and its sources. */
const everyCity = (first: number) => `{
  ${LOCAL.map((c) => `${c.id} { __typename id name timezone decisions(first: ${first}) { totalCount nodes { __typename id title date outcome } } meetings(first: ${first}) { totalCount nodes { __typename id date } } sources { key lastSuccessAt } }`).join('\n  ')}
}`;

describe('every city of the registry', () => {
  let graph: RegistryGraph;
  beforeAll(async () => {
    graph = await startRegistryGraph(LOCAL);
  }, 900_000);
  afterAll(async () => {
    await graph?.close();
  });

  it('has at least two cities on one adapter (a city added by configuration only)', () => {
    const perAdapter = new Map<string, number>();
    for (const city of LOCAL) perAdapter.set(city.adapter!.name, (perAdapter.get(city.adapter!.name) ?? 0) + 1);
    expect([...perAdapter.values()].some((n) => n >= 2)).toBe(true);
  });

  it('answers together in one query, each city with its own root field, type names and ids', async () => {
    const res = await graph.query(everyCity(5));
    expect(res.errors).toBeUndefined();
    for (const city of LOCAL) {
      const answer = res.data[city.id];
      expect([city.id, answer.__typename, answer.id, answer.timezone]).toEqual([city.id, `${city.typePrefix}City`, city.id, city.timezone]);
      expect(answer.sources.length).toBeGreaterThan(0);
      expect(answer.sources.every((s: { lastSuccessAt: string | null }) => s.lastSuccessAt)).toBe(true);
      expect(answer.meetings.totalCount).toBeGreaterThan(0);
      for (const node of [...answer.decisions.nodes, ...answer.meetings.nodes]) {
        expect(node.__typename.startsWith(city.typePrefix)).toBe(true);
        expect(node.id.startsWith(`${city.id}:`)).toBe(true);
      }
    }
    // No city answers with another's data.
    const ids = LOCAL.flatMap((c) => res.data[c.id].meetings.nodes.map((n: { id: string }) => n.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes a query over every city within the default limits (root fields, cost)', async () => {
    // 100 decisions and 100 meetings per city, each city twice (this page and the next): the
    // default MAX_ROOT_FIELDS is twice the registry's cities.
    const twice = everyCity(100).replace(/\n}$/, `\n  ${LOCAL.map((c) => `next_${c.id}: ${c.id} { decisions(first: 100, after: null) { totalCount } }`).join('\n  ')}\n}`);
    const res = await graph.query(twice);
    expect(res.errors).toBeUndefined();
    for (const city of LOCAL) expect(res.data[`next_${city.id}`].decisions.totalCount).toBe(res.data[city.id].decisions.totalCount);
  });

  it('tells in the graph which cities it serves (`graph`), and never caches that answer', async () => {
    const ask = () => fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ graph { composition cities { id name schema reason } } ${LOCAL[0].id} { name } }` }) });
    const first = await ask();
    const body = (await first.json()) as { data: { graph: { composition: string; cities: Array<{ id: string; name: string; schema: string; reason: string | null }> } } };
    // This gateway serves a composed supergraph it was given (as SUPERGRAPH=static does).
    expect(body.data.graph).toEqual({ composition: 'STATIC', cities: CITIES.map((c) => ({ id: c.id, name: c.name, schema: 'PINNED', reason: null })) });
    const second = await ask();
    expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['BYPASS', 'BYPASS']);
  });

  it.each(LOCAL.map((c) => c.id))('%s passes every rule of the conformance kit', async (id) => {
    // Without --city: the kit finds the city from the SDL's root field.
    const report = await runConformance({ url: graph.cities[id].url });
    expect(report.city).toBe(id);
    expect(report.results.map((r) => r.rule)).toEqual(ALL_RULES);
    if (!report.ok) throw new Error(formatReport(report));
    expect(report.ok).toBe(true);
  }, 120_000);

  describe('a city that runs its own subgraph, joining by a registry entry with its URL', () => {
    let own: RunningSubgraph;
    let gateway: ReturnType<typeof startProcess>;
    let gatewayUrl: string;
    let dir: string;
    beforeAll(async () => {
      // The template a city copies, running as the city's own service; the conformance kit passes on it (conformance.e2e).
      own = await startSubgraph({ port: 0 });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-'));
      const registry = parseYaml(fs.readFileSync(DEFAULT_REGISTRY_FILE, 'utf8')) as { cities: unknown[] };
      registry.cities.push({ id: 'example', name: 'Example City', url: own.url });
      fs.writeFileSync(path.join(dir, 'cities.yaml'), stringify(registry));
      const port = await freePort();
      gateway = startProcess('gateway/index.ts', {
        CITIES_FILE: path.join(dir, 'cities.yaml'),
        PORT: String(port),
        SUPERGRAPH_POLL_S: '1',
        ...Object.fromEntries(LOCAL.map((c) => [c.subgraph.urlEnv, graph.cities[c.id].url])),
      });
      gatewayUrl = `http://127.0.0.1:${port}/graphql`;
      await waitFor(`http://127.0.0.1:${port}/health`, 60000);
    }, 120_000);
    afterAll(async () => {
      if (gateway) await stopProcess(gateway);
      await own?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('answers next to the adapter cities in one query, and /ready lists it', async () => {
      const res = await postGraphQL(gatewayUrl, `{ example { __typename name decisions(first: 2) { totalCount nodes { id } } } ${LOCAL.map((c) => `${c.id} { name }`).join(' ')} }`);
      if (res.errors) throw new Error(gateway.output().slice(-3000) + JSON.stringify(res.errors));
      expect(res.data.example).toMatchObject({ __typename: 'ExampleCity', name: expect.any(String) });
      expect(res.data.example.decisions.nodes.every((n: { id: string }) => n.id.startsWith('example:'))).toBe(true);
      for (const city of LOCAL) expect(res.data[city.id].name).toBe(city.name);
      const ready = (await (await fetch(gatewayUrl.replace(/\/graphql$/, '/ready'))).json()) as { cities: Array<{ id: string }> };
      expect(JSON.stringify(ready)).toContain('"example"');
    });
  });
});
