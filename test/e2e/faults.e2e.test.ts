/**
 * A misbehaving city, through the gateway: each fault of the replica's fault switch gives a clear,
 * coded error naming Helsinki, Amsterdam's data still comes back, and the next request is fine.
 */
import { startGraph, type Graph } from './harness';
import type { Faults } from '../../subgraphs/shared/replica';

let graph: Graph;
let asked = 0;
const query = () => `{
  helsinki { decisions(first: ${1 + (asked++ % 50)}) { totalCount } }
  amsterdam { meetings(first: 1, filter: { from: "2025-01-01", to: "2026-01-01" }) { totalCount } }
}`;

beforeAll(async () => {
  graph = await startGraph({ amsterdam: true, helsinkiBreakerResetMs: 200 });
});
afterAll(async () => {
  await graph.close();
});

function setFaults(f: Faults): void {
  const faults = graph.replica!.faults;
  for (const k of Object.keys(faults)) delete faults[k as keyof Faults];
  Object.assign(faults, f);
}

describe.each<[string, Faults, string, RegExp]>([
  ['an HTML page with status 200', { garbage: 'html' }, 'UPSTREAM_BAD_RESPONSE', /not JSON/],
  ['truncated JSON', { garbage: 'truncated-json' }, 'UPSTREAM_BAD_RESPONSE', /not JSON/],
  ['a wrong envelope', { garbage: 'wrong-envelope' }, 'UPSTREAM_BAD_RESPONSE', /without its "decisions" list/],
  ['an oversized body', { oversizeBytes: 60 * 1024 * 1024 }, 'UPSTREAM_BAD_RESPONSE', /more than \d+ bytes/],
  ['a dropped connection', { drop: true }, 'UPSTREAM_UNAVAILABLE', /Helsinki is unavailable/],
  ['HTTP 502 from a proxy', { status: 502 }, 'UPSTREAM_UNAVAILABLE', /HTTP 502/],
  ['429 with a long Retry-After', { status: 429, retryAfter: 60 }, 'RATE_LIMITED', /rate limited/],
  ['a body that trickles in', { slowBodyMs: 400 }, 'UPSTREAM_TIMEOUT', /no answer within/],
])('Helsinki answering with %s', (_name, faults, code, message) => {
  it(`gives ${code} for Helsinki, Amsterdam's data, and recovers`, async () => {
    setFaults(faults);
    try {
      const res = await graph.query(query());
      expect(res.data.helsinki).toBeNull();
      expect(res.data.amsterdam.meetings.totalCount).toBeGreaterThan(0);
      const error = res.errors!.find((e) => e.extensions?.city === 'helsinki')!;
      expect(error.extensions).toMatchObject({ code: expect.stringMatching(new RegExp(`^(${code}|UPSTREAM_UNAVAILABLE)$`)), city: 'helsinki' });
      if (error.extensions?.circuit !== 'open') {
        expect(error.extensions?.code).toBe(code);
        expect(error.message).toMatch(message);
      }
      expect(JSON.stringify(res.errors)).not.toMatch(/stack|at .*\.ts:\d+/);
    } finally {
      setFaults({});
    }
    // The circuit may have opened: after its reset time Helsinki answers again.
    await new Promise((r) => setTimeout(r, 300));
    const ok = await graph.query(query());
    expect(ok.errors).toBeUndefined();
    expect(ok.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
  }, 30000);
});
