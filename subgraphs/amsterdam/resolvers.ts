/**
 * Amsterdam resolvers: check arguments, then answer from the store (the synced copy of Notubiz):
 * lists, filters and counts in SQL, lookups by id through the per-request DataLoaders. Mapping
 * lives in mapping/, the sync in sync.ts; nothing here calls Notubiz.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { checkDateRange, checkLang, checkNoNul, checkOutcomes, checkText, parseId, unknownId } from '../shared/args';
import { cityFields, contractResolvers, found } from '../shared/resolvers';
import { badUserInput } from '../shared/errors';
import { Where } from '../shared/store/store';
import { bodyList, caseList, coveredPeriodOf, dateCondition, meetingStatusCondition, nestedFromStore, nestedSlice, pageFromStore, sourcesOf } from '../shared/serving';
import { cityById } from '../../schema/cities';
import { createContext, servedMeeting, type AmsterdamContext } from './context';
import { CITY, gid, LANGUAGE } from './mapping/common';
import { DECISION_DOCUMENT_TYPES, RESULT_DOCUMENT_TYPES } from './mapping/decision';
import { ORGANISATIONS, type Body } from './mapping/body';
import type { Document } from './mapping/document';
import { agendaItemGid, bodyGid, decisionGid, meetingGid, type ModuleItem, type StoredAgendaItem, type StoredCase, type StoredDecision, type StoredMeeting } from './mapping/rows';
import { NOT_PUBLISHED } from './upstream/notubiz';
import { COVERAGE } from './coverage';
import { UPSTREAM } from './sync';

export { createContext };
const city = cityById(CITY);

type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// ---- ids ----------------------------------------------------------------------------------------

export function meetingIdOf(id: unknown, argumentName = 'id'): number {
  return Number(parseId(id, { city: CITY, type: 'meeting', argumentName, valid: /^\d{1,12}$/, example: '458902' }));
}

export function decisionIdOf(id: unknown, argumentName = 'id'): { meetingId: number; itemId: number } {
  const raw = parseId(id, { city: CITY, type: 'decision', argumentName, valid: /^\d{1,12}-\d{1,12}$/, example: '458902-3842862' });
  const [meetingId, itemId] = raw.split('-').map(Number);
  return { meetingId, itemId };
}

export function bodyIdOf(id: unknown, argumentName = 'id'): { organisationId: number; gremiumId: number | null; sourceId: string } {
  const raw = parseId(id, { city: CITY, type: 'body', argumentName, valid: /^\d{1,9}(-\d{1,12})?$/, example: '281 or 281-4972' });
  const [org, gremium] = raw.split('-').map(Number);
  if (!ORGANISATIONS.some((o) => o.id === org)) {
    throw badUserInput(argumentName, `organisation ${org} is not one of Amsterdam's; use one of ${ORGANISATIONS.map((o) => `${o.id} (${o.name})`).join(', ')}.`);
  }
  return { organisationId: org, gremiumId: gremium ?? null, sourceId: raw };
}

function caseCodeOf(id: unknown, argumentName = 'id'): string {
  return parseId(id, { city: CITY, type: 'case', argumentName, valid: /^[A-Za-z0-9][A-Za-z0-9._/-]{0,60}$/, example: 'Z-2025-012345' });
}

// ---- lists ----------------------------------------------------------------------------------------

/** The body a list is about: the filter's, or the body whose list it is (the filter must then be empty or the same). */
function bodyScopeOf(body: string | null | undefined, forced?: string): string | null {
  let parsed = body ? bodyIdOf(body, 'filter.body') : null;
  if (forced) {
    const f = bodyIdOf(forced);
    if (parsed && parsed.sourceId !== f.sourceId) throw badUserInput('filter.body', `must be empty or this body (${f.sourceId}); got ${parsed.sourceId}.`);
    parsed = f;
  }
  return parsed?.sourceId ?? null;
}

