/**
 * A municipality's sync from Notubiz: its organisations (their attribute labels) and their gremia, then
 * per period and organisation the `/events` list (`date_from`/`date_to` in local time; a period
 * holding more than the page cap is halved, never truncated). Notubiz lists meetings without their
 * agenda, so every new or changed event (the list item carries `last_modified`), and every event in
 * a full run, is fetched whole (`/events/meetings/{id}`) with the module items its agenda links.
 * The records are kept beside the rows mapped from them, one unit per meeting (mapping/rows.ts);
 * the case units a written meeting touches are rebuilt from the store after each period.
 *
 * Two things change without Notubiz changing anything, and are rebuilt from the stored records
 * (no request): a meeting becomes HELD, and so has decisions, once it has started (each run
 * rebuilds the meetings that started since the previous one); and a meeting's title and its
 * decisions depend on the organisation's labels and the gremium's title (all meetings are rebuilt
 * when those change). Incremental runs re-walk from the previous run's start minus the lookback:
 * Notubiz lists by meeting date, so a change to an older meeting is found by the next full run.
 *
 * A decision's committees (mapping/rows.ts committeesOfDecisions) come from the case references of
 * other meetings: a meeting unit is built with the references the store holds of its decisions' case
 * codes, and whenever a code's references change (its case is rebuilt) the meetings whose decisions
 * carry the code are rebuilt too (`relink`, which touches no case). So the links are right after
 * every flush, in whichever order the meetings came.
 */
import crypto from 'node:crypto';
import Bottleneck from 'bottleneck';
import { hashOf, Where, type Page, type RawRecord } from '../shared/store/store';
import type { Unit } from '../shared/store/rows';
import type { SyncRun, UpstreamHarvester } from '../shared/sync/runner';
import { localSqlParam, walkWindows, windowsOf, type Window } from '../shared/sync/windows';
import { localMillis } from '../shared/time';
import { NOT_PUBLISHED, type NotubizClient } from './upstream/notubiz';
import type { NotubizGremium, NotubizMeeting, NotubizModuleItem, NotubizOrganisation } from './upstream/types';
import { attributeLabelsOf, NOTUBIZ, type AttributeLabels, type NotubizCity } from './mapping/common';
import { gremiumBody, organisationBody } from './mapping/body';
import { meetingOf, type Meeting } from './mapping/meeting';
import { decisionsOfMeeting, type Decision } from './mapping/decision';
import { bodiesUnit, CASE_REFERENCE, caseGid, caseReferencesOf, caseUnit, caseUnitKey, committeesOfDecisions, meetingUnit, meetingUnitKey, unpublishedMeetingUnit, type CaseReference, type StoredDecision } from './mapping/rows';
import { eventProblem, gremiumProblem, meetingProblem, moduleItemProblem, organisationProblem } from './mapping/checks';

export const UPSTREAM = NOTUBIZ;

export interface NotubizSyncOptions {
  /** Largest period asked for at once, in months (smaller ones when a period holds too much). */
  windowMonths: number;
}

export function notubizHarvester(city: NotubizCity, notubiz: NotubizClient, url: string, options: NotubizSyncOptions): UpstreamHarvester {
  return {
    key: UPSTREAM,
    name: 'Notubiz API',
    url,
    // Notubiz lists meetings as soon as they are planned, up to the next year's calendar.
    aheadDays: 400,
    run: (run) => new NotubizSync(city, notubiz, run, options).all(),
  };
}

/** Raw record kinds. */
const EVENT = 'event';
const MEETING = 'meeting';
const MODULE_ITEM = 'module_item';

/** Units and cases written a batch at a time, so that no statement or memory grows with the city. */
const BATCH = 100;

const isPublic = (m: { permission_group?: string | null }) => (m.permission_group ?? 'public') === 'public';
const instantOf = (zone: string, local: string | null | undefined): string | null => {
  const ms = localMillis(local, zone);
  return ms === null ? null : new Date(ms).toISOString();
};
/** A record without a usable id is set aside under its content hash, so the same record is not counted twice. */
const anonymous = (raw: unknown) => `#${crypto.createHash('sha1').update(JSON.stringify(raw) ?? '').digest('hex').slice(0, 16)}`;
const idOf = (record: { id?: unknown } | null | undefined) => (typeof record?.id === 'number' && Number.isSafeInteger(record.id) && record.id > 0 ? String(record.id) : anonymous(record));
/** A module item is kept per meeting that links it (one meeting's unit never holds another's records). */
const moduleItemRawId = (meetingId: string, itemId: number | string) => `${meetingId}/${itemId}`;

