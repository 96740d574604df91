/**
 * An Ahjo city's sync: decision makers (one list), then decisions, meetings and cases by
 * period (`handledsince`/`handledbefore`, `start`/`end`; a period holding too much is halved, never
 * truncated), and the detail of every new or changed case (Ahjo's case list leaves out Handlings and
 * Records) and of every case a changed decision belongs to. Each raw record is kept beside the rows
 * mapped from it; language versions of one decision are one unit, rebuilt whenever one of them changes.
 */
import crypto from 'node:crypto';
import Bottleneck from 'bottleneck';
import type { RawRecord } from '../shared/store/store';
import type { Unit } from '../shared/store/rows';
import type { SyncRun, UpstreamHarvester } from '../shared/sync/runner';
import { utcParam, walkWindows, windowsOf, type Window } from '../shared/sync/windows';
import { localMillis, todayIn } from '../shared/time';
import type { AhjoClient } from './upstream/ahjo';
import type { AhjoCase, AhjoDecision, AhjoDecisionMaker, AhjoMeeting } from './upstream/types';
import { UPSTREAM, type MappingCity } from './mapping/common';
import { decisionLocalTime, decisionsOf, translationKey } from './mapping/decision';
import { meetingOf } from './mapping/meeting';
import { caseOf } from './mapping/case';
import { decisionMakerOf } from './mapping/body';
import { bodyRow, caseUnit, decisionUnit, meetingUnit } from './mapping/rows';
import { decisionProblem, meetingProblem, caseProblem, decisionMakerProblem } from './mapping/checks';

export { UPSTREAM };

export interface AhjoSyncOptions {
  /** Largest period asked for at once, in months (smaller ones when a period holds too much). */
  windowMonths: number;
  /** Most records of one period asked for at once; a period holding more is halved. */
  maxPerWindow: number;
}

export function ahjoHarvester(city: MappingCity, ahjo: AhjoClient, url: string, options: AhjoSyncOptions): UpstreamHarvester {
  return {
    key: UPSTREAM,
    name: 'Ahjo REST API',
    url,
    // Ahjo lists meetings planned more than a year ahead.
    aheadDays: 400,
    run: (run) => new AhjoSync(city, ahjo, run, options).all(),
  };
}

const up = (id: string) => id.toUpperCase();
/** A record without a usable id is set aside under its content hash, so the same record is not counted twice. */
const anonymous = (raw: unknown) => `#${crypto.createHash('sha1').update(JSON.stringify(raw) ?? '').digest('hex').slice(0, 16)}`;

class AhjoSync {
  private readonly details: Bottleneck;
  /** Cases whose detail was fetched in this run, and cases a changed decision belongs to. */
  private readonly casesFetched = new Set<string>();
  private readonly casesToRefresh = new Set<string>();
  private readonly windows: Window[];
  private readonly seen = { decision: new Set<string>(), meeting: new Set<string>(), case: new Set<string>() };
  private readonly aside = { decision: [] as string[], meeting: [] as string[], case: [] as string[] };
  private readonly today: string;

  constructor(
    private readonly city: MappingCity,
    private readonly ahjo: AhjoClient,
    private readonly run: SyncRun,
    private readonly options: AhjoSyncOptions,
  ) {
    this.details = new Bottleneck({ maxConcurrent: Math.max(1, run.settings.concurrency) });
    this.windows = windowsOf(run.from, run.horizon, options.windowMonths, city.zone);
    this.today = todayIn(city.zone);
  }

  /** An Ahjo local time (the city's zone) as a UTC instant. */
  private instantOf(local: string | null | undefined): string | null {
    const ms = localMillis(local, this.city.zone);
    return ms === null ? null : new Date(ms).toISOString();
  }

  /**
   * Decision makers, then period by period (oldest first) the decisions, meetings and cases of the
   * period; after each period the backfill's resume point moves on. Records of the walked periods
   * that Ahjo no longer lists are deleted at the end, once every period was walked.
   */
  async all(): Promise<void> {
    await this.bodies();
    const total = this.windows.length + 1;
    this.run.progress('decision makers', 1, total);
    for (const [i, w] of this.windows.entries()) {
      await this.decisions(w);
      await this.meetings(w);
      await this.cases(w);
      this.run.progress(`${w.from.slice(0, 10)} … ${w.to.slice(0, 10)}`, i + 2, total);
      await this.run.saveResumePoint(w.to);
    }
    // Cases that changed decisions belong to (their Records changed), wherever they were opened.
    await this.refreshCases([...this.casesToRefresh].filter((id) => !this.casesFetched.has(id)));
    await this.deleteUnlisted();
  }

