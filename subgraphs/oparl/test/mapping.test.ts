/**
 * The OParl mapping on the specification's own examples (OParl/spec examples/*.json, copied with
 * their sources to test/fixtures/oparl/), read as a city whose System is the example System.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../../schema/cities';
import { baseOf, dateTimeOf, oparlCity, relOf } from '../mapping/common';
import { bodyTypeOf, organizationBody } from '../mapping/body';
import { fileOf } from '../mapping/file';
import { meetingOf } from '../mapping/meeting';
import { outcomeOf } from '../mapping/outcome';
import { consultationOf, paperOf } from '../mapping/paper';
import { membershipOf, membershipsOf, personOf, roleTypeOf } from '../mapping/person';
import { meetingUnit, paperUnit } from '../mapping/rows';
import { problemOf } from '../sync';

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'test', 'fixtures', 'oparl', `${name}.json`), 'utf8'));
const system = fixture('System-01');
// A city on the example System: ids are relative to it.
const c = oparlCity({ id: 'beispiel', name: 'Beispielstadt', timezone: 'Europe/Berlin', languages: ['de'] }, system.id);

describe('ids', () => {
  it('are the object URL relative to the System\'s directory, whole when elsewhere', () => {
    expect(baseOf('https://ris.stadt-willich.de/webservice/oparl/v1/system')).toBe('https://ris.stadt-willich.de/webservice/oparl/v1/');
    expect(baseOf(system.id)).toBe('https://oparl.example.org/');
    expect(relOf(c, 'https://oparl.example.org/meeting/281')).toBe('meeting/281');
    expect(relOf(c, 'https://other.example.org/meeting/1')).toBe('https://other.example.org/meeting/1');
  });
});

describe('Meeting-01', () => {
  const m = meetingOf(c, fixture('Meeting-01'));

  it('keeps start and end with their offsets, and the local date', () => {
    expect(m.meeting).toMatchObject({ id: 'beispiel:meeting:meeting/281', title: '4. Sitzung des Finanzausschusses', start: '2013-01-04T08:00:00+01:00', end: '2013-01-04T12:00:00+01:00', date: '2013-01-04' });
    expect(m.meeting.location).toBe('Rathaus der Beispielstadt, Ratshausplatz 1, 12345 Beispielstadt');
  });

  it('has no meetingState: a planned meeting, held from its start on; organization[] are its bodies', () => {
    expect(m.meeting).toMatchObject({ status: 'SCHEDULED', byTime: true, statusRaw: null, cancelled: false, bodySourceIds: ['organization/34'] });
    expect(m.unmappedState).toBeNull();
  });

  it('makes the agenda item with a result a decision: "Geändert beschlossen" → AMENDED, the resolution text its content', () => {
    expect(m.items).toHaveLength(1);
    expect(m.items[0]).toMatchObject({ id: 'beispiel:agendaitem:agendaitem/3271', number: '10.1', title: 'Satzungsänderung für Ausschreibungen', public: true, consultationSourceId: 'consultation/1034', decisionSourceId: 'agendaitem/3271' });
    expect(m.decisions).toHaveLength(1);
    expect(m.decisions[0]).toMatchObject({
      id: 'beispiel:decision:agendaitem/3271',
      outcome: 'AMENDED',
      outcomeRaw: 'Geändert beschlossen',
      outcomeUnmapped: false,
      resolutionText: 'Der Beschluss weicht wie folgt vom Antrag ab: ...',
      date: '2013-01-04',
      decidedAt: '2013-01-04T08:00:00+01:00',
      meetingSourceId: 'meeting/281',
      bodySourceIds: ['organization/34'],
    });
  });

  it('takes the meeting\'s files: invitation, protocols, auxiliary files', () => {
    const own = m.files.find((f) => f.ownerId === m.meeting.id)!.files;
    expect(own.map((f) => f.typeRaw)).toEqual(['invitation', 'resultsProtocol', 'verbatimProtocol', 'auxiliaryFile']);
    expect(own[0]).toMatchObject({ title: 'Einladung', url: 'https://oparl.example.org/files/57739.pdf', mimeType: 'application/pdf', size: 82930, publishedAt: '2012-01-08T00:00:00+01:00' });
  });

  it('gives one unit: meeting row planned by time, agenda item, decision with the item\'s files', () => {
    const unit = meetingUnit(c, m);
    expect(unit.key).toBe('meeting:meeting/281');
    expect(unit.meetings![0]).toMatchObject({ status: 'BY_TIME', heldFrom: '2013-01-04T08:00:00+01:00', bodyIds: ['beispiel:body:organization/34'], kind: 'OParlMeeting' });
    expect(unit.decisions![0]).toMatchObject({ outcome: 'AMENDED', meetingId: 'beispiel:meeting:meeting/281', position: 0 });
    expect(unit.unmappedValues).toEqual([]);
  });

  it('a cancelled meeting has no decisions; durchgeführt is HELD; an unknown state is counted', () => {
    const raw = fixture('Meeting-01');
    expect(meetingOf(c, { ...raw, cancelled: true })).toMatchObject({ meeting: { status: 'CANCELLED' }, decisions: [] });
    expect(meetingOf(c, { ...raw, meetingState: 'durchgeführt' }).meeting).toMatchObject({ status: 'HELD', byTime: false, statusRaw: 'durchgeführt' });
    expect(meetingOf(c, { ...raw, meetingState: 'vertagt auf Mai' }).unmappedState).toBe('vertagt auf Mai');
  });
});

describe('Paper-01', () => {
  const p = paperOf(c, fixture('Paper-01'));

  it('is a case: reference, name, paperType, date as the start of that day', () => {
    expect(p.case).toMatchObject({ id: 'beispiel:case:paper/749', label: '1234/2014', title: 'Antwort auf Anfrage 1200/2014', paperType: 'Beantwortung einer Anfrage', date: '2014-04-04', openedAt: '2014-04-04T00:00:00+02:00', relatedPaperSourceIds: ['paper/699'] });
  });

  it('takes its embedded consultation: the agenda item (and so the decision) where it was dealt with', () => {
    expect(p.consultations).toEqual([{ id: 'beispiel:consultation:consultation/47594', sourceId: 'consultation/47594', paperSourceId: 'paper/749', agendaItemSourceId: 'agendaitem/15569', meetingSourceId: 'meeting/243', organizationSourceIds: ['organization/96'], authoritative: false, role: 'Beschlussfassung', position: 0 }]);
    const unit = paperUnit(c, p);
    expect(unit.extras![0]).toMatchObject({ kind: 'consultation', sourceId: 'agendaitem/15569', parentId: 'beispiel:case:paper/749' });
  });

  it('takes mainFile and auxiliaryFile as attachments', () => {
    expect(p.attachments.map((a) => [a.sourceId, a.typeRaw, a.title])).toEqual([['files/57737', 'mainFile', 'Anlage 1 zur Anfrage'], ['files/57739', 'auxiliaryFile', 'Anlage 1 zur Anfrage']]);
  });

  it('reads a 1.0 draft Consultation (organization as one URL)', () => {
    expect(consultationOf(c, fixture('Consultation-01'), 'paper/1', 0)).toMatchObject({ paperSourceId: 'paper/2396', agendaItemSourceId: 'agendaitem/15569', organizationSourceIds: ['organization/96'], role: 'Beschlussfassung' });
  });
});

describe('Organization-01, Body-01', () => {
  it('is a committee by its classification', () => {
    expect(organizationBody(c, fixture('Organization-01'))).toMatchObject({ id: 'beispiel:body:organization/34', name: 'Ausschuss für Haushalt und Finanzen', shortName: 'Finanzausschuss', type: 'COMMITTEE', typeRaw: 'Ausschuss', formedOn: '2012-07-17', dissolvedOn: null });
  });

  it('reads kinds from classification, then organizationType; counts unknown ones', () => {
    expect(bodyTypeOf('Rat', 'Gremium')).toEqual({ type: 'COUNCIL', raw: 'Rat', unmapped: false });
    expect(bodyTypeOf('Unterausschuss', null).type).toBe('SUBCOMMITTEE');
    expect(bodyTypeOf('Fraktion', 'Fraktion').type).toBe('OTHER');
    expect(bodyTypeOf(null, 'Hauptverwaltungsbeamter').type).toBe('TRUSTEE');
    expect(bodyTypeOf(null, 'Verwaltungsbereich').type).toBe('ORGANIZATION');
    expect(bodyTypeOf(null, 'Gremium')).toEqual({ type: 'OTHER', raw: 'Gremium', unmapped: false });
    expect(bodyTypeOf('Integrationsrat', 'Gremium')).toEqual({ type: 'OTHER', raw: 'Integrationsrat', unmapped: true });
    // The Body example's own classification is of the municipality, not a decision maker.
    expect(bodyTypeOf(fixture('Body-01').classification, null).unmapped).toBe(true);
  });
});

describe('Person-01, Membership-01', () => {
  const person = fixture('Person-01');

  it('is a person, with its embedded memberships and their roles', () => {
    expect(personOf(c, person)).toEqual({ id: 'beispiel:person:person/29', sourceId: 'person/29', name: 'Prof. Dr. Max Mustermann', givenName: 'Max', familyName: 'Mustermann', group: null });
    const ms = membershipsOf(c, person);
    expect(ms.map((m) => [m.organizationSourceId, m.role, m.roleType, m.votingRight, m.startDate, m.endDate])).toEqual([
      ['organizations/5', 'Vorsitzende', 'CHAIR', true, '2013-12-03', null],
      ['organizations/9', 'Sachkundige Bürgerin', 'MEMBER', false, '2013-12-03', '2014-07-28'],
    ]);
  });

  it('reads a 1.0 draft Membership (both genders, a date-time start)', () => {
    const m = membershipOf(c, fixture('Membership-01'), personOf(c, person));
    expect(m).toMatchObject({ roleType: 'CHAIR', startDate: '2013-12-03', organizationSourceId: 'organizations/5' });
  });

  it('reads German roles', () => {
    expect(['Vorsitzender', '1. Stellvertreter', 'Stellvertretende Vorsitzende', 'Mitglied', 'Stellvertretendes Mitglied', 'Schriftführerin', 'Ratsherr', 'Geschäftsführer', null].map(roleTypeOf))
      .toEqual(['CHAIR', 'VICE_CHAIR', 'VICE_CHAIR', 'MEMBER', 'DEPUTY', 'SECRETARY', 'MEMBER', 'OTHER', 'MEMBER']);
  });
});

describe('File-01', () => {
  it('is an attachment: accessUrl, mimeType, size, name', () => {
    expect(fileOf(c, fixture('File-01'), 'auxiliaryFile')).toEqual({
      id: 'beispiel:attachment:files/57737', sourceId: 'files/57737', title: 'Anlage 1 zur Anfrage', url: 'https://oparl.example.org/files/57737.pdf', mimeType: 'application/pdf', language: null,
      typeRaw: 'auxiliaryFile', publishedAt: '2013-01-04T00:00:00+01:00', fileName: 'anlage_1_zur_anfrage.pdf', size: 82930, downloadUrl: 'https://oparl.example.org/files/download/57737.pdf', sourceUrl: 'https://oparl.example.org/files/57737',
    });
  });
});

describe('outcome of an agenda item\'s result', () => {
  it.each([
    ['beschlossen', 'ADOPTED'], ['Einstimmig beschlossen', 'ADOPTED'], ['mehrheitlich beschlossen', 'ADOPTED'], ['Unverändert beschlossen', 'ADOPTED'],
    ['einstimmig beschlossen (bei 2 Enthaltungen)', 'ADOPTED'], ['beschlossen, bei 3 Gegenstimmen', 'ADOPTED'], ['angenommen', 'ADOPTED'],
    ['Geändert beschlossen', 'AMENDED'], ['mit Änderungen beschlossen', 'AMENDED'], ['geändert empfohlen', 'AMENDED'],
    ['abgelehnt', 'REJECTED'], ['mehrheitlich abgelehnt', 'REJECTED'], ['nicht beschlossen', 'REJECTED'],
    ['zur Kenntnis genommen', 'NOTED'], ['Kenntnisnahme', 'NOTED'],
    ['vertagt', 'POSTPONED'], ['zurückgestellt', 'POSTPONED'],
    ['zurückgezogen', 'WITHDRAWN'], ['von der Tagesordnung abgesetzt', 'WITHDRAWN'],
    ['in den Ausschuss verwiesen', 'REFERRED_BACK'],
  ])('%s → %s', (result, outcome) => {
    expect(outcomeOf(result)).toEqual({ outcome, raw: result, unmapped: false });
  });

  it('keeps a wording it does not know, as UNKNOWN and unmapped; none is not unmapped', () => {
    expect(outcomeOf('erledigt')).toEqual({ outcome: 'UNKNOWN', raw: 'erledigt', unmapped: true });
    expect(outcomeOf('  ')).toEqual({ outcome: 'UNKNOWN', raw: null, unmapped: false });
    expect(outcomeOf(undefined)).toEqual({ outcome: 'UNKNOWN', raw: null, unmapped: false });
  });
});

describe('dates and list entries', () => {
  it('keeps an offset, gives a UTC or local time the city\'s', () => {
    expect(dateTimeOf(c, '2013-01-04T08:00:00+01:00')).toBe('2013-01-04T08:00:00+01:00');
    expect(dateTimeOf(c, '2013-07-04T06:00:00Z')).toBe('2013-07-04T08:00:00+02:00');
    expect(dateTimeOf(c, '2013-07-04T08:00:00')).toBe('2013-07-04T08:00:00+02:00');
    expect(dateTimeOf(c, 'morgen')).toBeNull();
  });

  it('sets aside entries without a URL id or of another type', () => {
    expect(problemOf('meeting', fixture('Meeting-01'))).toBeNull();
    expect(problemOf('paper', fixture('Meeting-01'))).toMatch(/type/);
    expect(problemOf('meeting', { name: 'x' })).toMatch(/no id/);
  });
});
