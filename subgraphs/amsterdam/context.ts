/**
 * Per-request context: DataLoaders for meetings by id, and a memo for list calls (events,
 * organisations, gremia), so one query never asks Notubiz twice for the same thing.
 */
import DataLoader from 'dataloader';
import { createMemo } from '../shared/resolvers';
import { NOT_PUBLISHED, type NotubizClient } from './upstream/notubiz';
import type { NotubizModuleItem, NotubizOrganisation } from './upstream/types';
import { attributeLabelsOf, ZONE } from './mapping/common';
import { meetingOf, type Meeting } from './mapping/meeting';
import { gremiumBody, organisationBody, ORGANISATIONS, type Body } from './mapping/body';
import { todayIn } from '../shared/time';

export interface AmsterdamContext {
  notubiz: NotubizClient;
  now: string;
  today: string;
  upstreamBaseUrl: string;
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  organisations(): Promise<NotubizOrganisation[]>;
  /** Every organisation and gremium, organisations first. */
  bodies(): Promise<Body[]>;
  /** Full meetings (agenda, documents) by Notubiz id. */
  meetings: DataLoader<number, Meeting | typeof NOT_PUBLISHED | null>;
  moduleItems: DataLoader<string, NotubizModuleItem | null>;
}

export function createContext(notubiz: NotubizClient, upstreamBaseUrl: string): AmsterdamContext {
  const memo = createMemo();
  const now = new Date().toISOString();
  const organisations = () => memo('organisations', () => notubiz.organisations());
  const ctx: AmsterdamContext = {
    notubiz,
    now,
    today: todayIn(ZONE),
    upstreamBaseUrl,
    memo,
    organisations,
    bodies: () =>
      memo('bodies', async () => {
        const gremia = await Promise.all(ORGANISATIONS.map((o) => notubiz.gremia(o.id).then((list) => list.map((g) => gremiumBody(o.id, g)))));
        return [...ORGANISATIONS.map(organisationBody), ...gremia.flat()];
      }),
    // Notubiz has no batch endpoint: DataLoader dedupes ids and loads distinct ones concurrently.
    meetings: new DataLoader((ids) =>
      Promise.all(ids.map(async (id) => {
        const m = await notubiz.meeting(id);
        if (m === null || m === NOT_PUBLISHED) return m;
        const labels = attributeLabelsOf(await organisations(), m.organisation?.id ?? 0);
        return meetingOf(m, labels, now);
      })),
    ),
    moduleItems: new DataLoader((selfs) => Promise.all(selfs.map((self) => notubiz.moduleItem(self)))),
  };
  return ctx;
}
