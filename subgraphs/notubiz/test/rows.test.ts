/**
 * Amsterdam's rows (mapping/rows.ts) over the real Notubiz sample (test/fixtures/amsterdam): the
 * meeting unit with its nested agenda in depth-first order, documents per owner, decisions and
 * their filter columns, module items, case references and the case units built from them.
 */
import { cityById, replicaOf, ROOT_DIR } from '../../../schema/cities';
import { notubizCity } from '../mapping/common';
import fs from 'node:fs';
import path from 'node:path';
import { meetingOf, type Meeting } from '../mapping/meeting';
import { decisionsOfMeeting } from '../mapping/decision';
import { gremiumBody, organisationBody } from '../mapping/body';
import { bodyRow, caseReferencesOf, caseUnit, meetingRow, meetingUnit, unpublishedMeetingUnit, type CaseReference, type StoredAgendaItem } from '../mapping/rows';
import type { NotubizAgendaItem, NotubizMeeting, NotubizModuleItem } from '../upstream/types';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/amsterdam');
const sample = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'amsterdam-notubiz-meeting.json'), 'utf8')) as NotubizMeeting;
const NOW = '2026-11-27T12:00:00Z';
const AMSTERDAM = notubizCity(cityById('amsterdam'));

describe('the sample meeting as a unit', () => {
  const m = meetingOf(AMSTERDAM, sample, new Map(), NOW);
  const unit = meetingUnit(AMSTERDAM, m, decisionsOfMeeting(AMSTERDAM, m, 'Raadscommissie Financiën'), new Map());

  it('is keyed by the meeting, found by its organisation and its gremium, held by the clock from its start', () => {
    expect(unit.key).toBe('meeting:458902');
    expect(unit.meetings).toHaveLength(1);
    expect(unit.meetings![0]).toMatchObject({
      id: 'amsterdam:meeting:458902',
      sourceId: '458902',
      kind: 'NotubizMeeting',
      date: '2018-02-08',
      sortKey: '2018-02-08T13:30:00+01:00',
      bodyIds: ['amsterdam:body:281', 'amsterdam:body:281-4972'],
      status: 'BY_TIME',
      heldFrom: '2018-02-08T13:30:00+01:00',
    });
    const doc = unit.meetings![0].doc as Record<string, unknown>;
    expect(doc).toMatchObject({ title: 'raadscommissie Financiën', organisationId: 281, gremiumId: 4972, bodySourceId: '281-4972' });
    for (const field of ['agenda', 'allItems', 'attachments', 'moduleItemSelfs']) expect(doc).not.toHaveProperty(field);
  });

  it('has every agenda point in agenda order, without headings and points without order', () => {
    const rows = unit.agendaItems!;
    expect(rows).toHaveLength(27);
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i));
    expect(rows.map((r) => r.id)).toEqual(m.allItems.map((i) => i.id));
    expect(rows.every((r) => r.meetingId === 'amsterdam:meeting:458902' && r.parentId === null && r.decisionId === null)).toBe(true);
    const first = rows[0].doc as StoredAgendaItem;
    expect(first).toMatchObject({ number: '1.', title: 'Opening procedureel gedeelte', heading: 'Algemeen', moduleItemIds: [] });
    expect(first).not.toHaveProperty('children');
    expect(first).not.toHaveProperty('documents');
  });

  it('keeps the meeting\'s documents and each point\'s under their owner', () => {
    const documents = unit.documents!;
    const own = documents.filter((d) => d.ownerId === 'amsterdam:meeting:458902');
    expect(own.map((d) => [d.position, d.doc.id])).toEqual(m.attachments.map((a, i) => [i, a.id]));
    expect(own.map((d) => d.doc.id)).toContain('amsterdam:attachment:6183601');
    const ofItems = documents.filter((d) => d.ownerId !== 'amsterdam:meeting:458902');
    expect(ofItems).toHaveLength(m.allItems.reduce((n, i) => n + i.documents.length, 0));
    for (const item of m.allItems) expect(ofItems.filter((d) => d.ownerId === item.id).map((d) => d.doc.id)).toEqual(item.documents.map((d) => d.id));
  });

  it('has no decisions (a raadscommissie advises), no case codes and no module items', () => {
    expect(unit.decisions).toEqual([]);
    expect(unit.extras).toEqual([]);
    expect(caseReferencesOf(m)).toEqual([]);
  });

  it('is CANCELLED or UNKNOWN as the data says, not by the clock', () => {
    expect(meetingRow(AMSTERDAM, meetingOf(AMSTERDAM, { ...sample, canceled: true }, new Map(), NOW))).toMatchObject({ status: 'CANCELLED', heldFrom: null });
    expect(meetingRow(AMSTERDAM, meetingOf(AMSTERDAM, { ...sample, inactive: true }, new Map(), NOW))).toMatchObject({ status: 'UNKNOWN', heldFrom: null });
    expect(meetingRow(AMSTERDAM, meetingOf(AMSTERDAM, { ...sample, plannings: [{ start_date: '2027-01-14 19:30:00', end_date: null }] }, new Map(), NOW))).toMatchObject({ status: 'BY_TIME', heldFrom: '2027-01-14T19:30:00+01:00' });
    expect(meetingRow(AMSTERDAM, meetingOf(AMSTERDAM, { ...sample, gremium: null }, new Map(), NOW)).bodyIds).toEqual(['amsterdam:body:281']);
  });
});

