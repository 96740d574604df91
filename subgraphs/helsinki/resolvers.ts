/**
 * Helsinki resolvers: check arguments, ask Ahjo (through the per-request loaders), map, filter
 * what Ahjo cannot filter, sort and page. Mapping lives in mapping/, HTTP in upstream/.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateTime } from 'luxon';
import { checkDateRange, checkLang, checkOutcomes, checkText, parseId } from '../shared/args';
import { cityFields, contractResolvers, found, pageOf } from '../shared/resolvers';
import { badUserInput } from '../shared/errors';
import { byNameThenId, newestFirst } from '../shared/pagination';
import { matchesAllWords, pickLang } from '../shared/text';
import { addDays, startOfLocalDayUtc } from '../shared/time';
import type { HelsinkiContext } from './context';
import { CITY, ZONE } from './mapping/common';
import { decisionsOf, type Decision } from './mapping/decision';
import { meetingFromSummary, meetingOf, type AgendaItem, type Meeting } from './mapping/meeting';
import { caseOf, type Case } from './mapping/case';
import { decisionMakerOf, type Body } from './mapping/body';
import { COVERAGE } from './coverage';

// ---- ids: global ids or Ahjo's own, checked before they reach Ahjo ------------------------------

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

// ---- lists ------------------------------------------------------------------------------------

interface DecisionFilterArgs {
  text?: string | null;
  from?: string | null;
  to?: string | null;
  body?: string | null;
  category?: string | null;
  outcome?: string[] | null;
}

function normalizeCode(code: string): string {
  return code.trim().replace(/\s+/g, ' ');
}

/** Every decision matching the filter, translations merged, newest first. */
export async function findDecisions(ctx: HelsinkiContext, filter: DecisionFilterArgs | null | undefined, forcedBody?: string): Promise<Decision[]> {
  const { from, to } = checkDateRange(filter);
  const text = checkText(filter?.text);
  const outcomes = checkOutcomes(filter?.outcome);
  const category = filter?.category !== undefined && filter?.category !== null ? normalizeCode(filter.category) : null;
  if (category === '') throw badUserInput('filter.category', 'must not be empty; give a classification code such as `10 03 03` or its start `10`.');
  let body = filter?.body ? bodyIdOf(filter.body, 'filter.body') : null;
  if (forcedBody) {
    if (body && body !== forcedBody) throw badUserInput('filter.body', `must be empty or this body (${forcedBody}) when listing a body's decisions; got ${body}.`);
    body = forcedBody;
  }
  const query = {
    handledsince: from ? startOfLocalDayUtc(from, ZONE) : undefined,
    handledbefore: to ? startOfLocalDayUtc(to, ZONE) : undefined,
    decisionmaker_id: body ?? undefined,
  };
  const raw = await ctx.memo(`decisions:${JSON.stringify(query)}`, () => ctx.ahjo.decisions(query));
  return decisionsOf(raw)
    .filter((d) => {
      // Ahjo's "handled" range narrows the request; the decision date decides.
      if (from && (!d.date || d.date < from)) return false;
      if (to && (!d.date || d.date >= to)) return false;
      if (body && d.body?.sourceId.toUpperCase() !== body) return false;
      if (category && !(d.classificationCode && normalizeCode(d.classificationCode).startsWith(category))) return false;
      if (outcomes && !outcomes.has(d.outcome)) return false;
      if (text) {
        const haystacks = d.versions.flatMap((v) => [v.title, v.content?.plain, v.proposal?.plain]);
        if (!matchesAllWords(text, [...haystacks, d.caseIdLabel, d.caseSourceId])) return false;
      }
      return true;
    })
    .sort((a, b) => newestFirst(decisionKey(a), decisionKey(b)));
}

const decisionKey = (d: Decision): [string, string] => [d.date ?? '', d.id];
const meetingKey = (m: Meeting): [string, string] => [m.start ?? '', m.id];
const caseKey = (c: Case): [string, string] => [c.openedOn ?? '', c.id];
const bodyKey = (b: Body): [string, string] => [b.name.toLocaleLowerCase('fi'), b.id];

interface MeetingFilterArgs {
  from?: string | null;
  to?: string | null;
  body?: string | null;
  status?: string | null;
}

