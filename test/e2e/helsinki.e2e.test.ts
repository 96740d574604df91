/**
 * Helsinki end to end: Ahjo replica (default dataset) → Helsinki subgraph → gateway, over HTTP.
 * Expectations are computed from the dataset files, independently of the subgraph's code.
 */
import { ahjoLangOf, helsinkiMerges, readDataset, startGraph, type Graph } from './harness';

const data = readDataset();
const { pairs, copies, copyOf } = helsinkiMerges(data);
const langOf = ahjoLangOf;

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph({ store: { dataDir: 'memory' } }); // the embedded default, PGlite, as `npm start` runs it
});
afterAll(async () => {
  await graph.close();
});

const DECISION_FIELDS = 'id sourceId title date outcome body { sourceId } ... on HelsinkiDecision { classificationCode } ';

async function walkAll(filter: Record<string, unknown> | null, first = 17): Promise<{ ids: string[]; nodes: any[]; totalCount: number }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const nodes: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  let after: string | null = null;
  let totalCount = -1;
  for (let i = 0; i < 100; i++) {
    const res = await graph.query(
      `query($filter: DecisionFilter, $first: Int, $after: String) { helsinki { decisions(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${DECISION_FIELDS} } } } }`,
      { filter, first, after },
    );
    expect(res.errors).toBeUndefined();
    const conn = res.data.helsinki.decisions;
    totalCount = conn.totalCount;
    nodes.push(...conn.nodes);
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return { ids: nodes.map((n) => n.id), nodes, totalCount };
}

describe('the dataset', () => {
  it('is big and varied enough for these tests', () => {
    expect(data.decisions.length).toBeGreaterThanOrEqual(150);
    expect(data.meetings.length).toBeGreaterThanOrEqual(40);
    expect(data.cases.length).toBeGreaterThanOrEqual(100);
    expect(data.decisionMakers.length).toBeGreaterThanOrEqual(50);
    expect(pairs.length).toBeGreaterThanOrEqual(20);
    expect(data.decisions.filter((d) => (d.VotingResults ?? []).length > 0).length).toBeGreaterThanOrEqual(15);
    expect(data.decisions.filter((d) => !d.Meeting).length).toBeGreaterThan(0);
    expect(data.meetings.filter((m) => m.Status === 'peruttu').length).toBeGreaterThan(0);
  });
});

