/**
 * Notubiz resolvers (written with the adapter's type names, renamed per city by buildCitySubgraph):
 * check arguments, then answer from the store (the synced copy of Notubiz):
 * lists, filters and counts in SQL, lookups by id through the per-request DataLoaders. Mapping
 * lives in mapping/, the sync in sync.ts; nothing here calls Notubiz.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { checkDateRange, checkLang, checkNoNul, checkOutcomes, checkText, parseId, unknownId } from '../shared/args';
import { cityFields, contractResolvers, found } from '../shared/resolvers';
import { badUserInput } from '../shared/errors';
import { contractDecisionConditions } from '../shared/decision-stats';
import { Where } from '../shared/store/store';
import { bodyList, caseList, coveredPeriodOf, dateCondition, meetingStatusCondition, nestedFromStore, nestedSlice, pageFromStore, sourcesOf } from '../shared/serving';
import type { CityEntry } from '../../schema/cities';
import { createContext, servedMeeting, type NotubizContext } from './context';
import { gid, type NotubizCity } from './mapping/common';
import type { Body } from './mapping/body';
import type { Document } from './mapping/document';
import { agendaItemGid, bodyGid, decisionGid, meetingGid, type ModuleItem, type StoredAgendaItem, type StoredCase, type StoredDecision, type StoredMeeting } from './mapping/rows';
import { NOT_PUBLISHED } from './upstream/notubiz';
import { coverageOf } from './coverage';
import { UPSTREAM } from './sync';

export { createContext };

type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// ---- ids ----------------------------------------------------------------------------------------

export function meetingIdOf(c: NotubizCity, id: unknown, argumentName = 'id'): number {
  return Number(parseId(id, { city: c.id, type: 'meeting', argumentName, valid: /^\d{1,12}$/, example: '458902' }));
}

export function decisionIdOf(c: NotubizCity, id: unknown, argumentName = 'id'): { meetingId: number; itemId: number } {
  const raw = parseId(id, { city: c.id, type: 'decision', argumentName, valid: /^\d{1,12}-\d{1,12}$/, example: '458902-3842862' });
  const [meetingId, itemId] = raw.split('-').map(Number);
  return { meetingId, itemId };
}

export function bodyIdOf(c: NotubizCity, id: unknown, argumentName = 'id'): { organisationId: number; gremiumId: number | null; sourceId: string } {
  const raw = parseId(id, { city: c.id, type: 'body', argumentName, valid: /^\d{1,9}(-\d{1,12})?$/, example: `${c.organisationId} or ${c.organisationId}-{gremium}` });
  const [org, gremium] = raw.split('-').map(Number);
  if (!c.organisations.some((o) => o.id === org)) {
    throw badUserInput(argumentName, `organisation ${org} is not one of ${c.name}'s; use one of ${c.organisations.map((o) => `${o.id} (${o.name})`).join(', ')}.`);
  }
  return { organisationId: org, gremiumId: gremium ?? null, sourceId: raw };
}

function caseCodeOf(c: NotubizCity, id: unknown, argumentName = 'id'): string {
  return parseId(id, { city: c.id, type: 'case', argumentName, valid: /^[A-Za-z0-9][A-Za-z0-9._/-]{0,60}$/, example: 'Z-2025-012345' });
}

// ---- lists ----------------------------------------------------------------------------------------

/** The body a list is about: the filter's, or the body whose list it is (the filter must then be empty or the same). */
function bodyScopeOf(c: NotubizCity, body: string | null | undefined, forced?: string): string | null {
  let parsed = body ? bodyIdOf(c, body, 'filter.body') : null;
  if (forced) {
    const f = bodyIdOf(c, forced);
    if (parsed && parsed.sourceId !== f.sourceId) throw badUserInput('filter.body', `must be empty or this body (${f.sourceId}); got ${parsed.sourceId}.`);
    parsed = f;
  }
  return parsed?.sourceId ?? null;
}

/** A meeting or decision row holds its organisation's and its gremium's ids: an organisation matches all its gremia. */
function bodyCondition(c: NotubizCity, where: Where, body: string | null): Where {
  return body ? where.add('body_ids @> ?::text[]', [bodyGid(c, body)]) : where;
}

const coveredPeriod = (ctx: NotubizContext, range: { from: string | null; to: string | null }) => coveredPeriodOf(ctx.sync, UPSTREAM, range, ctx.entry.name, ctx.entry.sync.fromEnv);

/**
 * The condition of the decisions a filter selects (after checking it): the list and `decisionStats`
 * both use it, so a count and a walk of the list always agree.
 */
