/**
 * Misbehaving cities. Every fault of every replica's fault switch, toward each of the four
 * upstreams (Ahjo, Notubiz, Barcelona's plenary files, Decidim), makes that upstream's sync fail
 * with a clear error and a stable code (in `sources.lastError`), while the city keeps answering from
 * its last good copy, flagged stale, and the other cities are untouched; once the fault is cleared
 * the next sync completes. Then: a circuit breaker per upstream, retries, the fault switch itself.
 */
import { startGraph, type Graph } from './harness';
import type { Faults } from '../../subgraphs/shared/replica';
import type { RunReport } from '../../subgraphs/shared/sync/runner';

type CityId = 'helsinki' | 'amsterdam' | 'barcelona';

interface Target {
  name: string;
  city: CityId;
  /** The upstream's key in the city's sync and `sources`. */
  key: string;
  /** Its name in errors and stale notes. */
  upstream: string | RegExp;
  /** A root field answered from this upstream's copy, and the count it reads. */
  field: string;
  count(data: Record<string, any>): number; // eslint-disable-line @typescript-eslint/no-explicit-any
  faults(g: Graph): Faults;
  /** Requests the subgraph has sent to this upstream (retries included). */
  sent(g: Graph): number;
  /** One sync of this upstream. */
  sync(g: Graph): Promise<RunReport>;
  /** What the error says for each kind of garbage. */
  garbage: { html: RegExp; 'truncated-json': RegExp; 'wrong-envelope': RegExp };
}

const only = async (g: Graph, city: CityId, key: string): Promise<RunReport> => {
  const service = city === 'helsinki' ? g.subgraphService : city === 'amsterdam' ? g.amsterdam!.service : g.barcelona!.service;
  const reports = await service.sync.runOnce({ only: [key] });
  return reports!.find((r) => r.upstream === key)!;
};

const TARGETS: Target[] = [
  {
    name: 'Helsinki (Ahjo)',
    city: 'helsinki',
    key: 'ahjo',
    upstream: 'Ahjo REST API',
    field: 'helsinki { decisions(first: 1) { totalCount } }',
    count: (d) => d.helsinki.decisions.totalCount,
    faults: (g) => g.replica!.faults,
    sent: (g) => g.subgraphService.upstream.requestCount,
    sync: (g) => only(g, 'helsinki', 'ahjo'),
    garbage: { html: /not JSON/, 'truncated-json': /not JSON/, 'wrong-envelope': /without its "decisionMakers" list/ },
  },
  {
    name: 'Amsterdam (Notubiz)',
    city: 'amsterdam',
    key: 'notubiz',
    upstream: 'Notubiz API',
    field: 'amsterdam { meetings(first: 1) { totalCount } }',
    count: (d) => d.amsterdam.meetings.totalCount,
    faults: (g) => g.amsterdam!.replica!.faults,
    sent: (g) => g.amsterdam!.service.upstream.requestCount,
    sync: (g) => only(g, 'amsterdam', 'notubiz'),
    garbage: { html: /not JSON/, 'truncated-json': /not JSON/, 'wrong-envelope': /without its "organisations" object/ },
  },
  {
    name: 'Barcelona (plenary files)',
    city: 'barcelona',
    key: 'mandat_actual',
    upstream: /plenary file/,
    field: 'barcelona { decisions(first: 1) { totalCount } }',
    count: (d) => d.barcelona.decisions.totalCount,
    faults: (g) => g.barcelona!.replica.faults,
    sent: (g) => g.barcelona!.service.plenary!.requestCount,
    sync: (g) => only(g, 'barcelona', 'mandat_actual'),
    garbage: { html: /an HTML page instead of the CSV file/, 'truncated-json': /does not parse|header/, 'wrong-envelope': /does not parse|header/ },
  },
  {
    name: 'Barcelona (Decidim)',
    city: 'barcelona',
    key: 'decidim',
    upstream: 'Decidim API',
    field: 'barcelona { proposals(first: 1) { totalCount } }',
    count: (d) => d.barcelona.proposals.totalCount,
    faults: (g) => g.barcelona!.replica.faults,
    sent: (g) => g.barcelona!.service.decidim.requestCount,
    sync: (g) => only(g, 'barcelona', 'decidim'),
    garbage: { html: /not JSON/, 'truncated-json': /not JSON/, 'wrong-envelope': /GraphQL errors|no data/ },
  },
];

