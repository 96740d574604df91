/**
 * A city's `freshness`: the summary of its `sources` that an application shows next to the data.
 * `extensions.stale` says the same but most clients drop extensions, so it is a field too. It is
 * read from the sync's state in the store (what `sources` reads), never from what other resolvers
 * of the request noted, so the answer does not depend on the order of the fields in the query.
 */
import { noteStale } from './request-scope';
import { servesOlderCopy } from './serving';
import type { Store } from './store/store';
import type { SyncRunner } from './sync/runner';
import type { SyncError, UpstreamState } from './sync/state';

export interface OlderCopyReason {
  upstream: string;
  upstreamName: string;
  lastSyncedAt: string;
  ageSeconds: number;
  error: SyncError;
}

export interface CityFreshness {
  servedFromOlderCopy: boolean;
  reasons: OlderCopyReason[];
  lastSyncedAt: string | null;
  ageSeconds: number | null;
}

/** Whole seconds from `at` (ISO 8601) to `now`, never negative (clocks of instances sharing a store may differ). */
function ageOf(at: string, now: number): number {
  return Math.max(0, Math.round((now - Date.parse(at)) / 1000));
}

/**
 * The freshness of a city's copy now. An answer that says "older copy" is also flagged in
 * `extensions.stale`, so the gateway never caches it, even when the query reads nothing else.
 */
export async function freshnessOf(store: Store, sync: SyncRunner, now = Date.now()): Promise<CityFreshness> {
  const states = await store.allStates<UpstreamState>();
  const reasons: OlderCopyReason[] = [];
  let oldest: string | null = null;
  let unsynced = false;
  for (const upstream of sync.upstreams) {
    const state = states.get(upstream.key);
    if (!state?.lastSuccessAt) unsynced = true;
    else if (oldest === null || Date.parse(state.lastSuccessAt) < Date.parse(oldest)) oldest = state.lastSuccessAt;
    if (servesOlderCopy(state)) {
      reasons.push({ upstream: upstream.key, upstreamName: upstream.name, lastSyncedAt: state.lastSuccessAt, ageSeconds: ageOf(state.lastSuccessAt, now), error: state.lastError });
      noteStale({ upstream: upstream.name, request: 'sync', fetchedAt: state.lastSuccessAt, reason: state.lastError.message });
    }
  }
  // An upstream without a completed sync has no "last synced" time: the city as a whole has none either.
  const lastSyncedAt = unsynced ? null : oldest;
  return { servedFromOlderCopy: reasons.length > 0, reasons, lastSyncedAt, ageSeconds: lastSyncedAt === null ? null : ageOf(lastSyncedAt, now) };
}
