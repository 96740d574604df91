/**
 * OParl resolvers, for one city: check arguments, then answer from the store (the synced copy):
 * lists, filters and counts in SQL, lookups by id through the per-request DataLoaders. Written with
 * the adapter's prefix (`OParlDecision`); buildCitySubgraph renames them for the city.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { CityEntry } from '../../schema/cities';
import { checkDateRange, checkLang, checkNoNul, checkOutcomes, checkText, parseId } from '../shared/args';
import { cityFields, contractResolvers, found } from '../shared/resolvers';
import { badUserInput } from '../shared/errors';
import { contractDecisionConditions } from '../shared/decision-stats';
import { Where } from '../shared/store/store';
import { bodyList, caseList, coveredPeriodOf, dateCondition, meetingStatusCondition, nestedFromStore, nestedSlice, pageFromStore, sourcesOf } from '../shared/serving';
import { todayIn } from '../shared/time';
import { servedMeeting, type OParlContext } from './context';
import { gid, relOf, type EntityType } from './mapping/common';
import { isActive, type Body } from './mapping/body';
import type { AgendaItemDoc, DecisionDoc, MeetingDoc } from './mapping/meeting';
import type { CaseDoc, ConsultationDoc } from './mapping/paper';
import { isCurrent, type MembershipDoc } from './mapping/person';
import { MEMBERSHIP } from './mapping/rows';
import { COVERAGE } from './coverage';
import { UPSTREAM } from './sync';

type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An id relative to the System (`meeting/281`), or an absolute URL: never sent upstream, only looked up. */
const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._~!$&'()*+,;=:@/?%-]{0,500}$/;

const EXAMPLES: Partial<Record<EntityType, string>> = { decision: 'agendaitem/3271', meeting: 'meeting/281', case: 'paper/749', body: 'organization/34', person: 'person/29' };

/** A global id, a relative id or the object's URL → the relative id the store keys it by. */
function sourceIdOf(ctx: OParlContext, id: unknown, type: EntityType, argumentName = 'id'): string {
  const raw = parseId(id, { city: ctx.city.id, type, argumentName, valid: SOURCE_ID, example: EXAMPLES[type] ?? `${type}/1` });
  return /^https?:\/\//.test(raw) ? relOf(ctx.oparl, raw) : raw;
}

// ---- lists ----------------------------------------------------------------------------------------

function bodyScopeOf(ctx: OParlContext, body: string | null | undefined, forced?: string): string | null {
  let scope = body ? sourceIdOf(ctx, body, 'body', 'filter.body') : null;
  if (forced) {
    if (scope && scope !== forced) throw badUserInput('filter.body', `must be empty or this body (${forced}); got ${scope}.`);
    scope = forced;
  }
  return scope;
}

const coveredPeriod = (ctx: OParlContext, range: { from: string | null; to: string | null }) => coveredPeriodOf(ctx.sync, UPSTREAM, range, ctx.city.name, ctx.city.sync.fromEnv);

/**
 * The condition of the decisions a filter selects (after checking it): the list and `decisionStats`
 * both use it, so a count and a walk of the list always agree.
 */
function decisionWhere(ctx: OParlContext, filter: Args | null | undefined, forcedBody?: string): Where {
  const range = checkDateRange(filter);
  const text = checkText(filter?.text);
  const outcomes = checkOutcomes(filter?.outcome);
  const category = filter?.category?.trim() ?? null;
  if (category === '') throw badUserInput('filter.category', 'must not be empty; OParl has no classification of decisions, so any category matches none.');
  if (category) checkNoNul(category, 'filter.category');
  const body = bodyScopeOf(ctx, filter?.body, forcedBody);
  const where = dateCondition(new Where(), range);
  contractDecisionConditions(where, filter);
  ctx.read();
  if (body) where.add('body_ids @> ?::text[]', [gid(ctx.oparl, 'body', body)]);
  if (category) where.add('categories @> ?::text[]', [category.toLowerCase()]);
  if (outcomes) where.add('outcome = ANY(?::text[])', [...outcomes]);
  if (text) ctx.store.textCondition(where, 'decisions', text);
  return where;
}

async function decisions(ctx: OParlContext, args: Args, forcedBody?: string) {
  const where = decisionWhere(ctx, args.filter, forcedBody);
  const page = await pageFromStore<DecisionDoc>(ctx.store, { table: 'decisions', where, order: 'newest' }, args);
  return { ...page, coveredPeriod: coveredPeriod(ctx, checkDateRange(args.filter)) };
}

async function meetings(ctx: OParlContext, args: Args, forcedBody?: string) {
  const filter = args.filter;
  const range = checkDateRange(filter);
  const body = bodyScopeOf(ctx, filter?.body, forcedBody);
  ctx.read();
  const where = dateCondition(new Where(), range);
  if (body) where.add('body_ids @> ?::text[]', [gid(ctx.oparl, 'body', body)]);
  if (filter?.status) meetingStatusCondition(where, filter.status);
  const page = await pageFromStore(ctx.store, { table: 'meetings', where, order: 'newest', hydrate: servedMeeting }, args);
  return { ...page, coveredPeriod: coveredPeriod(ctx, range) };
}

