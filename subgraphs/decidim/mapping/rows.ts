/**
 * A Decidim city's mapped records → store rows: the columns lists filter, sort, search and count on, and
 * the record itself (doc) that the resolvers serve. Pure functions, like the rest of mapping/.
 *
 * Units (what one sync step writes at once, see shared/store/rows.ts):
 * - `plenari:{file}:{ref_sessio}`: a plenary session of one file, its agreements as decisions (with
 *   their vote) and as agenda items, and the values of its agreements the mapping did not recognise;
 * - `case:{ref_proposta}`: a proposal reference, derived from every stored agreement that carries it
 *   (in either file);
 * - `process:{id}`, `proposal:{id}`, `decidim-meeting:{id}`, `result:{id}`: one Decidim record each;
 * - `council`: the body whose plenary the files record (a city with plenary files only).
 *
 * The city (ids, main language, the plenary body) is the first parameter of each.
 */
import type { AgendaItemRow, BodyRow, CaseRow, DecisionRow, ExtraRow, MeetingRow, UnmappedValueRow, Unit, VoteEventRow } from '../../shared/store/rows';
import { DateTime } from 'luxon';
import { searchText } from '../../shared/store/search';
import { htmlToPlain, pickLang } from '../../shared/text';
import type { PlenaryDecision } from './decision';
import type { DecidimCity } from './city';
import { votingMethodOf } from './plenary';
import type { AgendaItemModel, Localized, MeetingModel, ProcessModel, ProposalModel, ResultModel } from './decidim-model';

// ---- bodies -----------------------------------------------------------------------------------------

export interface BodyModel {
  id: string;
  sourceId: string;
  name: string;
  type: string;
  typeRaw: string;
  active: boolean | null;
  formedOn: string | null;
  dissolvedOn: string | null;
}

export const processBodyId = (processSourceId: string) => `process-${processSourceId}`;
export const processBodyGid = (city: DecidimCity, processSourceId: string) => city.gid('body', processBodyId(processSourceId));

/** The body whose plenary the files record (the council), or null for a city without plenary files. */
export function councilOf(city: DecidimCity): BodyModel | null {
  if (!city.plenary) return null;
  const { id, name } = city.plenary.body;
  return { id: city.gid('body', id), sourceId: id, name, type: 'COUNCIL', typeRaw: 'organ_resolucio', active: true, formedOn: null, dissolvedOn: null };
}

/** The council's global id (null without plenary files). */
export const councilGid = (city: DecidimCity) => (city.plenary ? city.gid('body', city.plenary.body.id) : null);

function bodyRow(city: DecidimCity, b: BodyModel): BodyRow {
  return { id: b.id, sourceId: b.sourceId, sortKey: b.name.toLocaleLowerCase(city.main), type: b.type, active: b.active, parentId: null, search: searchText([b.name]), doc: b };
}

/**
 * The council: every harvester writes this same unit (the plenary files decide in it, and it heads
 * the body list beside Decidim's processes); unchanged, it is never rewritten. Null for a city
 * without plenary files (it has no council here).
 */
export function councilUnit(city: DecidimCity): Unit | null {
  const council = councilOf(city);
  return council ? { key: 'council', bodies: [bodyRow(city, council)] } : null;
}

/** A process as the body of its meetings: active while its end date has not passed (as of `today`). */
export function processBody(city: DecidimCity, p: ProcessModel, today: string): BodyModel {
  const ended = !!p.endDate && p.endDate < today;
  return {
    id: processBodyGid(city, p.sourceId),
    sourceId: processBodyId(p.sourceId),
    name: pickLang(p.titles, city.main, city.main)?.text ?? p.slug ?? p.sourceId,
    type: 'OTHER',
    typeRaw: 'participatory_process',
    active: !ended,
    formedOn: p.startDate,
    dissolvedOn: ended ? p.endDate : null,
  };
}

// ---- plenary sessions and agreements ------------------------------------------------------------------

