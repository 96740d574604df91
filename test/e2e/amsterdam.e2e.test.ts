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
const organisations: Raw[] = readJson(path.join(AMSTERDAM_DATA_DIR, 'organisations.json')).organisations.organisation;
const moduleItems = new Map<number, Raw>(fs.readdirSync(path.join(AMSTERDAM_DATA_DIR, 'module_items')).map((f) => {
  const x = readJson(path.join(AMSTERDAM_DATA_DIR, 'module_items', f)).item;
  return [x.id, x];
}));
const NOW = Date.now();
const startOf = (m: Raw) => m.plannings[0].start_date as string;
const isPublic = (m: Raw) => (m.permission_group ?? 'public') === 'public';
const flat = (items: Raw[]): Raw[] => items.flatMap((i) => [i, ...flat(i.agenda_items ?? [])]);
const DECISION_TYPES = ['Raadsvoorstel', 'Voordracht', 'Raadsbesluit', 'Besluit', 'Initiatiefvoorstel', 'Motie', 'Amendement'];
const started = (m: Raw) => new Date(startOf(m).replace(' ', 'T') + '+01:00').getTime() <= NOW;

/** The module items a point links, as the files have them. */
const linked = (i: Raw): Raw[] => (i.module_items ?? []).map((r: Raw) => moduleItems.get(r.id)).filter(Boolean);
/** A point's documents: its own and its module items' (the documents in their document attributes' values). */
const pointDocuments = (i: Raw): Raw[] => [...(i.documents ?? []),
  ...linked(i).flatMap((x) => x.attributes.filter((a: Raw) => a.datatype === 'document').flatMap((a: Raw) => a.values.map((v: Raw) => v.document)))];
/** The dataset's result wordings (its README lists them), as the contract's Outcome describes Amsterdam's. */
function outcomeOfWording(raw: string): string {
  const r = raw.toLowerCase();
  if (r === 'voor kennisgeving aangenomen') return 'NOTED';
  if (r === 'geamendeerd aangenomen') return 'AMENDED';
  if (/^(unaniem )?aangenomen( met de stemmen van .+ tegen)?$/.test(r)) return 'ADOPTED';
  if (/^verworpen( met de stemmen van .+ voor)?$/.test(r)) return 'REJECTED';
  if (r === 'ingetrokken') return 'WITHDRAWN';
  if (r === 'aangehouden') return 'POSTPONED';
  return 'UNKNOWN';
}
/** A point's outcome: the Uitslag of the one module item it links that has one; else none. */
function expectedOutcome(i: Raw): { outcome: string; outcomeRaw: string | null } {
  const results = linked(i).flatMap((x) => x.attributes.filter((a: Raw) => a.label === 'Uitslag').map((a: Raw) => a.values[0].value as string));
  return results.length === 1 ? { outcome: outcomeOfWording(results[0]), outcomeRaw: results[0] } : { outcome: 'UNKNOWN', outcomeRaw: null };
}