/** A meeting or decision row holds its organisation's and its gremium's ids: an organisation matches all its gremia. */
function bodyCondition(where: Where, body: string | null): Where {
  return body ? where.add('body_ids @> ?::text[]', [bodyGid(body)]) : where;
}

const coveredPeriod = (ctx: AmsterdamContext, range: { from: string | null; to: string | null }) => coveredPeriodOf(ctx.sync, UPSTREAM, range, city.name, city.sync.fromEnv);

/** Decisions matching the filter, newest first, with what the copy covers of the period asked for. */
async function decisions(ctx: AmsterdamContext, args: Args, forcedBody?: string) {
  const filter = args.filter;
  const range = checkDateRange(filter);
  const text = checkText(filter?.text);
  const outcomes = checkOutcomes(filter?.outcome);
  const category = filter?.category?.trim() ?? null;
  if (category === '') throw badUserInput('filter.category', 'must not be empty; give a Notubiz document type such as Motie or Raadsvoorstel.');
  if (category) checkNoNul(category, 'filter.category');
  const body = bodyScopeOf(filter?.body, forcedBody);
  ctx.read();
  const where = bodyCondition(dateCondition(new Where(), range), body);
  // Categories are the document types in lower case: the filter is case-insensitive.
  if (category) where.add('categories @> ?::text[]', [category.toLowerCase()]);
  if (outcomes) where.add('outcome = ANY(?::text[])', [...outcomes]);
  if (text) ctx.store.textCondition(where, 'decisions', text);
  const page = await pageFromStore<StoredDecision>(ctx.store, { table: 'decisions', where, order: 'newest' }, args);
  return { ...page, coveredPeriod: coveredPeriod(ctx, range) };
}

async function meetings(ctx: AmsterdamContext, args: Args, forcedBody?: string) {
  const filter = args.filter;
  const range = checkDateRange(filter);
  const body = bodyScopeOf(filter?.body, forcedBody);
  ctx.read();
  const where = bodyCondition(dateCondition(new Where(), range), body);
  if (filter?.status) meetingStatusCondition(where, filter.status);
  const page = await pageFromStore(ctx.store, { table: 'meetings', where, order: 'newest', hydrate: servedMeeting }, args);
  return { ...page, coveredPeriod: coveredPeriod(ctx, range) };
}

// ---- lookups ------------------------------------------------------------------------------------

const lookup = <T>(value: Promise<T | null>, argumentName: string, type: string, id: string) => found(value, CITY, type, id, argumentName);

async function loadMeeting(ctx: AmsterdamContext, id: number, raw: string): Promise<StoredMeeting> {
  const m = await ctx.meetings.load(String(id));
  if (m === NOT_PUBLISHED) {
    throw badUserInput('id', `Amsterdam does not publish meeting ${id} (Notubiz: "No rights to see this meeting").`, { reason: 'NOT_PUBLISHED' });
  }
  if (!m) throw unknownId('id', CITY, 'meeting', raw);
  return m;
}

async function loadDecision(ctx: AmsterdamContext, { meetingId, itemId }: { meetingId: number; itemId: number }, raw: string): Promise<StoredDecision> {
  const d = await ctx.decisions.load(decisionGid(`${meetingId}-${itemId}`));
  if (!d) throw unknownId('id', CITY, 'decision', raw);
  return d;
}

/** A meeting a record points to: null when it is not (or no longer) published. */
async function meetingOrNull(ctx: AmsterdamContext, sourceId: string): Promise<StoredMeeting | null> {
  const m = await ctx.meetings.load(sourceId);
  return m === NOT_PUBLISHED ? null : m;
}

const hasType = (doc: Document, types: string[]) => doc.documentTypes.some((t) => types.includes(t));

// ---- resolvers ----------------------------------------------------------------------------------