/** A plenary decision as stored: its vote lives in vote_events. */
export type StoredDecision = Omit<PlenaryDecision, 'voteEvents'>;

export interface PlenarySession {
  id: string;
  sourceId: string;
  sessionRef: string;
  date: string;
  sourceUrl: string;
}

/** An agreement as an item of its session's agenda; the agreement itself is loaded by `decisionSourceId`. */
export interface PlenaryItem {
  __typename: 'DecidimPlenaryItem';
  id: string;
  number: string | null;
  title: string;
  decisionSourceId: string;
}

export const sessionSourceId = (sessionRef: string) => `plenari:${sessionRef}`;
export const sessionGid = (city: DecidimCity, sessionRef: string) => city.gid('meeting', sessionSourceId(sessionRef));
/** Per file: the same `ref_sessio` in both files (never seen) would not make one file's rows the other's. */
export const sessionUnitKey = (file: string, sessionRef: string) => `plenari:${file}:${sessionRef}`;
export const caseGid = (city: DecidimCity, ref: string) => city.gid('case', ref);
export const caseUnitKey = (ref: string) => `case:${ref}`;

/** Proposal references that name a case: `s/n` ("sense número") names none. */
export function caseRefsOf(proposalRefs: string[]): string[] {
  return proposalRefs.filter((r) => r.toLowerCase() !== 's/n');
}

/** Theme match keys: `category` matches tema_cat or tema_cast, case-insensitively. */
export function themeKeys(d: PlenaryDecision): string[] {
  return [...new Set([d.agreement.themeCa, d.agreement.themeEs].filter((t): t is string => !!t).map((t) => t.toLowerCase()))];
}

/** Agreements of one session of one file, in file order (their order on the session's agenda). */
export function sessionUnit(city: DecidimCity, file: string, decisions: PlenaryDecision[]): Unit {
  const first = decisions[0];
  const ref = first.agreement.sessionRef;
  const meetingId = sessionGid(city, ref);
  const council = councilGid(city);
  if (!council) throw new Error(`${city.id} has no plenaryBody: its plenary sessions have no body`);
  const session: PlenarySession = { id: meetingId, sourceId: sessionSourceId(ref), sessionRef: ref, date: first.date, sourceUrl: first.sourceUrl };
  const meeting: MeetingRow = { id: meetingId, sourceId: session.sourceId, kind: 'DecidimPlenarySession', date: session.date, sortKey: session.date, bodyIds: [council], status: 'HELD', doc: session };
  return {
    key: sessionUnitKey(file, ref),
    meetings: [meeting],
    decisions: decisions.map((d, i) => decisionRow(city, d, meetingId, i)),
    voteEvents: decisions.flatMap((d) => d.voteEvents.map((v, i) => voteEventRow(d.id, v, i))),
    agendaItems: decisions.map((d, i): AgendaItemRow => ({ id: city.gid('agendaitem', d.sourceId), meetingId, position: i, parentId: null, decisionId: d.id, doc: plenaryItem(city, d) })),
    unmappedValues: decisions.flatMap((d) => unmappedValuesOf(city, file, d)),
  };
}

/**
 * The values of an agreement the mapping did not recognise, as the contract fields they should have
 * filled: `resultat` (Decision.outcome, UNKNOWN), a group's vote cell (GroupVoteCount.option), a
 * councillor's (Vote.option) and `sistema_votacio` (DecidimDecision.votingSystem: the contract has
 * no such field; named with the city's type prefix). The agreement keeps every one raw (outcomeRaw, groupVotes.raw, votingSystem); an
 * empty value is "nothing recorded", not unmapped. `upstream` is the file's sync key.
 */
