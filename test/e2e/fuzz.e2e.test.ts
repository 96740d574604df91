/**
 * Two generators thrown at the gateway. Random filter inputs (fast-check): never a 5xx, never a crash,
 * always data or a GraphQL error with a code; hostile strings reach the replicas only as encoded data.
 * Random queries built from the schema (./query-generator): one client must never take the graph down.
 */
import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { postGraphQL, startGraph, type Graph, type GraphQLResponse } from './harness';
import { metric } from './metrics';
import { generateQuery, parseSeed, querySeed, type GeneratedQuery, type Pools } from './query-generator';

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph({ amsterdam: true, barcelona: true });
});
afterAll(async () => {
  await graph.close();
});

const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom("'; DROP TABLE decisions; --", '../../etc/passwd', '%00%2e%2e/', '{"$ne":null}', '<script>alert(1)</script>', 'a&b=c?d#e', '\u0000\u0001\u001f', '😀'.repeat(30), 'x'.repeat(500)),
);
const date = fc.oneof(fc.constant(undefined), fc.constantFrom('2025-01-01', '2025-02-30', '31.12.2025', '', '2025-1-1'), hostile);
const filter = fc.record({ text: fc.option(hostile, { nil: undefined }), from: date, to: date, body: fc.option(hostile, { nil: undefined }), category: fc.option(hostile, { nil: undefined }) }, { requiredKeys: [] });

const QUERY = `query($f: DecisionFilter, $first: Int, $after: String, $id: ID!) {
  helsinki { decisions(filter: $f, first: $first, after: $after) { totalCount } decision(id: $id) { id } }
  amsterdam { decisions(filter: $f, first: $first, after: $after) { totalCount } }
  barcelona { decisions(filter: $f, first: $first, after: $after) { totalCount } }
}`;

it('answers every random filter with data or coded GraphQL errors, never a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(filter, fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: undefined }), fc.option(hostile, { nil: undefined }), hostile, async (f, first, after, id) => {
      const res = await fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY, variables: { f, first, after, id } }),
      });
      expect(res.status).toBeLessThan(500);
      const body = (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
      expect(body.data !== undefined || body.errors !== undefined).toBe(true);
      for (const e of body.errors ?? []) {
        expect(e.extensions?.code).toBeTruthy();
        expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      }
    }),
    { numRuns: 60 },
  );
  // Still serving, and every upstream request stayed a well-formed, encoded URL.
  const ok = await graph.query('{ helsinki { name } }');
  expect(ok.errors).toBeUndefined();
  for (const r of graph.replica!.requests) expect(r).toMatch(/^GET \/ahjorest\/v1\/[A-Za-z0-9/%._~-]*(\?[A-Za-z0-9%._~=&+-]*)?$/);
}, 120000);

/**
 * Random valid (and some deliberately wrong or oversized) queries built from the schema the gateway
 * serves: one client sending them must never take the graph down. Every answer comes in time, is
 * JSON with data and/or errors, every error has a code, no 5xx; afterwards every service still
 * answers. Over-limit queries may be refused (QUERY_TOO_COMPLEX …): they are counted, and the run must
 * hold both answered and refused queries, so the generator is neither trivial nor always over limits.
 * A fixed seed replays the run; FUZZ_SEED overrides it, FUZZ_VERBOSE=1 prints the summary when passing.
 */
