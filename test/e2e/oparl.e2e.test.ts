/**
 * A German city on the OParl adapter, by configuration only (its cities.yaml entry), end to end:
 * the OParl replica (the spec's examples and generated volume, replicas/<city>/) → the city's
 * subgraph built from the registry (buildFromEnv with CITY_ID) → the gateway composed from the
 * registry, over HTTP on loopback. Expectations are computed from the replica's files. Then an
 * incremental sync after the replica changes one paper and deletes one meeting, the conformance
 * kit, and the registry harness's way of starting the city (replica as a child process).
 */
import fs from 'node:fs';
import path from 'node:path';
import { CITIES, replicaOf, ROOT_DIR } from '../../schema/cities';
import { composeSupergraph } from '../../schema/compose';
import { buildGateway } from '../../gateway/server';
import type { RunningService } from '../../subgraphs/shared/server';
import { createOParlReplica, type OParlReplica } from '../../subgraphs/oparl/replica/server';
import { buildFromEnv, type OParlSubgraph } from '../../subgraphs/oparl/server';
import { formatReport, runConformance } from '../../scripts/conformance';
import { logger, postGraphQL, testStoreEnv, type GraphQLResponse } from './harness';
import { startRegistryCity } from './registry-graph';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** A loopback port nothing listens on: the other cities are simply unreachable. */
const NOWHERE = 'http://127.0.0.1:9/graphql';

const CITY = CITIES.find((c) => c.adapter?.name === 'oparl')!;
const ID = CITY.id;
const PREFIX = CITY.typePrefix;
const DATA_DIR = path.join(ROOT_DIR, replicaOf(CITY).defaultDir);
const read = (name: string): Json[] => JSON.parse(fs.readFileSync(path.join(DATA_DIR, name), 'utf8'));
const meetingsData = read('meetings.json');
const papersData = read('papers.json');
const organizationsData = read('organizations.json');
const rel = (url: string) => url.replace('https://oparl.example.org/', '');
/** The rule: an agenda item with a result or a resolution text, of a meeting not cancelled. */
const decidedItems = meetingsData.filter((m) => !m.cancelled).flatMap((m) => (m.agendaItem ?? []).filter((i: Json) => i.result || i.resolutionText));

