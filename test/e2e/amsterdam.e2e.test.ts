/**
 * Amsterdam end to end: Notubiz replica (default dataset) → Amsterdam subgraph → gateway, over
 * HTTP. Expectations are computed from the dataset files, independently of the subgraph's code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AMSTERDAM_DATA_DIR, startGraph, TEST_SYNC, type Graph } from './harness';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const readJson = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8'));
const meetings: Raw[] = fs.readdirSync(path.join(AMSTERDAM_DATA_DIR, 'meetings')).map((f) => readJson(path.join(AMSTERDAM_DATA_DIR, 'meetings', f)).meeting);
const gremia = new Map<number, string>();
for (const f of fs.readdirSync(path.join(AMSTERDAM_DATA_DIR, 'gremia'))) for (const g of readJson(path.join(AMSTERDAM_DATA_DIR, 'gremia', f)).gremia) gremia.set(g.id, g.title);
const NOW = Date.now();
const startOf = (m: Raw) => m.plannings[0].start_date as string;
const isPublic = (m: Raw) => (m.permission_group ?? 'public') === 'public';
const flat = (items: Raw[]): Raw[] => items.flatMap((i) => [i, ...flat(i.agenda_items ?? [])]);
const DECISION_TYPES = ['Raadsvoorstel', 'Voordracht', 'Raadsbesluit', 'Besluit', 'Initiatiefvoorstel', 'Motie', 'Amendement'];
const started = (m: Raw) => new Date(startOf(m).replace(' ', 'T') + '+01:00').getTime() <= NOW;

/** The decisions the rule in the schema describes, straight from the files. */
function expectedDecisions(from: string, to: string): string[] {
  return meetings
    .filter((m) => isPublic(m) && !m.canceled && !m.inactive && started(m) && startOf(m) >= from && startOf(m) < to)
    .filter((m) => /^(gemeenteraad|stadsdeelcommissie|bestuurscommissie|dagelijks bestuur)\b/i.test(gremia.get(m.gremium?.id) ?? ''))
    .flatMap((m) => flatUnderOrdered(m.agenda_items ?? [])
      .filter((i) => (i.documents ?? []).some((d: Raw) => (d.types ?? []).some((t: Raw) => DECISION_TYPES.includes(t.value))))
      .map((i) => `amsterdam:decision:${m.id}-${i.id}`));
}

/** Agenda points as the schema counts them: ordered, not labels, headings' children lifted. */
function flatUnderOrdered(items: Raw[]): Raw[] {
  return items.flatMap((i) => {
    if (i.type === 'label' || i.order === null || i.order === undefined) return [];
    if (i.type_data?.heading) return flatUnderOrdered(i.agenda_items ?? []);
    return [i, ...flatUnderOrdered(i.agenda_items ?? [])];
  });
}

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph({ amsterdam: true });
});
afterAll(async () => {
  await graph.close();
});

