/**
 * Query limits at the gateway: a query over a limit is refused before any city is asked, with
 * QUERY_TOO_COMPLEX naming the limit and its value; other queries are unaffected. A body over the
 * size limit gets 413; introspection and the landing page can be turned off for production; CSRF
 * prevention is on.
 */
import { DEFAULT_LIMITS } from '../../gateway/server';
import { postGraphQL, startGateway, startGraph, type Graph } from './harness';

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
