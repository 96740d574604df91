/**
 * HELSINKI_REPLICA_DIR points the replica at another directory of Ahjo dumps: here a small
 * dataset this test writes (a Finnish decision, its Swedish translation, one meeting), served by
 * the replica's own entry point as a process, read through subgraph and gateway.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startProcess, stopProcess, waitFor } from './process';
import { startGraph, type Graph } from './harness';

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
    replica = startProcess('subgraphs/helsinki/replica/index.ts', { HELSINKI_REPLICA_DIR: dir, HELSINKI_REPLICA_PORT: String(port) });
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
