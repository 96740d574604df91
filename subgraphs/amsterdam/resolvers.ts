/**
 * Amsterdam resolvers: check arguments, list the period's events per organisation, load the
 * meetings needed (per-request DataLoader), map, filter what Notubiz cannot, sort and page.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { checkDateRange, checkLang, checkOutcomes, checkText, parseId, unknownId } from '../shared/args';
import { cityFields, contractResolvers, found, pageOf } from '../shared/resolvers';
import { badUserInput } from '../shared/errors';
import { byNameThenId, newestFirst } from '../shared/pagination';
import { matchesAllWords } from '../shared/text';
import { addDays, addMonths, startOfLocalDaySql } from '../shared/time';
import type { AmsterdamContext } from './context';
import { CITY, gid, LANGUAGE, ZONE } from './mapping/common';
import { decisionsOfMeeting, isDecidingBody, type Decision } from './mapping/decision';
import { meetingOf, type AgendaItem, type Meeting } from './mapping/meeting';
import { ORGANISATIONS, type Body } from './mapping/body';
import type { Document } from './mapping/document';
import { documentOf } from './mapping/document';
import { NOT_PUBLISHED } from './upstream/notubiz';
import { attributeLabelsOf } from './mapping/common';
import { COVERAGE } from './coverage';

/** Without dates, lists cover this many months back (and meetings 3 months ahead): Notubiz lists by period only. */
const DEFAULT_MONTHS_BACK = 12;
const DEFAULT_MONTHS_AHEAD = 3;

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

// ---- periods --------------------------------------------------------------------------------------

interface Period {
  from: string;
  to: string;
  coveredPeriod: { from: string; to: string; reason: string } | null;
}

/** The period to list: the filter's, with missing ends bounded (Notubiz lists events by period only). */
function periodOf(ctx: AmsterdamContext, filter: { from?: unknown; to?: unknown } | null | undefined, monthsAhead: number): Period {
  const range = checkDateRange(filter);
  if (range.from && range.to) return { from: range.from, to: range.to, coveredPeriod: null };
  const to = range.to ?? addDays(addMonths(ctx.today, monthsAhead), 1);
  const from = range.from ?? addMonths(to, -DEFAULT_MONTHS_BACK - monthsAhead);
  if (from >= to) throw badUserInput('filter.from', `must be before ${to} when \`filter.to\` is not given.`);
  return {
    from,
    to,
    coveredPeriod: {
      from,
      to,
      reason: `Notubiz lists meetings by period only; without both filter.from and filter.to, Amsterdam covers ${DEFAULT_MONTHS_BACK} months back${monthsAhead ? ` and ${monthsAhead} ahead` : ''}. Give both to cover another period.`,
    },
  };
}

// ---- lists ----------------------------------------------------------------------------------------

interface BodyScope {
  organisationIds: number[];
  gremiumId: number | null;
}

function scopeOf(body: string | null | undefined, forced?: string): BodyScope {
  let parsed = body ? bodyIdOf(body, 'filter.body') : null;
  if (forced) {
    const f = bodyIdOf(forced);
    if (parsed && parsed.sourceId !== f.sourceId) throw badUserInput('filter.body', `must be empty or this body (${f.sourceId}); got ${parsed.sourceId}.`);
    parsed = f;
  }
  return parsed ? { organisationIds: [parsed.organisationId], gremiumId: parsed.gremiumId } : { organisationIds: ORGANISATIONS.map((o) => o.id), gremiumId: null };
}

