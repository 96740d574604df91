/**
 * A Decidim city's sync: each upstream its own harvester with its own state, errors and `sources`
 * entry — one per plenary file (a city with plenary files only), then Decidim.
 *
 * - each plenary file (Barcelona's `mandat_actual`, `mandat_2019_2023`): a conditional GET of the file (a 304 means nothing
 *   changed: nothing is written). A changed file is parsed whole (the checks of upstream/plenary.ts:
 *   not HTML, header right, parses — else the sync fails and the rows of the last good file keep
 *   serving); its agreement rows are compared with the raw rows held, and only the sessions holding a
 *   new, changed or removed row are rewritten (their unchanged rows are left alone). Cases (proposal
 *   references) may span both files: the case of every reference a changed row carries, before or
 *   after, is rebuilt from this file's decisions and the other file's stored ones. Rows the parser
 *   cannot place are set aside with their line and reason, and reported in `sources.unplacedRows`;
 *   values it places but does not recognise are written with their session (unmapped_values) and
 *   counted in `sources.unmappedValues`.
 * - `decidim`: the whole snapshot (upstream/decidim.ts: spaced by the client-side limiter, paged);
 *   new and changed records are rewritten, and whatever is no longer in the snapshot is deleted.
 *
 * The raw records held are written last in every step: a sync interrupted half way finds the same
 * changes again on its next run.
 */
import crypto from 'node:crypto';
import { hashOf, type RawRecord } from '../shared/store/store';
import type { Unit } from '../shared/store/rows';
import type { SyncRun, UpstreamHarvester } from '../shared/sync/runner';
import { todayIn } from '../shared/time';
import type { PlenaryAgreement } from './mapping/plenary';
import { decisionsOf, type PlenaryDecision } from './mapping/decision';
import type { DecidimCity } from './mapping/city';
import { meetingOf, processOf, proposalOf, resultOf } from './mapping/decidim';
import { meetingProblem, processProblem, proposalProblem, resultProblem } from './mapping/checks';
import {
  caseGid,
  caseRefsOf,
  caseUnit,
  caseUnitKey,
  councilUnit,
  decidimMeetingUnit,
  decidimMeetingUnitKey,
  processUnit,
  processUnitKey,
  proposalUnit,
  proposalUnitKey,
  resultUnit,
  resultUnitKey,
  sessionUnit,
  sessionUnitKey,
  type PlenaryCase,
  type StoredDecision,
} from './mapping/rows';
import type { PlenaryFileClient, PlenaryFileSpec } from './upstream/plenary';
import type { DecidimClient, DecidimInstance, DecidimItem } from './upstream/decidim';

/** The kind of a plenary file's raw records and of the rows it sets aside. */
export const PLENARY_ROW = 'plenary-row';
export const DECIDIM = 'decidim';
/** Raised when the mapping changes: the next sync maps every record again (a file is downloaded even if unchanged). */
export const MAPPING_VERSION = 4; // 2: the real file shapes (issue 11), ABSENT, unmapped values; 3: stored kinds with the adapter's prefix (Decidim…); 4: Decidim releases 0.27–0.31, public URLs
/** Units written per transaction, so that one write stays small and readers do not wait long. */
const BATCH = 200;
/**
 * When the planner's statistics are refreshed during a run (Store.analyze: PGlite has no autovacuum;
 * the runner refreshes them after a run). Without it a backfill plans every query as on empty tables:
 * whole tables are scanned (and their out-of-line values read) for lookups an index answers.
 */
const ANALYZE_FIRST = 5000;

/** What a plenary file's harvester keeps between runs besides its validators (read by `sources`). */
export interface PlenaryFileExtra {
  mapping: number;
  /** The file's Last-Modified, as the server sent it. */
  lastModified: string | null;
  /** When the sync last fetched or revalidated it. */
  checkedAt: string;
  latestSessionDate: string | null;
  /** Agreements read from the file. */
  rows: number;
  unplacedRows: Array<{ line: number; reason: string }>;
}

export interface DecidimExtra {
  mapping: number;
  checkedAt: string;
  /** GraphQL requests the last snapshot took. */
  requests: number;
  /** What the last snapshot learnt of the instance: its version (null when hidden) and the query set read with. */
  instance?: DecidimInstance;
}

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows changed by a run when the statistics were last refreshed. */
const analyzedAt = new WeakMap<SyncRun, number>();
const changedRows = (run: SyncRun) => run.written + run.deleted;

