/**
 * Helsinki mapping over the real Ahjo samples in test/fixtures/helsinki (sources beside each file),
 * including their quirks: HTML text, local times without offset, "" dates, "true"/"false" strings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decisionsOf, decisionOf, groupTranslations, decisionLanguage, isCopyOf } from '../mapping/decision';
import { voteEventsOf } from '../mapping/votes';
import { bodyOfMeeting, decisionOfAgendaItem, meetingOf } from '../mapping/meeting';
import { caseOf, caseStatusOf, isDecisionRecord } from '../mapping/case';
import { bodyOf, decisionMakerOf } from '../mapping/body';
import { attachmentOf } from '../mapping/attachment';
import { membershipOf, personOf } from '../mapping/people';
import { dateTimeOf, mappingCity } from '../mapping/common';
import { cityById } from '../../../schema/cities';
import type { AhjoCase, AhjoDecision, AhjoDecisionMaker, AhjoMeeting, AhjoOrganization, AhjoRecord, AhjoVotingResult } from '../upstream/types';

/** The city the samples come from, as mapping knows it. */
const HELSINKI = mappingCity(cityById('helsinki'));
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/helsinki');
const load = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as T;

describe('every fixture names its source', () => {
  it.each(fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')))('%s has a .source.txt with repo, path and commit', (file) => {
    const source = fs.readFileSync(path.join(FIXTURES, file.replace(/\.json$/, '.source.txt')), 'utf8');
    expect(source).toMatch(/^repo: \S+/m);
    expect(source).toMatch(/^path: \S+/m);
    expect(source).toMatch(/^commit: [0-9a-f]{40}$/m);
  });
});

describe('decision (helsinki-ahjo-decision.json)', () => {
  const raw = load<AhjoDecision>('helsinki-ahjo-decision.json');
  const d = decisionOf(HELSINKI, [raw]);

  it('keeps Ahjo ids and builds the global id', () => {
    expect(d.id).toBe('helsinki:decision:{B0480A7A-2712-49B6-9938-02A1E52593C1}');
    expect(d.sourceId).toBe('{B0480A7A-2712-49B6-9938-02A1E52593C1}');
    expect(d.caseSourceId).toBe('HEL-2021-012054');
    expect(d.caseIdLabel).toBe('HEL 2021-012054');
    expect(d.number).toBe('110');
    expect(d.sourceUrl).toBe('https://ahjo.hel.fi:9802/ahjorest/v1/decisions/%7BB0480A7A-2712-49B6-9938-02A1E52593C1%7D?apireqlang=fi');
  });

  it('turns the meeting\'s local time without offset into the Helsinki offset (winter: +02:00)', () => {
    expect(d.date).toBe('2021-12-14');
    expect(d.decidedAt).toBe('2021-12-14T16:00:00+02:00');
  });

  it('gives the HTML Content and Motion as html and plain text', () => {
    const v = d.versions[0];
    expect(v.lang).toBe('fi');
    expect(v.content?.html).toContain('<div class="Asiapykala">§ 110</div>');
    expect(v.content?.plain).toContain('Tarkastuslautakunta päätti hyväksyä toimintasuunnitelman vuosille 2022-2025.');
    expect(v.content?.plain).not.toMatch(/<[a-z]/i);
    expect(v.content?.plain).not.toContain('ThisHTMLGenerated'); // <head> is not text
    expect(v.proposal?.plain).toContain('Päätösehdotus');
  });

  it('derives the outcome from the "Päätös" paragraph and keeps it verbatim', () => {
    expect(d.outcomeRaw).toBe('Tarkastuslautakunta päätti hyväksyä toimintasuunnitelman vuosille 2022-2025.');
    expect(d.outcome).toBe('ADOPTED');
  });

  it('maps the organisation with "true" strings and open-ended dissolution', () => {
    expect(d.body).toMatchObject({ id: 'helsinki:body:U003110', name: 'Tarkastuslautakunta', type: 'COMMITTEE', typeRaw: 'Lautakunta', active: true, formedOn: '2017-06-01', dissolvedOn: null });
    expect(d.body?.sector).toEqual({ sectorId: 'U50', name: 'Keskushallinto' });
    expect(d.body?.parentRefs.map((p) => p.sourceId)).toEqual(['U003000']);
  });

  it('maps categories, attachments ("" Issued → null) and no votes', () => {
    expect(d.categories).toEqual([
      { id: 'helsinki:category:00 01 01', code: '00 01 01', name: 'Toiminnan suunnittelu ja seuranta', scheme: expect.any(String), parentCode: '00 01' },
    ]);
    expect(d.attachments).toHaveLength(1);
    expect(d.attachments[0]).toMatchObject({ sourceId: '{A31F4E6C-53CE-C530-8606-7D9E9DE00000}', typeRaw: 'liite', language: 'fi', publishedAt: null, mimeType: 'application/pdf' });
    expect(d.voteEvents).toEqual([]);
    expect(d.isOfficerDecision).toBe(false);
  });

  it('handles an officer decision without meeting and a decision without case', () => {
    const officer: AhjoDecision = {
      ...raw,
      NativeId: '{11111111-2222-3333-4444-555555555555}',
      Meeting: null,
      CaseID: null,
      CaseIDLabel: null,
      DateDecision: '2026-03-29T03:30:00.000',
      Organization: { ...raw.Organization!, ID: 'U02100VH2', Name: 'Kansliapäällikkö', Type: 'Viranhaltija', TypeId: '12' },
    };
    const o = decisionOf(HELSINKI, [officer]);
    expect(o.isOfficerDecision).toBe(true);
    expect(o.meetingRef).toBeNull();
    expect(o.caseSourceId).toBeNull();
    expect(o.url).toBeNull();
    expect(o.body?.type).toBe('OFFICER');
    // Helsinki moves to summer time at 03:00 on 2026-03-29: 03:30 does not exist locally and
    // becomes 04:30+03:00 (the same instant as 03:30 winter time); 02:30 is still +02:00.
    expect(o.decidedAt).toBe('2026-03-29T04:30:00+03:00');
    expect(o.date).toBe('2026-03-29');
    expect(dateTimeOf(HELSINKI, '2026-03-29T02:30:00.000')).toBe('2026-03-29T02:30:00+02:00');
    expect(dateTimeOf(HELSINKI, '2026-10-25T12:00:00.000')).toBe('2026-10-25T12:00:00+02:00');
  });
});

