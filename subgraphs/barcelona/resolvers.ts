/**
 * Barcelona resolvers: plenary agreements from the parsed files (index rebuilt only when a file
 * changes), participation from a cached Decidim snapshot. Every filter is applied here.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateTime } from 'luxon';
import { checkDateRange, checkLang, checkOutcomes, checkText, parseId } from '../shared/args';
import { badUserInput } from '../shared/errors';
import { byNameThenId, newestFirst } from '../shared/pagination';
import { cityFields, contractResolvers, found, pageOf } from '../shared/resolvers';
import { htmlToPlain, matchesAllWords, pickLang } from '../shared/text';
import { COUNCIL_ID, CITY, gid, type PlenaryDecision } from './mapping/decision';
import type { AgendaItemModel, Localized, MeetingModel, ProcessModel, ProposalModel, ResultModel } from './mapping/decidim-model';
import { decisionKey, type PlenarySession } from './plenary-index';
import type { BarcelonaContext } from './context';
import { COVERAGE } from './coverage';

type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ZONE = 'Europe/Madrid';
const MAIN = 'ca';

// ---- ids ------------------------------------------------------------------------------------------

const OPAQUE = /^[^\u0000-\u001f]{1,160}$/;

function decisionIdOf(id: unknown): string {
  return parseId(id, { city: CITY, type: 'decision', valid: OPAQUE, example: 'CP 12/23|M2327/242' });
}

function bodyIdOf(id: unknown, argumentName = 'id'): string {
  return parseId(id, { city: CITY, type: 'body', argumentName, valid: /^(consell-municipal|process-[0-9]{1,12})$/, example: 'consell-municipal or process-12' });
}

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

// ---- plenary lists --------------------------------------------------------------------------------

async function findDecisions(ctx: BarcelonaContext, filter: Args | null | undefined, forcedBody?: string): Promise<PlenaryDecision[]> {
  const { from, to } = checkDateRange(filter);
  const q = checkText(filter?.text);
  const outcomes = checkOutcomes(filter?.outcome);
  const category = filter?.category?.trim().toLowerCase() ?? null;
  if (category === '') throw badUserInput('filter.category', 'must not be empty; give a theme such as Habitatge (or Vivienda).');
  let body = filter?.body ? bodyIdOf(filter.body, 'filter.body') : null;
  if (forcedBody) {
    if (body && body !== forcedBody) throw badUserInput('filter.body', `must be empty or this body (${forcedBody}); got ${body}.`);
    body = forcedBody;
  }
  if (body && body !== COUNCIL_ID) return []; // processes take no plenary decisions
  const index = await ctx.plenary();
  return index.decisions.filter((d) => {
    if (from && d.date < from) return false;
    if (to && d.date >= to) return false;
    if (outcomes && !outcomes.has(d.outcome)) return false;
    if (category && ![d.agreement.themeCa, d.agreement.themeEs].some((t) => t?.toLowerCase() === category)) return false;
    if (q && !matchesAllWords(q, [...d.titles.map((t) => t.text), d.plainText, ...d.agreement.proposalRefs])) return false;
    return true;
  });
}

/** A plenary session or a Decidim meeting, tagged with its GraphQL type. */
type AnyMeeting = { __typename: string; id: string; date?: string | null; start?: string | null; status?: string };

/** Sorting and paging key of both kinds: start time when known (Decidim), else the date (plenary). */
const meetingKey = (m: AnyMeeting): [string, string] => [m.start ?? m.date ?? '', m.id];