export const resolvers: GraphQLResolverMap<AmsterdamContext> = {
  // Each contract interface has exactly one Amsterdam type (a Notubiz document is an AmsterdamDocument).
  ...contractResolvers('Amsterdam', { Attachment: 'AmsterdamDocument' }),
  Query: {
    amsterdam: () => ({}),
  },
  AmsterdamCity: {
    ...cityFields(CITY, COVERAGE),
    sources: (_p, _a, ctx) => sourcesOf(ctx.store, ctx.sync),
    decisions: (_p, args: Args, ctx) => decisions(ctx, args),
    decision: (_p, { id }: Args, ctx) => {
      const decisionId = decisionIdOf(id);
      ctx.read();
      return loadDecision(ctx, decisionId, String(id));
    },
    meetings: (_p, args: Args, ctx) => meetings(ctx, args),
    meeting: (_p, { id }: Args, ctx) => {
      const meetingId = meetingIdOf(id);
      ctx.read();
      return loadMeeting(ctx, meetingId, String(id));
    },
    // Cases are case codes on documents, dated by the earliest meeting where one appeared; Notubiz keeps no case status (UNKNOWN).
    cases: (_p, args: Args, ctx) => caseList<StoredCase>(ctx.store, args, ctx.read),
    case: (_p, { id }: Args, ctx) => {
      const code = caseCodeOf(id);
      ctx.read();
      return lookup(ctx.cases.load(code), 'id', 'case', String(id));
    },
    bodies: (_p, args: Args, ctx) => bodyList<Body>(ctx.store, args, ctx.read),
    body: (_p, { id }: Args, ctx) => {
      const { sourceId } = bodyIdOf(id);
      ctx.read();
      return lookup(ctx.bodies.load(sourceId), 'id', 'body', String(id));
    },
  },
  AmsterdamDecision: {
    __resolveReference: (ref: { id: string }, ctx: AmsterdamContext) => loadDecision(ctx, decisionIdOf(ref.id), ref.id),
    title: (d: StoredDecision, { lang }: Args) => (checkLang(lang), d.title),
    titles: (d: StoredDecision) => [{ lang: LANGUAGE, text: d.title }],
    language: () => LANGUAGE,
    availableLanguages: () => [LANGUAGE],
    content: (_d: StoredDecision, { lang }: Args) => (checkLang(lang), null),
    proposal: (_d: StoredDecision, { lang }: Args) => (checkLang(lang), null),
    // The Uitslag of the point's module item (mapping/decision.ts); UNKNOWN for decisions stored before outcomes were mapped.
    outcome: (d: StoredDecision) => d.outcome ?? 'UNKNOWN',
    outcomeRaw: (d: StoredDecision) => d.outcomeRaw ?? null,
    body: (d: StoredDecision, _a, ctx) => (d.bodySourceId ? ctx.bodies.load(d.bodySourceId) : null),
    meeting: (d: StoredDecision, _a, ctx) => meetingOrNull(ctx, d.meetingSourceId),
    case: (d: StoredDecision, _a, ctx) => (d.caseCodes[0] ? ctx.cases.load(d.caseCodes[0]) : null),
    categories: (d: StoredDecision) => d.documentTypes.map((t) => ({ id: gid('category', t), code: t, name: t, scheme: 'Notubiz document type', parentCode: null })),
    voteEvents: () => [],
    url: () => null,
    sourceUrl: (d: StoredDecision) => `https://api.notubiz.nl/agenda_items/agenda_points/${d.itemId}`,
    agendaItem: (d: StoredDecision, _a, ctx) => ctx.agendaItems.load(agendaItemGid(d.agendaItemSourceId)),
    // The agenda point's documents, and the meeting's results documents.
    attachments: (d: StoredDecision, _a, ctx) => ctx.documents.load(agendaItemGid(d.agendaItemSourceId)),
    decisionDocuments: async (d: StoredDecision, _a, ctx) => (await ctx.documents.load(agendaItemGid(d.agendaItemSourceId))).filter((doc) => hasType(doc, DECISION_DOCUMENT_TYPES)),
    resultDocuments: async (d: StoredDecision, _a, ctx) => (await ctx.documents.load(meetingGid(d.meetingSourceId))).filter((doc) => hasType(doc, RESULT_DOCUMENT_TYPES)),
  },
  AmsterdamMeeting: {
    __resolveReference: (ref: { id: string }, ctx: AmsterdamContext) => loadMeeting(ctx, meetingIdOf(ref.id), ref.id),
    body: (m: StoredMeeting, _a, ctx) => (m.bodySourceId ? ctx.bodies.load(m.bodySourceId) : null),
    organisation: (m: StoredMeeting, _a, ctx) => (m.organisationId !== null ? ctx.bodies.load(String(m.organisationId)) : null),
    // The top of the agenda; nested points are each item's children.
    agenda: (m: StoredMeeting, args: Args, ctx) =>
      nestedFromStore<StoredAgendaItem>(ctx.store, { table: 'agenda_items', where: new Where().add('meeting_id = ?', m.id).add('parent_id IS NULL'), order: 'position' }, args),
    attachments: (m: StoredMeeting, _a, ctx) => ctx.documents.load(m.id),
    decisions: (m: StoredMeeting, args: Args, ctx) =>
      nestedFromStore<StoredDecision>(ctx.store, { table: 'decisions', where: new Where().add('meeting_id = ?', m.id), order: 'position' }, args),
    participants: () => [],
    url: () => null,
  },
  AmsterdamAgendaItem: {
    content: () => null,
    parent: (item: StoredAgendaItem, _a, ctx) => (item.parentSourceId ? ctx.agendaItems.load(agendaItemGid(item.parentSourceId)) : null),
    children: (item: StoredAgendaItem, args: Args, ctx) =>
      nestedFromStore<StoredAgendaItem>(ctx.store, { table: 'agenda_items', where: new Where().add('parent_id = ?', item.id), order: 'position' }, args),
    decision: (item: StoredAgendaItem, _a, ctx) => ctx.decisions.load(decisionGid(item.sourceId)),
    attachments: (item: StoredAgendaItem, _a, ctx) => ctx.documents.load(item.id),
    moduleItems: async (item: StoredAgendaItem, _a, ctx) => {
      const loaded = await ctx.moduleItems.loadMany(item.moduleItemIds);
      return loaded.flatMap((x): ModuleItem[] => {
        if (x instanceof Error) throw x;
        return x ? [x] : [];
      });
    },
  },
  AmsterdamBody: {
    __resolveReference: (ref: { id: string }, ctx: AmsterdamContext) => ctx.bodies.load(bodyIdOf(ref.id).sourceId),
    active: () => null,
    formedOn: () => null,
    dissolvedOn: () => null,
    parent: (b: Body, _a, ctx) => (b.gremiumId === null ? null : ctx.bodies.load(String(b.organisationId))),
    children: (b: Body, args: Args, ctx) => nestedFromStore<Body>(ctx.store, { table: 'bodies', where: new Where().add('parent_id = ?', b.id), order: 'name' }, args),
    members: (_b: Body, args: Args) => nestedSlice([], args, () => '', 500),
    url: () => null,
    decisions: (b: Body, args: Args, ctx) => decisions(ctx, args, b.sourceId),
    meetings: (b: Body, args: Args, ctx) => meetings(ctx, args, b.sourceId),
  },
  AmsterdamCase: {
    __resolveReference: (ref: { id: string }, ctx: AmsterdamContext) => ctx.cases.load(caseCodeOf(ref.id)),
    status: () => 'UNKNOWN',
    statusRaw: () => null,
    categories: () => [],
    attachments: (c: StoredCase, _a, ctx) => ctx.documents.load(c.id),
    decisions: (c: StoredCase, args: Args, ctx) =>
      nestedFromStore<StoredDecision>(ctx.store, { table: 'decisions', where: new Where().add('case_ids @> ?::text[]', [c.id]), order: 'newest' }, args),
    url: () => null,
    sourceUrl: () => null,
  },
};
