/**
 * Hostile HTTP against the gateway, over real sockets (issue 12): a body that never ends, slow
 * clients, JSON nested 400,000 deep, an edge cache that must not replay answers across Accept,
 * credentials or CSRF checks, automatic persisted queries with a wrong hash or too large, and
 * production errors that must not name internals. Every vector is its own test, bounded in time,
 * and the gateway must still answer a normal query afterwards.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { buildGateway } from '../../gateway/server';
import { SUPERGRAPH_FILE } from '../../schema/cities';
import type { RunningService } from '../../subgraphs/shared/server';
import { logger as silent, slowProxy, startGraph, type Graph, type GraphQLResponse } from './harness';
import { metric } from './metrics';
import { freePort } from './process';

jest.setTimeout(20000);

const QUERY = '{ helsinki { name } }';
const LIMIT = 64 * 1024;

let graph: Graph;
const running: Array<{ close(): Promise<void> }> = [];
beforeAll(async () => {
  graph = await startGraph();
}, 120000);
afterAll(async () => {
  for (const r of running.splice(0)) await r.close().catch(() => undefined);
  await graph.close();
});

type Settings = Partial<Parameters<typeof buildGateway>[0]>;

/** A gateway over the test's Helsinki subgraph with the settings under test, and its logs when asked. */
async function gatewayWith(settings: Settings = {}, logs?: string[]): Promise<RunningService & { port: number }> {
  const logger = logs ? pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) })) : silent;
  const service = await buildGateway({ supergraphSdl: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'), subgraphUrls: { helsinki: graph.subgraph.url }, subgraphTimeoutMs: 5000, rateLimitPerMinute: 0, ...settings }, logger);
  const r = await service.listen(0);
  running.push(r);
  return r;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse };
}

/** The gateway still answers an ordinary query. */
async function expectHealthy(url: string) {
  const res = await post(url, { query: QUERY });
  expect(res.status).toBe(200);
  expect(res.body.data.helsinki.name).toBe('Helsinki');
}

const portOf = (url: string) => Number(new URL(url).port);

interface RawOutcome {
  /** The response as received (status line, headers, body). */
  response: string;
  /** Body bytes written by the client. */
  sent: number;
  /** Milliseconds from the start: when the client had sent more than the limit, got the first response byte, saw the connection end. */
  passedAt?: number;
  answeredAt?: number;
  closedAt?: number;
}

/**
 * Sends `head` and then body chunks as fast as the socket takes them, forever (or `pace` ms apart,
 * `chunk` bytes each), until the server closes the connection or `deadlineMs` passes.
 */
function rawRequest(port: number, head: string, opts: { chunked?: boolean; chunk?: string; pace?: number; limit?: number; deadlineMs: number; headByteByByte?: boolean; headOnly?: boolean }): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    const out: RawOutcome = { response: '', sent: 0 };
    const socket = net.connect(port, '127.0.0.1');
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      out.closedAt ??= Date.now() - started;
      clearTimeout(deadline);
      socket.destroy();
      resolve(out);
    };
    const deadline = setTimeout(() => {
      done = true;
      socket.destroy();
      resolve(out);
    }, opts.deadlineMs);
    socket.on('data', (d) => {
      out.answeredAt ??= Date.now() - started;
      out.response += d.toString('latin1');
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', () => undefined); // EPIPE/ECONNRESET once the server has closed: expected
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const write = (data: string) => new Promise<void>((r) => (socket.write(data) ? r() : socket.once('drain', r)));
    socket.on('connect', async () => {
      if (opts.headByteByByte) {
        for (let i = 0; !done; i = (i + 1) % head.length) {
          socket.write(head[i]);
          await sleep(opts.pace ?? 50);
        }
        return;
      }
      socket.write(head);
      if (opts.headOnly) return;
      const chunk = opts.chunk ?? 'x'.repeat(16 * 1024);
      const framed = opts.chunked ? `${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n` : chunk;
      while (!done && !socket.destroyed) {
        await write(framed);
        out.sent += Buffer.byteLength(chunk);
        if (opts.limit !== undefined && out.sent > opts.limit) out.passedAt ??= Date.now() - started;
        if (opts.pace) await sleep(opts.pace);
      }
    });
  });
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
const jsonOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as GraphQLResponse;