describe('Swedish translations', () => {
  const fi = load<AhjoDecision>('helsinki-ahjo-decision.json');
  const sv: AhjoDecision = {
    ...fi,
    NativeId: '{C0FFEE00-2712-49B6-9938-02A1E52593C1}',
    Title: 'Revisionsnämndens verksamhetsplan 2022–2025',
    Content: fi.Content!.replace('lang="fi"', 'lang="sv"').replace('<h3 class="SisaltoOtsikko">Päätös</h3><p>Tarkastuslautakunta päätti hyväksyä toimintasuunnitelman vuosille 2022-2025.</p>', '<h3 class="SisaltoOtsikko">Beslut</h3><p>Revisionsnämnden beslutade godkänna verksamhetsplanen för 2022–2025.</p>'),
    Motion: '',
    links: [{ rel: 'self', href: 'https://ahjo.hel.fi:9802/ahjorest/v1/decisions/%7BC0FFEE00%7D' }],
  };

  it('reads the language from <html lang> when the PDF field is absent', () => {
    expect(decisionLanguage(HELSINKI, fi)).toBe('fi');
    expect(decisionLanguage(HELSINKI, sv)).toBe('sv');
  });

  it('links the Swedish version to the Finnish one instead of listing it twice', () => {
    const decisions = decisionsOf(HELSINKI, [sv, fi]);
    expect(decisions).toHaveLength(1);
    const d = decisions[0];
    expect(d.sourceId).toBe(fi.NativeId);
    expect(d.availableLanguages).toEqual(['fi', 'sv']);
    expect(d.titles).toEqual([
      { lang: 'fi', text: 'Tarkastuslautakunnan toimintasuunnitelma 2022-2025' },
      { lang: 'sv', text: 'Revisionsnämndens verksamhetsplan 2022–2025' },
    ]);
    expect(d.versions[1].proposal).toBeNull(); // Motion "" is no proposal
    expect(d.nativeIds).toEqual([fi.NativeId, sv.NativeId]);
  });

  it('does not merge two different decisions in the same language, nor decisions of other sections', () => {
    const other = { ...fi, NativeId: '{X}', Content: fi.Content!.replace('päätti hyväksyä toimintasuunnitelman', 'päätti palauttaa asian uudelleen valmisteltavaksi') };
    expect(groupTranslations(HELSINKI, [fi, other])).toHaveLength(2);
    expect(groupTranslations(HELSINKI, [fi, { ...sv, Section: '111' }])).toHaveLength(2);
  });

  describe('a decision published twice: a Swedish-titled copy with the Finnish content', () => {
    // Real Ahjo dumps hold such pairs: the same case, meeting and section, a second NativeId, the
    // Finnish Content (lang="fi", PDF Language fi) under a Swedish Title, and the same votes.
    const voting = load<AhjoVotingResult[]>('helsinki-ahjo-decision-votingresults.json');
    const original: AhjoDecision = { ...fi, VotingResults: voting };
    const copy: AhjoDecision = { ...original, NativeId: '{D0D0CAFE-2712-49B6-9938-02A1E52593C1}', Title: 'Revisionsnämndens verksamhetsplan 2022–2025', PDF: { VersionSeriesId: '{V}', Language: 'fi', Issued: '' } as AhjoDecision['PDF'] };

    it('is one decision whose Swedish title is the copy\'s, its vote counted once', () => {
      expect(isCopyOf(HELSINKI, copy, original)).toBe(true);
      const decisions = decisionsOf(HELSINKI, [copy, original]);
      expect(decisions).toHaveLength(1);
      const [d] = decisions;
      expect(d.sourceId).toBe(original.NativeId);
      expect(d.nativeIds).toEqual([original.NativeId, copy.NativeId]);
      expect(d.titles).toEqual([
        { lang: 'fi', text: 'Tarkastuslautakunnan toimintasuunnitelma 2022-2025' },
        { lang: 'sv', text: 'Revisionsnämndens verksamhetsplan 2022–2025' },
      ]);
      expect(d.versions[1]).toMatchObject({ lang: 'sv', sourceId: copy.NativeId, content: null }); // no Swedish content exists
      expect(d.voteEvents).toHaveLength(voteEventsOf(HELSINKI, original.NativeId, voting).length);
      expect(d.voteEvents.length).toBeGreaterThan(0);
    });

    it('joins a real translation without displacing it', () => {
      const [d] = decisionsOf(HELSINKI, [copy, sv, original]);
      expect(d.availableLanguages).toEqual(['fi', 'sv']);
      expect(d.versions[1].sourceId).toBe(sv.NativeId);
      expect(d.nativeIds).toEqual([original.NativeId, sv.NativeId, copy.NativeId]);
    });

    it('adds no title when the copy has the same title', () => {
      const [d] = decisionsOf(HELSINKI, [{ ...copy, Title: original.Title }, original]);
      expect(d.availableLanguages).toEqual(['fi']);
      expect(d.nativeIds).toHaveLength(2);
    });
  });
});