/** Public meetings of the period and scope, from `/events` (partial: no agenda yet). */
async function listMeetings(ctx: AmsterdamContext, period: Period, scope: BodyScope): Promise<Meeting[]> {
  const orgs = await ctx.organisations();
  const perOrg = await Promise.all(
    scope.organisationIds.map((orgId) => {
      const dateFrom = startOfLocalDaySql(period.from, ZONE);
      const dateTo = startOfLocalDaySql(period.to, ZONE);
      return ctx.memo(`events:${orgId}:${dateFrom}:${dateTo}`, () => ctx.notubiz.events(orgId, dateFrom, dateTo)).then((events) =>
        events
          // Non-public meetings are not published: left out, never an error for the list.
          .filter((e) => (e.permission_group ?? 'public') === 'public')
          .map((e) => meetingOf(e, attributeLabelsOf(orgs, orgId), ctx.now)),
      );
    }),
  );
  return perOrg
    .flat()
    .filter((m) => m.date !== null && m.date >= period.from && m.date < period.to)
    .filter((m) => scope.gremiumId === null || m.gremiumId === scope.gremiumId);
}

async function fullMeeting(ctx: AmsterdamContext, m: Meeting): Promise<Meeting | null> {
  const full = await ctx.meetings.load(Number(m.sourceId));
  return full && full !== NOT_PUBLISHED ? full : null;
}

async function gremiumTitles(ctx: AmsterdamContext): Promise<Map<string, string>> {
  return new Map((await ctx.bodies()).map((b) => [b.sourceId, b.name]));
}

async function meetingDecisions(ctx: AmsterdamContext, m: Meeting): Promise<Decision[]> {
  const titles = await gremiumTitles(ctx);
  return decisionsOfMeeting(m, m.bodySourceId ? titles.get(m.bodySourceId) : null);
}

interface DecisionFilterArgs {
  text?: string | null;
  from?: string | null;
  to?: string | null;
  body?: string | null;
  category?: string | null;
  outcome?: string[] | null;
}

async function findDecisions(ctx: AmsterdamContext, filter: DecisionFilterArgs | null | undefined, forcedBody?: string): Promise<{ items: Decision[]; period: Period }> {
  const period = periodOf(ctx, filter, 0);
  const text = checkText(filter?.text);
  const outcomes = checkOutcomes(filter?.outcome);
  const category = filter?.category?.trim() ?? null;
  if (category === '') throw badUserInput('filter.category', 'must not be empty; give a Notubiz document type such as Motie or Raadsvoorstel.');
  const scope = scopeOf(filter?.body, forcedBody);
  const titles = await gremiumTitles(ctx);
  // Only meetings of deciding bodies can hold decisions: load just those.
  const candidates = (await listMeetings(ctx, period, scope)).filter((m) => m.status === 'HELD' && isDecidingBody(m.bodySourceId ? titles.get(m.bodySourceId) : null));
  const full = (await Promise.all(candidates.map((m) => fullMeeting(ctx, m)))).filter((m): m is Meeting => m !== null);
  const items = full
    .flatMap((m) => decisionsOfMeeting(m, m.bodySourceId ? titles.get(m.bodySourceId) : null))
    .filter((d) => {
      if (outcomes && !outcomes.has('UNKNOWN')) return false; // every Amsterdam outcome is UNKNOWN
      if (category && !d.documentTypes.some((t) => t.toLowerCase() === category.toLowerCase())) return false;
      if (text && !matchesAllWords(text, [d.title, d.number, ...d.attachments.map((a) => a.title)])) return false;
      return true;
    })
    .sort((a, b) => newestFirst(decisionKey(a), decisionKey(b)));
  return { items, period };
}

const decisionKey = (d: Decision): [string, string] => [d.decidedAt ?? '', d.id];
const meetingKey = (m: Meeting): [string, string] => [m.start ?? '', m.id];
const bodyKey = (b: Body): [string, string] => [b.name.toLocaleLowerCase('nl'), b.id];

interface MeetingFilterArgs {
  from?: string | null;
  to?: string | null;
  body?: string | null;
  status?: string | null;
}

