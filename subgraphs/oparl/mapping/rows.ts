/**
 * The store's rows of each OParl object, one unit per object the lists return: an Organization
 * (its body), a Person (the person and its memberships), a Meeting (the meeting, its agenda, the
 * decisions on it, their files) and a Paper (the case, its consultations and files). Links between
 * units (a decision's case through the consultation, a body's members) are followed when a request
 * asks for them, with one exception: a decision's committees (`committeeIds`, which the COMMITTEE
 * topic looks at) come from its paper's consultations, so the sync gives a meeting unit the stored
 * consultations of its decisions' papers and rebuilds it when those papers change (sync.ts).
 */
import type { AgendaItemRow, BodyRow, DocumentRow, ExtraRow, MeetingRow, Unit, UnmappedValueRow } from '../../shared/store/rows';
import { searchText } from '../../shared/store/search';
import { gid, OPARL, type OParlCity } from './common';
import { isActive, type Body } from './body';
import type { MappedMeeting } from './meeting';
import type { ConsultationDoc, MappedPaper } from './paper';
import type { MembershipDoc, PersonDoc } from './person';

export type Kind = 'organization' | 'person' | 'meeting' | 'paper';

export const unitKeyOf = (kind: Kind, sourceId: string) => `${kind}:${sourceId}`;

export const PERSON = 'person';
export const MEMBERSHIP = 'membership';
export const CONSULTATION = 'consultation';

/** Body rows hold whether the body exists on the day of the sync (the `active` filter reads it). */
export function bodyUnit(c: OParlCity, b: Body, unmappedType: boolean, today: string): Unit {
  const row: BodyRow = {
    id: b.id,
    sourceId: b.sourceId,
    sortKey: b.name.toLocaleLowerCase('de'),
    type: b.type,
    active: isActive(b, today),
    parentId: b.parentSourceId ? gid(c, 'body', b.parentSourceId) : null,
    search: searchText([b.name, b.shortName]),
    doc: b,
  };
  const unmapped: UnmappedValueRow[] = unmappedType && b.typeRaw ? [{ ownerId: b.id, upstream: OPARL, field: 'Body.type', value: b.typeRaw }] : [];
  return { key: unitKeyOf('organization', b.sourceId), bodies: [row], unmappedValues: unmapped };
}

/** A person and its memberships: a membership row hangs under its organization's body (Body.members). */
export function personUnit(c: OParlCity, p: PersonDoc, memberships: MembershipDoc[]): Unit {
  const extras: ExtraRow[] = [
    { id: p.id, kind: PERSON, sourceId: p.sourceId, parentId: null, sortKey: p.name.toLocaleLowerCase('de'), search: searchText([p.name]), doc: p },
    ...memberships.map((m): ExtraRow => ({
      id: m.id,
      kind: MEMBERSHIP,
      sourceId: m.sourceId,
      parentId: m.organizationSourceId ? gid(c, 'body', m.organizationSourceId) : null,
      sortKey: `${m.person.name.toLocaleLowerCase('de')} | ${m.id}`,
      search: '',
      doc: m,
    })),
  ];
  return { key: unitKeyOf('person', p.sourceId), extras };
}

/**
 * The committees that handled each decision's paper before the decision: the organizations of the
 * paper's consultations listed before the decision's own (its agenda item's), nearest first, without
 * the deciding organizations. The specification says only "Beratungen der Drucksache", not in which
 * order; we read the listed order as the order of handling (the Beratungsfolge: first advised by a
 * committee, `Vorberatung`, then decided), as the replica lists it (the specification's example paper
 * has a single consultation). Dates would need the consulting meetings, other units again; a server
 * that lists them otherwise gives fewer committees, never a body that did not deal with the paper. A
 * decision with no consultation, or the first one of its paper, has none (its own body is the proxy).
 *
 * `consultations`: every stored consultation of the papers the decisions' agenda items belong to.
 */
export function committeesOfDecisions(c: OParlCity, decisions: MappedMeeting['decisions'], consultations: ConsultationDoc[]): Map<string, string[]> {
  const byPaper = new Map<string, ConsultationDoc[]>();
  for (const x of consultations) byPaper.set(x.paperSourceId, [...(byPaper.get(x.paperSourceId) ?? []), x]);
  const out = new Map<string, string[]>();
  for (const d of decisions) {
    const own = consultations.find((x) => x.agendaItemSourceId === d.sourceId || (d.consultationSourceId !== null && x.sourceId === d.consultationSourceId));
    if (!own) continue;
    const deciding = new Set(d.bodySourceIds);
    const earlier = (byPaper.get(own.paperSourceId) ?? []).filter((x) => x.position < own.position).sort((a, b) => b.position - a.position);
    const ids = [...new Set(earlier.flatMap((x) => x.organizationSourceIds).filter((o) => !deciding.has(o)))];
    if (ids.length) out.set(d.sourceId, ids.map((o) => gid(c, 'body', o)));
  }
  return out;
}