describe('votes (helsinki-ahjo-decision-votingresults.json, real)', () => {
  const results = load<AhjoVotingResult[]>('helsinki-ahjo-decision-votingresults.json');
  const [vote] = voteEventsOf(HELSINKI, '{4629CBFB-D732-44BC-BE96-CC1FDD544325}', results);

  it('gives counts per option from NumberOfVotes', () => {
    expect(vote.id).toBe('helsinki:vote:{4629CBFB-D732-44BC-BE96-CC1FDD544325}:1');
    expect(vote.counts.map((c) => [c.option, c.optionRaw, c.value])).toEqual([
      ['YES', 'Ayes', 9],
      ['NO', 'Noes', 4],
      ['ABSTAIN', 'Blank', 0],
      ['ABSENT', 'Absent', 0],
    ]);
    expect(vote.totalCast).toBe(13);
    expect(vote.counts[0].motion).toBe('Esityksen mukaan');
  });

  it('gives individual votes with natural-order names and groups ("" group → null)', () => {
    expect(vote.votes).toHaveLength(13);
    expect(vote.votes[0]).toMatchObject({
      option: 'YES',
      group: 'Ruotsalaisen kansanpuolueen valtuustoryhmä',
      voter: { id: 'helsinki:person:exl.silja.sandelin', name: 'Silja Borgarsdottir Sandelin', familyName: 'Borgarsdottir Sandelin', givenName: 'Silja' },
    });
    expect(vote.votes.filter((v) => v.group === null)).toHaveLength(2);
  });

  it('counts per council group and option', () => {
    const count = (group: string | null, option: string) => vote.groupCounts.find((g) => g.group === group && g.option === option)?.value;
    expect(count('Vihreä valtuustoryhmä', 'YES')).toBe(3);
    expect(count('Kokoomuksen valtuustoryhmä', 'NO')).toBe(3);
    expect(count('Kokoomuksen valtuustoryhmä', 'YES')).toBe(1);
    expect(count(null, 'YES')).toBe(2);
    expect(vote.groupCounts.reduce((s, g) => s + g.value, 0)).toBe(13);
  });

  it('maps the anonymised single VotingResults fixture too', () => {
    const [v] = voteEventsOf(HELSINKI, '{X}', [load<AhjoVotingResult>('helsinki-ahjo-voting-result-fixture.json')]);
    expect(v.counts.find((c) => c.option === 'YES')?.value).toBe(11); // NumberOfVotes, though only 3 voters are listed
    expect(v.votes).toHaveLength(5);
    expect(v.motion).toMatch(/^Samalla lautakunta edellyttää/);
  });
});

