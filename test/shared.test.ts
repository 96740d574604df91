/** Shared subgraph helpers: cursors, argument checks, upstream URLs, local times. */
import { decodeCursor, encodeCursor } from '../subgraphs/shared/pagination';
import { checkDateRange, checkFirst, checkLang, parseId } from '../subgraphs/shared/args';
import { GraphQLError } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamClient } from '../subgraphs/shared/upstream';
import { UpstreamError } from '../subgraphs/shared/errors';
import { createLogger } from '../subgraphs/shared/logger';
import { localDate, localMillis, localToOffset } from '../subgraphs/shared/time';

function codeOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return (e as GraphQLError).extensions;
  }
  return 'no error';
}

describe('cursors', () => {
  it('round-trip, and a malformed cursor is refused naming `after` (paging itself: test/store.test.ts)', () => {
    expect(codeOf(() => decodeCursor('not-a-cursor'))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(codeOf(() => decodeCursor(Buffer.from('["c1",1,2]').toString('base64url')))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(decodeCursor(encodeCursor(['2025-01-01', 'x']))).toEqual(['2025-01-01', 'x']);
  });
});

describe('argument checks', () => {
  it('bounds first to 0..100', () => {
    expect(checkFirst(undefined)).toBe(20);
    expect(checkFirst(0)).toBe(0);
    expect(checkFirst(100)).toBe(100);
    expect(codeOf(() => checkFirst(1000))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    expect(codeOf(() => checkFirst(-1))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('checks dates and their order', () => {
    expect(checkDateRange({ from: '2025-01-01', to: '2025-02-01' })).toEqual({ from: '2025-01-01', to: '2025-02-01' });
    expect(codeOf(() => checkDateRange({ from: '2025-02-30' }))).toMatchObject({ argumentName: 'filter.from' });
    expect(codeOf(() => checkDateRange({ to: '31.1.2025' }))).toMatchObject({ argumentName: 'filter.to' });
    expect(codeOf(() => checkDateRange({ from: '2025-02-01', to: '2025-02-01' }))).toMatchObject({ argumentName: 'filter.to' });
  });

  it('checks language codes and ids', () => {
    expect(checkLang('sv')).toBe('sv');
    expect(codeOf(() => checkLang('swedish'))).toMatchObject({ argumentName: 'lang' });
    const opts = { city: 'helsinki', type: 'case', valid: /^HEL-\d{4}-\d{6}$/, example: 'HEL-2021-012054' };
    expect(parseId('helsinki:case:HEL-2021-012054', opts)).toBe('HEL-2021-012054');
    expect(parseId('HEL-2021-012054', opts)).toBe('HEL-2021-012054');
    expect(codeOf(() => parseId('amsterdam:case:1', opts))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    expect(codeOf(() => parseId('../../etc/passwd', opts))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('upstream URLs', () => {
  const client = new UpstreamClient({ city: 'test', upstream: 'Test API', baseUrl: 'http://127.0.0.1:1/api/v1/', timeoutMs: 1000, retries: 0, userAgent: 'test', logger: createLogger('test', 'silent') });

  it('escapes every path segment and query value, so input cannot add segments or parameters', () => {
    const url = new URL(client.url(['cases', 'HEL 1/../x?y#z'], { q: 'a&resolved=true#x', page: 0, empty: '', none: undefined }));
    expect(url.pathname).toBe('/api/v1/cases/HEL%201%2F..%2Fx%3Fy%23z');
    expect(decodeURIComponent(url.pathname.split('/').pop()!)).toBe('HEL 1/../x?y#z');
    expect([...url.searchParams.entries()]).toEqual([['q', 'a&resolved=true#x'], ['page', '0']]);
    expect(url.hash).toBe('');
  });

  it('refuses "." and ".." segments, which URL parsers would resolve', () => {
    expect(() => client.url(['module_items', '..', 'x'])).toThrow(/refusing the path segment "\.\."/);
    expect(() => client.url(['.'])).toThrow(/refusing/);
    expect(client.url([])).toBe('http://127.0.0.1:1/api/v1');
  });
});

describe('local times', () => {
  it('gives local times without offset the zone\'s offset, DST included, in both upstream forms', () => {
    expect(localToOffset('2021-12-14T16:00:00.000', 'Europe/Helsinki')).toBe('2021-12-14T16:00:00+02:00');
    expect(localToOffset('2021-06-14T16:00:00.000', 'Europe/Helsinki')).toBe('2021-06-14T16:00:00+03:00');
    expect(localToOffset('2018-02-08 13:30:00', 'Europe/Amsterdam')).toBe('2018-02-08T13:30:00+01:00');
    // Remembered conversions answer the same, zone by zone.
    expect(localToOffset('2018-02-08 13:30:00', 'Europe/Helsinki')).toBe('2018-02-08T13:30:00+02:00');
    expect(localToOffset('2021-06-14T16:00:00.000', 'Europe/Helsinki')).toBe('2021-06-14T16:00:00+03:00');
  });

  it('reads dates and instants, and gives null for "" and for what is not a time', () => {
    expect(localDate('2021-12-31T23:30:00.000', 'Europe/Helsinki')).toBe('2021-12-31');
    expect(localMillis('2021-06-14T16:00:00.000', 'Europe/Helsinki')).toBe(Date.parse('2021-06-14T13:00:00Z'));
    for (const value of ['', null, undefined, 'not a time', '2021-02-30T10:00:00']) {
      expect(localToOffset(value, 'Europe/Helsinki')).toBeNull();
      expect(localMillis(value, 'Europe/Helsinki')).toBeNull();
    }
  });
});

describe('the upstream body limit', () => {
  // A city that answers with more than the limit: declared (refused unread) and chunked (read up to
  // the limit, then refused). Both are UPSTREAM_BAD_RESPONSE, never a timeout or an out-of-memory.
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const body = 'x'.repeat(64 * 1024);
      if (req.url?.startsWith('/declared')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
        res.end(body);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no length to refuse up front
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const client = () =>
    new UpstreamClient({ city: 'test', upstream: 'Test API', baseUrl: base, timeoutMs: 5000, retries: 2, userAgent: 'test', logger: createLogger('test', 'silent'), maxBodyBytes: 1024 });

  it.each(['declared', 'chunked'])('refuses a %s body over the limit as UPSTREAM_BAD_RESPONSE, once (no retries)', async (kind) => {
    const c = client();
    const failure = await c.send({ segments: [kind] }, (r) => r.text).then(
      () => undefined,
      (e: UpstreamError) => e,
    );
    expect(failure).toBeInstanceOf(UpstreamError);
    expect(failure!.kind).toBe('bad_response'); // UPSTREAM_BAD_RESPONSE in GraphQL errors and sources.lastError
    expect(failure!.message).toMatch(kind === 'declared' ? /more than 1024 bytes \(Content-Length 65536\)/ : /more than 1024 bytes$/);
    expect(c.requestCount).toBe(1);
  });
});
