/**
 * Helsinki resolvers: check arguments, then answer from the store (the synced copy of Ahjo): lists
 * and counts in SQL, lookups by id through the per-request DataLoaders. Mapping lives in mapping/,
 * the sync in sync.ts; nothing here calls Ahjo.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { checkDateRange, checkLang, checkNoNul, checkOutcomes, checkText, parseId } from '../shared/args';
import { cityFields, contractResolvers, found } from '../shared/resolvers';
import { badUserInput } from '../shared/errors';
import { pickLang } from '../shared/text';
import { Where } from '../shared/store/store';
import { bodyList, caseList, coveredPeriodOf, dateCondition, forcedBody, meetingStatusCondition, nestedFromStore, nestedSlice, pageFromStore, sourcesOf } from '../shared/serving';
import { createContext, servedMeeting, type HelsinkiContext, type ServedCase, type ServedMeeting } from './context';
import { CITY } from './mapping/common';
import { bodyOfMeeting, decisionOfAgendaItem, meetingFromSummary, type AgendaItem } from './mapping/meeting';
import type { Body } from './mapping/body';
import { bodyGid, caseGid, meetingGid, type StoredDecision } from './mapping/rows';
import { cityById } from '../../schema/cities';
import { COVERAGE } from './coverage';
import { UPSTREAM } from './sync';

export { createContext };
const city = cityById(CITY);

// ---- ids: global ids or Ahjo's own, checked before they are looked up ----------------------------

const GUID = /^\{?[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}\}?$/;

export function decisionIdOf(id: unknown, argumentName = 'id'): string {
  const raw = parseId(id, { city: CITY, type: 'decision', argumentName, valid: GUID, example: '{B0480A7A-2712-49B6-9938-02A1E52593C1}' });
  // Ahjo NativeIds are upper-case GUIDs in braces (the paatokset proxy upper-cases ids too).
  return `{${raw.replace(/[{}]/g, '').toUpperCase()}}`;
}

export function meetingIdOf(id: unknown, argumentName = 'id'): string {
  return parseId(id, { city: CITY, type: 'meeting', argumentName, valid: /^[0-9A-Za-z]{4,40}$/, example: 'U501020213' }).toUpperCase();
}

export function caseIdOf(id: unknown, argumentName = 'id'): string {
  const raw = parseId(id, { city: CITY, type: 'case', argumentName, valid: /^[A-Za-z]{2,6}[- ]\d{4}-\d{6}$/, example: 'HEL-2021-012054' });
  return raw.replace(' ', '-').toUpperCase();
}

export function bodyIdOf(id: unknown, argumentName = 'id'): string {
  return parseId(id, { city: CITY, type: 'body', argumentName, valid: /^[0-9A-Za-z]{1,40}$/, example: '02900' }).toUpperCase();
}

// ---- lists --------------------------------------------------------------------------------------

type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Decisions matching the filter, newest first, with what the copy covers of the period asked for. */
async function decisions(ctx: HelsinkiContext, args: Args, forced?: string) {
  const filter = args.filter;
  const range = checkDateRange(filter);
  const text = checkText(filter?.text);
  const outcomes = checkOutcomes(filter?.outcome);
  const category = filter?.category !== undefined && filter?.category !== null ? String(filter.category).trim().replace(/\s+/g, ' ') : null;
  if (category === '') throw badUserInput('filter.category', 'must not be empty; give a classification code such as `10 03 03` or its start `10`.');
  if (category) checkNoNul(category, 'filter.category');
  const body = forcedBody(filter?.body ? bodyIdOf(filter.body, 'filter.body') : null, forced);
  ctx.read();
  const where = dateCondition(new Where(), range);
  if (body) where.add('body_ids @> ?::text[]', [bodyGid(body)]);
  // Category keys hold every prefix of the code, so a shorter code matches every code below it.
  if (category) where.add('categories @> ?::text[]', [category.toLowerCase()]);
  if (outcomes) where.add('outcome = ANY(?::text[])', [...outcomes]);
  if (text) ctx.store.textCondition(where, 'decisions', text);
  const page = await pageFromStore<StoredDecision>(ctx.store, { table: 'decisions', where, order: 'newest' }, args);
  return { ...page, coveredPeriod: coveredPeriodOf(ctx.sync, UPSTREAM, range, city.name, city.sync.fromEnv) };
}

async function meetings(ctx: HelsinkiContext, args: Args, forced?: string) {
  const filter = args.filter;
  const range = checkDateRange(filter);
  const body = forcedBody(filter?.body ? bodyIdOf(filter.body, 'filter.body') : null, forced);
  ctx.read();
  const where = dateCondition(new Where(), range);
  if (body) where.add('body_ids @> ?::text[]', [bodyGid(body)]);
  if (filter?.status) meetingStatusCondition(where, filter.status);
  const page = await pageFromStore(ctx.store, { table: 'meetings', where, order: 'newest', hydrate: servedMeeting }, args);
  return { ...page, coveredPeriod: coveredPeriodOf(ctx.sync, UPSTREAM, range, city.name, city.sync.fromEnv) };
}

/** Decisions of one meeting, in section order. */
function meetingDecisions(ctx: HelsinkiContext, meetingId: string, args: Args) {
  return nestedFromStore<StoredDecision>(ctx.store, { table: 'decisions', where: new Where().add('meeting_id = ?', meetingId), order: 'position' }, args);
}

/**
 * The meeting's decision maker: the body as the decision makers list has it; else as a decision of
 * the meeting names it (with its kind); else as the meeting itself names it (id and name only).
 */
