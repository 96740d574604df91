/**
 * Query limits at the gateway: a query over a limit is refused before any city is asked, with
 * QUERY_TOO_COMPLEX naming the limit and its value; other queries are unaffected. A body over the
 * size limit gets 413; introspection and the landing page can be turned off for production; CSRF
 * prevention is on. The cost is judged with the request's variables (POST, GET, persisted queries),
 * the same as the literal form of the query, and a refusal names the field that costs most.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_LIMITS } from '../../gateway/server';
import { postGraphQL, startGateway, startGraph, type Graph, type GraphQLResponse } from './harness';

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph.close();
});

const nest = (levels: number) => `{ helsinki { meeting(id: "U501020213") { ${'previousMeeting { '.repeat(levels)}id${' }'.repeat(levels)} } } }`;

describe('query limits', () => {
  it.each([
    ['depth', nest(DEFAULT_LIMITS.maxDepth)],
    ['aliases', `{ helsinki { ${Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: name`).join(' ')} } }`],
    ['root fields', `{ ${Array.from({ length: DEFAULT_LIMITS.maxRootFields + 1 }, (_, i) => `r${i}: __typename`).join(' ')} }`],
    ['cost', '{ helsinki { bodies(first: 100) { nodes { decisions(first: 100) { nodes { id title } } meetings(first: 100) { nodes { id } } } } } }'],
  ])('%s over the limit → QUERY_TOO_COMPLEX, no city asked', async (limit, query) => {
    const before = graph.replica!.requests.length;
    const res = await graph.query(query);
    expect(res.data).toBeUndefined();
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
    expect(res.errors![0].message).toMatch(/the limit is \d+/);
    expect(graph.replica!.requests.length).toBe(before);
  });

  it('refuses a query with too many tokens', async () => {
    const res = await graph.query(`{ helsinki { ${'name '.repeat(DEFAULT_LIMITS.maxTokens)} } }`);
    expect(res.errors![0].message).toMatch(/more th(?:an|at) 5000 tokens/);
    expect(res.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('lets ordinary queries through, including a deep-enough one and cross-city lists', async () => {
    const ok = await graph.query(nest(5));
    expect(ok.errors).toBeUndefined();
    const list = await graph.query('{ helsinki { decisions(first: 100) { nodes { id body { name } voteEvents { counts { value } } } } } }');
    expect(list.errors).toBeUndefined();
  });
});

describe('request size', () => {
  const big = (bytes: number) => JSON.stringify({ query: `{ helsinki { name } } # ${'x'.repeat(bytes)}` });

  it.each([
    ['with the edge cache', {}],
    ['without it (Express parses the body)', { edgeCacheEntries: 0 }],
  ])('a body over MAX_REQUEST_BYTES gets 413 with a JSON error naming the limit, %s', async (_name, cache) => {
    const running = await startGateway({ subgraphUrls: { helsinki: graph.subgraph.url }, maxRequestBytes: 10000, ...cache });
    try {
      const res = await fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big(20000) });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toMatch(/json/);
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 'request size', max: 10000 });
      expect(body.errors[0].message).toMatch(/larger than 10000 bytes/);
      const ok = await fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big(100) });
      expect(ok.status).toBe(200);
    } finally {
      await running.close();
    }
  });
});

describe('production settings', () => {
  const start = (settings: { introspection?: boolean; landingPage?: boolean }) => startGateway({ subgraphUrls: { helsinki: graph.subgraph.url }, ...settings });

  it('introspection can be turned off (INTROSPECTION=false), queries still run', async () => {
    const g = await start({ introspection: false });
    try {
      const res = await postGraphQL(g.url, '{ __schema { types { name } } }');
      expect(res.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
      expect(res.errors![0].message).toMatch(/introspection/i);
      expect((await postGraphQL(g.url, '{ helsinki { name } }')).data).toEqual({ helsinki: { name: 'Helsinki' } });
    } finally {
      await g.close();
    }
    const on = await postGraphQL(graph.gatewayUrl, '{ __schema { queryType { name } } }');
    expect(on.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('the landing page can be turned off (LANDING_PAGE=false)', async () => {
    const browser = { accept: 'text/html' };
    const on = await fetch(graph.gatewayUrl, { headers: browser });
    expect(on.status).toBe(200);
    expect(await on.text()).toMatch(/<html/i);
    const g = await start({ landingPage: false });
    try {
      const off = await fetch(g.url, { headers: browser });
      expect(await off.text()).not.toMatch(/<html/i);
    } finally {
      await g.close();
    }
  });

  it('CSRF prevention: a browser\'s simple request cannot run an operation; JSON POSTs and preflighted GETs can', async () => {
    const blocked = [
      await fetch(`${graph.gatewayUrl}?query=${encodeURIComponent('{ helsinki { name } }')}`),
      await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ helsinki { name } }' }) }),
      await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent('{ helsinki { name } }')}` }),
    ];
    for (const res of blocked) {
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
    }
    const preflighted = await fetch(`${graph.gatewayUrl}?query=${encodeURIComponent('{ helsinki { name } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { helsinki: { name: 'Helsinki' } } });
  });
});

describe('cost from the request\'s variables', () => {
  const heavy = 'query($a: Int, $b: Int) { helsinki { bodies(first: $a) { nodes { decisions(first: $b) { nodes { id title } } meetings(first: $b) { nodes { id } } } } } }';
  const post = async (url: string, body: unknown) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as GraphQLResponse };
  };
  const get = async (url: string, params: Record<string, unknown>) => {
    const query = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`).join('&');
    const res = await fetch(`${url}?${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    return { status: res.status, body: (await res.json()) as GraphQLResponse };
  };
  const refusedNaming = (res: { status: number; body: GraphQLResponse }, field: string) => {
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: DEFAULT_LIMITS.maxCost, field });
    expect(res.body.errors![0].message).toContain(`The costliest field is \`${field}\``);
    expect(res.body.errors![0].message).toMatch(/Lower its `first`/);
  };

  it('a query over the limit only through its variables is refused naming the costly field (POST and GET); with small values it is answered like its literal form', async () => {
    refusedNaming(await post(graph.gatewayUrl, { query: heavy, variables: { a: 100, b: 100 } }), 'helsinki.bodies.nodes.decisions');
    refusedNaming(await get(graph.gatewayUrl, { query: heavy, variables: { a: 100, b: 100 } }), 'helsinki.bodies.nodes.decisions');
    const small = await post(graph.gatewayUrl, { query: heavy, variables: { a: 10, b: 5 } });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.helsinki.bodies.nodes.length).toBeGreaterThan(0);
    const literal = await post(graph.gatewayUrl, { query: '{ helsinki { bodies(first: 10) { nodes { decisions(first: 5) { nodes { id title } } meetings(first: 5) { nodes { id } } } } } }' });
    expect(literal.body).toEqual(small.body);
    expect((await get(graph.gatewayUrl, { query: heavy, variables: { a: 10, b: 5 } })).body).toEqual(small.body);
  });

  it('a persisted query (the hash alone) is measured with its variables', async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(heavy).digest('hex') } };
    // Registered with small values, then sent as the hash alone with large ones: refused before any city is asked.
    expect((await post(graph.gatewayUrl, { query: heavy, variables: { a: 2, b: 2 }, extensions })).status).toBe(200);
    refusedNaming(await post(graph.gatewayUrl, { variables: { a: 100, b: 100 }, extensions }), 'helsinki.bodies.nodes.decisions');
    refusedNaming(await get(graph.gatewayUrl, { variables: { a: 100, b: 100 }, extensions }), 'helsinki.bodies.nodes.decisions');
    const small = await post(graph.gatewayUrl, { variables: { a: 10, b: 5 }, extensions });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });

  it.each([
    [
      'nested connections',
      '{ helsinki { bodies(first: 4) { nodes { decisions(first: 3) { nodes { id title } } } } } }',
      'query($a: Int, $b: Int) { helsinki { bodies(first: $a) { nodes { decisions(first: $b) { nodes { id title } } } } } }',
      { a: 4, b: 3 },
    ],
    [
      'aliases',
      '{ helsinki { few: decisions(first: 2) { nodes { id } } more: decisions(first: 6) { nodes { id voteEvents { id } } } } }',
      'query($x: Int!, $y: Int!) { helsinki { few: decisions(first: $x) { nodes { id } } more: decisions(first: $y) { nodes { id voteEvents { id } } } } }',
      { x: 2, y: 6 },
    ],
    [
      'fragments',
      '{ helsinki { ...City } } fragment City on HelsinkiCity { bodies(first: 3) { nodes { ...Body } } } fragment Body on HelsinkiBody { decisions(first: 4) { nodes { id } } }',
      'query($outer: Int, $inner: Int) { helsinki { ...City } } fragment City on HelsinkiCity { bodies(first: $outer) { nodes { ...Body } } } fragment Body on HelsinkiBody { decisions(first: $inner) { nodes { id } } }',
      { outer: 3, inner: 4 },
    ],
    [
      'a variable with a default in the operation',
      '{ helsinki { bodies(first: 3) { nodes { decisions(first: 2) { nodes { id } } } } } }',
      'query($a: Int = 3, $b: Int = 2) { helsinki { bodies(first: $a) { nodes { decisions(first: $b) { nodes { id } } } } } }',
      {},
    ],
    [
      'a missing variable, which falls back to the field argument\'s default',
      '{ helsinki { bodies(first: 3) { nodes { decisions { nodes { id } } } } } }',
      'query($a: Int, $b: Int) { helsinki { bodies(first: $a) { nodes { decisions(first: $b) { nodes { id } } } } } }',
      { a: 3 },
    ],
  ])('%s: the literal and the variable form cost the same, and get the same verdict on both sides of the limit', async (_name, literal, variable, variables) => {
    // Under a limit of 1 both are refused, each with its cost; with the limit at that cost both are answered.
    const strict = await startGateway({ subgraphUrls: { helsinki: graph.subgraph.url }, limits: { ...DEFAULT_LIMITS, maxCost: 1 } });
    let cost: number;
    try {
      const [a, b] = [await post(strict.url, { query: literal }), await post(strict.url, { query: variable, variables })];
      for (const res of [a, b]) expect([res.status, res.body.errors![0].extensions!.code]).toEqual([400, 'QUERY_TOO_COMPLEX']);
      cost = a.body.errors![0].extensions!.actual as number;
      expect(b.body.errors![0].extensions).toMatchObject({ actual: cost, field: a.body.errors![0].extensions!.field, fieldCost: a.body.errors![0].extensions!.fieldCost });
    } finally {
      await strict.close();
    }
    const exact = await startGateway({ subgraphUrls: { helsinki: graph.subgraph.url }, limits: { ...DEFAULT_LIMITS, maxCost: cost } });
    try {
      const [a, b] = [await post(exact.url, { query: literal }), await post(exact.url, { query: variable, variables })];
      for (const res of [a, b]) expect([res.status, res.body.errors]).toEqual([200, undefined]);
      expect(b.body).toEqual(a.body);
    } finally {
      await exact.close();
    }
  });

  it('the rate limiter charges the cost measured with the variables', async () => {
    // Cost 172 each (the literal form's): two fit a budget of 344, the third is refused with that cost.
    const g = await startGateway({ subgraphUrls: { helsinki: graph.subgraph.url }, rateLimitPerMinute: 1000, rateLimitCostPerMinute: 344, edgeCacheEntries: 0, responseCache: false });
    try {
      const query = 'query($a: Int, $b: Int) { helsinki { bodies(first: $a) { nodes { decisions(first: $b) { nodes { id title } } } } } }';
      const statuses: number[] = [];
      let last: GraphQLResponse | undefined;
      for (let i = 0; i < 3; i++) {
        const res = await post(g.url, { query, variables: { a: 10, b: 5 } });
        statuses.push(res.status);
        last = res.body;
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(last!.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 172 });
    } finally {
      await g.close();
    }
  });
});
