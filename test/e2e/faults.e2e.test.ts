/**
 * Misbehaving cities, through the gateway. Every fault of every replica's fault switch, toward each
 * of the four upstreams (Ahjo, Notubiz, Barcelona's plenary files, Decidim), gives a clear error with
 * a stable code naming the city; the other cities' data still comes back; and once the fault is
 * cleared the next request is answered. Barcelona, which keeps its last good files and Decidim
 * snapshot, serves those while its upstream fails, and says they are stale.
 */
import { startGraph, type Graph } from './harness';
import type { Faults } from '../../subgraphs/shared/replica';

type CityId = 'helsinki' | 'amsterdam' | 'barcelona';

interface Target {
  name: string;
  city: CityId;
  /** The root field asking this upstream; `n` varies it so no cache can answer. */
  field(n: number): string;
  /** The count it reads. */
  count(data: Record<string, any>): number; // eslint-disable-line @typescript-eslint/no-explicit-any
  faults(g: Graph): Faults;
  /** Requests the subgraph has sent to this upstream (retries included). */
  sent(g: Graph): number;
  /** Forgets what the subgraph keeps from this upstream, so the next request must reach it. */
  forget(g: Graph): Promise<void>;
  /** What the error says for each kind of garbage. */
  garbage: { html: RegExp; 'truncated-json': RegExp; 'wrong-envelope': RegExp };
}

const FIELDS: Record<CityId, (n: number) => string> = {
  helsinki: (n) => `helsinki { decisions(first: ${n}) { totalCount } }`,
  amsterdam: (n) => `amsterdam { meetings(first: ${n}, filter: { from: "2025-01-01", to: "2026-01-01" }) { totalCount } }`,
  barcelona: (n) => `barcelona { decisions(first: ${n}) { totalCount } }`,
};

const TARGETS: Target[] = [
  {
    name: 'Helsinki (Ahjo)',
    city: 'helsinki',
    field: FIELDS.helsinki,
    count: (d) => d.helsinki.decisions.totalCount,
    faults: (g) => g.replica!.faults,
    sent: (g) => g.subgraphService.upstream.requestCount,
    forget: async () => undefined, // no upstream cache in this graph
    garbage: { html: /not JSON/, 'truncated-json': /not JSON/, 'wrong-envelope': /without its "decisions" list/ },
  },
  {
    name: 'Amsterdam (Notubiz)',
    city: 'amsterdam',
    field: FIELDS.amsterdam,
    count: (d) => d.amsterdam.meetings.totalCount,
    faults: (g) => g.amsterdam!.replica!.faults,
    sent: (g) => g.amsterdam!.service.upstream.requestCount,
    forget: async () => undefined,
    garbage: { html: /not JSON/, 'truncated-json': /not JSON/, 'wrong-envelope': /without its "(events|organisations)" (list|object)/ },
  },
  {
    name: 'Barcelona (plenary files)',
    city: 'barcelona',
    field: FIELDS.barcelona,
    count: (d) => d.barcelona.decisions.totalCount,
    faults: (g) => g.barcelona!.replica.faults,
    sent: (g) => g.barcelona!.service.plenary.requestCount,
    forget: (g) => g.barcelona!.service.plenary.clear(),
    garbage: { html: /an HTML page instead of the CSV file/, 'truncated-json': /a file that does not parse/, 'wrong-envelope': /a file that does not parse/ },
  },
  {
    name: 'Barcelona (Decidim)',
    city: 'barcelona',
    field: (n) => `barcelona { proposals(first: ${n}) { totalCount } }`,
    count: (d) => d.barcelona.proposals.totalCount,
    faults: (g) => g.barcelona!.replica.faults,
    sent: (g) => g.barcelona!.service.decidim.requestCount,
    forget: (g) => g.barcelona!.service.decidim.clear(),
    garbage: { html: /not JSON/, 'truncated-json': /not JSON/, 'wrong-envelope': /GraphQL errors: no data/ },
  },
];

const FAULTS: Array<[string, Faults, string, RegExp | keyof Target['garbage']]> = [
  ['an HTML page with status 200', { garbage: 'html' }, 'UPSTREAM_BAD_RESPONSE', 'html'],
  ['truncated JSON', { garbage: 'truncated-json' }, 'UPSTREAM_BAD_RESPONSE', 'truncated-json'],
  ['a wrong envelope', { garbage: 'wrong-envelope' }, 'UPSTREAM_BAD_RESPONSE', 'wrong-envelope'],
  ['an oversized body', { oversizeBytes: 60 * 1024 * 1024 }, 'UPSTREAM_BAD_RESPONSE', /more than \d+ bytes/],
  ['a dropped connection', { drop: true }, 'UPSTREAM_UNAVAILABLE', /is unavailable: .*(ECONNRESET|socket|other side closed|fetch failed)/i],
  ['HTTP 502 from a proxy', { status: 502 }, 'UPSTREAM_UNAVAILABLE', /HTTP 502/],
  ['429 with a long Retry-After', { status: 429, retryAfter: 60 }, 'RATE_LIMITED', /HTTP 429: rate limited/],
  ['a body that trickles in', { slowBodyMs: 400 }, 'UPSTREAM_TIMEOUT', /no answer within 3000 ms/],
  ['a delay beyond the timeout', { delayMs: 4000 }, 'UPSTREAM_TIMEOUT', /no answer within 3000 ms/],
];

