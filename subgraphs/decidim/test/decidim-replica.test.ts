/**
 * The Decidim 0.27 replica (subgraphs/decidim/replica/decidim.ts) against its seed, the documents
 * in upstream/decidim-queries.ts and the Decidim documentation samples in test/fixtures/barcelona/.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { cityById, replicaOf, ROOT_DIR } from '../../../schema/cities';
import {
  analyzeDecidimQuery,
  createDecidimReplica,
  DECIDIM_MAX_COMPLEXITY,
  DECIDIM_MAX_DEPTH,
  DECIDIM_SCHEMA_FILE,
  loadDecidimSeed,
  type DecidimReplica,
  type DecidimReplicaOptions,
  type SeedComponent,
} from '../replica/decidim';
import {
  MEETINGS_PAGE_QUERY,
  PROPOSALS_PAGE_QUERY,
  RESULTS_PAGE_QUERY,
  SNAPSHOT_QUERY,
  VERSION_QUERY,
  type DecidimConnection,
  type DecidimMeeting,
  type DecidimProposal,
  type DecidimResponse,
  type DecidimResult,
  type DecidimSnapshot,
  type DecidimVersion,
} from '../upstream/decidim-queries';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/barcelona');
// Barcelona's seed, where the registry puts its replica data.
const DECIDIM_SEED_FILE = path.join(ROOT_DIR, replicaOf(cityById('barcelona')).defaultDir, 'decidim', 'seed.json');
const seed = loadDecidimSeed(DECIDIM_SEED_FILE);

// -- what the seed says the API must show (Decidim's visibility rules) -------------------------
const visibleProcesses = seed.participatoryProcesses.filter((p) => p.published && p.publishedAt && !p.private);
const publishedComponents = (components: SeedComponent[]) =>
  components.filter((c) => c.publishedAt).sort((a, b) => a.weight - b.weight || a.manifest.localeCompare(b.manifest) || Number(a.id) - Number(b.id));
const byId = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id);
const expectedItems = (c: SeedComponent): string[] => {
  if (c.manifest === 'proposals') return (c.proposals ?? []).filter((p) => p.publishedAt).sort(byId).map((p) => p.id);
  if (c.manifest === 'meetings') return (c.meetings ?? []).filter((m) => !m.privateMeeting || m.transparent).sort(byId).map((m) => m.id);
  if (c.manifest === 'accountability') return [...(c.results ?? [])].sort(byId).map((r) => r.id);
  return [];
};
const allVisibleComponents = visibleProcesses.flatMap((p) => publishedComponents(p.components));
const allSeedComponents = seed.participatoryProcesses.flatMap((p) => p.components);

// -- HTTP helpers ---------------------------------------------------------------------------------
interface Running {
  replica: DecidimReplica;
  url: string;
  close(): Promise<void>;
}

const running: Running[] = [];

async function start(opts: Partial<DecidimReplicaOptions> = {}): Promise<Running> {
  const replica = createDecidimReplica({ seedFile: DECIDIM_SEED_FILE, ...opts });
  const server = http.createServer(replica.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const r: Running = {
    replica,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  running.push(r);
  return r;
}

afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
});

async function gql<T = Record<string, unknown>>(r: Running, query: string, variables: Record<string, unknown> = {}): Promise<DecidimResponse<T>> {
  const res = await fetch(`${r.url}/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as DecidimResponse<T>;
}

type AnyConnection = DecidimConnection<{ id: string }>;
const connectionOf = (component: Record<string, unknown>): AnyConnection | undefined =>
  (component.proposals ?? component.meetings ?? component.results) as AnyConnection | undefined;
const idsOf = (conn: AnyConnection): string[] => (conn.edges ?? []).map((e) => e!.node!.id);

/** Walks one component with the page query, starting after `after`; returns ids and pages read. */
async function walk(r: Running, manifest: string, componentId: string, after: string | null): Promise<{ ids: string[]; pages: number }> {
  const query = manifest === 'proposals' ? PROPOSALS_PAGE_QUERY : manifest === 'meetings' ? MEETINGS_PAGE_QUERY : RESULTS_PAGE_QUERY;
  const ids: string[] = [];
  let cursor = after;
  let pages = 0;
  for (;;) {
    const res = await gql<{ component: Record<string, unknown> | null }>(r, query, { componentId, after: cursor });
    const conn = connectionOf(res.data!.component!)!;
    pages++;
    ids.push(...idsOf(conn));
    if (!conn.pageInfo.hasNextPage) break;
    cursor = conn.pageInfo.endCursor;
    if (pages > 100) throw new Error('pagination does not end');
  }
  return { ids, pages };
}

