/**
 * Readiness, the parts that need no city: how an upstream's sync state and probe combine into ready or
 * not (with reasons an operator reads), its settings from the environment, which credentials are
 * missing, and the probe itself against real HTTP servers on loopback. The whole path: e2e/readiness.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { combineReadiness, defaultReadyMaxAgeS, probeUpstream, shownUrl, upstreamReadiness, type Probe, type UpstreamSyncState } from '../subgraphs/shared/readiness';
import { readinessSettingsFromEnv, unsetCredentials } from '../subgraphs/shared/env';
import { cityById } from '../schema/cities';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const ago = (s: number) => new Date(NOW - s * 1000).toISOString();
const answered: Probe = { reachable: true, status: 404, error: null, at: ago(1), via: 'probe' };
const refused: Probe = { reachable: false, status: null, error: 'ECONNREFUSED (nothing listens there)', at: ago(1), via: 'probe' };
const ahjo = (over: Partial<UpstreamSyncState> = {}): UpstreamSyncState => ({ key: 'ahjo', name: 'Ahjo REST API', url: 'http://127.0.0.1:4101/ahjorest/v1', lastSuccessAt: ago(60), syncing: false, lastError: null, ...over });

describe('one upstream: synced, fresh, reachable', () => {
  it('is ready with no reasons when all three hold', () => {
    const u = upstreamReadiness(ahjo(), answered, 3600, NOW);
    expect(u).toMatchObject({ synced: true, fresh: true, reachable: true, reasons: [] });
    expect(combineReadiness([u])).toEqual({ ready: true, reasons: [] });
  });

  it('is not ready before a completed sync, saying whether one runs or why the last failed', () => {
    expect(upstreamReadiness(ahjo({ lastSuccessAt: null, syncing: true }), answered, 3600, NOW).reasons).toEqual(['Ahjo REST API: no completed sync yet (the first sync is running)']);
    const failed = upstreamReadiness(ahjo({ lastSuccessAt: null, lastError: { message: 'Ahjo REST API GET /decisions: HTTP 401: credentials missing or rejected' } }), answered, 0, NOW);
    expect(failed).toMatchObject({ synced: false, fresh: false, reachable: true });
    expect(failed.reasons).toEqual(['Ahjo REST API: no completed sync yet; the last attempt failed: Ahjo REST API GET /decisions: HTTP 401: credentials missing or rejected']);
    expect(combineReadiness([failed]).ready).toBe(false);
    // Not probed before a first sync (the sync is asking it): not ready for that reason alone.
    const unprobed = upstreamReadiness(ahjo({ lastSuccessAt: null }), null, 3600, NOW);
    expect(unprobed).toMatchObject({ synced: false, reachable: null, probe: null, reasons: ['Ahjo REST API: no completed sync yet'] });
    expect(combineReadiness([unprobed]).ready).toBe(false);
  });

  it('is not ready when the last success is older than the max age, saying how old; max age 0 checks no age', () => {
    const old = upstreamReadiness(ahjo({ lastSuccessAt: ago(3 * 3600 + 120) }), answered, 3600, NOW);
    expect(old).toMatchObject({ synced: true, fresh: false, reachable: true });
    expect(old.reasons).toEqual(['Ahjo REST API: last successful sync 3 hours ago, more than READY_MAX_AGE_S=3600']);
    expect(upstreamReadiness(ahjo({ lastSuccessAt: ago(3600) }), answered, 3600, NOW).fresh).toBe(true);
    expect(upstreamReadiness(ahjo({ lastSuccessAt: ago(400 * 86400) }), answered, 0, NOW)).toMatchObject({ fresh: true, reasons: [] });
  });

  it('is not ready when the upstream does not answer, naming the reason and the URL (without credentials)', () => {
    const down = upstreamReadiness(ahjo({ url: 'http://user:secret@127.0.0.1:4101/ahjorest/v1' }), refused, 3600, NOW);
    expect(down).toMatchObject({ synced: true, fresh: true, reachable: false, url: 'http://127.0.0.1:4101/ahjorest/v1' });
    expect(down.reasons).toEqual(['Ahjo REST API unreachable: ECONNREFUSED (nothing listens there) at http://127.0.0.1:4101/ahjorest/v1']);
    expect(JSON.stringify(down)).not.toContain('secret');
  });
});

describe('a city of several upstreams', () => {
  it('is ready only when every upstream is, with every reason of those that are not', () => {
    const files = upstreamReadiness({ ...ahjo(), key: 'mandat_actual', name: 'Barcelona plenary file a.csv', url: 'http://x/a.csv' }, answered, 3600, NOW);
    const decidim = upstreamReadiness({ ...ahjo(), key: 'decidim', name: 'Decidim API', url: 'http://x/api' }, { ...refused, error: 'HTTP 502', status: 502 }, 3600, NOW);
    expect(combineReadiness([files, decidim])).toEqual({ ready: false, reasons: ['Decidim API unreachable: HTTP 502 at http://x/api'] });
    expect(combineReadiness([files])).toEqual({ ready: true, reasons: [] });
    expect(combineReadiness([])).toEqual({ ready: true, reasons: [] });
  });
});

describe('settings', () => {
  it('READY_MAX_AGE_S defaults to three sync intervals, at least an hour, and to no age check without a background sync', () => {
    expect(defaultReadyMaxAgeS(300)).toBe(3600);
    expect(defaultReadyMaxAgeS(7200)).toBe(21600);
    expect(defaultReadyMaxAgeS(0)).toBe(0);
    expect(readinessSettingsFromEnv({})).toEqual({ maxAgeS: 3600, cacheMs: 5000 });
    expect(readinessSettingsFromEnv({ SYNC_INTERVAL_S: '3600' })).toEqual({ maxAgeS: 10800, cacheMs: 5000 });
    expect(readinessSettingsFromEnv({ READY_MAX_AGE_S: '0', READY_CACHE_MS: '250' })).toEqual({ maxAgeS: 0, cacheMs: 250 });
    expect(() => readinessSettingsFromEnv({ READY_MAX_AGE_S: 'an hour' })).toThrow('READY_MAX_AGE_S must be a non-negative integer (got "an hour").');
  });

  it('names the credential variable left unset while the live service is used, not when a replica or another address is', () => {
    const helsinki = cityById('helsinki');
    const [missing, ...more] = unsetCredentials(helsinki, {});
    expect(more).toEqual([]);
    expect(missing).toMatchObject({ variable: 'HELSINKI_AHJO_TOKEN', url: helsinki.upstreams[0].liveBaseUrl });
    expect(unsetCredentials(helsinki, { HELSINKI_AHJO_TOKEN: 'x' })).toEqual([]);
    expect(unsetCredentials(helsinki, { HELSINKI_AHJO_URL: 'http://127.0.0.1:4101/ahjorest/v1' })).toEqual([]);
    // A city whose upstreams take no credential.
    expect(unsetCredentials(cityById('amsterdam'), {})).toEqual([]);
  });
});

describe('the probe (real HTTP on loopback)', () => {
  const servers: http.Server[] = [];
  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });
  async function serve(handler: http.RequestListener): Promise<string> {
    const server = http.createServer(handler);
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  }

  it('counts any answer below 500 as reachable, sending the agent it is given', async () => {
    const agents: Array<string | undefined> = [];
    const url = await serve((req, res) => {
      agents.push(req.headers['user-agent']);
      res.writeHead(404).end();
    });
    expect(await probeUpstream(url, { userAgent: 'city-decision-graph tests' })).toMatchObject({ reachable: true, status: 404, error: null, via: 'probe' });
    expect(agents).toEqual(['city-decision-graph tests']);
  });

  it('does not follow a redirect, and does not read a body (a city file may be large)', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/api') return void res.writeHead(302, { location: '/elsewhere' }).end();
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write('a'.repeat(1 << 16)); // the rest never comes: a reader waiting for it would hang
    });
    expect(await probeUpstream(url)).toMatchObject({ reachable: true, status: 302 });
    expect(await probeUpstream(url.replace('/api', '/file.csv'), { timeoutMs: 5000 })).toMatchObject({ reachable: true, status: 200 });
  });

  it('counts a 5xx, a refused connection and silence as unreachable, saying which', async () => {
    const failing = await serve((_req, res) => void res.writeHead(503).end());
    expect(await probeUpstream(failing)).toMatchObject({ reachable: false, status: 503, error: 'HTTP 503' });
    const silent = await serve(() => undefined);
    expect(await probeUpstream(silent, { timeoutMs: 200 })).toMatchObject({ reachable: false, status: null, error: 'no answer within 0.2 s' });
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await probeUpstream(`http://127.0.0.1:${port}/`)).toMatchObject({ reachable: false, error: 'ECONNREFUSED (nothing listens there)' });
  });

  it('shows URLs without user and password', () => {
    expect(shownUrl('https://me:pw@example.org/api?x=1')).toBe('https://example.org/api?x=1');
    expect(shownUrl('not a url')).toBe('not a url');
  });
});