async function findMeetings(ctx: AmsterdamContext, filter: MeetingFilterArgs | null | undefined, forcedBody?: string): Promise<{ items: Meeting[]; period: Period }> {
  const period = periodOf(ctx, filter, DEFAULT_MONTHS_AHEAD);
  const scope = scopeOf(filter?.body, forcedBody);
  const items = (await listMeetings(ctx, period, scope))
    .filter((m) => !filter?.status || m.status === filter.status)
    .sort((a, b) => newestFirst(meetingKey(a), meetingKey(b)));
  return { items, period };
}

interface CaseModel {
  id: string;
  sourceId: string;
  label: string;
  title: string;
  openedAt: string | null;
  openedOn: string;
  documents: Document[];
  decisions: Decision[];
}

/** Cases: case codes on the documents of the period's public meetings. */
async function findCases(ctx: AmsterdamContext, filter: { text?: string | null; from?: string | null; to?: string | null; status?: string | null } | null | undefined): Promise<{ items: CaseModel[]; period: Period }> {
  const period = periodOf(ctx, filter, 0);
  const text = checkText(filter?.text);
  const meetings = await listMeetings(ctx, period, scopeOf(null));
  const full = (await Promise.all(meetings.map((m) => fullMeeting(ctx, m)))).filter((m): m is Meeting => m !== null).sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
  const titles = await gremiumTitles(ctx);
  const cases = new Map<string, CaseModel>();
  for (const m of full) {
    const decisions = decisionsOfMeeting(m, m.bodySourceId ? titles.get(m.bodySourceId) : null);
    for (const doc of [...m.attachments, ...m.allItems.flatMap((i) => i.documents)]) {
      if (!doc.caseCode) continue;
      let c = cases.get(doc.caseCode);
      if (!c) {
        c = { id: gid('case', doc.caseCode), sourceId: doc.caseCode, label: doc.caseCode, title: doc.title, openedAt: m.start, openedOn: m.date ?? '', documents: [], decisions: [] };
        cases.set(doc.caseCode, c);
      }
      if (!c.documents.some((d) => d.id === doc.id)) c.documents.push(doc);
      for (const d of decisions) if (d.caseCodes.includes(doc.caseCode) && !c.decisions.some((x) => x.id === d.id)) c.decisions.push(d);
    }
  }
  const items = [...cases.values()]
    .filter((c) => !filter?.status || filter.status === 'UNKNOWN')
    .filter((c) => !text || matchesAllWords(text, [c.label, c.title, ...c.documents.map((d) => d.title)]))
    .sort((a, b) => newestFirst([a.openedOn, a.id], [b.openedOn, b.id]));
  for (const c of items) c.decisions.sort((a, b) => newestFirst(decisionKey(a), decisionKey(b)));
  return { items, period };
}

async function findBodies(ctx: AmsterdamContext, filter: { text?: string | null; type?: string | null; active?: boolean | null } | null | undefined): Promise<Body[]> {
  const text = checkText(filter?.text);
  return (await ctx.bodies())
    .filter((b) => !text || matchesAllWords(text, [b.name]))
    .filter((b) => !filter?.type || b.type === filter.type)
    // Notubiz does not say whether a body still exists: any `active` filter matches nothing.
    .filter(() => filter?.active === undefined || filter?.active === null)
    .sort((a, b) => byNameThenId(bodyKey(a), bodyKey(b)));
}

const page = pageOf;
const lookup = <T>(value: Promise<T | null>, argumentName: string, type: string, id: string) => found(value, CITY, type, id, argumentName);

async function loadMeeting(ctx: AmsterdamContext, id: number, raw: string): Promise<Meeting> {
  const m = await ctx.meetings.load(id);
  if (m === NOT_PUBLISHED) {
    throw badUserInput('id', `Amsterdam does not publish meeting ${id} (Notubiz: "No rights to see this meeting").`, { reason: 'NOT_PUBLISHED' });
  }
  if (!m) throw unknownId('id', CITY, 'meeting', raw);
  return m;
}

