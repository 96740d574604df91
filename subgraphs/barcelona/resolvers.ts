/**
 * Barcelona resolvers: check arguments, then answer from the store (the synced copy of the plenary
 * files and of Decidim): lists, filters, orders and counts in SQL, lookups by id through the
 * per-request DataLoaders. Mapping lives in mapping/, the sync in sync.ts; nothing here calls the
 * file server or Decidim.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { checkDateRange, checkLang, checkNoNul, checkOutcomes, checkText, parseId } from '../shared/args';
import { badUserInput } from '../shared/errors';
import { cityFields, contractResolvers, found } from '../shared/resolvers';
import { htmlToPlain, pickLang } from '../shared/text';
import { Where, type Page } from '../shared/store/store';
import type { UpstreamState } from '../shared/sync/state';
import { bodyList, caseList, dateCondition, forcedBody, meetingStatusCondition, nestedFromStore, nestedSlice, pageFromStore, sourcesOf } from '../shared/serving';
import { COUNCIL_ID, CITY, gid } from './mapping/decision';
import type { Localized, ProcessModel, ProposalModel, ResultModel } from './mapping/decidim-model';
import {
  caseGid,
  caseRefsOf,
  COUNCIL,
  COUNCIL_GID,
  MAIN,
  processBodyGid,
  sessionGid,
  type BodyModel,
  type ParticipatoryItem,
  type PlenaryCase,
  type PlenaryItem,
  type StoredDecidimMeeting,
  type StoredDecision,
} from './mapping/rows';
import { createContext, servedMeeting, type BarcelonaContext, type ServedMeeting } from './context';
import { PLENARY_FILES } from './upstream/plenary';
import { DECIDIM, type DecidimExtra, type PlenaryFileExtra } from './sync';
import { COVERAGE } from './coverage';

export { createContext };

type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What each kind of answer reads: plenary fields read both files' copies, Decidim fields Decidim's. */
const PLENARY = PLENARY_FILES.map((f) => f.key);
const ALL = [...PLENARY, DECIDIM];

// ---- ids ------------------------------------------------------------------------------------------

const OPAQUE = /^[^\u0000-\u001f]{1,160}$/;

function decisionIdOf(id: unknown): string {
  return parseId(id, { city: CITY, type: 'decision', valid: OPAQUE, example: 'CP 12/23|M2327/242' });
}

function bodyIdOf(id: unknown, argumentName = 'id'): string {
  return parseId(id, { city: CITY, type: 'body', argumentName, valid: /^(consell-municipal|process-[0-9]{1,12})$/, example: 'consell-municipal or process-12' });
}

function meetingIdOf(id: unknown): string {
  return parseId(id, { city: CITY, type: 'meeting', valid: /^(plenari:[^\u0000-\u001f]{1,40}|decidim:\d{1,12})$/, example: 'plenari:CP 12/23 or decidim:42' });
}

/** The copies a body's lists read: the council's are the plenary files, a process's Decidim. */
const upstreamsOfBody = (sourceId: string) => (sourceId === COUNCIL_ID ? PLENARY : [DECIDIM]);

// ---- text -----------------------------------------------------------------------------------------

function text(items: Localized[], lang: unknown): string | null {
  return pickLang(items, checkLang(lang), MAIN)?.text ?? null;
}

function rich(items: Localized[], lang: unknown) {
  const item = pickLang(items, checkLang(lang), MAIN);
  if (!item) return null;
  // Decidim may return unescaped HTML (its API docs say so): offer it as html, and sanitised plain text.
  return { lang: item.lang, html: item.text, plain: htmlToPlain(item.text) };
}

function agreementText(d: StoredDecision) {
  return d.agreement.textHtml ? { lang: MAIN, html: d.agreement.textHtml, plain: d.plainText ?? '' } : null;
}

// ---- lists ----------------------------------------------------------------------------------------

