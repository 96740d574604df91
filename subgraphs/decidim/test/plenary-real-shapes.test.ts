/**
 * The plenary parsers on the files' real shapes (issue 11), from the fixtures reconstructed byte for
 * byte from excerpts of the real files (test/fixtures/barcelona/plenary-real-shape-*.csv, see their
 * .source.txt): caption line, header and delimiter found, not assumed; TAB-prefixed records; every
 * value of both vocabularies mapped; rows that cannot be placed reported with their line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { minutesPartsOf, parseCurrentTermFile as parseCurrentTermFileWith, parsePlenaryFile as parsePlenaryFileWith, parsePreviousTermFile as parsePreviousTermFileWith, plenaryLayout, votingMethodOf, voteOptionOf } from '../mapping/plenary';
import { decisionsOf, outcomeOfResult } from '../mapping/decision';
import { cityById } from '../../../schema/cities';
import { decidimCity, plenaryOptionsOf } from '../mapping/city';

// The mapping takes the city it maps for: Barcelona, as the registry gives it.
const bcn = decidimCity(cityById('barcelona'));
const BCN = plenaryOptionsOf(bcn);
const parseCurrentTermFile = (content: string, file?: string) => parseCurrentTermFileWith(content, file, BCN);
const parsePlenaryFile = (content: string, file: string) => parsePlenaryFileWith(content, file, BCN);
const parsePreviousTermFile = (content: string, file?: string) => parsePreviousTermFileWith(content, file, BCN);

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/barcelona');
const PREVIOUS_TEXT = fs.readFileSync(path.join(FIXTURES, 'plenary-real-shape-2019-2023.csv'), 'utf8');
const CURRENT_TEXT = fs.readFileSync(path.join(FIXTURES, 'plenary-real-shape-current.csv'), 'utf8');

describe('the 2019–2023 file as it really is', () => {
  const { agreements, unplaced } = parsePreviousTermFile(PREVIOUS_TEXT);
  const decisions = decisionsOf(bcn, agreements, () => 'file');
  const at = (line: number) => agreements.find((a) => a.line === line)!;

  it('finds the header under the caption and reads it ;-separated: every record placed, at its first line', () => {
    expect(plenaryLayout(PREVIOUS_TEXT, 'f')).toMatchObject({ headerLine: 2, delimiter: ';' });
    expect(unplaced).toEqual([]);
    expect(agreements).toHaveLength(7);
    // Lines 4-5 and 8-9 are one record each (a newline inside the quoted resum).
    expect(agreements.map((a) => a.line)).toEqual([3, 4, 6, 7, 8, 10, 11]);
    expect(agreements.map((a) => a.sessionRef)).toEqual(['CP 12/19', 'CP 12/19', 'CP 09/22', 'CP 09/22', 'CP 09/22', 'CP 13/22', 'CP 13/22']);
  });

  it('reads d/m/yyyy dates, quoted resum (doubled quotes, trailing newline trimmed), equip_govern and Proposta', () => {
    expect(at(6)).toMatchObject({ sessionDate: '2022-06-23', titleCa: 'Aprovar la mesura de govern "Barcelona Demà", de reactivació econòmica, social i cultural', titleEs: null, proposer: 'Govern municipal', textHtml: null });
    expect(at(3).sessionDate).toBe('2019-10-04');
    expect(at(4).titleCa).toBe('Proposició del Grup Municipal de Barcelona pel Canvi per ajornar les sancions de la zona de baixes emissions');
    expect(at(8).titleCa).toMatch(/assequible$/);
    for (const a of agreements) expect(a.governmentGroups).toEqual(['BComú', 'PSC']);
    // No ref_proposta: no cases; ids are the session and the place in it.
    expect(agreements.every((a) => a.proposalRefs.length === 0)).toBe(true);
    expect(decisions.slice(2, 5).map((d) => d.sourceId)).toEqual(['CP 09/22|s/n', 'CP 09/22|s/n#2', 'CP 09/22|s/n#3']);
  });

  it('takes `sistema votació` as metadata, not a group, and maps grup / nominal', () => {
    expect(at(3).groupVotes.map((v) => v.label)).toEqual(['ERC', 'BComú', 'PSC', 'JxCat', 'Cs', 'PP', 'BCN Canvi', 'Valents']);
    expect(at(3)).toMatchObject({ votingSystem: 'grup', votingMethod: 'GROUP' });
    expect(at(7)).toMatchObject({ votingSystem: 'nominal', votingMethod: 'NOMINAL' });
  });

  it('a nominal vote has no group vote: every cell empty, nothing recorded, no vote event', () => {
    const nominal = at(7);
    expect(nominal.groupVotes.every((v) => v.option === null && v.raw === '')).toBe(true);
    expect(nominal.councillorVotes).toEqual([]);
    expect(decisions.find((d) => d.agreement === nominal)!.voteEvents).toEqual([]);
  });

  it('maps a_favor, en_contra, abstencio, absencia and empty', () => {
    const votes = Object.fromEntries(at(6).groupVotes.map((v) => [v.label, [v.option, v.raw]]));
    expect(votes).toEqual({
      ERC: ['ABSTAIN', 'abstencio'], BComú: ['YES', 'a_favor'], PSC: ['YES', 'a_favor'], JxCat: ['NO', 'en_contra'],
      Cs: ['ABSENT', 'absencia'], PP: ['ABSTAIN', 'abstencio'], 'BCN Canvi': [null, ''], Valents: ['ABSTAIN', 'abstencio'],
    });
    const [vote] = decisions.find((d) => d.agreement === at(6))!.voteEvents;
    expect(Object.fromEntries(vote.counts.map((c) => [c.option, [c.value, c.optionRaw]]))).toEqual({
      YES: [2, 'a_favor'], NO: [1, 'en_contra'], ABSTAIN: [3, 'abstencio'], ABSENT: [1, 'absencia'], NOT_VOTING: [0, '-'],
    });
    expect(vote.totalCast).toBe(6); // absent is not cast
    expect(at(8).groupVotes.find((v) => v.label === 'PP')).toEqual({ label: 'PP', group: 'PP', option: null, raw: '' });
  });

  it('maps aprovat_unanimitat, aprovat and rebutjat', () => {
    expect(decisions.map((d) => [d.agreement.result, d.outcome])).toEqual([
      ['aprovat_unanimitat', 'ADOPTED'], ['rebutjat', 'REJECTED'], ['aprovat', 'ADOPTED'], ['aprovat', 'ADOPTED'], ['aprovat', 'ADOPTED'], ['rebutjat', 'REJECTED'], ['aprovat', 'ADOPTED'],
    ]);
  });

  it('splits a two-part part_acta; a part D) makes it a motion', () => {
    expect(at(8)).toMatchObject({ minutesPart: "C) Part decisòria / Executiva,D) Part d'impuls i control", minutesParts: ['C) Part decisòria / Executiva', "D) Part d'impuls i control"] });
    expect(decisions.find((d) => d.agreement === at(8))!.isMotion).toBe(true);
    expect(decisions.find((d) => d.agreement === at(6))!.isMotion).toBe(false);
  });
});

describe('the current-term file as it really is', () => {
  const { agreements, unplaced } = parseCurrentTermFile(CURRENT_TEXT);
  const at = (line: number) => agreements.find((a) => a.line === line)!;

  it('places every TAB-prefixed record, the multi-line one at its first line', () => {
    expect(CURRENT_TEXT.split('\n').filter((l) => l.startsWith('\tCP ')).length).toBe(7);
    expect(plenaryLayout(CURRENT_TEXT, 'f')).toMatchObject({ headerLine: 1, delimiter: ';' });
    expect(unplaced).toEqual([]);
    expect(agreements.map((a) => a.line)).toEqual([2, 3, 4, 6, 7, 8, 9]);
  });

  it('trims ref_sessio (TAB, trailing spaces) and keeps its EXT suffix', () => {
    expect(agreements.map((a) => a.sessionRef)).toEqual(['CP 12/23', 'CP 12/23', 'CP 12/23', 'CP 16/23', 'CP 07/24', 'CP 14/25 EXT', 'CP 14/25 EXT']);
    expect(at(8).sessionDate).toBe('2025-12-22');
    expect(at(2).sessionDate).toBe('2023-09-29');
  });

  it('splits three references separated by "; ", and keeps s/n', () => {
    expect(at(4).proposalRefs).toEqual(['M2327/156', 'M2327/157', 'M2327/158']);
    expect(at(4).textHtml).toBe("<p>El Plenari del Consell Municipal acorda:</p>\n<p>Instar el Govern municipal a rebaixar l&#39;impost; i informar-ne la comissió.</p>");
    expect(at(2).proposalRefs).toEqual(['s/n']);
    const [d] = decisionsOf(bcn, [at(4)], () => 'f');
    expect(d.sourceId).toBe('CP 12/23|M2327/156;M2327/157;M2327/158');
  });

  it('maps A favor, En contra, Abstenció, "-" (NOT_VOTING) and empty (nothing recorded)', () => {
    const votes = Object.fromEntries(at(3).groupVotes.map((v) => [v.group, v.option]));
    expect(votes).toMatchObject({ 'Barcelona en Comú': 'YES', PSC: 'YES', ERC: 'ABSTAIN', PP: 'NO', Vox: 'NOT_VOTING' });
    expect(at(3).groupVotes.find((v) => v.label === 'VOX')).toEqual({ label: 'VOX', group: 'Vox', option: 'NOT_VOTING', raw: '-' });
    expect(at(8).groupVotes.find((v) => v.label === 'Esquerra Republicana')).toEqual({ label: 'Esquerra Republicana', group: 'ERC', option: null, raw: '' });
    const [vote] = decisionsOf(bcn, [at(8)], () => 'f')[0].voteEvents;
    expect(vote.groupCounts.map((g) => g.group)).not.toContain('ERC');
  });

  it('reads an empty sistema_votacio as nothing recorded, and a nominal vote per councillor', () => {
    expect(at(3)).toMatchObject({ votingSystem: null, votingMethod: null });
    expect(at(9).votingSystem).toBeNull();
    expect(at(6)).toMatchObject({ votingSystem: 'nominal', votingMethod: 'NOMINAL' });
    expect(at(6).councillorVotes.map((v) => [v.name, v.group, v.option])).toEqual([
      ['Anna Puig Soler', 'Barcelona en Comú', 'NO'], ['Jordi Vidal Roca', 'PSC', 'YES'], ['Marta Casals Font', 'ERC', 'ABSTAIN'], ['Pere Riera Mas', 'Junts', 'NO'],
    ]);
    expect(at(2)).toMatchObject({ votingSystem: 'Votació per grup', votingMethod: 'GROUP' });
  });

  it('maps every resultat of the excerpt, fixes &xxx: entities and swapped titles', () => {
    expect(decisionsOf(bcn, agreements, () => 'f').map((d) => [d.agreement.result, d.outcome])).toEqual([
      ['Aprovat per unanimitat', 'ADOPTED'], ['Aprovada', 'ADOPTED'], ['Rebutjada', 'REJECTED'], ['No aprovada', 'REJECTED'],
      ['Aprovada amb text transaccionat', 'AMENDED'], ['Aprovada', 'ADOPTED'], ['Aprovat per unanimitat', 'ADOPTED'],
    ]);
    expect(at(8)).toMatchObject({ titleCa: "Aprovar la modificació de l'Ordenança fiscal núm. 3.12", titleEs: 'Aprobar la modificación de la Ordenanza fiscal núm. 3.12' });
    expect(at(7)).toMatchObject({ titlesSwapped: true, titleCa: 'Proposició del Grup Municipal del Partit Popular per millorar la neteja dels barris' });
    expect(at(7).groupVotes.filter((v) => v.group === 'Junts').map((v) => [v.label, v.option])).toEqual([['Junts per Catalunya', null], ['Junts per Barcelona', 'YES']]);
  });
});

describe('values', () => {
  it.each([
    ['aprovat_unanimitat', 'ADOPTED'],
    ['Aprovat per unanimitat', 'ADOPTED'],
    ['APROVADA', 'ADOPTED'],
    ['aprovat', 'ADOPTED'],
    ['Aprovada amb modificacions', 'AMENDED'],
    ['aprovada_amb_text_transaccionat', 'AMENDED'],
    ['rebutjat', 'REJECTED'],
    ['Rebutjada', 'REJECTED'],
    ['No aprovada', 'REJECTED'],
    ['aprovat_per_majoria', 'UNKNOWN'],
    ['', 'UNKNOWN'],
  ])('resultat %j → %s (case, accents and underscores folded)', (raw, outcome) => expect(outcomeOfResult(raw)).toBe(outcome));

  it('vote cells of both vocabularies; an unknown one is undefined (kept raw, reported), not a misplacement', () => {
    expect(['a_favor', 'A favor', 'en_contra', 'En Contra', 'abstencio', 'Abstenció', 'absencia', 'Absència', '-', '', '  '].map(voteOptionOf)).toEqual(['YES', 'YES', 'NO', 'NO', 'ABSTAIN', 'ABSTAIN', 'ABSENT', 'ABSENT', 'NOT_VOTING', null, null]);
    expect(voteOptionOf('Sí')).toBeUndefined();
  });

  it('voting systems: grup / Votació per grup / nominal / empty', () => {
    expect(['grup', 'Votació per grup', 'votacio_per_grup', 'nominal', 'Nominal', '', 'mà alçada'].map(votingMethodOf)).toEqual(['GROUP', 'GROUP', 'GROUP', 'NOMINAL', 'NOMINAL', null, undefined]);
  });

  it('part_acta: one part, two parts with or without a space after the comma', () => {
    expect(minutesPartsOf("D) Part d'impuls i control")).toEqual(["D) Part d'impuls i control"]);
    expect(minutesPartsOf('C) Part decisòria / Executiva, D) Part d’impuls')).toEqual(['C) Part decisòria / Executiva', 'D) Part d’impuls']);
    expect(minutesPartsOf('')).toEqual([]);
  });
});

describe('layout detection', () => {
  it('tolerates a BOM, a TAB before the header and equip_govern with a space after the comma', () => {
    const text = `\uFEFFsense filtres\r\n\t${PREVIOUS_TEXT.split('\r\n')[1]}\r\n${PREVIOUS_TEXT.split('\r\n')[2].replace('BComú,PSC', 'BComú, PSC')}\r\n`;
    const { agreements, unplaced } = parsePreviousTermFile(text);
    expect(unplaced).toEqual([]);
    expect(agreements[0]).toMatchObject({ line: 3, sessionRef: 'CP 12/19', governmentGroups: ['BComú', 'PSC'] });
  });

  it('reads the shape, not the file name: the current-term shape through the 2019–2023 entry point and back', () => {
    expect(parsePreviousTermFile(CURRENT_TEXT, 'x').agreements).toHaveLength(7);
    expect(parseCurrentTermFile(PREVIOUS_TEXT, 'x').agreements).toHaveLength(7);
    expect(parsePlenaryFile(PREVIOUS_TEXT, 'mandat_2019_2023').agreements[0].file).toBe('mandat_2019_2023');
  });

  it('still reads the older comma-separated shape with ref_proposta', () => {
    const text = 'sense filtres\r\nref_sessio,data_sessio,ref_proposta,resum,resultat,equip_govern,ERC,PSC\r\nCP 1/19,16/7/2019,M1923/1,"Títol, amb coma",Aprovada,"BComú, PSC",A favor,a_favor\r\n';
    expect(parsePreviousTermFile(text).agreements[0]).toMatchObject({ line: 3, proposalRefs: ['M1923/1'], titleCa: 'Títol, amb coma', governmentGroups: ['BComú', 'PSC'] });
  });
});

describe('rows that cannot be placed', () => {
  it('2019–2023: reported with their first line (caption and multi-line records counted), the others kept', () => {
    // Records (a record's own newline inside quotes is a bare \n): [2] is line 3, [3] lines 4-5, [4] line 6 …
    const records = PREVIOUS_TEXT.split('\r\n');
    // Line 6: a field short; line 10: a date that is no date; line 11: a vote column holding text.
    records[4] = records[4].replace(/;abstencio$/, '');
    records[7] = records[7].replace('25/11/2022', '31/31/2022');
    records[8] = records[8].replace(/;en_contra$/, ';<p>text</p>');
    const { agreements, unplaced } = parsePreviousTermFile(records.join('\r\n'));
    expect(agreements.map((a) => a.line)).toEqual([3, 4, 7, 8]);
    expect(unplaced).toEqual([
      { file: 'mandat_2019_2023', line: 6, reason: 'has 16 fields; 17 expected' },
      { file: 'mandat_2019_2023', line: 10, reason: 'data_sessio "31/31/2022" is not d/m/yyyy' },
      { file: 'mandat_2019_2023', line: 11, reason: 'vote column "Valents" holds "<p>text</p>", not a vote' },
    ]);
  });

  it('current term: reported with their line (TAB-prefixed, after a multi-line record), the others kept', () => {
    const lines = CURRENT_TEXT.split('\n');
    lines[5] = lines[5].replace('22/12/2023', 'sense data'); // line 6
    lines[7] = lines[7].replace(';A favor;A favor;;En contra;', ';<p>A favor</p>;A favor;;En contra;'); // line 8
    const { agreements, unplaced } = parseCurrentTermFile(lines.join('\n'));
    expect(agreements.map((a) => a.line)).toEqual([2, 3, 4, 7, 9]);
    expect(unplaced).toEqual([
      { file: 'mandat_actual', line: 6, reason: expect.stringContaining('no data_sessio') },
      { file: 'mandat_actual', line: 8, reason: 'vote column "Barcelona en Comú" holds "<p>A favor</p>", not a vote' },
    ]);
  });

  it('never throws on an unknown value: it is kept raw', () => {
    const text = CURRENT_TEXT.replace('Aprovada amb text transaccionat;Votació per grup', 'Aprovada per majoria;mà alçada').replace(';Abstenció;En contra;-;', ';Sí;En contra;-;');
    const { agreements, unplaced } = parseCurrentTermFile(text);
    expect(unplaced).toEqual([]);
    expect(agreements.find((a) => a.line === 7)).toMatchObject({ result: 'Aprovada per majoria', votingSystem: 'mà alçada', votingMethod: null });
    expect(agreements.find((a) => a.line === 3)!.groupVotes.find((v) => v.group === 'ERC')).toEqual({ label: 'Esquerra Republicana', group: 'ERC', option: null, raw: 'Sí' });
  });
});
