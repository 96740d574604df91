/**
 * The schema a client sees: the committed supergraph without its federation parts (`join__*`,
 * `link__*`, `@inaccessible` …), as the gateway serves it. Offline: it reads `schema/supergraph.graphql`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isAbstractType, printSchema, type GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';

export const SUPERGRAPH_PATH = path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** The API schema's SDL, from a supergraph's SDL (default: the committed one). */
export function apiSchemaSdl(supergraphSdl: string = fs.readFileSync(SUPERGRAPH_PATH, 'utf8')): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
}

export function apiSchema(supergraphSdl?: string): GraphQLSchema {
  return buildSchema(apiSchemaSdl(supergraphSdl));
}

/** Apollo Client's `possibleTypes` (interface or union → the object types it may be), from a schema. */
export function possibleTypesOf(schema: GraphQLSchema): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isAbstractType(type)) continue;
    out[type.name] = schema.getPossibleTypes(type).map((t) => t.name).sort();
  }
  return out;
}

/** The same map from a running endpoint, by introspection (what a client without the schema file does). */
export async function fetchPossibleTypes(url: string, fetchImpl: typeof fetch = fetch): Promise<Record<string, string[]>> {
  const res = await fetchImpl(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __schema { types { kind name possibleTypes { name } } } }' }),
  });
  const body = (await res.json()) as { data?: { __schema: { types: Array<{ name: string; possibleTypes: Array<{ name: string }> | null }> } }; errors?: unknown[] };
  if (!body.data) throw new Error(`introspection failed: HTTP ${res.status} ${JSON.stringify(body.errors)}`);
  const out: Record<string, string[]> = {};
  for (const t of body.data.__schema.types) {
    if (t.possibleTypes && !t.name.startsWith('__')) out[t.name] = t.possibleTypes.map((p) => p.name).sort();
  }
  return out;
}