/** Writes units (see SyncRun.apply), refreshing the statistics as the tables fill. */
async function apply(run: SyncRun, units: Unit[], remove: string[] = []): Promise<void> {
  await run.apply(units, remove);
  // At 5,000 rows changed, then each time they have grown fourfold: a few refreshes per backfill.
  if (changedRows(run) >= Math.max(ANALYZE_FIRST, 4 * (analyzedAt.get(run) ?? 0))) {
    await run.store.analyze();
    analyzedAt.set(run, changedRows(run));
  }
}

async function applyInBatches(run: SyncRun, units: Unit[], remove: string[] = []): Promise<void> {
  for (const batch of chunks(units)) await apply(run, batch);
  for (const batch of chunks(remove)) await apply(run, [], batch);
}

// ---- the plenary files ------------------------------------------------------------------------------

export function plenaryHarvester(city: DecidimCity, client: PlenaryFileClient, spec: PlenaryFileSpec): UpstreamHarvester {
  return {
    key: spec.key,
    name: `${city.name} plenary file ${spec.name}`,
    url: client.url(spec),
    // The files list held sessions only.
    aheadDays: 0,
    run: (run) => syncPlenaryFile(city, run, client, spec),
  };
}

async function syncPlenaryFile(city: DecidimCity, run: SyncRun, client: PlenaryFileClient, spec: PlenaryFileSpec): Promise<void> {
  const { store, state } = run;
  const before = state.extra as Partial<PlenaryFileExtra>;
  const remap = before.mapping !== MAPPING_VERSION;
  run.progress(`GET ${spec.name}`, 0, 2);
  // A full run (daily, or when the file moved) downloads the file even if its validators still match.
  const answer = await client.fetch(spec, remap || run.full ? undefined : state.validators[spec.name]);
  const checkedAt = new Date().toISOString();
  if (answer.status === 304) {
    state.extra.checkedAt = checkedAt;
    return;
  }
  const { parsed } = answer;
  run.fetched += parsed.agreements.length + parsed.unplaced.length;
  const decisions = decisionsOf(city, parsed.agreements, () => client.url(spec));
  const sessions = new Map<string, PlenaryDecision[]>();
  for (const d of decisions) {
    const key = sessionUnitKey(spec.key, d.agreement.sessionRef);
    const list = sessions.get(key);
    if (list) list.push(d);
    else sessions.set(key, [d]);
  }
  const records: RawRecord[] = decisions.map((d) => ({ upstream: spec.key, kind: PLENARY_ROW, sourceId: d.sourceId, unitKey: sessionUnitKey(spec.key, d.agreement.sessionRef), listedAt: null, raw: d.agreement }));

  // The rows that are new, changed or gone since the rows held.
  const held = new Map((await store.rawOfKind(spec.key, PLENARY_ROW)).map((r) => [r.sourceId, r]));
  const changed = records.filter((r) => {
    const h = held.get(r.sourceId);
    return remap || !h || h.unitKey !== r.unitKey || h.hash !== hashOf(r.raw);
  });
  const present = new Set(records.map((r) => r.sourceId));
  const gone = [...held.values()].filter((h) => !present.has(h.sourceId));
  const touched = new Set([...changed.map((r) => r.unitKey), ...changed.flatMap((r) => held.get(r.sourceId)?.unitKey ?? []), ...gone.map((g) => g.unitKey)]);

  // Every reference a touched session carried before, or a changed row carries now: their cases change.
  const refsBefore = (await store.rawOfUnits(spec.key, [...touched])).flatMap((r) => caseRefsOf((r.raw as PlenaryAgreement).proposalRefs ?? []));
  const refs = new Set([...refsBefore, ...changed.flatMap((r) => caseRefsOf((r.raw as PlenaryAgreement).proposalRefs))]);

  run.progress(`${spec.name}: ${touched.size} sessions, ${refs.size} cases`, 1, 2);
  const keys = [...touched];
  await applyInBatches(run, keys.filter((k) => sessions.has(k)).map((k) => sessionUnit(city, spec.key, sessions.get(k)!)), keys.filter((k) => !sessions.has(k)));
  // The file's decisions by reference, and every decision id this file gives or gave.
  const byRef = new Map<string, PlenaryDecision[]>();
  for (const d of decisions) {
    for (const ref of caseRefsOf(d.agreement.proposalRefs)) {
      const list = byRef.get(ref);
      if (list) list.push(d);
      else byRef.set(ref, [d]);
    }
  }
  const ownIds = new Set([...held.keys(), ...present].map((sourceId) => city.gid('decision', sourceId)));
  await rebuildCases(city, run, [...refs], byRef, ownIds);
  await run.apply([councilUnit(city)].filter((u): u is Unit => u !== null));

  // Rows the parser could not place: kept aside with their line and reason (and counted), never dropped.
  const lines = answer.content.split(/\r?\n/);
  for (const u of parsed.unplaced) {
    await run.setAsideRecord(PLENARY_ROW, `line ${u.line}`, `line ${u.line}: ${u.reason}`, { file: spec.key, line: u.line, reason: u.reason, text: (lines[u.line - 1] ?? '').slice(0, 2000) });
  }
  await store.pruneSetAside(spec.key, PLENARY_ROW, parsed.unplaced.map((u) => `line ${u.line}`));

  // Last: the rows held, then the validators (a failed write above leaves the next run the same work).
  await store.putRaw(changed);
  await store.deleteRaw(spec.key, PLENARY_ROW, gone.map((g) => g.sourceId));
  state.validators[spec.name] = { etag: answer.etag, lastModified: answer.lastModified };
  // Merged: the runner keeps its own entries in `extra` too.
  Object.assign(state.extra, {
    mapping: MAPPING_VERSION,
    lastModified: answer.lastModified,
    checkedAt,
    latestSessionDate: parsed.agreements.reduce<string | null>((max, a) => (!max || a.sessionDate > max ? a.sessionDate : max), null),
    rows: parsed.agreements.length,
    unplacedRows: parsed.unplaced.map(({ line, reason }) => ({ line, reason })),
  } satisfies PlenaryFileExtra);
  run.progress(spec.name, 2, 2);
}

