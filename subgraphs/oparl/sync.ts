/**
 * The sync from OParl: the System, its Body (the city), then the Body's lists of organizations,
 * persons, meetings and papers, each page after page by `links.next`. Agenda items come embedded in
 * their meeting and consultations in their paper (spec: embedded objects are read where they are
 * embedded), memberships in their person; the Body's separate agendaItem/consultation/file/membership
 * lists are not read, since they repeat those objects.
 *
 * A full run reads every list whole and deletes what the store holds but the lists no longer give.
 * An incremental run asks each list only for what changed since the previous run (`modified_since`,
 * minus the lookback, as a full date-time): changed objects replace their units, and objects the
 * server marks `deleted: true` are removed with everything mapped from them.
 *
 * A decision's committees (mapping/rows.ts committeesOfDecisions) come from its paper's consultations,
 * another unit: a meeting unit is built with the consultations the store holds, and after the paper
 * list the meetings that a new, changed or deleted paper consults (before and after the change) are
 * rebuilt from their stored records. So the links are right at the end of every run, whatever came
 * first; a full run builds those meetings twice (meetings are listed before papers).
 */
import crypto from 'node:crypto';
import { Where, type Page, type RawRecord } from '../shared/store/store';
import type { Unit } from '../shared/store/rows';
import type { SyncRun, UpstreamHarvester } from '../shared/sync/runner';
import { todayIn } from '../shared/time';
import { chooseBody, type ListFilter, type OParlClient } from './upstream/oparl';
import type { OParlBody, OParlMeeting, OParlObject, OParlOrganization, OParlPaper, OParlPerson } from './upstream/types';
import { OPARL, relOf, type OParlCity } from './mapping/common';
import { bodyTypeOf, organizationBody } from './mapping/body';
import { membershipsOf, personOf } from './mapping/person';
import { meetingOf, type MappedMeeting } from './mapping/meeting';
import { paperOf, type ConsultationDoc } from './mapping/paper';
import { bodyUnit, committeesOfDecisions, CONSULTATION, meetingUnit, paperUnit, personUnit, unitKeyOf, type Kind } from './mapping/rows';
import { gid } from './mapping/common';

export const UPSTREAM = OPARL;

/** Objects mapped and written a batch at a time (a page is at most this big on most servers). */
const BATCH = 100;

export interface OParlSyncOptions {
  /** Which Body of the System is the city (settings.bodyId). */
  bodyId?: string;
}

export function oparlHarvester(client: OParlClient, city: OParlCity, url: string, options: OParlSyncOptions): UpstreamHarvester {
  return {
    key: UPSTREAM,
    name: 'OParl API',
    url,
    // Meetings are planned months ahead.
    aheadDays: 400,
    run: (run) => new OParlSync(client, city, run, options).all(),
  };
}

/** The Body's lists the sync reads, in order, with the Body property that names each. */
const LISTS: Array<{ kind: Kind; property: 'organization' | 'person' | 'meeting' | 'paper' }> = [
  { kind: 'organization', property: 'organization' },
  { kind: 'person', property: 'person' },
  { kind: 'meeting', property: 'meeting' },
  { kind: 'paper', property: 'paper' },
];

/** What the type URL must end with for each list (`https://schema.oparl.org/1.1/Meeting`). */
const TYPE_NAMES: Record<Kind, string> = { organization: 'Organization', person: 'Person', meeting: 'Meeting', paper: 'Paper' };

const anonymous = (raw: unknown) => `#${crypto.createHash('sha1').update(JSON.stringify(raw) ?? '').digest('hex').slice(0, 16)}`;

class OParlSync {
  private readonly today: string;
  /** Meetings whose decisions' committees may have changed with a paper (source ids of meetings, and of agenda items whose meeting the paper does not name). */
  private readonly relinkMeetings = new Set<string>();
  private readonly relinkItems = new Set<string>();

  constructor(
    private readonly client: OParlClient,
    private readonly city: OParlCity,
    private readonly run: SyncRun,
    private readonly options: OParlSyncOptions,
  ) {
    this.today = todayIn(city.zone);
  }