/**
 * What is kept of an event Notubiz does not publish ("No rights to see this meeting"): enough to
 * place it in its period and to see it change, none of its content.
 */
export function unpublishedEvent(e: NotubizMeeting): NotubizMeeting & { published: false } {
  return {
    id: e.id,
    permission_group: e.permission_group ?? null,
    plannings: (e.plannings ?? []).slice(0, 1).map((p) => ({ start_date: p.start_date, end_date: null })),
    last_modified: e.last_modified ?? null,
    published: false,
  };
}

const isUnpublishedRecord = (raw: unknown) => (raw as { published?: boolean } | null)?.published === false;

/** Labels of each organisation's attribute fields, and every gremium's title: what mapping a meeting needs besides the meeting. */
interface Directory {
  labels: Map<number, AttributeLabels>;
  bodyNames: Map<string, string>;
}

class NotubizSync {
  private readonly details: Bottleneck;
  private readonly windows: Window[];
  /** The run's clock: a meeting that has started by now is HELD in the units this run writes. */
  private readonly now: string;
  private directory: Directory = { labels: new Map(), bodyNames: new Map() };
  /** Events already handled in this run (a period's end is inclusive: an event on it comes twice). */
  private readonly handled = new Set<string>();
  /** Events listed and mapped in this run: what the walked periods still hold. */
  private readonly kept = new Set<string>();
  private readonly aside = { event: [] as string[], meeting: [] as string[], module_item: [] as string[] };
  /** Meeting units written in this run, and case codes whose units are to be rebuilt. */
  private readonly rebuilt = new Set<string>();
  private readonly pendingCases = new Set<string>();

  constructor(
    private readonly city: NotubizCity,
    private readonly notubiz: NotubizClient,
    private readonly run: SyncRun,
    private readonly options: NotubizSyncOptions,
  ) {
    this.details = new Bottleneck({ maxConcurrent: Math.max(1, run.settings.concurrency) });
    this.windows = windowsOf(run.from, run.horizon, options.windowMonths, city.zone);
    this.now = run.startedAt.toISOString();
  }

  /**
   * Bodies, then period by period (oldest first) every organisation's events; after each period the
   * cases it touched are rebuilt and the backfill's resume point moves on. Then the meetings that
   * started since the previous run are rebuilt, and events of the walked periods that Notubiz no
   * longer lists are deleted.
   */
  async all(): Promise<void> {
    await this.bodies();
    const total = this.windows.length + 1;
    this.run.progress('organisations and gremia', 1, total);
    for (const [i, w] of this.windows.entries()) {
      for (const org of this.city.organisations) await this.events(org.id, w);
      await this.flushCases();
      this.run.progress(`${w.from.slice(0, 10)} … ${w.to.slice(0, 10)}`, i + 2, total);
      await this.run.saveResumePoint(w.to);
    }
    await this.rebuildStarted();
    await this.deleteUnlisted();
  }

  // ---- organisations and gremia -------------------------------------------------------------------

