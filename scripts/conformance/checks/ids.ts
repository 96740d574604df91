/** Rules on ids: global, city-prefixed `{city}:{type}:{sourceId}`, and each lookup takes both forms. */
import { cityData } from '../client';
import { CheckFailure, fail, pass, type Check, type Subject } from '../types';

/** The contract's lists and the lookup answering each one's items. */
export const LISTS = [
  { list: 'decisions', lookup: 'decision', type: 'decision' },
  { list: 'meetings', lookup: 'meeting', type: 'meeting' },
  { list: 'cases', lookup: 'case', type: 'case' },
  { list: 'bodies', lookup: 'body', type: 'body' },
] as const;

interface Ref {
  id: string;
  sourceId?: string | null;
}

const SAMPLE = `
  decisions(first: 20) { totalCount nodes { id sourceId body { id sourceId } meeting { id sourceId } case { id sourceId } categories { id } attachments { id sourceId } voteEvents { id } } }
  meetings(first: 20) { totalCount nodes { id sourceId body { id sourceId } agenda(first: 20) { id } attachments { id sourceId } } }
  cases(first: 20) { totalCount nodes { id sourceId attachments { id sourceId } } }
  bodies(first: 20) { totalCount nodes { id sourceId } }`;

export const idsPrefixed: Check = {
  rule: 'ids.prefixed',
  summary: 'Ids of decisions, meetings, cases and bodies (listed and nested) are exactly `{city}:{type}:{sourceId}`; attachments, categories, votes and agenda items carry `{city}:{type}:`.',
  async run(s) {
    const d = await cityData(s, SAMPLE, 'listing decisions, meetings, cases and bodies');
    if (!d.decisions.nodes.length) throw new CheckFailure('the city lists no decisions: the kit needs some to check ids, lookups and paging');
    const bad: Array<{ at: string; id: unknown; expected: string }> = [];
    let seen = 0;
    const exact = (at: string, type: string, ref: Ref | null | undefined) => {
      if (!ref) return;
      seen++;
      const expected = `${s.city}:${type}:${ref.sourceId}`;
      if (typeof ref.sourceId !== 'string' || !ref.sourceId || ref.id !== expected) bad.push({ at, id: ref.id, expected: typeof ref.sourceId === 'string' && ref.sourceId ? expected : `${s.city}:${type}:… with a non-empty sourceId` });
    };
    const prefixed = (at: string, type: string, ref: Ref | null | undefined) => {
      if (!ref) return;
      seen++;
      const prefix = `${s.city}:${type}:`;
      if (typeof ref.id !== 'string' || !ref.id.startsWith(prefix) || ref.id.length === prefix.length) bad.push({ at, id: ref.id, expected: `${prefix}…` });
      // An attachment with a source id has the full form too.
      else if (type === 'attachment' && ref.sourceId && ref.id !== `${prefix}${ref.sourceId}`) bad.push({ at, id: ref.id, expected: `${prefix}${ref.sourceId}` });
    };
    d.decisions.nodes.forEach((n: any, i: number) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const at = `decisions[${i}]`;
      exact(at, 'decision', n);
      exact(`${at}.body`, 'body', n.body);
      exact(`${at}.meeting`, 'meeting', n.meeting);
      exact(`${at}.case`, 'case', n.case);
      n.categories.forEach((c: Ref, j: number) => prefixed(`${at}.categories[${j}]`, 'category', c));
      n.attachments.forEach((a: Ref, j: number) => prefixed(`${at}.attachments[${j}]`, 'attachment', a));
      n.voteEvents.forEach((v: Ref, j: number) => prefixed(`${at}.voteEvents[${j}]`, 'vote', v));
    });
    d.meetings.nodes.forEach((n: any, i: number) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const at = `meetings[${i}]`;
      exact(at, 'meeting', n);
      exact(`${at}.body`, 'body', n.body);
      n.agenda.forEach((a: Ref, j: number) => prefixed(`${at}.agenda[${j}]`, 'agendaitem', a));
      n.attachments.forEach((a: Ref, j: number) => prefixed(`${at}.attachments[${j}]`, 'attachment', a));
    });
    d.cases.nodes.forEach((n: any, i: number) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      exact(`cases[${i}]`, 'case', n);
      n.attachments.forEach((a: Ref, j: number) => prefixed(`cases[${i}].attachments[${j}]`, 'attachment', a));
    });
    d.bodies.nodes.forEach((n: Ref, i: number) => exact(`bodies[${i}]`, 'body', n));
    if (bad.length) {
      const first = bad[0];
      return fail(`ids must be global and city-prefixed, \`${s.city}:{type}:{sourceId}\`: ${bad.length} of ${seen} are not, e.g. ${first.at}.id ${JSON.stringify(first.id)} (expected ${JSON.stringify(first.expected)})`, bad.slice(0, 8));
    }
    return pass(`${seen} ids, all \`${s.city}:{type}:…\``);
  },
};

