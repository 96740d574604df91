/**
 * Decidim releases 0.27 to 0.31: the replica's schema per release (replica/decidim-versions.ts), the
 * client's query set per line (upstream/decidim-queries.ts) and how the client tells the release
 * (upstream/decidim.ts), checked against each other; the replica's per-release answers over HTTP.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { graphqlSync, parse, validate, type GraphQLObjectType } from 'graphql';
import { cityById, replicaOf, ROOT_DIR } from '../../../schema/cities';
import { decidimRelease } from '../decidim-release';
import { analyzeDecidimQuery, buildDecidimSchema, createDecidimReplica, DECIDIM_MAX_COMPLEXITY, DECIDIM_MAX_DEPTH, type DecidimReplicaOptions } from '../replica/decidim';
import { decidimQueries, FIELD_PROBE_QUERY, fieldsReadIn, queryLineOf, VERSION_QUERY, type DecidimFieldProbe } from '../upstream/decidim-queries';
import { missingFieldsOf, releaseOfFields } from '../upstream/decidim';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DECIDIM_SEED_FILE = path.join(ROOT_DIR, replicaOf(cityById('barcelona')).defaultDir, 'decidim', 'seed.json');
const RELEASES = [27, 28, 29, 30, 31];

describe('release numbers and query lines', () => {
  it('reads major.minor of a version', () => {
    expect(['0.27.5', '0.28.3', '0.31.0.rc1', 'v0.30', '1.2.0'].map(decidimRelease)).toEqual([27, 28, 31, 30, 102]);
    expect([null, '', 'develop'].map(decidimRelease)).toEqual([null, null, null]);
  });

  it('reads 0.28 with the 0.27 set and anything newer than 0.31 with the 0.31 set', () => {
    expect([26, 27, 28, 29, 30, 31, 32, 100].map(queryLineOf)).toEqual([27, 27, 27, 29, 30, 31, 31, 31]);
  });
});

describe.each(RELEASES)('Decidim 0.%i', (release) => {
  const schema = buildDecidimSchema(release);
  const queries = decidimQueries(release);

  it.each(['snapshot', 'proposalsPage', 'meetingsPage', 'resultsPage'] as const)('its %s document validates and stays within max_depth/max_complexity', (name) => {
    const ast = parse(queries[name]);
    expect(validate(schema, ast)).toEqual([]);
    const analysis = analyzeDecidimQuery(schema, ast, { variables: { componentId: '1', after: null } });
    expect(analysis.depth).toBeLessThanOrEqual(DECIDIM_MAX_DEPTH);
    expect(analysis.complexity).toBeLessThanOrEqual(DECIDIM_MAX_COMPLEXITY);
  });

  it('is told apart by the fields introspection shows', () => {
    const probe = graphqlSync({ schema, source: FIELD_PROBE_QUERY });
    expect(probe.errors).toBeUndefined();
    expect(releaseOfFields(probe.data as unknown as DecidimFieldProbe)).toBe(queryLineOf(release));
  });
});

describe('what changed between releases', () => {
  const lacking = (line: number, release: number) => {
    const schema = buildDecidimSchema(release);
    return fieldsReadIn(line).filter((f) => {
      const [type, field] = f.split('.');
      return !(schema.getType(type) as GraphQLObjectType).getFields()[field];
    });
  };

  it('the 0.27 set reads fields a 0.31 instance no longer has, and the 0.31 set fields 0.27 does not have yet', () => {
    expect(lacking(27, 31).sort()).toEqual(['Meeting.category', 'Proposal.category', 'Proposal.endorsementsCount', 'Result.category']);
    expect(lacking(31, 27).sort()).toEqual(['Meeting.taxonomies', 'Meeting.url', 'Meeting.withdrawn', 'ParticipatoryProcess.url', 'Proposal.likesCount', 'Proposal.taxonomies', 'Proposal.url', 'Proposal.withdrawn', 'Result.taxonomies', 'Result.url']);
  });

  it('keeps Meeting.attendeeCount and Meeting.isWithdrawn in every release', () => {
    for (const release of RELEASES) expect(lacking(27, release).filter((f) => f.startsWith('Meeting.') && !f.endsWith('.category'))).toEqual([]);
  });

  it('names the missing Type.field of graphql-ruby validation errors, once each', () => {
    const error = (typeName: string, fieldName: string) => ({ message: `Field '${fieldName}' doesn't exist on type '${typeName}'`, extensions: { code: 'undefinedField', typeName, fieldName } });
    expect(missingFieldsOf([error('Proposal', 'endorsementsCount'), error('Proposal', 'endorsementsCount'), error('Meeting', 'category'), { message: 'Query has depth of 16, which exceeds max depth of 15' }])).toEqual([
      'Proposal.endorsementsCount',
      'Meeting.category',
    ]);
  });
});

describe('the replica per release, over HTTP', () => {
  const servers: http.Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });
  const start = async (opts: Partial<DecidimReplicaOptions>) => {
    const replica = createDecidimReplica({ seedFile: DECIDIM_SEED_FILE, ...opts });
    const server = http.createServer(replica.handle);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    return { replica, post: (query: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }) };
  };
  const BAD_CURSOR = '{ component(id: 4522) { ... on Proposals { proposals(after: "%%%") { edges { cursor } } } } }';

  it('tells its version up to 0.29 and hides it from 0.30 (unless the seed discloses it)', async () => {
    const answers = await Promise.all(['0.27.5', '0.29.2', '0.31.1'].map(async (version) => (await (await start({ version })).post(VERSION_QUERY)).json() as Promise<Raw>));
    expect(answers.map((a) => a.data.decidim.version)).toEqual(['0.27.5', '0.29.2', null]);
  });

  it('answers an exception with Rails\' HTML page in 0.27 and with Decidim\'s JSON from 0.28', async () => {
    const html = await (await start({ version: '0.27.5' })).post(BAD_CURSOR);
    expect(html.status).toBe(500);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    for (const version of ['0.28.3', '0.31.1']) {
      const json = await (await start({ version })).post(BAD_CURSOR);
      expect(json.status).toBe(500);
      expect(json.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await json.json()).toEqual({ errors: [{ message: 'Internal Server error' }], data: {} });
    }
  });

  it('serves 0.31\'s public URLs on the organization\'s host, and a field it is told to lack as graphql-ruby reports it', async () => {
    const { replica, post } = await start({ version: '0.31.1' });
    const res = (await (await post('{ participatoryProcess(slug: "pam2024") { url components { id ... on Meetings { meetings(first: 1) { edges { node { id url } } } } } } }')).json()) as Raw;
    const process = res.data.participatoryProcess;
    expect(process.url).toBe('https://www.decidim.barcelona/processes/pam2024');
    const meetings = process.components.find((c: { meetings?: unknown }) => c.meetings);
    const node = meetings.meetings.edges[0].node;
    expect(node.url).toBe(`${process.url}/f/${meetings.id}/meetings/${node.id}`);
    replica.serveWithout(['Meeting.url']);
    const lacking = (await (await post('{ component(id: 1) { ... on Meetings { meetings { edges { node { url } } } } } }')).json()) as Raw;
    expect(lacking).toMatchObject({ errors: [{ extensions: { code: 'undefinedField', typeName: 'Meeting', fieldName: 'url' } }] });
    expect(lacking.data).toBeUndefined();
    // A field an interface requires: the type stops implementing it (0.27's Meeting.category, CategorizableInterface).
    const old = await start({ version: '0.27.5' });
    old.replica.serveWithout(['Meeting.category']);
    const noCategory = (await (await old.post('{ component(id: 4523) { ... on Meetings { meetings(first: 1) { edges { node { category { id } } } } } } }')).json()) as Raw;
    expect(noCategory).toMatchObject({ errors: [{ extensions: { code: 'undefinedField', typeName: 'Meeting', fieldName: 'category' } }] });
  });
});