export async function findMeetings(ctx: HelsinkiContext, filter: MeetingFilterArgs | null | undefined, forcedBody?: string): Promise<Meeting[]> {
  const { from, to } = checkDateRange(filter);
  let body = filter?.body ? bodyIdOf(filter.body, 'filter.body') : null;
  if (forcedBody) {
    if (body && body !== forcedBody) throw badUserInput('filter.body', `must be empty or this body (${forcedBody}) when listing a body's meetings; got ${body}.`);
    body = forcedBody;
  }
  const status = filter?.status ?? null;
  const query = {
    start: from ? startOfLocalDayUtc(from, ZONE) : undefined,
    end: to ? startOfLocalDayUtc(to, ZONE) : undefined,
    decisionmaker_id: body ?? undefined,
    cancelledonly: status === 'CANCELLED' || undefined,
  };
  const raw = await ctx.memo(`meetings:${JSON.stringify(query)}`, () => ctx.ahjo.meetings(query));
  return raw
    .map((m) => meetingOf(m, ctx.today))
    .filter((m) => {
      if (from && (!m.date || m.date < from)) return false;
      if (to && (!m.date || m.date >= to)) return false;
      if (body && m.bodySourceId?.toUpperCase() !== body) return false;
      if (status && m.status !== status) return false;
      return true;
    })
    .sort((a, b) => newestFirst(meetingKey(a), meetingKey(b)));
}

interface CaseFilterArgs {
  text?: string | null;
  from?: string | null;
  to?: string | null;
  status?: string | null;
}

export async function findCases(ctx: HelsinkiContext, filter: CaseFilterArgs | null | undefined): Promise<Case[]> {
  const { from, to } = checkDateRange(filter);
  const text = checkText(filter?.text);
  const status = filter?.status ?? null;
  const query = {
    q: text ?? undefined,
    handledsince: from ? startOfLocalDayUtc(from, ZONE) : undefined,
    handledbefore: to ? startOfLocalDayUtc(to, ZONE) : undefined,
    resolved: status === 'CLOSED' ? true : status === 'OPEN' ? false : undefined,
  };
  const raw = await ctx.memo(`cases:${JSON.stringify(query)}`, () => ctx.ahjo.cases(query));
  return raw
    .map(caseOf)
    .filter((c) => {
      if (from && (!c.openedOn || c.openedOn < from)) return false;
      if (to && (!c.openedOn || c.openedOn >= to)) return false;
      if (status && c.status !== status) return false;
      if (text && !matchesAllWords(text, [c.title, c.label, c.sourceId])) return false;
      return true;
    })
    .sort((a, b) => newestFirst(caseKey(a), caseKey(b)));
}

interface BodyFilterArgs {
  text?: string | null;
  type?: string | null;
  active?: boolean | null;
}

export async function findBodies(ctx: HelsinkiContext, filter: BodyFilterArgs | null | undefined): Promise<Body[]> {
  const text = checkText(filter?.text);
  const all = (await ctx.decisionMakers()).map(decisionMakerOf);
  return all
    .filter((b) => {
      if (text && !matchesAllWords(text, [b.name])) return false;
      if (filter?.type && b.type !== filter.type) return false;
      if (filter?.active !== undefined && filter?.active !== null && b.active !== filter.active) return false;
      return true;
    })
    .sort((a, b) => byNameThenId(bodyKey(a), bodyKey(b)));
}

const page = pageOf;

/** Decisions of one meeting, in section order. */
async function meetingDecisions(ctx: HelsinkiContext, m: Meeting): Promise<Decision[]> {
  if (!m.date || !m.bodySourceId) return [];
  const all = await findDecisions(ctx, { from: m.date, to: addDays(m.date, 1) }, m.bodySourceId.toUpperCase());
  return all
    .filter((d) => d.meetingRef?.MeetingID === m.sourceId)
    .sort((a, b) => (Number(a.number) || 0) - (Number(b.number) || 0));
}

/** Ahjo's /meetings without start/end answers for four weeks back to two months ahead of today. */
function ahjoDefaultMeetingWindow(today: string) {
  const t = DateTime.fromISO(today);
  return {
    from: t.minus({ weeks: 4 }).toISODate(),
    to: t.plus({ months: 2, days: 1 }).toISODate(),
    reason: "No dates given: Ahjo's /meetings answers for its default window, four weeks back to two months ahead of today. Give filter.from and filter.to for other periods.",
  };
}

// ---- resolvers ----------------------------------------------------------------------------------

type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const lookup = <T>(value: Promise<T | null>, argumentName: string, type: string, id: string) => found(value, CITY, type, id, argumentName);