/** Up to three listed items per list (first, middle, last of a page), for the lookups. */
async function samples(s: Subject): Promise<Record<string, Ref[]>> {
  const d = await cityData(s, LISTS.map((l) => `${l.list}(first: 50) { nodes { id sourceId } }`).join(' '), 'listing items to look up');
  const out: Record<string, Ref[]> = {};
  for (const l of LISTS) {
    const nodes: Ref[] = d[l.list].nodes;
    out[l.list] = [...new Set([0, Math.floor(nodes.length / 2), nodes.length - 1])].filter((i) => i >= 0 && i < nodes.length).map((i) => nodes[i]);
  }
  return out;
}

export const idsLookup: Check = {
  rule: 'ids.lookup',
  summary: '`decision(id:)`, `meeting(id:)`, `case(id:)` and `body(id:)` return the listed node for its global id and for its `sourceId`.',
  async run(s) {
    const picked = await samples(s);
    if (!picked.decisions.length) throw new CheckFailure('the city lists no decisions: the kit needs some to check lookups');
    const asked: Array<{ alias: string; lookup: string; by: 'id' | 'sourceId'; ref: Ref }> = [];
    for (const l of LISTS) {
      picked[l.list].forEach((ref, i) => {
        asked.push({ alias: `${l.lookup}${i}g`, lookup: l.lookup, by: 'id', ref });
        if (ref.sourceId) asked.push({ alias: `${l.lookup}${i}s`, lookup: l.lookup, by: 'sourceId', ref });
      });
    }
    const selection = asked.map((a) => `${a.alias}: ${a.lookup}(id: ${JSON.stringify(a.by === 'id' ? a.ref.id : a.ref.sourceId)}) { id sourceId }`).join(' ');
    const answer = await s.post(`{ ${s.city} { ${selection} } }`);
    const data = answer.body.data?.[s.city] ?? {};
    const bad: Array<Record<string, unknown>> = [];
    for (const a of asked) {
      const got = data[a.alias];
      const error = answer.body.errors?.find((e) => e.path?.includes(a.alias));
      if (!got || got.id !== a.ref.id) bad.push({ lookup: `${a.lookup}(id: ${JSON.stringify(a.by === 'id' ? a.ref.id : a.ref.sourceId)})`, listedAs: a.ref.id, got: got ?? null, error: error?.message ?? (got ? undefined : answer.body.errors?.[0]?.message) });
    }
    if (bad.length) {
      const b = bad[0];
      return fail(`a lookup must return the listed node for its global id and for its sourceId: ${bad.length} of ${asked.length} did not, e.g. ${b.lookup} gave ${JSON.stringify((b.got as Ref | null)?.id ?? null)} for ${JSON.stringify(b.listedAs)}${b.error ? ` (${b.error})` : ''}`, bad.slice(0, 6));
    }
    const counts = LISTS.filter((l) => picked[l.list].length).map((l) => `${l.lookup} ×${picked[l.list].length}`);
    return pass(`${asked.length} lookups by global id and sourceId round-trip (${counts.join(', ')})`);
  },
};

export const ID_CHECKS: Check[] = [idsPrefixed, idsLookup];