async function walk(field: 'decisions' | 'meetings', filter: Raw | null, first = 7): Promise<{ nodes: Raw[]; totalCount: number; coveredPeriod: Raw | null }> {
  const nodes: Raw[] = [];
  let after: string | null = null;
  let totalCount = -1;
  let coveredPeriod: Raw | null = null;
  const type = field === 'decisions' ? 'DecisionFilter' : 'MeetingFilter';
  const fields = field === 'decisions' ? 'id title date number outcome body { sourceId name }' : 'id title date start status body { sourceId }';
  for (let i = 0; i < 100; i++) {
    const res = await graph.query(
      `query($f: ${type}, $first: Int, $after: String) { amsterdam { ${field}(filter: $f, first: $first, after: $after) { totalCount coveredPeriod { from to reason } pageInfo { hasNextPage endCursor } nodes { ${fields} } } } }`,
      { f: filter, first, after },
    );
    expect(res.errors).toBeUndefined();
    const conn = res.data.amsterdam[field];
    totalCount = conn.totalCount;
    coveredPeriod = conn.coveredPeriod;
    nodes.push(...conn.nodes);
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return { nodes, totalCount, coveredPeriod };
}

describe('the dataset', () => {
  it('is big and varied enough for these tests', () => {
    expect(meetings.length).toBeGreaterThanOrEqual(30);
    expect(meetings.filter((m) => !isPublic(m)).length).toBeGreaterThan(0);
    expect(meetings.filter((m) => m.canceled).length).toBeGreaterThan(0);
    expect(meetings.filter((m) => flat(m.agenda_items ?? []).some((i) => (i.agenda_items ?? []).length > 0)).length).toBeGreaterThan(0);
    expect(expectedDecisions('2000-01-01', '2100-01-01').length).toBeGreaterThan(10);
  });
});

describe('meetings', () => {
  it('lists the public meetings of a period, newest first, leaving non-public ones out, without asking Notubiz', async () => {
    const before = graph.amsterdam!.replica!.requests.length;
    const { nodes, totalCount, coveredPeriod } = await walk('meetings', { from: '2015-01-01', to: '2030-01-01' });
    const expected = meetings.filter(isPublic).map((m) => `amsterdam:meeting:${m.id}`).sort();
    expect(nodes.map((n) => n.id).sort()).toEqual(expected);
    expect(totalCount).toBe(expected.length);
    expect(coveredPeriod).toBeNull();
    const starts = nodes.map((n) => n.start);
    expect([...starts].sort((a, b) => Date.parse(b) - Date.parse(a))).toEqual(starts);
    for (const n of nodes) expect(n.start).toMatch(/\+0[12]:00$/);
    // Lists are answered from the synced copy: no request reaches Notubiz.
    expect(graph.amsterdam!.replica!.requests.length).toBe(before);
    // The sync listed /events per organisation and period, every call with format=json&version=1.17.0
    // (paging and the halving of a period too full for the page cap: amsterdam-sync.e2e.test.ts).
    const events = graph.amsterdam!.replica!.requests.filter((r) => r.startsWith('GET /events?'));
    expect(events.length).toBeGreaterThan(7);
    for (const r of graph.amsterdam!.replica!.requests) {
      expect(r).toContain('format=json');
      expect(r).toContain('version=1.17.0');
    }
  });

  it('lists everything the copy holds without dates, and coveredPeriod says from when', async () => {
    const res = await graph.query('{ amsterdam { meetings(first: 100) { totalCount coveredPeriod { from to reason } nodes { date } } } }');
    expect(res.errors).toBeUndefined();
    const { coveredPeriod, nodes, totalCount } = res.data.amsterdam.meetings;
    expect(totalCount).toBe(meetings.filter(isPublic).length);
    expect(coveredPeriod.from).toBe(TEST_SYNC.from);
    expect(coveredPeriod.reason).toMatch(new RegExp(`copy holds records from ${TEST_SYNC.from} \\(AMSTERDAM_SYNC_FROM\\)`));
    for (const n of nodes) expect(n.date >= coveredPeriod.from && n.date < coveredPeriod.to).toBe(true);
  });

  it('finds a meeting with its nested agenda, labelled attributes and documents', async () => {
    const m = meetings.find((x) => isPublic(x) && flat(x.agenda_items ?? []).some((i) => (i.agenda_items ?? []).length > 0 && !i.type_data?.heading))!;
    const res = await graph.query(`query($id: ID!) { amsterdam { meeting(id: $id) { id title location status body { name type } organisation { sourceId }
      agenda { number title heading children { number title parent { number } children { number } } attachments { title documentTypes } }
      attachments { title mimeType documentTypes fileName } } } }`, { id: String(m.id) });
    expect(res.errors).toBeUndefined();
    const meeting = res.data.amsterdam.meeting;
    expect(meeting.id).toBe(`amsterdam:meeting:${m.id}`);
    const titleAttr = Array.isArray(m.attributes) ? m.attributes.find((a: Raw) => a.id === 1)?.value : m.attributes.Titel;
    expect(meeting.title).toBe(titleAttr);
    expect(meeting.body.name).toBe(gremia.get(m.gremium.id));
    const nested = meeting.agenda.find((a: Raw) => a.children.length > 0);
    expect(nested).toBeDefined();
    expect(nested.children[0].parent.number).toBe(nested.number);
    expect(meeting.attachments).toHaveLength((m.documents ?? []).length);
  });

  it('answers a non-public meeting with NOT_PUBLISHED, an unknown one with NOT_FOUND', async () => {
    const hidden = meetings.find((m) => !isPublic(m))!;
    const res = await graph.query(`{ amsterdam { meeting(id: "${hidden.id}") { id } } }`);
    expect(res.data.amsterdam.meeting).toBeNull();
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id', reason: 'NOT_PUBLISHED' });
    const unknown = await graph.query('{ amsterdam { meeting(id: "999999999") { id } } }');
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_FOUND' });
  });
});

describe('decisions', () => {
  it('walks every decision of a period once, as the schema\'s rule says, all with outcome UNKNOWN', async () => {
    const { nodes, totalCount } = await walk('decisions', { from: '2015-01-01', to: '2030-01-01' });
    const expected = expectedDecisions('2015-01-01', '2030-01-01');
    expect(nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
    expect(totalCount).toBe(expected.length);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    for (const n of nodes) expect(n.outcome).toBe('UNKNOWN');
  });

  it('finds a decision by id with its documents and the meeting\'s results documents', async () => {
    const [id] = expectedDecisions('2015-01-01', '2030-01-01');
    const res = await graph.query(`query($id: ID!) { amsterdam { decision(id: $id) { id title outcome outcomeRaw meeting { id } agendaItem { number decision { id } }
      decisionDocuments { documentTypes } resultDocuments { documentTypes } attachments { url } } } }`, { id });
    expect(res.errors).toBeUndefined();
    const d = res.data.amsterdam.decision;
    expect(d).toMatchObject({ id, outcome: 'UNKNOWN', outcomeRaw: null, agendaItem: { decision: { id } } });
    expect(d.decisionDocuments.length).toBeGreaterThan(0);
    for (const r of d.resultDocuments) expect(r.documentTypes.some((t: string) => ['Uitslagenlijst', 'Besluitenlijst'].includes(t))).toBe(true);
  });

  it('searches agenda point and document titles over everything the copy holds', async () => {
    const all = await walk('decisions', { from: '2015-01-01', to: '2030-01-01' }, 100);
    const word = (all.nodes[0].title as string).split(/\s+/).find((w) => w.length > 6)!;
    const res = await walk('decisions', { text: word.toUpperCase(), from: '2015-01-01', to: '2030-01-01' }, 100);
    expect(res.nodes.map((n) => n.id)).toContain(all.nodes[0].id);
    for (const n of res.nodes) expect(n.id.startsWith('amsterdam:decision:')).toBe(true);
    const unbounded = await graph.query(`{ amsterdam { decisions(filter: { text: "${word}" }) { totalCount coveredPeriod { from to reason } } } }`);
    expect(unbounded.data.amsterdam.decisions.totalCount).toBeGreaterThanOrEqual(res.totalCount);
    expect(unbounded.data.amsterdam.decisions.coveredPeriod).toMatchObject({ from: TEST_SYNC.from });
  });

  it('filters by body, document type and outcome, without asking Notubiz', async () => {
    const before = graph.amsterdam!.replica!.requests.length;
    const all = await walk('decisions', { from: '2015-01-01', to: '2030-01-01' }, 100);
    const body = all.nodes[0].body.sourceId as string;
    const byBody = await walk('decisions', { from: '2015-01-01', to: '2030-01-01', body: `amsterdam:body:${body}` }, 100);
    expect(byBody.totalCount).toBe(all.nodes.filter((n) => n.body.sourceId === body).length);
    const motions = await walk('decisions', { from: '2015-01-01', to: '2030-01-01', category: 'motie' }, 100);
    expect(motions.totalCount).toBeGreaterThan(0);
    expect(motions.totalCount).toBeLessThan(all.totalCount);
    const rejected = await walk('decisions', { from: '2015-01-01', to: '2030-01-01', outcome: ['REJECTED'] }, 100);
    expect(rejected.totalCount).toBe(0);
    expect(graph.amsterdam!.replica!.requests.length).toBe(before);
  });
});

/** Case codes on the documents of public meetings, as the schema counts documents (meeting's, then its points'). */
function expectedCases(): Map<string, { documents: Set<string>; decisions: Set<string> }> {
  const out = new Map<string, { documents: Set<string>; decisions: Set<string> }>();
  const decisions = new Set(expectedDecisions('2000-01-01', '2100-01-01'));
  for (const m of meetings.filter(isPublic)) {
    const points = flatUnderOrdered(m.agenda_items ?? []);
    const docs = [...(m.documents ?? []), ...points.flatMap((i) => i.documents ?? [])];
    for (const d of docs) {
      if (!d.case_code) continue;
      const c = out.get(d.case_code) ?? { documents: new Set(), decisions: new Set() };
      c.documents.add(`amsterdam:attachment:${d.id}`);
      out.set(d.case_code, c);
    }
    for (const i of points) {
      const id = `amsterdam:decision:${m.id}-${i.id}`;
      if (!decisions.has(id)) continue;
      for (const d of i.documents ?? []) if (d.case_code) out.get(d.case_code)!.decisions.add(id);
    }
  }
  return out;
}

describe('cases', () => {
  const expected = expectedCases();

  it('lists every case code of the public meetings once, with its documents and decisions, without asking Notubiz', async () => {
    expect(expected.size).toBeGreaterThan(10);
    const before = graph.amsterdam!.replica!.requests.length;
    const seen = new Map<string, { attachments: string[]; decisions: string[] }>();
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res = await graph.query(
        'query($after: String) { amsterdam { cases(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { sourceId status openedAt attachments { id } decisions(first: 500) { id } } } } }',
        { after },
      );
      expect(res.errors).toBeUndefined();
      const conn = res.data.amsterdam.cases;
      expect(conn.totalCount).toBe(expected.size);
      for (const c of conn.nodes) seen.set(c.sourceId, { attachments: c.attachments.map((a: Raw) => a.id), decisions: c.decisions.map((d: Raw) => d.id) });
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect([...seen.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [code, c] of expected) {
      expect(seen.get(code)!.attachments.sort()).toEqual([...c.documents].sort());
      expect(seen.get(code)!.decisions.sort()).toEqual([...c.decisions].sort());
    }
    expect(graph.amsterdam!.replica!.requests.length).toBe(before);
  });

  it('finds a case by code and by text, and a decision\'s case', async () => {
    const [code, c] = [...expected.entries()].find(([, x]) => x.decisions.size > 0)!;
    const res = await graph.query(`query($id: ID!, $text: String) { amsterdam {
      case(id: $id) { id sourceId label status decisions { id case { sourceId } } }
      cases(filter: { text: $text }) { totalCount nodes { sourceId } } } }`, { id: `amsterdam:case:${code}`, text: code });
    expect(res.errors).toBeUndefined();
    expect(res.data.amsterdam.case).toMatchObject({ id: `amsterdam:case:${code}`, sourceId: code, label: code, status: 'UNKNOWN' });
    expect(res.data.amsterdam.case.decisions.map((d: Raw) => d.id).sort()).toEqual([...c.decisions].sort());
    expect(res.data.amsterdam.cases.nodes.map((n: Raw) => n.sourceId)).toContain(code);
    const unknown = await graph.query('{ amsterdam { case(id: "Z-1900-000000") { id } } }');
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_FOUND' });
  });
});

describe('nested lists and module items', () => {
  it('pages a meeting\'s agenda with first and after, and serves module items from the copy', async () => {
    const m = meetings.find((x) => isPublic(x) && flat(x.agenda_items ?? []).some((i) => (i.module_items ?? []).length > 0))!;
    const before = graph.amsterdam!.replica!.requests.length;
    // Sizes kept small: nested lists multiply the query's cost.
    const res = await graph.query(`query($id: ID!) { amsterdam { meeting(id: $id) {
      agenda(first: 30) { id moduleItems { sourceId } children(first: 10) { id moduleItems { sourceId } children(first: 5) { id moduleItems { sourceId title module documents { title } } } } }
      first: agenda(first: 2) { id } } } }`, { id: String(m.id) });
    expect(res.errors).toBeUndefined();
    const agenda = res.data.amsterdam.meeting.agenda as Raw[];
    const top = agenda.map((a) => a.id);
    const page2 = await graph.query(`query($id: ID!, $after: ID) { amsterdam { meeting(id: $id) { agenda(first: 2, after: $after) { id } } } }`, { id: String(m.id), after: top[1] });
    expect(page2.data.amsterdam.meeting.agenda.map((a: Raw) => a.id)).toEqual(top.slice(2, 4));
    expect(res.data.amsterdam.meeting.first.map((a: Raw) => a.id)).toEqual(top.slice(0, 2));
    const served = new Map<string, string[]>();
    const visit = (items: Raw[]) => items.forEach((i) => {
      served.set(i.id, (i.moduleItems ?? []).map((x: Raw) => x.sourceId));
      visit(i.children ?? []);
    });
    visit(agenda);
    for (const i of flatUnderOrdered(m.agenda_items ?? [])) {
      expect(served.get(`amsterdam:agendaitem:${m.id}-${i.id}`)).toEqual((i.module_items ?? []).map((x: Raw) => String(x.id)));
    }
    const withItems = [...served.values()].flat();
    expect(withItems.length).toBeGreaterThan(0);
    const bad = await graph.query(`query($id: ID!) { amsterdam { meeting(id: $id) { agenda(first: 2, after: "amsterdam:agendaitem:1-1") { id } } } }`, { id: String(m.id) });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(graph.amsterdam!.replica!.requests.length).toBe(before);
  });

  it('reports the synced copy in sources', async () => {
    const res = await graph.query('{ amsterdam { sources { key url recordsHeld recordsSetAside lastError { code } backfilled heldFrom lastSuccessAt } } }');
    expect(res.errors).toBeUndefined();
    const [notubiz] = res.data.amsterdam.sources;
    expect(notubiz).toMatchObject({ key: 'notubiz', url: graph.amsterdam!.replica!.url, recordsSetAside: 0, lastError: null, backfilled: true, heldFrom: TEST_SYNC.from });
    expect(notubiz.recordsHeld).toBeGreaterThan(meetings.length);
  });
});

describe('bodies', () => {
  it('lists organisations and gremia, and a district with its committees', async () => {
    const res = await graph.query('{ amsterdam { bodies(first: 100) { totalCount nodes { sourceId name type } } body(id: "977") { name children { name type } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.amsterdam.bodies.totalCount).toBe(7 + gremia.size);
    expect(res.data.amsterdam.body.name).toBe('Stadsdeel Noord');
    expect(res.data.amsterdam.body.children.length).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  it.each([
    ['first: 1000', '{ amsterdam { meetings(first: 1000) { totalCount } } }', 'first'],
    ['an unknown organisation', '{ amsterdam { decisions(filter: { body: "12345" }) { totalCount } } }', 'filter.body'],
    ['a malformed meeting id', '{ amsterdam { meeting(id: "458902; DROP") { id } } }', 'id'],
    ['a malformed decision id', '{ amsterdam { decision(id: "amsterdam:decision:abc") { id } } }', 'id'],
    ['from after to', '{ amsterdam { meetings(filter: { from: "2025-06-01", to: "2025-01-01" }) { totalCount } } }', 'filter.to'],
    ['a malformed cursor', '{ amsterdam { meetings(after: "xyz") { totalCount } } }', 'after'],
  ])('%s gives BAD_USER_INPUT naming the argument', async (_name, query, argumentName) => {
    const res = await graph.query(query);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    const ok = await graph.query('{ amsterdam { bodies(first: 1) { totalCount } } }');
    expect(ok.errors).toBeUndefined();
  });
});