/** `committees`: each decision's committees by its source id (committeesOfDecisions). */
export function meetingUnit(c: OParlCity, mapped: MappedMeeting, committees: ReadonlyMap<string, string[]> = new Map()): Unit {
  const { meeting: m, items, decisions } = mapped;
  const bodyIds = m.bodySourceIds.map((b) => gid(c, 'body', b));
  const meetingRow: MeetingRow = {
    id: m.id,
    sourceId: m.sourceId,
    kind: 'OParlMeeting',
    date: m.date,
    sortKey: m.start ?? '',
    bodyIds,
    status: m.byTime ? 'BY_TIME' : m.status,
    heldFrom: m.byTime ? m.start : null,
    doc: m,
  };
  const positions = new Map(items.map((item, i) => [item.sourceId, i]));
  const agendaItems = items.map((item, i): AgendaItemRow => ({
    id: item.id,
    meetingId: m.id,
    position: i,
    parentId: null,
    decisionId: item.decisionSourceId ? gid(c, 'decision', item.decisionSourceId) : null,
    doc: item,
  }));
  const unmapped: UnmappedValueRow[] = decisions
    .filter((d) => d.outcomeUnmapped && d.outcomeRaw)
    .map((d) => ({ ownerId: d.id, upstream: OPARL, field: 'Decision.outcome', value: d.outcomeRaw! }));
  if (mapped.unmappedState) unmapped.push({ ownerId: m.id, upstream: OPARL, field: 'Meeting.status', value: mapped.unmappedState });
  const documents: DocumentRow[] = mapped.files.flatMap(({ ownerId, files }) => files.map((f, i) => ({ ownerId, position: i, doc: f })));
  // A decision's documents are its agenda item's.
  for (const d of decisions) {
    const own = mapped.files.find((f) => f.ownerId === gid(c, 'agendaitem', d.sourceId))?.files ?? [];
    documents.push(...own.map((f, i) => ({ ownerId: d.id, position: i, doc: f })));
  }
  return {
    key: unitKeyOf('meeting', m.sourceId),
    meetings: [meetingRow],
    agendaItems,
    decisions: decisions.map((d) => ({
      id: d.id,
      sourceId: d.sourceId,
      date: d.date,
      sortKey: d.decidedAt ?? d.date ?? '',
      bodyIds,
      // Decision.body is the first organization of the decision (its meeting's).
      bodyId: d.bodySourceIds[0] ? gid(c, 'body', d.bodySourceIds[0]) : null,
      committeeIds: committees.get(d.sourceId) ?? [],
      meetingId: m.id,
      position: positions.get(d.sourceId) ?? null,
      // The case is found through the paper's consultation at read time (units stay independent).
      caseIds: [],
      outcome: d.outcome,
      categories: [],
      search: searchText([d.title, d.number, d.outcomeRaw, d.resolutionText]),
      texts: { [c.lang]: [d.title, d.resolutionText].filter(Boolean).join('\n') },
      doc: d,
    })),
    documents,
    unmappedValues: unmapped,
  };
}

export function paperUnit(c: OParlCity, mapped: MappedPaper): Unit {
  const p = mapped.case;
  return {
    key: unitKeyOf('paper', p.sourceId),
    cases: [{
      id: p.id,
      sourceId: p.sourceId,
      date: p.date,
      sortKey: p.date ?? '',
      // OParl has no case status.
      status: 'UNKNOWN',
      search: searchText([p.title, p.label, p.paperType]),
      texts: { [c.lang]: [p.title, p.label].filter(Boolean).join('\n') },
      doc: p,
    }],
    documents: mapped.attachments.map((a, i): DocumentRow => ({ ownerId: p.id, position: i, doc: a })),
    extras: mapped.consultations.map((x): ExtraRow => ({
      id: x.id,
      kind: CONSULTATION,
      // Found by its agenda item: the decision on that item belongs to this case.
      sourceId: x.agendaItemSourceId ?? '',
      parentId: p.id,
      sortKey: String(x.position).padStart(6, '0'),
      search: '',
      doc: x,
    })),
  };
}