  /** Records in the walked periods that Ahjo no longer lists are gone upstream: gone here too. */
  private async deleteUnlisted(): Promise<void> {
    const { store, from, horizon, full } = this.run;
    const unlisted = async (kind: string, seen: Set<string>) =>
      (await store.rawInWindow(UPSTREAM, kind, from, horizon)).filter((r) => !seen.has(r.sourceId)).map((r) => r.sourceId);
    await this.rebuildDecisions(await store.deleteRaw(UPSTREAM, 'decision', await unlisted('decision', this.seen.decision)));
    await this.run.apply([], await store.deleteRaw(UPSTREAM, 'meeting', await unlisted('meeting', this.seen.meeting)));
    const cases = await unlisted('case-listing', this.seen.case);
    await store.deleteRaw(UPSTREAM, 'case-listing', cases);
    await this.run.apply([], await store.deleteRaw(UPSTREAM, 'case', cases));
    if (full) {
      for (const kind of ['decision', 'meeting', 'case'] as const) await store.pruneSetAside(UPSTREAM, kind, [...this.seen[kind], ...this.aside[kind]]);
    }
  }

  /** Lists one kind over a period, halving the period when it holds too much. */
  private async walk<T>(w: Window, list: (p: { from: string; to: string }) => Promise<{ items: T[] } | { tooMany: number }>, each: (items: T[], period: Window) => Promise<void>): Promise<void> {
    await walkWindows([w], (p) => list({ from: utcParam(p.from), to: utcParam(p.to) }), async (p, items) => {
      this.run.checkStopped();
      this.run.fetched += items.length;
      await each(items, p);
    });
  }

  // ---- decision makers ----------------------------------------------------------------------------

  private async bodies(): Promise<void> {
    const list = await this.ahjo.decisionMakers();
    this.run.fetched += list.length;
    const records: RawRecord[] = [];
    const aside: string[] = [];
    for (const dm of list) {
      const problem = decisionMakerProblem(dm);
      if (problem) {
        const id = typeof dm?.Organization?.ID === 'string' ? up(dm.Organization.ID) : anonymous(dm);
        aside.push(id);
        await this.run.setAsideRecord('decisionmaker', id, problem, dm);
        continue;
      }
      records.push({ upstream: UPSTREAM, kind: 'decisionmaker', sourceId: up(dm.Organization.ID), unitKey: 'bodies', listedAt: null, raw: dm });
    }
    const { changed } = await this.run.store.putRaw(records);
    const seen = new Set(records.map((r) => r.sourceId));
    const gone = (await this.run.store.rawOfKind(UPSTREAM, 'decisionmaker')).filter((r) => !seen.has(r.sourceId)).map((r) => r.sourceId);
    await this.run.store.deleteRaw(UPSTREAM, 'decisionmaker', gone);
    await this.run.store.pruneSetAside(UPSTREAM, 'decisionmaker', aside);
    if (changed.length || gone.length || this.run.full) {
      const all = (await this.run.store.rawOfUnits(UPSTREAM, ['bodies'])).map((r) => r.raw as AhjoDecisionMaker);
      await this.run.apply([{ key: 'bodies', bodies: all.map((dm) => bodyRow(this.city, decisionMakerOf(this.city, dm))) }]);
    }
  }

  // ---- decisions ----------------------------------------------------------------------------------

  private async decisions(w: Window): Promise<void> {
    await this.walk(w, (p) => this.ahjo.decisions({ handledsince: p.from, handledbefore: p.to }, this.options.maxPerWindow), async (items, period) => {
      const records: RawRecord[] = [];
      for (const d of items) {
        const problem = decisionProblem(d);
        if (problem) {
          const id = typeof d?.NativeId === 'string' && d.NativeId ? up(d.NativeId) : anonymous(d);
          this.aside.decision.push(id);
          await this.run.setAsideRecord('decision', id, problem, d);
          continue;
        }
        this.seen.decision.add(up(d.NativeId));
        // Most officer decisions carry no date at all; Ahjo listed them by its own handling date,
        // which lies in this period: its start is where the sync looks for them again.
        const listedAt = this.instantOf(decisionLocalTime(d)) ?? period.from;
        records.push({ upstream: UPSTREAM, kind: 'decision', sourceId: up(d.NativeId), unitKey: decisionUnitKey(this.city, d), listedAt, raw: d });
      }
      const { changed, previousUnits } = await this.run.store.putRaw(records);
      await this.rebuildDecisions([...changed.map((r) => r.unitKey), ...previousUnits]);
    });
  }

  /** Rebuilds decision units from their raw records: translations merged, votes and attachments beside. */
  private async rebuildDecisions(unitKeys: string[]): Promise<void> {
    const keys = [...new Set(unitKeys)];
    for (let i = 0; i < keys.length; i += 200) {
      const batch = keys.slice(i, i + 200);
      const raws = await this.run.store.rawOfUnits(UPSTREAM, batch);
      const units: Unit[] = [];
      const remove: string[] = [];
      for (const key of batch) {
        const group = raws.filter((r) => r.unitKey === key && r.kind === 'decision').map((r) => r.raw as AhjoDecision);
        if (group.length === 0) {
          remove.push(key);
          continue;
        }
        try {
          const decisions = decisionsOf(this.city, group);
          units.push(decisionUnit(this.city, key, decisions));
          for (const d of group) if (d.CaseID) this.casesToRefresh.add(up(d.CaseID));
          await this.run.store.clearSetAside(UPSTREAM, 'decision', group.map((d) => up(d.NativeId)));
        } catch (err) {
          for (const d of group) await this.run.setAsideRecord('decision', up(d.NativeId), `does not map: ${(err as Error).message}`, d);
          remove.push(key);
        }
      }
      await this.run.apply(units, remove);
    }
  }

