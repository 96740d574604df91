/**
 * Hostile input, through the gateway. What a user types reaches a city's interface only as data: a
 * text filter arrives at Ahjo as exactly one `q` value, unchanged, and adds no parameter, path or
 * fragment; a malformed id is refused with BAD_USER_INPUT before any request is sent; filters that
 * the subgraphs apply themselves (Amsterdam, Barcelona) never reach the city at all.
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

/** The replica's request log entries since `from`, parsed. */
function requestsSince(log: string[], from: number): URL[] {
  return log.slice(from).map((r) => new URL(`http://replica${r.replace(/^GET /, '')}`));
}

describe('a text filter sent to Ahjo as `q`', () => {
  it.each(HOSTILE)('%j arrives as one unchanged q value, nothing more', async (text) => {
    const from = graph.replica!.requests.length;
    const res = await graph.query('query($text: String!) { helsinki { cases(filter: { text: $text }) { totalCount } } }', { text });
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.cases.totalCount).toBe(0);
    const sent = requestsSince(graph.replica!.requests, from);
    expect(sent.length).toBeGreaterThan(0);
    for (const url of sent) {
      expect(url.pathname).toBe('/ahjorest/v1/cases');
      expect(url.hash).toBe('');
      expect([...url.searchParams.keys()].sort()).toEqual(['page', 'q', 'size']);
      expect(url.searchParams.getAll('q')).toEqual([text.trim()]);
      expect(url.searchParams.get('size')).toBe('50');
    }
  });

  it('still finds what the words match', async () => {
    const res = await graph.query('{ helsinki { cases(first: 1) { nodes { title } } } }');
    const word = (res.data.helsinki.cases.nodes[0].title as string).split(/\s+/).find((w) => w.length > 4)!;
    const found = await graph.query('query($text: String!) { helsinki { cases(filter: { text: $text }) { totalCount } } }', { text: word });
    expect(found.data.helsinki.cases.totalCount).toBeGreaterThan(0);
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

describe('filters the subgraphs apply themselves', () => {
  it.each(HOSTILE)('%j never reaches Notubiz; Amsterdam and Barcelona answer', async (text) => {
    const from = graph.amsterdam!.replica!.requests.length;
    const res = await graph.query(
      `query($text: String!) {
        amsterdam { decisions(filter: { text: $text, from: "2025-01-01", to: "2026-01-01" }) { totalCount } }
        barcelona { decisions(filter: { text: $text }) { totalCount } proposals(text: $text) { totalCount } }
      }`,
      { text },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.amsterdam.decisions.totalCount).toBe(0);
    for (const url of requestsSince(graph.amsterdam!.replica!.requests, from)) {
      expect(decodeURIComponent(url.href)).not.toContain(text.trim());
      expect([...url.searchParams.keys()].every((k) => ['organisation_id', 'date_from', 'date_to', 'page', 'format', 'version'].includes(k))).toBe(true);
    }
  });
});