export function unmappedValuesOf(city: DecidimCity, upstream: string, d: PlenaryDecision): UnmappedValueRow[] {
  const a = d.agreement;
  const found: Array<[string, string]> = [];
  if (d.outcome === 'UNKNOWN' && a.result.trim()) found.push(['Decision.outcome', a.result]);
  for (const v of a.groupVotes) if (v.option === null && v.raw.trim()) found.push(['GroupVoteCount.option', v.raw]);
  for (const v of a.councillorVotes) if (v.option === null && v.raw.trim()) found.push(['Vote.option', v.raw]);
  if (a.votingSystem && votingMethodOf(a.votingSystem) === undefined) found.push([`${city.typePrefix}Decision.votingSystem`, a.votingSystem]);
  // One row per record, field and value.
  const unique = new Map(found.map(([field, value]) => [`${field}|${value}`, { ownerId: d.id, upstream, field, value }]));
  return [...unique.values()];
}

function plenaryItem(city: DecidimCity, d: PlenaryDecision): PlenaryItem {
  return { __typename: 'DecidimPlenaryItem', id: city.gid('agendaitem', d.sourceId), number: d.agreement.proposalRefs.join('; ') || null, title: d.titles[0].text, decisionSourceId: d.sourceId };
}

export function decisionRow(city: DecidimCity, d: PlenaryDecision, meetingId: string, position: number): DecisionRow {
  const { voteEvents: _v, ...doc } = d;
  const es = d.titles.filter((t) => t.lang === 'es').map((t) => t.text);
  return {
    id: d.id,
    sourceId: d.sourceId,
    date: d.date,
    sortKey: d.date,
    bodyIds: [councilGid(city)!],
    // Decision.body of a plenary agreement is the council.
    bodyType: 'COUNCIL',
    meetingId,
    position,
    caseIds: caseRefsOf(d.agreement.proposalRefs).map((ref) => caseGid(city, ref)),
    outcome: d.outcome,
    categories: themeKeys(d),
    // Titles in both languages, the agreement's text and its references, accents folded.
    search: searchText([...d.titles.map((t) => t.text), d.plainText, ...d.agreement.proposalRefs]),
    // Only Spanish is stemmed (PostgreSQL has no Catalan stemmer: Catalan is matched by substring).
    texts: es.length ? { es: es.join('\n') } : {},
    doc,
  };
}

function voteEventRow(decisionId: string, v: PlenaryDecision['voteEvents'][number], position: number): VoteEventRow {
  const count = (option: string) => v.counts.find((c) => c.option === option)?.value ?? 0;
  // `absencia` and `-` (the group did not take part) are both counted as absent.
  return { id: v.id, decisionId, position, yes: count('YES'), no: count('NO'), abstain: count('ABSTAIN'), absent: count('ABSENT') + count('NOT_VOTING'), doc: v };
}

// ---- cases ----------------------------------------------------------------------------------------------

export interface PlenaryCase {
  id: string;
  sourceId: string;
  /** Title and date of the newest agreement carrying the reference. */
  title: string;
  date: string;
  categories: PlenaryDecision['categories'];
  /**
   * Every decision carrying the reference, newest first, in either file: when one file changes, the
   * sync finds the other file's decisions of the case here (by id) instead of searching them.
   */
  decisionIds: string[];
}

/** Newest first, ties by id: the order of a case's decisions (and of every decision list). */
export function newestDecisionFirst(a: StoredDecision, b: StoredDecision): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A proposal reference as a case, from every stored agreement that carries it (in either file), or
 * null when none does any more.
 */
export function caseUnit(city: DecidimCity, ref: string, decisions: StoredDecision[]): Unit | null {
  if (decisions.length === 0) return null;
  // Each decision once, however it was found.
  const sorted = [...new Map(decisions.map((d) => [d.id, d])).values()].sort(newestDecisionFirst);
  const newest = sorted[0];
  const categories = [...new Map(sorted.flatMap((d) => d.categories).map((c) => [c.id, c])).values()];
  const doc: PlenaryCase = { id: caseGid(city, ref), sourceId: ref, title: newest.titles[0].text, date: newest.date, categories, decisionIds: sorted.map((d) => d.id) };
  const es = sorted.flatMap((d) => d.titles.filter((t) => t.lang === 'es').map((t) => t.text));
  const row: CaseRow = {
    id: doc.id,
    sourceId: ref,
    date: newest.date,
    sortKey: newest.date,
    status: 'UNKNOWN',
    search: searchText([ref, ...sorted.flatMap((d) => d.titles.map((t) => t.text))]),
    texts: es.length ? { es: es.join('\n') } : {},
    doc,
  };
  return { key: caseUnitKey(ref), cases: [row] };
}