export const resolvers: GraphQLResolverMap<HelsinkiContext> = {
  // This subgraph implements each contract interface with exactly one Helsinki type.
  ...contractResolvers('Helsinki'),
  Query: {
    helsinki: () => ({}),
  },
  HelsinkiCity: {
    ...cityFields(CITY, COVERAGE),
    decisions: async (_p, args: Args, ctx) => page(await findDecisions(ctx, args.filter), decisionKey, newestFirst, args),
    decision: (_p, { id }: Args, ctx) => lookup(ctx.decisions.load(decisionIdOf(id)), 'id', 'decision', id),
    meetings: async (_p, args: Args, ctx) => ({
      ...page(await findMeetings(ctx, args.filter), meetingKey, newestFirst, args),
      coveredPeriod: args.filter?.from || args.filter?.to ? null : ahjoDefaultMeetingWindow(ctx.today),
    }),
    meeting: (_p, { id }: Args, ctx) => lookup(ctx.meetings.load(meetingIdOf(id)), 'id', 'meeting', id),
    cases: async (_p, args: Args, ctx) => page(await findCases(ctx, args.filter), caseKey, newestFirst, args),
    case: (_p, { id }: Args, ctx) => lookup(ctx.cases.load(caseIdOf(id)), 'id', 'case', id),
    bodies: async (_p, args: Args, ctx) => page(await findBodies(ctx, args.filter), bodyKey, byNameThenId, args),
    body: (_p, { id }: Args, ctx) => lookup(ctx.bodies.load(bodyIdOf(id)), 'id', 'body', id),
  },
  HelsinkiDecision: {
    __resolveReference: (ref: { id: string }, ctx: HelsinkiContext) => ctx.decisions.load(decisionIdOf(ref.id)),
    title: (d: Decision, { lang }: Args) => pickLang(d.versions, checkLang(lang), d.language)!.title,
    content: (d: Decision, { lang }: Args) => pickLang(d.versions, checkLang(lang), d.language)?.content ?? null,
    proposal: (d: Decision, { lang }: Args) => pickLang(d.versions, checkLang(lang), d.language)?.proposal ?? null,
    decisionHistory: (d: Decision, { lang }: Args) => pickLang(d.versions, checkLang(lang), d.language)?.decisionHistory ?? null,
    meeting: async (d: Decision, _a, ctx) => {
      if (!d.meetingRef) return null;
      return (await ctx.meetings.load(d.meetingRef.MeetingID.toUpperCase())) ?? meetingFromSummary(d.meetingRef, ctx.today);
    },
    case: (d: Decision, _a, ctx) => (d.caseSourceId ? ctx.cases.load(d.caseSourceId.toUpperCase()) : null),
  },
  HelsinkiMeeting: {
    __resolveReference: (ref: { id: string }, ctx: HelsinkiContext) => ctx.meetings.load(meetingIdOf(ref.id)),
    body: async (m: Meeting, _a, ctx) => (m.bodySourceId ? ctx.bodies.load(m.bodySourceId.toUpperCase()) : null),
    decisions: (m: Meeting, _a, ctx) => meetingDecisions(ctx, m),
    previousMeeting: async (m: Meeting, _a, ctx) =>
      m.previousMeetingRef ? (await ctx.meetings.load(m.previousMeetingRef.MeetingID.toUpperCase())) ?? meetingFromSummary(m.previousMeetingRef, ctx.today) : null,
    nextMeeting: async (m: Meeting, _a, ctx) =>
      m.nextMeetingRef ? (await ctx.meetings.load(m.nextMeetingRef.MeetingID.toUpperCase())) ?? meetingFromSummary(m.nextMeetingRef, ctx.today) : null,
  },
  HelsinkiAgendaItem: {
    parent: () => null,
    children: () => [],
    decision: async (item: AgendaItem, _a, ctx) => {
      if (!item.section) return null;
      const meeting = await ctx.meetings.load(item.meetingSourceId);
      if (!meeting) return null;
      return (await meetingDecisions(ctx, meeting)).find((d) => d.number === item.section) ?? null;
    },
  },
  HelsinkiBody: {
    __resolveReference: (ref: { id: string }, ctx: HelsinkiContext) => ctx.bodies.load(bodyIdOf(ref.id)),
    parent: async (b: Body, _a, ctx) => {
      const ref = b.parentRefs[0];
      if (!ref) return null;
      return (await ctx.bodies.load(ref.sourceId.toUpperCase())) ?? ref;
    },
    children: (b: Body) => b.childRefs,
    members: async (b: Body, _a, ctx) => b.members ?? (await ctx.bodies.load(b.sourceId.toUpperCase()))?.members ?? [],
    decisions: async (b: Body, args: Args, ctx) => page(await findDecisions(ctx, args.filter, b.sourceId.toUpperCase()), decisionKey, newestFirst, args),
    meetings: async (b: Body, args: Args, ctx) => ({
      ...page(await findMeetings(ctx, args.filter, b.sourceId.toUpperCase()), meetingKey, newestFirst, args),
      coveredPeriod: args.filter?.from || args.filter?.to ? null : ahjoDefaultMeetingWindow(ctx.today),
    }),
  },
  HelsinkiCase: {
    __resolveReference: (ref: { id: string }, ctx: HelsinkiContext) => ctx.cases.load(caseIdOf(ref.id)),
    decisions: async (c: Case, _a, ctx) => {
      const loaded = await ctx.decisions.loadMany(c.decisionIds.map((id) => id.toUpperCase()));
      const seen = new Set<string>();
      const decisions: Decision[] = [];
      for (const d of loaded) {
        if (d instanceof Error) throw d;
        if (d && !seen.has(d.id)) {
          seen.add(d.id);
          decisions.push(d);
        }
      }
      return decisions.sort((a, b) => newestFirst(decisionKey(a), decisionKey(b)));
    },
  },
};
