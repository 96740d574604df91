/**
 * Every example query of the README (its ```graphql blocks, read by the same extractor that makes
 * GraphiQL's tabs: scripts/build-web.ts `readmeExamples`) runs against the offline graph of every city
 * the README's queries name (real replicas + subgraphs + gateway on loopback, registry-graph.ts) and
 * returns data without errors; and each is written so that a normalizing client cache (Apollo Client's
 * InMemoryCache, urql's graphcache) keeps what it answers.
 *
 * "Returns data" is checked by one rule for every query:
 * - every root field asked (a city, or a cross-city field) answers non-null, with at least one
 *   non-null value other than `__typename` in it;
 * - every field that returns something counted (its type has `totalCount`: a connection, a
 *   statistics answer, a per-city count) is non-empty in at least one place it occurs in the answer:
 *   `totalCount > 0`, or a list it holds (edges, nodes, buckets …) has an item. "At least one place",
 *   because a list nested in a list may rightly be empty for some of its parents (a body without
 *   decisions), but an example in which no such list holds anything shows nothing.
 * Plain lists inside records (votes, documents, agenda items) may be empty: not every record has them.
 *
 * "Cache-safe" is checked on the query's text against the served schema:
 * - every selection of a type that has an `id` (city roots, decisions, bodies, people …) selects `id`,
 *   so that the cache stores the object under its id instead of overwriting it in its parent;
 * - every connection whose items are asked for asks for them as `edges { cursor node { … } }` with
 *   `pageInfo { hasNextPage endCursor }` (what `relayStylePagination` merges pages by), not `nodes`.
 *
 * A query with variables runs with none given: each variable must be optional (nullable or with a
 * default), since the README shows no variable values; the answer is then the first page.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { CITIES, ROOT_DIR } from '../../schema/cities';
import { readmeExamples } from '../../scripts/build-web';
import type { GraphQLResponse } from './harness';
import { startRegistryGraph, type RegistryGraph } from './registry-graph';

const EXAMPLES = readmeExamples(fs.readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8'));
const CITY_IDS = new Set(CITIES.map((c) => c.id));

function operations(doc: DocumentNode): OperationDefinitionNode[] {
  return doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

/** The cities a query asks: its city root fields, and the cities of a cross-city field's filter. */
function citiesNamed(doc: DocumentNode): string[] {
  const named = new Set<string>();
  for (const op of operations(doc))
    for (const sel of op.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD) continue;
      if (CITY_IDS.has(sel.name.value)) named.add(sel.name.value);
      const filter = sel.arguments?.find((a) => a.name.value === 'filter')?.value;
      const cities = filter?.kind === Kind.OBJECT ? filter.fields.find((f) => f.name.value === 'cities')?.value : undefined;
      if (cities?.kind === Kind.LIST) for (const v of cities.values) if (v.kind === Kind.STRING) named.add(v.value);
    }
  return [...named];
}

/** One field of a query, as the walk below meets it: where its answer is (response keys from the root), and its type. */
interface Visited {
  path: string[];
  type: GraphQLCompositeType;
  selectionSet: SelectionSetNode;
}

/** Every composite field of an operation (fragments followed), with its response path and type. */
function compositeFields(schema: GraphQLSchema, doc: DocumentNode, op: OperationDefinitionNode): Visited[] {
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const out: Visited[] = [];
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, at: string[]) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (!sel.selectionSet) continue;
        const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[sel.name.value] : undefined;
        if (!def) throw new Error(`${parent.name}.${sel.name.value} is not in the served schema`);
        const type = getNamedType(def.type);
        if (!isCompositeType(type)) throw new Error(`${parent.name}.${sel.name.value} has a selection but is a leaf`);
        const p = [...at, sel.alias?.value ?? sel.name.value];
        out.push({ path: p, type, selectionSet: sel.selectionSet });
        walk(sel.selectionSet, type, p);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (!type || !isCompositeType(type)) throw new Error(`unknown type condition ${sel.typeCondition?.name.value}`);
        walk(sel.selectionSet, type, at);
      } else {
        const fragment = fragments.get(sel.name.value)!;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (!type || !isCompositeType(type)) throw new Error(`unknown type condition ${fragment.typeCondition.name.value}`);
        walk(fragment.selectionSet, type, at);
      }
    }
  };
  walk(op.selectionSet, schema.getQueryType()!, []);
  return out;
}

/** The fields a selection set asks of its own type (inline fragments and spreads on that same type included). */
function ownFields(set: SelectionSetNode, type: GraphQLCompositeType, doc: DocumentNode): Map<string, SelectionSetNode | undefined> {
  const fields = new Map<string, SelectionSetNode | undefined>();
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) fields.set(sel.name.value, sel.selectionSet);
    else {
      const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : doc.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === sel.name.value)!;
      if (!fragment.typeCondition || fragment.typeCondition.name.value === type.name) for (const [k, v] of ownFields(fragment.selectionSet, type, doc)) fields.set(k, v);
    }
  }
  return fields;
}

