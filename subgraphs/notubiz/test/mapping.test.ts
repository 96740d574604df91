/**
 * Amsterdam mapping over the real Notubiz sample (test/fixtures/amsterdam, source beside it): a
 * raadscommissie meeting of 2018 whose attributes ORI already turned into labels, with heading
 * items, numbered points, documents of several types, and local times without offset.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cityById, replicaOf, ROOT_DIR } from '../../../schema/cities';
import { attributesByLabel, notubizCity } from '../mapping/common';
import { documentOf } from '../mapping/document';
import { meetingOf } from '../mapping/meeting';
import { decisionsOfMeeting, isDecidingBody } from '../mapping/decision';
import { gremiumBody, gremiumTypeOf } from '../mapping/body';
import { loadNotubizData } from '../replica/server';
import type { NotubizAgendaItem, NotubizMeeting } from '../upstream/types';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/amsterdam');
const sample = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'amsterdam-notubiz-meeting.json'), 'utf8')) as NotubizMeeting;
const NOW = '2026-11-27T12:00:00Z';
const AMSTERDAM = notubizCity(cityById('amsterdam'));
const ORGANISATIONS = AMSTERDAM.organisations;

describe('the sample fixture', () => {
  it('names its source', () => {
    const source = fs.readFileSync(path.join(FIXTURES, 'amsterdam-notubiz-meeting.source.txt'), 'utf8');
    expect(source).toMatch(/^repo: openstate\/open-raadsinformatie$/m);
    expect(source).toMatch(/^commit: [0-9a-f]{40}$/m);
  });
});

describe('meeting (amsterdam-notubiz-meeting.json, real)', () => {
  const m = meetingOf(AMSTERDAM, sample, new Map(), NOW);

  it('maps id, title and location from the labelled attributes, and the Amsterdam offset', () => {
    expect(m).toMatchObject({
      id: 'amsterdam:meeting:458902',
      sourceId: '458902',
      title: 'raadscommissie Financiën',
      location: null, // "" is no location
      description: null,
      start: '2018-02-08T13:30:00+01:00',
      end: null,
      date: '2018-02-08',
      status: 'HELD',
      statusRaw: null,
      organisationId: 281,
      gremiumId: 4972,
      bodySourceId: '281-4972',
      isPublic: true,
      confidential: false,
      sourceUrl: 'https://api.notubiz.nl/events/meetings/458902',
      lastModified: '2018-03-15T09:34:04+01:00',
    });
  });

  it('keeps numbered points, drops headings and items without order, and names each point\'s section', () => {
    const raw = sample.agenda_items!;
    expect(raw.filter((i) => i.type_data?.heading).length).toBeGreaterThan(0);
    expect(raw.filter((i) => i.order === null)).toHaveLength(6);
    expect(m.agenda).toHaveLength(raw.filter((i) => i.order !== null && !i.type_data?.heading).length);
    expect(m.agenda).toHaveLength(27);
    expect(m.agenda[0]).toMatchObject({ number: '1.', title: 'Opening procedureel gedeelte', heading: 'Algemeen', parentSourceId: null });
    const tkn1 = m.agenda.find((i) => i.number === 'TKN 1')!;
    expect(tkn1.heading).toBe('Financiën');
    expect(tkn1.id).toBe(`amsterdam:agendaitem:458902-${tkn1.itemId}`);
    const orders = m.agenda.map((i) => i.order!);
    expect([...orders].sort((a, b) => a - b)).toEqual(orders);
  });

  it('maps meeting documents with version, type and publication date', () => {
    expect(m.attachments).toHaveLength(2);
    const results = m.attachments.find((d) => d.documentTypes.includes('Uitslagenlijst'))!;
    expect(results).toMatchObject({
      id: 'amsterdam:attachment:6183601',
      title: 'Uitslagenlijst FIN 2018 02 08',
      url: 'https://api.notubiz.nl/document/6183601/1',
      mimeType: 'application/pdf',
      fileName: 'Uitslagenlijst_FIN_2018_02_08.pdf',
      fileSize: 21329,
      version: 1,
      versionCount: 1,
      caseCode: null,
      publishedAt: '2018-05-10T00:00:00+02:00',
      language: 'nl',
    });
  });

  it('has no decisions: a raadscommissie advises, it does not decide', () => {
    expect(isDecidingBody(AMSTERDAM, 'Raadscommissie Financiën')).toBe(false);
    expect(decisionsOfMeeting(AMSTERDAM, m, 'Raadscommissie Financiën')).toEqual([]);
  });
});

describe('raw API shapes', () => {
  it('labels raw [{id, value}] attributes with the organisation\'s field settings and drops unlabelled ones', () => {
    const labels = new Map([['1', 'Titel'], ['2', 'Locatie']]);
    expect(attributesByLabel([{ id: 1, value: 'Gemeenteraad' }, { id: 2, value: 'Raadzaal' }, { id: 99, value: 'x' }], labels)).toEqual({ Titel: 'Gemeenteraad', Locatie: 'Raadzaal' });
  });

  it('keeps nested agenda points as parent and children, cancelled and inactive meetings', () => {
    const point = (id: number, order: number, prefix: string, title: string, children: NotubizAgendaItem[] = [], docs: NotubizMeeting['documents'] = []): NotubizAgendaItem => ({
      id, order, parent: null, type: 'agenda_point', type_data: { title_prefix: prefix, heading: false, attributes: [{ id: 1, value: title }] }, agenda_items: children, documents: docs,
    });
    const raadsvoorstel = { ...sample.documents![0], id: 1, types: [{ id: 500, value: 'Raadsvoorstel' }], case_code: 'Z-2025-000001' };
    const meeting: NotubizMeeting = {
      ...sample,
      id: 1,
      gremium: { id: 1, self: 'x' },
      attributes: [{ id: 1, value: 'Gemeenteraad' }],
      agenda_items: [point(10, 1, '7', 'Voorstellen', [point(11, 1, '7.1', 'Vaststellen bestemmingsplan', [point(12, 1, '7.1.a', 'Amendement', [], [raadsvoorstel])], [raadsvoorstel])])],
    };
    const m = meetingOf(AMSTERDAM, meeting, new Map([['1', 'Titel']]), NOW);
    expect(m.title).toBe('Gemeenteraad');
    expect(m.agenda).toHaveLength(1);
    expect(m.agenda[0].children[0]).toMatchObject({ number: '7.1', parentSourceId: '1-10' });
    expect(m.agenda[0].children[0].children[0]).toMatchObject({ number: '7.1.a', parentSourceId: '1-11' });
    expect(m.allItems.map((i) => i.number)).toEqual(['7', '7.1', '7.1.a']);
    const decisions = decisionsOfMeeting(AMSTERDAM, m, 'Gemeenteraad');
    expect(decisions.map((d) => d.sourceId)).toEqual(['1-11', '1-12']);
    expect(decisions[0]).toMatchObject({ id: 'amsterdam:decision:1-11', title: 'Vaststellen bestemmingsplan', caseCodes: ['Z-2025-000001'], documentTypes: ['Raadsvoorstel'] });
    expect(meetingOf(AMSTERDAM, { ...meeting, canceled: true }, new Map(), NOW).status).toBe('CANCELLED');
    expect(decisionsOfMeeting(AMSTERDAM, meetingOf(AMSTERDAM, { ...meeting, canceled: true }, new Map(), NOW), 'Gemeenteraad')).toEqual([]);
    expect(meetingOf(AMSTERDAM, { ...meeting, inactive: true }, new Map(), NOW)).toMatchObject({ status: 'UNKNOWN', statusRaw: 'inactive' });
    expect(meetingOf(AMSTERDAM, { ...meeting, plannings: [{ start_date: '2027-01-14 19:30:00', end_date: '2027-01-14 23:00:00' }] }, new Map(), NOW)).toMatchObject({ status: 'SCHEDULED', end: '2027-01-14T23:00:00+01:00' });
    expect(meetingOf(AMSTERDAM, { ...meeting, permission_group: 'restricted' }, new Map(), NOW).isPublic).toBe(false);
  });

  it('picks the current version of a document with several', () => {
    const doc = documentOf(AMSTERDAM, { ...sample.documents![0], version: 2, versions: [{ id: 1, file_name: 'a.pdf', mime_type: 'application/pdf', file_size: 1 }, { id: 2, file_name: 'b.docx', mime_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', file_size: 2 }] });
    expect(doc).toMatchObject({ fileName: 'b.docx', fileSize: 2, version: 2, versionCount: 2 });
  });

  it('types gremia by title', () => {
    expect(gremiumTypeOf(AMSTERDAM, 'Gemeenteraad')).toBe('COUNCIL');
    expect(gremiumTypeOf(AMSTERDAM, 'Stadsdeelcommissie Noord')).toBe('COMMITTEE');
    expect(gremiumTypeOf(AMSTERDAM, 'Dagelijks bestuur Oost')).toBe('BOARD');
    expect(gremiumBody(AMSTERDAM, 977, { id: 5, title: 'Stadsdeelcommissie Noord' })).toMatchObject({ id: 'amsterdam:body:977-5', decidesOnItsOwn: true });
  });
});

describe('organisations', () => {
  it('are the city and its seven districts, with the ids of ORI\'s ori.notubiz.yaml (Nieuw-West: amsterdam_nieuw-west, 2328)', () => {
    expect(ORGANISATIONS.map((o) => [o.id, o.name])).toEqual([
      [281, 'Gemeente Amsterdam'], [547, 'Stadsdeel Centrum'], [977, 'Stadsdeel Noord'], [1413, 'Stadsdeel West'], [1424, 'Stadsdeel Zuid'],
      [1425, 'Stadsdeel Oost'], [2122, 'Stadsdeel Zuidoost'], [2328, 'Stadsdeel Nieuw-West'],
    ]);
  });

  it('each have their gremia and field settings in the replica (a missing gremia list fails the sync)', () => {
    const data = loadNotubizData(path.join(ROOT_DIR, replicaOf(cityById('amsterdam')).defaultDir));
    for (const o of ORGANISATIONS) {
      expect([o.id, data.organisations.some((x) => x['@attributes'].id === String(o.id))]).toEqual([o.id, true]);
      expect([o.id, (data.gremia.get(o.id) ?? []).length > 0]).toEqual([o.id, true]);
    }
    expect(data.gremia.get(2328)!.map((g) => g.title)).toEqual(['Bestuurscommissie Nieuw-West', 'Stadsdeelcommissie Nieuw-West', 'Dagelijks bestuur Nieuw-West']);
    expect(data.meetings.filter((m) => m.organisation?.id === 2328).length).toBeGreaterThanOrEqual(2);
  });
});