  /** The city's organisations (Notubiz lists every organisation it hosts) and their gremia: the bodies unit. */
  private async bodies(): Promise<void> {
    const { store } = this.run;
    const records: RawRecord[] = [];
    const aside = { organisation: [] as string[], gremium: [] as string[] };
    const ours = new Set(this.city.organisations.map((o) => String(o.id)));
    const organisations = (await this.notubiz.organisations()).filter((o) => ours.has(String(o?.['@attributes']?.id)));
    this.run.fetched += organisations.length;
    for (const o of organisations) {
      const problem = organisationProblem(o);
      if (problem) {
        aside.organisation.push(String(o['@attributes'].id));
        await this.run.setAsideRecord('organisation', String(o['@attributes'].id), problem, o);
        continue;
      }
      records.push({ upstream: UPSTREAM, kind: 'organisation', sourceId: o['@attributes'].id, unitKey: 'bodies', listedAt: null, raw: o });
    }
    for (const org of this.city.organisations) {
      this.run.checkStopped();
      const gremia = await this.notubiz.gremia(org.id);
      this.run.fetched += gremia.length;
      const good: NotubizGremium[] = [];
      for (const g of gremia) {
        const problem = gremiumProblem(g);
        if (!problem) {
          good.push(g);
          continue;
        }
        const id = `${org.id}-${idOf(g)}`;
        aside.gremium.push(id);
        await this.run.setAsideRecord('gremium', id, problem, g);
      }
      records.push({ upstream: UPSTREAM, kind: 'gremia', sourceId: String(org.id), unitKey: 'bodies', listedAt: null, raw: good });
    }
    const heldBefore = (await store.rawOfKind(UPSTREAM, 'gremia')).length > 0;
    const { changed } = await store.putRaw(records);
    const listed = new Set(records.filter((r) => r.kind === 'organisation').map((r) => r.sourceId));
    const gone = (await store.rawOfKind(UPSTREAM, 'organisation')).filter((r) => !listed.has(r.sourceId)).map((r) => r.sourceId);
    await store.deleteRaw(UPSTREAM, 'organisation', gone);
    await store.pruneSetAside(UPSTREAM, 'organisation', aside.organisation);
    await store.pruneSetAside(UPSTREAM, 'gremium', aside.gremium);

    const raws = await store.rawOfUnits(UPSTREAM, ['bodies']);
    const orgRaws = raws.filter((r) => r.kind === 'organisation').map((r) => r.raw as NotubizOrganisation);
    const gremia = raws.filter((r) => r.kind === 'gremia').map((r) => ({ org: Number(r.sourceId), list: r.raw as NotubizGremium[] }));
    const bodies = [...this.city.organisations.map((o) => organisationBody(this.city, o)), ...gremia.flatMap(({ org, list }) => list.map((g) => gremiumBody(this.city, org, g)))];
    this.directory = {
      labels: new Map(this.city.organisations.map((o) => [o.id, attributeLabelsOf(orgRaws, o.id)])),
      bodyNames: new Map(bodies.map((b) => [b.sourceId, b.name])),
    };
    const bodiesChanged = changed.length > 0 || gone.length > 0;
    if (bodiesChanged || this.run.full) await this.run.apply([bodiesUnit(this.city, bodies)]);
    // Labels make meeting titles, gremium titles make decisions: meetings mapped with the old ones are rebuilt.
    if (bodiesChanged && heldBefore) await this.rebuildMeetings((await store.rawOfKind(UPSTREAM, EVENT)).map((r) => r.unitKey));
  }

  // ---- events -------------------------------------------------------------------------------------

  /** One organisation's events of a period, halving the period when it holds more than the page cap. */
  private async events(organisationId: number, w: Window): Promise<void> {
    await walkWindows(
      [w],
      (p) => this.notubiz.events(organisationId, localSqlParam(p.from, this.city.zone), localSqlParam(p.to, this.city.zone)),
      async (p, items) => {
        this.run.checkStopped();
        this.run.fetched += items.length;
        await this.listed(p, items);
      },
    );
  }

  /** The events of one listed period: set aside what does not map, refresh what is new or changed. */
  private async listed(p: Window, items: NotubizMeeting[]): Promise<void> {
    const held = new Map((await this.run.store.rawInWindow(UPSTREAM, EVENT, p.from, p.to)).map((r) => [r.sourceId, r.hash]));
    const fresh: NotubizMeeting[] = [];
    for (const e of items) {
      const problem = eventProblem(this.city.zone, e);
      if (problem) {
        const id = idOf(e);
        if (this.handled.has(id)) continue;
        this.handled.add(id);
        this.aside.event.push(id);
        await this.discard([id]);
        await this.run.setAsideRecord(EVENT, id, problem, e);
        continue;
      }
      const id = String(e.id);
      if (this.handled.has(id)) continue;
      this.handled.add(id);
      this.kept.add(id);
      const before = held.get(id);
      const unchanged = before !== undefined && (before === hashOf(e) || before === hashOf(unpublishedEvent(e)));
      if (this.run.full || !unchanged) fresh.push(e);
    }
    for (let i = 0; i < fresh.length; i += BATCH) await this.refresh(fresh.slice(i, i + BATCH));
  }