describe('a chunked body that never ends', () => {
  const endless = (path: string, contentType = 'application/json') => `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${contentType}\r\nTransfer-Encoding: chunked\r\n\r\n`;

  async function expectCutOff(port: number, head: string) {
    const out = await rawRequest(port, head, { chunked: true, limit: LIMIT, deadlineMs: 8000 });
    expect(statusOf(out.response)).toBe(413);
    expect(jsonOf(out.response).errors![0].extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 'request size', max: LIMIT });
    expect(out.response).toMatch(/\r\nconnection: close\r\n/i);
    // Answered well under a second after the limit was passed, and the connection closed at once.
    expect(out.passedAt).toBeDefined();
    expect(out.answeredAt! - out.passedAt!).toBeLessThan(750);
    expect(out.closedAt).toBeDefined();
    expect(out.closedAt! - out.answeredAt!).toBeLessThan(750);
    // The server stopped reading: what the client got to send is what fits in socket buffers.
    expect(out.sent).toBeLessThan(LIMIT + 64 * 1024 * 1024);
  }

  it.each([
    ['with the edge cache', {}],
    ['without the edge cache', { edgeCacheEntries: 0 }],
  ])('to /graphql %s gets 413 as soon as it passes the limit, and the connection is closed', async (_name, settings) => {
    const gw = await gatewayWith({ maxRequestBytes: LIMIT, ...settings });
    await expectCutOff(gw.port, endless('/graphql'));
    await expectHealthy(gw.url);
  });

  it.each([
    ['a path Express routes to Apollo (/GraphQL/x)', '/GraphQL/x', 'application/json'],
    ['a body that is not JSON', '/graphql', 'text/plain'],
    ['a path nothing serves', '/nowhere', 'application/json'],
  ])('%s is cut off the same way', async (_name, path, contentType) => {
    const gw = await gatewayWith({ maxRequestBytes: LIMIT, edgeCacheEntries: 0 });
    await expectCutOff(gw.port, endless(path, contentType));
    await expectHealthy(gw.url);
  });

  it('a Content-Length over the limit gets 413 before any of the body is sent', async () => {
    const gw = await gatewayWith({ maxRequestBytes: LIMIT });
    const out = await rawRequest(gw.port, `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${LIMIT * 1000}\r\n\r\n`, { pace: 200, chunk: 'x', deadlineMs: 5000 });
    expect(statusOf(out.response)).toBe(413);
    expect(out.answeredAt).toBeLessThan(1000);
    expect(out.closedAt).toBeDefined();
    await expectHealthy(gw.url);
  });

  it('an answer given before the body is read (429) closes the connection instead of reading on', async () => {
    const gw = await gatewayWith({ maxRequestBytes: LIMIT, rateLimitPerMinute: 1 });
    expect((await post(gw.url, { query: QUERY })).status).toBe(200);
    const out = await rawRequest(gw.port, endless('/graphql'), { chunked: true, deadlineMs: 8000 });
    expect(statusOf(out.response)).toBe(429);
    expect(out.response).toMatch(/\r\nconnection: close\r\n/i);
    expect(out.closedAt).toBeDefined();
    expect(out.closedAt! - out.answeredAt!).toBeLessThan(750);
    expect(out.sent).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('slow clients', () => {
  const timeouts = { headersTimeoutMs: 500, requestTimeoutMs: 1500, keepAliveTimeoutMs: 300 };

  it('headers sent byte by byte (slowloris) are cut off by the header timeout', async () => {
    const gw = await gatewayWith(timeouts);
    const out = await rawRequest(gw.port, `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ${'a'.repeat(200)}`, { headByteByByte: true, pace: 50, deadlineMs: 6000 });
    expect(out.closedAt).toBeDefined();
    expect(out.closedAt!).toBeLessThan(500 + 1000);
    expect(statusOf(out.response)).toBe(408);
    await expectHealthy(gw.url);
  });

  it('a body sent byte by byte is cut off by the request timeout', async () => {
    const gw = await gatewayWith(timeouts);
    const out = await rawRequest(gw.port, 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n', { chunk: ' ', pace: 50, deadlineMs: 6000 });
    expect(out.closedAt).toBeDefined();
    expect(out.closedAt!).toBeLessThan(1500 + 1000);
    expect(out.closedAt!).toBeGreaterThanOrEqual(1400);
    expect(statusOf(out.response)).toBe(408);
    await expectHealthy(gw.url);
  });

  it('a slow answer is not cut: the request timeout stops once the request is received', async () => {
    const slow = await slowProxy(graph.subgraph.url, 1600);
    running.push(slow);
    const gw = await gatewayWith({ ...timeouts, requestTimeoutMs: 1000, subgraphUrls: { helsinki: slow.url }, edgeCacheEntries: 0, responseCache: false });
    const started = Date.now();
    const res = await post(gw.url, { query: '{ helsinki { decisions(first: 1) { totalCount } } }' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const gw = await gatewayWith(timeouts);
    const body = JSON.stringify({ query: QUERY });
    const out = await rawRequest(gw.port, `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`, { headOnly: true, deadlineMs: 6000 });
    expect(statusOf(out.response)).toBe(200);
    expect(out.response).toMatch(/keep-alive/i);
    // Node adds a second to the advertised timeout before it closes.
    expect(out.closedAt).toBeDefined();
    expect(out.closedAt!).toBeLessThan(300 + 1000 + 1000);
  });
});

describe('JSON nested deeper than the limit', () => {
  const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
  const withVariable = (value: string) => `{"query":"query($v: String) { helsinki { name } }","variables":{"v":${value}}}`;

  const cases: Array<[string, string]> = [
    ['an array 400,000 deep in variables', withVariable(deepArray(400000))],
    ['an object 100,000 deep in variables', withVariable(deepObject(100000))],
    ['an array just over the limit', withVariable(deepArray(70))],
    ['an object deep in extensions', `{"query":"{ helsinki { name } }","extensions":{"x":${deepObject(1000)}}}`],
  ];

  describe.each([
    ['with the edge cache', {}],
    ['without the edge cache', { edgeCacheEntries: 0 }],
  ])('%s', (_name, settings) => {
    let gw: RunningService;
    beforeAll(async () => {
      gw = await gatewayWith(settings);
    });

    it.each(cases)('%s gets 400 BAD_REQUEST naming the limit, and the next query is answered', async (_case, body) => {
      const res = await post(gw.url, body);
      expect(res.status).toBe(400);
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 'JSON depth', max: 64 });
      expect(res.body.errors![0].message).toMatch(/more than 64 levels deep.*MAX_JSON_DEPTH/);
      await expectHealthy(gw.url);
    });
  });

  it('in a GET query string gets the same 400', async () => {
    const gw = await gatewayWith();
    const url = `${gw.url}?query=${encodeURIComponent('query($v: String) { helsinki { name } }')}&variables=${encodeURIComponent(`{"v":${deepArray(1000)}}`)}`;
    const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as GraphQLResponse).errors![0].extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 'JSON depth' });
    // A sound GET is answered.
    const ok = await fetch(`${gw.url}?query=${encodeURIComponent(QUERY)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(((await ok.json()) as GraphQLResponse).data.helsinki.name).toBe('Helsinki');
  });

  it('a configured limit is the one applied, counting the body as level 1', async () => {
    const gw = await gatewayWith({ maxJsonDepth: 2 });
    const query = 'query($n: Int) { helsinki { decisions(first: $n) { totalCount } } }';
    const over = await post(gw.url, { query, variables: { n: [1] } });
    expect(over.status).toBe(400);
    expect(over.body.errors![0].extensions).toMatchObject({ code: 'BAD_REQUEST', max: 2 });
    const within = await post(gw.url, { query, variables: { n: 1 } });
    expect(within.status).toBe(200);
    expect(within.body.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
  });
});

describe('the edge cache keeps answers apart', () => {
  let gw: RunningService;
  beforeAll(async () => {
    gw = await gatewayWith();
  });
  const edgeHits = () => metric(gw.url, 'cdg_gateway_cache_total', { layer: 'edge', status: 'HIT' });
  /** Sends `query` until the edge cache holds it (a second identical request is an edge hit). */
  async function primed(query: string, headers: Record<string, string> = {}) {
    await post(gw.url, { query }, headers);
    const before = await edgeHits();
    await post(gw.url, { query }, headers);
    expect(await edgeHits()).toBe(before + 1);
  }
  const unique = () => `{ helsinki { name id: __typename } } # ${crypto.randomUUID()}`;

  it('by Accept: another media type is not served the stored bytes', async () => {
    const q = unique();
    await primed(q, { accept: 'application/json' });
    const before = await edgeHits();
    const other = await post(gw.url, { query: q }, { accept: 'application/graphql-response+json' });
    expect(other.status).toBe(200);
    expect(other.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
    expect(await edgeHits()).toBe(before);
    // Not acceptable at all: Apollo's 406, never a stored 200.
    const none = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/html' }, body: JSON.stringify({ query: q }) });
    expect(none.status).toBe(406);
    expect(await edgeHits()).toBe(before);
  });

  it('by credential: Authorization and x-api-key with the same value are two clients', async () => {
    const q = unique();
    await primed(q, { authorization: 'k1' });
    const before = await edgeHits();
    await post(gw.url, { query: q }, { 'x-api-key': 'k1' });
    await post(gw.url, { query: q }, { authorization: 'k1', 'x-api-key': 'k2' });
    await post(gw.url, { query: q });
    expect(await edgeHits()).toBe(before);
  });

  it('by CSRF checks: a simple request never gets a stored answer, but Apollo\'s CSRF 400', async () => {
    const q = unique();
    await primed(q);
    const before = await edgeHits();
    for (const contentType of ['text/plain', 'text/plain; charset=json', 'application/x-www-form-urlencoded']) {
      const res = await post(gw.url, { query: q }, { 'content-type': contentType });
      expect(res.status).toBe(400);
      expect(res.body.errors![0].message).toMatch(/Cross-Site Request Forgery/);
    }
    // A text/plain request with the preflight header passes CSRF but is never stored either, so the
    // same request without it is refused again.
    const withPreflight = { 'content-type': 'text/plain; charset=json', 'apollo-require-preflight': 'true' };
    await post(gw.url, { query: q }, withPreflight);
    await post(gw.url, { query: q }, withPreflight);
    const blocked = await post(gw.url, { query: q }, { 'content-type': 'text/plain; charset=json' });
    expect(blocked.body.errors![0].message).toMatch(/Cross-Site Request Forgery/);
    // The preflight headers are part of the key too.
    await post(gw.url, { query: q }, { 'apollo-require-preflight': 'true' });
    await post(gw.url, { query: q }, { 'x-apollo-operation-name': 'Q' });
    expect(await edgeHits()).toBe(before);
  });
});

describe('automatic persisted queries', () => {
  const sha = (q: string) => crypto.createHash('sha256').update(q).digest('hex');
  const apq = (hash: string, query?: string) => ({ ...(query !== undefined ? { query } : {}), extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

  function expectMismatch(status: number, body: GraphQLResponse) {
    expect(status).toBe(400);
    expect(body.errors![0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_HASH_MISMATCH' });
    expect(body.errors![0].message).toMatch(/sha256 of `query` does not match `extensions\.persistedQuery\.sha256Hash`/);
  }

  it.each([
    ['with the edge cache', {}],
    ['without the edge cache', { edgeCacheEntries: 0 }],
  ])('a hash that does not match the query gets 400 PERSISTED_QUERY_HASH_MISMATCH (%s)', async (_name, settings) => {
    const gw = await gatewayWith(settings);
    const res = await post(gw.url, apq(sha('{ helsinki { id } }'), QUERY));
    expectMismatch(res.status, res.body);
    expect(res.body.errors![0].message).toContain(sha(QUERY));
    await expectHealthy(gw.url);
  });

  it('the same through GET', async () => {
    const gw = await gatewayWith();
    const res = await fetch(`${gw.url}?query=${encodeURIComponent(QUERY)}&extensions=${encodeURIComponent(JSON.stringify(apq('0'.repeat(64)).extensions))}`, { headers: { 'apollo-require-preflight': 'true' } });
    expectMismatch(res.status, (await res.json()) as GraphQLResponse);
  });

  it('a query over MAX_PERSISTED_QUERY_BYTES is not registered (400), runs without the extension, and a small one registers', async () => {
    const gw = await gatewayWith({ maxPersistedQueryBytes: 1024 });
    const big = `${QUERY} # ${'x'.repeat(2000)}`;
    const res = await post(gw.url, apq(sha(big), big));
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_TOO_LARGE', max: 1024, actual: Buffer.byteLength(big) });
    expect(res.body.errors![0].message).toMatch(/at most 1024 bytes \(MAX_PERSISTED_QUERY_BYTES\)/);
    const notStored = await post(gw.url, apq(sha(big)));
    expect(notStored.body.errors![0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    expect((await post(gw.url, { query: big })).body.data.helsinki.name).toBe('Helsinki');
    // Within the limit: registered, then the hash alone runs it.
    expect((await post(gw.url, apq(sha(QUERY), QUERY))).body.data.helsinki.name).toBe('Helsinki');
    expect((await post(gw.url, apq(sha(QUERY)))).body.data.helsinki.name).toBe('Helsinki');
  });
});

describe('errors in production name no internals', () => {
  /** A TCP server that accepts and closes at once (a crashed subgraph), or never answers. */
  async function brokenServer(mode: 'close' | 'silent'): Promise<string> {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => {
      sockets.add(s);
      if (mode === 'close') s.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    running.push({ close: () => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))) });
    return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/graphql`;
  }

  const INTERNALS = /serviceName|subgraph|127\.0\.0\.1|localhost|http:|[\w.\]]:\d{2,5}\b|ECONN|ETIMEDOUT|UND_ERR|EOPENBREAKER|TimeoutError|fetch failed|stacktrace/;

  async function expectClean(subgraphUrl: string, detail: RegExp, settings: Settings = {}) {
    const logs: string[] = [];
    const gw = await gatewayWith({ maskErrors: true, subgraphUrls: { helsinki: subgraphUrl }, subgraphTimeoutMs: 500, ...settings }, logs);
    const res = await post(gw.url, { query: QUERY });
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const error = res.body.errors![0];
    expect(error.extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'helsinki', requestId });
    expect(error.message).toMatch(/^Helsinki is unavailable right now/);
    expect(JSON.stringify(res.body)).not.toMatch(INTERNALS);
    // The details are in the logs, with the same request id.
    const logged = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.requestId === requestId);
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).toMatch(detail);
    return { gw, logs };
  }

  it('a city whose subgraph refuses connections', async () => {
    const port = await freePort();
    await expectClean(`http://127.0.0.1:${port}/graphql`, new RegExp(`127\\.0\\.0\\.1:${port}.*ECONNREFUSED`));
  });

  it('a city whose subgraph closes the connection', async () => {
    await expectClean(await brokenServer('close'), /UND_ERR_SOCKET|other side closed|ECONNRESET|socket/);
  });

  it('a city whose subgraph never answers', async () => {
    await expectClean(await brokenServer('silent'), /no answer within 500 ms/);
  });

  it('a city whose circuit is open', async () => {
    const logs: string[] = [];
    const gw = await gatewayWith({ maskErrors: true, subgraphUrls: { helsinki: `http://127.0.0.1:${await freePort()}/graphql` }, subgraphBreakerResetMs: 60000 }, logs);
    let res: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 20 && res?.body.errors?.[0].extensions?.circuit !== 'open'; i++) res = await post(gw.url, { query: QUERY });
    expect(res!.body.errors![0].extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'helsinki', circuit: 'open', requestId: res!.headers.get('x-request-id') });
    expect(JSON.stringify(res!.body)).not.toMatch(INTERNALS);
    expect(logs.join('\n')).toContain(res!.headers.get('x-request-id'));
  });

  it('without masking, errors keep their details and carry the request id too', async () => {
    const gw = await gatewayWith({ maskErrors: false, subgraphUrls: { helsinki: `http://127.0.0.1:${await freePort()}/graphql` } });
    const res = await post(gw.url, { query: QUERY });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', requestId: res.headers.get('x-request-id') });
    expect(res.body.errors![0].message).toMatch(/ECONNREFUSED/);
  });
});