async function loadDecision(ctx: AmsterdamContext, id: unknown): Promise<Decision> {
  const { meetingId, itemId } = decisionIdOf(id);
  const m = await ctx.meetings.load(meetingId);
  const d = m && m !== NOT_PUBLISHED ? (await meetingDecisions(ctx, m)).find((x) => x.agendaItem.itemId === itemId) : undefined;
  if (!d) throw unknownId('id', CITY, 'decision', String(id));
  return d;
}

export const resolvers: GraphQLResolverMap<AmsterdamContext> = {
  // Each contract interface has exactly one Amsterdam type (a Notubiz document is an AmsterdamDocument).
  ...contractResolvers('Amsterdam', { Attachment: 'AmsterdamDocument' }),
  Query: {
    amsterdam: () => ({}),
  },
  AmsterdamCity: {
    ...cityFields(CITY, COVERAGE),
    decisions: async (_p, args: Args, ctx) => {
      const { items, period } = await findDecisions(ctx, args.filter);
      return { ...page(items, decisionKey, newestFirst, args), coveredPeriod: period.coveredPeriod };
    },
    decision: (_p, { id }: Args, ctx) => loadDecision(ctx, id),
    meetings: async (_p, args: Args, ctx) => {
      const { items, period } = await findMeetings(ctx, args.filter);
      return { ...page(items, meetingKey, newestFirst, args), coveredPeriod: period.coveredPeriod };
    },
    meeting: (_p, { id }: Args, ctx) => loadMeeting(ctx, meetingIdOf(id), String(id)),
    cases: async (_p, args: Args, ctx) => page((await findCases(ctx, args.filter)).items, (c: CaseModel) => [c.openedOn, c.id], newestFirst, args),
    case: async (_p, { id }: Args, ctx) => {
      const code = caseCodeOf(id);
      return lookup(findCases(ctx, null).then(({ items }) => items.find((c) => c.sourceId === code) ?? null), 'id', 'case', String(id));
    },
    bodies: async (_p, args: Args, ctx) => page(await findBodies(ctx, args.filter), bodyKey, byNameThenId, args),
    body: async (_p, { id }: Args, ctx) => {
      const { sourceId } = bodyIdOf(id);
      return lookup(ctx.bodies().then((all) => all.find((b) => b.sourceId === sourceId) ?? null), 'id', 'body', String(id));
    },
  },
  AmsterdamDecision: {
    __resolveReference: (ref: { id: string }, ctx: AmsterdamContext) => loadDecision(ctx, ref.id),
    title: (d: Decision, { lang }: Args) => (checkLang(lang), d.title),
    titles: (d: Decision) => [{ lang: LANGUAGE, text: d.title }],
    language: () => LANGUAGE,
    availableLanguages: () => [LANGUAGE],
    content: (_d: Decision, { lang }: Args) => (checkLang(lang), null),
    proposal: (_d: Decision, { lang }: Args) => (checkLang(lang), null),
    outcome: () => 'UNKNOWN',
    outcomeRaw: () => null,
    body: async (d: Decision, _a, ctx) => (await ctx.bodies()).find((b) => b.sourceId === d.bodySourceId) ?? null,
    case: async (d: Decision, _a, ctx) => {
      if (!d.caseCodes[0]) return null;
      const from = addMonths(d.date ?? ctx.today, -DEFAULT_MONTHS_BACK);
      const { items } = await findCases(ctx, { from, to: addDays(ctx.today, 1) });
      return items.find((c) => c.sourceId === d.caseCodes[0]) ?? null;
    },
    categories: (d: Decision) => d.documentTypes.map((t) => ({ id: gid('category', t), code: t, name: t, scheme: 'Notubiz document type', parentCode: null })),
    voteEvents: () => [],
    url: () => null,
    sourceUrl: (d: Decision) => `https://api.notubiz.nl/agenda_items/agenda_points/${d.agendaItem.itemId}`,
  },
  AmsterdamMeeting: {
    __resolveReference: (ref: { id: string }, ctx: AmsterdamContext) => loadMeeting(ctx, meetingIdOf(ref.id), ref.id),
    body: async (m: Meeting, _a, ctx) => (await ctx.bodies()).find((b) => b.sourceId === m.bodySourceId) ?? null,
    organisation: async (m: Meeting, _a, ctx) => (await ctx.bodies()).find((b) => b.sourceId === String(m.organisationId)) ?? null,
    // Meetings listed from /events come without agenda and documents: load the full meeting.
    agenda: async (m: Meeting, _a, ctx) => (await fullMeeting(ctx, m))?.agenda ?? [],
    attachments: async (m: Meeting, _a, ctx) => (await fullMeeting(ctx, m))?.attachments ?? [],
    decisions: async (m: Meeting, _a, ctx) => {
      const full = await fullMeeting(ctx, m);
      return full ? meetingDecisions(ctx, full) : [];
    },
    participants: () => [],
    url: () => null,
  },
  AmsterdamAgendaItem: {
    content: () => null,
    parent: async (item: AgendaItem, _a, ctx) => {
      if (!item.parentSourceId) return null;
      const m = await ctx.meetings.load(Number(item.meetingSourceId));
      return m && m !== NOT_PUBLISHED ? m.allItems.find((i) => i.sourceId === item.parentSourceId) ?? null : null;
    },
    decision: async (item: AgendaItem, _a, ctx) => {
      const m = await ctx.meetings.load(Number(item.meetingSourceId));
      return m && m !== NOT_PUBLISHED ? (await meetingDecisions(ctx, m)).find((d) => d.agendaItem.sourceId === item.sourceId) ?? null : null;
    },
    attachments: (item: AgendaItem) => item.documents,
    moduleItems: async (item: AgendaItem, _a, ctx) => {
      const loaded = await ctx.moduleItems.loadMany(item.moduleItemSelfs);
      return loaded.flatMap((x) => {
        if (x instanceof Error) throw x;
        return x ? [{ sourceId: String(x.id), title: x.title ?? null, module: x.module?.title ?? null, documents: (x.documents ?? []).map(documentOf) }] : [];
      });
    },
  },
  AmsterdamBody: {
    __resolveReference: async (ref: { id: string }, ctx: AmsterdamContext) => {
      const { sourceId } = bodyIdOf(ref.id);
      return (await ctx.bodies()).find((b) => b.sourceId === sourceId) ?? null;
    },
    active: () => null,
    formedOn: () => null,
    dissolvedOn: () => null,
    parent: async (b: Body, _a, ctx) => (b.gremiumId === null ? null : (await ctx.bodies()).find((x) => x.sourceId === String(b.organisationId)) ?? null),
    children: async (b: Body, _a, ctx) => (b.gremiumId !== null ? [] : (await ctx.bodies()).filter((x) => x.organisationId === b.organisationId && x.gremiumId !== null)),
    members: () => [],
    url: () => null,
    decisions: async (b: Body, args: Args, ctx) => {
      const { items, period } = await findDecisions(ctx, args.filter, b.sourceId);
      return { ...page(items, decisionKey, newestFirst, args), coveredPeriod: period.coveredPeriod };
    },
    meetings: async (b: Body, args: Args, ctx) => {
      const { items, period } = await findMeetings(ctx, args.filter, b.sourceId);
      return { ...page(items, meetingKey, newestFirst, args), coveredPeriod: period.coveredPeriod };
    },
  },
  AmsterdamCase: {
    __resolveReference: async (ref: { id: string }, ctx: AmsterdamContext) => (await findCases(ctx, null)).items.find((c) => c.sourceId === caseCodeOf(ref.id)) ?? null,
    status: () => 'UNKNOWN',
    statusRaw: () => null,
    categories: () => [],
    attachments: (c: CaseModel) => c.documents,
    url: () => null,
    sourceUrl: () => null,
  },
};