  /**
   * Fetches the detail and module items of new or changed events (a few requests at a time), keeps
   * them, and rebuilds their units. An event is stored only with its detail, so an event whose
   * detail a failed run did not fetch is new again to the next run.
   */
  private async refresh(events: NotubizMeeting[]): Promise<void> {
    const { store } = this.run;
    this.run.checkStopped();
    const keys = events.map((e) => meetingUnitKey(e.id));
    const before = await store.rawOfUnits(UPSTREAM, keys);
    const details = await Promise.all(
      events.map((e) => (isPublic(e) ? this.details.schedule(() => this.notubiz.meeting(e.id)) : Promise.resolve(NOT_PUBLISHED))),
    );
    const records: RawRecord[] = [];
    const stale = { meeting: [] as string[], module_item: [] as string[] };
    const written: string[] = [];
    const broken: Array<{ id: string; problem: string; detail: NotubizMeeting }> = [];
    await Promise.all(events.map(async (e, i) => {
      const id = String(e.id);
      const key = meetingUnitKey(id);
      const listedAt = instantOf(this.city.zone, e.plannings![0].start_date);
      let detail = details[i];
      // A detail that is not public after all is not kept either.
      if (detail !== null && detail !== NOT_PUBLISHED && !isPublic(detail)) detail = NOT_PUBLISHED;
      const items: RawRecord[] = [];
      if (detail !== null && detail !== NOT_PUBLISHED) {
        this.run.fetched++;
        const problem = meetingProblem(this.city.zone, detail, e.id);
        if (problem) {
          broken.push({ id, problem, detail });
          return;
        }
        items.push(...await this.moduleItems(id, detail));
        records.push({ upstream: UPSTREAM, kind: MEETING, sourceId: id, unitKey: key, listedAt, raw: detail });
      } else {
        // Not published, or listed without a detail (404): no detail and no module items are kept.
        stale.meeting.push(id);
      }
      const keptItems = new Set(items.map((r) => r.sourceId));
      stale.module_item.push(...before.filter((r) => r.unitKey === key && r.kind === MODULE_ITEM && !keptItems.has(r.sourceId)).map((r) => r.sourceId));
      records.push(...items, { upstream: UPSTREAM, kind: EVENT, sourceId: id, unitKey: key, listedAt, raw: detail === NOT_PUBLISHED ? unpublishedEvent(e) : e });
      written.push(key);
    }));
    await store.putRaw(records);
    await store.clearSetAside(UPSTREAM, MODULE_ITEM, records.filter((r) => r.kind === MODULE_ITEM).map((r) => r.sourceId));
    await store.deleteRaw(UPSTREAM, MEETING, stale.meeting);
    await store.deleteRaw(UPSTREAM, MODULE_ITEM, stale.module_item);
    for (const code of caseCodesOfRecords(this.city, before)) this.pendingCases.add(code);
    await this.rebuildMeetings(written);
    // A meeting whose detail does not map is not served (what the store held of it goes), and is set aside.
    await this.discard(broken.map((b) => b.id));
    for (const { id, problem, detail } of broken) {
      this.kept.delete(id);
      this.aside.meeting.push(id);
      await this.run.setAsideRecord(MEETING, id, problem, detail);
    }
  }

  /** The module items a meeting's agenda links, fetched; those that do not map are set aside. */
  private async moduleItems(meetingId: string, detail: NotubizMeeting): Promise<RawRecord[]> {
    const selfs = [...new Set(meetingOf(this.city, detail, new Map(), this.now).allItems.flatMap((i) => i.moduleItemSelfs))];
    const fetched = await Promise.all(selfs.map((self) => this.details.schedule(() => this.notubiz.moduleItem(self))));
    const out: RawRecord[] = [];
    for (const x of fetched) {
      if (!x) continue; // gone from Notubiz (404): the link leads nowhere
      this.run.fetched++;
      const problem = moduleItemProblem(x);
      const sourceId = moduleItemRawId(meetingId, idOf(x));
      if (problem) {
        this.aside.module_item.push(sourceId);
        await this.run.setAsideRecord(MODULE_ITEM, sourceId, problem, x);
        continue;
      }
      if (!out.some((r) => r.sourceId === sourceId)) out.push({ upstream: UPSTREAM, kind: MODULE_ITEM, sourceId, unitKey: meetingUnitKey(meetingId), listedAt: null, raw: x });
    }
    return out;
  }

