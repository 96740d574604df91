/**
 * HELSINKI_REPLICA_DIR, AMSTERDAM_REPLICA_DIR and BARCELONA_REPLICA_DIR point the replicas at other directories of
 * dumps in the upstreams' own shapes: here small datasets this test writes, served by each
 * replica's own entry point as a process, read through subgraph and gateway.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startProcess, stopProcess, waitFor } from './process';
import { BARCELONA_DATA_DIR, logger, postGraphQL, startGraph, TEST_SYNC, testStoreSettings, type Graph } from './harness';
import { buildDecidimSubgraph } from '../../subgraphs/decidim/server';
import { replicaUpstreamUrls } from '../../subgraphs/decidim/replica/server';
import { cityById as decidimCityById } from '../../schema/cities';
import { notubizCity } from '../../subgraphs/notubiz/mapping/common';
import { cityById as notubizCityById } from '../../schema/cities';

const ORGANISATIONS = notubizCity(notubizCityById('amsterdam')).organisations;

const FIXTURES = path.resolve(__dirname, '../fixtures/helsinki');

describe('HELSINKI_REPLICA_DIR', () => {
  let dir: string;
  let replica: ReturnType<typeof startProcess>;
  let graph: Graph;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahjo-dump-'));
    const fi = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'helsinki-ahjo-decision.json'), 'utf8'));
    const sv = {
      ...fi,
      NativeId: '{5E5E5E5E-2712-49B6-9938-02A1E52593C1}',
      Title: 'Revisionsnämndens verksamhetsplan 2022–2025',
      Content: fi.Content.replace('lang="fi"', 'lang="sv"').replace(/<h3 class="SisaltoOtsikko">Päätös<\/h3><p>[^<]*<\/p>/, '<h3 class="SisaltoOtsikko">Beslut</h3><p>Revisionsnämnden beslutade godkänna verksamhetsplanen.</p>'),
    };
    const meeting = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'helsinki-ahjo-meeting.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'decisions.json'), JSON.stringify({ decisions: [sv, fi] }));
    fs.writeFileSync(path.join(dir, 'meetings.json'), JSON.stringify({ meetings: [meeting] }));
    const port = await freePort();
    replica = startProcess('subgraphs/ahjo/replica/index.ts', { CITY_ID: 'helsinki', HELSINKI_REPLICA_DIR: dir, HELSINKI_REPLICA_PORT: String(port) });
    await waitFor(`http://127.0.0.1:${port}/health`);
    graph = await startGraph({ ahjoBaseUrl: `http://127.0.0.1:${port}/ahjorest/v1` });
  });

  afterAll(async () => {
    await graph?.close();
    if (replica) await stopProcess(replica);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the written dataset: one decision in two languages, one meeting, nothing else', async () => {
    const res = await graph.query(`{ helsinki {
      decisions { totalCount nodes { id availableLanguages sv: title(lang: "sv") outcome } }
      meetings(filter: { from: "2021-01-01", to: "2022-01-01" }) { totalCount nodes { id agenda { number } } }
      cases { totalCount }
    } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.decisions).toEqual({
      totalCount: 1,
      nodes: [{ id: 'helsinki:decision:{B0480A7A-2712-49B6-9938-02A1E52593C1}', availableLanguages: ['fi', 'sv'], sv: 'Revisionsnämndens verksamhetsplan 2022–2025', outcome: 'ADOPTED' }],
    });
    expect(res.data.helsinki.meetings).toEqual({ totalCount: 1, nodes: [{ id: 'helsinki:meeting:U501020213', agenda: [{ number: '1' }, { number: '2' }, { number: '3' }] }] });
    // No cases.json in the directory: an empty list, as from an empty dump.
    expect(res.data.helsinki.cases.totalCount).toBe(0);
    expect(replica.output()).toContain(dir);
  });
});

describe('AMSTERDAM_REPLICA_DIR', () => {
  let dir: string;
  let replica: ReturnType<typeof startProcess>;
  let graph: Graph;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notubiz-dump-'));
    fs.mkdirSync(path.join(dir, 'gremia'));
    fs.mkdirSync(path.join(dir, 'meetings'));
    const field = (id: string, label: string) => ({ '@attributes': { id }, label });
    fs.writeFileSync(path.join(dir, 'organisations.json'), JSON.stringify({ organisations: { organisation: [{ '@attributes': { id: '281' }, logo: '', settings: { folder: { fields: { field: [field('1', 'Titel'), field('2', 'Locatie')] } } } }] } }));
    fs.writeFileSync(path.join(dir, 'gremia', '281.json'), JSON.stringify({ gremia: [{ id: 10, title: 'Gemeenteraad' }] }));
    // Every organisation the subgraph is configured for must be known (a 404 for its gremia fails the sync): the others have none here.
    for (const org of ORGANISATIONS.filter((o) => o.id !== 281)) fs.writeFileSync(path.join(dir, 'gremia', `${org.id}.json`), JSON.stringify({ gremia: [] }));
    const doc = { id: 7, title: 'Raadsvoorstel Vondelpark', url: 'https://api.notubiz.nl/document/7/1', self: 'api.notubiz.nl/document/7', version: 1, versions: [{ id: 1, file_name: 'rv.pdf', mime_type: 'application/pdf', file_size: 10, type: 'file' }], types: [{ id: 21, value: 'Raadsvoorstel' }], publication_date: '2025-02-20', last_modified: '2025-02-20 10:00:00', case_code: '' };
    const meeting = {
      id: 5, type: 'meeting', body: 'council', organisation: { id: 281 }, gremium: { id: 10 }, permission_group: 'public', confidential: 0,
      plannings: [{ start_date: '2025-03-05 13:00:00', end_date: null }], attributes: [{ id: 1, value: 'Gemeenteraad' }, { id: 2, value: 'Raadzaal' }],
      documents: [], module_items: [], last_modified: '2025-03-06 09:00:00',
      agenda_items: [{ id: 50, type: 'agenda_point', order: 1, parent: null, type_data: { title_prefix: '1.', heading: false, attributes: [{ id: 1, value: 'Herinrichting Vondelpark' }] }, documents: [doc], agenda_items: [], module_items: [] }],
    };
    fs.writeFileSync(path.join(dir, 'meetings', '5.json'), JSON.stringify({ meeting }));
    const port = await freePort();
    replica = startProcess('subgraphs/notubiz/replica/index.ts', { CITY_ID: 'amsterdam', AMSTERDAM_REPLICA_DIR: dir, AMSTERDAM_REPLICA_PORT: String(port) });
    await waitFor(`http://127.0.0.1:${port}/health`);
    graph = await startGraph({ amsterdam: { baseUrl: `http://127.0.0.1:${port}` } });
  });

  afterAll(async () => {
    await graph?.close();
    if (replica) await stopProcess(replica);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the written dataset: one meeting with one decision', async () => {
    const res = await graph.query(`{ amsterdam {
      meetings(filter: { from: "2025-01-01", to: "2026-01-01" }) { totalCount nodes { id title location start } }
      decisions(filter: { from: "2025-01-01", to: "2026-01-01" }) { totalCount nodes { id title number attachments { ... on AmsterdamDocument { fileName } } } }
    } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.amsterdam.meetings).toEqual({ totalCount: 1, nodes: [{ id: 'amsterdam:meeting:5', title: 'Gemeenteraad', location: 'Raadzaal', start: '2025-03-05T13:00:00+01:00' }] });
    expect(res.data.amsterdam.decisions).toEqual({ totalCount: 1, nodes: [{ id: 'amsterdam:decision:5-50', title: 'Herinrichting Vondelpark', number: '1.', attachments: [{ fileName: 'rv.pdf' }] }] });
    expect(replica.output()).toContain(dir);
  });
});

describe('BARCELONA_REPLICA_DIR', () => {
  let dir: string;
  let replica: ReturnType<typeof startProcess>;
  let port: number;

  beforeAll(async () => {
    // The default data with the current-term file cut to its header and first two agreements.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcn-dump-'));
    fs.cpSync(BARCELONA_DATA_DIR, dir, { recursive: true });
    const file = path.join(dir, 'plenary', 'votacions_plenari_mandat_actual.csv');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    fs.writeFileSync(file, lines.slice(0, 3).join('\n') + '\n');
    port = await freePort();
    replica = startProcess('subgraphs/decidim/replica/index.ts', { CITY_ID: 'barcelona', BARCELONA_REPLICA_DIR: dir, BARCELONA_REPLICA_PORT: String(port) });
    await waitFor(`http://127.0.0.1:${port}/health`);
  });

  afterAll(async () => {
    if (replica) await stopProcess(replica);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves both the plenary files and Decidim from the other directory', async () => {
    const service = await buildDecidimSubgraph(decidimCityById('barcelona'), {
      ...replicaUpstreamUrls(decidimCityById('barcelona'), `http://127.0.0.1:${port}`),
      timeoutMs: 5000,
      retries: 1,
      breaker: { resetMs: 10000, volumeThreshold: 5 },
      decidimRequestsPerMinute: 600,
      userAgent: 'city-decision-graph tests',
      store: testStoreSettings(),
      sync: TEST_SYNC,
    }, logger);
    await service.sync.runOnce();
    const running = await service.listen(0);
    try {
      const res = await postGraphQL(running.url, '{ barcelona { sources { key rows } participatoryProcesses { id } } }');
      expect(res.errors).toBeUndefined();
      expect(res.data.barcelona.sources[0]).toEqual({ key: 'mandat_actual', rows: 2 });
      expect(res.data.barcelona.participatoryProcesses.length).toBeGreaterThan(0);
      expect(replica.output()).toContain(dir);
    } finally {
      await running.close();
    }
  });
});
