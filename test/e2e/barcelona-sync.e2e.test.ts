/**
 * Barcelona's sync end to end: replica (plenary files + Decidim) → sync → store → subgraph →
 * gateway, over HTTP. A backfill; plenary rows added, changed and removed in a file; a Decidim
 * proposal added and removed; a row that cannot be placed; a fault in the middle of a sync; a first
 * sync that cannot reach the city; and lists that never ask the upstreams.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCurrentTermFile as parseCurrentTermFileWith, parsePreviousTermFile as parsePreviousTermFileWith } from '../../subgraphs/decidim/mapping/plenary';
import { decidimCity, plenaryOptionsOf } from '../../subgraphs/decidim/mapping/city';
import { cityById } from '../../schema/cities';
import { loadDecidimSeed, type DecidimSeed, type SeedComponent } from '../../subgraphs/decidim/replica/decidim';
import { BARCELONA_DATA_DIR, startGraph, type Graph } from './harness';

// The files parsed with Barcelona's groups, as its subgraph parses them.
const BCN = plenaryOptionsOf(decidimCity(cityById('barcelona')));
const parseCurrentTermFile = (content: string, file?: string) => parseCurrentTermFileWith(content, file, BCN);
const parsePreviousTermFile = (content: string, file?: string) => parsePreviousTermFileWith(content, file, BCN);

const CURRENT = 'votacions_plenari_mandat_actual.csv';
const PREVIOUS = 'votacions_plenari_mandat_2019_2023.csv';
const plenaryDir = path.join(BARCELONA_DATA_DIR, 'plenary');
const currentText = fs.readFileSync(path.join(plenaryDir, CURRENT), 'utf8');
const current = parseCurrentTermFile(currentText);
const previous = parsePreviousTermFile(fs.readFileSync(path.join(plenaryDir, PREVIOUS), 'utf8'));
const agreements = [...current.agreements, ...previous.agreements];
const seed = loadDecidimSeed(path.join(BARCELONA_DATA_DIR, 'decidim', 'seed.json'));

/** What the seed publishes through the API (Decidim's visibility rules, as the replica applies them). */
function published(s: DecidimSeed) {
  const processes = s.participatoryProcesses.filter((p) => p.published !== false && !!p.publishedAt && !p.private);
  const components = processes.flatMap((p) => p.components.filter((c) => !!c.publishedAt));
  return {
    processes,
    proposals: components.flatMap((c) => (c.manifest === 'proposals' ? (c.proposals ?? []).filter((x) => !!x.publishedAt) : [])),
    components,
  };
}
const visible = published(seed);

/** The current file's lines, and a record on one line with exactly the header's fields (no `;` in its text); record lines start with a TAB. */
const lines = currentText.replace(/\n$/, '').split('\n');
const header = lines[0].split(';');
const plainLine = lines.find((l) => /^\tCP /.test(l) && l.split(';').length === header.length && /^Aprovada$/.test(l.split(';')[6]))!;
/** A line like `plainLine` with some fields replaced (by index). */
function variant(fields: Record<number, string>): string {
  const f = plainLine.split(';');
  for (const [i, v] of Object.entries(fields)) f[Number(i)] = v;
  return f.join(';');
}
const fileWith = (...extra: string[]) => [...lines, ...extra].join('\n') + '\n';

const ADDED_REF = 'M9999/901';
const sessionRef = plainLine.split(';')[0].trim();
const addedId = `${sessionRef}|${ADDED_REF}`;
const added = variant({ 1: ADDED_REF, 3: 'Sincronització de prova: acord nou', 4: 'Sincronización de prueba: acuerdo nuevo' });
const changed = variant({ 1: ADDED_REF, 3: 'Sincronització de prova: acord rebutjat', 4: 'Sincronización de prueba: acuerdo rechazado', 6: 'Rebutjada' });

let asked = 0;
const DECISION = 'query($id: ID!) { barcelona { decision(id: $id) { id title outcome outcomeRaw meeting { id agenda { id } } case { id title } } } }';
const TOTAL = '{ barcelona { decisions(first: 0) { totalCount } } }';
const SOURCE_FIELDS = 'sources { key rows recordsHeld recordsSetAside backfilled lastSuccessAt lastError { code message } unplacedRows { line reason } setAside { kind sourceId reason } unmappedValues { field value records } }';
const SOURCES = `{ barcelona { ${SOURCE_FIELDS} } }`;

