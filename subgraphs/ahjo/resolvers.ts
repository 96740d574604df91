/**
 * Ahjo resolvers, for one city (ahjoResolvers(city)): check arguments, then answer from the store
 * (the synced copy of Ahjo): lists and counts in SQL, lookups by id through the per-request
 * DataLoaders. Mapping lives in mapping/, the sync in sync.ts; nothing here calls Ahjo.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { checkDateRange, checkLang, checkNoNul, checkOutcomes, checkText, parseId } from '../shared/args';
import { cityFields, contractResolvers, found } from '../shared/resolvers';
import { badUserInput } from '../shared/errors';
import { contractDecisionConditions } from '../shared/decision-stats';
import { pickLang } from '../shared/text';
import { Where } from '../shared/store/store';
import { bodyList, caseList, coveredPeriodOf, dateCondition, forcedBody, meetingStatusCondition, nestedFromStore, nestedSlice, pageFromStore, sourcesOf } from '../shared/serving';
import { servedMeeting, type AhjoContext, type ServedCase, type ServedMeeting } from './context';
import { mappingCity, type MappingCity } from './mapping/common';
import { bodyOfMeeting, decisionOfAgendaItem, meetingFromSummary, type AgendaItem } from './mapping/meeting';
import type { Body } from './mapping/body';
import { bodyGid, caseGid, meetingGid, type StoredDecision } from './mapping/rows';
import type { CityEntry } from '../../schema/cities';
import { ahjoCoverage } from './coverage';
import { UPSTREAM } from './sync';

// ---- ids: global ids or Ahjo's own, checked before they are looked up ----------------------------

const GUID = /^\{?[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}\}?$/;

export function decisionIdOf(city: MappingCity, id: unknown, argumentName = 'id'): string {
  const raw = parseId(id, { city: city.id, type: 'decision', argumentName, valid: GUID, example: city.examples.decision });
  // Ahjo NativeIds are upper-case GUIDs in braces (the paatokset proxy upper-cases ids too).
  return `{${raw.replace(/[{}]/g, '').toUpperCase()}}`;
}

export function meetingIdOf(city: MappingCity, id: unknown, argumentName = 'id'): string {
  return parseId(id, { city: city.id, type: 'meeting', argumentName, valid: /^[0-9A-Za-z]{4,40}$/, example: city.examples.meeting }).toUpperCase();
}

export function caseIdOf(city: MappingCity, id: unknown, argumentName = 'id'): string {
  const raw = parseId(id, { city: city.id, type: 'case', argumentName, valid: /^[A-Za-z]{2,6}[- ]\d{4}-\d{6}$/, example: city.examples.case });
  return raw.replace(' ', '-').toUpperCase();
}

export function bodyIdOf(city: MappingCity, id: unknown, argumentName = 'id'): string {
  return parseId(id, { city: city.id, type: 'body', argumentName, valid: /^[0-9A-Za-z]{1,40}$/, example: city.examples.body }).toUpperCase();
}

// ---- lists --------------------------------------------------------------------------------------

type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What the coveredPeriod of a list names: the city and the variable that moves its sync's start. */
type Served = Pick<CityEntry, 'name'> & { sync: Pick<CityEntry['sync'], 'fromEnv'> };

/**
 * The condition of the decisions a filter selects (after checking it): the list and `decisionStats`
 * both use it, so a count and a walk of the list always agree.
 */
function decisionWhere(ctx: AhjoContext, filter: Args | null | undefined, forced?: string): Where {
  const range = checkDateRange(filter);
  const text = checkText(filter?.text);
  const outcomes = checkOutcomes(filter?.outcome);
  const category = filter?.category !== undefined && filter?.category !== null ? String(filter.category).trim().replace(/\s+/g, ' ') : null;
  if (category === '') throw badUserInput('filter.category', 'must not be empty; give a classification code such as `10 03 03` or its start `10`.');
  if (category) checkNoNul(category, 'filter.category');
  const body = forcedBody(filter?.body ? bodyIdOf(ctx.city, filter.body, 'filter.body') : null, forced);
  const where = dateCondition(new Where(), range);
  contractDecisionConditions(where, filter);
  ctx.read();
  if (body) where.add('body_ids @> ?::text[]', [bodyGid(ctx.city, body)]);
  // Category keys hold every prefix of the code, so a shorter code matches every code below it.
  if (category) where.add('categories @> ?::text[]', [category.toLowerCase()]);
  if (outcomes) where.add('outcome = ANY(?::text[])', [...outcomes]);
  if (text) ctx.store.textCondition(where, 'decisions', text);
  return where;
}