/**
 * Rebuilds the cases of these proposal references from their decisions in both files: this file's
 * as parsed now (`byRef`), the other file's as stored, found by id through the stored case (every
 * case lists its decisions; a file's sync keeps its own part of that list). A reference no decision
 * carries any more is no case any more.
 */
async function rebuildCases(city: DecidimCity, run: SyncRun, refs: string[], byRef: Map<string, PlenaryDecision[]>, ownIds: Set<string>): Promise<void> {
  for (const batch of chunks(refs)) {
    const stored = await run.store.byIds<PlenaryCase>('cases', batch.map((ref) => caseGid(city, ref)));
    const otherIds = batch.flatMap((ref) => stored.get(caseGid(city, ref))?.decisionIds ?? []).filter((id) => !ownIds.has(id));
    const others = await run.store.byIds<StoredDecision>('decisions', otherIds);
    const units: Unit[] = [];
    const remove: string[] = [];
    for (const ref of batch) {
      const fromOtherFiles = (stored.get(caseGid(city, ref))?.decisionIds ?? []).flatMap((id) => others.get(id) ?? []);
      const unit = caseUnit(city, ref, [...fromOtherFiles, ...(byRef.get(ref) ?? [])]);
      if (unit) units.push(unit);
      else remove.push(caseUnitKey(ref));
    }
    await apply(run, units, remove);
  }
}

// ---- Decidim ----------------------------------------------------------------------------------------

export function decidimHarvester(city: DecidimCity, client: DecidimClient, url: string): UpstreamHarvester {
  return {
    key: DECIDIM,
    name: 'Decidim API',
    url,
    // Meetings are planned months ahead.
    aheadDays: 365,
    run: (run) => syncDecidim(city, run, client),
  };
}

/** How one kind of Decidim record is checked, keyed and mapped. */
interface DecidimKind<T> {
  kind: string;
  items: T[];
  node: (item: T) => unknown;
  problem: (node: unknown) => string | null;
  unitKey: (sourceId: string) => string;
  unit: (item: T) => Unit;
  /** Rebuilt every run, changed or not (a process's `active` follows the clock). */
  always?: boolean;
}

