/**
 * The gateway's query analysis (gateway/limits.ts) on the API schema the gateway serves: every list
 * is costed by a real bound, fragments are measured once (linear time), introspection is counted as
 * the values its answer holds, root fields hidden in fragments count; the cost is judged with the
 * request's variables, the same for literal and variable forms. The end-to-end behaviour (HTTP 400,
 * nothing reaches a city) is in test/e2e/dos.e2e.test.ts and test/e2e/limits.e2e.test.ts.
 */
import fs from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { execute, getIntrospectionQuery, getNamedType, getNullableType, GraphQLError, isCompositeType, isInterfaceType, isListType, isObjectType, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { checkCost, LIST_SIZES, limitPassed, limitRules, measureOperation, measureRequest, type QueryLimits } from '../gateway/limits';
import { DEFAULT_LIMITS } from '../gateway/server';
import { SUPERGRAPH_FILE } from '../schema/cities';
import type http from 'node:http';
import { clientAddress, clientKey } from '../gateway/rate-limit';

const schema = Supergraph.build(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).apiSchema().toGraphQLJSSchema();
const measure = (query: string) => {
  const doc = parse(query);
  return measureOperation(schema, doc, doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode);
};

describe('list bounds', () => {
  it('costs every list of objects by a bound: it takes `first`, or LIST_SIZES names it', () => {
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type)) || !isCompositeType(getNamedType(field.type))) continue;
        if (!field.args.some((a) => a.name === 'first') && LIST_SIZES[field.name] === undefined) unbounded.push(`${type.name}.${field.name}`);
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('multiplies a nested list by its default `first` when none is given, and a variable whose value is not known by the field\'s maximum', () => {
    // A meeting's decisions default to 100.
    expect(measure('{ barcelona { decision(id: "x") { meeting { decisions { id } } } } }').cost).toBe(1 + 1 + 1 + 1 + 100 * 1);
    expect(measure('query($n: Int) { barcelona { decision(id: "x") { meeting { decisions(first: $n) { id } } } } }').cost).toBe(1 + 1 + 1 + 1 + 500 * 1);
    expect(measure('{ barcelona { decision(id: "x") { meeting { decisions(first: 3) { id } } } } }').cost).toBe(1 + 1 + 1 + 1 + 3 * 1);
    // A connection without `first`: its default, 20.
    expect(measure('{ helsinki { decisions { nodes { id } } } }').cost).toBe(1 + 1 + 20 * (1 + 1));
    // An unpaged list: its bound.
    expect(measure('{ helsinki { decision(id: "x") { voteEvents { id } } } }').cost).toBe(1 + 1 + 1 + LIST_SIZES.voteEvents * 1);
  });

  it('refuses the chain of nested lists that took a subgraph down, on every city', () => {
    const chain = (city: string, levels: number) => `{ ${city} { decisions { nodes { ${'meeting { decisions { case { decisions { '.repeat(levels)}id${' } } } }'.repeat(levels)} } } } }`;
    for (const city of ['helsinki', 'amsterdam', 'barcelona']) {
      const m = measure(chain(city, 2));
      expect(m.cost).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
      expect(limitPassed(m, DEFAULT_LIMITS)?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    }
  });

  it('lets the README\'s ordinary queries through', () => {
    const ok = [
      '{ helsinki { decisions(first: 100) { nodes { id body { name } voteEvents { counts { value } } } } } }',
      '{ helsinki { decisions(first: 5, filter: { text: "asunto" }) { totalCount nodes { id title date outcome body { name } } } } amsterdam { decisions(first: 5) { totalCount nodes { id title date outcome body { name } } } } }',
      '{ barcelona { decisions(first: 20) { nodes { id title outcome voteEvents { totalCast groupCounts { group option value } } ... on BarcelonaDecision { groupVotes { group option } } } } } }',
    ];
    for (const q of ok) expect(limitPassed(measure(q), DEFAULT_LIMITS)).toBeNull();
  });
});

describe('cost from the variables the query runs with', () => {
  /** Measures with the request's variables, as the gate and the gateway's plugin do. */
  const withVars = (query: string, variables: unknown = {}) => measureRequest(schema, parse(query), DEFAULT_LIMITS, null, variables)!;

  it.each([
    [
      'nested connections',
      '{ helsinki { bodies(first: 10) { nodes { decisions(first: 5) { nodes { id title } } } } } }',
      'query($a: Int, $b: Int) { helsinki { bodies(first: $a) { nodes { decisions(first: $b) { nodes { id title } } } } } }',
      { a: 10, b: 5 },
    ],
    [
      'aliases',
      '{ helsinki { few: decisions(first: 3) { nodes { id } } many: decisions(first: 40) { nodes { id voteEvents { id } } } } }',
      'query($x: Int!, $y: Int!) { helsinki { few: decisions(first: $x) { nodes { id } } many: decisions(first: $y) { nodes { id voteEvents { id } } } } }',
      { x: 3, y: 40 },
    ],
    [
      'fragments',
      '{ helsinki { ...City } } fragment City on HelsinkiCity { bodies(first: 30) { nodes { ...Body } } } fragment Body on HelsinkiBody { decisions(first: 12) { nodes { id } } meetings(first: 12) { totalCount } }',
      'query($outer: Int, $inner: Int) { helsinki { ...City } } fragment City on HelsinkiCity { bodies(first: $outer) { nodes { ...Body } } } fragment Body on HelsinkiBody { decisions(first: $inner) { nodes { id } } meetings(first: $inner) { totalCount } }',
      { outer: 30, inner: 12 },
    ],
    [
      'a variable\'s default in the operation',
      '{ helsinki { bodies(first: 30) { nodes { decisions(first: 7) { nodes { id } } } } } }',
      'query($a: Int = 30, $b: Int = 7) { helsinki { bodies(first: $a) { nodes { decisions(first: $b) { nodes { id } } } } } }',
      {},
    ],
    [
      'a variable sent overrides its default',
      '{ helsinki { bodies(first: 2) { nodes { decisions(first: 7) { nodes { id } } } } } }',
      'query($a: Int = 30, $b: Int = 7) { helsinki { bodies(first: $a) { nodes { decisions(first: $b) { nodes { id } } } } } }',
      { a: 2 },
    ],
    [
      'a missing (or null) variable falls back to the field argument\'s default (20 for a root list, 100 for a nested one)',
      '{ helsinki { bodies { nodes { children { id } } } } }',
      'query($a: Int, $b: Int) { helsinki { bodies(first: $a) { nodes { children(first: $b) { id } } } } }',
      { b: null },
    ],
    [
      'a lookup by ids, and the cities a cross-city field asks',
      '{ nodes(ids: ["a", "b", "c"]) { id } decisions(first: 10, filter: { cities: ["helsinki", "amsterdam"] }) { edges { node { id } } } }',
      'query($ids: [ID!]!, $cities: [String!]) { nodes(ids: $ids) { id } decisions(first: 10, filter: { cities: $cities }) { edges { node { id } } } }',
      { ids: ['a', 'b', 'c'], cities: ['helsinki', 'amsterdam'] },
    ],
  ])('%s: the literal and the variable form cost the same, and get the same verdict', (_name, literal, variable, variables) => {
    const a = withVars(literal);
    const b = withVars(variable, variables);
    expect(b.cost).toBe(a.cost);
    expect(b.costliest).toEqual(a.costliest);
    // Both sides of the limit: exactly at their cost both pass, one below both are refused.
    for (const maxCost of [a.cost, a.cost - 1]) {
      const limits = { ...DEFAULT_LIMITS, maxCost };
      expect(limitPassed(b, limits)?.extensions).toEqual(limitPassed(a, limits)?.extensions);
    }
    expect(limitPassed(a, { ...DEFAULT_LIMITS, maxCost: a.cost - 1 })?.extensions).toMatchObject({ limit: 'cost', actual: a.cost });
  });

  it('the cross-city filter as one variable counts the cities it names', () => {
    const literal = withVars('{ decisions(first: 10, filter: { cities: ["helsinki"] }) { edges { node { id } } } }');
    expect(withVars('query($f: CrossCityDecisionFilter) { decisions(first: 10, filter: $f) { edges { node { id } } } }', { f: { cities: ['helsinki'] } }).cost).toBe(literal.cost);
    // Not sent: every city.
    expect(withVars('query($f: CrossCityDecisionFilter) { decisions(first: 10, filter: $f) { edges { node { id } } } }').cost).toBeGreaterThan(literal.cost);
  });

  const heavy = 'query($a: Int, $b: Int) { helsinki { bodies(first: $a) { nodes { decisions(first: $b) { nodes { id title } } meetings(first: $b) { nodes { id } } } } } }';

  it('refuses a query over the limit only through its variables, naming the field that costs most and how to lower it', () => {
    const m = withVars(heavy, { a: 100, b: 100 });
    const refused = limitPassed(m, DEFAULT_LIMITS);
    expect(refused?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: DEFAULT_LIMITS.maxCost, actual: m.cost, field: 'helsinki.bodies.nodes.decisions', fieldCost: 100 * 100 * 3 });
    expect(refused?.message).toContain('`helsinki.bodies.nodes.decisions`');
    expect(refused?.message).toMatch(/up to 100 items \(its `first`\), 100 times over.*Lower its `first`/);
    // The same query with small values passes, and so does it as literals.
    expect(limitPassed(withVars(heavy, { a: 10, b: 5 }), DEFAULT_LIMITS)).toBeNull();
    expect(limitPassed(withVars('{ helsinki { bodies(first: 10) { nodes { decisions(first: 5) { nodes { id title } } meetings(first: 5) { nodes { id } } } } } }'), DEFAULT_LIMITS)).toBeNull();
  });

  it('names the field by the response path the client wrote (aliases, through fragments)', () => {
    const m = withVars('query($n: Int) { h: helsinki { ...B } } fragment B on HelsinkiCity { b: bodies(first: 100) { nodes { d: decisions(first: $n) { nodes { id title } } } } }', { n: 100 });
    expect(m.costliest).toMatchObject({ path: 'h.b.nodes.d', size: 100, outer: 100, kind: 'first' });
    expect(limitPassed(m, { ...DEFAULT_LIMITS, maxCost: 1000 })?.extensions).toMatchObject({ field: 'h.b.nodes.d', fieldCost: 100 * 100 * 3 });
    // A list without `first` is named as such.
    const unpaged = withVars('{ helsinki { decisions(first: 100) { nodes { voteEvents { votes { voter { name } option } } } } } }');
    expect(unpaged.costliest).toMatchObject({ path: 'helsinki.decisions.nodes.voteEvents.votes', size: LIST_SIZES.votes, outer: 100 * LIST_SIZES.voteEvents, kind: 'bound' });
    expect(limitPassed(unpaged, DEFAULT_LIMITS)?.message).toMatch(/a list without `first`/);
  });

  it.each([
    ['a negative number', -1],
    ['a fraction', 2.5],
    ['a string', '10'],
    ['an object', { n: 1 }],
    ['a list', [3]],
    ['a boolean', true],
  ])('a `first` that is %s does not break measuring: it counts as the most the field allows (coercion refuses it later)', (_name, value) => {
    const m = withVars('query($n: Int) { helsinki { bodies(first: $n) { nodes { id } } } }', { n: value });
    expect(m.cost).toBe(withVars('{ helsinki { bodies(first: 100) { nodes { id } } } }').cost);
  });

  it('a huge `first` measures as sent, like the literal (and is refused by cost)', () => {
    const m = withVars('query($n: Int) { helsinki { bodies(first: $n) { nodes { id } } } }', { n: 1e12 });
    expect(m.cost).toBe(withVars('{ helsinki { bodies(first: 1000000000000) { nodes { id } } } }').cost);
    expect(limitPassed(m, DEFAULT_LIMITS)?.extensions).toMatchObject({ limit: 'cost', field: 'helsinki.bodies' });
  });

  it('variables that are not a JSON object count as none sent; names like `$__proto__` read as absent', () => {
    const query = 'query($n: Int = 5) { helsinki { bodies(first: $n) { nodes { id } } } }';
    const defaults = withVars(query, {}).cost;
    for (const sent of [null, 'x', 42, [1, 2]]) expect(withVars(query, sent).cost).toBe(defaults);
    const absent = withVars('{ helsinki { bodies { nodes { id } } } }').cost;
    expect(withVars('query($__proto__: Int) { helsinki { bodies(first: $__proto__) { nodes { id } } } }', JSON.parse('{"x": 1}')).cost).toBe(absent);
    expect(withVars('query($constructor: Int) { helsinki { bodies(first: $constructor) { nodes { id } } } }').cost).toBe(absent);
  });

  it('stays linear with variables: fragments that spread the next one twice, 60 levels, are measured and refused', () => {
    const doubling = `query($n: Int) { helsinki { decisions(first: $n) { nodes { ...F0 } } } } ` +
      Array.from({ length: 60 }, (_, i) => `fragment F${i} on HelsinkiDecision { ...F${i + 1} ...F${i + 1} }`).join(' ') +
      ' fragment F60 on HelsinkiDecision { voteEvents { id } }';
    const m = withVars(doubling, { n: 2 });
    expect(m.cost).toBeGreaterThan(2 ** 60);
    expect(limitPassed(m, DEFAULT_LIMITS)?.extensions).toMatchObject({ limit: 'cost' });
  });

  it('once Apollo has resolved the operation (persisted queries too), checkCost refuses with HTTP 400 and the field', () => {
    const doc = parse(heavy);
    const op = doc.definitions[0] as OperationDefinitionNode;
    expect(checkCost(schema, doc, op, { a: 10, b: 5 }, DEFAULT_LIMITS).cost).toBe(withVars(heavy, { a: 10, b: 5 }).cost);
    let thrown: unknown;
    try {
      checkCost(schema, doc, op, { a: 100, b: 100 }, DEFAULT_LIMITS);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', field: 'helsinki.bodies.nodes.decisions', http: { status: 400 } });
  });

  it('validation (cached per document, before variables are known) checks every limit but the cost', () => {
    const rules = limitRules(DEFAULT_LIMITS);
    expect(validate(schema, parse(heavy), rules)).toEqual([]);
    const aliased = `{ helsinki { ${Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: name`).join(' ')} } }`;
    expect(validate(schema, parse(aliased), rules).map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' })]);
  });

  it('validation refuses subscriptions and mutations (the graph has neither root type) with OPERATION_NOT_SUPPORTED', () => {
    const rules = limitRules(DEFAULT_LIMITS);
    const [subscription] = validate(schema, parse('subscription { helsinki { name } }'), rules);
    expect(subscription.extensions).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED', unsupported: 'subscription' });
    expect(subscription.message).toMatch(/^Subscriptions are not supported: this graph has no subscription root type.*poll with a query/);
    const [mutation] = validate(schema, parse('mutation { helsinki { name } }'), rules);
    expect(mutation.extensions).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED', unsupported: 'mutation' });
    expect(validate(schema, parse('query { helsinki { name } }'), rules)).toEqual([]);
  });
});

describe('fragments', () => {
  /** F0 { ...F1 ...F1 }, F1 { ...F2 ...F2 } … : 2^levels expansions if walked naively. */
  const doubling = (levels: number) =>
    `{ helsinki { decision(id: "x") { ...F0 } } } ` +
    Array.from({ length: levels }, (_, i) => `fragment F${i} on HelsinkiDecision { ...F${i + 1} ...F${i + 1} }`).join(' ') +
    ` fragment F${levels} on HelsinkiDecision { id }`;

  it('measures each fragment once: 60 doubling levels are measured, and refused by cost', () => {
    const m = measure(doubling(60));
    expect(m.cost).toBeGreaterThan(2 ** 59);
    expect(limitPassed(m, DEFAULT_LIMITS)?.extensions).toMatchObject({ limit: 'cost' });
    expect(limitPassed(measure(doubling(3)), DEFAULT_LIMITS)).toBeNull();
  });

  it('counts root fields spread from fragments and inline fragments', () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxRootFields + 1 }, (_, i) => `r${i}: helsinki { name }`).join(' ');
    for (const q of [`{ ...R } fragment R on Query { ${fields} }`, `{ ... on Query { ${fields} } }`, `{ ... { ${fields} } }`]) {
      expect(limitPassed(measure(q), DEFAULT_LIMITS)?.extensions).toMatchObject({ limit: 'root fields' });
    }
  });

  it('counts one field repeated without aliases, inline fragments included', () => {
    expect(measure(`{ helsinki { ${'name '.repeat(4970)} } }`).fieldRepeats).toBe(4970);
    expect(measure(`{ helsinki { name ... { name ... { name } } } }`).fieldRepeats).toBe(3);
    expect(limitPassed(measure(`{ helsinki { ${'name '.repeat(100)} } }`), DEFAULT_LIMITS)?.extensions).toMatchObject({ limit: 'field repeats' });
  });
});

describe('introspection', () => {
  it('counts exactly the values the standard introspection answer holds, which fits the limit', () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    const answer = execute({ schema, document: parse(query) }) as { data: unknown };
    let values = 0;
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) (values++, walk(x));
    };
    walk(answer.data);
    const m = measure(query);
    expect(m.introspectionNodes).toBe(values);
    expect(limitPassed(m, DEFAULT_LIMITS)).toBeNull();
  });

  it('refuses aliased introspection that would answer hundreds of megabytes, without building it', () => {
    const fields = Array.from({ length: 80 }, (_, i) => `f${i}: fields { name type { name } }`).join(' ');
    const types = Array.from({ length: 80 }, (_, i) => `t${i}: types { ...T }`).join(' ');
    const query = `{ __schema { ${types} } } fragment T on __Type { ${fields} }`;
    const limits: QueryLimits = { ...DEFAULT_LIMITS, maxAliases: 1000 };
    const m = measureRequest(schema, parse(query), limits);
    expect(limitPassed(m!, limits)?.extensions).toMatchObject({ limit: 'introspection size' });
    // With the default limits the aliases alone refuse it.
    expect(limitPassed(measureRequest(schema, parse(query), DEFAULT_LIMITS)!, DEFAULT_LIMITS)?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('counts __type by the type it names, and a variable name as the largest type', () => {
    const one = measure('{ __type(name: "HelsinkiDecision") { fields { name } } }').introspectionNodes;
    const fields = Object.keys((schema.getType('HelsinkiDecision') as { getFields(): object }).getFields()).length;
    // __type, fields, and each field's name (list items themselves hold no value of their own).
    expect(one).toBe(1 + 1 + fields);
    expect(measure('query($n: String!) { __type(name: $n) { fields { name } } }').introspectionNodes).toBeGreaterThanOrEqual(one);
  });
});

describe('the client a request counts as, behind proxies (TRUST_PROXY_HOPS)', () => {
  const req = (remoteAddress: string, forwardedFor?: string) => ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as http.IncomingMessage;
  it('is the socket\'s address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(req('10.0.0.5', '203.0.113.9'), 0)).toBe('10.0.0.5');
  });
  it('is the address the nearest trusted proxy appended, never one the client wrote itself', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4" hoping for a fresh budget; nginx appended its real address.
    expect(clientAddress(req('172.18.0.9', '1.2.3.4, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(req('172.18.0.9', '1.2.3.4, 203.0.113.9, 198.51.100.2'), 2)).toBe('203.0.113.9');
    expect(clientKey(req('172.18.0.9', '203.0.113.9'), new Set(), 1)).toBe('ip:203.0.113.9');
  });
  it('falls back to the socket when a trusted proxy sent no X-Forwarded-For', () => {
    expect(clientAddress(req('172.18.0.9'), 1)).toBe('172.18.0.9');
  });
});