/** The sample made a council meeting with a nested proposal, its amendment and a motion in a module. */
function councilMeeting(): { raw: NotubizMeeting; m: Meeting } {
  const point = (id: number, order: number, prefix: string, title: string, children: NotubizAgendaItem[] = [], docs: NotubizMeeting['documents'] = [], moduleItems: number[] = []): NotubizAgendaItem => ({
    id, order, parent: null, type: 'agenda_point', type_data: { title_prefix: prefix, heading: false, attributes: [{ id: 1, value: title }] }, agenda_items: children, documents: docs,
    module_items: moduleItems.map((x) => ({ id: x, self: `api.notubiz.nl/module_items/${x}` })),
  });
  const doc = (id: number, type: string, caseCode: string) => ({ ...sample.documents![0], id, title: `${type} ${id}`, types: [{ id: 500, value: type }], case_code: caseCode });
  const raw: NotubizMeeting = {
    ...sample,
    id: 1,
    gremium: { id: 4966, self: 'x' },
    documents: [doc(100, 'Besluitenlijst', ''), doc(101, 'Brief', 'Z-2025-000002')],
    agenda_items: [
      point(10, 1, '7', 'Voorstellen', [
        point(11, 1, '7.1', 'Vaststellen bestemmingsplan Sluisbuurt', [point(12, 1, '7.1.a', 'Amendement Ruimte', [], [doc(103, 'Amendement', 'Z-2025-000001')])], [doc(102, 'Raadsvoorstel', 'Z-2025-000001')], [84312]),
      ]),
      point(20, 2, '8', 'Rondvraag'),
    ],
  };
  return { raw, m: meetingOf(AMSTERDAM, raw, new Map([['1', 'Titel']]), NOW) };
}

