/**
 * Decidim resolvers, written once for every city on the adapter (built per city by
 * `decidimResolvers(city)`): check arguments, then answer from the store (the synced copy of the
 * city's plenary files, if any, and of Decidim): lists, filters, orders and counts in SQL, lookups by id through the
 * per-request DataLoaders. Mapping lives in mapping/, the sync in sync.ts; nothing here calls the
 * file server or Decidim.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { checkDateRange, checkLang, checkNoNul, checkOutcomes, checkText, parseId } from '../shared/args';
import { badUserInput } from '../shared/errors';
import { contractDecisionConditions } from '../shared/decision-stats';
import { cityFields, contractResolvers, found } from '../shared/resolvers';
import { htmlToPlain, pickLang } from '../shared/text';
import { Where, type Page } from '../shared/store/store';
import type { UpstreamState } from '../shared/sync/state';
import { bodyList, caseList, dateCondition, forcedBody, meetingStatusCondition, nestedFromStore, nestedSlice, pageFromStore, sourcesOf } from '../shared/serving';
import type { DecidimCity } from './mapping/city';
import type { Localized, ProcessModel, ProposalModel, ResultModel } from './mapping/decidim-model';
import {
  type AnswerDecision,
  caseGid,
  caseRefsOf,
  councilGid,
  councilOf,
  processBodyGid,
  sessionGid,
  type BodyModel,
  type ParticipatoryItem,
  type PlenaryCase,
  type PlenaryItem,
  type StoredDecidimMeeting,
  type StoredDecision,
} from './mapping/rows';
import { createContext, servedMeeting, type DecidimContext, type ServedMeeting } from './context';
import { DECIDIM, type DecidimExtra, type PlenaryFileExtra } from './sync';
import { coverageOf } from './coverage';
import { releaseName } from './decidim-release';

export { createContext };

type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What each kind of answer reads: plenary fields read the files' copies (none without files), Decidim fields Decidim's. */
const allOf = (ctx: DecidimContext) => [...ctx.plenary, DECIDIM];
/** Decisions: the plenary files' agreements, and answered proposals where the city serves them as decisions. */
const decisionSources = (ctx: DecidimContext) => (ctx.city.decisionsFromProposalAnswers ? allOf(ctx) : ctx.plenary);

/** A decision as stored: a plenary agreement, or an answered proposal. */
type ServedDecision = StoredDecision | AnswerDecision;
const isAnswer = (d: ServedDecision): d is AnswerDecision => (d as AnswerDecision).kind === 'proposal-answer';

// ---- ids ------------------------------------------------------------------------------------------

const OPAQUE = /^[^\u0000-\u001f]{1,160}$/;