/** Plenary agreements matching the filter, newest first (ties by id). */
function decisions(ctx: BarcelonaContext, args: Args, forced?: string) {
  const filter = args.filter;
  const range = checkDateRange(filter);
  const q = checkText(filter?.text);
  const outcomes = checkOutcomes(filter?.outcome);
  const category = filter?.category === undefined || filter?.category === null ? null : String(filter.category).trim().toLowerCase();
  if (category === '') throw badUserInput('filter.category', 'must not be empty; give a theme such as Habitatge (or Vivienda).');
  if (category) checkNoNul(category, 'filter.category');
  const body = forcedBody(filter?.body ? bodyIdOf(filter.body, 'filter.body') : null, forced);
  ctx.read(...PLENARY);
  const where = dateCondition(new Where(), range);
  // Only the council takes plenary decisions: a process's list is empty.
  if (body) where.add('body_ids @> ?::text[]', [gid('body', body)]);
  // tema_cat or tema_cast, case-insensitive (both are match keys of the row).
  if (category) where.add('categories @> ?::text[]', [category]);
  if (outcomes) where.add('outcome = ANY(?::text[])', [...outcomes]);
  if (q) ctx.store.textCondition(where, 'decisions', q);
  return pageFromStore<StoredDecision>(ctx.store, { table: 'decisions', where, order: 'newest' }, args);
}

/** Plenary sessions and Decidim meetings, newest first: a plenary date and a Decidim start on that day sort together. */
function meetings(ctx: BarcelonaContext, args: Args, forced?: string) {
  const filter = args.filter;
  const range = checkDateRange(filter);
  const body = forcedBody(filter?.body ? bodyIdOf(filter.body, 'filter.body') : null, forced);
  ctx.read(...(body ? upstreamsOfBody(body) : ALL));
  const where = dateCondition(new Where(), range);
  if (body) where.add('body_ids @> ?::text[]', [gid('body', body)]);
  if (filter?.status) meetingStatusCondition(where, filter.status);
  return pageFromStore(ctx.store, { table: 'meetings', where, order: 'newest', hydrate: servedMeeting }, args);
}

/** A nested list of Decidim records of one kind (proposals, results), in the list's order. */
function extrasOf<T>(ctx: BarcelonaContext, kind: string, where: Where, args: Args) {
  return nestedFromStore<T>(ctx.store, { table: 'extras', where: where.add('kind = ?', kind), order: 'newest' }, args);
}

/** Top-level items of a meeting's agenda (sub-items are their `children`), in agenda order. */
function agendaOf(ctx: BarcelonaContext, meetingId: string, args: Args) {
  return nestedFromStore(ctx.store, { table: 'agenda_items', where: new Where().add('meeting_id = ? AND parent_id IS NULL', meetingId), order: 'position' }, args);
}

/** The file fields of a source, kept by its harvester in the sync state (none for Decidim). */
function fileFields(key: string, state: UpstreamState | undefined) {
  if (key === DECIDIM) {
    const extra = (state?.extra ?? {}) as Partial<DecidimExtra>;
    return { lastModified: null, checkedAt: extra.checkedAt ?? null, latestSessionDate: null, rows: 0, unplacedRows: [] };
  }
  const extra = (state?.extra ?? {}) as Partial<PlenaryFileExtra>;
  return { lastModified: extra.lastModified ?? null, checkedAt: extra.checkedAt ?? null, latestSessionDate: extra.latestSessionDate ?? null, rows: extra.rows ?? 0, unplacedRows: extra.unplacedRows ?? [] };
}

// ---- resolvers --------------------------------------------------------------------------------------

const lookup = <T>(value: Promise<T | null>, type: string, id: unknown) => found(value, CITY, type, id);
const councilOf = async (ctx: BarcelonaContext) => (await ctx.bodies.load(COUNCIL_GID)) ?? COUNCIL;