describe('meeting (helsinki-ahjo-meeting.json and the cancelled one)', () => {
  const m = meetingOf(HELSINKI, load<AhjoMeeting>('helsinki-ahjo-meeting.json'), '2026-11-27');

  it('maps time, status, nulls for unpublished flags', () => {
    expect(m.id).toBe('helsinki:meeting:U501020213');
    expect(m.start).toBe('2021-11-15T17:00:00+02:00');
    expect(m.date).toBe('2021-11-15');
    expect(m.status).toBe('HELD');
    expect(m.statusRaw).toBe('Päätetty teknisesti');
    expect(m.agendaPublished).toBeNull();
    expect(m.minutesPublished).toBeNull();
    expect(m.meetingSequenceNumber).toBe(3);
    expect(m.bodySourceId).toBe('U5010');
    expect(m.previousMeetingRef?.MeetingID).toBe('U501020212');
  });

  it('maps the agenda with HTML and PDF, and the composition roles', () => {
    expect(m.agenda).toHaveLength(3);
    expect(m.agenda[0]).toMatchObject({ id: 'helsinki:agendaitem:U501020213:1', number: '1', section: null, title: expect.stringMatching(/^Kokouksen laillisuuden/) });
    expect(m.agenda[0].content?.plain.length).toBeGreaterThan(20);
    expect(m.agenda[0].attachments[0]).toMatchObject({ typeRaw: 'esitys', personalData: 'Sisältää henkilötietoja' });
    expect(m.participants).toHaveLength(43);
    expect(m.participants[0]).toMatchObject({ person: { name: 'Paavo Arhinmäki', id: null }, role: 'Varajäsen', roleType: 'DEPUTY', deputyOf: 'Anna Vuorjoki' });
    expect(m.participants.find((p) => p.role === 'Pöytäkirjanpitäjä')?.roleType).toBe('SECRETARY');
    expect(m.participants.find((p) => p.role === 'Asiantuntija')?.roleType).toBe('OTHER');
    expect(m.decisionAnnouncement?.plain).toContain('Päätöstiedote nro 3');
    expect(m.attachments[0].typeRaw).toBe('esityslista');
  });

  it('marks "peruttu" as CANCELLED, whatever the date', () => {
    const cancelled = meetingOf(HELSINKI, load<{ meetings: AhjoMeeting[] }>('helsinki-ahjo-meetings-cancelled.json').meetings[0], '2020-01-01');
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.statusRaw).toBe('peruttu');
    expect(cancelled.agenda).toEqual([]);
    expect(cancelled.agendaPublished).toBe(false);
    expect(cancelled.start).toBe('2022-03-31T08:00:00+03:00'); // summer time
  });

  it('finds the decision of an agenda item without Section by its title (the real agenda has no Section)', () => {
    // Real: agenda item 2 of U501020213 and the real decision of the same title (fixture
    // ahjo-decision-statements.json, entry 24, § 12), as decisions of that meeting.
    const item = m.agenda[1];
    expect(item.section).toBeNull();
    const real = { number: '12', titles: [{ text: 'Sosiaali- ja terveydenhuollon sekä pelastustoimen rahoituksen kokonaisuus' }] };
    const other = { number: '11', titles: [{ text: 'Kokouksen laillisuuden ja päätösvaltaisuuden toteaminen sekä pöytäkirjan tarkastajien valinta' }] };
    expect(decisionOfAgendaItem(HELSINKI, item, [other, real])).toBe(real);
    expect(decisionOfAgendaItem(HELSINKI, m.agenda[2], [other, real])).toBeNull();
    // Two decisions of the title: no guess.
    expect(decisionOfAgendaItem(HELSINKI, item, [real, { ...real, number: '13' }])).toBeNull();
    // With a Section, the section decides.
    expect(decisionOfAgendaItem(HELSINKI, { ...item, section: '11' }, [other, real])).toBe(other);
  });

  it('names the meeting\'s decision maker as a body when nothing else describes it', () => {
    expect(bodyOfMeeting(HELSINKI, m)).toMatchObject({ id: 'helsinki:body:U5010', sourceId: 'U5010', name: 'Kaupunginhallituksen sosiaali- ja terveydenhuollon sekä pelastustoimen uudistusjaosto', type: 'OTHER' });
    expect(bodyOfMeeting(HELSINKI, { bodySourceId: null, bodyName: null })).toBeNull();
  });

  it('calls a future meeting SCHEDULED', () => {
    expect(meetingOf(HELSINKI, { ...load<AhjoMeeting>('helsinki-ahjo-meeting.json'), DateMeeting: '2027-01-10T10:00:00.000' }, '2026-11-27').status).toBe('SCHEDULED');
  });
});