/** The decisions the rule in the schema describes, straight from the files, with their outcomes. */
function expectedDecisionsWithOutcomes(from: string, to: string): Map<string, { outcome: string; outcomeRaw: string | null }> {
  return new Map(meetings
    .filter((m) => isPublic(m) && !m.canceled && !m.inactive && started(m) && startOf(m) >= from && startOf(m) < to)
    .filter((m) => /^(gemeenteraad|stadsdeelcommissie|bestuurscommissie|dagelijks bestuur)\b/i.test(gremia.get(m.gremium?.id) ?? ''))
    .flatMap((m) => flatUnderOrdered(m.agenda_items ?? [])
      .filter((i) => pointDocuments(i).some((d: Raw) => (d.types ?? []).some((t: Raw) => DECISION_TYPES.includes(t.value))))
      .map((i): [string, { outcome: string; outcomeRaw: string | null }] => [`amsterdam:decision:${m.id}-${i.id}`, expectedOutcome(i)])));
}
const expectedDecisions = (from: string, to: string): string[] => [...expectedDecisionsWithOutcomes(from, to).keys()];

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
  graph = await startGraph({ amsterdam: true, store: { dataDir: 'memory' } }); // the embedded default, PGlite
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
    // Decisions whose outcome a module item states, of every kind, and one wording the mapping does not know.
    const outcomes = [...expectedDecisionsWithOutcomes('2000-01-01', '2100-01-01').values()];
    for (const o of ['ADOPTED', 'AMENDED', 'REJECTED', 'NOTED', 'WITHDRAWN', 'POSTPONED']) expect(outcomes.map((x) => x.outcome)).toContain(o);
    expect(outcomes.filter((x) => x.outcome === 'UNKNOWN' && x.outcomeRaw !== null).map((x) => x.outcomeRaw)).toEqual(['vervallen']);
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
      agenda(first: 30) { number title heading children(first: 20) { number title parent { number } children(first: 10) { number } } attachments { title documentTypes } }
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
  it('walks every decision of a period once, as the schema\'s rule says, each with the outcome its module item states', async () => {
    const { nodes, totalCount } = await walk('decisions', { from: '2015-01-01', to: '2030-01-01' });
    const expected = expectedDecisionsWithOutcomes('2015-01-01', '2030-01-01');
    expect(nodes.map((n) => n.id).sort()).toEqual([...expected.keys()].sort());
    expect(totalCount).toBe(expected.size);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    for (const n of nodes) expect([n.id, n.outcome]).toEqual([n.id, expected.get(n.id)!.outcome]);
  });

  it('finds a decision by id with its documents and the meeting\'s results documents', async () => {
    const [id] = expectedDecisions('2015-01-01', '2030-01-01');
    const res = await graph.query(`query($id: ID!) { amsterdam { decision(id: $id) { id title outcome outcomeRaw meeting { id } agendaItem { number decision { id } }
      decisionDocuments { documentTypes } resultDocuments { documentTypes } attachments { url } } } }`, { id });
    expect(res.errors).toBeUndefined();
    const d = res.data.amsterdam.decision;
    expect(d).toMatchObject({ id, ...expectedDecisionsWithOutcomes('2015-01-01', '2030-01-01').get(id), agendaItem: { decision: { id } } });
    expect(d.decisionDocuments.length).toBeGreaterThan(0);
    for (const r of d.resultDocuments) expect(r.documentTypes.some((t: string) => ['Uitslagenlijst', 'Besluitenlijst'].includes(t))).toBe(true);
  });

  it('finds a motion whose document and result sit in its module item, with both', async () => {
    const [id, expected] = [...expectedDecisionsWithOutcomes('2015-01-01', '2030-01-01')].find(([x, o]) => o.outcome === 'REJECTED' && (() => {
      const [meetingId, itemId] = x.replace('amsterdam:decision:', '').split('-').map(Number);
      const point = flat(meetings.find((m) => m.id === meetingId)!.agenda_items ?? []).find((i) => i.id === itemId)!;
      return (point.documents ?? []).length === 0;
    })())!;
    const res = await graph.query(`query($id: ID!) { amsterdam { decision(id: $id) { outcome outcomeRaw categories { code } decisionDocuments { documentTypes } attachments { id }
      agendaItem { ... on AmsterdamAgendaItem { moduleItems { sourceId module documents { id } } } } } } }`, { id });
    expect(res.errors).toBeUndefined();
    const d = res.data.amsterdam.decision;
    expect(d).toMatchObject({ outcome: 'REJECTED', outcomeRaw: expected.outcomeRaw });
    expect(d.decisionDocuments.map((x: Raw) => x.documentTypes)).toEqual([[expect.stringMatching(/^(Motie|Amendement)$/)]]);
    expect(d.agendaItem.moduleItems).toHaveLength(1);
    expect(d.attachments.map((a: Raw) => a.id)).toEqual(d.agendaItem.moduleItems[0].documents.map((x: Raw) => x.id));
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
    const expected = [...expectedDecisionsWithOutcomes('2015-01-01', '2030-01-01')];
    for (const outcomes of [['REJECTED'], ['ADOPTED', 'AMENDED'], ['UNKNOWN']]) {
      const got = await walk('decisions', { from: '2015-01-01', to: '2030-01-01', outcome: outcomes }, 100);
      const want = expected.filter(([, o]) => outcomes.includes(o.outcome)).map(([id]) => id);
      expect(want.length).toBeGreaterThan(0);
      expect(got.nodes.map((n) => n.id).sort()).toEqual(want.sort());
    }
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
      agenda(first: 20) { id moduleItems { sourceId } children(first: 3) { id moduleItems { sourceId } children(first: 3) { id moduleItems { sourceId title module documents { title } } } } }
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
    const res = await graph.query('{ amsterdam { sources { key url recordsHeld recordsSetAside lastError { code } backfilled heldFrom lastSuccessAt unmappedValues { field value records } } } }');
    expect(res.errors).toBeUndefined();
    const [notubiz] = res.data.amsterdam.sources;
    expect(notubiz).toMatchObject({ key: 'notubiz', url: graph.amsterdam!.replica!.url, recordsSetAside: 0, lastError: null, backfilled: true, heldFrom: TEST_SYNC.from });
    expect(notubiz.recordsHeld).toBeGreaterThan(meetings.length);
    // The one result wording the mapping does not recognise, counted once per decision that carries it.
    const unknown = [...expectedDecisionsWithOutcomes('2000-01-01', '2100-01-01').values()].filter((o) => o.outcome === 'UNKNOWN' && o.outcomeRaw !== null);
    expect(notubiz.unmappedValues).toEqual([{ field: 'Decision.outcome', value: 'vervallen', records: unknown.length }]);
  });
});

