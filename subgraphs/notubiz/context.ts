/**
 * Per-request context: DataLoaders over the store for every lookup by id (one query per batch of
 * ids, deduplicated within a request), and the freshness check of the copy that answers. Nothing
 * here calls Notubiz: the sync (sync.ts) keeps the copy.
 */
import DataLoader from 'dataloader';
import type { Store } from '../shared/store/store';
import type { SyncRunner } from '../shared/sync/runner';
import { meetingStatusNow, readSource } from '../shared/serving';
import type { RowInfo } from '../shared/store/store';
import type { CityEntry } from '../../schema/cities';
import type { NotubizCity } from './mapping/common';
import type { Body } from './mapping/body';
import type { Document } from './mapping/document';
import type { MeetingStatus } from './mapping/meeting';
import { bodyGid, caseGid, meetingGid, UNPUBLISHED_MEETING, type ModuleItem, type StoredAgendaItem, type StoredCase, type StoredDecision, type StoredMeeting } from './mapping/rows';
import { UPSTREAM } from './sync';
import { NOT_PUBLISHED } from './upstream/notubiz';

export interface NotubizContext {
  /** The city this subgraph serves, as the mapping sees it. */
  city: NotubizCity;
  /** Its registry entry. */
  entry: CityEntry;
  store: Store;
  sync: SyncRunner;
  upstreamBaseUrl: string;
  /** Meetings by Notubiz id; NOT_PUBLISHED for a meeting Notubiz lists but does not publish. */
  meetings: DataLoader<string, StoredMeeting | typeof NOT_PUBLISHED | null>;
  /** Decisions, agenda items, module items and cases by global id. */
  decisions: DataLoader<string, StoredDecision | null>;
  agendaItems: DataLoader<string, StoredAgendaItem | null>;
  moduleItems: DataLoader<string, ModuleItem | null>;
  cases: DataLoader<string, StoredCase | null>;
  /** Organisations and gremia by their own id (`{organisation}`, `{organisation}-{gremium}`). */
  bodies: DataLoader<string, Body | null>;
  /** Documents of meetings, agenda items and cases, by the owner's global id. */
  documents: DataLoader<string, Document[]>;
  /** Checks that the copy holds data (and flags a stale one); every root resolver calls it. */
  read(): void;
}

/** A meeting as served: its status follows the clock (see meetingRow). */
export function servedMeeting(doc: StoredMeeting, row: RowInfo): StoredMeeting {
  return { ...doc, status: meetingStatusNow(row) as MeetingStatus };
}

export function createContext(entry: CityEntry, city: NotubizCity, store: Store, sync: SyncRunner, upstreamBaseUrl: string): NotubizContext {
  const byId = <T>(table: Parameters<Store['byIds']>[0]) =>
    new DataLoader<string, T | null>(async (ids) => {
      const found = await store.byIds<T>(table, ids);
      return ids.map((id) => found.get(id) ?? null);
    });
  return {
    city,
    entry,
    store,
    sync,
    upstreamBaseUrl,
    read: () => readSource(entry, sync, UPSTREAM),
    meetings: new DataLoader(async (ids) => {
      const gids = ids.map((id) => meetingGid(city, id));
      const found = await store.byIds('meetings', gids, servedMeeting);
      // Only misses are looked for among the meetings Notubiz does not publish.
      const missing = gids.filter((id) => !found.has(id));
      const unpublished = missing.length ? await store.byIds('extras', missing, (_doc, row) => row.kind) : new Map<string, string | undefined>();
      return gids.map((id) => found.get(id) ?? (unpublished.get(id) === UNPUBLISHED_MEETING ? NOT_PUBLISHED : null));
    }),
    decisions: byId<StoredDecision>('decisions'),
    agendaItems: byId<StoredAgendaItem>('agenda_items'),
    moduleItems: byId<ModuleItem>('extras'),
    cases: new DataLoader(async (codes) => {
      const found = await store.byIds<StoredCase>('cases', codes.map((code) => caseGid(city, code)));
      return codes.map((code) => found.get(caseGid(city, code)) ?? null);
    }),
    bodies: new DataLoader(async (ids) => {
      const found = await store.byIds<Body>('bodies', ids.map((id) => bodyGid(city, id)));
      return ids.map((id) => found.get(bodyGid(city, id)) ?? null);
    }),
    documents: new DataLoader(async (ids) => {
      const found = await store.childrenOf<Document>('documents', 'owner_id', ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
