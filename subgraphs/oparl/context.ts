/**
 * Per-request context: DataLoaders over the store for every lookup by id (one query per batch of
 * ids), and the freshness check of the copy that answers. Nothing here calls the OParl server.
 */
import DataLoader from 'dataloader';
import type { CityEntry } from '../../schema/cities';
import type { Store, RowInfo } from '../shared/store/store';
import { Where } from '../shared/store/store';
import type { SyncRunner } from '../shared/sync/runner';
import { meetingStatusNow, readSource } from '../shared/serving';
import { gid, type OParlCity } from './mapping/common';
import type { Body } from './mapping/body';
import type { Attachment } from './mapping/file';
import type { AgendaItemDoc, DecisionDoc, MeetingDoc, MeetingStatus } from './mapping/meeting';
import type { CaseDoc, ConsultationDoc } from './mapping/paper';
import type { MembershipDoc, PersonDoc } from './mapping/person';
import { CONSULTATION } from './mapping/rows';
import { UPSTREAM } from './sync';

export interface OParlContext {
  city: CityEntry;
  oparl: OParlCity;
  store: Store;
  sync: SyncRunner;
  upstreamBaseUrl: string;
  /** Records by their source id (the URL relative to the System). */
  meetings: DataLoader<string, MeetingDoc | null>;
  decisions: DataLoader<string, DecisionDoc | null>;
  agendaItems: DataLoader<string, AgendaItemDoc | null>;
  cases: DataLoader<string, CaseDoc | null>;
  bodies: DataLoader<string, Body | null>;
  persons: DataLoader<string, PersonDoc | null>;
  consultations: DataLoader<string, ConsultationDoc | null>;
  /** The consultations naming an agenda item (by the item's source id). */
  consultationsOfItem: DataLoader<string, ConsultationDoc[]>;
  /** Children rows of extras by parent global id: a body's memberships, a case's consultations. */
  extrasOf: DataLoader<string, Array<MembershipDoc | ConsultationDoc>>;
  /** Files of a meeting, agenda item, decision or case, by the owner's global id. */
  documents: DataLoader<string, Attachment[]>;
  /** Checks that the copy holds data (and flags a stale one); every root resolver calls it. */
  read(): void;
}

/** A meeting as served: a planned meeting's status follows the clock. */
export function servedMeeting(doc: MeetingDoc, row: RowInfo): MeetingDoc {
  return { ...doc, status: meetingStatusNow(row) as MeetingStatus };
}

export function createContext(city: CityEntry, oparl: OParlCity, store: Store, sync: SyncRunner, upstreamBaseUrl: string): OParlContext {
  const bySourceId = <T>(table: Parameters<Store['byIds']>[0], type: Parameters<typeof gid>[1], hydrate?: (doc: any, row: RowInfo) => T) => // eslint-disable-line @typescript-eslint/no-explicit-any
    new DataLoader<string, T | null>(async (ids) => {
      const gids = ids.map((id) => gid(oparl, type, id));
      const found = await store.byIds<T>(table, gids, hydrate);
      return gids.map((id) => found.get(id) ?? null);
    });
  return {
    city,
    oparl,
    store,
    sync,
    upstreamBaseUrl,
    read: () => readSource(city, sync, UPSTREAM),
    meetings: bySourceId<MeetingDoc>('meetings', 'meeting', servedMeeting),
    decisions: bySourceId<DecisionDoc>('decisions', 'decision'),
    agendaItems: bySourceId<AgendaItemDoc>('agenda_items', 'agendaitem'),
    cases: bySourceId<CaseDoc>('cases', 'case'),
    bodies: bySourceId<Body>('bodies', 'body'),
    persons: bySourceId<PersonDoc>('extras', 'person'),
    consultations: bySourceId<ConsultationDoc>('extras', 'consultation'),
    consultationsOfItem: new DataLoader(async (itemIds) => {
      const where = new Where().add('kind = ?', CONSULTATION).add('source_id = ANY(?::text[])', [...itemIds]);
      const page = await store.list<ConsultationDoc>({ table: 'extras', where, order: 'name', first: 500 });
      return itemIds.map((id) => page.nodes.filter((x) => x.agendaItemSourceId === id));
    }),
    extrasOf: new DataLoader(async (parents) => {
      // extras have no position column (Store.childrenOf orders by it): ordered by their sort key.
      const rows = await store.db.query<{ parent: string; doc: MembershipDoc | ConsultationDoc }>(
        'SELECT parent_id AS parent, doc FROM extras WHERE parent_id = ANY($1::text[]) ORDER BY parent_id, sort_key, id',
        [[...new Set(parents)]],
      );
      return parents.map((id) => rows.filter((r) => r.parent === id).map((r) => r.doc));
    }),
    documents: new DataLoader(async (owners) => {
      const found = await store.childrenOf<Attachment>('documents', 'owner_id', owners);
      return owners.map((id) => found.get(id) ?? []);
    }),
  };
}
