/**
 * What a Notubiz record must carry to be mapped (mapping/checks.ts): the real sample and every
 * record of the replica's dataset pass; broken records are named with the path of the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { documentProblem, eventProblem, gremiumProblem, meetingProblem, moduleItemProblem, organisationProblem } from '../mapping/checks';
import { loadNotubizData } from '../replica/server';
import { cityById, replicaOf } from '../../../schema/cities';
import type { NotubizMeeting } from '../upstream/types';

const ROOT = path.resolve(__dirname, '../../..');
const sample = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/amsterdam/amsterdam-notubiz-meeting.json'), 'utf8')) as NotubizMeeting;
const AMSTERDAM = cityById('amsterdam');
const ZONE = AMSTERDAM.timezone;
const dataset = loadNotubizData(path.join(ROOT, replicaOf(AMSTERDAM).defaultDir));
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('records that map', () => {
  it('the real sample passes as an event and as a meeting (ORI\'s {label: value} attributes too)', () => {
    expect(eventProblem(ZONE, sample)).toBeNull();
    expect(meetingProblem(ZONE, sample, 458902)).toBeNull();
  });

  it('every record of the replica\'s dataset passes', () => {
    for (const m of dataset.meetings) expect([m.id, meetingProblem(ZONE, m, m.id)]).toEqual([m.id, null]);
    for (const x of dataset.moduleItems.values()) expect([x.id, moduleItemProblem(x)]).toEqual([x.id, null]);
    for (const list of dataset.gremia.values()) for (const g of list) expect(gremiumProblem(g)).toBeNull();
    for (const o of dataset.organisations) expect(organisationProblem(o)).toBeNull();
  });

  it('an event without agenda, documents or end passes', () => {
    const { agenda_items: _a, documents: _d, ...event } = sample;
    expect(eventProblem(ZONE, { ...event, plannings: [{ start_date: '2026-12-03 13:30:00', end_date: null }] })).toBeNull();
  });
});

describe('records that do not map, with the field named', () => {
  it.each<[string, (m: NotubizMeeting) => void, string]>([
    ['an id that is not a number', (m) => void ((m as unknown as { id: string }).id = '458902'), 'id is "458902"; a positive whole number is required'],
    ['no planning', (m) => void (m.plannings = []), 'plannings is []; at least one planning is required'],
    ['a start that is not a local time', (m) => void (m.plannings![0].start_date = 'donderdag'), 'plannings[0].start_date is "donderdag"; a local time "YYYY-MM-DD HH:MM:SS" is required'],
    ['no organisation', (m) => void delete m.organisation, 'organisation is missing; an object is required'],
    ['a gremium without id', (m) => void (m.gremium = { id: 0 }), 'gremium.id is 0; a positive whole number is required'],
    ['attributes that are text', (m) => void ((m as unknown as { attributes: string }).attributes = 'Titel'), 'attributes is string; a list or an object is required'],
  ])('%s', (_name, breakIt, reason) => {
    const m = copy(sample);
    breakIt(m);
    expect(eventProblem(ZONE, m)).toBe(reason);
    expect(meetingProblem(ZONE, m)).toBe(reason);
  });

  it('names a document deep in the agenda', () => {
    const m = copy(dataset.meetings.find((x) => x.agenda_items?.some((i) => i.agenda_items?.some((c) => c.documents?.length)))!);
    const i = m.agenda_items!.findIndex((x) => x.agenda_items?.some((c) => c.documents?.length));
    const c = m.agenda_items![i].agenda_items!.findIndex((x) => x.documents?.length);
    (m.agenda_items![i].agenda_items![c].documents![0] as unknown as { title: null }).title = null;
    expect(meetingProblem(ZONE, m)).toBe(`agenda_items[${i}].agenda_items[${c}].documents[0].title is null; a string is required`);
    // The events list carries no agenda: the same meeting listed is fine.
    expect(eventProblem(ZONE, m)).toBeNull();
  });

  it('a detail of another meeting than the one asked for', () => {
    expect(meetingProblem(ZONE, sample, 1)).toBe('id is 458902, but meeting 1 was asked for');
  });

  it('agenda items, documents, module items, gremia and organisations', () => {
    const m = copy(sample);
    m.agenda_items![2].order = '3' as unknown as number;
    expect(meetingProblem(ZONE, m)).toBe('agenda_items[2].order is "3"; a number or null is required');
    expect(meetingProblem(ZONE, { ...copy(sample), documents: {} as never })).toBe('documents is object; a list is required');
    expect(documentProblem({ ...sample.documents![0], types: [{ id: 1, value: 7 as unknown as string }] })).toBe('document.types[0].value is not a string');
    const item = [...dataset.moduleItems.values()][0];
    expect(moduleItemProblem({ ...item, id: -1 })).toBe('id is -1; a positive whole number is required');
    expect(gremiumProblem({ id: 5, title: ' ' })).toBe('title is " "; a non-empty string is required');
    expect(organisationProblem({ '@attributes': { id: 'Amsterdam' } })).toBe('@attributes.id is "Amsterdam"; a Notubiz organisation id is required');
    expect(eventProblem(ZONE, null as unknown as NotubizMeeting)).toBe('not an object');
  });
});