describe('random queries built from the schema', () => {
  /** Fixed (the issue's number), so every run sends the same queries; FUZZ_SEED picks another set. */
  const SEED = process.env.FUZZ_SEED ? parseSeed(process.env.FUZZ_SEED) : 12;
  /** About 5 s of queries on a healthy graph (on top of the graph's start). */
  const COUNT = 300;
  /**
   * Target: each answer (or refusal) within this, measured at the client. The gateway runs in this
   * process, so a query that blocks its event loop shows as the time it blocked.
   */
  const BUDGET_MS = 5000;
  /** A request still unanswered after this is given up (and counted), so the run always reports. */
  const ABORT_MS = 20000;
  /** The whole run stops generating after this, so a pathological run reports instead of timing out. */
  const RUN_DEADLINE_MS = 180000;
  /** The test process holds the gateway, three subgraphs with their PGlite stores and the replicas. */
  const RSS_GROWTH_BOUND_MIB = 768;

  interface Outcome {
    index: number;
    query: string;
    variables: Record<string, unknown>;
    features: string[];
    status: number;
    ms: number;
    kind: 'ok' | 'partial' | 'rejected' | 'violation';
    codes: string[];
    problems: string[];
  }

  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(ABORT_MS) });

  async function run(index: number, q: GeneratedQuery): Promise<Outcome> {
    const out: Outcome = { index, ...q, status: 0, ms: 0, kind: 'violation', codes: [], problems: [] };
    const started = performance.now();
    let text: string;
    try {
      const res = await post(graph.gatewayUrl, { query: q.query, variables: q.variables });
      out.status = res.status;
      text = await res.text();
    } catch (e) {
      out.ms = Math.round(performance.now() - started);
      out.problems.push(`no answer within ${ABORT_MS} ms (${(e as Error).name})`);
      return out;
    }
    out.ms = Math.round(performance.now() - started);
    let body: GraphQLResponse | undefined;
    try {
      body = JSON.parse(text) as GraphQLResponse;
    } catch {
      out.problems.push(`not JSON: ${text.slice(0, 200)}`);
    }
    const first = body?.errors?.[0];
    if (out.status >= 500) out.problems.push(`HTTP ${out.status}${first ? `: ${first.extensions?.code} ${first.message}` : ''}`);
    if (out.ms > BUDGET_MS) out.problems.push(`answered in ${out.ms} ms, over the ${BUDGET_MS} ms budget${first ? ` (${first.extensions?.code} ${first.message})` : ''}`);
    if (body) {
      if (body.data === undefined && body.errors === undefined) out.problems.push('neither data nor errors');
      for (const e of body.errors ?? []) {
        const code = e.extensions?.code;
        if (typeof code !== 'string' || !code) out.problems.push(`error without extensions.code: ${e.message}`);
        // A crash inside a service is a bug even when the answer is well-formed.
        else if (code === 'INTERNAL_SERVER_ERROR') out.problems.push(`INTERNAL_SERVER_ERROR: ${e.message}`);
        if (typeof code === 'string' && !out.codes.includes(code)) out.codes.push(code);
      }
      if (!out.problems.length) out.kind = body.data === undefined || body.data === null ? 'rejected' : body.errors?.length ? 'partial' : 'ok';
    }
    return out;
  }

  /** After a slow answer the gateway may still be busy: wait until it answers /health promptly, so the next query is judged alone. */
  async function settle(): Promise<void> {
    const until = Date.now() + 60000;
    while (Date.now() < until) {
      const t = performance.now();
      const ok = await health(graph.gatewayUrl).then((s) => s === 200);
      if (ok && performance.now() - t < 200) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const health = (graphqlUrl: string): Promise<number | string> =>
    fetch(graphqlUrl.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(5000) }).then(
      async (r) => (await r.text(), r.status),
      (e: Error) => e.message,
    );

  const rss = async () => (await metric(graph.gatewayUrl, 'process_resident_memory_bytes')) / 1048576;

  /** Real ids and cursors from the graph, so that lookups and `after` sometimes find data. */
  async function samplePools(): Promise<Pools> {
    const list = (name: string) => `${name}(first: 10) { pageInfo { endCursor } nodes { id } }`;
    const res = await graph.query(`{ helsinki { ...P } amsterdam { ...P } barcelona { ...P } } fragment P on City { ${['decisions', 'meetings', 'cases', 'bodies'].map(list).join(' ')} }`);
    expect(res.errors).toBeUndefined();
    const pools: Pools = { ids: {}, cursors: {} };
    for (const city of ['helsinki', 'amsterdam', 'barcelona']) {
      pools.cursors[city] = [];
      for (const [list, kind] of [['decisions', 'decision'], ['meetings', 'meeting'], ['cases', 'case'], ['bodies', 'body']]) {
        const conn = res.data[city][list] as { pageInfo: { endCursor: string | null }; nodes: Array<{ id: string }> };
        pools.ids[`${city}:${kind}`] = conn.nodes.map((n) => n.id);
        if (conn.pageInfo.endCursor) pools.cursors[city].push(conn.pageInfo.endCursor);
      }
    }
    return pools;
  }

  it(`answers every query in time with data or coded errors, never a 5xx, and stays up (seed ${SEED}, ${COUNT} queries)`, async () => {
    // The schema as clients see it: introspected through the gateway.
    const intro = await graph.query(getIntrospectionQuery());
    expect(intro.errors).toBeUndefined();
    const schema = buildClientSchema(intro.data as IntrospectionQuery);
    const pools = await samplePools();

    const started = Date.now();
    const rssStart = await rss();
    let rssMax = rssStart;
    const outcomes: Outcome[] = [];
    for (let i = 0; i < COUNT && Date.now() - started < RUN_DEADLINE_MS; i++) {
      const outcome = await run(i, generateQuery(schema, querySeed(SEED, i), pools));
      outcomes.push(outcome);
      if (outcome.ms > BUDGET_MS) await settle();
      if (i % 25 === 24) rssMax = Math.max(rssMax, await rss());
    }
    const runMs = Date.now() - started;
    rssMax = Math.max(rssMax, await rss());

    // Afterwards every service still answers /health and a simple query, through the gateway and directly.
    const after: string[] = [];
    const subgraphs = { helsinki: graph.subgraph.url, amsterdam: graph.amsterdam!.subgraph.url, barcelona: graph.barcelona!.subgraph.url };
    for (const [name, url] of [['gateway', graph.gatewayUrl], ...Object.entries(subgraphs)]) {
      const status = await health(url);
      if (status !== 200) after.push(`${name} /health: ${status}`);
    }
    for (const [city, url] of Object.entries(subgraphs)) {
      const direct = await postGraphQL(url, `{ ${city} { name } }`).catch((e: Error) => ({ errors: [{ message: e.message }] }) as GraphQLResponse);
      if (direct.errors || !direct.data?.[city]?.name) after.push(`${city} subgraph: ${JSON.stringify(direct).slice(0, 300)}`);
    }
    const normal = await graph.query('{ helsinki { name decisions(first: 3) { totalCount nodes { id title } } } amsterdam { name decisions(first: 3) { totalCount } } barcelona { name decisions(first: 3) { totalCount } } }');
    if (normal.errors || !normal.data?.helsinki?.decisions?.nodes?.length) after.push(`normal query through the gateway: ${JSON.stringify(normal).slice(0, 300)}`);

    // The report: distribution of outcomes and codes, the slowest queries, and every violation with its exact query.
    const count = (keys: string[]) => Object.entries(keys.reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {})).sort((a, b) => b[1] - a[1]);
    const kinds = Object.fromEntries(count(outcomes.map((o) => o.kind)));
    const codes = count(outcomes.flatMap((o) => o.codes));
    const show = (o: Outcome) =>
      `#${o.index} (FUZZ_SEED=${SEED}; HTTP ${o.status}, ${o.ms} ms; ${o.features.join(', ') || 'plain'}): ${o.problems.join('; ')}\n  query: ${o.query.replace(/\n/g, '\n         ')}\n  variables: ${JSON.stringify(o.variables)}`;
    // Violations grouped by what went wrong (numbers and quoted names aside), the shortest queries first:
    // one cause found by many queries reads as one finding.
    const groups = new Map<string, Outcome[]>();
    for (const o of outcomes.filter((x) => x.kind === 'violation')) {
      const key = o.problems.map((p) => p.replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"')).join('; ');
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    const violations = [...groups.values()].map((os) => {
      const sorted = [...os].sort((a, b) => a.query.length - b.query.length);
      return `${os.length} ${os.length === 1 ? 'query' : 'queries'}, e.g.:\n${sorted.slice(0, 3).map(show).join('\n')}${os.length > 3 ? `\n  (also #${sorted.slice(3).map((o) => o.index).join(', #')})` : ''}`;
    });
    const problems = [
      ...violations,
      ...after,
      ...(outcomes.length < COUNT ? [`only ${outcomes.length} of ${COUNT} queries ran within ${RUN_DEADLINE_MS} ms`] : []),
      ...(kinds.ok ? [] : ['no query was answered without errors: the generator only produces refused or failing queries']),
      ...(kinds.rejected ? [] : ['no query was refused: the generator never reaches a limit']),
      ...(codes.some(([c]) => c === 'QUERY_TOO_COMPLEX') ? [] : ['no QUERY_TOO_COMPLEX: the limits were never exercised']),
      ...(rssMax - rssStart > RSS_GROWTH_BOUND_MIB ? [`memory grew from ${rssStart} to ${rssMax} MiB RSS (bound: +${RSS_GROWTH_BOUND_MIB})`] : []),
    ];
    const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 3);
    const summary = [
      `seed ${SEED}: ${outcomes.length} queries in ${runMs} ms; outcomes ${JSON.stringify(kinds)}`,
      `codes (queries with each): ${codes.map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`,
      `features: ${count(outcomes.flatMap((o) => o.features)).map(([f, n]) => `${f} ${n}`).join(', ')}`,
      `slowest: ${slowest.map((o) => `#${o.index} ${o.ms} ms`).join(', ')}; RSS ${rssStart} → max ${rssMax} MiB`,
    ].join('\n');
    if (process.env.FUZZ_VERBOSE) console.log(`${summary}\nslowest query: ${slowest[0] && show(slowest[0])}`);
    if (problems.length) throw new Error(`${problems.length} problem(s); replay with FUZZ_SEED=${SEED}\n${summary}\n\n${problems.join('\n\n')}`);
  }, 300000);
});
