/**
 * Barcelona's records → store rows (mapping/rows.ts), over the replica's default files and Decidim
 * 0.27 shapes: what a sync writes per unit, the keys lists filter and sort on, and what is served.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCurrentTermFile as parseCurrentTermFileWith, parsePreviousTermFile as parsePreviousTermFileWith } from '../mapping/plenary';
import { decisionsOf } from '../mapping/decision';
import { meetingOf, processOf, proposalOf } from '../mapping/decidim';
import { meetingProblem, processProblem, proposalProblem, resultProblem } from '../mapping/checks';
import { caseUnit, councilUnit, decidimMeetingUnit, processUnit, progressKey, proposalUnit, sessionUnit, type StoredDecision } from '../mapping/rows';
import { cityById, replicaOf, ROOT_DIR } from '../../../schema/cities';
import { decidimCity, plenaryOptionsOf } from '../mapping/city';

// The mapping takes the city it maps for: Barcelona, as the registry gives it.
const bcn = decidimCity(cityById('barcelona'));
const BCN = plenaryOptionsOf(bcn);
const parseCurrentTermFile = (content: string, file?: string) => parseCurrentTermFileWith(content, file, BCN);
const parsePreviousTermFile = (content: string, file?: string) => parsePreviousTermFileWith(content, file, BCN);

const DIR = path.join(ROOT_DIR, replicaOf(cityById('barcelona')).defaultDir, 'plenary');
const current = parseCurrentTermFile(fs.readFileSync(path.join(DIR, 'votacions_plenari_mandat_actual.csv'), 'utf8'));
const previous = parsePreviousTermFile(fs.readFileSync(path.join(DIR, 'votacions_plenari_mandat_2019_2023.csv'), 'utf8'));
const decisions = decisionsOf(bcn, current.agreements, () => 'https://example/actual.csv');

describe('plenary sessions', () => {
  const ref = current.agreements[0].sessionRef;
  const session = decisions.filter((d) => d.agreement.sessionRef === ref);
  const unit = sessionUnit(bcn, 'mandat_actual', session);

  it('writes a session as one unit: the meeting, its agreements as decisions and agenda items in file order, their votes', () => {
    expect(unit.key).toBe(`plenari:mandat_actual:${ref}`);
    expect(unit.meetings).toEqual([expect.objectContaining({ id: `barcelona:meeting:plenari:${ref}`, kind: 'DecidimPlenarySession', status: 'HELD', date: session[0].date, sortKey: session[0].date, bodyIds: ['barcelona:body:consell-municipal'] })]);
    expect(unit.decisions!.map((d) => [d.id, d.position])).toEqual(session.map((d, i) => [d.id, i]));
    expect(unit.agendaItems!.map((i) => i.decisionId)).toEqual(session.map((d) => d.id));
    expect(unit.voteEvents).toHaveLength(session.filter((d) => d.voteEvents.length).length);
    // Stored without its vote (vote_events holds it).
    expect(unit.decisions![0].doc).not.toHaveProperty('voteEvents');
  });

  it('gives every decision its filter keys: both themes in lower case, cases without s/n, folded search text', () => {
    const d = unit.decisions!.find((x) => (x.doc as StoredDecision).agreement.themeCa)!;
    const a = (d.doc as StoredDecision).agreement;
    expect(d.categories).toEqual(expect.arrayContaining([a.themeCa!.toLowerCase(), a.themeEs!.toLowerCase()]));
    expect(d.search).toBe(d.search.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    const withoutNumber = decisions.find((x) => x.agreement.proposalRefs.includes('s/n'))!;
    expect(sessionUnit(bcn, 'mandat_actual', [withoutNumber]).decisions![0].caseIds).toEqual([]);
  });

  it('is the same unit when built again from the same rows (a sync rewrites nothing)', () => {
    expect(JSON.stringify(sessionUnit(bcn, 'mandat_actual', decisionsOf(bcn, current.agreements, () => 'https://example/actual.csv').filter((d) => d.agreement.sessionRef === ref)))).toBe(JSON.stringify(unit));
  });
});

describe('unmapped values', () => {
  const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/barcelona');
  const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

  it('an unknown resultat is UNKNOWN, keeps its raw text and gives an unmappedValues row of the file\'s upstream', () => {
    // The 2019–2023 excerpt with a resultat, a vote cell and a voting system the mapping does not know.
    const text = read('plenary-real-shape-2019-2023.csv')
      .replace('"Aprovar inicialment les Ordenances fiscals per a l\'exercici 2023";Govern municipal;aprovat;', '"Aprovar inicialment les Ordenances fiscals per a l\'exercici 2023";Govern municipal;aprovat_per_majoria;')
      .replace('Economia i hisenda;BComú,PSC;abstencio;a_favor;a_favor;en_contra;absencia;en_contra;;en_contra', 'Economia i hisenda;BComú,PSC;abstencio;a_favor;a_favor;en_contra;absent;en_contra;;en_contra')
      .replace('C) Part decisòria / Executiva;nominal;', 'C) Part decisòria / Executiva;ma_alcada;');
    const parsed = parsePreviousTermFile(text);
    expect(parsed.unplaced).toEqual([]);
    const all = decisionsOf(bcn, parsed.agreements, () => 'prev');
    const target = all.find((d) => d.agreement.line === 11)!;
    expect(target).toMatchObject({ outcome: 'UNKNOWN', agreement: { result: 'aprovat_per_majoria' } });
    expect(target.agreement.groupVotes.find((v) => v.label === 'Cs')).toMatchObject({ option: null, raw: 'absent' });
    const unit = sessionUnit(bcn, 'mandat_2019_2023', all.filter((d) => d.agreement.sessionRef === 'CP 13/22'));
    expect(unit.unmappedValues).toEqual([
      { ownerId: target.id, upstream: 'mandat_2019_2023', field: 'Decision.outcome', value: 'aprovat_per_majoria' },
      { ownerId: target.id, upstream: 'mandat_2019_2023', field: 'GroupVoteCount.option', value: 'absent' },
    ]);
    // The unknown cell is no vote: not counted, not cast.
    const vote = unit.voteEvents!.find((v) => v.decisionId === target.id)!;
    expect(vote).toMatchObject({ yes: 2, no: 3, abstain: 1, absent: 0 });
    const nominal = sessionUnit(bcn, 'mandat_2019_2023', all.filter((d) => d.agreement.sessionRef === 'CP 09/22'));
    expect(nominal.unmappedValues).toEqual([{ ownerId: all.find((d) => d.agreement.line === 7)!.id, upstream: 'mandat_2019_2023', field: 'BarcelonaDecision.votingSystem', value: 'ma_alcada' }]);
    // Mapped values and empty cells ("nothing recorded") give none.
    expect(sessionUnit(bcn, 'mandat_2019_2023', all.filter((d) => d.agreement.sessionRef === 'CP 12/19')).unmappedValues).toEqual([]);
  });

  it('reports an unknown councillor vote as Vote.option, once per decision, field and value', () => {
    const text = read('plenary-real-shape-current.csv').replace(';En contra;A favor;Abstenció;En contra;\n', ';Sí;Sí;Abstenció;En contra;\n');
    const [nominal] = decisionsOf(bcn, parseCurrentTermFile(text).agreements.filter((a) => a.line === 6), () => 'f');
    expect(sessionUnit(bcn, 'mandat_actual', [nominal]).unmappedValues).toEqual([{ ownerId: nominal.id, upstream: 'mandat_actual', field: 'Vote.option', value: 'Sí' }]);
  });

  it('counts absencia and "-" as absent in the stored vote row', () => {
    const all = decisionsOf(bcn, parsePreviousTermFile(read('plenary-real-shape-2019-2023.csv')).agreements, () => 'prev');
    const d = all.find((x) => x.agreement.line === 6)!;
    expect(sessionUnit(bcn, 'mandat_2019_2023', [d]).voteEvents![0]).toMatchObject({ yes: 2, no: 1, abstain: 3, absent: 1 });
  });

  it('the replica\'s files give none: every value they hold is mapped', () => {
    const units = [...new Set(decisions.map((d) => d.agreement.sessionRef))].map((ref) => sessionUnit(bcn, 'mandat_actual', decisions.filter((d) => d.agreement.sessionRef === ref)));
    const prev = decisionsOf(bcn, previous.agreements, () => 'prev');
    units.push(...[...new Set(prev.map((d) => d.agreement.sessionRef))].map((ref) => sessionUnit(bcn, 'mandat_2019_2023', prev.filter((d) => d.agreement.sessionRef === ref))));
    expect(units.flatMap((u) => u.unmappedValues)).toEqual([]);
  });
});

describe('cases', () => {
  it('take title and date from the newest agreement carrying the reference, across both files, and the themes of all', () => {
    const older = decisionsOf(bcn, previous.agreements, () => 'prev')[0];
    const newer = decisions.find((d) => d.agreement.themeCa !== older.agreement.themeCa)!;
    const unit = caseUnit(bcn, 'X1', [older, newer] as StoredDecision[])!;
    expect(unit.key).toBe('case:X1');
    expect(unit.cases![0]).toMatchObject({ id: 'barcelona:case:X1', date: newer.date, sortKey: newer.date, status: 'UNKNOWN', doc: { title: newer.titles[0].text, date: newer.date } });
    expect((unit.cases![0].doc as { categories: unknown[] }).categories).toHaveLength(2);
    expect(caseUnit(bcn, 'X1', [])).toBeNull();
  });
});

describe('Decidim records', () => {
  it('a process is a body and an extra in one unit; active follows its end date', () => {
    const p = processOf(bcn, { id: 7, title: { translations: [{ locale: 'ca', text: 'Pressupostos participatius' }] }, startDate: '2024-01-01', endDate: '2024-12-31' });
    const before = processUnit(bcn, p, '2024-06-01');
    expect(before.key).toBe('process:7');
    expect(before.bodies![0]).toMatchObject({ id: 'barcelona:body:process-7', type: 'OTHER', active: true, sortKey: 'pressupostos participatius' });
    expect(before.extras![0]).toMatchObject({ id: 'barcelona:process:7', kind: 'process', sortKey: '2024-01-01' });
    expect(processUnit(bcn, p, '2025-01-01').bodies![0]).toMatchObject({ active: false, doc: { dissolvedOn: '2024-12-31' } });
  });

  it('a proposal sorts by its publication instant and is searched in its title and plain body', () => {
    const unit = proposalUnit(bcn, proposalOf(bcn, { id: '5', title: { translations: [{ locale: 'ca', text: 'Més arbres' }] }, body: { translations: [{ locale: 'ca', text: '<p>Plantar <b>arbres</b></p>' }] }, publishedAt: '2024-03-31T10:00:00+02:00' }, '7'));
    expect(unit.extras![0]).toMatchObject({ kind: 'proposal', parentId: 'barcelona:process:7', sortKey: '2024-03-31T08:00:00.000Z', search: 'mes arbres\nplantar arbres' });
  });

  it('a meeting keeps BY_TIME from its start unless withdrawn or closed; its agenda is flattened depth first', () => {
    const base = { id: '5', startTime: '2030-01-01T18:00:00+01:00', agenda: { items: [{ id: '2', position: 0, parent: { id: '1' } }, { id: '1', position: 0, parent: null }, { id: '3', position: 1, parent: null }] } };
    const unit = decidimMeetingUnit(bcn, meetingOf(bcn, base, '7'));
    expect(unit.meetings![0]).toMatchObject({ kind: 'DecidimParticipatoryMeeting', status: 'BY_TIME', heldFrom: '2030-01-01T17:00:00.000Z', bodyIds: ['barcelona:body:process-7'], sortKey: '2030-01-01T18:00:00+01:00' });
    expect(unit.meetings![0].doc).not.toHaveProperty('status');
    expect(unit.agendaItems!.map((i) => [i.id, i.position, i.parentId])).toEqual([
      ['barcelona:agendaitem:decidim:1', 0, null],
      ['barcelona:agendaitem:decidim:2', 1, 'barcelona:agendaitem:decidim:1'],
      ['barcelona:agendaitem:decidim:3', 2, null],
    ]);
    expect(decidimMeetingUnit(bcn, meetingOf(bcn, { ...base, isWithdrawn: true }, '7')).meetings![0].status).toBe('CANCELLED');
    expect(decidimMeetingUnit(bcn, meetingOf(bcn, { ...base, closed: true }, '7')).meetings![0].status).toBe('HELD');
    expect(decidimMeetingUnit(bcn, meetingOf(bcn, { id: '6' }, '7')).meetings![0].status).toBe('UNKNOWN');
  });

  it('progress sorts numerically as text, unknown progress last', () => {
    const keys = [100, 45.5, 5, 0, null].map(progressKey);
    expect([...keys].sort().reverse()).toEqual(keys);
    expect(progressKey(null)).toBe('');
  });

  it('sets aside records without a servable id or with fields of the wrong shape', () => {
    expect(processProblem({ id: 'abc' })).toMatch(/not a Decidim id/);
    expect(proposalProblem({ id: '1', publishedAt: 'yesterday' })).toMatch(/publishedAt "yesterday" is not a date-time/);
    expect(meetingProblem({ id: '1', title: 42 })).toMatch(/title is not a translated text/);
    expect(resultProblem({ id: '1', progress: '50%' })).toMatch(/progress is not a number/);
    expect(proposalProblem({ id: 60116, title: { translations: [] } })).toBeNull();
  });
});

it('the council is one unit every harvester writes alike', () => {
  expect(councilUnit(bcn)!).toEqual(councilUnit(bcn)!);
  expect(councilUnit(bcn)!.bodies![0]).toMatchObject({ id: 'barcelona:body:consell-municipal', type: 'COUNCIL', active: true });
});