async function findMeetings(ctx: BarcelonaContext, filter: Args | null | undefined, forcedBody?: string) {
  const { from, to } = checkDateRange(filter);
  let body = filter?.body ? bodyIdOf(filter.body, 'filter.body') : null;
  if (forcedBody) {
    if (body && body !== forcedBody) throw badUserInput('filter.body', `must be empty or this body (${forcedBody}); got ${body}.`);
    body = forcedBody;
  }
  const all: AnyMeeting[] = [];
  if (!body || body === COUNCIL_ID) all.push(...(await ctx.plenary()).sessions.map((s) => ({ __typename: 'BarcelonaPlenarySession', ...s, status: 'HELD' })));
  if (!body || body.startsWith('process-')) {
    const data = await ctx.decidim();
    all.push(...data.meetings.filter((m) => !body || `process-${m.processSourceId}` === body).map((m) => ({ __typename: 'BarcelonaParticipatoryMeeting', ...m })));
  }
  return all
    .filter((m) => {
      if (from && (!m.date || m.date < from)) return false;
      if (to && (!m.date || m.date >= to)) return false;
      return !filter?.status || m.status === filter.status;
    })
    .sort((a, b) => newestFirst(meetingKey(a), meetingKey(b)));
}

interface BodyModel {
  id: string;
  sourceId: string;
  name: string;
  type: string;
  typeRaw: string;
  active: boolean | null;
  formedOn: string | null;
  dissolvedOn: string | null;
}

const COUNCIL: BodyModel = { id: gid('body', COUNCIL_ID), sourceId: COUNCIL_ID, name: 'Consell Municipal', type: 'COUNCIL', typeRaw: 'organ_resolucio', active: true, formedOn: null, dissolvedOn: null };

function processBody(p: ProcessModel, today: string): BodyModel {
  const ended = !!p.endDate && p.endDate < today;
  return {
    id: gid('body', `process-${p.sourceId}`),
    sourceId: `process-${p.sourceId}`,
    name: pickLang(p.titles, MAIN, MAIN)?.text ?? p.slug ?? p.sourceId,
    type: 'OTHER',
    typeRaw: 'participatory_process',
    active: !ended,
    formedOn: p.startDate,
    dissolvedOn: ended ? p.endDate : null,
  };
}

async function allBodies(ctx: BarcelonaContext): Promise<BodyModel[]> {
  const today = DateTime.now().setZone(ZONE).toISODate() as string;
  return [COUNCIL, ...(await ctx.decidim()).processes.map((p) => processBody(p, today))];
}

const bodyKey = (b: BodyModel): [string, string] => [b.name.toLocaleLowerCase('ca'), b.id];

function plenaryItem(d: PlenaryDecision) {
  return { __typename: 'BarcelonaPlenaryItem', id: gid('agendaitem', d.sourceId), number: d.agreement.proposalRefs.join('; ') || null, title: d.titles[0].text, decision: d };
}

function agendaItemOf(item: AgendaItemModel): object {
  return { __typename: 'BarcelonaParticipatoryAgendaItem', ...item };
}