describe('cases (helsinki-ahjo-cases.json, helsinki-ahjo-case.json)', () => {
  it('maps list elements without handlings or records', () => {
    const cases = load<{ cases: AhjoCase[] }>('helsinki-ahjo-cases.json').cases.map((c) => caseOf(HELSINKI, c));
    expect(cases).toHaveLength(5);
    expect(cases[0]).toMatchObject({ id: 'helsinki:case:HEL-2022-011760', label: 'HEL 2022-011760', status: 'OPEN', statusRaw: 'Vireillä', openedAt: '2022-10-05T13:37:07.237+03:00', handlings: [], decisionIds: [] });
  });

  it('maps a case with handlings ("" deadline → null) and records, and finds its decision records', () => {
    const c = caseOf(HELSINKI, load<AhjoCase>('helsinki-ahjo-case.json'));
    expect(c.status).toBe('CLOSED');
    expect(c.handlings).toHaveLength(2);
    expect(c.handlings[0]).toEqual({ workSequenceNumber: 1, sector: 'Keskushallinto', sectorId: 'U50', status: 'Päättynyt', createdAt: '2025-01-23T11:21:17.543+02:00', nearestDeadline: null });
    expect(c.attachments.map((a) => a.language)).toEqual(['fi', 'sv', 'fi']);
    expect(c.decisionIds).toEqual(['{1FFF7A3A-506E-4CE7-9EC0-63BF21CF8C7D}']);
    expect(c.categories[0]).toMatchObject({ code: '00 00 03', name: 'Valtuuston aloitetoiminta' });
  });

  it('counts officer decision records ("viranhaltijan päätös") among the case\'s decisions', () => {
    const real = load<AhjoCase>('helsinki-ahjo-case.json');
    const officerRecord = { ...real.Records![2], NativeId: '{aaaa0000-1111-2222-3333-444455556666}', Type: 'viranhaltijan päätös' };
    const c = caseOf(HELSINKI, { ...real, Records: [...real.Records!, officerRecord] });
    expect(c.decisionIds).toEqual(['{1FFF7A3A-506E-4CE7-9EC0-63BF21CF8C7D}', '{AAAA0000-1111-2222-3333-444455556666}']);
    expect(isDecisionRecord('päätös')).toBe(true);
    expect(isDecisionRecord('Viranhaltijan päätös')).toBe(true);
    expect(isDecisionRecord('esitys')).toBe(false);
    expect(isDecisionRecord('päätösehdotus')).toBe(false);
  });

  it('maps every case status Ahjo writes; "Päätetty" is DECIDED', () => {
    expect(caseStatusOf('Vireillä')).toBe('OPEN');
    expect(caseStatusOf('Päätetty')).toBe('DECIDED');
    expect(caseStatusOf(' päätetty ')).toBe('DECIDED');
    expect(caseStatusOf('Ratkaistu')).toBe('CLOSED');
    expect(caseStatusOf('Arkistoitu')).toBe('UNKNOWN');
    expect(caseStatusOf(null)).toBe('UNKNOWN');
  });
});