  // ---- units --------------------------------------------------------------------------------------

  /**
   * Rebuilds meeting units from their stored records (no request): the meeting, agenda, documents,
   * decisions as of the run's clock, module items and case references; a unit without its event
   * is removed. The cases of the new references are rebuilt after the period.
   */
  private async rebuildMeetings(unitKeys: string[], relink = false): Promise<void> {
    const keys = [...new Set(unitKeys)];
    for (let i = 0; i < keys.length; i += BATCH) {
      const batch = keys.slice(i, i + BATCH);
      const raws = await this.run.store.rawOfUnits(UPSTREAM, batch);
      const units: Unit[] = [];
      const remove: string[] = [];
      const mapped: string[] = [];
      // Mapped first, then built with the stored references of the decisions' case codes (their committees).
      const built: Array<{ key: string; sourceId: string; raw: NotubizMeeting; meeting: Meeting; decisions: Decision[]; moduleItems: Map<string, NotubizModuleItem> }> = [];
      for (const key of batch) {
        this.rebuilt.add(key);
        const group = raws.filter((r) => r.unitKey === key);
        const event = group.find((r) => r.kind === EVENT);
        if (!event) {
          remove.push(key);
          continue;
        }
        if (isUnpublishedRecord(event.raw)) {
          units.push(unpublishedMeetingUnit(this.city, event.sourceId));
          mapped.push(event.sourceId);
          continue;
        }
        const raw = (group.find((r) => r.kind === MEETING)?.raw ?? event.raw) as NotubizMeeting;
        try {
          const meeting = meetingOf(this.city, raw, this.directory.labels.get(raw.organisation?.id ?? 0) ?? new Map(), this.now);
          const moduleItems = new Map(group.filter((r) => r.kind === MODULE_ITEM).map((r) => [String((r.raw as NotubizModuleItem).id), r.raw as NotubizModuleItem]));
          const decisions = decisionsOfMeeting(this.city, meeting, meeting.bodySourceId ? this.directory.bodyNames.get(meeting.bodySourceId) : null, moduleItems);
          built.push({ key, sourceId: event.sourceId, raw, meeting, decisions, moduleItems });
        } catch (err) {
          await this.run.setAsideRecord(MEETING, event.sourceId, `does not map: ${(err as Error).message}`, raw);
          remove.push(key);
        }
      }
      const references = await this.referencesOf([...new Set(built.flatMap((b) => b.decisions.flatMap((d) => d.caseCodes)))]);
      for (const { key, sourceId, raw, meeting, decisions, moduleItems } of built) {
        try {
          const refs = [...new Set(decisions.flatMap((d) => d.caseCodes))].flatMap((code) => references.get(code) ?? []);
          units.push(meetingUnit(this.city, meeting, decisions, moduleItems, committeesOfDecisions(this.city, meeting, decisions, refs)));
          // A relink rebuilds from unchanged records: its case references are as they were.
          if (!relink) for (const ref of caseReferencesOf(meeting)) this.pendingCases.add(ref.caseCode);
          mapped.push(sourceId);
        } catch (err) {
          await this.run.setAsideRecord(MEETING, sourceId, `does not map: ${(err as Error).message}`, raw);
          remove.push(key);
        }
      }
      await this.run.apply(units, remove);
      await this.run.store.clearSetAside(UPSTREAM, EVENT, mapped);
      await this.run.store.clearSetAside(UPSTREAM, MEETING, mapped);
    }
  }

  /** Rebuilds the units of the cases touched since the last flush, from their references in the store. */
  private async flushCases(): Promise<void> {
    const codes = [...this.pendingCases];
    this.pendingCases.clear();
    for (let i = 0; i < codes.length; i += BATCH) {
      const batch = codes.slice(i, i + BATCH);
      const references = await this.referencesOf(batch);
      const units: Unit[] = [];
      const remove: string[] = [];
      for (const code of batch) {
        const refs = references.get(code);
        if (refs?.length) units.push(caseUnit(this.city, code, refs));
        else remove.push(caseUnitKey(code));
      }
      await this.run.apply(units, remove);
      await this.relink(batch);
    }
  }

