/**
 * What one GraphQL request learned while it was answered: which upstreams' copies it read although
 * their last sync failed (served stale). AsyncLocalStorage carries it without threading a context
 * through every call.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface StaleNote {
  upstream: string;
  request: string;
  /** When the served copy was last brought up to date (ISO 8601). */
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
