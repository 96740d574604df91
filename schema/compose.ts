/**
 * Builds schema/supergraph.graphql from the contract and every city's SDL in the registry.
 * `npm run compose` writes it (asking a city that runs its own subgraph for its SDL when the registry
 * names no schemaFile for it); `composeSupergraph()` is also used by the staleness test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Kind, parse, print, visit } from 'graphql';
import { cityConnectionTypes } from './connections';
import { dockerComposeYaml } from './docker-compose';
import { fetchSdl } from '../gateway/composition';
import { GRAPH_SUBGRAPH, GRAPH_SUBGRAPH_URL, graphSubgraphSdl } from '../gateway/graph-status';
import { CITIES, CONTRACT_FILE, REGISTRY_FILE, ROOT_DIR, SUPERGRAPH_FILE, subgraphUrl, type CityEntry } from './cities';

/**
 * An adapter's SDL as one city serves it: the adapter's type prefix becomes the city's
 * (`NotubizDecision` → `UtrechtDecision`, in names and in descriptions that name them), its root
 * field becomes the city's id, and `{{city}}` in descriptions becomes the city's name.
 */
export function renameForCity(sdl: string, from: { typePrefix: string; rootField: string }, city: Pick<CityEntry, 'id' | 'name' | 'typePrefix'>): string {
  let text = sdl.replaceAll('{{city}}', city.name);
  if (from.typePrefix !== city.typePrefix) text = text.replace(new RegExp(`(?<![A-Za-z0-9_])${from.typePrefix}(?=[A-Z])`, 'g'), city.typePrefix);
  if (from.rootField === city.id) return text;
  const renamed = visit(parse(text), {
    enter(node) {
      if ((node.kind === Kind.OBJECT_TYPE_DEFINITION || node.kind === Kind.OBJECT_TYPE_EXTENSION) && node.name.value === 'Query') {
        return { ...node, fields: node.fields?.map((f) => (f.name.value === from.rootField ? { ...f, name: { ...f.name, value: city.id } } : f)) };
      }
      return undefined;
    },
  });
  return print(renamed);
}

/** A city's own SDL (without the contract): its adapter's with its connection types, renamed for it, or the file its entry names. */
export function cityOwnSdl(city: CityEntry): string {
  if (!city.subgraph.schemaFile) throw new Error(`City "${city.id}" runs its own subgraph and its registry entry names no schemaFile: ask ${city.subgraph.url} for its SDL.`);
  const own = fs.readFileSync(path.join(ROOT_DIR, city.subgraph.schemaFile), 'utf8');
  if (!city.adapter) return own;
  // The adapter's connection types are written from the contract's interfaces (schema/connections.ts).
  const connections = cityConnectionTypes(own, city.adapter.typePrefix, parse(fs.readFileSync(CONTRACT_FILE, 'utf8')));
  return renameForCity(`${own}\n${connections}`, city.adapter, city);
}

/** A city's full subgraph SDL: the shared contract followed by the city's own types. */
export function citySubgraphSdl(city: CityEntry): string {
  const contract = fs.readFileSync(CONTRACT_FILE, 'utf8');
  // A city running its own subgraph serves the contract itself: its schemaFile is its whole SDL.
  if (!city.adapter) return cityOwnSdl(city);
  return `${contract}\n${cityOwnSdl(city)}`;
}

/** The SDL the checkout has for a city, if any (a city that runs its own subgraph may have none). */
export function knownSdl(city: CityEntry): string | undefined {
  return city.adapter || city.subgraph.schemaFile ? citySubgraphSdl(city) : undefined;
}

export function composeSupergraph(sdls: Record<string, string> = {}, cities: CityEntry[] = CITIES): { supergraphSdl?: string; errors: string[]; hints: string[] } {
  const services = cities.map((city) => ({
    name: city.id,
    // The committed supergraph carries the default local URLs; the gateway overrides them from env.
    url: city.subgraph.url ?? `http://127.0.0.1:${city.subgraph.port}/graphql`,
    typeDefs: parse(sdls[city.id] ?? citySubgraphSdl(city)),
  }));
  // The gateway's own subgraph refers to the types of the cities composed (gateway/cross-city/sdl.ts).
  const result = composeServices(services.concat({ name: GRAPH_SUBGRAPH, url: GRAPH_SUBGRAPH_URL, typeDefs: parse(graphSubgraphSdl(services.map((s) => s.typeDefs))) }));
  // The graph subgraph's interfaces hold `id` only, by design: the hint that the cities' other fields are not in it says nothing.
  const hints = (result.hints ?? []).filter((h) => !(h.definition.code === 'INCONSISTENT_INTERFACE_VALUE_TYPE_FIELD' && h.message.includes(`but not in subgraph "${GRAPH_SUBGRAPH}"`))).map((h) => h.toString());
  if (result.errors) return { errors: result.errors.map((e) => e.message), hints };
  return { supergraphSdl: result.supergraphSdl, errors: [], hints };
}

export const DOCKER_COMPOSE_FILE = path.join(ROOT_DIR, 'docker-compose.yml');

/** The heap limits `npm start` gives by default, read from scripts/start.ts so that docker-compose.yml cannot drift from it. */
export function startHeapDefaults(): { subgraphMb: string; gatewayMb: string } {
  const start = fs.readFileSync(path.join(ROOT_DIR, 'scripts', 'start.ts'), 'utf8');
  const read = (variable: string) => {
    const found = start.match(new RegExp(`intEnv\\('${variable}', (\\d+)\\)`));
    if (!found) throw new Error(`scripts/start.ts no longer reads ${variable} with intEnv('${variable}', <default>)`);
    return found[1];
  };
  return { subgraphMb: read('SUBGRAPH_MAX_HEAP_MB'), gatewayMb: read('GATEWAY_MAX_HEAP_MB') };
}

async function main(): Promise<void> {
  const sdls: Record<string, string> = {};
  for (const city of CITIES.filter((c) => !knownSdl(c))) {
    try {
      sdls[city.id] = await fetchSdl(subgraphUrl(city), 10000);
    } catch (err) {
      console.error(`error: ${city.id}: ${(err as Error).message}. Start it, or give its entry a schemaFile in ${path.relative(ROOT_DIR, REGISTRY_FILE)}.`);
      process.exit(1);
    }
  }
  const { supergraphSdl, errors, hints } = composeSupergraph(sdls);
  for (const hint of hints) console.warn(`hint: ${hint}`);
  if (!supergraphSdl) {
    for (const error of errors) console.error(`error: ${error}`);
    process.exit(1);
  }
  fs.writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
  console.log(`Wrote ${path.relative(ROOT_DIR, SUPERGRAPH_FILE)} (${CITIES.map((c) => c.id).join(', ')}).`);
  fs.writeFileSync(DOCKER_COMPOSE_FILE, dockerComposeYaml(CITIES, startHeapDefaults()));
  console.log(`Wrote ${path.relative(ROOT_DIR, DOCKER_COMPOSE_FILE)}.`);
}

if (require.main === module) void main();