/** A record without a usable id is set aside under its content hash, so the same record is not counted twice. */
const anonymous = (raw: unknown) => `#${crypto.createHash('sha1').update(JSON.stringify(raw) ?? '').digest('hex').slice(0, 16)}`;

async function syncDecidim(city: DecidimCity, run: SyncRun, client: DecidimClient): Promise<void> {
  const before = run.state.extra as Partial<DecidimExtra>;
  const remap = before.mapping !== MAPPING_VERSION;
  run.progress('snapshot', 0, 5);
  let requests = 0;
  const snapshot = await client.snapshot((n) => {
    requests = n;
    run.checkStopped();
    run.progress(`snapshot: ${n} requests`, 0, 5);
  });
  const checkedAt = new Date().toISOString();
  const today = todayIn(city.zone);
  const kinds: Array<DecidimKind<any>> = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    { kind: 'process', items: snapshot.processes, node: (p) => p, problem: processProblem, unitKey: processUnitKey, unit: (p) => processUnit(city, processOf(city, p), today), always: true } satisfies DecidimKind<Record<string, unknown>>,
    { kind: 'proposal', items: snapshot.proposals, node: (i) => i.node, problem: proposalProblem, unitKey: proposalUnitKey, unit: (i) => proposalUnit(city, proposalOf(city, i.node, i.processId, i)) } satisfies DecidimKind<DecidimItem>,
    { kind: 'meeting', items: snapshot.meetings, node: (i) => i.node, problem: meetingProblem, unitKey: decidimMeetingUnitKey, unit: (i) => decidimMeetingUnit(city, meetingOf(city, i.node, i.processId, i)) } satisfies DecidimKind<DecidimItem>,
    { kind: 'result', items: snapshot.results, node: (i) => i.node, problem: resultProblem, unitKey: resultUnitKey, unit: (i) => resultUnit(city, resultOf(city, i.node, i.processId, i)) } satisfies DecidimKind<DecidimItem>,
  ];
  for (const [i, spec] of kinds.entries()) {
    await syncDecidimKind(run, spec, remap);
    run.progress(spec.kind, i + 1, 5);
  }
  await run.apply([councilUnit(city)].filter((u): u is Unit => u !== null));
  Object.assign(run.state.extra, { mapping: MAPPING_VERSION, checkedAt, requests, instance: snapshot.instance } satisfies DecidimExtra);
  run.progress('done', 5, 5);
}

/** One kind: new and changed records rewritten, records no longer in the snapshot deleted. */
async function syncDecidimKind<T>(run: SyncRun, spec: DecidimKind<T>, remap: boolean): Promise<void> {
  const { store } = run;
  run.fetched += spec.items.length;
  const held = new Map((await store.rawOfKind(DECIDIM, spec.kind)).map((r) => [r.sourceId, r]));
  const kept = new Set<string>();
  const aside: string[] = [];
  const changed: RawRecord[] = [];
  const units: Unit[] = [];
  for (const item of spec.items) {
    const node = spec.node(item);
    const problem = spec.problem(node);
    const id = problem ? anonymous(item) : String((node as { id: unknown }).id);
    if (problem) {
      aside.push(id);
      await run.setAsideRecord(spec.kind, id, problem, item);
      continue;
    }
    if (kept.has(id)) continue; // listed twice (offset paging over data that moved): once is enough
    const record: RawRecord = { upstream: DECIDIM, kind: spec.kind, sourceId: id, unitKey: spec.unitKey(id), listedAt: null, raw: item };
    const h = held.get(id);
    if (remap || spec.always || !h || h.hash !== hashOf(item) || h.unitKey !== record.unitKey) {
      try {
        units.push(spec.unit(item));
      } catch (err) {
        aside.push(id);
        await run.setAsideRecord(spec.kind, id, `does not map: ${(err as Error).message}`, item);
        continue;
      }
      changed.push(record);
    }
    kept.add(id);
  }
  // Anything held that the snapshot no longer has (or that no longer maps) is gone.
  const gone = [...held.values()].filter((h) => !kept.has(h.sourceId));
  await applyInBatches(run, units, gone.map((g) => g.unitKey));
  await store.pruneSetAside(DECIDIM, spec.kind, aside);
  await store.putRaw(changed);
  await store.deleteRaw(DECIDIM, spec.kind, gone.map((g) => g.sourceId));
}