function decisionWhere(ctx: NotubizContext, filter: Args | null | undefined, forcedBody?: string): Where {
  const range = checkDateRange(filter);
  const text = checkText(filter?.text);
  const outcomes = checkOutcomes(filter?.outcome);
  const category = filter?.category?.trim() ?? null;
  if (category === '') throw badUserInput('filter.category', 'must not be empty; give a Notubiz document type such as Motie or Raadsvoorstel.');
  if (category) checkNoNul(category, 'filter.category');
  const body = bodyScopeOf(ctx.city, filter?.body, forcedBody);
  const where = bodyCondition(ctx.city, dateCondition(new Where(), range), body);
  contractDecisionConditions(where, filter);
  ctx.read();
  // Categories are the document types in lower case: the filter is case-insensitive.
  if (category) where.add('categories @> ?::text[]', [category.toLowerCase()]);
  if (outcomes) where.add('outcome = ANY(?::text[])', [...outcomes]);
  if (text) ctx.store.textCondition(where, 'decisions', text);
  return where;
}

/** Decisions matching the filter, newest first, with what the copy covers of the period asked for. */
async function decisions(ctx: NotubizContext, args: Args, forcedBody?: string) {
  const where = decisionWhere(ctx, args.filter, forcedBody);
  const page = await pageFromStore<StoredDecision>(ctx.store, { table: 'decisions', where, order: 'newest' }, args);
  return { ...page, coveredPeriod: coveredPeriod(ctx, checkDateRange(args.filter)) };
}

async function meetings(ctx: NotubizContext, args: Args, forcedBody?: string) {
  const filter = args.filter;
  const range = checkDateRange(filter);
  const body = bodyScopeOf(ctx.city, filter?.body, forcedBody);
  ctx.read();
  const where = bodyCondition(ctx.city, dateCondition(new Where(), range), body);
  if (filter?.status) meetingStatusCondition(where, filter.status);
  const page = await pageFromStore(ctx.store, { table: 'meetings', where, order: 'newest', hydrate: servedMeeting }, args);
  return { ...page, coveredPeriod: coveredPeriod(ctx, range) };
}

// ---- lookups ------------------------------------------------------------------------------------

const lookup = <T>(ctx: NotubizContext, value: Promise<T | null>, argumentName: string, type: string, id: string) => found(value, ctx.city.id, type, id, argumentName);

async function loadMeeting(ctx: NotubizContext, id: number, raw: string): Promise<StoredMeeting> {
  const m = await ctx.meetings.load(String(id));
  if (m === NOT_PUBLISHED) {
    throw badUserInput('id', `${ctx.city.name} does not publish meeting ${id} (Notubiz: "No rights to see this meeting").`, { reason: 'NOT_PUBLISHED' });
  }
  if (!m) throw unknownId('id', ctx.city.id, 'meeting', raw);
  return m;
}

async function loadDecision(ctx: NotubizContext, { meetingId, itemId }: { meetingId: number; itemId: number }, raw: string): Promise<StoredDecision> {
  const d = await ctx.decisions.load(decisionGid(ctx.city, `${meetingId}-${itemId}`));
  if (!d) throw unknownId('id', ctx.city.id, 'decision', raw);
  return d;
}

/** A meeting a record points to: null when it is not (or no longer) published. */
async function meetingOrNull(ctx: NotubizContext, sourceId: string): Promise<StoredMeeting | null> {
  const m = await ctx.meetings.load(sourceId);
  return m === NOT_PUBLISHED ? null : m;
}

const hasType = (doc: Document, types: string[]) => doc.documentTypes.some((t) => types.includes(t));

// ---- resolvers ----------------------------------------------------------------------------------