/** Why a query is not safe in a normalizing cache (empty when it is). */
function cacheProblems(schema: GraphQLSchema, doc: DocumentNode): string[] {
  const problems: string[] = [];
  for (const op of operations(doc))
    for (const { path: p, type, selectionSet } of compositeFields(schema, doc, op)) {
      const where = p.join('.');
      const own = ownFields(selectionSet, type, doc);
      const typeFields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
      if ('id' in typeFields && !own.has('id')) problems.push(`${where} (${type.name}) does not select id`);
      if ('edges' in typeFields && 'pageInfo' in typeFields && (own.has('edges') || own.has('nodes'))) {
        if (own.has('nodes')) problems.push(`${where} (${type.name}) pages with nodes: select edges { cursor node { … } } and pageInfo`);
        const edges = own.get('edges');
        const edgeFields = edges ? ownFields(edges, getNamedType(typeFields.edges.type) as GraphQLCompositeType, doc) : new Map();
        if (edges && !(edgeFields.has('cursor') && edgeFields.has('node'))) problems.push(`${where}.edges (${type.name}) does not select both cursor and node`);
        const pageInfo = own.get('pageInfo');
        const pageInfoFields = pageInfo ? ownFields(pageInfo, getNamedType(typeFields.pageInfo.type) as GraphQLCompositeType, doc) : new Map();
        if (!(pageInfoFields.has('hasNextPage') && pageInfoFields.has('endCursor'))) problems.push(`${where} (${type.name}) does not select pageInfo { hasNextPage endCursor }`);
      }
    }
  return problems;
}

/** Every value at a response path (lists flattened, nulls left out). */
function valuesAt(data: unknown, p: string[]): unknown[] {
  let values: unknown[] = [data];
  for (const key of p) values = values.flatMap((v) => (v && typeof v === 'object' ? [(v as Record<string, unknown>)[key]] : [])).flat(Infinity).filter((v) => v !== null && v !== undefined);
  return values;
}

/** A value with at least one non-null leaf other than `__typename`. */
function holdsSomething(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(holdsSomething);
  if (typeof value === 'object') return Object.entries(value).some(([k, v]) => k !== '__typename' && holdsSomething(v));
  return true;
}

/** A counted answer that is not empty: a positive totalCount, or a list in it with an item. */
function counts(value: unknown): boolean {
  const v = value as Record<string, unknown>;
  if (typeof v.totalCount === 'number' && v.totalCount > 0) return true;
  return Object.values(v).some((x) => Array.isArray(x) && x.length > 0);
}

/** Where a query's answer is empty, by the rule at the top of this file (empty when it is not). */
function emptyParts(schema: GraphQLSchema, doc: DocumentNode, op: OperationDefinitionNode, data: Record<string, unknown>): string[] {
  const empty: string[] = [];
  for (const sel of op.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD) continue;
    const key = sel.alias?.value ?? sel.name.value;
    if (!holdsSomething(data[key])) empty.push(`${key} holds nothing`);
  }
  for (const { path: p, type } of compositeFields(schema, doc, op)) {
    if (!((isObjectType(type) || isInterfaceType(type)) && 'totalCount' in type.getFields())) continue;
    if (!valuesAt(data, p).some(counts)) empty.push(`${p.join('.')} (${type.name}) is empty everywhere in the answer`);
  }
  return empty;
}

async function run(url: string, query: string, operationName: string): Promise<GraphQLResponse> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, operationName }) });
  return (await res.json()) as GraphQLResponse;
}

describe('the README\'s example queries, on the offline graph', () => {
  let graph: RegistryGraph;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    const named = new Set(EXAMPLES.flatMap((e) => citiesNamed(parse(e.query))));
    graph = await startRegistryGraph(CITIES.filter((c) => named.has(c.id)));
    const introspection = await graph.query(getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
    schema = buildClientSchema(introspection.data as IntrospectionQuery);
  }, 900_000);

  afterAll(async () => {
    await graph?.close();
  });

  it('the README has example queries, each named (GraphiQL\'s tabs), with only optional variables', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(10);
    expect(EXAMPLES.map((e) => e.name)).toContain('FiveNewestHelsinkiDecisions');
    for (const { name, query } of EXAMPLES)
      for (const op of operations(parse(query)))
        for (const v of op.variableDefinitions ?? []) expect({ name, variable: v.variable.name.value, optional: !isNonNullType(v.type) || v.defaultValue !== undefined }).toEqual({ name, variable: v.variable.name.value, optional: true });
  });

  it('every example answers with data and no errors', async () => {
    const failures: Array<{ name: string; errors?: unknown; empty?: string[] }> = [];
    for (const { name, query } of EXAMPLES) {
      const doc = parse(query);
      for (const op of operations(doc)) {
        const res = await run(graph.gatewayUrl, query, op.name!.value);
        if (res.errors || !res.data) failures.push({ name, errors: res.errors ?? 'no data' });
        else {
          const empty = emptyParts(schema, doc, op, res.data);
          if (empty.length) failures.push({ name, empty });
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('the rule finds an empty answer: the motions "parkeren" an earlier README asked for, which the replica\'s data does not hold', async () => {
    // Amsterdam's replica speaks of "fietsparkeerplekken": `parkeer` is a part of that word, `parkeren` is not.
    const query = (text: string) => `query Motions { amsterdam { id decisions(first: 10, filter: { text: "${text}", category: "Motie" }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title } } } } }`;
    const verdicts: Record<string, string[]> = {};
    for (const text of ['parkeren', 'parkeer']) {
      const doc = parse(query(text));
      const res = await run(graph.gatewayUrl, query(text), 'Motions');
      expect(res.errors).toBeUndefined();
      verdicts[text] = emptyParts(schema, doc, operations(doc)[0], res.data);
    }
    expect(verdicts).toEqual({ parkeren: ['amsterdam.decisions (AmsterdamDecisionConnection) is empty everywhere in the answer'], parkeer: [] });
  });

  it('every example is safe in a normalizing cache: ids selected, pages as edges with cursors and pageInfo', () => {
    const problems = EXAMPLES.map(({ name, query }) => ({ name, problems: cacheProblems(schema, parse(query)) })).filter((p) => p.problems.length);
    expect(problems).toEqual([]);
  });
});