describe('organisations and decision makers', () => {
  it('maps /organization with "false" strings in the level below', () => {
    const b = bodyOf(HELSINKI, load<AhjoOrganization>('helsinki-ahjo-organization.json'));
    expect(b).toMatchObject({ sourceId: '02900', type: 'COUNCIL', active: true, sector: null, dissolvedOn: null });
    expect(b.parentRefs[0]).toMatchObject({ sourceId: '00001', name: 'Helsingin kaupunki', type: 'ORGANIZATION' });
    expect(b.childRefs[0]).toMatchObject({ sourceId: '00400', active: false, type: 'BOARD' });
  });

  it('maps the composition of /organization/decisionmakingorganizations', () => {
    const org = load<{ organizations: Array<AhjoOrganization & { Composition: [] }> }>('helsinki-ahjo-decisionmakingorganizations.json').organizations[0];
    const b = bodyOf(HELSINKI, org, org.Composition);
    expect(b.members?.map((m) => [m.person.name, m.person.sourceId, m.roleType])).toEqual([
      ['Aku Ankka', 'a.ankka', 'DEPUTY'],
      ['Roope Ankka', 'r.ankka', 'CHAIR'],
    ]);
  });

  it('maps /agents/decisionmakers officers', () => {
    const dms = load<{ decisionMakers: AhjoDecisionMaker[] }>('helsinki-ahjo-decisionmakers.json').decisionMakers.map((dm) => decisionMakerOf(HELSINKI, dm));
    expect(dms).toHaveLength(19);
    expect(dms[0]).toMatchObject({ id: 'helsinki:body:U02100VH2', name: 'Kansliapäällikkö', type: 'OFFICER', active: true, members: [], isDecisionMaker: true });
    expect(dms[0].parentRefs[0].name).toBe('Kaupunginkanslia');
  });
});

describe('records and people', () => {
  it('maps a record with an issued time at 02:00 local', () => {
    const a = attachmentOf(HELSINKI, load<AhjoRecord>('helsinki-ahjo-record.json'));
    expect(a).toMatchObject({ typeRaw: 'päätös', publishedAt: '2025-01-31T02:00:00+02:00', versionSeriesId: '{DC853DE7-C540-C86E-AD31-94B7A9D00007}' });
  });

  it('splits "Surname, Given" names of trustees', () => {
    const t = load<{ Name: string; ID: string; CouncilGroup: string }>('helsinki-ahjo-positionoftrust.json');
    expect(personOf(HELSINKI, t.Name, t.ID, t.CouncilGroup)).toEqual({ id: 'helsinki:person:test-trustee', sourceId: 'test-trustee', name: 'Testaaja Testi', givenName: 'Testaaja', familyName: 'Testi', group: 'Valtuustoryhmä' });
    expect(membershipOf(HELSINKI, { Name: 'Anna Vuorjoki', Role: 'Jäsen', DeputyOf: null }).roleType).toBe('MEMBER');
  });

  it('converts "" dates to null', () => {
    expect(dateTimeOf(HELSINKI, '')).toBeNull();
  });
});

