/**
 * Builds schema/supergraph.graphql from the contract and every city's SDL in the registry.
 * `npm run compose` writes it; `composeSupergraph()` is also used by the staleness test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { CITIES, CONTRACT_FILE, ROOT_DIR, SUPERGRAPH_FILE } from './cities';

/** A city's full subgraph SDL: the shared contract followed by the city's own types. */
export function citySubgraphSdl(schemaFile: string): string {
  const contract = fs.readFileSync(CONTRACT_FILE, 'utf8');
  const own = fs.readFileSync(path.join(ROOT_DIR, schemaFile), 'utf8');
  return `${contract}\n${own}`;
}

export function composeSupergraph(): { supergraphSdl?: string; errors: string[]; hints: string[] } {
  const result = composeServices(
    CITIES.map((city) => ({
      name: city.id,
      // The committed supergraph carries the default local URLs; the gateway overrides them from env.
      url: `http://127.0.0.1:${city.subgraph.port}/graphql`,
      typeDefs: parse(citySubgraphSdl(city.subgraph.schemaFile)),
    })),
  );
  const hints = (result.hints ?? []).map((h) => h.toString());
  if (result.errors) return { errors: result.errors.map((e) => e.message), hints };
  return { supergraphSdl: result.supergraphSdl, errors: [], hints };
}

if (require.main === module) {
  const { supergraphSdl, errors, hints } = composeSupergraph();
  for (const hint of hints) console.warn(`hint: ${hint}`);
  if (!supergraphSdl) {
    for (const error of errors) console.error(`error: ${error}`);
    process.exit(1);
  }
  fs.writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
  console.log(`Wrote ${path.relative(ROOT_DIR, SUPERGRAPH_FILE)} (${CITIES.map((c) => c.id).join(', ')}).`);
}