describe('sync of the plenary files and Decidim', () => {
  let graph: Graph;
  let dir: string;
  const sync = () => graph.barcelona!.service.sync.runOnce();
  const touch = (content: string) => graph.barcelona!.replica.touch(CURRENT, content);
  const total = async () => (await graph.query(TOTAL)).data.barcelona.decisions.totalCount as number;

  beforeAll(async () => {
    // A copy of the dataset, so that the test can regenerate a file as the city would.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcn-sync-'));
    fs.cpSync(BARCELONA_DATA_DIR, dir, { recursive: true });
    const started = await startGraph({ barcelona: { dataDir: dir }, breaker: { volumeThreshold: 1000 } });
    // The gateway caches answers for their cache hints: every question here is asked anew.
    graph = { ...started, query: (q, v) => started.query(`${q} # ${asked++}`, v) };
  });
  afterAll(async () => {
    await graph.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backfills both files and Decidim, and reports each in sources', async () => {
    const res = await graph.query(SOURCES);
    expect(res.errors).toBeUndefined();
    const [cur, prev, decidim] = res.data.barcelona.sources;
    expect(cur).toMatchObject({ key: 'mandat_actual', rows: current.agreements.length, recordsHeld: current.agreements.length, recordsSetAside: 0, backfilled: true, lastError: null, unplacedRows: [], unmappedValues: [] });
    expect(prev).toMatchObject({ key: 'mandat_2019_2023', rows: previous.agreements.length, recordsHeld: previous.agreements.length, recordsSetAside: 0, backfilled: true, lastError: null, unmappedValues: [] });
    expect(decidim).toMatchObject({ key: 'decidim', recordsSetAside: 0, backfilled: true, lastError: null });
    expect(decidim.recordsHeld).toBeGreaterThan(visible.processes.length + visible.proposals.length);
    expect(await total()).toBe(agreements.length);
    const participation = await graph.query('{ barcelona { proposals(first: 0) { totalCount } participatoryProcesses { id } } }');
    expect(participation.data.barcelona.proposals.totalCount).toBe(visible.proposals.length);
    expect(participation.data.barcelona.participatoryProcesses).toHaveLength(visible.processes.length);
  });

  it('answers lists, filters, searches, nested lists and counts without asking the file server or Decidim', async () => {
    const replica = graph.barcelona!.replica;
    const files = replica.fileRequests.length;
    const decidim = replica.decidim.requestCount;
    const res = await graph.query(`{ barcelona {
      decisions(first: 5, filter: { text: "habitatge", from: "2019-01-01", category: "Vivienda", outcome: [ADOPTED, AMENDED] }) { totalCount nodes { id meeting { id agenda(first: 3) { id } decisions(first: 2) { id } } case { id decisions { id } } voteEvents { totalCast } } }
      meetings(first: 5, filter: { status: HELD }) { totalCount nodes { id status body { name } } }
      cases(first: 3, filter: { text: "m2327" }) { totalCount }
      bodies(first: 10) { totalCount nodes { id name decisions(first: 1) { totalCount } meetings(first: 1) { totalCount } } }
      proposals(first: 3, states: ["accepted", "not_answered"]) { totalCount nodes { id process { id } } }
      accountabilityResults(first: 3) { totalCount nodes { progress children { id } parent { id } } }
      participatoryProcesses(first: 20) { body { id } proposals(first: 2) { id } meetings(first: 2) { id agenda(first: 10) { id children(first: 10) { id } } } accountabilityResults(first: 2) { id } }
    } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.barcelona.decisions.totalCount).toBeGreaterThan(0);
    expect(res.data.barcelona.bodies.totalCount).toBe(1 + visible.processes.length);
    expect(replica.fileRequests.length).toBe(files);
    expect(replica.decidim.requestCount).toBe(decidim);
  });

  it('picks up an added plenary row, a changed one and a removed one in the next syncs', async () => {
    const before = await total();
    touch(fileWith(added));
    const [cur, prev] = (await sync())!;
    expect(cur).toMatchObject({ ok: true, run: { full: false, deleted: 0 } });
    expect(prev).toMatchObject({ ok: true, run: { written: 0, deleted: 0 } }); // 304
    const d = (await graph.query(DECISION, { id: addedId })).data.barcelona.decision;
    expect(d).toMatchObject({ id: `barcelona:decision:${addedId}`, title: 'Sincronització de prova: acord nou', outcome: 'ADOPTED', case: { id: `barcelona:case:${ADDED_REF}` } });
    expect(d.meeting.agenda.map((i: { id: string }) => i.id)).toContain(`barcelona:agendaitem:${addedId}`);
    expect(await total()).toBe(before + 1);
    // Accents folded: "sincronitzacio" finds "Sincronització".
    expect((await graph.query('{ barcelona { decisions(filter: { text: "sincronitzacio prova" }) { totalCount } } }')).data.barcelona.decisions.totalCount).toBe(1);

    touch(fileWith(changed));
    const [again] = (await sync())!;
    // Only what changed is rewritten: the decision, its agenda item and its case (title); not its vote or session.
    expect(again).toMatchObject({ ok: true, run: { written: 3, deleted: 0 } });
    expect((await graph.query(DECISION, { id: addedId })).data.barcelona.decision).toMatchObject({ title: 'Sincronització de prova: acord rebutjat', outcome: 'REJECTED', outcomeRaw: 'Rebutjada', case: { title: 'Sincronització de prova: acord rebutjat' } });

    touch(fileWith());
    const [removed] = (await sync())!;
    expect(removed.ok).toBe(true);
    expect(removed.run.deleted).toBeGreaterThanOrEqual(3);
    expect((await graph.query(DECISION, { id: addedId })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_FOUND' });
    expect((await graph.query('query($id: ID!) { barcelona { case(id: $id) { id } } }', { id: ADDED_REF })).errors?.[0].extensions).toMatchObject({ reason: 'NOT_FOUND' });
    expect(await total()).toBe(before);
  });

  it('keeps a case that spans both files whole when either file changes', async () => {
    const CASE = 'query($id: ID!) { barcelona { case(id: $id) { title decisions { id } } } }';
    const previousText = fs.readFileSync(path.join(plenaryDir, PREVIOUS), 'utf8');
    const a = current.agreements.find((x) => x.proposalRefs.length === 1 && x.proposalRefs[0] !== 's/n')!;
    const ref = a.proposalRefs[0];
    const carrying = current.agreements.filter((x) => x.proposalRefs.includes(ref));
    const caseOf = async () => (await graph.query(CASE, { id: ref })).data?.barcelona?.case;
    expect((await caseOf()).decisions).toHaveLength(carrying.length);
    // The real 2019–2023 file has no ref_proposta (issue 11), so its agreements carry no case; the
    // parser reads the column where a file has it. The file with the column added (empty on every
    // row: their ids stay `{ref_sessio}|s/n…`) gains an agreement with the same reference (an older session).
    const withRefs = previousText.replace(/^(sense filtres\r\nref_sessio;data_sessio;)/, '$1ref_proposta;').replace(/^(CP [^;\r\n]*;[^;\r\n]*;)/gm, '$1;');
    expect(parsePreviousTermFile(withRefs).agreements).toEqual(previous.agreements);
    const older = `CP 06/23;11/5/2023;${ref};"Cas compartit de prova";Govern municipal;aprovat;C) Part decisòria / Executiva;grup;Habitatge;BComú,PSC;a_favor;a_favor;a_favor;a_favor;a_favor;a_favor;;a_favor\r\n`;
    graph.barcelona!.replica.touch(PREVIOUS, withRefs + older);
    await sync();
    const both = await caseOf();
    expect(both.decisions.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([`barcelona:decision:CP 06/23|${ref}`, `barcelona:decision:${a.sessionRef}|${ref}`]));
    expect(both.decisions).toHaveLength(carrying.length + 1);
    expect(both.title).toBe(a.titleCa); // the newest agreement's
    // The current file drops its rows of the reference: the case keeps the older file's.
    const without = lines.filter((l) => !(/^\tCP /.test(l) && l.split(';')[0].trim() === a.sessionRef && l.split(';')[1].trim() === ref));
    expect(without.length).toBe(lines.length - carrying.length);
    touch(without.join('\n') + '\n');
    await sync();
    expect(await caseOf()).toEqual({ title: 'Cas compartit de prova', decisions: [{ id: `barcelona:decision:CP 06/23|${ref}` }] });
    // Both files as they were: the case as it was.
    touch(fileWith());
    await sync();
    graph.barcelona!.replica.touch(PREVIOUS, previousText);
    await sync();
    expect((await caseOf()).decisions).toHaveLength(carrying.length);
    expect(await total()).toBe(agreements.length);
  });

  it('follows a Decidim proposal added and removed', async () => {
    const PROPOSAL = '990001';
    const proposals = (text: string) => graph.query('query($t: String) { barcelona { proposals(text: $t, first: 5) { totalCount nodes { id title process { id proposals(first: 500) { id } } } } } }', { t: text });
    const totalBefore = (await graph.query('{ barcelona { proposals(first: 0) { totalCount } } }')).data.barcelona.proposals.totalCount;
    graph.barcelona!.replica.decidim.change((s) => {
      const component = published(s).components.find((c) => c.manifest === 'proposals' && (c.proposals ?? []).some((p) => p.publishedAt)) as SeedComponent;
      const base = component.proposals!.find((p) => p.publishedAt)!;
      component.proposals!.push({ ...base, id: PROPOSAL, reference: `BCN-PROP-2026-01-${PROPOSAL}`, title: { ca: 'Proposta de prova de sincronització', es: 'Propuesta de prueba de sincronización' }, publishedAt: '2026-01-15T10:00:00+01:00' });
    });
    const reports = (await sync())!;
    expect(reports.find((r) => r.upstream === 'decidim')).toMatchObject({ ok: true });
    const found = (await proposals('prova sincronitzacio')).data.barcelona.proposals;
    expect(found.totalCount).toBe(1);
    expect(found.nodes[0]).toMatchObject({ id: `barcelona:proposal:${PROPOSAL}`, title: 'Proposta de prova de sincronització' });
    expect(found.nodes[0].process.proposals.map((p: { id: string }) => p.id)).toContain(`barcelona:proposal:${PROPOSAL}`);
    expect((await graph.query('{ barcelona { proposals(first: 0) { totalCount } } }')).data.barcelona.proposals.totalCount).toBe(totalBefore + 1);

    graph.barcelona!.replica.decidim.change((s) => {
      for (const c of s.participatoryProcesses.flatMap((p) => p.components)) c.proposals = c.proposals?.filter((p) => p.id !== PROPOSAL);
    });
    const [, , decidim] = (await sync())!;
    expect(decidim).toMatchObject({ ok: true, run: { deleted: 1 } });
    expect((await proposals('prova sincronitzacio')).data.barcelona.proposals.totalCount).toBe(0);
    expect((await graph.query('{ barcelona { proposals(first: 0) { totalCount } } }')).data.barcelona.proposals.totalCount).toBe(totalBefore);
  });

  it('sets aside a row it cannot place, with its line and reason, counts it in sources and syncs the rest', async () => {
    // The first group's vote cell holds markup, which no vote cell can (an unknown word such as `Sí`
    // would be placed, kept raw and reported as an unmapped value instead).
    const broken = variant({ 1: 'M9999/902', 12: '<p>Sí</p>' });
    const content = fileWith(added, broken);
    const brokenLine = lines.length + 2;
    const expected = parseCurrentTermFile(content);
    expect(expected.unplaced).toEqual([{ file: 'mandat_actual', line: brokenLine, reason: expect.stringContaining('"Barcelona en Comú" holds "<p>Sí</p>"') }]);
    touch(content);
    const [cur] = (await sync())!;
    expect(cur).toMatchObject({ ok: true, run: { setAside: 1 } });
    const [source] = (await graph.query(SOURCES)).data.barcelona.sources;
    expect(source).toMatchObject({ rows: expected.agreements.length, recordsHeld: expected.agreements.length, recordsSetAside: 1, unplacedRows: [{ line: brokenLine, reason: expected.unplaced[0].reason }] });
    expect(source.setAside).toEqual([{ kind: 'plenary-row', sourceId: `line ${brokenLine}`, reason: expect.stringContaining('holds "<p>Sí</p>", not a vote') }]);
    expect(await total()).toBe(agreements.length + 1); // the added row synced beside it
    expect((await graph.query(DECISION, { id: addedId })).data.barcelona.decision.id).toBe(`barcelona:decision:${addedId}`);

    // Fixed at the source: no longer set aside.
    touch(fileWith());
    await sync();
    expect((await graph.query(SOURCES)).data.barcelona.sources[0]).toMatchObject({ recordsSetAside: 0, unplacedRows: [], setAside: [] });
    expect(await total()).toBe(agreements.length);
  });

  it('keeps a value it does not recognise raw (UNKNOWN / null), places the row and counts the value in sources', async () => {
    const unknown = variant({ 1: 'M9999/903', 6: 'Aprovada per majoria', 12: 'Sí' });
    touch(fileWith(unknown));
    const [cur] = (await sync())!;
    expect(cur).toMatchObject({ ok: true, run: { setAside: 0 } });
    const id = `${sessionRef}|M9999/903`;
    const d = (await graph.query('query($id: ID!) { barcelona { decision(id: $id) { outcome outcomeRaw ... on BarcelonaDecision { groupVotes { label option raw } } } } }', { id })).data.barcelona.decision;
    expect(d).toMatchObject({ outcome: 'UNKNOWN', outcomeRaw: 'Aprovada per majoria' });
    expect(d.groupVotes[0]).toEqual({ label: 'Barcelona en Comú', option: null, raw: 'Sí' });
    const [source] = (await graph.query(SOURCES)).data.barcelona.sources;
    expect(source).toMatchObject({ recordsSetAside: 0, unplacedRows: [] });
    expect(source.unmappedValues).toEqual([
      { field: 'Decision.outcome', value: 'Aprovada per majoria', records: 1 },
      { field: 'GroupVoteCount.option', value: 'Sí', records: 1 },
    ]);
    // Gone from the file: no longer counted.
    touch(fileWith());
    await sync();
    expect((await graph.query(SOURCES)).data.barcelona.sources[0].unmappedValues).toEqual([]);
    expect(await total()).toBe(agreements.length);
  });

  it('keeps serving the last good data when the city fails in the middle of a sync, flags it stale, and completes next time', async () => {
    const replica = graph.barcelona!.replica;
    touch(fileWith(added));
    let failed = false;
    const reports = (await graph.barcelona!.service.sync.runOnce({
      onProgress: (p) => {
        // Once the current file is in, the city's server starts failing.
        if (!failed && p.upstream === 'mandat_2019_2023') {
          failed = true;
          Object.assign(replica.faults, { status: 502 });
        }
      },
    }))!;
    delete replica.faults.status;
    expect(failed).toBe(true);
    expect(reports.map((r) => [r.upstream, r.ok])).toEqual([['mandat_actual', true], ['mandat_2019_2023', false], ['decidim', false]]);
    for (const r of reports.slice(1)) expect(r.error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('HTTP 502') });

    const res = await graph.query(`{ barcelona { decisions(first: 3) { totalCount nodes { id } } proposals(first: 1) { totalCount } ${SOURCE_FIELDS} } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.barcelona.decisions.totalCount).toBe(agreements.length + 1); // what synced before the fault, and the rest as it was
    expect(res.data.barcelona.proposals.totalCount).toBe(visible.proposals.length);
    const [cur, prev, decidim] = res.data.barcelona.sources;
    expect(cur.lastError).toBeNull();
    expect(prev.lastError).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('HTTP 502') });
    expect(decidim.lastError).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(res.extensions?.stale).toEqual(expect.arrayContaining([
      expect.objectContaining({ city: 'barcelona', upstream: `Barcelona plenary file ${PREVIOUS}`, reason: expect.stringContaining('HTTP 502') }),
      expect.objectContaining({ city: 'barcelona', upstream: 'Decidim API', reason: expect.stringContaining('HTTP 502') }),
    ]));
    expect((res.extensions?.stale as unknown[]).length).toBe(2);

    const next = (await sync())!;
    expect(next.every((r) => r.ok)).toBe(true);
    const after = await graph.query(`{ barcelona { decisions(first: 1) { totalCount } ${SOURCE_FIELDS} } }`);
    expect(after.extensions?.stale).toBeUndefined();
    for (const s of after.data.barcelona.sources) expect(s.lastError).toBeNull();
    touch(fileWith());
    await sync();
  });
});