/** Decisions matching the filter, newest first, with what the copy covers of the period asked for. */
async function decisions(city: Served, ctx: AhjoContext, args: Args, forced?: string) {
  const where = decisionWhere(ctx, args.filter, forced);
  const page = await pageFromStore<StoredDecision>(ctx.store, { table: 'decisions', where, order: 'newest' }, args);
  return { ...page, coveredPeriod: coveredPeriodOf(ctx.sync, UPSTREAM, checkDateRange(args.filter), city.name, city.sync.fromEnv) };
}

async function meetings(city: Served, ctx: AhjoContext, args: Args, forced?: string) {
  const filter = args.filter;
  const range = checkDateRange(filter);
  const body = forcedBody(filter?.body ? bodyIdOf(ctx.city, filter.body, 'filter.body') : null, forced);
  ctx.read();
  const where = dateCondition(new Where(), range);
  if (body) where.add('body_ids @> ?::text[]', [bodyGid(ctx.city, body)]);
  if (filter?.status) meetingStatusCondition(where, filter.status);
  const page = await pageFromStore(ctx.store, { table: 'meetings', where, order: 'newest', hydrate: servedMeeting }, args);
  return { ...page, coveredPeriod: coveredPeriodOf(ctx.sync, UPSTREAM, range, city.name, city.sync.fromEnv) };
}

/** Decisions of one meeting, in section order. */
function meetingDecisions(ctx: AhjoContext, meetingId: string, args: Args) {
  return nestedFromStore<StoredDecision>(ctx.store, { table: 'decisions', where: new Where().add('meeting_id = ?', meetingId), order: 'position' }, args);
}

/**
 * The meeting's decision maker: the body as the decision makers list has it; else as a decision of
 * the meeting names it (with its kind); else as the meeting itself names it (id and name only).
 */
async function meetingBody(ctx: AhjoContext, m: ServedMeeting): Promise<Body | null> {
  if (!m.bodySourceId) return null;
  const listed = await ctx.bodies.load(m.bodySourceId);
  if (listed) return listed;
  const [decision] = await ctx.decisionsOfMeeting.load(meetingGid(ctx.city, m.sourceId));
  if (decision?.body && decision.body.sourceId.toUpperCase() === m.bodySourceId.toUpperCase()) return decision.body;
  return bodyOfMeeting(ctx.city, m);
}

// ---- resolvers ----------------------------------------------------------------------------------

/** A meeting the store does not hold (an officer decision's summary, a link): built from its summary. */
async function meetingOrSummary(ctx: AhjoContext, ref: { MeetingID: string } | null) {
  if (!ref) return null;
  return (await ctx.meetings.load(ref.MeetingID)) ?? meetingFromSummary(ctx.city, ref as Parameters<typeof meetingFromSummary>[1], ctx.today);
}