function decisionIdOf(city: DecidimCity, id: unknown): string {
  return parseId(id, { city: city.id, type: 'decision', valid: OPAQUE, example: 'CP 12/23|M2327/242' });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function bodyIdOf(city: DecidimCity, id: unknown, argumentName = 'id'): string {
  const council = city.plenary?.body.id;
  const valid = council ? new RegExp(`^(${escapeRegExp(council)}|process-[0-9]{1,12})$`) : /^process-[0-9]{1,12}$/;
  return parseId(id, { city: city.id, type: 'body', argumentName, valid, example: council ? `${council} or process-12` : 'process-12' });
}

function meetingIdOf(city: DecidimCity, id: unknown): string {
  return parseId(id, { city: city.id, type: 'meeting', valid: /^(plenari:[^\u0000-\u001f]{1,40}|decidim:\d{1,12})$/, example: 'plenari:CP 12/23 or decidim:42' });
}

/** The copies a body's lists read: the council's are the plenary files, a process's Decidim. */
const upstreamsOfBody = (ctx: DecidimContext, sourceId: string) => (sourceId === ctx.city.plenary?.body.id ? ctx.plenary : [DECIDIM]);

// ---- text -----------------------------------------------------------------------------------------

function text(ctx: DecidimContext, items: Localized[], lang: unknown): string | null {
  return pickLang(items, checkLang(lang), ctx.city.main)?.text ?? null;
}

function rich(ctx: DecidimContext, items: Localized[], lang: unknown) {
  const item = pickLang(items, checkLang(lang), ctx.city.main);
  if (!item) return null;
  // Decidim may return unescaped HTML (its API docs say so): offer it as html, and sanitised plain text.
  return { lang: item.lang, html: item.text, plain: htmlToPlain(item.text) };
}

function agreementText(ctx: DecidimContext, d: StoredDecision) {
  return d.agreement.textHtml ? { lang: ctx.city.main, html: d.agreement.textHtml, plain: d.plainText ?? '' } : null;
}

// ---- lists ----------------------------------------------------------------------------------------

/**
 * The condition of the decisions a filter selects (after checking it): the list and `decisionStats`
 * both use it, so a count and a walk of the list always agree.
 */
function decisionWhere(ctx: DecidimContext, filter: Args | null | undefined, forced?: string): Where {
  const range = checkDateRange(filter);
  const q = checkText(filter?.text);
  const outcomes = checkOutcomes(filter?.outcome);
  const category = filter?.category === undefined || filter?.category === null ? null : String(filter.category).trim().toLowerCase();
  if (category === '') throw badUserInput('filter.category', 'must not be empty; give a theme such as Habitatge (or Vivienda).');
  if (category) checkNoNul(category, 'filter.category');
  const body = forcedBody(filter?.body ? bodyIdOf(ctx.city, filter.body, 'filter.body') : null, forced);
  const where = dateCondition(new Where(), range);
  contractDecisionConditions(where, filter);
  ctx.read(...decisionSources(ctx));
  // Only the council takes plenary decisions; a process's are its answered proposals (where served).
  if (body) where.add('body_ids @> ?::text[]', [ctx.city.gid('body', body)]);
  // tema_cat or tema_cast, case-insensitive (both are match keys of the row).
  if (category) where.add('categories @> ?::text[]', [category]);
  if (outcomes) where.add('outcome = ANY(?::text[])', [...outcomes]);
  if (q) ctx.store.textCondition(where, 'decisions', q);
  return where;
}

/** Plenary agreements (and answered proposals where served) matching the filter, newest first (ties by id). */
function decisions(ctx: DecidimContext, args: Args, forced?: string) {
  return pageFromStore<ServedDecision>(ctx.store, { table: 'decisions', where: decisionWhere(ctx, args.filter, forced), order: 'newest' }, args);
}

/** Plenary sessions and Decidim meetings, newest first: a plenary date and a Decidim start on that day sort together. */
function meetings(ctx: DecidimContext, args: Args, forced?: string) {
  const filter = args.filter;
  const range = checkDateRange(filter);
  const body = forcedBody(filter?.body ? bodyIdOf(ctx.city, filter.body, 'filter.body') : null, forced);
  ctx.read(...(body ? upstreamsOfBody(ctx, body) : allOf(ctx)));
  const where = dateCondition(new Where(), range);
  if (body) where.add('body_ids @> ?::text[]', [ctx.city.gid('body', body)]);
  if (filter?.status) meetingStatusCondition(where, filter.status);
  return pageFromStore(ctx.store, { table: 'meetings', where, order: 'newest', hydrate: servedMeeting }, args);
}

/** A nested list of Decidim records of one kind (proposals, results), in the list's order. */
function extrasOf<T>(ctx: DecidimContext, kind: string, where: Where, args: Args) {
  return nestedFromStore<T>(ctx.store, { table: 'extras', where: where.add('kind = ?', kind), order: 'newest' }, args);
}

/** Top-level items of a meeting's agenda (sub-items are their `children`), in agenda order. */
function agendaOf(ctx: DecidimContext, meetingId: string, args: Args) {
  return nestedFromStore(ctx.store, { table: 'agenda_items', where: new Where().add('meeting_id = ? AND parent_id IS NULL', meetingId), order: 'position' }, args);
}

/** The file fields of a source, kept by its harvester in the sync state (none for Decidim). */
function fileFields(key: string, state: UpstreamState | undefined) {
  if (key === DECIDIM) {
    const extra = (state?.extra ?? {}) as Partial<DecidimExtra>;
    const instance = extra.instance;
    return {
      lastModified: null,
      checkedAt: extra.checkedAt ?? null,
      latestSessionDate: null,
      rows: 0,
      unplacedRows: [],
      decidimVersion: instance?.version ?? null,
      decidimQuerySet: instance ? `${releaseName(instance.queryLine)} (by ${instance.detectedBy})` : null,
    };
  }
  const extra = (state?.extra ?? {}) as Partial<PlenaryFileExtra>;
  return {
    lastModified: extra.lastModified ?? null,
    checkedAt: extra.checkedAt ?? null,
    latestSessionDate: extra.latestSessionDate ?? null,
    rows: extra.rows ?? 0,
    unplacedRows: extra.unplacedRows ?? [],
    decidimVersion: null,
    decidimQuerySet: null,
  };
}

// ---- resolvers --------------------------------------------------------------------------------------

/** The resolvers for one city on the adapter (type names with the adapter's prefix; renamed per city by buildCitySubgraph). */
export function decidimResolvers(city: DecidimCity): GraphQLResolverMap<DecidimContext> {
  const lookup = <T>(value: Promise<T | null>, type: string, id: unknown) => found(value, city.id, type, id);
  const council = councilOf(city);
  const councilBody = async (ctx: DecidimContext) => {
    const gid = councilGid(city);
    return gid ? ((await ctx.bodies.load(gid)) ?? council) : null;
  };
  return {
    ...contractResolvers('Decidim'),
    // A Decidim city has two kinds of meetings and agenda items: the objects say which.
    Meeting: { __resolveType: (m: { __typename: string }) => m.__typename },
    DecidimMeeting: { __resolveType: (m: { __typename: string }) => m.__typename },
    AgendaItem: { __resolveType: (i: { __typename: string }) => i.__typename },
    Query: {
      // `decidim` is the city's root field once buildCitySubgraph renames it (`barcelona`, …).
      decidim: () => ({}),
    },
    DecidimCity: {
      ...cityFields<DecidimContext>(city.id, coverageOf(city), (ctx, filter) => decisionWhere(ctx, filter)),
      upstream: (_p, _a, ctx) => ctx.upstreamBaseUrl,
      decisions: (_p, args: Args, ctx) => decisions(ctx, args),
      decision: (_p, { id }: Args, ctx) => {
        const sourceId = decisionIdOf(city, id);
        ctx.read(...decisionSources(ctx));
        return lookup(ctx.decisions.load(sourceId), 'decision', id);
      },
      meetings: (_p, args: Args, ctx) => meetings(ctx, args),
      meeting: (_p, { id }: Args, ctx) => {
        const raw = meetingIdOf(city, id);
        ctx.read(...(raw.startsWith('plenari:') ? ctx.plenary : [DECIDIM]));
        return lookup(ctx.meetings.load(city.gid('meeting', raw)), 'meeting', id);
      },
      cases: (_p, args: Args, ctx) => caseList<PlenaryCase>(ctx.store, args, () => ctx.read(...ctx.plenary)),
      case: (_p, { id }: Args, ctx) => {
        const ref = parseId(id, { city: city.id, type: 'case', valid: OPAQUE, example: 'M2327/242' });
        ctx.read(...ctx.plenary);
        return lookup(ctx.cases.load(caseGid(city, ref)), 'case', id);
      },
      bodies: (_p, args: Args, ctx) => bodyList<BodyModel>(ctx.store, args, () => ctx.read(...allOf(ctx))),
      body: (_p, { id }: Args, ctx) => {
        const sourceId = bodyIdOf(city, id);
        ctx.read(...upstreamsOfBody(ctx, sourceId));
        return lookup(ctx.bodies.load(city.gid('body', sourceId)), 'body', id);
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
    DecidimDecision: {
      __resolveReference: (ref: { id: string }, ctx: DecidimContext) => ctx.decisions.load(decisionIdOf(city, ref.id)),
      title: (d: ServedDecision, { lang }: Args, ctx) => text(ctx, d.titles, lang) ?? (isAnswer(d) ? (d.reference ?? d.proposalSourceId) : d.sourceId),
      language: () => city.main,
      availableLanguages: (d: ServedDecision) => d.titles.map((t) => t.lang),
      decidedAt: (d: ServedDecision) => (isAnswer(d) ? d.decidedAt : null),
      content: (d: ServedDecision, { lang }: Args, ctx) => {
        checkLang(lang);
        return isAnswer(d) ? rich(ctx, d.answers, lang) : agreementText(ctx, d);
      },
      proposal: (d: ServedDecision, { lang }: Args, ctx) => {
        checkLang(lang);
        return isAnswer(d) ? rich(ctx, d.bodies, lang) : null;
      },
      outcomeRaw: (d: ServedDecision) => (isAnswer(d) ? d.state : d.agreement.result),
      body: (d: ServedDecision, _a, ctx) => (isAnswer(d) ? ctx.bodies.load(processBodyGid(city, d.processSourceId)) : councilBody(ctx)),
      meeting: (d: ServedDecision, _a, ctx) => (isAnswer(d) ? null : ctx.meetings.load(sessionGid(city, d.agreement.sessionRef))),
      case: (d: ServedDecision, _a, ctx) => {
        if (isAnswer(d)) return null;
        const [ref] = caseRefsOf(d.agreement.proposalRefs);
        return ref ? ctx.cases.load(caseGid(city, ref)) : null;
      },
      number: (d: ServedDecision) => (isAnswer(d) ? d.reference : d.agreement.proposalRefs.join('; ') || null),
      voteEvents: (d: ServedDecision, _a, ctx) => ctx.voteEvents.load(d.id),
      attachments: () => [],
      url: () => null,
      sourceUrl: (d: ServedDecision) => (isAnswer(d) ? null : d.sourceUrl),
      isMotion: (d: ServedDecision) => (isAnswer(d) ? false : d.isMotion),
      // The plenary file's fields: empty for an answered proposal (it has no file row).
      sessionRef: (d: ServedDecision) => (isAnswer(d) ? '' : d.agreement.sessionRef),
      proposalRefs: (d: ServedDecision) => (isAnswer(d) ? [] : d.agreement.proposalRefs),
      minutesPart: (d: ServedDecision) => (isAnswer(d) ? null : d.agreement.minutesPart),
      votingSystem: (d: ServedDecision) => (isAnswer(d) ? null : d.agreement.votingSystem),
      themeEs: (d: ServedDecision) => (isAnswer(d) ? null : d.agreement.themeEs),
      groupVotes: (d: ServedDecision) => (isAnswer(d) ? [] : d.agreement.groupVotes),
      proposer: (d: ServedDecision) => (isAnswer(d) ? null : d.agreement.proposer),
      governmentGroups: (d: ServedDecision) => (isAnswer(d) ? [] : d.agreement.governmentGroups),
      titlesSwapped: (d: ServedDecision) => (isAnswer(d) ? false : d.agreement.titlesSwapped),
      sourceLine: (d: ServedDecision) => (isAnswer(d) ? 0 : d.agreement.line),
      sourceFile: (d: ServedDecision) => (isAnswer(d) ? DECIDIM : d.agreement.file),
    },
    DecidimPlenarySession: {
      __resolveReference: async (ref: { id: string }, ctx: DecidimContext) => {
        const m = await ctx.meetings.load(ref.id);
        return m?.__typename === 'DecidimPlenarySession' ? m : null;
      },
      title: (s: ServedMeeting & { sessionRef: string }) => `${city.plenary?.body.name ?? city.name} ${s.sessionRef}`,
      start: () => null,
      end: () => null,
      location: () => null,
      statusRaw: () => null,
      body: (_s: ServedMeeting, _a, ctx) => councilBody(ctx),
      agenda: (s: ServedMeeting, args: Args, ctx) => agendaOf(ctx, s.id, args),
      decisions: (s: ServedMeeting, args: Args, ctx) =>
        nestedFromStore<StoredDecision>(ctx.store, { table: 'decisions', where: new Where().add('meeting_id = ?', s.id), order: 'position' }, args),
      participants: () => [],
      attachments: () => [],
      url: () => null,
      extraordinary: (s: ServedMeeting & { sessionRef: string }) => /EXT\.?$/i.test(s.sessionRef),
    },
    DecidimPlenaryItem: {
      content: async (i: PlenaryItem, _a, ctx) => {
        const d = await ctx.decisions.load(i.decisionSourceId);
        return d ? agreementText(ctx, d) : null;
      },
      parent: () => null,
      children: (_i: PlenaryItem, args: Args) => nestedSlice([], args),
      decision: (i: PlenaryItem, _a, ctx) => ctx.decisions.load(i.decisionSourceId),
      attachments: () => [],
    },
    DecidimCase: {
      __resolveReference: (ref: { id: string }, ctx: DecidimContext) => ctx.cases.load(ref.id),
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
    DecidimBody: {
      __resolveReference: (ref: { id: string }, ctx: DecidimContext) => ctx.bodies.load(ref.id),
      parent: () => null,
      children: (_b: BodyModel, args: Args) => nestedSlice([], args),
      members: (_b: BodyModel, args: Args) => nestedSlice([], args, undefined, 500),
      url: () => null,
      decisions: (b: BodyModel, args: Args, ctx) => decisions(ctx, args, b.sourceId),
      meetings: (b: BodyModel, args: Args, ctx) => meetings(ctx, args, b.sourceId),
    },
    DecidimParticipatoryProcess: {
      title: (p: ProcessModel, { lang }: Args, ctx) => text(ctx, p.titles, lang) ?? p.slug ?? p.sourceId,
      titles: (p: ProcessModel) => p.titles,
      subtitle: (p: ProcessModel, { lang }: Args, ctx) => text(ctx, p.subtitles, lang),
      shortDescription: (p: ProcessModel, { lang }: Args, ctx) => rich(ctx, p.shortDescriptions, lang),
      body: (p: ProcessModel, _a, ctx) => ctx.bodies.load(processBodyGid(city, p.sourceId)),
      proposals: (p: ProcessModel, args: Args, ctx) => extrasOf<ProposalModel>(ctx, 'proposal', new Where().add('parent_id = ?', p.id), args),
      meetings: (p: ProcessModel, args: Args, ctx) =>
        nestedFromStore(ctx.store, { table: 'meetings', where: new Where().add('body_ids @> ?::text[]', [processBodyGid(city, p.sourceId)]), order: 'newest', hydrate: servedMeeting }, args),
      accountabilityResults: (p: ProcessModel, args: Args, ctx) => extrasOf<ResultModel>(ctx, 'result', new Where().add('parent_id = ?', p.id), args),
    },
    DecidimProposal: {
      title: (p: ProposalModel, { lang }: Args, ctx) => text(ctx, p.titles, lang) ?? p.reference ?? p.sourceId,
      body: (p: ProposalModel, { lang }: Args, ctx) => rich(ctx, p.bodies, lang),
      answer: (p: ProposalModel, { lang }: Args, ctx) => rich(ctx, p.answers, lang),
      process: (p: ProposalModel, _a, ctx) => ctx.extras.load(city.gid('process', p.processSourceId)),
    },
    DecidimAccountabilityResult: {
      title: (r: ResultModel, { lang }: Args, ctx) => text(ctx, r.titles, lang) ?? r.reference ?? r.sourceId,
      description: (r: ResultModel, { lang }: Args, ctx) => rich(ctx, r.descriptions, lang),
      statusName: (r: ResultModel, { lang }: Args, ctx) => text(ctx, r.statusNames, lang),
      parent: (r: ResultModel, _a, ctx) => (r.parentSourceId ? ctx.extras.load(city.gid('result', r.parentSourceId)) : null),
      // Children share their parent's process: the (kind, parent_id) index narrows the search to it.
      children: (r: ResultModel, args: Args, ctx) =>
        extrasOf<ResultModel>(ctx, 'result', new Where().add('parent_id = ?', city.gid('process', r.processSourceId)).add("doc->>'parentSourceId' = ?", r.sourceId), args),
      process: (r: ResultModel, _a, ctx) => ctx.extras.load(city.gid('process', r.processSourceId)),
    },
    DecidimParticipatoryMeeting: {
      __resolveReference: async (ref: { id: string }, ctx: DecidimContext) => {
        const m = await ctx.meetings.load(ref.id);
        return m?.__typename === 'DecidimParticipatoryMeeting' ? m : null;
      },
      title: (m: StoredDecidimMeeting, _a, ctx) => text(ctx, m.titles, null) ?? m.sourceId,
      body: (m: StoredDecidimMeeting, _a, ctx) => ctx.bodies.load(processBodyGid(city, m.processSourceId)),
      agenda: (m: StoredDecidimMeeting, args: Args, ctx) => agendaOf(ctx, m.id, args),
      decisions: (_m: StoredDecidimMeeting, args: Args) => nestedSlice([], args),
      participants: () => [],
      attachments: () => [],
      url: (m: StoredDecidimMeeting) => m.url ?? null,
      // The API it is read from: a GraphQL endpoint has no address per record.
      sourceUrl: () => city.apiUrl,
      closingReport: (m: StoredDecidimMeeting, { lang }: Args, ctx) => rich(ctx, m.closingReports, lang),
    },
    DecidimParticipatoryAgendaItem: {
      content: (i: ParticipatoryItem, _a, ctx) => rich(ctx, i.descriptions, null),
      parent: (i: ParticipatoryItem, _a, ctx) => (i.parentId ? ctx.agendaItems.load(i.parentId) : null),
      children: (i: ParticipatoryItem, args: Args, ctx) =>
        nestedFromStore(ctx.store, { table: 'agenda_items', where: new Where().add('parent_id = ?', i.id), order: 'position' }, args),
      decision: () => null,
      attachments: () => [],
    },
  };
}
