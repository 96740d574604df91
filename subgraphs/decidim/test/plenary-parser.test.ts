/**
 * The plenary parsers on every documented quirk of the two files (research/barcelona-plenary-csv.md),
 * with small inputs written here line by line, and on the replica's default files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { canonicalGroup as canonicalGroupWith, fixEntities, parseCurrentTermFile as parseCurrentTermFileWith, parsePreviousTermFile as parsePreviousTermFileWith, titlesLookSwapped, voteOptionOf } from '../mapping/plenary';
import { decisionsOf, outcomeOfResult } from '../mapping/decision';
import { cityById, replicaOf, ROOT_DIR } from '../../../schema/cities';
import { decidimCity, plenaryOptionsOf } from '../mapping/city';

// The mapping takes the city it maps for: Barcelona, as the registry gives it.
const bcn = decidimCity(cityById('barcelona'));
const BCN = plenaryOptionsOf(bcn);
const canonicalGroup = (label: string) => canonicalGroupWith(label, BCN.groups);
const parseCurrentTermFile = (content: string, file?: string) => parseCurrentTermFileWith(content, file, BCN);
const parsePreviousTermFile = (content: string, file?: string) => parsePreviousTermFileWith(content, file, BCN);

const GROUPS = ['Barcelona en Comú', 'Partit dels Socialistes de Catalunya', 'Esquerra Republicana', 'Partit Popular', 'VOX', 'Junts per Catalunya', 'Junts per Barcelona'];
const COUNCILLORS = ['Anna Puig Soler (BComú)', 'Jordi Vidal Roca (PSC)'];
const HEADER = `ref_sessio;ref_proposta;data_sessio;resum_cat;resum_cast;text;resultat;sistema_votacio;part_acta;tema_cat;tema_cast;organ_resolucio;${[...GROUPS, ...COUNCILLORS].join(';')};`;
const row = (left: string, right: string, votes: string[], councillors = ['', '']) => `${left};${right};${[...votes, ...councillors].join(';')};`;
const META = "Aprovada;Votació per grup;C) Part decisòria / Executiva;Habitatge;Vivienda;Consell Municipal";
const ALL_FOR = ['A favor', 'A favor', 'A favor', 'A favor', 'A favor', 'A favor', ''];

describe('current-term file', () => {
  it('anchors on both ends: unquoted ; in text, three refs in ref_proposta, multi-line text', () => {
    const content = [
      HEADER,
      row('CP 12/23;M2327/242;19/12/2023;Aprovar el Pla d\'habitatge;Aprobar el Plan de vivienda;<p>Primer: a) un; b) dos; c) tres.</p>', META, ALL_FOR),
      row('CP 12/23;M2327/101;M2327/102;M2327/103;19/12/2023;Modificació de les ordenances fiscals;Modificación de las ordenanzas fiscales;<p>Text</p>', META, ALL_FOR),
      'CP 13/23;s/n;23/01/2024;Moció sobre la superilla;Moción sobre la supermanzana;<p>Primera línia;',
      'segona línia; tercera</p>;' + `${META};${[...ALL_FOR, '', ''].join(';')};`,
      '',
    ].join('\n');
    const { agreements, unplaced } = parseCurrentTermFile(content);
    expect(unplaced).toEqual([]);
    expect(agreements).toHaveLength(3);
    expect(agreements[0]).toMatchObject({ line: 2, sessionRef: 'CP 12/23', proposalRefs: ['M2327/242'], sessionDate: '2023-12-19', textHtml: '<p>Primer: a) un; b) dos; c) tres.</p>', result: 'Aprovada', themeCa: 'Habitatge', themeEs: 'Vivienda', body: 'Consell Municipal' });
    expect(agreements[1].proposalRefs).toEqual(['M2327/101', 'M2327/102', 'M2327/103']);
    expect(agreements[1].titleCa).toBe('Modificació de les ordenances fiscals');
    expect(agreements[2]).toMatchObject({ line: 4, sessionDate: '2024-01-23', textHtml: '<p>Primera línia;\nsegona línia; tercera</p>' });
    expect(agreements[0].groupVotes).toHaveLength(7);
  });

  it('keeps "-" (did not take part) apart from empty (not recorded), with literal labels and canonical groups', () => {
    const content = [HEADER, row('CP 20/24;26XF0273;28/05/2024;Títol;Título;<p>t</p>', META.replace('Aprovada', 'Rebutjada'), ['En contra', 'A favor', '-', 'Abstenció', '', '', 'En contra'])].join('\n');
    const [a] = parseCurrentTermFile(content).agreements;
    const byLabel = Object.fromEntries(a.groupVotes.map((v) => [v.label, v]));
    expect(byLabel['Esquerra Republicana']).toEqual({ label: 'Esquerra Republicana', group: 'ERC', option: 'NOT_VOTING', raw: '-' });
    expect(byLabel.VOX).toEqual({ label: 'VOX', group: 'Vox', option: null, raw: '' });
    expect(byLabel['Junts per Barcelona']).toMatchObject({ group: 'Junts', option: 'NO' });
    expect(byLabel['Junts per Catalunya']).toMatchObject({ group: 'Junts', option: null });
    const [d] = decisionsOf(bcn, [a], () => 'file');
    expect(d.outcome).toBe('REJECTED');
    const counts = Object.fromEntries(d.voteEvents[0].counts.map((c) => [c.option, c.value]));
    expect(counts).toEqual({ YES: 1, NO: 2, ABSTAIN: 1, ABSENT: 0, NOT_VOTING: 1 });
    expect(d.voteEvents[0].groupCounts).toHaveLength(5); // the two empty cells are no vote
    expect(d.voteEvents[0].votes).toEqual([]); // group vote: no individual votes
  });

  it('reads councillor votes of a nominal vote', () => {
    const content = [HEADER, row('CP 21/24;M2427/5;25/06/2024;Títol;Título;<p>t</p>', META.replace('Votació per grup', 'nominal'), ALL_FOR, ['A favor', 'En contra'])].join('\n');
    const [a] = parseCurrentTermFile(content).agreements;
    expect(a.votingSystem).toBe('nominal');
    expect(a.councillorVotes).toEqual([
      { label: 'Anna Puig Soler (BComú)', name: 'Anna Puig Soler', group: 'Barcelona en Comú', option: 'YES', raw: 'A favor' },
      { label: 'Jordi Vidal Roca (PSC)', name: 'Jordi Vidal Roca', group: 'PSC', option: 'NO', raw: 'En contra' },
    ]);
    expect(decisionsOf(bcn, [a], () => 'f')[0].voteEvents[0].votes.map((v) => [v.voter.name, v.option])).toEqual([['Anna Puig Soler', 'YES'], ['Jordi Vidal Roca', 'NO']]);
  });

  it('fixes &aacute:-style entities, &nbsp; and U+00A0 in titles, and swapped title languages', () => {
    expect(fixEntities('Aprovaci&oacute: i m&eacute:s; &amp: no')).toBe('Aprovaci&oacute; i m&eacute;s; &amp; no');
    expect(fixEntities('ratio 3:1 &foo: bar')).toBe('ratio 3:1 &foo: bar');
    const content = [HEADER, row('CP 22/24;M1;12/07/2024;Aprobaci&oacute:n del presupuesto de la ciudad para el año;Aprovaci&oacute: del\u00a0pressupost de la ciutat per a l\'any i els districtes;<p>x</p>', META, ALL_FOR)].join('\n');
    const [a] = parseCurrentTermFile(content).agreements;
    expect(a.titlesSwapped).toBe(true);
    expect(a.titleCa).toBe("Aprovació del pressupost de la ciutat per a l'any i els districtes");
    expect(a.titleEs).toBe('Aprobación del presupuesto de la ciudad para el año');
    expect(titlesLookSwapped('Aprovació del pla', 'Aprobación del plan')).toBe(false);
  });

  it('fails loudly with the line number on a record it cannot place, and keeps the others', () => {
    const content = [
      HEADER,
      row('CP 12/23;M1;19/12/2023;Títol;Título;<p>t</p>', META, ALL_FOR),
      'CP 12/23;M2;no date here;Títol;Título;<p>t</p>;' + `${META};${[...ALL_FOR, '', ''].join(';')};`,
      // A cell that cannot be a vote (markup: text that slid into the column); an unknown word such as
      // `Sí` would be kept raw and reported instead (plenary-real-shapes.test.ts).
      row('CP 12/23;M3;19/12/2023;Títol;Título;<p>t</p>', META, ['<p>Sí</p>', ...ALL_FOR.slice(1)]),
      row('CP 12/23;M4;19/12/2023;Títol;Título;<p>t</p>', META, ALL_FOR),
    ].join('\n');
    const { agreements, unplaced } = parseCurrentTermFile(content);
    expect(agreements.map((a) => a.proposalRefs[0])).toEqual(['M1', 'M4']);
    expect(unplaced).toEqual([
      { file: 'mandat_actual', line: 3, reason: expect.stringContaining('no data_sessio') },
      { file: 'mandat_actual', line: 4, reason: expect.stringContaining('"Barcelona en Comú" holds "<p>Sí</p>"') },
    ]);
  });

  it('refuses a file whose header is not the current-term header', () => {
    expect(() => parseCurrentTermFile('a;b;c\n')).toThrow(/line 1/);
  });
});

describe('2019–2023 file', () => {
  const HEAD = 'ref_sessio,data_sessio,ref_proposta,Proposta,resum,resultat,sistema_votacio,part_acta,tema,organ_resolucio,equip_govern,BComú,PSC,ERC,JxCat,Cs,PP,BCN Canvi,Valents';
  it('skips the "sense filtres" line, reads RFC 4180 quoting, d/m/yyyy dates and a_favor', () => {
    const content = [
      'sense filtres',
      HEAD,
      'CP 1/19,16/7/2019,M1923/1,Govern municipal,"Aprovar el cartipàs, i les ""comissions""",Aprovada,Votació per grup,C) Part decisòria,Habitatge,Consell Municipal,"BComú, PSC",a_favor,A favor,En contra,Abstenció,-,,A favor,',
      'CP 2/19,3/9/2019,s/n,Grup Municipal ERC,"Moció sobre',
      'l\'habitatge",Rebutjada,Votació per grup,D) Part d\'impuls i control,Habitatge,Consell Municipal,"BComú, PSC",En contra,En contra,A favor,A favor,A favor,A favor,,',
      'CP 9/22,12/5/2022,M2,Govern municipal,Títol,Aprovada,Votació per grup,C) Part decisòria,Economia,Consell Municipal,"BComú, PSC",A favor,A favor,A favor,A favor,A favor,A favor,A favor,A favor',
    ].join('\r\n');
    const { agreements, unplaced } = parsePreviousTermFile(content);
    expect(unplaced).toEqual([]);
    expect(agreements).toHaveLength(3);
    expect(agreements[0]).toMatchObject({ line: 3, sessionDate: '2019-07-16', titleCa: 'Aprovar el cartipàs, i les "comissions"', titleEs: null, proposer: 'Govern municipal', governmentGroups: ['BComú', 'PSC'], textHtml: null });
    const votes = Object.fromEntries(agreements[0].groupVotes.map((v) => [v.label, [v.group, v.option]]));
    expect(votes).toMatchObject({ BComú: ['Barcelona en Comú', 'YES'], PSC: ['PSC', 'YES'], ERC: ['ERC', 'NO'], JxCat: ['Junts', 'ABSTAIN'], Cs: ['Ciutadans', 'NOT_VOTING'], PP: ['PP', null], 'BCN Canvi': ['Valents', 'YES'], Valents: ['Valents', null] });
    expect(agreements[1]).toMatchObject({ line: 4, titleCa: "Moció sobre l'habitatge", minutesPart: "D) Part d'impuls i control", result: 'Rebutjada' });
    // A row that fills both BCN Canvi and Valents keeps both labels under one canonical group.
    expect(agreements[2].groupVotes.filter((v) => v.group === 'Valents').map((v) => v.label)).toEqual(['BCN Canvi', 'Valents']);
  });

  it('reports an unreadable row with its line', () => {
    const content = ['sense filtres', HEAD, 'CP 1/19,99/99/2019,M1,G,T,Aprovada,V,C,H,Consell Municipal,"B",,,,,,,,'].join('\n');
    expect(parsePreviousTermFile(content).unplaced).toEqual([{ file: 'mandat_2019_2023', line: 3, reason: expect.stringContaining('99/99/2019') }]);
  });

  it('refuses an empty file or one without its columns, so that it never reads as "no agreements"', () => {
    expect(() => parsePreviousTermFile('')).toThrow(/empty/);
    expect(() => parsePreviousTermFile('sense filtres\nid,name,value\n1,a,b\n')).toThrow(/line 2: the header lacks ref_sessio, data_sessio, resultat/);
  });
});

describe('values', () => {
  it.each([
    ['Aprovada', 'ADOPTED'],
    ['Aprovat per unanimitat', 'ADOPTED'],
    ['Aprovada amb text transaccionat', 'AMENDED'],
    ['Aprovada amb modificacions', 'AMENDED'],
    ['Rebutjada', 'REJECTED'],
    ['No aprovada', 'REJECTED'],
    ['Desconeguda', 'UNKNOWN'],
  ])('resultat %s → %s', (raw, outcome) => expect(outcomeOfResult(raw)).toBe(outcome));

  it('normalises vote cells and group labels', () => {
    expect(['A favor', 'a_favor', 'En contra', 'Abstenció', '-', ''].map(voteOptionOf)).toEqual(['YES', 'YES', 'NO', 'ABSTAIN', 'NOT_VOTING', null]);
    expect(voteOptionOf('Sí')).toBeUndefined();
    expect(['Junts per Catalunya', 'Junts per Barcelona', 'JxCat', 'VOX Barcelona', 'BCN Canvi'].map(canonicalGroup)).toEqual(['Junts', 'Junts', 'Junts', 'Vox', 'Valents']);
  });
});

describe('the replica\'s default files', () => {
  const dir = path.join(ROOT_DIR, replicaOf(cityById('barcelona')).defaultDir, 'plenary');
  it('parse completely: every row placed, every documented quirk present', () => {
    const current = parseCurrentTermFile(fs.readFileSync(path.join(dir, 'votacions_plenari_mandat_actual.csv'), 'utf8'));
    const previous = parsePreviousTermFile(fs.readFileSync(path.join(dir, 'votacions_plenari_mandat_2019_2023.csv'), 'utf8'));
    expect(current.unplaced).toEqual([]);
    expect(previous.unplaced).toEqual([]);
    expect(current.agreements.length).toBeGreaterThanOrEqual(120);
    expect(new Set(current.agreements.map((a) => a.sessionRef)).size).toBeGreaterThanOrEqual(8);
    expect(previous.agreements.length).toBeGreaterThanOrEqual(60);
    expect(current.agreements.filter((a) => a.titlesSwapped)).toHaveLength(4);
    expect(current.agreements.filter((a) => a.proposalRefs.length === 3)).toHaveLength(1);
    expect(current.agreements.some((a) => (a.textHtml ?? '').includes(';'))).toBe(true);
    expect(current.agreements.some((a) => (a.textHtml ?? '').includes('\n'))).toBe(true);
    expect(current.agreements.some((a) => a.groupVotes.some((v) => v.raw === '-'))).toBe(true);
    expect(current.agreements.filter((a) => a.councillorVotes.length > 0)).toHaveLength(1);
    const junts = new Set(current.agreements.flatMap((a) => a.groupVotes.filter((v) => v.group === 'Junts' && v.option !== null).map((v) => v.label)));
    expect([...junts].sort()).toEqual(['Junts per Barcelona', 'Junts per Catalunya']);
    const results = new Set(current.agreements.map((a) => a.result));
    for (const r of ['Aprovada', 'Aprovat per unanimitat', 'Rebutjada', 'Aprovada amb text transaccionat', 'No aprovada', 'Aprovada amb modificacions']) expect(results).toContain(r);
    for (const a of current.agreements) expect(`${a.titleCa} ${a.titleEs} ${a.textHtml}`).not.toMatch(/&[a-z]+:/);
  });

  it('have the real shapes (issue 11): TAB-prefixed records, trimmed refs, "; " triple refs, the 2019–2023 vocabulary', () => {
    const currentText = fs.readFileSync(path.join(dir, 'votacions_plenari_mandat_actual.csv'), 'utf8');
    const previousText = fs.readFileSync(path.join(dir, 'votacions_plenari_mandat_2019_2023.csv'), 'utf8');
    const current = parseCurrentTermFile(currentText);
    const previous = parsePreviousTermFile(previousText);
    expect(currentText.split('\n').filter((l) => /^\tCP /.test(l))).toHaveLength(current.agreements.length);
    expect(currentText).toMatch(/\tCP 14\/25 EXT {2,};/);
    expect(current.agreements.map((a) => a.sessionRef)).toContain('CP 14/25 EXT');
    for (const a of current.agreements) expect(a.sessionRef).toBe(a.sessionRef.trim());
    expect(currentText).toMatch(/;M2327\/\d+; M2327\/\d+; M2327\/\d+;/);
    expect(current.agreements.filter((a) => a.votingSystem === null).length).toBeGreaterThan(0);
    expect(previousText.split('\r\n').slice(0, 2)).toEqual(['sense filtres', 'ref_sessio;data_sessio;resum;Proposta;resultat;part_acta;sistema votació;tema;equip_govern;ERC;BComú;PSC;JxCat;Cs;PP;BCN Canvi;Valents']);
    expect(new Set(previous.agreements.map((a) => a.result))).toEqual(new Set(['aprovat', 'aprovat_unanimitat', 'rebutjat']));
    const cells = new Set(previous.agreements.flatMap((a) => a.groupVotes.map((v) => v.raw)));
    expect(cells).toEqual(new Set(['a_favor', 'en_contra', 'abstencio', 'absencia', '']));
    expect(previous.agreements.filter((a) => a.votingMethod === 'NOMINAL').every((a) => a.groupVotes.every((v) => v.option === null))).toBe(true);
    expect(previous.agreements.some((a) => a.minutesParts.length === 2)).toBe(true);
    // A resum ending with a newline inside its quotes; the title is trimmed.
    expect(previousText).toMatch(/\n";/);
    for (const a of previous.agreements) expect(a.titleCa).toBe(a.titleCa!.trim());
    // Every value of both files is mapped: nothing unknown in the replica.
    for (const d of decisionsOf(bcn, [...current.agreements, ...previous.agreements], () => 'f')) {
      expect([d.agreement.result, d.outcome]).not.toEqual([d.agreement.result, 'UNKNOWN']);
      for (const v of d.agreement.groupVotes) expect([v.raw, v.option === null]).toEqual([v.raw, v.raw === '']);
    }
  });
});