  async all(): Promise<void> {
    const system = await this.client.system();
    const bodies = await this.client.all<OParlBody>(system.body);
    this.run.fetched += bodies.length;
    const body = chooseBody(bodies, this.options.bodyId, this.city.base);
    // Incremental: only what changed since the previous run started (minus the lookback).
    const filter: ListFilter = this.run.full ? {} : { modified_since: this.run.from };
    for (const [i, list] of LISTS.entries()) {
      this.run.progress(`${list.kind} list`, i, LISTS.length);
      const url = body[list.property];
      if (typeof url !== 'string' || !url) throw this.client.http.badResponse(`GET ${body.id}`, `answered a Body without its "${list.property}" list URL`);
      await this.list(list.kind, url, filter);
    }
    await this.relink();
    this.run.progress('done', LISTS.length, LISTS.length);
  }

  /** One list, page by page; in a full run, what the store holds of the kind but the list no longer gave is deleted after it. */
  private async list(kind: Kind, url: string, filter: ListFilter): Promise<void> {
    const listed = new Set<string>();
    const aside: string[] = [];
    for await (const page of this.client.pages<OParlObject>(url, filter)) {
      this.run.checkStopped();
      this.run.fetched += page.data.length;
      const live: OParlObject[] = [];
      const gone: string[] = [];
      for (const raw of page.data) {
        const problem = problemOf(kind, raw);
        if (problem) {
          const id = raw && typeof raw === 'object' && typeof raw.id === 'string' ? relOf(this.city, raw.id) : anonymous(raw);
          aside.push(id);
          await this.run.setAsideRecord(kind, id, problem, raw);
          continue;
        }
        const id = relOf(this.city, raw.id);
        if (raw.deleted === true) gone.push(id);
        else {
          listed.add(id);
          live.push(raw);
        }
      }
      for (let i = 0; i < live.length; i += BATCH) await this.write(kind, live.slice(i, i + BATCH));
      if (gone.length) await this.remove(kind, gone);
    }
    if (this.run.full) {
      const held = await this.run.store.rawOfKind(UPSTREAM, kind);
      await this.remove(kind, held.map((r) => r.sourceId).filter((id) => !listed.has(id)));
      await this.run.store.pruneSetAside(UPSTREAM, kind, aside);
    }
  }

  /** Keeps the records and rebuilds the units of those that are new or changed (all of them in a full run). */
  private async write(kind: Kind, objects: OParlObject[]): Promise<void> {
    const records: RawRecord[] = objects.map((o) => {
      const sourceId = relOf(this.city, o.id);
      return { upstream: UPSTREAM, kind, sourceId, unitKey: unitKeyOf(kind, sourceId), listedAt: null, raw: o };
    });
    if (kind === 'paper') await this.noteConsulted(records.map((r) => r.unitKey));
    const { changed } = await this.run.store.putRaw(records);
    await this.run.store.clearSetAside(UPSTREAM, kind, records.map((r) => r.sourceId));
    const rebuild = this.run.full ? records : changed;
    if (kind === 'paper') for (const r of rebuild) this.noteConsultations(r.raw as OParlPaper);
    if (!rebuild.length) return;
    if (kind === 'meeting') await this.run.apply(await this.meetingUnits(rebuild.map((r) => r.raw as OParlMeeting)));
    else await this.run.apply(rebuild.map((r) => this.unitOf(kind, r.raw as OParlObject)));
  }

  // ---- a decision's committees (its paper's consultations) -------------------------------------------

  /** The meetings a paper's consultations name (or the agenda items, when they name no meeting): to be relinked. */
  private noteConsultations(p: OParlPaper): void {
    for (const x of Array.isArray(p?.consultation) ? p.consultation : []) {
      if (!x || typeof x !== 'object') continue;
      if (typeof x.meeting === 'string') this.relinkMeetings.add(relOf(this.city, x.meeting));
      else if (typeof x.agendaItem === 'string') this.relinkItems.add(relOf(this.city, x.agendaItem));
    }
  }

  /** What the stored versions of these papers consulted (before they change or go). */
  private async noteConsulted(paperUnitKeys: string[]): Promise<void> {
    for (const r of await this.run.store.rawOfUnits(UPSTREAM, paperUnitKeys)) if (r.kind === 'paper') this.noteConsultations(r.raw as OParlPaper);
  }