const OTHERS: Record<CityId, string> = {
  helsinki: 'helsinki { decisions(first: 1) { totalCount } }',
  amsterdam: 'amsterdam { decisions(first: 1) { totalCount } }',
  barcelona: 'barcelona { meetings(first: 1) { totalCount } }',
};

const FAULTS: Array<[string, Faults, string, RegExp | keyof Target['garbage']]> = [
  ['an HTML page with status 200', { garbage: 'html' }, 'UPSTREAM_BAD_RESPONSE', 'html'],
  ['truncated JSON', { garbage: 'truncated-json' }, 'UPSTREAM_BAD_RESPONSE', 'truncated-json'],
  ['a wrong envelope', { garbage: 'wrong-envelope' }, 'UPSTREAM_BAD_RESPONSE', 'wrong-envelope'],
  ['an oversized body', { oversizeBytes: 60 * 1024 * 1024 }, 'UPSTREAM_BAD_RESPONSE', /more than \d+ bytes/],
  ['a dropped connection', { drop: true }, 'UPSTREAM_UNAVAILABLE', /ECONNRESET|socket|other side closed|fetch failed/i],
  ['HTTP 502 from a proxy', { status: 502 }, 'UPSTREAM_UNAVAILABLE', /HTTP 502/],
  ['429 with a long Retry-After', { status: 429, retryAfter: 60 }, 'RATE_LIMITED', /HTTP 429: rate limited/],
  ['a body that trickles in', { slowBodyMs: 400 }, 'UPSTREAM_TIMEOUT', /no answer within 3000 ms/],
  ['a delay beyond the timeout', { delayMs: 4000 }, 'UPSTREAM_TIMEOUT', /no answer within 3000 ms/],
];

let graph: Graph;
let asked = 0;
/** The target's field and the other cities' in one query, worded afresh each time so that no response cache answers it. */
function query(target: Target): string {
  const fields = { ...OTHERS, [target.city]: target.field };
  return `query Fault${++asked} { ${Object.values(fields).join('\n')} }`;
}

function setFaults(faults: Faults, f: Faults): void {
  for (const k of Object.keys(faults)) delete faults[k as keyof Faults];
  Object.assign(faults, f);
}

beforeAll(async () => {
  // The breakers stay closed here (each fault must show its own code); a test below opens them.
  graph = await startGraph({ amsterdam: true, barcelona: true, breaker: { volumeThreshold: 1000 } });
});
afterAll(async () => {
  await graph.close();
});

describe.each(TARGETS.map((t) => [t.name, t] as const))('%s misbehaving during a sync', (_name, target) => {
  it.each(FAULTS.map(([name, faults, code, message]) => ({ name, faults, code, message })))('answering with $name: the sync fails with $code, the copy keeps serving (stale), the next sync completes', async ({ faults, code, message }) => {
    const before = await graph.query(query(target));
    expect(before.errors).toBeUndefined();
    setFaults(target.faults(graph), faults);
    let report: RunReport;
    try {
      report = await target.sync(graph);
    } finally {
      setFaults(target.faults(graph), {});
    }
    expect(report.ok).toBe(false);
    expect(report.error!.code).toBe(code);
    expect(report.error!.message).toMatch(typeof message === 'string' ? target.garbage[message] : message);

    const res = await graph.query(query(target));
    expect(res.errors).toBeUndefined();
    expect(target.count(res.data)).toBe(target.count(before.data));
    for (const city of Object.keys(OTHERS)) expect(res.data[city]).not.toBeNull();
    const stale = res.extensions?.stale as Array<{ city: string; upstream: string; reason: string }>;
    expect(stale).toEqual([expect.objectContaining({ city: target.city, upstream: expect.stringMatching(target.upstream), fetchedAt: expect.any(String) })]);
    expect(JSON.stringify(res)).not.toMatch(/at .*\.ts:\d+|127\.0\.0\.1/);
    const sources = await graph.query(`{ ${target.city} { sources { key lastError { code } } } }`);
    expect(sources.data[target.city].sources.find((s: { key: string }) => s.key === target.key).lastError).toEqual({ code });

    expect((await target.sync(graph)).ok).toBe(true);
    const after = await graph.query(query(target));
    expect(after.errors).toBeUndefined();
    expect(after.extensions?.stale).toBeUndefined();
    expect(target.count(after.data)).toBe(target.count(before.data));
  });
});