// ---- Decidim ----------------------------------------------------------------------------------------------

export const processUnitKey = (sourceId: string) => `process:${sourceId}`;
export const proposalUnitKey = (sourceId: string) => `proposal:${sourceId}`;
export const decidimMeetingUnitKey = (sourceId: string) => `decidim-meeting:${sourceId}`;
export const resultUnitKey = (sourceId: string) => `result:${sourceId}`;

/** UTC instant of an ISO timestamp (offsets differ within a year): a sort key that sorts by time. */
function instantKey(iso: string | null): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString();
}

/** A process: as a body (of its meetings) and as itself (the adapter's own type), one unit. */
export function processUnit(city: DecidimCity, p: ProcessModel, today: string): Unit {
  const extra: ExtraRow = { id: p.id, kind: 'process', sourceId: p.sourceId, parentId: null, sortKey: p.startDate ?? '', search: searchText(p.titles.map((t) => t.text)), doc: p };
  return { key: processUnitKey(p.sourceId), bodies: [bodyRow(city, processBody(city, p, today))], extras: [extra] };
}

const plainTexts = (items: Localized[]) => items.map((i) => htmlToPlain(i.text));

/**
 * An answered proposal as a decision of its process (a city with `decisionsFromProposalAnswers`):
 * the city's answer, accepted → ADOPTED, rejected → REJECTED. Evaluating, withdrawn and unanswered
 * proposals, and an answer without text or date, are not decisions.
 */
export interface AnswerDecision {
  kind: 'proposal-answer';
  id: string;
  sourceId: string;
  proposalSourceId: string;
  processSourceId: string;
  reference: string | null;
  titles: Localized[];
  bodies: Localized[];
  answers: Localized[];
  state: string;
  outcome: ProposalModel['outcome'];
  /** Local date of the answer. */
  date: string;
  decidedAt: string;
  categories: NonNullable<ProposalModel['category']>[];
}

export const answerDecisionSourceId = (proposalSourceId: string) => `proposal:${proposalSourceId}`;

export function answerDecisionOf(city: DecidimCity, p: ProposalModel): AnswerDecision | null {
  if (p.state !== 'accepted' && p.state !== 'rejected') return null;
  if (!p.answeredAt || p.answers.length === 0) return null;
  const answered = DateTime.fromISO(p.answeredAt, { setZone: true });
  if (!answered.isValid) return null;
  const sourceId = answerDecisionSourceId(p.sourceId);
  return {
    kind: 'proposal-answer',
    id: city.gid('decision', sourceId),
    sourceId,
    proposalSourceId: p.sourceId,
    processSourceId: p.processSourceId,
    reference: p.reference,
    titles: p.titles,
    bodies: p.bodies,
    answers: p.answers,
    state: p.state,
    outcome: p.outcome,
    date: answered.setZone(city.zone).toISODate()!,
    decidedAt: p.answeredAt,
    categories: p.category ? [p.category] : [],
  };
}

function answerDecisionRow(city: DecidimCity, d: AnswerDecision): DecisionRow {
  return {
    id: d.id,
    sourceId: d.sourceId,
    date: d.date,
    sortKey: d.date,
    bodyIds: [processBodyGid(city, d.processSourceId)],
    // Decision.body of an answer is its process, as the bodies table holds it.
    bodyId: processBodyGid(city, d.processSourceId),
    meetingId: null,
    position: null,
    caseIds: [],
    outcome: d.outcome,
    categories: d.categories.map((c) => c.name.toLowerCase()),
    // Titles, the proposal and the answer in every language published, accents folded.
    search: searchText([...d.titles.map((t) => t.text), ...plainTexts(d.bodies), ...plainTexts(d.answers), d.reference ?? '']),
    doc: d,
  };
}