describe(`${ID} (OParl) through the gateway`, () => {
  let replica: OParlReplica;
  let replicaRunning: RunningService;
  let service: OParlSubgraph;
  let subgraph: RunningService;
  let gateway: RunningService;
  let requestsOfFirstSync: string[];
  const query = (q: string, v?: Record<string, unknown>): Promise<GraphQLResponse> => postGraphQL(gateway.url, q, v);
  const ok = async (q: string, v?: Record<string, unknown>) => {
    const res = await query(q, v);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data[ID];
  };

  beforeAll(async () => {
    replica = createOParlReplica({ dataDir: DATA_DIR });
    replicaRunning = await replica.listen(0);
    const upstream = CITY.upstreams[0];
    service = await buildFromEnv({ CITY_ID: ID, DATA_DIR: 'memory', ...testStoreEnv(), SYNC_INTERVAL_S: '0', [upstream.baseUrlEnv]: replicaRunning.url }, logger);
    subgraph = await service.listen(0);
    // As the registry harness does: the first sync starts on listen; /ready answers 200 when it is done.
    for (let i = 0; i < 600; i++) {
      if ((await fetch(subgraph.url.replace(/\/graphql$/, '/ready'))).ok) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    requestsOfFirstSync = [...replica.requests];
    const { supergraphSdl, errors } = composeSupergraph();
    if (!supergraphSdl) throw new Error(errors.join('; '));
    const urls = Object.fromEntries(CITIES.map((c) => [c.id, c.id === ID ? subgraph.url : NOWHERE]));
    gateway = await (await buildGateway({ supergraphSdl, subgraphUrls: urls, subgraphTimeoutMs: 10000, responseCache: false, edgeCacheEntries: 0 }, logger)).listen(0);
  }, 180_000);

  afterAll(async () => {
    await gateway?.close();
    await subgraph?.close();
    await replicaRunning?.close();
  });

  it('synced by following next links: System, body list, then every page of the four lists, each once', () => {
    const lists = ['organizations', 'persons', 'meetings', 'papers'];
    const pagesOf = (list: string, n: number) => Math.ceil(n / 20);
    const expected = ['/oparl/v1/', '/oparl/v1/bodies', ...lists.flatMap((list) => {
      const n = read(`${list}.json`).length;
      return Array.from({ length: pagesOf(list, n) }, (_, i) => `/oparl/v1/body/0/${list}/${i === 0 ? '' : `?page=${i + 1}`}`);
    })];
    expect(requestsOfFirstSync).toEqual(expected);
    expect(service.upstream.requestCount).toBe(expected.length);
  });

  it('answers with the city\'s type names and ids; the city describes itself from the registry', async () => {
    const data = await ok(`{ ${ID} { __typename id name country timezone languages licence { name } upstream
      decisions(first: 3) { totalCount nodes { __typename id } } meetings(first: 3) { totalCount nodes { __typename id } }
      cases(first: 3) { totalCount nodes { __typename id } } bodies(first: 50) { totalCount nodes { __typename id name type } } } }`);
    expect(data).toMatchObject({ __typename: `${PREFIX}City`, id: ID, name: CITY.name, country: 'DE', timezone: 'Europe/Berlin', languages: ['de'], upstream: replicaRunning.url });
    expect(data.decisions.totalCount).toBe(decidedItems.length);
    expect(data.meetings.totalCount).toBe(meetingsData.length);
    expect(data.cases.totalCount).toBe(papersData.length);
    expect(data.bodies.totalCount).toBe(organizationsData.length);
    for (const [list, type] of [['decisions', 'Decision'], ['meetings', 'Meeting'], ['cases', 'Case'], ['bodies', 'Body']]) {
      for (const node of data[list].nodes) {
        expect(node.__typename).toBe(`${PREFIX}${type}`);
        expect(node.id.startsWith(`${ID}:`)).toBe(true);
      }
    }
    expect(data.bodies.nodes.find((b: Json) => b.id === `${ID}:body:organization/1`)).toMatchObject({ name: 'Rat der Stadt', type: 'COUNCIL' });
  });

  it('serves the spec\'s Meeting example: offsets kept, the agenda item\'s result as an AMENDED decision, linked to its paper', async () => {
    const data = await ok(`{ ${ID} { meeting(id: "${ID}:meeting:meeting/281") { __typename id title start end date status body { name type }
      agenda { __typename id number title decision { id } } decisions { id outcome outcomeRaw content { plain } case { id title label } body { id } } attachments { title typeRaw url } } } }`);
    const m = data.meeting;
    expect(m).toMatchObject({ __typename: `${PREFIX}Meeting`, id: `${ID}:meeting:meeting/281`, title: '4. Sitzung des Finanzausschusses', start: '2013-01-04T08:00:00+01:00', end: '2013-01-04T12:00:00+01:00', date: '2013-01-04', status: 'HELD', body: { name: 'Ausschuss für Haushalt und Finanzen', type: 'COMMITTEE' } });
    expect(m.agenda).toEqual([{ __typename: `${PREFIX}AgendaItem`, id: `${ID}:agendaitem:agendaitem/3271`, number: '10.1', title: 'Satzungsänderung für Ausschreibungen', decision: { id: `${ID}:decision:agendaitem/3271` } }]);
    expect(m.decisions).toEqual([{ id: `${ID}:decision:agendaitem/3271`, outcome: 'AMENDED', outcomeRaw: 'Geändert beschlossen', content: { plain: 'Der Beschluss weicht wie folgt vom Antrag ab: ...' }, case: { id: `${ID}:case:paper/1034`, title: 'Satzungsänderung für Ausschreibungen', label: '0987/2012' }, body: { id: `${ID}:body:organization/34` } }]);
    expect(m.attachments[0]).toEqual({ title: 'Einladung', typeRaw: 'invitation', url: `${replicaRunning.url}files/57739.pdf` });
  });

  it('serves the spec\'s Paper example as a case: consultations → its decision', async () => {
    const data = await ok(`{ ${ID} { case(id: "paper/749") { __typename id label title status categories { code scheme } openedAt
      consultations { role authoritative bodies { name } decision { id outcome } } decisions { id outcome meeting { id date } } attachments { title url mimeType } } } }`);
    expect(data.case).toEqual({
      __typename: `${PREFIX}Case`, id: `${ID}:case:paper/749`, label: '1234/2014', title: 'Antwort auf Anfrage 1200/2014', status: 'UNKNOWN', categories: [{ code: 'Beantwortung einer Anfrage', scheme: 'OParl paperType' }], openedAt: '2014-04-04T00:00:00+02:00',
      consultations: [{ role: 'Beschlussfassung', authoritative: false, bodies: [{ name: 'Hauptausschuss' }], decision: { id: `${ID}:decision:agendaitem/15569`, outcome: 'NOTED' } }],
      decisions: [{ id: `${ID}:decision:agendaitem/15569`, outcome: 'NOTED', meeting: { id: `${ID}:meeting:meeting/243`, date: '2014-04-10' } }],
      attachments: [
        { title: 'Anlage 1 zur Anfrage', url: `${replicaRunning.url}files/57737.pdf`, mimeType: 'application/pdf' },
        { title: 'Anlage 1 zur Anfrage', url: `${replicaRunning.url}files/57739.pdf`, mimeType: 'application/pdf' },
      ],
    });
  });

  it('maps every result wording as the coverage says, and counts those it does not know', async () => {
    const counts = new Map<string, number>();
    for (const i of decidedItems) if (i.result) counts.set(i.result, (counts.get(i.result) ?? 0) + 1);
    const data = await ok(`{ ${ID} { adopted: decisions(filter: { outcome: [ADOPTED] }) { totalCount } rejected: decisions(filter: { outcome: [REJECTED] }) { totalCount }
      sources { key recordsHeld unmappedValues(first: 100) { field value records } } } }`);
    const wordings = (re: RegExp) => [...counts].filter(([w]) => re.test(w)).reduce((s, [, n]) => s + n, 0);
    expect(data.rejected.totalCount).toBe(wordings(/^abgelehnt$/));
    expect(data.adopted.totalCount).toBe(wordings(/^(einstimmig |mehrheitlich )?(beschlossen|empfohlen)( \(bei 2 Enthaltungen\))?$/));
    const unmapped = data.sources[0].unmappedValues.filter((u: Json) => u.field === 'Decision.outcome');
    expect(unmapped.map((u: Json) => [u.value, u.records]).sort()).toEqual([['Beschluss siehe Niederschrift', counts.get('Beschluss siehe Niederschrift')], ['erledigt', counts.get('erledigt')]].sort());
    expect(data.sources[0].unmappedValues).toContainEqual({ field: 'Body.type', value: 'Integrationsrat', records: 1 });
  });

  it('round-trips ids through lookups (global, relative and URL forms)', async () => {
    const data = await ok(`{ ${ID} { decisions(first: 2) { nodes { id sourceId sourceUrl meeting { id } body { id } case { id } } } } }`);
    for (const d of data.decisions.nodes) {
      const back = await ok(`query($d: ID!, $m: ID!, $b: ID!, $s: ID!, $u: ID!) { ${ID} { a: decision(id: $d) { id } b: meeting(id: $m) { id } c: body(id: $b) { id } d: decision(id: $s) { id } e: decision(id: $u) { id } } }`,
        { d: d.id, m: d.meeting.id, b: d.body.id, s: d.sourceId, u: d.sourceUrl });
      expect(back).toEqual({ a: { id: d.id }, b: { id: d.meeting.id }, c: { id: d.body.id }, d: { id: d.id }, e: { id: d.id } });
      if (d.case) expect((await ok(`query($c: ID!) { ${ID} { case(id: $c) { id } } }`, { c: d.case.id })).case.id).toBe(d.case.id);
    }
    const bad = await query(`{ ${ID} { meeting(id: "${ID}:meeting:meeting/999999") { id } } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });

  it('lists members of a body from the persons\' memberships, and a council meeting\'s participants', async () => {
    const data = await ok(`{ ${ID} { body(id: "organization/1") { members { role roleType person { id name } } meetings(first: 1, filter: { status: HELD, to: "2025-10-01" }) { nodes { ... on ${PREFIX}Meeting { participants { person { id } } } } } } } }`);
    const expected = read('persons.json').filter((p) => (p.membership ?? []).some((m: Json) => rel(m.organization) === 'organization/1' && !m.endDate));
    expect(data.body.members.length).toBe(expected.length);
    expect(data.body.members.filter((m: Json) => m.roleType === 'CHAIR')).toHaveLength(1);
    expect(data.body.meetings.nodes[0].participants.length).toBeGreaterThan(0);
  });

  it('passes the conformance kit', async () => {
    const report = await runConformance({ url: subgraph.url });
    if (!report.ok) throw new Error(formatReport(report));
    expect(report.city).toBe(ID);
  }, 120_000);

  it('an incremental sync asks only for what changed (modified_since) and reflects a changed paper and a deleted meeting', async () => {
    const before = await ok(`{ ${ID} { meetings { totalCount } decisions { totalCount } meeting(id: "meeting/243") { id } } }`);
    replica.modify('paper/749', (p) => {
      p.name = 'Antwort auf Anfrage 1200/2014 (berichtigt)';
    });
    replica.remove('meeting/243');
    const from = replica.requests.length;
    const [report] = (await service.sync.runOnce())!;
    expect(report).toMatchObject({ ok: true, run: { full: false } });
    const asked = replica.requests.slice(from);
    // The System, the body list, then each list's first page with modified_since; every list fits one page.
    expect(asked.slice(0, 2)).toEqual(['/oparl/v1/', '/oparl/v1/bodies']);
    expect(asked.slice(2).map((r) => r.replace(/modified_since=[^&]+/, 'modified_since=…'))).toEqual(
      ['organizations', 'persons', 'meetings', 'papers'].map((l) => `/oparl/v1/body/0/${l}/?modified_since=…`),
    );
    expect(report.run.fetched).toBe(1 + 2); // the body, the changed paper, the deleted meeting
    const after = await ok(`{ ${ID} { meetings { totalCount } decisions { totalCount } case(id: "paper/749") { title decisions { id } consultations { decision { id } } } } }`);
    expect(after.meetings.totalCount).toBe(before.meetings.totalCount - 1);
    const decidedAt243 = meetingsData.find((m) => rel(m.id) === 'meeting/243')!.agendaItem.filter((i: Json) => i.result || i.resolutionText).length;
    expect(after.decisions.totalCount).toBe(before.decisions.totalCount - decidedAt243);
    expect(after.case.title).toBe('Antwort auf Anfrage 1200/2014 (berichtigt)');
    expect(after.case.decisions).toEqual([]);
    expect(after.case.consultations).toEqual([{ decision: null }]);
    const gone = await query(`{ ${ID} { meeting(id: "meeting/243") { id } } }`);
    expect(gone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_FOUND' });
  }, 60_000);
});

describe(`${ID} started as the registry harness starts any city`, () => {
  it('runs its replica as a process (CITY_ID) and its subgraph from buildFromEnv, and becomes ready', async () => {
    const started = await startRegistryCity(CITY);
    try {
      const res = await postGraphQL(started.url, `{ ${ID} { meetings(first: 1) { totalCount } } }`);
      expect(res.data[ID].meetings.totalCount).toBe(meetingsData.length);
    } finally {
      await started.close();
    }
  }, 180_000);
});