  /** Meeting units with each decision's committees, from the consultations the store holds of their papers. */
  private async meetingUnits(raws: OParlMeeting[]): Promise<Unit[]> {
    const mapped: MappedMeeting[] = raws.map((raw) => meetingOf(this.city, raw));
    const decisions = mapped.flatMap((m) => m.decisions);
    const consultations = await this.consultationsOf(decisions);
    return mapped.map((m) => meetingUnit(this.city, m, committeesOfDecisions(this.city, m.decisions, consultations)));
  }

  /** Every stored consultation of the papers these decisions' agenda items (or consultations) belong to. */
  private async consultationsOf(decisions: MappedMeeting['decisions']): Promise<ConsultationDoc[]> {
    if (!decisions.length) return [];
    const own = await this.extras(new Where().add('kind = ?', CONSULTATION).add('(source_id = ANY(?::text[]) OR id = ANY(?::text[]))',
      decisions.map((d) => d.sourceId), decisions.flatMap((d) => (d.consultationSourceId ? [gid(this.city, 'consultation', d.consultationSourceId)] : []))));
    const papers = [...new Set(own.map((x) => gid(this.city, 'case', x.paperSourceId)))];
    return papers.length ? this.extras(new Where().add('kind = ?', CONSULTATION).add('parent_id = ANY(?::text[])', papers)) : [];
  }

  private async extras(where: Where): Promise<ConsultationDoc[]> {
    const out: ConsultationDoc[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page<ConsultationDoc> = await this.run.store.list<ConsultationDoc>({ table: 'extras', where, order: 'name', first: 500, after });
      out.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  }

  /** Rebuilds, from their stored records, the meetings whose papers were written or removed in this run. */
  private async relink(): Promise<void> {
    if (this.relinkItems.size) {
      // An agenda item's meeting is the one whose unit holds its decision.
      const where = new Where().add('id = ANY(?::text[])', [...this.relinkItems].map((id) => gid(this.city, 'decision', id)));
      const page = await this.run.store.list<{ meetingSourceId: string }>({ table: 'decisions', where, order: 'name', first: this.relinkItems.size });
      for (const d of page.nodes) this.relinkMeetings.add(d.meetingSourceId);
    }
    const keys = [...this.relinkMeetings].map((id) => unitKeyOf('meeting', id));
    this.relinkMeetings.clear();
    this.relinkItems.clear();
    for (let i = 0; i < keys.length; i += BATCH) {
      const raws = (await this.run.store.rawOfUnits(UPSTREAM, keys.slice(i, i + BATCH))).filter((r) => r.kind === 'meeting');
      if (raws.length) await this.run.apply(await this.meetingUnits(raws.map((r) => r.raw as OParlMeeting)));
    }
  }

  /** Objects the server deleted (or no longer lists): their records and every row mapped from them. */
  private async remove(kind: Kind, sourceIds: string[]): Promise<void> {
    if (!sourceIds.length) return;
    if (kind === 'paper') await this.noteConsulted(sourceIds.map((id) => unitKeyOf(kind, id)));
    await this.run.store.deleteRaw(UPSTREAM, kind, sourceIds);
    await this.run.apply([], sourceIds.map((id) => unitKeyOf(kind, id)));
  }

  private unitOf(kind: Kind, raw: OParlObject): Unit {
    const c = this.city;
    switch (kind) {
      case 'organization': {
        const o = raw as OParlOrganization;
        return bodyUnit(c, organizationBody(c, o), bodyTypeOf(o.classification, o.organizationType).unmapped, this.today);
      }
      case 'person': {
        const p = raw as OParlPerson;
        return personUnit(c, personOf(c, p), membershipsOf(c, p));
      }
      case 'meeting':
        return meetingUnit(c, meetingOf(c, raw as OParlMeeting));
      case 'paper':
        return paperUnit(c, paperOf(c, raw as OParlPaper));
    }
  }
}

/** Why a list entry cannot be mapped, or null: it needs an id (its URL) and, when typed, the list's type. */
export function problemOf(kind: Kind, raw: unknown): string | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'not an object';
  const o = raw as OParlObject;
  if (typeof o.id !== 'string' || !/^https?:\/\//.test(o.id)) return 'no id (the object\'s URL)';
  if (o.type !== undefined && (typeof o.type !== 'string' || !o.type.endsWith(`/${TYPE_NAMES[kind]}`))) return `type ${JSON.stringify(o.type)} in the ${kind} list`;
  return null;
}