/** A proposal; with `decisionsFromProposalAnswers`, also its answer as a decision (same unit: they change together). */
export function proposalUnit(city: DecidimCity, p: ProposalModel): Unit {
  const answer = city.decisionsFromProposalAnswers ? answerDecisionOf(city, p) : null;
  const extra: ExtraRow = {
    id: p.id,
    kind: 'proposal',
    sourceId: p.sourceId,
    parentId: city.gid('process', p.processSourceId),
    sortKey: instantKey(p.publishedAt),
    // Titles and bodies in every language published; bodies may be HTML.
    search: searchText([...p.titles.map((t) => t.text), ...plainTexts(p.bodies)]),
    doc: p,
  };
  return { key: proposalUnitKey(p.sourceId), extras: [extra], ...(answer ? { decisions: [answerDecisionRow(city, answer)] } : {}) };
}

/** Progress as a key that sorts numerically as text (`045.500`, `100.000`); unknown progress last. */
export function progressKey(progress: number | null): string {
  return progress === null ? '' : progress.toFixed(3).padStart(7, '0');
}

export function resultUnit(city: DecidimCity, r: ResultModel): Unit {
  const extra: ExtraRow = { id: r.id, kind: 'result', sourceId: r.sourceId, parentId: city.gid('process', r.processSourceId), sortKey: progressKey(r.progress), search: searchText(r.titles.map((t) => t.text)), doc: r };
  return { key: resultUnitKey(r.sourceId), extras: [extra] };
}

/** A Decidim meeting as stored: its status follows the clock (see decidimMeetingUnit), its agenda lives in agenda_items. */
export type StoredDecidimMeeting = Omit<MeetingModel, 'agenda' | 'status'>;

export interface ParticipatoryItem {
  __typename: 'DecidimParticipatoryAgendaItem';
  id: string;
  number: string | null;
  title: string;
  descriptions: Localized[];
  parentId: string | null;
}

/** A meeting's agenda, depth first: each item's position is its place in that order. */
function flatAgenda(items: AgendaItemModel[]): AgendaItemModel[] {
  return items.flatMap((i) => [i, ...flatAgenda(i.children)]);
}

/**
 * A Decidim meeting: withdrawn is CANCELLED and closed is HELD whatever the clock says; otherwise
 * the store keeps BY_TIME from its start (SCHEDULED before, HELD after), so the status follows the
 * clock without a sync.
 */
export function decidimMeetingUnit(city: DecidimCity, m: MeetingModel): Unit {
  const { agenda, status: _status, ...doc } = m;
  const status = m.statusRaw === 'withdrawn' ? 'CANCELLED' : m.statusRaw === 'closed' ? 'HELD' : m.start ? 'BY_TIME' : 'UNKNOWN';
  const row: MeetingRow = {
    id: m.id,
    sourceId: m.sourceId,
    kind: 'DecidimParticipatoryMeeting',
    date: m.date,
    // The start with its offset, so that a plenary date (a day) and a start on that day sort together.
    sortKey: m.start ?? m.date ?? '',
    bodyIds: [processBodyGid(city, m.processSourceId)],
    status,
    heldFrom: status === 'BY_TIME' ? instantKey(m.start) : null,
    doc: doc satisfies StoredDecidimMeeting,
  };
  return {
    key: decidimMeetingUnitKey(m.sourceId.replace(/^decidim:/, '')),
    meetings: [row],
    agendaItems: flatAgenda(agenda).map((item, i): AgendaItemRow => {
      const { children: _children, ...rest } = item;
      const served: ParticipatoryItem = { __typename: 'DecidimParticipatoryAgendaItem', ...rest };
      return { id: item.id, meetingId: m.id, position: i, parentId: item.parentId, decisionId: null, doc: served };
    }),
  };
}