let graph: Graph;
let asked = 0;
/** All three cities in one query, named afresh each time so that no response cache answers it. */
function query(target: Target): string {
  const n = ++asked;
  const fields = { ...FIELDS, [target.city]: target.field };
  return `query Fault${n} { ${Object.values(fields).map((f) => f(1 + (n % 20))).join('\n')} }`;
}

function setFaults(faults: Faults, f: Faults): void {
  for (const k of Object.keys(faults)) delete faults[k as keyof Faults];
  Object.assign(faults, f);
}

beforeAll(async () => {
  // The breakers stay closed here (each fault must show its own code); resilience.e2e opens them.
  // Decidim's snapshot is due at every request (cache 0), so a failing Decidim shows at once.
  graph = await startGraph({ amsterdam: true, barcelona: { decidimCacheMs: 0 }, breaker: { volumeThreshold: 1000 } });
});
afterAll(async () => {
  await graph.close();
});

describe.each(TARGETS.map((t) => [t.name, t] as const))('%s misbehaving', (_name, target) => {
  const others = (Object.keys(FIELDS) as CityId[]).filter((c) => c !== target.city);

  it.each(FAULTS.map(([name, faults, code, message]) => ({ name, faults, code, message })))(`answering with $name gives $code naming the city, the other cities' data, and recovers`, async ({ faults, code, message }) => {
    await target.forget(graph);
    setFaults(target.faults(graph), faults);
    try {
      const res = await graph.query(query(target));
      expect(res.data![target.city]).toBeNull();
      for (const city of others) expect(res.data![city]).not.toBeNull();
      expect(res.errors).toHaveLength(1);
      const [error] = res.errors!;
      expect(error.extensions).toMatchObject({ code, city: target.city });
      expect(error.message).toMatch(typeof message === 'string' ? target.garbage[message] : message);
      expect(JSON.stringify(res.errors)).not.toMatch(/stack|at .*\.ts:\d+|127\.0\.0\.1/);
    } finally {
      setFaults(target.faults(graph), {});
    }
    const ok = await graph.query(query(target));
    expect(ok.errors).toBeUndefined();
    expect(target.count(ok.data)).toBeGreaterThan(0);
  }, 30000);
});

describe.each(TARGETS.filter((t) => t.city === 'barcelona').map((t) => [t.name, t] as const))('%s failing after a good answer', (_name, target) => {
  it('serves the last good copy, flagged stale with the reason, and the other cities as usual', async () => {
    await target.forget(graph);
    const good = await graph.query(query(target));
    expect(good.errors).toBeUndefined();
    setFaults(target.faults(graph), { status: 503 });
    try {
      const res = await graph.query(query(target));
      expect(res.errors).toBeUndefined();
      expect(target.count(res.data)).toBe(target.count(good.data));
      const stale = res.extensions?.stale as Array<Record<string, unknown>>;
      expect(stale.length).toBeGreaterThan(0);
      for (const note of stale) expect(note).toMatchObject({ city: 'barcelona', upstream: expect.any(String), fetchedAt: expect.any(String), reason: 'HTTP 503' });
      expect(JSON.stringify(stale)).not.toMatch(/127\.0\.0\.1/);
    } finally {
      setFaults(target.faults(graph), {});
    }
  });
});

