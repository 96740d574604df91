/**
 * Per-request context: DataLoaders over the store for every lookup by id (one query per batch of
 * ids, deduplicated within a request), and the freshness check of the copy that answers.
 */
import DataLoader from 'dataloader';
import { Where, type Store } from '../shared/store/store';
import type { SyncRunner } from '../shared/sync/runner';
import { meetingStatusNow, nestedFromStore, readSource } from '../shared/serving';
import type { CityEntry } from '../../schema/cities';
import { todayIn } from '../shared/time';
import { mappingCity, type MappingCity } from './mapping/common';
import type { Meeting } from './mapping/meeting';
import type { Case } from './mapping/case';
import type { Body } from './mapping/body';
import type { Attachment } from './mapping/attachment';
import type { VoteEvent } from './mapping/votes';
import { bodyGid, meetingGid, type StoredDecision } from './mapping/rows';
import { UPSTREAM } from './sync';

export type ServedMeeting = Omit<Meeting, 'agenda' | 'attachments'>;
export type ServedCase = Omit<Case, 'attachments'>;

export interface AhjoContext {
  /** The city served, as mapping knows it. */
  city: MappingCity;
  store: Store;
  sync: SyncRunner;
  today: string;
  upstreamBaseUrl: string;
  /** Decisions by Ahjo NativeId (a translation's NativeId gives the decision it translates). */
  decisions: DataLoader<string, StoredDecision | null>;
  /** Meetings by MeetingID. */
  meetings: DataLoader<string, ServedMeeting | null>;
  /** Cases by CaseID. */
  cases: DataLoader<string, ServedCase | null>;
  /** Cases by the NativeId of a decision record in their Records (how officer decisions without a CaseID find their case). */
  casesByDecisionRecord: DataLoader<string, ServedCase | null>;
  /** Decision makers by organisation ID. */
  bodies: DataLoader<string, Body | null>;
  /** A meeting's decisions in section order (at most 500), by the meeting's global id: what its agenda items and body are matched against. */
  decisionsOfMeeting: DataLoader<string, StoredDecision[]>;
  /** Vote events of decisions, by the decision's global id. */
  voteEvents: DataLoader<string, VoteEvent[]>;
  /** Documents of decisions, meetings, agenda items and cases, by the owner's global id. */
  documents: DataLoader<string, Attachment[]>;
  /** Checks that the copy holds data (and flags a stale one); every resolver reading it calls this. */
  read(): void;
}

/** A meeting as served: its status follows the clock (see meetingUnit). */
export function servedMeeting(doc: ServedMeeting, row: { status?: string; held_from?: string | null; id: string }): ServedMeeting {
  return { ...doc, status: meetingStatusNow(row) as Meeting['status'] };
}

export function createContext(entry: CityEntry, store: Store, sync: SyncRunner, upstreamBaseUrl: string): AhjoContext {
  const up = (id: string) => id.toUpperCase();
  const city = mappingCity(entry);
  const meetingGidOf = (id: string) => meetingGid(city, id);
  const bodyGidOf = (id: string) => bodyGid(city, id);
  return {
    city,
    store,
    sync,
    today: todayIn(city.zone),
    upstreamBaseUrl,
    read: () => readSource(entry, sync, UPSTREAM),
    decisions: new DataLoader(async (ids) => {
      const found = await store.bySourceIds<StoredDecision>('decisions', ids.map(up));
      return ids.map((id) => found.get(up(id)) ?? null);
    }),
    meetings: new DataLoader(async (ids) => {
      const found = await store.byIds('meetings', ids.map(meetingGidOf), servedMeeting);
      return ids.map((id) => found.get(meetingGidOf(id)) ?? null);
    }),
    cases: new DataLoader(async (ids) => {
      const found = await store.bySourceIds<ServedCase>('cases', ids.map(up));
      return ids.map((id) => found.get(up(id)) ?? null);
    }),
    casesByDecisionRecord: new DataLoader(async (ids) => {
      const rows = await store.db.query<{ doc: ServedCase }>(`SELECT doc FROM cases WHERE doc->'decisionIds' ?| $1::text[]`, [ids.map(up)]);
      return ids.map((id) => rows.find((r) => r.doc.decisionIds.includes(up(id)))?.doc ?? null);
    }),
    bodies: new DataLoader(async (ids) => {
      const found = await store.byIds<Body>('bodies', ids.map(bodyGidOf));
      return ids.map((id) => found.get(bodyGidOf(id)) ?? null);
    }),
    decisionsOfMeeting: new DataLoader((ids) =>
      Promise.all(ids.map((id) => nestedFromStore<StoredDecision>(store, { table: 'decisions', where: new Where().add('meeting_id = ?', id), order: 'position' }, { first: 500 }))),
    ),
    voteEvents: new DataLoader(async (ids) => {
      const found = await store.childrenOf<VoteEvent>('vote_events', 'decision_id', ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    documents: new DataLoader(async (ids) => {
      const found = await store.childrenOf<Attachment>('documents', 'owner_id', ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