  // ---- meetings -----------------------------------------------------------------------------------

  private async meetings(w: Window): Promise<void> {
    await this.walk(w, (p) => this.ahjo.meetings({ start: p.from, end: p.to }, this.options.maxPerWindow), async (items) => {
      const records: RawRecord[] = [];
      for (const m of items) {
        const problem = meetingProblem(m);
        if (problem) {
          const id = typeof m?.MeetingID === 'string' && m.MeetingID ? up(m.MeetingID) : anonymous(m);
          this.aside.meeting.push(id);
          await this.run.setAsideRecord('meeting', id, problem, m);
          continue;
        }
        this.seen.meeting.add(up(m.MeetingID));
        records.push({ upstream: UPSTREAM, kind: 'meeting', sourceId: up(m.MeetingID), unitKey: `meeting:${up(m.MeetingID)}`, listedAt: this.instantOf(m.DateMeeting), raw: m });
      }
      const { changed } = await this.run.store.putRaw(records);
      await this.rebuildMeetings(changed.map((r) => r.raw as AhjoMeeting), this.today);
    });
  }

  private async rebuildMeetings(meetings: AhjoMeeting[], today: string): Promise<void> {
    const units: Unit[] = [];
    for (const m of meetings) {
      try {
        units.push(meetingUnit(this.city, meetingOf(this.city, m, today)));
      } catch (err) {
        await this.run.setAsideRecord('meeting', up(m.MeetingID), `does not map: ${(err as Error).message}`, m);
      }
    }
    await this.run.apply(units);
  }

  // ---- cases --------------------------------------------------------------------------------------

  private async cases(w: Window): Promise<void> {
    await this.walk(w, (p) => this.ahjo.cases({ handledsince: p.from, handledbefore: p.to }, this.options.maxPerWindow), async (items) => {
      const listings: RawRecord[] = [];
      for (const c of items) {
        const problem = caseProblem(c);
        if (problem) {
          const id = typeof c?.CaseID === 'string' && c.CaseID ? up(c.CaseID) : anonymous(c);
          this.aside.case.push(id);
          await this.run.setAsideRecord('case', id, problem, c);
          continue;
        }
        this.seen.case.add(up(c.CaseID));
        listings.push({ upstream: UPSTREAM, kind: 'case-listing', sourceId: up(c.CaseID), unitKey: `case:${up(c.CaseID)}`, listedAt: this.instantOf(c.Created), raw: c });
      }
      const { changed } = await this.run.store.putRaw(listings);
      // The detail carries Handlings and Records: fetch it for new and changed cases (all of them in a full run).
      const ids = listings.map((r) => r.sourceId);
      const withDetail = await this.run.store.rawHeld(UPSTREAM, 'case', ids);
      const changedIds = new Set(changed.map((r) => r.sourceId));
      await this.refreshCases(ids.filter((id) => this.run.full || changedIds.has(id) || !withDetail.has(id)));
    });
  }

  /** Fetches case details (a few at a time), stores them and rebuilds their units. */
  private async refreshCases(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 100) {
      this.run.checkStopped();
      const batch = ids.slice(i, i + 100);
      const details = await Promise.all(batch.map((id) => this.details.schedule(() => this.ahjo.case(id).then((c) => [id, c] as const))));
      const records: RawRecord[] = [];
      const missing: string[] = [];
      for (const [id, c] of details) {
        this.casesFetched.add(id);
        if (!c) {
          missing.push(id);
          continue;
        }
        const problem = caseProblem(c);
        if (problem) {
          await this.run.setAsideRecord('case', id, problem, c);
          continue;
        }
        records.push({ upstream: UPSTREAM, kind: 'case', sourceId: id, unitKey: `case:${id}`, listedAt: this.instantOf(c.Created), raw: c });
      }
      this.run.fetched += records.length;
      const { changed } = await this.run.store.putRaw(records);
      const units: Unit[] = [];
      for (const r of changed) {
        try {
          units.push(caseUnit(this.city, caseOf(this.city, r.raw as AhjoCase)));
        } catch (err) {
          await this.run.setAsideRecord('case', r.sourceId, `does not map: ${(err as Error).message}`, r.raw);
        }
      }
      // A case Ahjo no longer knows (404) is gone.
      await this.run.store.deleteRaw(UPSTREAM, 'case-listing', missing);
      await this.run.apply(units, await this.run.store.deleteRaw(UPSTREAM, 'case', missing));
    }
  }
}

/** The unit of a decision: its translations share one (case, meeting or decision maker and day, section). */
export function decisionUnitKey(city: MappingCity, d: AhjoDecision): string {
  return `decision:${translationKey(city, d) ?? up(d.NativeId)}`;
}
