/**
 * What the endpoint supports, over real HTTP through the gateway (README "What the endpoint
 * supports"): queries by POST, and by GET with the preflight header; automatic persisted queries.
 * Subscriptions, mutations, @defer/@stream and batched requests are refused with HTTP 400, code
 * OPERATION_NOT_SUPPORTED and a message saying what to do instead (Apollo answered a subscription
 * with a 500 and @defer with "Unknown directive"); a GET without the header gets a 400 naming it.
 */
import { createHash } from 'node:crypto';
import { startGraph, type Graph } from './harness';

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph.close();
});

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function answer(res: Response): Promise<Answer> {
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const post = async (body: unknown, headers: Record<string, string> = {}) =>
  answer(await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }));

const get = async (params: Record<string, string>, headers: Record<string, string> = {}) =>
  answer(await fetch(`${graph.gatewayUrl}?${new URLSearchParams(params)}`, { headers }));

const PREFLIGHT = { 'apollo-require-preflight': 'true' };

describe('operation types the graph does not have', () => {
  it('a subscription is a 400 OPERATION_NOT_SUPPORTED saying to poll with a query, by POST and by GET', async () => {
    for (const res of [await post({ query: 'subscription { helsinki { name } }' }), await get({ query: 'subscription { helsinki { name } }' }, PREFLIGHT)]) {
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED', unsupported: 'subscription' });
      expect(res.body.errors![0].message).toMatch(/^Subscriptions are not supported: this graph has no subscription root type\..*poll with a query/);
    }
  });

  it('a named subscription among queries is refused too', async () => {
    const res = await post({ query: 'query Q { helsinki { name } } subscription S { helsinki { name } }', operationName: 'S' });
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED', unsupported: 'subscription' });
  });

  it('a mutation is a 400 OPERATION_NOT_SUPPORTED: the graph is read-only', async () => {
    for (const res of [await post({ query: 'mutation { helsinki { name } }' }), await get({ query: 'mutation { helsinki { name } }' }, PREFLIGHT)]) {
      expect(res.status).toBe(400);
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED', unsupported: 'mutation' });
      expect(res.body.errors![0].message).toMatch(/^Mutations are not supported: this graph is read-only/);
    }
  });

  it('a persisted subscription is refused the same way', async () => {
    const query = 'subscription Persisted { helsinki { name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const res = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED', unsupported: 'subscription' });
  });
});

describe('incremental delivery', () => {
  it.each([
    ['defer', '{ helsinki { name ... @defer { decisions(first: 1) { totalCount } } } }'],
    ['stream', '{ helsinki { decisions(first: 2) { nodes @stream { id } } } }'],
  ])('@%s is a 400 OPERATION_NOT_SUPPORTED saying to remove the directive', async (directive, query) => {
    const res = await post({ query });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED', unsupported: directive });
    expect(res.body.errors![0].message).toMatch(new RegExp(`^@${directive} is not supported: .*does not deliver results incrementally\\. Remove the @${directive} directive`));
  });

  it('without the directive the same query is answered', async () => {
    const res = await post({ query: '{ helsinki { name ... { decisions(first: 1) { totalCount } } } }' });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.helsinki.name).toBe('Helsinki');
    expect(res.body.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
  });
});

describe('GET', () => {
  const query = '{ helsinki { name } }';

  it('without the preflight header is a 400 that names the header to add', async () => {
    const res = await get({ query });
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_REQUEST', requiredHeader: 'apollo-require-preflight' });
    expect(res.body.errors![0].message).toMatch(/Cross-Site Request Forgery/);
    expect(res.body.errors![0].message).toContain('Add the header `apollo-require-preflight: true`');
  });

  it('with `apollo-require-preflight` is answered 200 with the data, variables as JSON in the query string', async () => {
    expect(await get({ query }, PREFLIGHT)).toEqual({ status: 200, body: { data: { helsinki: { name: 'Helsinki' } } } });
    const paged = await get({ query: 'query($n: Int) { helsinki { decisions(first: $n) { nodes { id } } } }', variables: JSON.stringify({ n: 2 }) }, PREFLIGHT);
    expect(paged.status).toBe(200);
    expect(paged.body.errors).toBeUndefined();
    expect(paged.body.data.helsinki.decisions.nodes).toHaveLength(2);
  });

  it('a form POST is blocked the same way; a JSON POST needs no header', async () => {
    const form = await answer(await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent(query)}` }));
    expect(form.status).toBe(400);
    expect(form.body.errors![0].extensions).toMatchObject({ requiredHeader: 'apollo-require-preflight' });
    expect(await post({ query })).toEqual({ status: 200, body: { data: { helsinki: { name: 'Helsinki' } } } });
  });
});

describe('automatic persisted queries', () => {
  it('a hash never registered is PERSISTED_QUERY_NOT_FOUND; registered with its query, the hash alone runs it (POST and GET)', async () => {
    const query = '{ helsinki { name timezone } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    const unknown = await post({ extensions });
    expect(unknown.status).toBe(200);
    expect(unknown.body.errors![0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    expect((await post({ query, extensions })).status).toBe(200);
    const expected = { data: { helsinki: { name: 'Helsinki', timezone: 'Europe/Helsinki' } } };
    expect(await post({ extensions })).toEqual({ status: 200, body: expected });
    expect(await get({ extensions: JSON.stringify(extensions) }, PREFLIGHT)).toEqual({ status: 200, body: expected });
  });
});

describe('batched requests', () => {
  it('a JSON array of operations is a 400 OPERATION_NOT_SUPPORTED saying to send each on its own', async () => {
    const res = await post([{ query: '{ helsinki { name } }' }, { query: '{ helsinki { timezone } }' }]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED', unsupported: 'batching' });
    expect(res.body.errors![0].message).toMatch(/^Batched requests .* are not supported: send each operation in a request of its own/);
  });
});
