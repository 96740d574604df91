/**
 * One client must never take the graph down (issue 12): each vector of the attack run, through
 * the gateway over HTTP, with variants. Each is refused quickly with a coded error, or answered
 * within its budget; a normal query sent alongside is answered; nothing reaches a city for a
 * refused query; a subgraph asked directly refuses a request over its read budget.
 */
import { postGraphQL, startGateway, startGraph, TEST_REQUEST_BUDGET, type Graph } from './harness';
import { DEFAULT_LIMITS } from '../../gateway/server';

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph({ amsterdam: true, barcelona: true });
}, 180_000);
afterAll(async () => {
  await graph.close();
});

const NORMAL = '{ helsinki { decisions(first: 3) { nodes { id title } } } }';
/** What reached the cities' replicas so far. */
const upstreamCalls = () => graph.replica!.requests.length + (graph.amsterdam?.replica?.requests.length ?? 0);

/** Sends `query` beside a normal query: the attack is refused with `limit`, and the normal one answered. */
async function refusedAlongside(query: string, limit: string | string[]): Promise<void> {
  const before = upstreamCalls();
  const [attack, normal] = await Promise.all([post(query), postGraphQL(graph.gatewayUrl, NORMAL)]);
  expect(attack.status).toBe(400);
  expect(attack.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  expect([limit].flat()).toContain(attack.body.errors[0].extensions.limit);
  expect(attack.body.errors[0].message).toMatch(/the limit is \d+/);
  expect(normal.errors).toBeUndefined();
  expect(normal.data.helsinki.decisions.nodes).toHaveLength(3);
  expect(upstreamCalls()).toBe(before);
}

async function post(query: string, headers: Record<string, string> = {}, url = graph.gatewayUrl): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, body: await res.json() };
}

describe('nested lists are costed by their real bound', () => {
  /** decisions → meeting → decisions → case → decisions …, `levels` times, with no `first` anywhere. */
  const chain = (city: string, levels: number) => `{ ${city} { decisions { nodes { id ${'meeting { decisions { case { decisions { id '.repeat(levels)}${'} } } } '.repeat(levels)}} } } }`;

  it.each([
    ['barcelona', 5],
    ['barcelona', 2],
    ['helsinki', 3],
    ['amsterdam', 2],
  ])('%s: the chain %i levels deep is refused (by cost; deeper ones by depth too)', async (city, levels) => {
    await refusedAlongside(chain(city, levels), levels > 2 ? ['cost', 'depth'] : 'cost');
  });

  it.each([
    ['a body\'s children and their members', '{ helsinki { bodies { nodes { children { children { members { person { name } } } } } } } }'],
    ['a meeting\'s agenda and their children', '{ amsterdam { meetings { nodes { agenda { children { children { attachments { title } } } } } } } }'],
    ['processes and their proposals, meetings and results', '{ barcelona { participatoryProcesses { proposals { id } meetings { agenda { children { id } } } accountabilityResults { children { id } } } } }'],
  ])('%s without `first` are refused by cost', async (_name, query) => {
    await refusedAlongside(query, 'cost');
  });

  it('a variable `first` counts as the value sent (issue 16): large values are refused, small ones answered', async () => {
    const query = 'query($n: Int) { helsinki { bodies(first: $n) { nodes { decisions(first: $n) { nodes { meeting { agenda(first: $n) { id } } } } } } } }';
    const res = await postGraphQL(graph.gatewayUrl, query, { n: 100 });
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', field: 'helsinki.bodies.nodes.decisions.nodes.meeting.agenda' });
    const small = await postGraphQL(graph.gatewayUrl, query, { n: 2 });
    expect(small.errors).toBeUndefined();
    expect(small.data.helsinki.bodies.nodes.length).toBeGreaterThan(0);
  });
});

