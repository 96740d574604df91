/**
 * Input validation, the same in every city and through the gateway: a wrong date, id, cursor, enum,
 * page size or text gives a clear error with a stable code naming the argument, while the other
 * cities in the same query still answer and the next request is unaffected.
 */
import { startGraph, type Graph } from './harness';

type CityId = 'helsinki' | 'amsterdam' | 'barcelona';
const CITY_IDS: CityId[] = ['helsinki', 'amsterdam', 'barcelona'];
/** A bounded period, so that Amsterdam's lists need no default window. */
const PERIOD = 'from: "2025-01-01", to: "2026-01-01"';

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph({ amsterdam: true, barcelona: true });
});
afterAll(async () => {
  await graph.close();
});

/** One city's decisions with `args` (the faulty part), the other two with sound ones. */
function query(city: CityId, args: string): string {
  return `{ ${CITY_IDS.map((c) => `${c} { decisions(${c === city ? args : `first: 1, filter: { ${PERIOD} }`}) { totalCount } }`).join(' ')} }`;
}

const RULES: Array<[string, string, string, RegExp]> = [
  ['a text over 200 characters', `filter: { ${PERIOD}, text: "${'a'.repeat(201)}" }`, 'filter.text', /201 characters long; at most 200 are allowed/],
  ['an empty text', `filter: { ${PERIOD}, text: "   " }`, 'filter.text', /must not be empty/],
  ['first over 100', 'first: 101', 'first', /0 to 100|between 0 and 100|at most 100/],
  ['a negative first', 'first: -1', 'first', /0 to 100|between 0 and 100|at least 0/],
  ['an impossible date', 'filter: { from: "2025-02-30", to: "2026-01-01" }', 'filter.from', /2025-02-30/],
  ['from not before to', 'filter: { from: "2025-06-01", to: "2025-06-01" }', 'filter.to', /after/],
  ['a malformed cursor', `after: "not-a-cursor", filter: { ${PERIOD} }`, 'after', /cursor/],
  ['a malformed body id', `filter: { ${PERIOD}, body: "<script>" }`, 'filter.body', /body/],
];

describe.each(CITY_IDS)('%s', (city) => {
  it.each(RULES)('%s gives BAD_USER_INPUT naming the argument; the other cities answer', async (_rule, args, argumentName, message) => {
    const res = await graph.query(query(city, args));
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(res.errors![0].message).toContain(`\`${argumentName}\``);
    expect(res.errors![0].message).toMatch(message);
    expect(res.data[city]).toBeNull();
    for (const other of CITY_IDS.filter((c) => c !== city)) expect(res.data[other].decisions.totalCount).toBeGreaterThanOrEqual(0);
    const next = await graph.query(query(city, `first: 2, filter: { ${PERIOD} }`));
    expect(next.errors).toBeUndefined();
  });
});

describe('schema-level checks, before any city is asked', () => {
  it('an unknown enum value is refused naming the enum', async () => {
    const res = await graph.query('{ helsinki { decisions(filter: { outcome: [PASSED] }) { totalCount } } }');
    expect(res.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(res.errors![0].message).toMatch(/"PASSED" does not exist in "Outcome" enum/);
  });

  it('the same through a variable is BAD_USER_INPUT', async () => {
    const res = await graph.query('query($o: [Outcome!]) { helsinki { decisions(filter: { outcome: $o }) { totalCount } } }', { o: ['PASSED'] });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.errors![0].message).toMatch(/\$o.*PASSED/);
  });

  it('a Date that is not YYYY-MM-DD is refused by the scalar, naming the format', async () => {
    const res = await graph.query('query($d: Date) { helsinki { decisions(filter: { from: $d }) { totalCount } } }', { d: '31.12.2025' });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.errors![0].message).toMatch(/YYYY-MM-DD/);
  });
});