describe('a first sync that cannot reach Barcelona', () => {
  it('answers an error naming Barcelona (not an empty list), and data once the city is back', async () => {
    const graph = await startGraph({ barcelona: true, syncFirst: false, breaker: { volumeThreshold: 1000 } });
    try {
      const replica = graph.barcelona!.replica;
      replica.faults.garbage = 'html';
      await graph.barcelona!.service.sync.runOnce();
      const res = await graph.query('{ barcelona { decisions(first: 1) { totalCount } } }');
      expect(res.data?.barcelona ?? null).toBeNull();
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', city: 'barcelona' });
      expect(res.errors?.[0].message).toMatch(/Barcelona has no data yet: the first sync from Barcelona plenary file .* failed \(.*an HTML page instead of the CSV file\)/);
      expect((await fetch(graph.barcelona!.subgraph.url.replace('/graphql', '/ready'))).status).toBe(503);
      delete replica.faults.garbage;
      await graph.barcelona!.service.sync.runOnce();
      expect((await graph.query('{ barcelona { decisions(first: 2) { totalCount } } }')).data.barcelona.decisions.totalCount).toBe(agreements.length);
      expect((await fetch(graph.barcelona!.subgraph.url.replace('/graphql', '/ready'))).status).toBe(200);
    } finally {
      await graph.close();
    }
  });
});