describe('introspection counts', () => {
  const aliased = (types: number, fields: number) =>
    `{ __schema { ${Array.from({ length: types }, (_, i) => `t${i}: types { ...T }`).join(' ')} } } fragment T on __Type { ${Array.from({ length: fields }, (_, i) => `f${i}: fields { name type { name ofType { name } } }`).join(' ')} }`;

  it('80 aliased types × 80 aliased fields is refused, four in parallel with a normal query answered', async () => {
    const before = process.memoryUsage().rss;
    const attacks = Array.from({ length: 4 }, () => post(aliased(80, 80)));
    const [normal, ...refused] = await Promise.all([postGraphQL(graph.gatewayUrl, NORMAL), ...attacks]);
    expect(normal.errors).toBeUndefined();
    for (const r of refused) expect([r.status, r.body.errors[0].extensions.code]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    // The answers were never built: the gateway did not grow by hundreds of megabytes.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('aliases within the alias limit that repeat the whole schema are refused by its size', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    // The standard query's fragments, its __schema selection repeated under 25 aliases.
    const standard = getIntrospectionQuery();
    const fragments = standard.slice(standard.indexOf('fragment '));
    const body = standard.slice(standard.indexOf('__schema {') + '__schema {'.length, standard.lastIndexOf('}', standard.indexOf('fragment ')));
    const selection = body.slice(0, body.lastIndexOf('}'));
    await refusedAlongside(`{ ${Array.from({ length: 25 }, (_, i) => `s${i}: __schema { ${selection} }`).join(' ')} } ${fragments}`, 'introspection size');
  });

  it('the standard introspection query is answered', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const res = await postGraphQL(graph.gatewayUrl, getIntrospectionQuery({ descriptions: true }));
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.types.length).toBeGreaterThan(50);
  });

  it('`__Type.isOneOf`, which the federation query planner does not know, is a 400, not a 500', async () => {
    for (const q of ['{ __type(name: "PageInfo") { name isOneOf } }', '{ __schema { queryType { possibleTypes { ...F0 } } } } fragment F0 on __Type { isOneOf }']) {
      const res = await post(q);
      expect([res.status, res.body.errors[0].extensions.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
      expect(res.body.errors[0].message).toMatch(/isOneOf/);
    }
  });

  it('aliases and depth inside __type count too', async () => {
    const res = await post(`{ __type(name: "HelsinkiDecision") { ${Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: name`).join(' ')} } }`);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
  });
});

describe('the analysis is linear', () => {
  const doubling = (levels: number, leaf: string) =>
    `{ helsinki { decision(id: "{B0480A7A-2712-49B6-9938-02A1E52593C1}") { ...F0 } } } ` +
    Array.from({ length: levels }, (_, i) => `fragment F${i} on HelsinkiDecision { ...F${i + 1} ...F${i + 1} }`).join(' ') +
    ` fragment F${levels} on HelsinkiDecision { ${leaf} }`;

  it.each([
    ['22 levels, a scalar leaf', doubling(22, 'id')],
    ['40 levels, a list leaf', doubling(40, 'voteEvents { id }')],
  ])('fragments that spread the next one twice (%s) are refused, a normal query answered meanwhile', async (_name, query) => {
    await refusedAlongside(query, 'cost');
  });

  it('one field repeated 4,970 times without aliases is refused before graphql-js merges it', async () => {
    await refusedAlongside(`{ helsinki { ${'name '.repeat(4970)} } }`, 'field repeats');
    await refusedAlongside(`{ helsinki { ${'... { name } '.repeat(DEFAULT_LIMITS.maxFieldRepeats + 1)} } }`, 'field repeats');
  });

  it.each([
    ['a named fragment', (f: string) => `{ ...R } fragment R on Query { ${f} }`],
    ['an inline fragment on Query', (f: string) => `{ ... on Query { ${f} } }`],
    ['nested inline fragments', (f: string) => `{ ... { ... { ${f} } } }`],
  ])('root fields spread through %s count', async (_name, wrap) => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxRootFields + 1 }, (_, i) => `r${i}: helsinki { name }`).join(' ');
    await refusedAlongside(wrap(fields), 'root fields');
  });
});

describe('a subgraph refuses work over its budget, whatever the gateway estimated', () => {
  it('a request reading more than REQUEST_MAX_ROWS records gets REQUEST_BUDGET_EXCEEDED; the subgraph goes on serving', async () => {
    // Asked directly (no gateway limits: no alias limit either): the first 100 decisions 250 times over.
    const subgraph = graph.barcelona!.subgraph.url;
    const query = `{ barcelona { ${Array.from({ length: 250 }, (_, i) => `a${i}: decisions(first: 100) { nodes { id } }`).join(' ')} } }`;
    const res = await post(query, {}, subgraph);
    expect(res.status).toBe(200);
    const codes = new Set((res.body.errors ?? []).map((e: { extensions: { code: string } }) => e.extensions.code));
    expect(codes).toEqual(new Set(['REQUEST_BUDGET_EXCEEDED']));
    expect(res.body.errors[0].message).toMatch(new RegExp(`more than ${TEST_REQUEST_BUDGET.maxRows} records`));
    expect((await fetch(subgraph.replace('/graphql', '/health'))).status).toBe(200);
    const ok = await post('{ barcelona { decisions(first: 2) { nodes { id } } } }', {}, subgraph);
    expect(ok.body.errors).toBeUndefined();
  });
});

describe('rate limits that hold', () => {
  it('spends a client\'s budget by query cost, and unregistered API keys share their IP\'s budget', async () => {
    const g = await startGateway({ subgraphUrls: { helsinki: graph.subgraph.url }, rateLimitPerMinute: 1000, rateLimitCostPerMinute: 2000, apiKeys: ['registered'] });
    try {
      const costly = '{ helsinki { decisions(first: 100) { nodes { id title } } } }'; // cost 302
      const answers: number[] = [];
      // Rotating keys no one registered: one client, the IP.
      for (let i = 0; i < 8; i++) answers.push((await post(costly, { 'x-api-key': `made-up-${i}` }, g.url)).status);
      expect(answers.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(answers.slice(6)).toEqual([429, 429]);
      const over = await post(costly, {}, g.url);
      expect(over.status).toBe(429);
      expect(over.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 302 });
      expect(over.body.errors[0].message).toMatch(/2000 a minute/);
      // A registered key has a budget of its own.
      expect((await post(costly, { 'x-api-key': 'registered' }, g.url)).status).toBe(200);
    } finally {
      await g.close();
    }
  });

  it('/ready is rate limited, and its probe of the cities is shared for a few seconds', async () => {
    const g = await startGateway({ subgraphUrls: { helsinki: graph.subgraph.url }, rateLimitPerMinute: 5 });
    try {
      const ready = g.url.replace('/graphql', '/ready');
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await fetch(ready)).status);
      expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    } finally {
      await g.close();
    }
  });
});

describe('input no store can hold is a client error, in every city', () => {
  it.each([
    ['a NUL in filter.text', 'query($f: DecisionFilter) { helsinki { decisions(filter: $f) { nodes { id } } } }', { f: { text: 'a\u0000b' } }, 'filter.text'],
    ['a NUL in filter.category', 'query($f: DecisionFilter) { barcelona { decisions(filter: $f) { nodes { id } } } }', { f: { category: 'Habitatge\u0000' } }, 'filter.category'],
    ['a NUL in a nested list\'s after', '{ helsinki { meeting(id: "U501020213") { decisions(first: 1, after: "\\u0000") { id } } } }', {}, 'after'],
    ['a NUL in a cursor', 'query($a: String) { amsterdam { decisions(after: $a) { nodes { id } } } }', { a: Buffer.from(JSON.stringify([1, '\u0000', 'x'])).toString('base64url') }, 'after'],
    ['the year 0000', '{ amsterdam { meetings(filter: { from: "0000-01-01" }) { totalCount } } }', {}, 'filter.from'],
    ['the year 0000 in Helsinki', '{ helsinki { decisions(filter: { from: "0000-01-01" }) { totalCount } } }', {}, 'filter.from'],
  ])('%s → BAD_USER_INPUT naming the argument', async (_name, query, variables, argument) => {
    const res = await postGraphQL(graph.gatewayUrl, query, variables);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(res.errors![0])).toContain(argument);
  });
});