describe('bodies', () => {
  it('lists organisations and gremia, and a district with its committees', async () => {
    const res = await graph.query('{ amsterdam { bodies(first: 100) { totalCount nodes { sourceId name type } } body(id: "977") { name children { name type } } } }');
    expect(res.errors).toBeUndefined();
    expect(organisations).toHaveLength(8);
    expect(res.data.amsterdam.bodies.totalCount).toBe(organisations.length + gremia.size);
    expect(res.data.amsterdam.body.name).toBe('Stadsdeel Noord');
    expect(res.data.amsterdam.body.children.length).toBeGreaterThan(0);
  });

  it('has Nieuw-West (2328) among the districts, with its committees, meetings and decisions', async () => {
    const res = await graph.query(`{ amsterdam { body(id: "amsterdam:body:2328") { sourceId name type children { sourceId name type }
      meetings(filter: { from: "2024-01-01", to: "2028-01-01" }) { totalCount } decisions(filter: { from: "2024-01-01", to: "2028-01-01" }) { totalCount } } } }`);
    expect(res.errors).toBeUndefined();
    const body = res.data.amsterdam.body;
    expect(body).toMatchObject({ sourceId: '2328', name: 'Stadsdeel Nieuw-West', type: 'ORGANIZATION' });
    const own = readJson(path.join(AMSTERDAM_DATA_DIR, 'gremia', '2328.json')).gremia as Raw[];
    expect(body.children.map((c: Raw) => c.sourceId).sort()).toEqual(own.map((g) => `2328-${g.id}`).sort());
    expect(body.children.map((c: Raw) => c.name)).toContain('Stadsdeelcommissie Nieuw-West');
    expect(body.meetings.totalCount).toBe(meetings.filter((m) => isPublic(m) && m.organisation.id === 2328).length);
    expect(body.meetings.totalCount).toBeGreaterThan(0);
    const decisions = expectedDecisions('2000-01-01', '2100-01-01').filter((id) => meetings.some((m) => m.organisation.id === 2328 && id.startsWith(`amsterdam:decision:${m.id}-`)));
    expect(body.decisions.totalCount).toBe(decisions.length);
    expect(decisions.length).toBeGreaterThan(0);
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