describe('a council meeting with decisions, module items and cases', () => {
  const { m } = councilMeeting();
  const motion: NotubizModuleItem = { id: 84312, title: 'Motie Sluisbuurt', module: { id: 1181, title: 'Moties' }, documents: [{ ...sample.documents![0], id: 104, title: 'Motie 1', types: [{ id: 31, value: 'Motie' }] }] };
  // A plain `documents` list, as the replica's module items had before they took the shape of version 1.17.0 (still read).
  const moduleItems = new Map([['84312', motion]]);
  const decisions = decisionsOfMeeting(AMSTERDAM, m, 'Gemeenteraad', moduleItems);
  const unit = meetingUnit(AMSTERDAM, m, decisions, moduleItems);

  it('nests agenda items through parentId, depth first, and marks the decided ones', () => {
    expect(unit.agendaItems!.map((r) => [r.position, r.id, r.parentId, r.decisionId])).toEqual([
      [0, 'amsterdam:agendaitem:1-10', null, null],
      [1, 'amsterdam:agendaitem:1-11', 'amsterdam:agendaitem:1-10', 'amsterdam:decision:1-11'],
      [2, 'amsterdam:agendaitem:1-12', 'amsterdam:agendaitem:1-11', 'amsterdam:decision:1-12'],
      [3, 'amsterdam:agendaitem:1-20', null, null],
    ]);
  });

  it('gives each decision the columns its filters read; a point\'s module items\' documents count as its own (as ORI has them)', () => {
    expect(unit.decisions!.map((d) => d.id)).toEqual(['amsterdam:decision:1-11', 'amsterdam:decision:1-12']);
    expect(unit.decisions![0]).toMatchObject({
      sourceId: '1-11',
      date: '2018-02-08',
      sortKey: '2018-02-08T13:30:00+01:00',
      bodyIds: ['amsterdam:body:281', 'amsterdam:body:281-4966'],
      meetingId: 'amsterdam:meeting:1',
      position: 1,
      caseIds: ['amsterdam:case:Z-2025-000001'],
      // The motion states no result (mapping/outcome.ts).
      outcome: 'UNKNOWN',
      categories: ['raadsvoorstel', 'motie'],
      search: 'vaststellen bestemmingsplan sluisbuurt\n7.1\nraadsvoorstel 102\nmotie 1',
      texts: { nl: 'Vaststellen bestemmingsplan Sluisbuurt\nRaadsvoorstel 102\nMotie 1' },
    });
    expect(unit.decisions![0].doc).toEqual({
      id: 'amsterdam:decision:1-11', sourceId: '1-11', title: 'Vaststellen bestemmingsplan Sluisbuurt', date: '2018-02-08', decidedAt: '2018-02-08T13:30:00+01:00', number: '7.1',
      meetingSourceId: '1', agendaItemSourceId: '1-11', itemId: 11, bodySourceId: '281-4966', caseCodes: ['Z-2025-000001'], documentTypes: ['Raadsvoorstel', 'Motie'],
      outcome: 'UNKNOWN', outcomeRaw: null,
    });
    expect(unit.documents!.filter((d) => d.ownerId === 'amsterdam:agendaitem:1-11').map((d) => d.doc.id)).toEqual(['amsterdam:attachment:102', 'amsterdam:attachment:104']);
    expect(unit.unmappedValues).toEqual([]);
  });

  it('keeps the module items the agenda links, per meeting, and their ids on the point', () => {
    const items = unit.extras!.filter((x) => x.kind === 'module_item');
    expect(items).toEqual([expect.objectContaining({ id: 'amsterdam:moduleitem:1-84312', sourceId: '84312', parentId: 'amsterdam:agendaitem:1-11', search: 'motie sluisbuurt\nmotie 1' })]);
    expect(items[0].doc).toMatchObject({ sourceId: '84312', title: 'Motie Sluisbuurt', module: 'Moties', documents: [{ id: 'amsterdam:attachment:104', documentTypes: ['Motie'] }] });
    expect((unit.agendaItems![1].doc as StoredAgendaItem).moduleItemIds).toEqual(['amsterdam:moduleitem:1-84312']);
    // A module item that could not be fetched is not linked.
    expect((meetingUnit(AMSTERDAM, m, decisions, new Map()).agendaItems![1].doc as StoredAgendaItem).moduleItemIds).toEqual([]);
  });

  it('writes one case reference per document with a case code, in the meeting\'s order', () => {
    const refs = unit.extras!.filter((x) => x.kind === 'case_reference');
    expect(refs.map((r) => [r.id, r.parentId, r.sourceId, (r.doc as CaseReference).position])).toEqual([
      ['amsterdam:casereference:1-101', 'amsterdam:case:Z-2025-000002', 'Z-2025-000002', 0],
      ['amsterdam:casereference:1-102', 'amsterdam:case:Z-2025-000001', 'Z-2025-000001', 1],
      ['amsterdam:casereference:1-103', 'amsterdam:case:Z-2025-000001', 'Z-2025-000001', 2],
    ]);
  });

  it('builds a case from its references across meetings: earliest meeting first, each document once', () => {
    const later = meetingOf(AMSTERDAM, { ...councilMeeting().raw, id: 2, plannings: [{ start_date: '2018-03-08 13:00:00', end_date: null }] }, new Map([['1', 'Titel']]), NOW);
    const refs = [...caseReferencesOf(later), ...caseReferencesOf(m)].filter((r) => r.caseCode === 'Z-2025-000001');
    const c = caseUnit(AMSTERDAM, 'Z-2025-000001', refs);
    expect(c.key).toBe('case:Z-2025-000001');
    expect(c.cases).toEqual([expect.objectContaining({
      id: 'amsterdam:case:Z-2025-000001', sourceId: 'Z-2025-000001', date: '2018-02-08', sortKey: '2018-02-08', status: 'UNKNOWN',
      search: 'z-2025-000001\nraadsvoorstel 102\nraadsvoorstel 102\namendement 103',
    })]);
    expect(c.cases![0].doc).toEqual({ id: 'amsterdam:case:Z-2025-000001', sourceId: 'Z-2025-000001', label: 'Z-2025-000001', title: 'Raadsvoorstel 102', openedAt: '2018-02-08T13:30:00+01:00', openedOn: '2018-02-08' });
    // The same document in two meetings is one document of the case.
    expect(c.documents!.map((d) => [d.ownerId, d.position, d.doc.id])).toEqual([
      ['amsterdam:case:Z-2025-000001', 0, 'amsterdam:attachment:102'],
      ['amsterdam:case:Z-2025-000001', 1, 'amsterdam:attachment:103'],
    ]);
  });
});

describe('other units', () => {
  it('a meeting Notubiz does not publish is a marker only', () => {
    expect(unpublishedMeetingUnit(AMSTERDAM, '1242092')).toEqual({
      key: 'meeting:1242092',
      extras: [{ id: 'amsterdam:meeting:1242092', kind: 'unpublished_meeting', sourceId: '1242092', sortKey: '', search: '', doc: { sourceId: '1242092' } }],
    });
  });

  it('bodies: an organisation, and a gremium under it; whether they exist is not known', () => {
    expect(bodyRow(AMSTERDAM, organisationBody(AMSTERDAM, { id: 977, name: 'Stadsdeel Noord' }))).toMatchObject({ id: 'amsterdam:body:977', sortKey: 'stadsdeel noord', type: 'ORGANIZATION', active: null, parentId: null, search: 'stadsdeel noord' });
    expect(bodyRow(AMSTERDAM, gremiumBody(AMSTERDAM, 281, { id: 4972, title: 'Raadscommissie Financiën' }))).toMatchObject({ id: 'amsterdam:body:281-4972', sourceId: '281-4972', type: 'COMMITTEE', active: null, parentId: 'amsterdam:body:281', search: 'raadscommissie financien' });
  });
});