async function meetingBody(ctx: HelsinkiContext, m: ServedMeeting): Promise<Body | null> {
  if (!m.bodySourceId) return null;
  const listed = await ctx.bodies.load(m.bodySourceId);
  if (listed) return listed;
  const [decision] = await ctx.decisionsOfMeeting.load(meetingGid(m.sourceId));
  if (decision?.body && decision.body.sourceId.toUpperCase() === m.bodySourceId.toUpperCase()) return decision.body;
  return bodyOfMeeting(m);
}

// ---- resolvers ----------------------------------------------------------------------------------

const lookup = <T>(value: Promise<T | null>, argumentName: string, type: string, id: string) => found(value, CITY, type, id, argumentName);

/** A meeting the store does not hold (an officer decision's summary, a link): built from its summary. */
async function meetingOrSummary(ctx: HelsinkiContext, ref: { MeetingID: string } | null) {
  if (!ref) return null;
  return (await ctx.meetings.load(ref.MeetingID)) ?? meetingFromSummary(ref as Parameters<typeof meetingFromSummary>[0], ctx.today);
}

export const resolvers: GraphQLResolverMap<HelsinkiContext> = {
  // This subgraph implements each contract interface with exactly one Helsinki type.
  ...contractResolvers('Helsinki'),
  Query: {
    helsinki: () => ({}),
  },
  HelsinkiCity: {
    ...cityFields(CITY, COVERAGE),
    sources: (_p, _a, ctx) => sourcesOf(ctx.store, ctx.sync),
    decisions: (_p, args: Args, ctx) => decisions(ctx, args),
    decision: (_p, { id }: Args, ctx) => {
      const nativeId = decisionIdOf(id);
      ctx.read();
      return lookup(ctx.decisions.load(nativeId), 'id', 'decision', id);
    },
    meetings: (_p, args: Args, ctx) => meetings(ctx, args),
    meeting: (_p, { id }: Args, ctx) => {
      const meetingId = meetingIdOf(id);
      ctx.read();
      return lookup(ctx.meetings.load(meetingId), 'id', 'meeting', id);
    },
    cases: (_p, args: Args, ctx) => caseList<ServedCase>(ctx.store, args, ctx.read),
    case: (_p, { id }: Args, ctx) => {
      const caseId = caseIdOf(id);
      ctx.read();
      return lookup(ctx.cases.load(caseId), 'id', 'case', id);
    },
    bodies: (_p, args: Args, ctx) => bodyList<Body>(ctx.store, args, ctx.read),
    body: (_p, { id }: Args, ctx) => {
      const bodyId = bodyIdOf(id);
      ctx.read();
      return lookup(ctx.bodies.load(bodyId), 'id', 'body', id);
    },
  },
  HelsinkiDecision: {
    __resolveReference: (ref: { id: string }, ctx: HelsinkiContext) => ctx.decisions.load(decisionIdOf(ref.id)),
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
  HelsinkiMeeting: {
    __resolveReference: (ref: { id: string }, ctx: HelsinkiContext) => ctx.meetings.load(meetingIdOf(ref.id)),
    body: (m: ServedMeeting, _a, ctx) => meetingBody(ctx, m),
    agenda: (m: ServedMeeting, args: Args, ctx) =>
      nestedFromStore<AgendaItem>(ctx.store, { table: 'agenda_items', where: new Where().add('meeting_id = ?', meetingGid(m.sourceId)), order: 'position' }, args),
    attachments: (m: ServedMeeting, _a, ctx) => ctx.documents.load(meetingGid(m.sourceId)),
    decisions: (m: ServedMeeting, args: Args, ctx) => meetingDecisions(ctx, meetingGid(m.sourceId), args),
    previousMeeting: (m: ServedMeeting, _a, ctx) => meetingOrSummary(ctx, m.previousMeetingRef),
    nextMeeting: (m: ServedMeeting, _a, ctx) => meetingOrSummary(ctx, m.nextMeetingRef),
  },
  HelsinkiAgendaItem: {
    parent: () => null,
    children: (_i: AgendaItem, args: Args) => nestedSlice([], args),
    // Every item of an agenda matches against the same list: read once per meeting and request.
    decision: async (item: AgendaItem, _a, ctx) => decisionOfAgendaItem(item, await ctx.decisionsOfMeeting.load(meetingGid(item.meetingSourceId))),
  },
  HelsinkiBody: {
    __resolveReference: (ref: { id: string }, ctx: HelsinkiContext) => ctx.bodies.load(bodyIdOf(ref.id)),
    parent: async (b: Body, _a, ctx) => {
      const ref = b.parentRefs[0];
      if (!ref) return null;
      return (await ctx.bodies.load(ref.sourceId)) ?? ref;
    },
    children: (b: Body, args: Args) => nestedSlice(b.childRefs, args),
    members: async (b: Body, args: Args, ctx) => nestedSlice(b.members ?? (await ctx.bodies.load(b.sourceId))?.members ?? [], args, () => '', 500),
    decisions: (b: Body, args: Args, ctx) => decisions(ctx, args, b.sourceId.toUpperCase()),
    meetings: (b: Body, args: Args, ctx) => meetings(ctx, args, b.sourceId.toUpperCase()),
  },
  HelsinkiCase: {
    __resolveReference: (ref: { id: string }, ctx: HelsinkiContext) => ctx.cases.load(caseIdOf(ref.id)),
    attachments: (c: ServedCase, _a, ctx) => ctx.documents.load(caseGid(c.sourceId)),
    decisions: (c: ServedCase, args: Args, ctx) => {
      // The decisions that name the case, and the decision records Ahjo lists in the case's Records.
      const records = c.decisionIds;
      const where = new Where().add('(case_ids @> ?::text[] OR source_id = ANY(?::text[]) OR alias_ids && ?::text[])', [caseGid(c.sourceId)], records, records);
      return nestedFromStore<StoredDecision>(ctx.store, { table: 'decisions', where, order: 'newest' }, args);
    },
  },
};