/** The resolvers of one city on Notubiz (its registry entry gives the City fields and the coverage notes). */
export function notubizResolvers(entry: CityEntry): GraphQLResolverMap<NotubizContext> {
  return {
    // Each contract interface has exactly one Notubiz type (a Notubiz document is a NotubizDocument).
    ...contractResolvers('Notubiz', { Attachment: 'NotubizDocument' }),
    Query: {
      // `notubiz` is the city's root field once buildCitySubgraph renames it (`amsterdam`, …).
      notubiz: () => ({}),
    },
    NotubizCity: {
      ...cityFields<NotubizContext>(entry, coverageOf(entry), (ctx, filter) => decisionWhere(ctx, filter)),
      sources: (_p, _a, ctx) => sourcesOf(ctx.store, ctx.sync),
      decisions: (_p, args: Args, ctx) => decisions(ctx, args),
      decision: (_p, { id }: Args, ctx) => {
        const decisionId = decisionIdOf(ctx.city, id);
        ctx.read();
        return loadDecision(ctx, decisionId, String(id));
      },
      meetings: (_p, args: Args, ctx) => meetings(ctx, args),
      meeting: (_p, { id }: Args, ctx) => {
        const meetingId = meetingIdOf(ctx.city, id);
        ctx.read();
        return loadMeeting(ctx, meetingId, String(id));
      },
      // Cases are case codes on documents, dated by the earliest meeting where one appeared; Notubiz keeps no case status (UNKNOWN).
      cases: (_p, args: Args, ctx) => caseList<StoredCase>(ctx.store, args, ctx.read),
      case: (_p, { id }: Args, ctx) => {
        const code = caseCodeOf(ctx.city, id);
        ctx.read();
        return lookup(ctx, ctx.cases.load(code), 'id', 'case', String(id));
      },
      bodies: (_p, args: Args, ctx) => bodyList<Body>(ctx.store, args, ctx.read),
      body: (_p, { id }: Args, ctx) => {
        const { sourceId } = bodyIdOf(ctx.city, id);
        ctx.read();
        return lookup(ctx, ctx.bodies.load(sourceId), 'id', 'body', String(id));
      },
    },
    NotubizDecision: {
      __resolveReference: (ref: { id: string }, ctx: NotubizContext) => loadDecision(ctx, decisionIdOf(ctx.city, ref.id), ref.id),
      title: (d: StoredDecision, { lang }: Args) => (checkLang(lang), d.title),
      titles: (d: StoredDecision, _a, ctx) => [{ lang: ctx.city.language, text: d.title }],
      language: (_d, _a, ctx) => ctx.city.language,
      availableLanguages: (_d, _a, ctx) => [ctx.city.language],
      content: (_d: StoredDecision, { lang }: Args) => (checkLang(lang), null),
      proposal: (_d: StoredDecision, { lang }: Args) => (checkLang(lang), null),
      // The Uitslag of the point's module item (mapping/decision.ts); UNKNOWN for decisions stored before outcomes were mapped.
      outcome: (d: StoredDecision) => d.outcome ?? 'UNKNOWN',
      outcomeRaw: (d: StoredDecision) => d.outcomeRaw ?? null,
      body: (d: StoredDecision, _a, ctx) => (d.bodySourceId ? ctx.bodies.load(d.bodySourceId) : null),
      meeting: (d: StoredDecision, _a, ctx) => meetingOrNull(ctx, d.meetingSourceId),
      case: (d: StoredDecision, _a, ctx) => (d.caseCodes[0] ? ctx.cases.load(d.caseCodes[0]) : null),
      categories: (d: StoredDecision, _a, ctx) => d.documentTypes.map((t) => ({ id: gid(ctx.city, 'category', t), code: t, name: t, scheme: 'Notubiz document type', parentCode: null })),
      voteEvents: () => [],
      url: () => null,
      sourceUrl: (d: StoredDecision, _a, ctx) => `${ctx.city.liveBaseUrl}/agenda_items/agenda_points/${d.itemId}`,
      agendaItem: (d: StoredDecision, _a, ctx) => ctx.agendaItems.load(agendaItemGid(ctx.city, d.agendaItemSourceId)),
      // The agenda point's documents, and the meeting's results documents.
      attachments: (d: StoredDecision, _a, ctx) => ctx.documents.load(agendaItemGid(ctx.city, d.agendaItemSourceId)),
      decisionDocuments: async (d: StoredDecision, _a, ctx) => (await ctx.documents.load(agendaItemGid(ctx.city, d.agendaItemSourceId))).filter((doc) => hasType(doc, ctx.city.decisionDocumentTypes)),
      resultDocuments: async (d: StoredDecision, _a, ctx) => (await ctx.documents.load(meetingGid(ctx.city, d.meetingSourceId))).filter((doc) => hasType(doc, ctx.city.resultDocumentTypes)),
    },
    NotubizMeeting: {
      __resolveReference: (ref: { id: string }, ctx: NotubizContext) => loadMeeting(ctx, meetingIdOf(ctx.city, ref.id), ref.id),
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
    NotubizAgendaItem: {
      content: () => null,
      parent: (item: StoredAgendaItem, _a, ctx) => (item.parentSourceId ? ctx.agendaItems.load(agendaItemGid(ctx.city, item.parentSourceId)) : null),
      children: (item: StoredAgendaItem, args: Args, ctx) =>
        nestedFromStore<StoredAgendaItem>(ctx.store, { table: 'agenda_items', where: new Where().add('parent_id = ?', item.id), order: 'position' }, args),
      decision: (item: StoredAgendaItem, _a, ctx) => ctx.decisions.load(decisionGid(ctx.city, item.sourceId)),
      attachments: (item: StoredAgendaItem, _a, ctx) => ctx.documents.load(item.id),
      moduleItems: async (item: StoredAgendaItem, _a, ctx) => {
        const loaded = await ctx.moduleItems.loadMany(item.moduleItemIds);
        return loaded.flatMap((x): ModuleItem[] => {
          if (x instanceof Error) throw x;
          return x ? [x] : [];
        });
      },
    },
    NotubizBody: {
      __resolveReference: (ref: { id: string }, ctx: NotubizContext) => ctx.bodies.load(bodyIdOf(ctx.city, ref.id).sourceId),
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
    NotubizCase: {
      __resolveReference: (ref: { id: string }, ctx: NotubizContext) => ctx.cases.load(caseCodeOf(ctx.city, ref.id)),
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
}