/** The structure of a JSON value: keys and scalar types, lists by their first element. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]));
  }
  return value === null ? 'null' : typeof value;
}

function sampleQuery(name: string): string {
  const source = fs.readFileSync(path.join(FIXTURES, `barcelona-decidim-${name}.source.txt`), 'utf8');
  const line = source.split('\n').find((l) => l.startsWith('query: '));
  if (!line) throw new Error(`no query in ${name}.source.txt`);
  return line.slice('query: '.length).replace(/\s+\(POSTed with curl.*$/, '').trim();
}

function sample(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `barcelona-decidim-${name}.json`), 'utf8'));
}

// ------------------------------------------------------------------------------------------------

describe('schema and query documents', () => {
  const schema = buildSchema(fs.readFileSync(DECIDIM_SCHEMA_FILE, 'utf8'));
  const documents = { SNAPSHOT_QUERY, PROPOSALS_PAGE_QUERY, MEETINGS_PAGE_QUERY, RESULTS_PAGE_QUERY, VERSION_QUERY };

  it('the SDL subset builds and keeps Decidim 0.27 names', () => {
    expect(schema.getQueryType()?.name).toBe('Query');
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['participatoryProcesses', 'participatoryProcess', 'component', 'decidim']));
    expect(String(schema.getQueryType()!.getFields().participatoryProcesses.type)).toBe('[ParticipatoryProcess!]');
    expect(schema.getPossibleTypes(schema.getType('ComponentInterface') as never).map((t) => t.name).sort()).toEqual(
      ['Accountability', 'Component', 'Meetings', 'Pages', 'Proposals', 'Result'].sort(),
    );
    expect(String((schema.getType('Proposal') as never as { getFields(): Record<string, { type: unknown }> }).getFields().title.type)).toBe('TranslatedField');
    expect(Object.keys((schema.getType('LocalizedString') as never as { getFields(): object }).getFields())).toEqual(['locale', 'text', 'machineTranslated']);
  });

  it.each(Object.entries(documents))('%s validates against the SDL and stays within max_depth/max_complexity', (_name, doc) => {
    const ast = parse(doc);
    expect(validate(schema, ast)).toEqual([]);
    const analysis = analyzeDecidimQuery(schema, ast, { variables: { componentId: '1', after: null } });
    expect(analysis.depth).toBeLessThanOrEqual(DECIDIM_MAX_DEPTH);
    expect(analysis.complexity).toBeLessThanOrEqual(DECIDIM_MAX_COMPLEXITY);
  });

  it('counts connection complexity as graphql-ruby 1.12 does (page size x node complexity)', () => {
    const cost = (q: string) => analyzeDecidimQuery(schema, parse(q)).complexity;
    // 1 (proposals) + 10 x 1 (id) + pageInfo (1 + 1) + edges (1) + node (1)… see Field#calculate_complexity
    const one = cost('{ component(id: 1) { ... on Proposals { proposals(first: 10) { edges { node { id } } } } } }');
    const two = cost('{ component(id: 1) { ... on Proposals { proposals(first: 20) { edges { node { id } } } } } }');
    expect(two - one).toBe(10 * 2); // node + id per item
    // an abstract selection costs its most expensive branch, not the sum of branches
    const both = cost(
      '{ component(id: 1) { ... on Proposals { proposals(first: 10) { edges { node { id } } } } ... on Meetings { meetings(first: 10) { edges { node { id } } } } } }',
    );
    expect(both).toBe(one);
  });
});

describe('snapshot and pagination', () => {
  it('one SNAPSHOT_QUERY returns every published process and component with its first page of items', async () => {
    const r = await start();
    const before = r.replica.requestCount;
    const res = await gql<DecidimSnapshot>(r, SNAPSHOT_QUERY);
    expect(r.replica.requestCount - before).toBe(1);
    const processes = res.data!.participatoryProcesses!;
    expect(processes.map((p) => p.id).sort()).toEqual(visibleProcesses.map((p) => p.id).sort());
    expect(processes).toHaveLength(4);

    let proposals = 0;
    let meetings = 0;
    let results = 0;
    for (const p of processes) {
      const s = visibleProcesses.find((x) => x.id === p.id)!;
      expect(p.slug).toBe(s.slug);
      expect(p.title.translations.find((t) => t.locale === 'ca')?.text).toBe(s.title.ca);
      const comps = publishedComponents(s.components);
      expect(p.components!.map((c) => c.id)).toEqual(comps.map((c) => c.id));
      expect(p.components!.map((c) => c.__typename)).toEqual(comps.map((c) => ({ proposals: 'Proposals', meetings: 'Meetings', accountability: 'Accountability', pages: 'Pages' })[c.manifest]));
      for (const c of p.components!) {
        const seedComponent = comps.find((x) => x.id === c.id)!;
        const expected = expectedItems(seedComponent);
        const conn = connectionOf(c as unknown as Record<string, unknown>);
        if (seedComponent.manifest === 'pages') {
          expect(conn).toBeUndefined();
          continue;
        }
        expect(idsOf(conn!)).toEqual(expected.slice(0, 50));
        expect(conn!.pageInfo.hasNextPage).toBe(expected.length > 50);
        if (c.__typename === 'Proposals') proposals += expected.length;
        if (c.__typename === 'Meetings') meetings += expected.length;
        if (c.__typename === 'Accountability') results += expected.length;
      }
    }
    expect({ proposals, meetings, results }).toEqual({ proposals: 88, meetings: 18, results: 23 });

    // Decidim 0.27 answers `coordinates: null` plus a soft error for every item without geocoding.
    const ungeocoded = processes
      .flatMap((p) => p.components ?? [])
      .flatMap((c) => {
        const conn = connectionOf(c as unknown as Record<string, unknown>) as DecidimConnection<DecidimProposal | DecidimMeeting> | undefined;
        return conn && c.__typename !== 'Accountability' ? (conn.edges ?? []).map((e) => e!.node!) : [];
      })
      .filter((n) => n.coordinates === null);
    expect(ungeocoded.length).toBeGreaterThan(0);
    expect(res.errors).toHaveLength(ungeocoded.length);
    for (const e of res.errors!) expect(e).toEqual({ message: 'Cannot return null for non-nullable field Coordinates.latitude' });
  });

  it('the page queries continue the snapshot to the end of every component, without duplicates', async () => {
    const r = await start();
    const snapshot = await gql<DecidimSnapshot>(r, SNAPSHOT_QUERY);
    const seen = new Set<string>();
    for (const p of snapshot.data!.participatoryProcesses!) {
      for (const c of p.components!) {
        const conn = connectionOf(c as unknown as Record<string, unknown>);
        if (!conn) continue;
        const seedComponent = allSeedComponents.find((x) => x.id === c.id)!;
        const ids = idsOf(conn);
        if (conn.pageInfo.hasNextPage) ids.push(...(await walk(r, seedComponent.manifest, c.id, conn.pageInfo.endCursor)).ids);
        expect(ids).toEqual(expectedItems(seedComponent));
        for (const id of ids) {
          const key = `${c.__typename}:${id}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }
    }
    expect(seen.size).toBe(88 + 18 + 23);
  });

  it('with a small max page size, `first: 50` is lowered and every component walks in several pages', async () => {
    const r = await start({ maxPerPage: 4 });
    let multiPage = 0;
    for (const c of allVisibleComponents.filter((x) => x.manifest !== 'pages')) {
      const { ids, pages } = await walk(r, c.manifest, c.id, null);
      expect(ids).toEqual(expectedItems(c));
      expect(new Set(ids).size).toBe(ids.length);
      expect(pages).toBe(Math.max(1, Math.ceil(ids.length / 4)));
      if (pages > 1) multiPage++;
    }
    expect(multiPage).toBe(allVisibleComponents.filter((c) => expectedItems(c).length > 4).length);
    expect(multiPage).toBeGreaterThanOrEqual(9);
  });

  it('cursors are graphql-ruby offsets in base64url, as in the usage.md sample', async () => {
    const r = await start();
    // The proposals-connection sample, on a participatory process instead of an assembly and
    // without `likes` (a field of Decidim 0.30+).
    const res = await gql(
      r,
      '{ participatoryProcess(slug: "pam2024") { components(filter: {type: "Proposals"}) { id name { translation(locale: "en") } ... on Proposals { proposals(first:2,after:"Mg") { pageInfo { endCursor startCursor hasPreviousPage hasNextPage } edges { node { id endorsementsCount } } } } } } }',
    );
    const components = (res.data as { participatoryProcess: { components: Array<Record<string, unknown>> } }).participatoryProcess.components;
    expect(components).toHaveLength(1);
    const expectedSample = (sample('proposals-connection') as { data: { assembly: { components: Array<Record<string, unknown>> } } }).data.assembly.components[0];
    const got = components[0] as { proposals: { pageInfo: Record<string, unknown> } };
    // Same cursors; hasPreviousPage is true after a cursor in graphql-ruby 1.12's RelationConnection
    // (the sample comes from an older graphql-ruby, where it was false without `last`).
    expect(got.proposals.pageInfo).toEqual({ ...(expectedSample.proposals as { pageInfo: object }).pageInfo, hasPreviousPage: true });
    expect(idsOf(got.proposals as unknown as AnyConnection)).toEqual(['61203', '61204']);

    const likes = await gql(r, sampleQuery('proposals-connection').replace('assembly(id: 3)', 'participatoryProcess(slug: "pam2024")'));
    expect(likes.data).toBeUndefined();
    expect(likes.errors![0]).toMatchObject({ message: "Field 'likes' doesn't exist on type 'Proposal'", extensions: { code: 'undefinedField' } });
  });
});

describe('documentation samples (queries valid for 0.27)', () => {
  it('participatoryProcesses(filter, order) { slug title { translation } } has the sample shape', async () => {
    const r = await start();
    const res = await gql(r, sampleQuery('participatoryProcesses'));
    expect(res.errors).toBeUndefined();
    expect(shapeOf(res)).toEqual(shapeOf(sample('participatoryProcesses')));
    const list = (res.data as { participatoryProcesses: Array<{ slug: string; title: { translation: string } }> }).participatoryProcesses;
    // publishedSince 2018-01-01 leaves out the 2016 housing plan; order publishedAt asc.
    expect(list.map((p) => p.slug)).toEqual(['superilla-barcelona', 'PressupostosParticipatius2023', 'pam2024']);
    expect(list[2].title.translation).toBe('Municipal Action Plan 2024-2027');
  });

  it('component(id) { id name __typename participatorySpace { id type } } has the sample shape', async () => {
    const r = await start();
    const meetingsComponent = allVisibleComponents.find((c) => c.manifest === 'meetings')!;
    const res = await gql(r, sampleQuery('component').replace('component(id:2)', `component(id:${meetingsComponent.id})`));
    expect(res.errors).toBeUndefined();
    expect(shapeOf(res)).toEqual(shapeOf(sample('component')));
    expect(res.data).toEqual({
      component: { id: meetingsComponent.id, name: { translation: 'Meetings' }, __typename: 'Meetings', participatorySpace: { id: expect.any(String), type: 'Decidim::ParticipatoryProcess' } },
    });
  });

  it('decidim { version } has the sample shape and answers 0.27.5', async () => {
    const r = await start();
    const res = await gql<DecidimVersion>(r, sampleQuery('version'));
    expect(shapeOf(res)).toEqual(shapeOf(sample('version')));
    expect(res.data!.decidim!.version).toBe('0.27.5');
    expect((await gql<DecidimVersion>(r, VERSION_QUERY)).data).toEqual({ decidim: { version: '0.27.5' } });
  });
});

describe('Decidim 0.27 behaviour kept by the replica', () => {
  it('TranslatedField: machine translations fill gaps, empty texts are null', async () => {
    const r = await start();
    const res = await gql(
      r,
      `{ component(id: 4522) { ... on Proposals {
          machine: proposal(id: 60104) { body { locales translations { locale text machineTranslated } en: translation(locale: "en") fr: translation(locale: "fr") } }
          empty: proposal(id: 60113) { body { translations(locales: ["es"]) { locale text machineTranslated } } }
          caOnly: proposal(id: 60110) { title { locales } } } } }`,
    );
    const c = (res.data as { component: Record<string, { body?: Record<string, unknown>; title?: Record<string, unknown> }> }).component;
    expect(c.machine.body!.locales).toEqual(['ca', 'es', 'en']);
    expect((c.machine.body!.translations as Array<{ locale: string; machineTranslated: boolean }>).map((t) => [t.locale, t.machineTranslated])).toEqual([
      ['ca', false],
      ['es', false],
      ['en', true],
    ]);
    expect(c.machine.body!.en).toMatch(/^<p>/);
    expect(c.machine.body!.fr).toBeNull();
    expect(c.empty.body!.translations).toEqual([{ locale: 'es', text: null, machineTranslated: true }]);
    expect(c.caOnly.title!.locales).toEqual(['ca']);
  });

  it('proposal state, hidden votes, meetings, agenda and results follow Decidim', async () => {
    const r = await start();
    const res = await gql(
      r,
      `{
        pp: component(id: 4522) { ... on Proposals { unpublishedAnswer: proposal(id: 60116) { state answer { translations { locale } } answeredAt } draft: proposal(id: 60199) { id } } }
        pam: component(id: 4532) { ... on Proposals { fromMeeting: proposal(id: 61208) { official createdInMeeting meeting { id } } official: proposal(id: 61202) { official createdInMeeting meeting { id } } withdrawn: proposal(id: 61209) { state answer { locales } } } }
        sup: component(id: 4542) { ... on Proposals { proposals(first: 1) { edges { node { voteCount endorsementsCount } } } } }
        meetings: component(id: 4533) { ... on Meetings { withdrawn: meeting(id: 21605) { isWithdrawn closed } cc: meeting(id: 21601) { closed closingReport { locales } agenda { items { id parent { id } } } } online: meeting(id: 21603) { typeOfMeeting coordinates { latitude } } } }
        hiddenClosing: component(id: 4523) { ... on Meetings { meeting(id: 21503) { closed closingReport { locales } } } }
        results: component(id: 4534) { ... on Accountability { result(id: 9501) { childrenCount children { id } status { key progress } parent { id } } child: result(id: 9502) { parent { id } progress status { key name { translation(locale: "en") } } } } }
      }`,
    );
    const d = res.data as Record<string, Record<string, Record<string, unknown> | null>>;
    expect(d.pp.unpublishedAnswer).toMatchObject({ state: null, answeredAt: expect.stringMatching(/\+0[12]:00$/) });
    expect(d.pp.unpublishedAnswer!.answer).not.toBeNull();
    expect(d.pp.draft).toBeNull();
    expect(d.pam.fromMeeting).toEqual({ official: false, createdInMeeting: true, meeting: { id: '21602' } });
    expect(d.pam.official).toEqual({ official: true, createdInMeeting: false, meeting: null });
    expect(d.pam.withdrawn).toEqual({ state: 'withdrawn', answer: null });
    expect((d.sup.proposals as { edges: Array<{ node: { voteCount: number | null } }> }).edges[0].node.voteCount).toBeNull();
    expect(d.meetings.withdrawn).toEqual({ isWithdrawn: true, closed: false });
    const agendaItems = (d.meetings.cc as { agenda: { items: Array<{ id: string; parent: { id: string } | null }> } }).agenda.items;
    expect(agendaItems.map((i) => [i.id, i.parent?.id ?? null])).toEqual([
      ['8831', null],
      ['8832', null],
      ['8833', '8832'],
      ['8834', '8832'],
      ['8835', null],
    ]);
    expect(d.meetings.online).toEqual({ typeOfMeeting: 'online', coordinates: null });
    expect(d.hiddenClosing.meeting).toEqual({ closed: true, closingReport: null });
    expect(d.results.result).toEqual({ childrenCount: 3, children: [{ id: '9502' }, { id: '9503' }, { id: '9504' }], status: { key: 'in_progress', progress: 50 }, parent: null });
    expect(d.results.child).toEqual({ parent: { id: '9501' }, progress: 21, status: { key: 'in_progress', name: { translation: 'In progress' } } });
    expect(res.errors).toEqual([{ message: 'Cannot return null for non-nullable field Coordinates.latitude' }]);
  });

  it('drafts and unpublished components stay out of the API', async () => {
    const r = await start();
    const res = await gql(
      r,
      '{ draft: participatoryProcess(slug: "pressupostos-participatius-2025") { id } byId: participatoryProcess(id: 301) { slug } unpublished: component(id: 4535) { id } pam: participatoryProcess(slug: "pam2024") { components { id } } }',
    );
    expect(res.data).toEqual({ draft: null, byId: { slug: 'pam2024' }, unpublished: null, pam: { components: [{ id: '4531' }, { id: '4532' }, { id: '4533' }, { id: '4534' }] } });
  });

  it('answers HTTP errors as Rails/Decidim do and never crashes', async () => {
    const r = await start();
    const post = (body: string, type = 'application/json') => fetch(`${r.url}/api`, { method: 'POST', headers: { 'content-type': type }, body });

    const bad = await post('{"query": ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toHaveProperty('errors');

    const noQuery = await post('{}');
    expect(noQuery.status).toBe(200);
    expect(await noQuery.json()).toEqual({ errors: [{ message: 'No query string was present' }] });

    const syntax = await post(JSON.stringify({ query: '{ decidim { version }' }));
    expect(syntax.status).toBe(200);
    expect(((await syntax.json()) as DecidimResponse<unknown>).errors![0].message).toMatch(/Syntax Error/);

    const stringVariables = await post(JSON.stringify({ query: 'query Q($id: ID!) { component(id: $id) { id } }', variables: '{"id": "4522"}' }));
    expect(await stringVariables.json()).toEqual({ data: { component: { id: '4522' } } });

    const form = await post(`query=${encodeURIComponent('{ decidim { version } }')}`, 'application/x-www-form-urlencoded');
    expect(await form.json()).toEqual({ data: { decidim: { version: '0.27.5' } } });

    const get = await fetch(`${r.url}/api`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toHaveProperty('errors');

    const other = await fetch(`${r.url}/graphql`, { method: 'POST', body: '{}' });
    expect(other.status).toBe(404);
    expect(await other.json()).toHaveProperty('errors');

    // Result implements ComponentInterface in 0.27 but has no `name`: an uncaught exception (500).
    const name = await post(JSON.stringify({ query: '{ component(id: 4524) { ... on Accountability { result(id: 9401) { name { locales } } } } }' }));
    expect(name.status).toBe(500);
    expect(name.headers.get('content-type')).toMatch(/^text\/html/);

    const badCursor = await post(JSON.stringify({ query: '{ component(id: 4522) { ... on Proposals { proposals(after: "%%%") { edges { cursor } } } } }' }));
    expect(badCursor.status).toBe(500);

    // The replica still answers after all that.
    expect((await gql<DecidimVersion>(r, VERSION_QUERY)).data!.decidim!.version).toBe('0.27.5');
  });

  it('rejects queries over max_depth 15 and max_complexity 5000 with graphql-ruby messages', async () => {
    const r = await start();
    let deep = 'id';
    for (let i = 0; i < 15; i++) deep = `parent { ${deep} }`;
    const tooDeep = await gql(r, `{ component(id: 4522) { ... on Proposals { proposal(id: 60100) { category { ${deep} } } } } }`);
    expect(tooDeep).toEqual({ errors: [{ message: 'Query has depth of 19, which exceeds max depth of 15' }] });

    const small = await start({ maxComplexity: 1000 });
    const tooComplex = await gql(small, SNAPSHOT_QUERY);
    expect(tooComplex.data).toBeUndefined();
    expect(tooComplex.errors![0].message).toMatch(/^Query has complexity of \d+, which exceeds max complexity of 1000$/);
  });
});

describe('rate limit (Rack::Attack)', () => {
  it('answers the 6th request within a minute with 429 "Retry later" when the limit is 5', async () => {
    const r = await start({ rateLimitPerMinute: 5 });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await fetch(`${r.url}/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: VERSION_QUERY }) });
      statuses.push(last.status);
      if (i < 5) await last.json();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last!.headers.get('content-type')).toBe('text/plain');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(last!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await last!.text()).toBe('Retry later\n');
    expect(r.replica.requestCount).toBe(6);
    expect(r.replica.throttledCount).toBe(1);
  });

  it('uses a sliding 60-second window per remote address', async () => {
    let now = 1_000_000;
    const r = await start({ rateLimitPerMinute: 2, now: () => now });
    const hit = async () => (await fetch(`${r.url}/api`, { method: 'POST', body: JSON.stringify({ query: VERSION_QUERY }) })).status;
    expect(await hit()).toBe(200);
    now += 30_000;
    expect(await hit()).toBe(200);
    now += 10_000;
    expect(await hit()).toBe(429);
    now += 20_001; // the first request left the window; the throttled one still counts
    expect(await hit()).toBe(429);
    now += 41_000; // t = 101 s: only the request made at t = 60 s is still in the window
    expect(await hit()).toBe(200);
    expect(r.replica.throttledCount).toBe(2);
  });
});