describe('a circuit breaker toward every upstream', () => {
  // One graph for all four: a breaker judges the share of failures in its last 10 s, so the first
  // sync's successes must have left that window before failures can open it.
  let g: Graph;
  beforeAll(async () => {
    g = await startGraph({ amsterdam: true, barcelona: true, breaker: { resetMs: 2000, volumeThreshold: 3 } });
    await new Promise((r) => setTimeout(r, 10500));
  });
  afterAll(async () => {
    await g.close();
  });

  it.each(TARGETS.map((t) => [t.name, t] as const))('%s: opens after repeated failed syncs, then fails at once without asking; probes and closes once the city is back', async (_name, target) => {
    setFaults(target.faults(g), { drop: true });
    try {
      let report: RunReport | undefined;
      for (let i = 0; i < 10 && !report?.error?.circuitOpen; i++) report = await target.sync(g);
      expect(report!.error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', circuitOpen: true, message: expect.stringMatching(/circuit open after repeated failures/) });
      const sent = target.sent(g);
      const started = Date.now();
      expect((await target.sync(g)).error).toMatchObject({ circuitOpen: true });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(target.sent(g)).toBe(sent); // an open circuit does not reach the city at all
    } finally {
      setFaults(target.faults(g), {});
    }
    await new Promise((r) => setTimeout(r, 2100));
    expect((await target.sync(g)).ok).toBe(true);
  });

  it('after the reset, the next full sync, with its concurrent detail requests, completes', async () => {
    const target = TARGETS[1];
    setFaults(target.faults(g), { status: 502 });
    // The previous test's successful syncs are still in the breaker's 10 s window: fail until it opens.
    let report: RunReport | undefined;
    const deadline = Date.now() + 20000;
    while (!report?.error?.circuitOpen && Date.now() < deadline) {
      report = await target.sync(g);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(report!.error?.circuitOpen).toBe(true);
    setFaults(target.faults(g), {});
    await new Promise((r) => setTimeout(r, 2100));
    const reports = await g.amsterdam!.service.sync.runOnce({ full: true });
    expect(reports![0]).toMatchObject({ ok: true, run: { full: true } });
    expect(reports![0].run.fetched).toBeGreaterThan(20);
  });
});

describe('retries toward an upstream (one retry here)', () => {
  const helsinki = TARGETS[0];
  /** Requests a sync of Ahjo sends, its report and how long it took. */
  const measure = async () => {
    const sent = helsinki.sent(graph);
    const started = Date.now();
    const report = await helsinki.sync(graph);
    return { report, sent: helsinki.sent(graph) - sent, ms: Date.now() - started };
  };
  let healthy: number;
  beforeAll(async () => {
    healthy = (await measure()).sent;
  });

  it.each([
    ['HTTP 502', { status: 502 }],
    ['dropped connection', { drop: true }],
    ['HTTP 503', { status: 503 }],
  ])('a passing %s is retried once and the sync completes', async (_name, fault) => {
    setFaults(helsinki.faults(graph), { ...fault, times: 1 });
    const { report, sent } = await measure();
    expect(report.ok).toBe(true);
    expect(sent).toBe(healthy + 1);
  });

  it('a 429 with a short Retry-After is waited out, then retried', async () => {
    setFaults(helsinki.faults(graph), { status: 429, retryAfter: 1, times: 1 });
    const { report, sent, ms } = await measure();
    expect(report.ok).toBe(true);
    expect(sent).toBe(healthy + 1);
    expect(ms).toBeGreaterThanOrEqual(1000);
  });

  it('retries are bounded: a failure that lasts gives its error after one retry', async () => {
    setFaults(helsinki.faults(graph), { status: 502, times: 10 });
    try {
      const { report, sent } = await measure();
      expect(report.error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 502 });
      expect(sent).toBe(2);
    } finally {
      setFaults(helsinki.faults(graph), {});
    }
    expect((await measure()).report.ok).toBe(true);
  });

  it('a timeout is not retried (that would double the wait)', async () => {
    setFaults(helsinki.faults(graph), { delayMs: 4000, times: 1 });
    const { report, sent } = await measure();
    expect(report.error).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(sent).toBe(1);
    expect((await measure()).report.ok).toBe(true);
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
