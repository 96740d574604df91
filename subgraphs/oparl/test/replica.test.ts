/**
 * The OParl replica over HTTP on loopback: paging by `links.next` visits every object of a list
 * exactly once; `modified_since` returns only what changed since, deleted objects included as
 * `{deleted: true}`; the spec's examples are served verbatim with ids on the replica's origin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../../schema/cities';
import type { RunningService } from '../../shared/server';
import { createOParlReplica, type OParlReplica } from '../replica/server';
import { UpstreamClient } from '../../shared/upstream';
import { createLogger } from '../../shared/logger';
import { chooseBody, OParlClient } from '../upstream/oparl';

const DATA_DIR = path.join(ROOT_DIR, 'replicas', 'willich');
const readData = (name: string) => JSON.parse(fs.readFileSync(path.join(DATA_DIR, name), 'utf8'));
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'test', 'fixtures', 'oparl', `${name}.json`), 'utf8'));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const get = async (url: string): Promise<{ status: number; body: Json }> => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Json };
};

/** Every page of a list by its next links, as a client does. */
async function walk(first: string): Promise<{ items: Json[]; pages: Json[] }> {
  const items: Json[] = [];
  const pages: Json[] = [];
  for (let url: string | undefined = first; url; ) {
    const { status, body } = await get(url);
    expect(status).toBe(200);
    pages.push(body);
    items.push(...body.data);
    url = body.links.next;
  }
  return { items, pages };
}

describe('the OParl replica', () => {
  let replica: OParlReplica;
  let running: RunningService;
  let root: string;
  beforeAll(async () => {
    replica = createOParlReplica({ dataDir: DATA_DIR });
    running = await replica.listen(0);
    root = running.url;
  });
  afterAll(async () => {
    await running?.close();
  });

  it('serves the spec\'s System and Body examples verbatim, on its own origin', async () => {
    const rewrite = (o: unknown) => JSON.parse(JSON.stringify(o).replaceAll('https://oparl.example.org/', root));
    expect((await get(root)).body).toEqual(rewrite(fixture('System-01')));
    const bodies = await get(`${root}bodies`);
    expect(bodies.body.data).toEqual([rewrite(fixture('Body-01'))]);
    expect((await get(`${root}meeting/281`)).body).toEqual(rewrite(fixture('Meeting-01')));
    expect((await get(`${root}paper/749`)).body).toEqual(rewrite(fixture('Paper-01')));
    expect((await get(`${root}health`.replace('/oparl/v1/health', '/health'))).status).toBe(200);
  });

  it('serves embedded objects on their own URL, with their backreference', async () => {
    const item = (await get(`${root}agendaitem/15569`)).body;
    expect(item).toMatchObject({ id: `${root}agendaitem/15569`, meeting: `${root}meeting/243`, result: 'zur Kenntnis genommen' });
    expect((await get(`${root}consultation/47594`)).body).toMatchObject({ paper: `${root}paper/749` });
    expect((await get(`${root}nothing/1`)).status).toBe(404);
  });

  it.each(['meetings', 'papers', 'persons', 'organizations', 'agendaItems'])('pages %s by next links: every object once, pagination and links consistent', async (list) => {
    const { items, pages } = await walk(`${root}body/0/${list}/`);
    const ids = items.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = list === 'agendaItems' ? readData('meetings.json').flatMap((m: Json) => m.agendaItem ?? []).length : readData(`${list}.json`).length;
    expect(ids.length).toBe(expected);
    expect(pages[0].pagination).toMatchObject({ totalElements: expected, elementsPerPage: 20, currentPage: 1, totalPages: Math.ceil(expected / 20) });
    expect(pages.length).toBe(Math.ceil(expected / 20));
    for (const [i, page] of pages.entries()) {
      expect(page.data.length).toBeLessThanOrEqual(20);
      expect(page.links.first).toBe(`${root}body/0/${list}/`);
      expect(page.links.last).toBe(pages[pages.length - 1].links.self);
      if (i > 0) expect(page.links.prev).toBe(pages[i - 1].links.self);
    }
    expect(pages[pages.length - 1].links.next).toBeUndefined();
  });

  it('modified_since gives only what changed since, deleted objects as {deleted: true}; the filter stays in every link', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const none = await walk(`${root}body/0/papers/?modified_since=${encodeURIComponent(since)}`);
    expect(none.items).toEqual([]);
    replica.modify('paper/749', (p) => {
      p.name = 'Antwort auf Anfrage 1200/2014 (geändert)';
    });
    replica.remove('meeting/281');
    const papers = await walk(`${root}body/0/papers/?modified_since=${encodeURIComponent(since)}`);
    expect(papers.items.map((p) => [p.id, p.name])).toEqual([[`${root}paper/749`, 'Antwort auf Anfrage 1200/2014 (geändert)']]);
    const meetings = await walk(`${root}body/0/meetings/?modified_since=${encodeURIComponent(since)}`);
    expect(meetings.items).toEqual([expect.objectContaining({ id: `${root}meeting/281`, deleted: true })]);
    // Without the filter the deleted meeting is not listed; by its URL it answers as deleted.
    const all = await walk(`${root}body/0/meetings/`);
    expect(all.items.some((m) => m.id === `${root}meeting/281`)).toBe(false);
    expect((await get(`${root}meeting/281`)).body).toMatchObject({ deleted: true });
    // The filter is kept in the links of a list longer than a page.
    const old = await get(`${root}body/0/meetings/?modified_since=${encodeURIComponent('2012-01-01T00:00:00+01:00')}`);
    expect(old.body.links.next).toContain('modified_since=2012-01-01T00%3A00%3A00%2B01%3A00');
    expect(old.body.pagination.totalElements).toBe(readData('meetings.json').length);
  });

  it('the sync\'s client follows next links on the System\'s origin only, and picks the Body', async () => {
    const http = new UpstreamClient({ city: 'test', upstream: 'OParl API', baseUrl: new URL(root).origin, timeoutMs: 5000, retries: 0, userAgent: 'test', logger: createLogger('test', 'silent') });
    const client = new OParlClient(http, root, 100);
    const system = await client.system();
    const bodies = await client.all(system.body);
    expect(chooseBody(bodies, undefined, root).id).toBe(`${root}body/0`);
    expect(chooseBody(bodies, 'body/0', root).id).toBe(`${root}body/0`);
    expect(() => chooseBody(bodies, 'body/7', root)).toThrow(/lists no body body\/7/);
    expect(() => chooseBody([...bodies, { ...bodies[0], id: `${root}body/1` }], undefined, root)).toThrow(/settings.bodyId/);
    let pages = 0;
    for await (const page of client.pages(`${root}body/0/persons/`)) pages += page.data.length ? 1 : 0;
    expect(pages).toBe(Math.ceil(readData('persons.json').length / 20));
    const before = http.requestCount;
    await expect(client.pages('http://elsewhere.example/oparl/v1/body/0/persons/').next()).rejects.toThrow(/not the System's origin/);
    expect(http.requestCount).toBe(before);
    // A list longer than the page cap is an error, not a silent cut.
    await expect((async () => { for await (const _ of new OParlClient(http, root, 2).pages(`${root}body/0/meetings/`)); })()).rejects.toThrow(/more than 2 pages/);
  });

  it('refuses a filter that is not a full date-time', async () => {
    const res = await get(`${root}body/0/papers/?modified_since=2014-01-01`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/full date-time/);
  });
});