/** The resolvers of one city on Ahjo, with the adapter's type names (buildCitySubgraph renames them for the city). */
export function ahjoResolvers(entry: CityEntry): GraphQLResolverMap<AhjoContext> {
  const local = mappingCity(entry);
  const lookup = <T>(value: Promise<T | null>, argumentName: string, type: string, id: string) => found(value, entry.id, type, id, argumentName);
  return {
    // This subgraph implements each contract interface with exactly one Ahjo type.
    ...contractResolvers('Ahjo'),
    Query: {
      // `ahjo` is the city's root field once buildCitySubgraph renames it (`helsinki`, …).
      ahjo: () => ({}),
    },
    AhjoCity: {
      ...cityFields<AhjoContext>(entry, ahjoCoverage(local), (ctx, filter) => decisionWhere(ctx, filter)),
      sources: (_p, _a, ctx) => sourcesOf(ctx.store, ctx.sync),
      decisions: (_p, args: Args, ctx) => decisions(entry, ctx, args),
      decision: (_p, { id }: Args, ctx) => {
        const nativeId = decisionIdOf(local, id);
        ctx.read();
        return lookup(ctx.decisions.load(nativeId), 'id', 'decision', id);
      },
      meetings: (_p, args: Args, ctx) => meetings(entry, ctx, args),
      meeting: (_p, { id }: Args, ctx) => {
        const meetingId = meetingIdOf(local, id);
        ctx.read();
        return lookup(ctx.meetings.load(meetingId), 'id', 'meeting', id);
      },
      cases: (_p, args: Args, ctx) => caseList<ServedCase>(ctx.store, args, ctx.read),
      case: (_p, { id }: Args, ctx) => {
        const caseId = caseIdOf(local, id);
        ctx.read();
        return lookup(ctx.cases.load(caseId), 'id', 'case', id);
      },
      bodies: (_p, args: Args, ctx) => bodyList<Body>(ctx.store, args, ctx.read),
      body: (_p, { id }: Args, ctx) => {
        const bodyId = bodyIdOf(local, id);
        ctx.read();
        return lookup(ctx.bodies.load(bodyId), 'id', 'body', id);
      },
    },
    AhjoDecision: {
      __resolveReference: (ref: { id: string }, ctx: AhjoContext) => ctx.decisions.load(decisionIdOf(local, ref.id)),
      title: (d: StoredDecision, { lang }: Args) => pickLang(d.versions, checkLang(lang), d.language)!.title,
      content: (d: StoredDecision, { lang }: Args) => pickLang(d.versions, checkLang(lang), d.language)?.content ?? null,
      proposal: (d: StoredDecision, { lang }: Args) => pickLang(d.versions, checkLang(lang), d.language)?.proposal ?? null,
      decisionHistory: (d: StoredDecision, { lang }: Args) => pickLang(d.versions, checkLang(lang), d.language)?.decisionHistory ?? null,
      meeting: (d: StoredDecision, _a, ctx) => meetingOrSummary(ctx, d.meetingRef),
      // An officer decision often names no case; the case's Records then list it.
      case: async (d: StoredDecision, _a, ctx) => (d.caseSourceId ? ctx.cases.load(d.caseSourceId) : ctx.casesByDecisionRecord.load(d.sourceId)),
      voteEvents: (d: StoredDecision, _a, ctx) => ctx.voteEvents.load(d.id),
      attachments: (d: StoredDecision, _a, ctx) => ctx.documents.load(d.id),
    },
    AhjoMeeting: {
      __resolveReference: (ref: { id: string }, ctx: AhjoContext) => ctx.meetings.load(meetingIdOf(local, ref.id)),
      body: (m: ServedMeeting, _a, ctx) => meetingBody(ctx, m),
      agenda: (m: ServedMeeting, args: Args, ctx) =>
        nestedFromStore<AgendaItem>(ctx.store, { table: 'agenda_items', where: new Where().add('meeting_id = ?', meetingGid(local, m.sourceId)), order: 'position' }, args),
      attachments: (m: ServedMeeting, _a, ctx) => ctx.documents.load(meetingGid(local, m.sourceId)),
      decisions: (m: ServedMeeting, args: Args, ctx) => meetingDecisions(ctx, meetingGid(local, m.sourceId), args),
      previousMeeting: (m: ServedMeeting, _a, ctx) => meetingOrSummary(ctx, m.previousMeetingRef),
      nextMeeting: (m: ServedMeeting, _a, ctx) => meetingOrSummary(ctx, m.nextMeetingRef),
    },
    AhjoAgendaItem: {
      parent: () => null,
      children: (_i: AgendaItem, args: Args) => nestedSlice([], args),
      // Every item of an agenda matches against the same list: read once per meeting and request.
      decision: async (item: AgendaItem, _a, ctx) => decisionOfAgendaItem(local, item, await ctx.decisionsOfMeeting.load(meetingGid(local, item.meetingSourceId))),
    },
    AhjoBody: {
      __resolveReference: (ref: { id: string }, ctx: AhjoContext) => ctx.bodies.load(bodyIdOf(local, ref.id)),
      parent: async (b: Body, _a, ctx) => {
        const ref = b.parentRefs[0];
        if (!ref) return null;
        return (await ctx.bodies.load(ref.sourceId)) ?? ref;
      },
      children: (b: Body, args: Args) => nestedSlice(b.childRefs, args),
      members: async (b: Body, args: Args, ctx) => nestedSlice(b.members ?? (await ctx.bodies.load(b.sourceId))?.members ?? [], args, () => '', 500),
      decisions: (b: Body, args: Args, ctx) => decisions(entry, ctx, args, b.sourceId.toUpperCase()),
      meetings: (b: Body, args: Args, ctx) => meetings(entry, ctx, args, b.sourceId.toUpperCase()),
    },
    AhjoCase: {
      __resolveReference: (ref: { id: string }, ctx: AhjoContext) => ctx.cases.load(caseIdOf(local, ref.id)),
      attachments: (c: ServedCase, _a, ctx) => ctx.documents.load(caseGid(local, c.sourceId)),
      decisions: (c: ServedCase, args: Args, ctx) => {
        // The decisions that name the case, and the decision records Ahjo lists in the case's Records.
        const records = c.decisionIds;
        const where = new Where().add('(case_ids @> ?::text[] OR source_id = ANY(?::text[]) OR alias_ids && ?::text[])', [caseGid(local, c.sourceId)], records, records);
        return nestedFromStore<StoredDecision>(ctx.store, { table: 'decisions', where, order: 'newest' }, args);
      },
    },
  };
}
