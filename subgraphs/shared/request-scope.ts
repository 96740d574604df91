/**
 * What one GraphQL request learned on its way through the upstream clients: which upstream answers
 * were served stale because the city failed. AsyncLocalStorage carries it without threading a
 * context through every call.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface StaleNote {
  upstream: string;
  request: string;
  /** When the served copy was fetched (ISO 8601). */
  fetchedAt: string;
  reason: string;
}

export interface RequestScope {
  stale: StaleNote[];
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function noteStale(note: StaleNote): void {
  const scope = requestScope.getStore();
  if (scope && !scope.stale.some((s) => s.upstream === note.upstream && s.request === note.request)) scope.stale.push(note);
}