export const resolvers: GraphQLResolverMap<BarcelonaContext> = {
  ...contractResolvers('Barcelona'),
  // Barcelona has two kinds of meetings and agenda items: the objects say which.
  Meeting: { __resolveType: (m: { __typename: string }) => m.__typename },
  AgendaItem: { __resolveType: (i: { __typename: string }) => i.__typename },
  Query: {
    barcelona: () => ({}),
  },
  BarcelonaCity: {
    ...cityFields(CITY, COVERAGE),
    upstream: (_p, _a, ctx) => ctx.upstreamBaseUrl,
    decisions: (_p, args: Args, ctx) => decisions(ctx, args),
    decision: (_p, { id }: Args, ctx) => {
      const sourceId = decisionIdOf(id);
      ctx.read(...PLENARY);
      return lookup(ctx.decisions.load(sourceId), 'decision', id);
    },
    meetings: (_p, args: Args, ctx) => meetings(ctx, args),
    meeting: (_p, { id }: Args, ctx) => {
      const raw = meetingIdOf(id);
      ctx.read(...(raw.startsWith('plenari:') ? PLENARY : [DECIDIM]));
      return lookup(ctx.meetings.load(gid('meeting', raw)), 'meeting', id);
    },
    cases: (_p, args: Args, ctx) => caseList<PlenaryCase>(ctx.store, args, () => ctx.read(...PLENARY)),
    case: (_p, { id }: Args, ctx) => {
      const ref = parseId(id, { city: CITY, type: 'case', valid: OPAQUE, example: 'M2327/242' });
      ctx.read(...PLENARY);
      return lookup(ctx.cases.load(caseGid(ref)), 'case', id);
    },
    bodies: (_p, args: Args, ctx) => bodyList<BodyModel>(ctx.store, args, () => ctx.read(...ALL)),
    body: (_p, { id }: Args, ctx) => {
      const sourceId = bodyIdOf(id);
      ctx.read(...upstreamsOfBody(sourceId));
      return lookup(ctx.bodies.load(gid('body', sourceId)), 'body', id);
    },
    sources: async (_p, _a, ctx) => {
      const [statuses, states] = await Promise.all([sourcesOf(ctx.store, ctx.sync), ctx.store.allStates<UpstreamState>()]);
      return statuses.map((s) => ({ ...s, ...fileFields(s.key, states.get(s.key)) }));
    },
    participatoryProcesses: (_p, args: Args, ctx) => {
      ctx.read(DECIDIM);
      return nestedFromStore<ProcessModel>(ctx.store, { table: 'extras', where: new Where().add("kind = 'process'"), order: 'newest' }, args);
    },
    proposals: (_p, args: Args, ctx) => {
      const q = checkText(args.text, 'text');
      ctx.read(DECIDIM);
      const where = new Where().add("kind = 'proposal'");
      // An unanswered proposal (state null) is `not_answered`.
      if (args.states) where.add("coalesce(doc->>'state', 'not_answered') = ANY(?::text[])", args.states);
      if (q) ctx.store.textCondition(where, 'extras', q);
      return pageFromStore<ProposalModel>(ctx.store, { table: 'extras', where, order: 'newest' }, args);
    },
    accountabilityResults: (_p, args: Args, ctx) => {
      ctx.read(DECIDIM);
      return pageFromStore<ResultModel>(ctx.store, { table: 'extras', where: new Where().add("kind = 'result'"), order: 'newest' }, args);
    },
  },
  BarcelonaDecision: {
    __resolveReference: (ref: { id: string }, ctx: BarcelonaContext) => ctx.decisions.load(decisionIdOf(ref.id)),
    title: (d: StoredDecision, { lang }: Args) => text(d.titles, lang),
    language: () => MAIN,
    availableLanguages: (d: StoredDecision) => d.titles.map((t) => t.lang),
    decidedAt: () => null,
    content: (d: StoredDecision, { lang }: Args) => {
      checkLang(lang);
      return agreementText(d);
    },
    proposal: (_d: StoredDecision, { lang }: Args) => (checkLang(lang), null),
    outcomeRaw: (d: StoredDecision) => d.agreement.result,
    body: (_d: StoredDecision, _a, ctx) => councilOf(ctx),
    meeting: (d: StoredDecision, _a, ctx) => ctx.meetings.load(sessionGid(d.agreement.sessionRef)),
    case: (d: StoredDecision, _a, ctx) => {
      const [ref] = caseRefsOf(d.agreement.proposalRefs);
      return ref ? ctx.cases.load(caseGid(ref)) : null;
    },
    number: (d: StoredDecision) => d.agreement.proposalRefs.join('; ') || null,
    voteEvents: (d: StoredDecision, _a, ctx) => ctx.voteEvents.load(d.id),
    attachments: () => [],
    url: () => null,
    sessionRef: (d: StoredDecision) => d.agreement.sessionRef,
    proposalRefs: (d: StoredDecision) => d.agreement.proposalRefs,
    minutesPart: (d: StoredDecision) => d.agreement.minutesPart,
    votingSystem: (d: StoredDecision) => d.agreement.votingSystem,
    themeEs: (d: StoredDecision) => d.agreement.themeEs,
    groupVotes: (d: StoredDecision) => d.agreement.groupVotes,
    proposer: (d: StoredDecision) => d.agreement.proposer,
    governmentGroups: (d: StoredDecision) => d.agreement.governmentGroups,
    titlesSwapped: (d: StoredDecision) => d.agreement.titlesSwapped,
    sourceLine: (d: StoredDecision) => d.agreement.line,
    sourceFile: (d: StoredDecision) => d.agreement.file,
  },
  BarcelonaPlenarySession: {
    __resolveReference: async (ref: { id: string }, ctx: BarcelonaContext) => {
      const m = await ctx.meetings.load(ref.id);
      return m?.__typename === 'BarcelonaPlenarySession' ? m : null;
    },
    title: (s: ServedMeeting & { sessionRef: string }) => `Consell Municipal ${s.sessionRef}`,
    start: () => null,
    end: () => null,
    location: () => null,
    statusRaw: () => null,
    body: (_s: ServedMeeting, _a, ctx) => councilOf(ctx),
    agenda: (s: ServedMeeting, args: Args, ctx) => agendaOf(ctx, s.id, args),
    decisions: (s: ServedMeeting, args: Args, ctx) =>
      nestedFromStore<StoredDecision>(ctx.store, { table: 'decisions', where: new Where().add('meeting_id = ?', s.id), order: 'position' }, args),
    participants: () => [],
    attachments: () => [],
    url: () => null,
    extraordinary: (s: ServedMeeting & { sessionRef: string }) => /EXT\.?$/i.test(s.sessionRef),
  },
  BarcelonaPlenaryItem: {
    content: async (i: PlenaryItem, _a, ctx) => {
      const d = await ctx.decisions.load(i.decisionSourceId);
      return d ? agreementText(d) : null;
    },
    parent: () => null,
    children: (_i: PlenaryItem, args: Args) => nestedSlice([], args),
    decision: (i: PlenaryItem, _a, ctx) => ctx.decisions.load(i.decisionSourceId),
    attachments: () => [],
  },
  BarcelonaCase: {
    __resolveReference: (ref: { id: string }, ctx: BarcelonaContext) => ctx.cases.load(ref.id),
    label: (c: PlenaryCase) => c.sourceId,
    status: () => 'UNKNOWN',
    statusRaw: () => null,
    openedAt: () => null,
    decisions: (c: PlenaryCase, args: Args, ctx) =>
      nestedFromStore<StoredDecision>(ctx.store, { table: 'decisions', where: new Where().add('case_ids @> ?::text[]', [c.id]), order: 'newest' }, args),
    attachments: () => [],
    url: () => null,
    sourceUrl: () => null,
  },
  BarcelonaBody: {
    __resolveReference: (ref: { id: string }, ctx: BarcelonaContext) => ctx.bodies.load(ref.id),
    parent: () => null,
    children: (_b: BodyModel, args: Args) => nestedSlice([], args),
    members: (_b: BodyModel, args: Args) => nestedSlice([], args, undefined, 500),
    url: () => null,
    decisions: (b: BodyModel, args: Args, ctx) => decisions(ctx, args, b.sourceId),
    meetings: (b: BodyModel, args: Args, ctx) => meetings(ctx, args, b.sourceId),
  },
  BarcelonaParticipatoryProcess: {
    title: (p: ProcessModel, { lang }: Args) => text(p.titles, lang) ?? p.slug ?? p.sourceId,
    titles: (p: ProcessModel) => p.titles,
    subtitle: (p: ProcessModel, { lang }: Args) => text(p.subtitles, lang),
    shortDescription: (p: ProcessModel, { lang }: Args) => rich(p.shortDescriptions, lang),
    body: (p: ProcessModel, _a, ctx) => ctx.bodies.load(processBodyGid(p.sourceId)),
    proposals: (p: ProcessModel, args: Args, ctx) => extrasOf<ProposalModel>(ctx, 'proposal', new Where().add('parent_id = ?', p.id), args),
    meetings: (p: ProcessModel, args: Args, ctx) =>
      nestedFromStore(ctx.store, { table: 'meetings', where: new Where().add('body_ids @> ?::text[]', [processBodyGid(p.sourceId)]), order: 'newest', hydrate: servedMeeting }, args),
    accountabilityResults: (p: ProcessModel, args: Args, ctx) => extrasOf<ResultModel>(ctx, 'result', new Where().add('parent_id = ?', p.id), args),
  },
  BarcelonaProposal: {
    title: (p: ProposalModel, { lang }: Args) => text(p.titles, lang) ?? p.reference ?? p.sourceId,
    body: (p: ProposalModel, { lang }: Args) => rich(p.bodies, lang),
    answer: (p: ProposalModel, { lang }: Args) => rich(p.answers, lang),
    process: (p: ProposalModel, _a, ctx) => ctx.extras.load(gid('process', p.processSourceId)),
  },
  BarcelonaAccountabilityResult: {
    title: (r: ResultModel, { lang }: Args) => text(r.titles, lang) ?? r.reference ?? r.sourceId,
    description: (r: ResultModel, { lang }: Args) => rich(r.descriptions, lang),
    statusName: (r: ResultModel, { lang }: Args) => text(r.statusNames, lang),
    parent: (r: ResultModel, _a, ctx) => (r.parentSourceId ? ctx.extras.load(gid('result', r.parentSourceId)) : null),
    // Children share their parent's process: the (kind, parent_id) index narrows the search to it.
    children: (r: ResultModel, args: Args, ctx) =>
      extrasOf<ResultModel>(ctx, 'result', new Where().add('parent_id = ?', gid('process', r.processSourceId)).add("doc->>'parentSourceId' = ?", r.sourceId), args),
    process: (r: ResultModel, _a, ctx) => ctx.extras.load(gid('process', r.processSourceId)),
  },
  BarcelonaParticipatoryMeeting: {
    __resolveReference: async (ref: { id: string }, ctx: BarcelonaContext) => {
      const m = await ctx.meetings.load(ref.id);
      return m?.__typename === 'BarcelonaParticipatoryMeeting' ? m : null;
    },
    title: (m: StoredDecidimMeeting) => text(m.titles, null) ?? m.sourceId,
    body: (m: StoredDecidimMeeting, _a, ctx) => ctx.bodies.load(processBodyGid(m.processSourceId)),
    agenda: (m: StoredDecidimMeeting, args: Args, ctx) => agendaOf(ctx, m.id, args),
    decisions: (_m: StoredDecidimMeeting, args: Args) => nestedSlice([], args),
    participants: () => [],
    attachments: () => [],
    url: () => null,
    sourceUrl: () => null,
    closingReport: (m: StoredDecidimMeeting, { lang }: Args) => rich(m.closingReports, lang),
  },
  BarcelonaParticipatoryAgendaItem: {
    content: (i: ParticipatoryItem) => rich(i.descriptions, null),
    parent: (i: ParticipatoryItem, _a, ctx) => (i.parentId ? ctx.agendaItems.load(i.parentId) : null),
    children: (i: ParticipatoryItem, args: Args, ctx) =>
      nestedFromStore(ctx.store, { table: 'agenda_items', where: new Where().add('parent_id = ?', i.id), order: 'position' }, args),
    decision: () => null,
    attachments: () => [],
  },
};
