/**
 * Hostile input, through the gateway. What a user types is only ever data: a text filter is matched
 * in each city's store as a bound parameter (no SQL, no LIKE wildcard, no upstream request), and a
 * malformed id is refused with BAD_USER_INPUT before anything is looked up or sent.
 */
import { startGraph, type Graph } from './harness';

const HOSTILE = [
  'a&resolved=true&size=100000',
  'x#fragment',
  '../../organization?orgid=00400',
  '%00%2e%2e%2F',
  "'; DROP TABLE cases; --",
  '{"$ne":null}',
  '<script>alert(1)</script>',
  'q=1&q=2',
  'line\r\nX-Injected: 1',
  'päätös ½ 😀',
  '${jndi:ldap://x}',
];

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph({ amsterdam: true, barcelona: true });
});
afterAll(async () => {
  await graph.close();
});


/** Requests every replica has received so far. */
const upstreamRequests = () => graph.replica!.requests.length + graph.amsterdam!.replica!.requests.length + graph.barcelona!.replica.fileRequests.length + graph.barcelona!.replica.decidim.requestCount;

describe('hostile text in every city\'s text filters', () => {
  const TEXT = `query($text: String!) {
    helsinki { decisions(filter: { text: $text }) { totalCount } cases(filter: { text: $text }) { totalCount } bodies(filter: { text: $text }) { totalCount } }
    amsterdam { decisions(filter: { text: $text }) { totalCount } cases(filter: { text: $text }) { totalCount } }
    barcelona { decisions(filter: { text: $text }) { totalCount } proposals(text: $text) { totalCount } }
  }`;
  const COUNTS = '{ helsinki { cases(first: 0) { totalCount } decisions(first: 0) { totalCount } } amsterdam { decisions(first: 0) { totalCount } } barcelona { decisions(first: 0) { totalCount } } }';

  it.each(HOSTILE)('%j is matched as data in the store: nothing found, nothing changed, nothing sent upstream', async (text) => {
    const before = await graph.query(COUNTS);
    const sent = upstreamRequests();
    const res = await graph.query(TEXT, { text });
    expect(res.errors).toBeUndefined();
    for (const city of ['helsinki', 'amsterdam', 'barcelona']) {
      for (const [field, value] of Object.entries(res.data[city] as Record<string, { totalCount: number }>)) {
        expect([city, field, value.totalCount]).toEqual([city, field, 0]);
      }
    }
    expect(upstreamRequests()).toBe(sent);
    expect(await graph.query(COUNTS)).toEqual(before);
  });

  it('still finds what the words match, and LIKE wildcards in a word are literal', async () => {
    const res = await graph.query('{ helsinki { cases(first: 1) { nodes { title } } } }');
    const word = (res.data.helsinki.cases.nodes[0].title as string).split(/\s+/).find((w) => w.length > 4)!;
    const found = await graph.query('query($text: String!) { helsinki { cases(filter: { text: $text }) { totalCount } } }', { text: word });
    expect(found.data.helsinki.cases.totalCount).toBeGreaterThan(0);
    for (const wildcard of ['%', '_', `${word.slice(0, 2)}%${word.slice(3)}`, `${word.slice(0, 2)}_${word.slice(3)}`]) {
      const none = await graph.query('query($text: String!) { helsinki { cases(filter: { text: $text }) { totalCount } } }', { text: wildcard });
      expect([wildcard, none.data.helsinki.cases.totalCount]).toEqual([wildcard, 0]);
    }
  });
});

describe('hostile ids', () => {
  const ids = ['../../organization', '{B0480A7A-2712-49B6-9938-02A1E52593C1}/../x', 'helsinki:decision:%2e%2e', '1 OR 1=1', '458902/../../x', '\u0000', 'x'.repeat(300)];
  const fields = [
    ['helsinki', 'decision'],
    ['helsinki', 'case'],
    ['helsinki', 'meeting'],
    ['amsterdam', 'meeting'],
    ['amsterdam', 'decision'],
    ['barcelona', 'body'],
  ] as const;

  it.each(fields)('%s.%s refuses every malformed id with BAD_USER_INPUT, sending nothing', async (city, field) => {
    const before = [graph.replica!.requests.length, graph.amsterdam!.replica!.requests.length];
    for (const id of ids) {
      const res = await graph.query(`query($id: ID!) { ${city} { ${field}(id: $id) { id } } }`, { id });
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
      expect(res.errors![0].message).toMatch(/is not a (well-formed )?\w+ \w+ id/);
    }
    expect([graph.replica!.requests.length, graph.amsterdam!.replica!.requests.length]).toEqual(before);
  });
});