/** A record the server gave by URL, or null when it is not in the copy. */
const orNull = <T>(loader: { load(id: string): Promise<T | null> }, id: string | null | undefined) => (id ? loader.load(id) : null);

async function lookup<T>(ctx: OParlContext, value: Promise<T | null>, type: string, id: unknown): Promise<T> {
  return found(value, ctx.city.id, type, id);
}

/** The case of a decision: the paper of the item's own consultation, else of a consultation naming the item. */
async function caseOfDecision(ctx: OParlContext, d: DecisionDoc): Promise<CaseDoc | null> {
  const own = d.consultationSourceId ? await ctx.consultations.load(d.consultationSourceId) : null;
  const consultation = own ?? (await ctx.consultationsOfItem.load(d.sourceId))[0] ?? null;
  return consultation ? ctx.cases.load(consultation.paperSourceId) : null;
}

const newestFirst = (a: DecisionDoc, b: DecisionDoc) => (b.decidedAt ?? b.date ?? '').localeCompare(a.decidedAt ?? a.date ?? '') || a.id.localeCompare(b.id);

export function createResolvers(city: CityEntry): GraphQLResolverMap<OParlContext> {
  return {
    ...contractResolvers('OParl', { Attachment: 'OParlFile' }),
    // `oparl` is the city's root field once buildCitySubgraph renames it (`willich`, …).
    Query: {
      oparl: () => ({}),
    },
    OParlCity: {
      ...cityFields<OParlContext>(city, COVERAGE, (ctx, filter) => decisionWhere(ctx, filter)),
      sources: (_p, _a, ctx) => sourcesOf(ctx.store, ctx.sync),
      decisions: (_p, args: Args, ctx) => decisions(ctx, args),
      decision: (_p, { id }: Args, ctx) => {
        const sourceId = sourceIdOf(ctx, id, 'decision');
        ctx.read();
        return lookup(ctx, ctx.decisions.load(sourceId), 'decision', id);
      },
      meetings: (_p, args: Args, ctx) => meetings(ctx, args),
      meeting: (_p, { id }: Args, ctx) => {
        const sourceId = sourceIdOf(ctx, id, 'meeting');
        ctx.read();
        return lookup(ctx, ctx.meetings.load(sourceId), 'meeting', id);
      },
      cases: (_p, args: Args, ctx) => caseList<CaseDoc>(ctx.store, args, ctx.read),
      case: (_p, { id }: Args, ctx) => {
        const sourceId = sourceIdOf(ctx, id, 'case');
        ctx.read();
        return lookup(ctx, ctx.cases.load(sourceId), 'case', id);
      },
      bodies: (_p, args: Args, ctx) => bodyList<Body>(ctx.store, args, ctx.read),
      body: (_p, { id }: Args, ctx) => {
        const sourceId = sourceIdOf(ctx, id, 'body');
        ctx.read();
        return lookup(ctx, ctx.bodies.load(sourceId), 'body', id);
      },
      person: (_p, { id }: Args, ctx) => {
        const sourceId = sourceIdOf(ctx, id, 'person');
        ctx.read();
        return lookup(ctx, ctx.persons.load(sourceId), 'person', id);
      },
    },
    OParlDecision: {
      __resolveReference: (ref: { id: string }, ctx: OParlContext) => ctx.decisions.load(sourceIdOf(ctx, ref.id, 'decision')),
      title: (d: DecisionDoc, { lang }: Args) => (checkLang(lang), d.title),
      titles: (d: DecisionDoc, _a, ctx) => [{ lang: ctx.oparl.lang, text: d.title }],
      language: (_d, _a, ctx) => ctx.oparl.lang,
      availableLanguages: (_d, _a, ctx) => [ctx.oparl.lang],
      content: (d: DecisionDoc, { lang }: Args, ctx) => (checkLang(lang), d.resolutionText ? { lang: ctx.oparl.lang, html: null, plain: d.resolutionText } : null),
      proposal: (_d: DecisionDoc, { lang }: Args) => (checkLang(lang), null),
      body: (d: DecisionDoc, _a, ctx) => orNull(ctx.bodies, d.bodySourceIds[0]),
      meeting: (d: DecisionDoc, _a, ctx) => ctx.meetings.load(d.meetingSourceId),
      case: (d: DecisionDoc, _a, ctx) => caseOfDecision(ctx, d),
      categories: () => [],
      voteEvents: () => [],
      attachments: (d: DecisionDoc, _a, ctx) => ctx.documents.load(d.id),
      agendaItem: async (d: DecisionDoc, _a, ctx) => (await ctx.agendaItems.load(d.sourceId))!,
    },
    OParlMeeting: {
      __resolveReference: (ref: { id: string }, ctx: OParlContext) => ctx.meetings.load(sourceIdOf(ctx, ref.id, 'meeting')),
      body: (m: MeetingDoc, _a, ctx) => orNull(ctx.bodies, m.bodySourceIds[0]),
      organizations: async (m: MeetingDoc, _a, ctx) => (await Promise.all(m.bodySourceIds.map((id) => ctx.bodies.load(id)))).filter(Boolean),
      agenda: (m: MeetingDoc, args: Args, ctx) =>
        nestedFromStore<AgendaItemDoc>(ctx.store, { table: 'agenda_items', where: new Where().add('meeting_id = ?', m.id), order: 'position' }, args),
      decisions: (m: MeetingDoc, args: Args, ctx) =>
        nestedFromStore<DecisionDoc>(ctx.store, { table: 'decisions', where: new Where().add('meeting_id = ?', m.id), order: 'position' }, args),
      participants: async (m: MeetingDoc, _a, ctx) => {
        const people = await Promise.all(m.participantSourceIds.map((id) => ctx.persons.load(id)));
        return people.flatMap((person) => (person ? [{ person, role: null, roleType: 'OTHER', deputyOf: null }] : []));
      },
      attachments: (m: MeetingDoc, _a, ctx) => ctx.documents.load(m.id),
    },
    OParlAgendaItem: {
      content: (item: AgendaItemDoc, _a, ctx) => (item.resolutionText ? { lang: ctx.oparl.lang, html: null, plain: item.resolutionText } : null),
      parent: () => null,
      children: (_item: AgendaItemDoc, args: Args) => nestedSlice([], args),
      decision: (item: AgendaItemDoc, _a, ctx) => orNull(ctx.decisions, item.decisionSourceId),
      attachments: (item: AgendaItemDoc, _a, ctx) => ctx.documents.load(item.id),
      meeting: (item: AgendaItemDoc, _a, ctx) => ctx.meetings.load(item.meetingSourceId),
    },
    OParlBody: {
      __resolveReference: (ref: { id: string }, ctx: OParlContext) => ctx.bodies.load(sourceIdOf(ctx, ref.id, 'body')),
      active: (b: Body, _a, ctx) => isActive(b, todayIn(ctx.city.timezone)),
      parent: (b: Body, _a, ctx) => orNull(ctx.bodies, b.parentSourceId),
      children: (b: Body, args: Args, ctx) => nestedFromStore<Body>(ctx.store, { table: 'bodies', where: new Where().add('parent_id = ?', b.id), order: 'name' }, args),
      members: async (b: Body, args: Args, ctx) => {
        const today = todayIn(ctx.city.timezone);
        const rows = (await ctx.extrasOf.load(b.id)) as MembershipDoc[];
        const current = rows.filter((m) => m.id.startsWith(`${ctx.city.id}:${MEMBERSHIP}:`) && isCurrent(m, today));
        return nestedSlice(current, args, (m) => m.id, 500);
      },
      url: (b: Body) => b.website,
      decisions: (b: Body, args: Args, ctx) => decisions(ctx, args, b.sourceId),
      meetings: (b: Body, args: Args, ctx) => meetings(ctx, args, b.sourceId),
    },
    OParlCase: {
      __resolveReference: (ref: { id: string }, ctx: OParlContext) => ctx.cases.load(sourceIdOf(ctx, ref.id, 'case')),
      status: () => 'UNKNOWN',
      statusRaw: () => null,
      reference: (c: CaseDoc) => c.label,
      categories: (c: CaseDoc, _a, ctx) =>
        c.paperType ? [{ id: gid(ctx.oparl, 'category', c.paperType), code: c.paperType, name: c.paperType, scheme: 'OParl paperType', parentCode: null }] : [],
      consultations: async (c: CaseDoc, _a, ctx) => ((await ctx.extrasOf.load(c.id)) as ConsultationDoc[]).filter((x) => x.id.startsWith(`${ctx.city.id}:consultation:`)),
      decisions: async (c: CaseDoc, args: Args, ctx) => {
        const consultations = ((await ctx.extrasOf.load(c.id)) as ConsultationDoc[]).filter((x) => x.id.startsWith(`${ctx.city.id}:consultation:`));
        const items = [...new Set(consultations.flatMap((x) => (x.agendaItemSourceId ? [x.agendaItemSourceId] : [])))];
        const found = (await ctx.decisions.loadMany(items)).flatMap((d) => {
          if (d instanceof Error) throw d;
          return d ? [d] : [];
        });
        return nestedSlice(found.sort(newestFirst), args);
      },
      attachments: (c: CaseDoc, _a, ctx) => ctx.documents.load(c.id),
    },
    OParlConsultation: {
      meeting: (x: ConsultationDoc, _a, ctx) => orNull(ctx.meetings, x.meetingSourceId),
      agendaItem: (x: ConsultationDoc, _a, ctx) => orNull(ctx.agendaItems, x.agendaItemSourceId),
      decision: (x: ConsultationDoc, _a, ctx) => orNull(ctx.decisions, x.agendaItemSourceId),
      bodies: async (x: ConsultationDoc, _a, ctx) => (await Promise.all(x.organizationSourceIds.map((id) => ctx.bodies.load(id)))).filter(Boolean),
    },
  };
}
