/**
 * The gateway's query analysis (gateway/limits.ts) on the API schema the gateway serves: every list
 * is costed by a real bound, fragments are measured once (linear time), introspection is counted as
 * the values its answer holds, root fields hidden in fragments count. The end-to-end behaviour (HTTP
 * 400, nothing reaches a city) is in test/e2e/dos.e2e.test.ts.
 */
import fs from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { execute, getIntrospectionQuery, getNamedType, getNullableType, isCompositeType, isInterfaceType, isListType, isObjectType, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { LIST_SIZES, limitPassed, measureOperation, measureRequest, type QueryLimits } from '../gateway/limits';
import { DEFAULT_LIMITS } from '../gateway/server';
import { SUPERGRAPH_FILE } from '../schema/cities';

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

  it('multiplies a nested list by its default `first` when none is given, and a variable by the field\'s maximum', () => {
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
