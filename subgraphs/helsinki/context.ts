/**
 * Per-request context: DataLoaders for every lookup by id (deduplicated within a request) and a
 * memo for list calls, so one query never asks Ahjo twice for the same thing.
 */
import DataLoader from 'dataloader';
import { createMemo } from '../shared/resolvers';
import type { AhjoClient } from './upstream/ahjo';
import type { AhjoDecision, AhjoDecisionMaker } from './upstream/types';
import { decisionsOf, decisionLocalTime, type Decision } from './mapping/decision';
import { meetingOf, type Meeting } from './mapping/meeting';
import { caseOf, type Case } from './mapping/case';
import { bodyOf, decisionMakerOf, type Body } from './mapping/body';
import { ZONE } from './mapping/common';
import { addDays, localDate, startOfLocalDayUtc, todayIn } from '../shared/time';

export interface HelsinkiContext {
  ahjo: AhjoClient;
  today: string;
  upstreamBaseUrl: string;
  decisions: DataLoader<string, Decision | null>;
  meetings: DataLoader<string, Meeting | null>;
  cases: DataLoader<string, Case | null>;
  bodies: DataLoader<string, Body | null>;
  /** Runs a list call once per request for the same key. */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  decisionMakers(): Promise<AhjoDecisionMaker[]>;
}

export function createContext(ahjo: AhjoClient, upstreamBaseUrl: string): HelsinkiContext {
  const memo = createMemo();
  const today = todayIn(ZONE);
  const decisionMakers = () => memo('decisionmakers', () => ahjo.decisionMakers());

  const ctx: HelsinkiContext = {
    ahjo,
    today,
    upstreamBaseUrl,
    memo,
    decisionMakers,
    // Ahjo has no batch endpoint for ids: DataLoader dedupes, and loads distinct ids concurrently.
    decisions: new DataLoader((ids) => Promise.all(ids.map((id) => loadDecision(ahjo, memo, id)))),
    meetings: new DataLoader((ids) =>
      Promise.all(ids.map(async (id) => {
        const m = await ahjo.meeting(id);
        return m ? meetingOf(m, today) : null;
      })),
    ),
    cases: new DataLoader((ids) =>
      Promise.all(ids.map(async (id) => {
        const c = await ahjo.case(id);
        return c ? caseOf(c) : null;
      })),
    ),
    bodies: new DataLoader(async (ids) => {
      const all = await decisionMakers();
      const byId = new Map(all.map((dm) => [dm.Organization.ID.toUpperCase(), dm]));
      return Promise.all(ids.map(async (id) => {
        const dm = byId.get(id.toUpperCase());
        if (dm) return decisionMakerOf(dm);
        // Not a decision maker (e.g. an organisation above one): ask /organization.
        const org = await ahjo.organization(id);
        return org ? bodyOf(org) : null;
      }));
    }),
  };
  return ctx;
}

/**
 * A decision by NativeId with its language versions: Ahjo returns one version per id, so the
 * other versions are found among the same decision maker's decisions of that day.
 */
async function loadDecision(
  ahjo: AhjoClient,
  memo: HelsinkiContext['memo'],
  nativeId: string,
): Promise<Decision | null> {
  const d = await ahjo.decision(nativeId);
  if (!d) return null;
  const siblings = await sameDayDecisions(ahjo, memo, d);
  const all = siblings.some((s) => s.NativeId === d.NativeId) ? siblings : [d, ...siblings];
  return decisionsOf(all).find((decision) => decision.nativeIds.includes(d.NativeId)) ?? decisionsOf([d])[0];
}

async function sameDayDecisions(ahjo: AhjoClient, memo: HelsinkiContext['memo'], d: AhjoDecision): Promise<AhjoDecision[]> {
  const local = decisionLocalTime(d);
  const orgId = d.Organization?.ID;
  if (!local || !orgId) return [];
  const day = localDate(local, ZONE) as string;
  const query = { decisionmaker_id: orgId, handledsince: startOfLocalDayUtc(day, ZONE), handledbefore: startOfLocalDayUtc(addDays(day, 1), ZONE) };
  return memo(`decisions:${JSON.stringify(query)}`, () => ahjo.decisions(query));
}