  /** Rebuilds the meetings whose decisions carry these case codes: their committees may have changed with the codes' references. */
  private async relink(codes: string[]): Promise<void> {
    const where = new Where().add('case_ids && ?::text[]', codes.map((code) => caseGid(this.city, code)));
    const keys = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const page: Page<StoredDecision> = await this.run.store.list<StoredDecision>({ table: 'decisions', where, order: 'name', first: 500, after });
      for (const d of page.nodes) keys.add(meetingUnitKey(d.meetingSourceId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    await this.rebuildMeetings([...keys], true);
  }

  /** Every case reference of these case codes, read a page at a time through the (kind, parent_id) index. */
  private async referencesOf(codes: string[]): Promise<Map<string, CaseReference[]>> {
    if (!codes.length) return new Map();
    const where = new Where().add('kind = ?', CASE_REFERENCE).add('parent_id = ANY(?::text[])', codes.map((code) => caseGid(this.city, code)));
    const out = new Map<string, CaseReference[]>();
    let after: string | null = null;
    for (;;) {
      const page: Page<CaseReference> = await this.run.store.list<CaseReference>({ table: 'extras', where, order: 'name', first: 500, after });
      for (const ref of page.nodes) out.set(ref.caseCode, [...(out.get(ref.caseCode) ?? []), ref]);
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  }

  /**
   * Meetings that have started since the previous run are HELD now, and may have decisions: their
   * units are rebuilt from the stored records (unchanged rows are not rewritten).
   */
  private async rebuildStarted(): Promise<void> {
    const since = this.run.state.syncedAt;
    if (!since) return; // the first run built every meeting with this run's clock
    const started = await this.run.store.rawInWindow(UPSTREAM, EVENT, since, this.now);
    await this.rebuildMeetings(started.map((r) => r.unitKey).filter((key) => !this.rebuilt.has(key)));
    await this.flushCases();
  }

  /**
   * Deletes what the store holds of these meetings (records and rows; their cases are rebuilt at the
   * next flush). Deleting records also forgets their earlier set-aside entries: a record set aside
   * anew is set aside after this.
   */
  private async discard(ids: string[]): Promise<void> {
    const { store } = this.run;
    if (ids.length === 0) return;
    const keys = ids.map(meetingUnitKey);
    const before = await store.rawOfUnits(UPSTREAM, keys);
    if (before.length === 0) return;
    for (const code of caseCodesOfRecords(this.city, before)) this.pendingCases.add(code);
    await store.deleteRaw(UPSTREAM, EVENT, ids);
    await store.deleteRaw(UPSTREAM, MEETING, ids);
    await store.deleteRaw(UPSTREAM, MODULE_ITEM, before.filter((r) => r.kind === MODULE_ITEM).map((r) => r.sourceId));
    await this.run.apply([], keys);
  }

  /** Events of the walked periods that Notubiz no longer lists are gone here too. */
  private async deleteUnlisted(): Promise<void> {
    const { store, from, horizon, full } = this.run;
    const unlisted = (await store.rawInWindow(UPSTREAM, EVENT, from, horizon)).filter((r) => !this.kept.has(r.sourceId));
    for (let i = 0; i < unlisted.length; i += BATCH) await this.discard(unlisted.slice(i, i + BATCH).map((r) => r.sourceId));
    await this.flushCases();
    if (full) {
      // A full run met every record of its periods: set-aside records it did not meet are gone or fixed.
      await store.pruneSetAside(UPSTREAM, EVENT, [...this.kept, ...this.aside.event]);
      await store.pruneSetAside(UPSTREAM, MEETING, [...this.kept, ...this.aside.meeting]);
      await store.pruneSetAside(UPSTREAM, MODULE_ITEM, this.aside.module_item);
    }
  }
}

/** The case codes the stored meeting details carried (their cases are rebuilt when the meeting changes or goes). */
function caseCodesOfRecords(city: NotubizCity, records: Array<{ kind: string; raw: unknown }>): string[] {
  const codes = new Set<string>();
  for (const r of records) {
    if (r.kind !== MEETING) continue;
    try {
      for (const ref of caseReferencesOf(meetingOf(city, r.raw as NotubizMeeting, new Map(), new Date(0).toISOString()))) codes.add(ref.caseCode);
    } catch {
      // a record that no longer maps held no cases the store knows of
    }
  }
  return [...codes];
}