describe('a circuit breaker toward every upstream', () => {
  // A graph each: a breaker judges the share of failures in its last 10 s, so earlier successes would delay it.
  let g: Graph;
  beforeEach(async () => {
    g = await startGraph({ amsterdam: true, barcelona: { decidimCacheMs: 0 }, breaker: { resetMs: 2000, volumeThreshold: 3 } });
  });
  afterEach(async () => {
    await g.close();
  });

  it.each(TARGETS.map((t) => [t.name, t] as const))('%s: opens after repeated failures, then answers at once; probes and closes once the city is back', async (_name, target) => {
    await target.forget(g);
    setFaults(target.faults(g), { drop: true });
    const ask = async () => {
      const started = Date.now();
      const res = await g.query(query(target));
      return { res, ms: Date.now() - started };
    };
    try {
      let open: { message: string; extensions?: Record<string, unknown> } | undefined;
      for (let i = 0; i < 10 && !open; i++) {
        const { res } = await ask();
        expect(res.data![target.city]).toBeNull();
        open = res.errors!.find((e) => e.extensions?.circuit === 'open');
      }
      expect(open?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', city: target.city, circuit: 'open' });
      expect(open!.message).toMatch(/circuit open after repeated failures/);
      const sent = target.sent(g);
      const { res, ms } = await ask();
      expect(res.errors![0].extensions).toMatchObject({ circuit: 'open' });
      expect(ms).toBeLessThan(1000);
      expect(target.sent(g)).toBe(sent); // an open circuit does not reach the city at all
    } finally {
      setFaults(target.faults(g), {});
    }
    await new Promise((r) => setTimeout(r, 2100));
    const back = await g.query(query(target));
    expect(back.errors).toBeUndefined();
    expect(target.count(back.data)).toBeGreaterThan(0);
  }, 30000);
});

describe('retries toward an upstream (one retry here)', () => {
  const helsinki = TARGETS[0];
  /** Requests Helsinki's subgraph sends to Ahjo for one fresh query, and the answer. */
  const measure = async () => {
    const sent = helsinki.sent(graph);
    const started = Date.now();
    const res = await graph.query(query(helsinki));
    return { res, sent: helsinki.sent(graph) - sent, ms: Date.now() - started };
  };
  let healthy: number;
  beforeAll(async () => {
    healthy = (await measure()).sent;
  });

  it.each([
    ['HTTP 502', { status: 502 }],
    ['dropped connection', { drop: true }],
    ['HTTP 503', { status: 503 }],
  ])('a passing %s is retried once and the answer is complete', async (_name, fault) => {
    setFaults(helsinki.faults(graph), { ...fault, times: 1 });
    const { res, sent } = await measure();
    expect(res.errors).toBeUndefined();
    expect(helsinki.count(res.data)).toBeGreaterThan(0);
    expect(sent).toBe(healthy + 1);
  });

  it('a 429 with a short Retry-After is waited out, then retried', async () => {
    setFaults(helsinki.faults(graph), { status: 429, retryAfter: 1, times: 1 });
    const { res, sent, ms } = await measure();
    expect(res.errors).toBeUndefined();
    expect(sent).toBe(healthy + 1);
    expect(ms).toBeGreaterThanOrEqual(1000);
  });

  it('retries are bounded: a failure that lasts gives its error after one retry', async () => {
    setFaults(helsinki.faults(graph), { status: 502, times: 10 });
    try {
      const { res, sent } = await measure();
      expect(res.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', city: 'helsinki', upstreamStatus: 502 });
      expect(sent).toBe(2);
    } finally {
      setFaults(helsinki.faults(graph), {});
    }
  });

  it('a timeout is not retried (that would double the wait)', async () => {
    setFaults(helsinki.faults(graph), { delayMs: 4000, times: 1 });
    const { res, sent } = await measure();
    expect(res.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', city: 'helsinki' });
    expect(sent).toBe(1);
  });
});

describe('the fault switch over HTTP', () => {
  it('PUT /__faults turns a fault on for every request, or for `times` requests, and {} turns it off', async () => {
    const replica = graph.amsterdam!.replica!.url;
    const put = (faults: Faults) => fetch(`${replica}/__faults`, { method: 'PUT', body: JSON.stringify(faults) }).then((r) => r.json());
    const status = async () => (await fetch(`${replica}/organisations?format=json&version=1.17.0`)).status;
    expect(await put({ status: 503 })).toEqual({ status: 503 });
    expect([await status(), await status()]).toEqual([503, 503]);
    expect(await put({})).toEqual({});
    expect(await status()).toBe(200);
    await put({ status: 502, times: 2 });
    expect([await status(), await status(), await status()]).toEqual([502, 502, 200]);
  });
});

describe('recovery after an outage', () => {
  it('the first query after the circuit\'s reset is answered in full, even when it fans out to many upstream requests at once', async () => {
    // With the organisations cached, an Amsterdam meetings list asks Notubiz for each organisation's events in parallel.
    const g = await startGraph({ amsterdam: true, cache: {}, breaker: { resetMs: 1000, volumeThreshold: 3 } });
    let period = 0;
    const meetings = () => g.query(`{ amsterdam { meetings(first: 1, filter: { from: "2025-01-${String(1 + period++).padStart(2, '0')}", to: "2026-01-01" }) { totalCount } } }`);
    try {
      expect((await meetings()).errors).toBeUndefined();
      const faults = g.amsterdam!.replica!.faults;
      faults.status = 502;
      let open = false;
      for (let i = 0; i < 10 && !open; i++) open = (await meetings()).errors!.some((e) => e.extensions?.circuit === 'open');
      expect(open).toBe(true);
      delete faults.status;
      await new Promise((r) => setTimeout(r, 1100));
      const first = await meetings();
      expect(first.errors).toBeUndefined();
      expect(first.data.amsterdam.meetings.totalCount).toBeGreaterThan(0);
    } finally {
      await g.close();
    }
  }, 30000);
});