// ---- resolvers --------------------------------------------------------------------------------------

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
    decisions: async (_p, args: Args, ctx) => pageOf(await findDecisions(ctx, args.filter), decisionKey, newestFirst, args),
    decision: async (_p, { id }: Args, ctx) => found(Promise.resolve((await ctx.plenary()).byId.get(decisionIdOf(id))), CITY, "decision", id),
    meetings: async (_p, args: Args, ctx) => pageOf(await findMeetings(ctx, args.filter), meetingKey, newestFirst, args),
    meeting: async (_p, { id }: Args, ctx) => {
      const raw = parseId(id, { city: CITY, type: 'meeting', valid: /^(plenari:[^\u0000-\u001f]{1,40}|decidim:\d{1,12})$/, example: 'plenari:CP 12/23 or decidim:42' });
      if (raw.startsWith('plenari:')) {
        const s = (await ctx.plenary()).sessions.find((x) => x.sourceId === raw);
        return found(Promise.resolve(s ? { __typename: 'BarcelonaPlenarySession', ...s } : null), CITY, 'meeting', id);
      }
      const m = (await ctx.decidim()).meetings.find((x) => x.sourceId === raw);
      return found(Promise.resolve(m ? { __typename: 'BarcelonaParticipatoryMeeting', ...m } : null), CITY, 'meeting', id);
    },
    cases: async (_p, args: Args, ctx) => {
      const { from, to } = checkDateRange(args.filter);
      const q = checkText(args.filter?.text);
      const cases = (await ctx.plenary()).cases
        .filter((c) => (!from || c.decisions[0].date >= from) && (!to || c.decisions[0].date < to))
        .filter((c) => !args.filter?.status || args.filter.status === 'UNKNOWN')
        .filter((c) => !q || matchesAllWords(q, [c.sourceId, ...c.decisions.flatMap((d) => d.titles.map((t) => t.text))]))
        .sort((a, b) => newestFirst([a.decisions[0].date, a.id], [b.decisions[0].date, b.id]));
      return pageOf(cases, (c) => [c.decisions[0].date, c.id], newestFirst, args);
    },
    case: async (_p, { id }: Args, ctx) => {
      const ref = parseId(id, { city: CITY, type: 'case', valid: OPAQUE, example: 'M2327/242' });
      return found(Promise.resolve((await ctx.plenary()).cases.find((c) => c.sourceId === ref)), CITY, 'case', id);
    },
    bodies: async (_p, args: Args, ctx) => {
      const q = checkText(args.filter?.text);
      const bodies = (await allBodies(ctx))
        .filter((b) => !q || matchesAllWords(q, [b.name]))
        .filter((b) => !args.filter?.type || b.type === args.filter.type)
        .filter((b) => args.filter?.active === undefined || args.filter?.active === null || b.active === args.filter.active)
        .sort((a, b) => byNameThenId(bodyKey(a), bodyKey(b)));
      return pageOf(bodies, bodyKey, byNameThenId, args);
    },
    body: async (_p, { id }: Args, ctx) => {
      const sourceId = bodyIdOf(id);
      return found(Promise.resolve((await allBodies(ctx)).find((b) => b.sourceId === sourceId)), CITY, 'body', id);
    },
    sources: async (_p, _a, ctx) => {
      const index = await ctx.plenary();
      return index.states.map((s) => ({
        key: s.key,
        url: s.url,
        lastModified: s.lastModified,
        checkedAt: s.checkedAt,
        latestSessionDate: s.parsed.agreements.reduce<string | null>((max, a) => (!max || a.sessionDate > max ? a.sessionDate : max), null),
        rows: s.parsed.agreements.length,
        unplacedRows: s.parsed.unplaced,
      }));
    },
    participatoryProcesses: async (_p, _a, ctx) => (await ctx.decidim()).processes,
    proposals: async (_p, args: Args, ctx) => {
      const q = checkText(args.text, 'text');
      const proposals = (await ctx.decidim()).proposals
        .filter((p) => !args.states || args.states.includes(p.state ?? 'not_answered'))
        .filter((p) => !q || matchesAllWords(q, [...p.titles.map((t) => t.text), ...p.bodies.map((b) => b.text)]))
        .sort((a, b) => newestFirst([a.publishedAt ?? '', a.id], [b.publishedAt ?? '', b.id]));
      return pageOf(proposals, (p) => [p.publishedAt ?? '', p.id], newestFirst, args);
    },
    accountabilityResults: async (_p, args: Args, ctx) => {
      const results = [...(await ctx.decidim()).results].sort((a, b) => newestFirst([String(a.progress ?? 0).padStart(6, '0'), a.id], [String(b.progress ?? 0).padStart(6, '0'), b.id]));
      return pageOf(results, (r) => [String(r.progress ?? 0).padStart(6, '0'), r.id], newestFirst, args);
    },
  },
  BarcelonaDecision: {
    __resolveReference: async (ref: { id: string }, ctx: BarcelonaContext) => (await ctx.plenary()).byId.get(decisionIdOf(ref.id)) ?? null,
    title: (d: PlenaryDecision, { lang }: Args) => text(d.titles, lang),
    language: () => MAIN,
    availableLanguages: (d: PlenaryDecision) => d.titles.map((t) => t.lang),
    decidedAt: () => null,
    content: (d: PlenaryDecision, { lang }: Args) => {
      checkLang(lang);
      return d.agreement.textHtml ? { lang: MAIN, html: d.agreement.textHtml, plain: d.plainText ?? '' } : null;
    },
    proposal: (_d: PlenaryDecision, { lang }: Args) => (checkLang(lang), null),
    outcomeRaw: (d: PlenaryDecision) => d.agreement.result,
    body: () => COUNCIL,
    meeting: async (d: PlenaryDecision, _a, ctx) => {
      const s = (await ctx.plenary()).sessions.find((x) => x.sessionRef === d.agreement.sessionRef);
      return s ?? null;
    },
    case: async (d: PlenaryDecision, _a, ctx) => {
      const ref = d.agreement.proposalRefs.find((r) => r.toLowerCase() !== 's/n');
      return ref ? (await ctx.plenary()).cases.find((c) => c.sourceId === ref) ?? null : null;
    },
    number: (d: PlenaryDecision) => d.agreement.proposalRefs.join('; ') || null,
    attachments: () => [],
    url: () => null,
    sessionRef: (d: PlenaryDecision) => d.agreement.sessionRef,
    proposalRefs: (d: PlenaryDecision) => d.agreement.proposalRefs,
    minutesPart: (d: PlenaryDecision) => d.agreement.minutesPart,
    votingSystem: (d: PlenaryDecision) => d.agreement.votingSystem,
    themeEs: (d: PlenaryDecision) => d.agreement.themeEs,
    groupVotes: (d: PlenaryDecision) => d.agreement.groupVotes,
    proposer: (d: PlenaryDecision) => d.agreement.proposer,
    governmentGroups: (d: PlenaryDecision) => d.agreement.governmentGroups,
    titlesSwapped: (d: PlenaryDecision) => d.agreement.titlesSwapped,
    sourceLine: (d: PlenaryDecision) => d.agreement.line,
    sourceFile: (d: PlenaryDecision) => d.agreement.file,
  },
  BarcelonaPlenarySession: {
    __resolveReference: async (ref: { id: string }, ctx: BarcelonaContext) => (await ctx.plenary()).sessions.find((s) => s.id === ref.id) ?? null,
    title: (s: PlenarySession) => `Consell Municipal ${s.sessionRef}`,
    start: () => null,
    end: () => null,
    location: () => null,
    status: () => 'HELD',
    statusRaw: () => null,
    body: () => COUNCIL,
    agenda: (s: PlenarySession) => s.decisions.map(plenaryItem),
    participants: () => [],
    attachments: () => [],
    url: () => null,
    extraordinary: (s: PlenarySession) => /EXT\.?$/i.test(s.sessionRef),
  },
  BarcelonaPlenaryItem: {
    content: (i: { decision: PlenaryDecision }) => (i.decision.agreement.textHtml ? { lang: MAIN, html: i.decision.agreement.textHtml, plain: i.decision.plainText ?? '' } : null),
    parent: () => null,
    children: () => [],
    attachments: () => [],
  },
  BarcelonaCase: {
    __resolveReference: async (ref: { id: string }, ctx: BarcelonaContext) => (await ctx.plenary()).cases.find((c) => c.id === ref.id) ?? null,
    label: (c: { sourceId: string }) => c.sourceId,
    title: (c: { decisions: PlenaryDecision[] }) => c.decisions[0].titles[0].text,
    status: () => 'UNKNOWN',
    statusRaw: () => null,
    openedAt: () => null,
    categories: (c: { decisions: PlenaryDecision[] }) => [...new Map(c.decisions.flatMap((d) => d.categories).map((x) => [x.id, x])).values()],
    attachments: () => [],
    url: () => null,
    sourceUrl: () => null,
  },
  BarcelonaBody: {
    __resolveReference: async (ref: { id: string }, ctx: BarcelonaContext) => (await allBodies(ctx)).find((b) => b.id === ref.id) ?? null,
    parent: () => null,
    children: () => [],
    members: () => [],
    url: () => null,
    decisions: async (b: BodyModel, args: Args, ctx) => pageOf(await findDecisions(ctx, args.filter, b.sourceId), decisionKey, newestFirst, args),
    meetings: async (b: BodyModel, args: Args, ctx) => pageOf(await findMeetings(ctx, args.filter, b.sourceId), meetingKey, newestFirst, args),
  },
  BarcelonaParticipatoryProcess: {
    title: (p: ProcessModel, { lang }: Args) => text(p.titles, lang) ?? p.slug ?? p.sourceId,
    titles: (p: ProcessModel) => p.titles,
    subtitle: (p: ProcessModel, { lang }: Args) => text(p.subtitles, lang),
    shortDescription: (p: ProcessModel, { lang }: Args) => rich(p.shortDescriptions, lang),
    body: (p: ProcessModel) => processBody(p, DateTime.now().setZone(ZONE).toISODate() as string),
    proposals: async (p: ProcessModel, _a, ctx) => (await ctx.decidim()).proposals.filter((x) => x.processSourceId === p.sourceId),
    meetings: async (p: ProcessModel, _a, ctx) => (await ctx.decidim()).meetings.filter((x) => x.processSourceId === p.sourceId),
    accountabilityResults: async (p: ProcessModel, _a, ctx) => (await ctx.decidim()).results.filter((x) => x.processSourceId === p.sourceId),
  },
  BarcelonaProposal: {
    title: (p: ProposalModel, { lang }: Args) => text(p.titles, lang) ?? p.reference ?? p.sourceId,
    body: (p: ProposalModel, { lang }: Args) => rich(p.bodies, lang),
    answer: (p: ProposalModel, { lang }: Args) => rich(p.answers, lang),
    process: async (p: ProposalModel, _a, ctx) => (await ctx.decidim()).processes.find((x) => x.sourceId === p.processSourceId) ?? null,
  },
  BarcelonaAccountabilityResult: {
    title: (r: ResultModel, { lang }: Args) => text(r.titles, lang) ?? r.reference ?? r.sourceId,
    description: (r: ResultModel, { lang }: Args) => rich(r.descriptions, lang),
    statusName: (r: ResultModel, { lang }: Args) => text(r.statusNames, lang),
    parent: async (r: ResultModel, _a, ctx) => (r.parentSourceId ? (await ctx.decidim()).results.find((x) => x.sourceId === r.parentSourceId) ?? null : null),
    children: async (r: ResultModel, _a, ctx) => (await ctx.decidim()).results.filter((x) => x.parentSourceId === r.sourceId),
    process: async (r: ResultModel, _a, ctx) => (await ctx.decidim()).processes.find((x) => x.sourceId === r.processSourceId) ?? null,
  },
  BarcelonaParticipatoryMeeting: {
    __resolveReference: async (ref: { id: string }, ctx: BarcelonaContext) => {
      const m = (await ctx.decidim()).meetings.find((x) => x.id === ref.id);
      return m ? { __typename: 'BarcelonaParticipatoryMeeting', ...m } : null;
    },
    title: (m: MeetingModel) => text(m.titles, null) ?? m.sourceId,
    body: async (m: MeetingModel, _a, ctx) => {
      const p = (await ctx.decidim()).processes.find((x) => x.sourceId === m.processSourceId);
      return p ? processBody(p, DateTime.now().setZone(ZONE).toISODate() as string) : null;
    },
    agenda: (m: MeetingModel) => m.agenda.map(agendaItemOf),
    decisions: () => [],
    participants: () => [],
    attachments: () => [],
    url: () => null,
    sourceUrl: () => null,
    closingReport: (m: MeetingModel, { lang }: Args) => rich(m.closingReports, lang),
  },
  BarcelonaParticipatoryAgendaItem: {
    content: (i: AgendaItemModel) => rich(i.descriptions, null),
    parent: () => null,
    children: (i: AgendaItemModel) => i.children.map(agendaItemOf),
    decision: () => null,
    attachments: () => [],
  },
};
