/**
 * What one GraphQL request learned while it was answered: which upstreams' copies it read although
 * their last sync failed (served stale); and what it asked for beside its query: the language its
 * `Accept-Language` prefers. AsyncLocalStorage carries it without threading a context through
 * every call.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { GraphQLError } from 'graphql';

export interface StaleNote {
  upstream: string;
  request: string;
  /** When the served copy was last brought up to date (ISO 8601). */
  fetchedAt: string;
  reason: string;
}

export interface RequestScope {
  stale: StaleNote[];
  /** What the request may still read; absent outside GraphQL requests (the sync reads without limit). */
  budget?: { rowsLeft: number; deadline: number; limits: RequestBudget };
  /** The city's language the request's Accept-Language prefers (the default of `lang` arguments); null: none of the city's. */
  lang?: string | null;
}

/** What one GraphQL request may read from the store: rows in all, and time. */
export interface RequestBudget {
  maxRows: number;
  maxMs: number;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function noteStale(note: StaleNote): void {
  const scope = requestScope.getStore();
  if (scope && !scope.stale.some((s) => s.upstream === note.upstream && s.request === note.request)) scope.stale.push(note);
}

/** A request's scope with its budget starting now, and the language its Accept-Language chose. */
export function newScope(budget?: RequestBudget, lang: string | null = null): RequestScope {
  return { stale: [], lang, ...(budget ? { budget: { rowsLeft: budget.maxRows, deadline: Date.now() + budget.maxMs, limits: budget } } : {}) };
}

/** The language the request's Accept-Language prefers among the city's, or null (then `lang` arguments default as without it). */
export function preferredLang(): string | null {
  return requestScope.getStore()?.lang ?? null;
}

/**
 * Charges a store read to the request's budget: a request past its rows or its time is refused
 * (REQUEST_BUDGET_EXCEEDED) at its next read, whatever the gateway estimated, so no query can make
 * a subgraph read (and hold) without bound. Reads outside a request (the sync) are not charged.
 */
export function chargeRead(rows: number): void {
  const budget = requestScope.getStore()?.budget;
  if (!budget) return;
  budget.rowsLeft -= rows;
  if (budget.rowsLeft < 0) throw overBudget(`read more than ${budget.limits.maxRows} records (REQUEST_MAX_ROWS)`);
  if (Date.now() > budget.deadline) throw overBudget(`took longer than ${budget.limits.maxMs} ms (REQUEST_MAX_MS)`);
}

function overBudget(what: string): GraphQLError {
  return new GraphQLError(`This request ${what}; ask for fewer nested items (a lower \`first\` on nested lists) or page with \`after\`.`, {
    extensions: { code: 'REQUEST_BUDGET_EXCEEDED' },
  });
}