describe('namespaced query through the gateway', () => {
  it('answers { helsinki { decisions(first: 5) { totalCount nodes { id title date } } } }', async () => {
    const res = await graph.query('{ helsinki { decisions(first: 5) { totalCount nodes { id title date } } } }');
    expect(res.errors).toBeUndefined();
    const { totalCount, nodes } = res.data.helsinki.decisions;
    // Swedish translations are versions of their Finnish decision, not decisions of their own; nor are copies.
    expect(copies.length).toBeGreaterThanOrEqual(3);
    expect(totalCount).toBe(data.decisions.length - pairs.length - copies.length);
    expect(nodes).toHaveLength(5);
    for (const n of nodes) {
      expect(n.id).toMatch(/^helsinki:decision:\{[0-9A-F-]+\}$/);
      expect(typeof n.title).toBe('string');
      expect(n.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const dates = nodes.map((n: { date: string }) => n.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('serves the city description, licence and coverage', async () => {
    const res = await graph.query('{ helsinki { id name country timezone languages licence { name attribution } upstream coverage { field availability } } }');
    expect(res.data.helsinki).toMatchObject({ id: 'helsinki', country: 'FI', timezone: 'Europe/Helsinki', languages: ['fi', 'sv'], upstream: graph.replica!.url });
    expect(res.data.helsinki.coverage.find((c: { field: string }) => c.field === 'Decision.outcome').availability).toBe('DERIVED');
  });
});

describe('cursor walk', () => {
  it('visits every decision exactly once, newest first', async () => {
    const { ids, nodes, totalCount } = await walkAll(null);
    expect(ids.length).toBe(totalCount);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { sv } of pairs) expect(ids).not.toContain(`helsinki:decision:${sv.NativeId}`);
    // Newest first; decisions without a date (most officer decisions) last.
    const keys = nodes.map((n) => n.date ?? '');
    expect([...keys].sort().reverse()).toEqual(keys);
    expect(keys.filter((k) => k === '').length).toBeGreaterThan(0);
    for (const c of copies) expect(ids).not.toContain(`helsinki:decision:${c.NativeId}`);
  });

  it('gives the same result with another page size', async () => {
    const a = await walkAll({ from: '2024-01-01', to: '2026-01-01' }, 9);
    const b = await walkAll({ from: '2024-01-01', to: '2026-01-01' }, 100);
    expect(a.ids).toEqual(b.ids);
    expect(a.ids.length).toBeGreaterThan(0);
  });
});

describe('filters', () => {
  it('filters by date range: from inclusive, to exclusive', async () => {
    const { nodes, totalCount } = await walkAll({ from: '2025-01-01', to: '2025-07-01' }, 100);
    expect(totalCount).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.date >= '2025-01-01').toBe(true);
      expect(n.date < '2025-07-01').toBe(true);
    }
    const all = await walkAll(null, 100);
    expect(totalCount).toBe(all.nodes.filter((n) => n.date >= '2025-01-01' && n.date < '2025-07-01').length);
  });

  it('filters by body, with its global or own id, from the store (no call to Ahjo)', async () => {
    const before = graph.replica!.requests.length;
    const counts = new Map<string, number>();
    for (const d of data.decisions) counts.set(d.Organization.ID, (counts.get(d.Organization.ID) ?? 0) + 1);
    const [bodyId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const global = await walkAll({ body: `helsinki:body:${bodyId}` }, 100);
    const own = await walkAll({ body: bodyId }, 100);
    expect(global.ids).toEqual(own.ids);
    expect(global.totalCount).toBeGreaterThan(0);
    for (const n of global.nodes) expect(n.body.sourceId).toBe(bodyId);
    expect(graph.replica!.requests.length).toBe(before);
  });

  it('filters by category code prefix', async () => {
    const code = data.decisions.find((d) => d.ClassificationCode)!.ClassificationCode as string;
    const top = code.split(' ')[0];
    const { nodes, totalCount } = await walkAll({ category: top }, 100);
    expect(totalCount).toBeGreaterThan(0);
    for (const n of nodes) expect(n.classificationCode.startsWith(top)).toBe(true);
  });

  it('filters by outcome', async () => {
    const all = await walkAll(null, 100);
    for (const outcome of ['ADOPTED', 'REJECTED', 'POSTPONED', 'UNKNOWN']) {
      const { nodes, totalCount } = await walkAll({ outcome: [outcome] }, 100);
      expect(totalCount).toBe(all.nodes.filter((n) => n.outcome === outcome).length);
      expect(totalCount).toBeGreaterThan(0);
      for (const n of nodes) expect(n.outcome).toBe(outcome);
    }
  });

  it('filters by text, case-insensitively, in Finnish and Swedish', async () => {
    const word = 'asemakaavan';
    const { nodes, totalCount } = await walkAll({ text: 'ASEMAKAAVAN' }, 100);
    expect(totalCount).toBeGreaterThan(0);
    const expected = new Set(
      data.decisions
        .filter((d) => langOf(d) === 'fi' && [d.Title, d.Content, d.Motion].some((t: string | null) => (t ?? '').toLowerCase().includes(word)))
        .map((d) => `helsinki:decision:${d.NativeId}`),
    );
    expect(nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
    const { sv, fi } = pairs[0];
    const svWord = (sv.Title as string).split(/\s+/).find((w) => w.length > 6)!;
    const bySwedish = await walkAll({ text: svWord }, 100);
    expect(bySwedish.ids).toContain(`helsinki:decision:${fi.NativeId}`);
  });
});

describe('lookups by id', () => {
  it('finds a decision by global id and by Ahjo NativeId, with meeting, body and case', async () => {
    const withCase = data.decisions.find((d) => d.CaseID && d.Meeting && langOf(d) === 'fi' && data.cases.some((c) => c.CaseID === d.CaseID))!;
    const q = `query($id: ID!) { helsinki { decision(id: $id) { id title meeting { id sourceId start } body { sourceId name } case { sourceId label decisions { id } } ... on HelsinkiDecision { caseIdLabel section } } } }`;
    const a = await graph.query(q, { id: `helsinki:decision:${withCase.NativeId}` });
    const b = await graph.query(q, { id: withCase.NativeId.replace(/[{}]/g, '').toLowerCase() });
    expect(a.errors).toBeUndefined();
    expect(b.data).toEqual(a.data);
    const d = a.data.helsinki.decision;
    expect(d).toMatchObject({ id: `helsinki:decision:${withCase.NativeId}`, title: withCase.Title, caseIdLabel: withCase.CaseIDLabel, section: withCase.Section });
    expect(d.meeting.sourceId).toBe(withCase.Meeting.MeetingID);
    expect(d.meeting.start).toMatch(/[+]0[23]:00$/);
    expect(d.body.sourceId).toBe(withCase.Organization.ID);
    expect(d.case.sourceId).toBe(withCase.CaseID);
  });

  it('finds a meeting with its agenda, participants and decisions', async () => {
    const m = data.meetings.find((x) => (x.Agenda ?? []).length > 0 && data.decisions.some((d) => d.Meeting?.MeetingID === x.MeetingID))!;
    const res = await graph.query(`query($id: ID!) { helsinki { meeting(id: $id) { id title status date body { sourceId } agenda { number title decision { id } } participants { person { name } roleType } decisions { id number } } } }`, { id: m.MeetingID });
    expect(res.errors).toBeUndefined();
    const meeting = res.data.helsinki.meeting;
    expect(meeting.id).toBe(`helsinki:meeting:${m.MeetingID}`);
    expect(meeting.agenda).toHaveLength(m.Agenda.length);
    expect(meeting.participants).toHaveLength((m.Composition ?? []).length);
    const expected = data.decisions.filter((d) => d.Meeting?.MeetingID === m.MeetingID && langOf(d) === 'fi').map((d) => `helsinki:decision:${d.NativeId}`);
    expect(meeting.decisions.map((d: { id: string }) => d.id).sort()).toEqual(expected.sort());
  });

  it('finds a case by CaseID, CaseIDLabel and global id', async () => {
    const c = data.cases.find((x) => (x.Handlings ?? []).length > 0)!;
    const q = `query($id: ID!) { helsinki { case(id: $id) { id label title status ... on HelsinkiCase { handlings { status createdAt } } } } }`;
    const byId = await graph.query(q, { id: c.CaseID });
    const byLabel = await graph.query(q, { id: c.CaseIDLabel });
    const byGlobal = await graph.query(q, { id: `helsinki:case:${c.CaseID}` });
    expect(byId.errors).toBeUndefined();
    expect(byLabel.data).toEqual(byId.data);
    expect(byGlobal.data).toEqual(byId.data);
    expect(byId.data.helsinki.case.handlings).toHaveLength(c.Handlings.length);
  });

  it('finds a body with its members, and lists bodies', async () => {
    const dm = data.decisionMakers.find((x) => (x.Composition ?? []).length > 0)!;
    const res = await graph.query(`query($id: ID!) { helsinki { body(id: $id) { id name type active members { person { name } role roleType } } bodies(first: 100, filter: { type: OFFICER }) { totalCount nodes { type } } } }`, { id: dm.Organization.ID });
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.body.members).toHaveLength(dm.Composition.length);
    const officers = data.decisionMakers.filter((x) => x.Organization.Type === 'Viranhaltija').length;
    expect(res.data.helsinki.bodies.totalCount).toBe(officers);
  });
});

describe('votes', () => {
  it('returns the real vote of {4629CBFB-…} with counts per option and group, and individual votes', async () => {
    const res = await graph.query(`{ helsinki { decision(id: "{4629CBFB-D732-44BC-BE96-CC1FDD544325}") { voteEvents { counts { option value } groupCounts { group option value } votes { voter { name } option group } totalCast } } } }`);
    expect(res.errors).toBeUndefined();
    const [vote] = res.data.helsinki.decision.voteEvents;
    expect(vote.counts).toEqual([{ option: 'YES', value: 9 }, { option: 'NO', value: 4 }, { option: 'ABSTAIN', value: 0 }, { option: 'ABSENT', value: 0 }]);
    expect(vote.votes).toHaveLength(13);
    expect(vote.groupCounts).toContainEqual({ group: 'Vihreä valtuustoryhmä', option: 'YES', value: 3 });
    expect(vote.totalCast).toBe(13);
  });

  it('matches NumberOfVotes for every decision with votes in the dataset', async () => {
    const voted = data.decisions.filter((d) => (d.VotingResults ?? []).length > 0 && langOf(d) === 'fi').slice(0, 10);
    for (const d of voted) {
      const res = await graph.query(`query($id: ID!) { helsinki { decision(id: $id) { voteEvents { counts { option value } } } } }`, { id: d.NativeId });
      const events = res.data.helsinki.decision.voteEvents;
      expect(events).toHaveLength(d.VotingResults.length);
      expect(events[0].counts.find((c: { option: string }) => c.option === 'NO').value).toBe(d.VotingResults[0].Noes.NumberOfVotes);
    }
  });
});

describe('Finnish and Swedish', () => {
  it('serves the Swedish title and text of a translated decision, falling back to Finnish', async () => {
    const { fi, sv } = pairs[0];
    const q = `query($id: ID!) { helsinki { decision(id: $id) { id language availableLanguages fi: title(lang: "fi") sv: title(lang: "sv") en: title(lang: "en") titles { lang text } content(lang: "sv") { lang plain } ... on HelsinkiDecision { versions { lang sourceId } } } } }`;
    const res = await graph.query(q, { id: fi.NativeId });
    expect(res.errors).toBeUndefined();
    const d = res.data.helsinki.decision;
    expect(d).toMatchObject({ id: `helsinki:decision:${fi.NativeId}`, language: 'fi', availableLanguages: ['fi', 'sv'], fi: fi.Title, sv: sv.Title, en: fi.Title });
    expect(d.content.lang).toBe('sv');
    expect(d.versions).toEqual([{ lang: 'fi', sourceId: fi.NativeId }, { lang: 'sv', sourceId: sv.NativeId }]);
    // The Swedish version's own NativeId leads to the same decision.
    const bySv = await graph.query(q, { id: sv.NativeId });
    expect(bySv.data).toEqual(res.data);
  });
});

describe('bad input', () => {
  const cases: Array<[string, string, string]> = [
    ['first: 1000', '{ helsinki { decisions(first: 1000) { totalCount } } }', 'first'],
    ['a malformed cursor', '{ helsinki { decisions(after: "bm90IGEgY3Vyc29y") { totalCount } } }', 'after'],
    ['an unknown id', '{ helsinki { decision(id: "helsinki:decision:{00000000-0000-0000-0000-000000000000}") { id } } }', 'id'],
    ['a malformed id', '{ helsinki { meeting(id: "../../etc/passwd") { id } } }', 'id'],
    ['an id of another city', '{ helsinki { case(id: "amsterdam:case:123") { id } } }', 'id'],
    ['from after to', '{ helsinki { decisions(filter: { from: "2025-06-01", to: "2025-01-01" }) { totalCount } } }', 'filter.to'],
    ['an invalid date', '{ helsinki { meetings(filter: { from: "2025-02-30" }) { totalCount } } }', 'filter.from'],
    ['an invalid language', '{ helsinki { decisions(first: 1) { nodes { title(lang: "finnish") } } } }', 'lang'],
  ];
  it.each(cases)('%s gives BAD_USER_INPUT naming the argument, and the gateway keeps serving', async (_name, query, argumentName) => {
    const res = await graph.query(query);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(res.errors![0].message).toContain(argumentName);
    const ok = await graph.query('{ helsinki { decisions(first: 1) { totalCount } } }');
    expect(ok.errors).toBeUndefined();
    expect(ok.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
  });

  it('never sends a malformed id to Ahjo', async () => {
    const before = graph.replica!.requests.length;
    await graph.query('{ helsinki { meeting(id: "U5010/../../x") { id } } }');
    expect(graph.replica!.requests.length).toBe(before);
  });
});

describe('officer decisions, cancelled meetings and cases', () => {
  it('gives officer decisions without a meeting', async () => {
    const officer = data.decisions.find((d) => !d.Meeting && d.Organization.Type === 'Viranhaltija' && d.DateDecision)!;
    const res = await graph.query(`query($id: ID!) { helsinki { decision(id: $id) { date meeting { id } body { type } ... on HelsinkiDecision { isOfficerDecision } } } }`, { id: officer.NativeId });
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.decision).toEqual({ date: officer.DateDecision.slice(0, 10), meeting: null, body: { type: 'OFFICER' }, isOfficerDecision: true });
  });

  it('lists cancelled meetings from the store (no call to Ahjo)', async () => {
    const before = graph.replica!.requests.length;
    const res = await graph.query('{ helsinki { meetings(first: 100, filter: { from: "2020-01-01", to: "2028-01-01", status: CANCELLED }) { totalCount nodes { status statusRaw agenda { number } } } } }');
    expect(res.errors).toBeUndefined();
    const expected = data.meetings.filter((m) => m.Status === 'peruttu').length;
    expect(res.data.helsinki.meetings.totalCount).toBe(expected);
    for (const m of res.data.helsinki.meetings.nodes) expect(m).toEqual({ status: 'CANCELLED', statusRaw: 'peruttu', agenda: [] });
    expect(graph.replica!.requests.length).toBe(before);
  });

  it('lists meetings of a date range, newest first', async () => {
    const res = await graph.query('{ helsinki { meetings(first: 100, filter: { from: "2025-01-01", to: "2026-01-01" }) { totalCount nodes { date start } } } }');
    const expected = data.meetings.filter((m) => m.DateMeeting >= '2025-01-01' && m.DateMeeting < '2026-01-01').length;
    expect(res.data.helsinki.meetings.totalCount).toBe(expected);
    const dates = res.data.helsinki.meetings.nodes.map((n: { date: string }) => n.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('searches cases and filters them by status from the store (no call to Ahjo)', async () => {
    const before = graph.replica!.requests.length;
    const res = await graph.query('{ helsinki { cases(first: 100, filter: { text: "asemakaavan", status: OPEN }) { totalCount nodes { title status } } } }');
    expect(res.errors).toBeUndefined();
    const expected = data.cases.filter((c) => c.Status === 'Vireillä' && (c.Title as string).toLowerCase().includes('asemakaavan')).length;
    expect(expected).toBeGreaterThan(0);
    expect(res.data.helsinki.cases.totalCount).toBe(expected);
    expect(graph.replica!.requests.length).toBe(before);
  });
});

/**
 * What real Ahjo data looks like (issue 11), as the default dataset reproduces it: expectations
 * computed from the dataset files, answers read through the gateway.
 */
describe('real Ahjo shapes', () => {
  type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const dated = (d: Raw) => !!(d.DateDecision || d.Meeting?.DateMeeting || d.PDF?.Issued);
  const svIds = new Set(pairs.map((p) => p.sv.NativeId));
  const served = data.decisions.filter((d) => !svIds.has(d.NativeId) && !copies.includes(d));

  it('serves a decision published twice as one decision: the copy\'s id leads to it, its Swedish title is a version, its vote counts once', async () => {
    for (const copy of copies) {
      const original = copyOf(copy);
      const res = await graph.query(`query($id: ID!) { helsinki { decision(id: $id) { id title(lang: "sv") voteEvents { id } } } }`, { id: copy.NativeId });
      expect(res.errors).toBeUndefined();
      expect(res.data.helsinki.decision.id).toBe(`helsinki:decision:${original.NativeId}`);
      expect(res.data.helsinki.decision.title).toBe(copy.Title);
      expect(res.data.helsinki.decision.voteEvents).toHaveLength((original.VotingResults ?? []).length);
    }
  });

  it('links agenda items without Section to the meeting\'s decision of the same title', async () => {
    let linked = 0;
    for (const m of data.meetings.filter((x) => (x.Agenda ?? []).some((a: Raw) => a.Section === null) && x.MinutesPublished)) {
      const res = await graph.query(`query($id: ID!) { helsinki { meeting(id: $id) { agenda(first: 100) { number title decision { id } } } } }`, { id: m.MeetingID });
      expect(res.errors).toBeUndefined();
      for (const item of res.data.helsinki.meeting.agenda) {
        const raw = m.Agenda.find((a: Raw) => String(a.AgendaPoint) === item.number);
        const candidates = served.filter((d) => d.Meeting?.MeetingID === m.MeetingID && (raw.Section ? d.Section === raw.Section : d.Title === raw.AgendaItem));
        const expected = candidates.length === 1 ? `helsinki:decision:${candidates[0].NativeId}` : null;
        expect([item.number, item.decision?.id ?? null]).toEqual([item.number, expected]);
        if (!raw.Section && expected) linked++;
      }
    }
    expect(linked).toBeGreaterThan(10);
  });

  it('links officer decisions held in a case\'s Records both ways, in lookups and in lists', async () => {
    const linked = data.cases.flatMap((c) => (c.Records ?? []).filter((r: Raw) => r.Type === 'viranhaltijan päätös').map((r: Raw) => ({ caseId: c.CaseID, decisionId: r.NativeId })));
    expect(linked.length).toBeGreaterThanOrEqual(5);
    for (const { caseId, decisionId } of linked) {
      expect(data.decisions.find((d) => d.NativeId === decisionId)?.CaseID).toBeNull();
      const res = await graph.query(`query($c: ID!, $d: ID!) { helsinki { case(id: $c) { decisions(first: 100) { id } } decision(id: $d) { case { id } } } }`, { c: caseId, d: decisionId });
      expect(res.errors).toBeUndefined();
      expect(res.data.helsinki.case.decisions.map((d: Raw) => d.id)).toContain(`helsinki:decision:${decisionId}`);
      expect(res.data.helsinki.decision.case).toEqual({ id: `helsinki:case:${caseId}` });
    }
    // In a list of cases too (every case, 100 a page).
    const inLists = new Map<string, string[]>();
    let after: string | null = null;
    do {
      const res: Raw = await graph.query(`query($after: String) { helsinki { cases(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id decisions(first: 100) { id } } } } }`, { after });
      expect(res.errors).toBeUndefined();
      for (const c of res.data.helsinki.cases.nodes) inLists.set(c.id, c.decisions.map((d: Raw) => d.id));
      after = res.data.helsinki.cases.pageInfo.hasNextPage ? res.data.helsinki.cases.pageInfo.endCursor : null;
    } while (after);
    for (const { caseId, decisionId } of linked) expect(inLists.get(`helsinki:case:${caseId}`)).toContain(`helsinki:decision:${decisionId}`);
    // Every decision that names a case is among its case's decisions.
    for (const d of served.filter((x) => x.CaseID && data.cases.some((c) => c.CaseID === x.CaseID))) {
      expect(inLists.get(`helsinki:case:${d.CaseID}`)).toContain(`helsinki:decision:${d.NativeId}`);
    }
  });

  it('calls "Päätetty" cases DECIDED', async () => {
    const res = await graph.query('{ helsinki { cases(first: 100, filter: { status: DECIDED }) { totalCount nodes { status statusRaw } } } }');
    expect(res.errors).toBeUndefined();
    const expected = data.cases.filter((c) => c.Status === 'Päätetty').length;
    expect(expected).toBeGreaterThan(10);
    expect(res.data.helsinki.cases.totalCount).toBe(expected);
    for (const c of res.data.helsinki.cases.nodes) expect(c).toEqual({ status: 'DECIDED', statusRaw: 'Päätetty' });
  });

  it('gives a meeting its body from the meeting itself when the decision makers list lacks it', async () => {
    const listed = new Set(data.decisionMakers.map((dm) => dm.Organization.ID.toUpperCase()));
    const unlisted = data.meetings.filter((m) => m.DecisionMakerId && !listed.has(m.DecisionMakerId.toUpperCase()));
    expect(unlisted.length).toBeGreaterThan(0);
    for (const m of unlisted) {
      const res = await graph.query(`query($id: ID!) { helsinki { meeting(id: $id) { body { id name } } } }`, { id: m.MeetingID });
      expect(res.errors).toBeUndefined();
      expect(res.data.helsinki.meeting.body).toEqual({ id: `helsinki:body:${m.DecisionMakerId.toUpperCase()}`, name: m.DecisionMaker });
    }
  });

  it('knows the outcome of at least 80% of the decisions that state one, and tells refused claims from rejected proposals', async () => {
    const all = await walkAllWith('outcome outcomeRaw');
    const stated = all.filter((n) => n.outcomeRaw);
    const known = stated.filter((n) => n.outcome !== 'UNKNOWN');
    expect(stated.length).toBeGreaterThan(200);
    expect(known.length / stated.length).toBeGreaterThanOrEqual(0.8);
    for (const n of all.filter((x) => x.outcome === 'REQUEST_REJECTED')) expect(n.outcomeRaw).toMatch(/oikaisuvaatimu|vaatimu|hakemu|rättelseyrkand/i);
    for (const n of all.filter((x) => x.outcome === 'REJECTED')) expect(n.outcomeRaw).not.toMatch(/oikaisuvaatimu|rättelseyrkand/i);
    expect(all.filter((x) => x.outcome === 'REQUEST_REJECTED').length).toBeGreaterThan(0);
    expect(all.filter((x) => x.outcome === 'REQUEST_DISMISSED').length).toBeGreaterThan(0);
  });

  it('reports coverage as counted in the copy, equal to the counts of the dataset', async () => {
    const res = await graph.query('{ helsinki { coverage { field availability records recordsWith share measuredAt } sources { unmappedValues { field value records } } } }');
    expect(res.errors).toBeUndefined();
    const byField = Object.fromEntries(res.data.helsinki.coverage.map((c: Raw) => [c.field, c]));
    const withDate = served.filter(dated).length;
    expect(byField['Decision.date']).toMatchObject({ availability: 'PARTIAL', records: served.length, recordsWith: withDate, share: Math.round((withDate / served.length) * 10000) / 10000 });
    const officers = served.filter((d) => !d.Meeting && d.Organization?.Type === 'Viranhaltija');
    expect(byField['Decision.date (officer decisions)']).toMatchObject({ records: officers.length, recordsWith: officers.filter(dated).length });
    expect(officers.filter(dated).length / officers.length).toBeLessThan(0.3);
    expect(byField['Decision.meeting']).toMatchObject({ records: served.length, recordsWith: served.filter((d) => d.Meeting).length });
    const known = data.cases.filter((c) => ['Vireillä', 'Päätetty', 'Ratkaistu'].includes(c.Status)).length;
    expect(byField['Case.status']).toMatchObject({ records: data.cases.length, recordsWith: known, availability: known === data.cases.length ? 'FULL' : 'PARTIAL' });
    expect(Date.now() - Date.parse(byField['Decision.date'].measuredAt)).toBeLessThan(10 * 60_000);
    for (const c of res.data.helsinki.coverage) if (c.availability === 'FULL') expect(c.recordsWith).toBe(c.records);
    expect(res.data.helsinki.sources[0].unmappedValues).toEqual([]);
  });
});

/** Every decision, 100 a page, with the fields asked for. */
async function walkAllWith(fields: string): Promise<Array<Record<string, any>>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const nodes: Array<Record<string, any>> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  let after: string | null = null;
  do {
    const res: any = await graph.query(`query($after: String) { helsinki { decisions(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id ${fields} } } } }`, { after }); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(res.errors).toBeUndefined();
    nodes.push(...res.data.helsinki.decisions.nodes);
    after = res.data.helsinki.decisions.pageInfo.hasNextPage ? res.data.helsinki.decisions.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}
