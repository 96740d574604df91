/**
 * Query limits at the gateway: a query over a limit is refused before any city is asked, with
 * QUERY_TOO_COMPLEX naming the limit and its value; other queries are unaffected.
 */
import { DEFAULT_LIMITS } from '../../gateway/server';
import { startGraph, type Graph } from './harness';

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
