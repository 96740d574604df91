/**
 * Argument checks shared by every city subgraph. Each failure is a BAD_USER_INPUT error that
 * names the argument, says what was wrong and what is allowed.
 */
import { badUserInput } from './errors';
import { preferredLang } from './request-scope';
import { isIsoDate } from './time';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function checkFirst(first: number | null | undefined, argumentName = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(argumentName, `must be between 0 and ${MAX_PAGE_SIZE} (got ${first}). Page through larger results with \`after\`.`);
  }
  return first;
}

export interface DateRange {
  from: string | null;
  to: string | null;
}

/** Checks `from`/`to` of a filter: real dates in YYYY-MM-DD form, `from` before `to`. */
export function checkDateRange(filter: { from?: unknown; to?: unknown } | null | undefined, prefix = 'filter'): DateRange {
  const from = checkDate(filter?.from, `${prefix}.from`);
  const to = checkDate(filter?.to, `${prefix}.to`);
  if (from && to && from >= to) {
    throw badUserInput(`${prefix}.to`, `must be after \`${prefix}.from\` (from ${from} is inclusive, to ${to} is exclusive); got from ${from}, to ${to}.`);
  }
  return { from, to };
}

function checkDate(value: unknown, argumentName: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw badUserInput(argumentName, `${JSON.stringify(value)} is not a date; use a calendar date in YYYY-MM-DD form, e.g. 2025-01-31.`);
  }
  return value;
}

/**
 * Checks a `lang` argument: an ISO 639-1 code. Unknown but well-formed codes fall back silently.
 * Without one, the request's Accept-Language chooses among the city's languages (null when it names
 * none of them: the text's own language, as without the header); an explicit `lang` always wins.
 */
export function checkLang(lang: unknown, argumentName = 'lang'): string | null {
  if (lang === null || lang === undefined) return preferredLang();
  if (typeof lang !== 'string' || !/^[a-z]{2}$/.test(lang)) {
    throw badUserInput(argumentName, `${JSON.stringify(lang)} is not a language code; use a two-letter ISO 639-1 code such as fi, sv, nl, ca, es or en.`);
  }
  return lang;
}

/** Checks a free-text filter: non-empty after trimming, bounded. */
export function checkText(text: unknown, argumentName = 'filter.text'): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = String(text).trim();
  if (!trimmed) throw badUserInput(argumentName, 'must not be empty; leave it out to match everything.');
  checkNoNul(trimmed, argumentName);
  if (trimmed.length > 200) throw badUserInput(argumentName, `is ${trimmed.length} characters long; at most 200 are allowed.`);
  return trimmed;
}

/**
 * Reads an id argument that may be a global id (`{city}:{type}:{sourceId}`) or the city's own id.
 * `valid` checks the city's own id syntax, so a malformed id never reaches the upstream.
 */
export function parseId(
  id: unknown,
  opts: { city: string; type: string; argumentName?: string; valid: RegExp; example: string },
): string {
  const argumentName = opts.argumentName ?? 'id';
  const raw = String(id ?? '').trim();
  const prefix = `${opts.city}:${opts.type}:`;
  let sourceId = raw;
  if (raw.startsWith(prefix)) sourceId = raw.slice(prefix.length);
  else if (/^[a-z]+:[a-z]+:/.test(raw)) {
    throw badUserInput(argumentName, `${JSON.stringify(raw)} is not a ${opts.city} ${opts.type} id; expected \`${prefix}…\` or the city's own id, e.g. ${opts.example}.`);
  }
  if (!opts.valid.test(sourceId)) {
    throw badUserInput(argumentName, `${JSON.stringify(raw)} is not a well-formed ${opts.city} ${opts.type} id; expected e.g. ${opts.example} or \`${prefix}${opts.example}\`.`);
  }
  return sourceId;
}

/** The error for a well-formed id that the city does not know. */
export function unknownId(argumentName: string, city: string, type: string, id: string) {
  return badUserInput(argumentName, `no ${city} ${type} has id ${JSON.stringify(id)}. Check the id, or list ${type}s to find it.`, {
    reason: 'NOT_FOUND',
  });
}

/** The contract's Outcome values (the enum in schema/contract.graphql). */
export const OUTCOMES = ['ADOPTED', 'AMENDED', 'REJECTED', 'REQUEST_REJECTED', 'REQUEST_DISMISSED', 'NOTED', 'WITHDRAWN', 'POSTPONED', 'REFERRED_BACK', 'UNKNOWN'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Checks `filter.outcome`: known Outcome values; the set of them, or null when not filtering. */
export function checkOutcomes(outcome: string[] | null | undefined): Set<string> | null {
  if (!outcome) return null;
  for (const o of outcome) if (!(OUTCOMES as readonly string[]).includes(o)) throw badUserInput('filter.outcome', `unknown outcome ${o}; allowed: ${OUTCOMES.join(', ')}.`);
  return new Set(outcome);
}

/** Text with a NUL character cannot be stored or searched (PostgreSQL text has none): refused as input. */
export function checkNoNul(value: string, argumentName: string): void {
  if (value.includes('\u0000')) throw badUserInput(argumentName, 'contains a NUL character (\\u0000), which no text in the graph holds; remove it.');
}
