/**
 * Per-request context: DataLoaders over the store for every lookup by id (one query per batch of
 * ids, deduplicated within a request), and the freshness check of the copies a resolver reads.
 */
import DataLoader from 'dataloader';
import type { Store, RowInfo } from '../shared/store/store';
import type { SyncRunner } from '../shared/sync/runner';
import { meetingStatusNow, readSource } from '../shared/serving';
import type { VoteEventModel } from './mapping/decision';
import type { DecidimCity } from './mapping/city';
import type { BodyModel, ParticipatoryItem, PlenaryCase, PlenaryItem, PlenarySession, StoredDecidimMeeting, StoredDecision } from './mapping/rows';

/** A meeting as served: tagged with its GraphQL type, its status following the clock (see decidimMeetingUnit). */
export type ServedMeeting = (PlenarySession | StoredDecidimMeeting) & { __typename: string; status: string };
export type AgendaItemDoc = PlenaryItem | ParticipatoryItem;

export interface DecidimContext {
  /** The city this subgraph serves (ids, zone, main language, the plenary body). */
  city: DecidimCity;
  /** The keys of the city's plenary file sources (empty without plenary files). */
  plenary: string[];
  store: Store;
  sync: SyncRunner;
  /** Base URL of the plenary files, else of Decidim (the `upstream` field). */
  upstreamBaseUrl: string;
  /** Plenary agreements by their own id (`{ref_sessio}|{ref_proposta}`). */
  decisions: DataLoader<string, StoredDecision | null>;
  /** Meetings (plenary sessions and Decidim meetings) by global id. */
  meetings: DataLoader<string, ServedMeeting | null>;
  /** Cases by global id. */
  cases: DataLoader<string, PlenaryCase | null>;
  /** The council and the processes as bodies, by global id. */
  bodies: DataLoader<string, BodyModel | null>;
  /** Decidim processes, proposals and accountability results by global id. */
  extras: DataLoader<string, any | null>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Agenda items by global id. */
  agendaItems: DataLoader<string, AgendaItemDoc | null>;
  /** Vote events of decisions, by the decision's global id. */
  voteEvents: DataLoader<string, VoteEventModel[]>;
  /**
   * Checks that the copies of these upstreams hold data (an error naming the city when one holds
   * nothing yet) and flags a stale one; every resolver reading them calls this first.
   */
  read(...upstreams: string[]): void;
}

export function servedMeeting(doc: PlenarySession | StoredDecidimMeeting, row: RowInfo): ServedMeeting {
  return { __typename: row.kind ?? 'DecidimPlenarySession', ...doc, status: meetingStatusNow(row) };
}

function byId<T>(store: Store, table: Parameters<Store['byIds']>[0], hydrate?: (doc: any, row: RowInfo) => T): DataLoader<string, T | null> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new DataLoader(async (ids) => {
    const found = await store.byIds<T>(table, ids, hydrate);
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function createContext(city: DecidimCity, plenary: string[], store: Store, sync: SyncRunner, upstreamBaseUrl: string): DecidimContext {
  return {
    city,
    plenary,
    store,
    sync,
    upstreamBaseUrl,
    read: (...upstreams) => {
      for (const key of upstreams) readSource(city, sync, key);
    },
    decisions: new DataLoader(async (ids) => {
      const found = await store.bySourceIds<StoredDecision>('decisions', ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    meetings: byId(store, 'meetings', servedMeeting),
    cases: byId<PlenaryCase>(store, 'cases'),
    bodies: byId<BodyModel>(store, 'bodies'),
    extras: byId(store, 'extras'),
    agendaItems: byId<AgendaItemDoc>(store, 'agenda_items'),
    voteEvents: new DataLoader(async (ids) => {
      const found = await store.childrenOf<VoteEventModel>('vote_events', 'decision_id', ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
