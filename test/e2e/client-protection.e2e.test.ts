/**
 * Protecting the graph from clients and clients from internals: rate limiting per client
 * (RateLimit-* headers, 429 with Retry-After and
 * RATE_LIMITED, a budget per API key else per IP, counters shared through Redis), and errors
 * masked in production.
 */
import crypto from 'node:crypto';
import { startGateway, startGraph, type Graph } from './harness';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph.close();
});

async function gateway(perMinute: number, redisUrl?: string, apiKeys: string[] = ['team-a']) {
  return startGateway({ subgraphUrls: { helsinki: graph.subgraph.url }, rateLimitPerMinute: perMinute, apiKeys, cache: { redisUrl, maxEntries: 100, timeoutMs: 500 } });
}

const ask = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ helsinki { name } }' }) });

it('counts per client and answers 429 with Retry-After over the limit', async () => {
  const g = await gateway(5);
  try {
    for (let i = 0; i < 5; i++) {
      const res = await ask(g.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe('5');
      expect(res.headers.get('ratelimit-remaining')).toBe(String(4 - i));
      await res.text();
    }
    const over = await ask(g.url);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await over.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/5 a minute/);
    // A registered API key has its own budget; health checks are never limited.
    expect((await ask(g.url, { 'x-api-key': 'team-a' })).status).toBe(200);
    expect((await fetch(g.url.replace('/graphql', '/health'))).status).toBe(200);
  } finally {
    await g.close();
  }
});

it('shares counters between gateways through Redis', async () => {
  const key = `run-${crypto.randomBytes(6).toString('hex')}`;
  const a = await gateway(3, REDIS_URL, [key]);
  const b = await gateway(3, REDIS_URL, [key]);
  await new Promise((r) => setTimeout(r, 500)); // let both connect to Redis (until then each counts in memory)
  try {
    for (let i = 0; i < 3; i++) expect((await ask(i % 2 ? a.url : b.url, { 'x-api-key': key })).status).toBe(200);
    expect((await ask(b.url, { 'x-api-key': key })).status).toBe(429);
    expect((await ask(a.url, { 'x-api-key': key })).status).toBe(429);
  } finally {
    await a.close();
    await b.close();
  }
});

it('masks internal addresses in production errors, keeping code and city', async () => {
  const running = await startGateway({ subgraphUrls: { helsinki: 'http://127.0.0.1:9/graphql' }, subgraphTimeoutMs: 2000, maskErrors: true });
  try {
    const res = await ask(running.url);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0].extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'helsinki' });
    expect(body.errors[0].message).not.toMatch(/127\.0\.0\.1|http:/);
    expect(JSON.stringify(body)).not.toMatch(/serviceName|stacktrace|subgraph|bad port/);
    // A client can quote the request id (the logs carry it with the details).
    expect(body.errors[0].extensions.requestId).toBe(res.headers.get('x-request-id'));
  } finally {
    await running.close();
  }
});
