/**
 * The shared topic scheme (topics/cofog.yaml) and each city's table (topics/<city>.yaml), with
 * schema/topics.ts: the files validate, each table covers the values its city's replica data and real
 * samples hold (keys built by the adapters' own mapping functions), and a value not in a table is
 * reported, not guessed. The unmapped lists below are explicit: a new value in the data fails here
 * until it is reviewed into the table or added to its list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { CITIES, cityById, replicaOf, ROOT_DIR, parseRegistry } from '../schema/cities';
import { assignTopic, COFOG, cofogCode, COFOG_FILE, parseCofog, parseTopicTable, topicCodesProblem, topicMatches, topicTableOf, topicView, type TopicTable } from '../schema/topics';
import { mappingCity } from '../subgraphs/ahjo/mapping/common';
import { decisionOf } from '../subgraphs/ahjo/mapping/decision';
import { categoryKeys, decisionRow as ahjoDecisionRow } from '../subgraphs/ahjo/mapping/rows';
import { decidimCity, plenaryOptionsOf } from '../subgraphs/decidim/mapping/city';
import { parsePlenaryFile } from '../subgraphs/decidim/mapping/plenary';
import { decisionsOf as plenaryDecisionsOf } from '../subgraphs/decidim/mapping/decision';
import { themeKeys } from '../subgraphs/decidim/mapping/rows';
import { notubizCity } from '../subgraphs/notubiz/mapping/common';
import { meetingOf as notubizMeetingOf } from '../subgraphs/notubiz/mapping/meeting';
import { isDecidingBody } from '../subgraphs/notubiz/mapping/decision';
import { meetingBodyIds } from '../subgraphs/notubiz/mapping/rows';
import { oparlCity } from '../subgraphs/oparl/mapping/common';
import { meetingOf as oparlMeetingOf } from '../subgraphs/oparl/mapping/meeting';

const read = (...p: string[]) => fs.readFileSync(path.join(ROOT_DIR, ...p), 'utf8');
const json = (...p: string[]) => JSON.parse(read(...p));
const tableOf = (id: string): TopicTable => topicTableOf(cityById(id))!;
const replicaDir = (id: string) => replicaOf(cityById(id)).defaultDir;

/** Every row's candidate value that its table does not map (sorted, distinct). */
function unmappedOf(table: TopicTable, rows: Array<{ categories?: string[]; bodyIds?: string[] }>): string[] {
  const out = new Set<string>();
  for (const row of rows) {
    const { topic, candidate } = assignTopic(table, row);
    if (!topic && candidate !== null) out.add(candidate);
  }
  return [...out].sort();
}

describe('fixtures', () => {
  it('every topic fixture names its source (repository, path, commit)', () => {
    const dir = path.join(ROOT_DIR, 'test', 'fixtures', 'topics');
    const samples = fs.readdirSync(dir).filter((f) => !f.endsWith('.source.txt'));
    expect(samples.length).toBeGreaterThanOrEqual(4);
    for (const f of samples) {
      const source = fs.readFileSync(path.join(dir, f.replace(/\.(json|csv|txt)$/, '.source.txt')), 'utf8');
      expect(source).toMatch(/^repo: \S+\/\S+$/m);
      expect(source).toMatch(/^path: \S+$/m);
      expect(source).toMatch(/^commit: [0-9a-f]{40}$/m);
    }
  });
});

// ---- COFOG ------------------------------------------------------------------------------------------

describe('COFOG (topics/cofog.yaml)', () => {
  it('has the 10 divisions in order, each with its groups under it', () => {
    expect(COFOG.divisions.map((d) => d.code)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10']);
    for (const d of COFOG.divisions) {
      expect(d.groups.length).toBeGreaterThan(0);
      for (const g of d.groups) expect(g.code).toMatch(new RegExp(`^${d.code}\\.[1-9]$`));
    }
    expect(COFOG.divisions.flatMap((d) => d.groups)).toHaveLength(69);
    expect(COFOG.source).toMatch(/UN Statistics Division/);
  });

  it('agrees, code for code and name for name, with the UN list it was taken from', () => {
    const rows = parseCsv(read('test', 'fixtures', 'topics', 'cofog_english.csv'), { columns: true }) as Array<{ Code: string; Description: string }>;
    const expected = rows.filter((r) => /^\d\d(\.\d)?$/.test(r.Code)).map((r) => [r.Code, r.Description]);
    expect(COFOG.divisions.flatMap((d) => [[d.code, d.name], ...d.groups.map((g) => [g.code, g.name])])).toEqual(expected);
  });

  it('names divisions and groups as the UN does', () => {
    expect(cofogCode('06')).toEqual({ code: '06', name: 'Housing and community amenities', division: '06', divisionName: 'Housing and community amenities' });
    expect(cofogCode('06.1')).toEqual({ code: '06.1', name: 'Housing development', division: '06', divisionName: 'Housing and community amenities' });
    expect(cofogCode('10.6')?.name).toBe('Housing');
    expect(cofogCode('04.5')?.name).toBe('Transport');
    expect(cofogCode('01.1')?.name).toBe('Executive and legislative organs, financial and fiscal affairs, external affairs');
    for (const bad of ['11', '06.0', '06.1.0', '6', '']) expect(cofogCode(bad)).toBeNull();
  });

  it('says which filter codes are not COFOG codes and what is allowed', () => {
    expect(topicCodesProblem(['06', '06.1'])).toBeNull();
    expect(topicCodesProblem(['06', 'housing'])).toBe('topic: "housing" is not a COFOG code; give a division 01 … 10 (which matches its groups too) or a group such as 06.1 (the list: the gateway\'s topicScheme)');
  });

  it('shows an assigned topic with its COFOG names', () => {
    expect(topicView({ code: '06.1', method: 'SOURCE_LABEL', sourceValue: 'habitatge' })).toEqual({ code: '06.1', name: 'Housing development', division: '06', divisionName: 'Housing and community amenities', method: 'SOURCE_LABEL', sourceValue: 'habitatge' });
    expect(topicView(null)).toBeNull();
  });

  it('a filter code matches itself and, for a division, its groups', () => {
    expect(topicMatches('06', '06.1')).toBe(true);
    expect(topicMatches('06', '06')).toBe(true);
    expect(topicMatches('06.1', '06')).toBe(false);
    expect(topicMatches('01', '10.1')).toBe(false);
  });

  it('rejects a scheme file whose group is under another division, naming the file', () => {
    const text = read(COFOG_FILE).replace('code: "06.1"', 'code: "07.9"');
    expect(() => parseCofog(text, 'topics/broken.yaml')).toThrow(/topics\/broken\.yaml: .*group "07\.9" is not under division 06/);
  });
});

// ---- Tables ------------------------------------------------------------------------------------------

describe('city tables', () => {
  it('every adapter city of the registry names a table, which loads and uses only COFOG codes', () => {
    for (const city of CITIES.filter((c) => c.adapter)) {
      expect(city.topics).toBe(`topics/${city.id}.yaml`);
      const t = topicTableOf(city)!;
      expect(t).toMatchObject({ city: city.id, file: `topics/${city.id}.yaml` });
      expect(t.scheme.length).toBeGreaterThan(0);
      expect(t.review.length).toBeGreaterThan(20);
      expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
      for (const e of t.entries) expect(cofogCode(e.code)).not.toBeNull();
    }
  });

  it('uses the method the city\'s data allows', () => {
    expect(Object.fromEntries(CITIES.filter((c) => c.adapter).map((c) => [c.id, tableOf(c.id).method]))).toEqual({
      helsinki: 'SOURCE_CODE',
      amsterdam: 'COMMITTEE',
      denhaag: 'COMMITTEE',
      barcelona: 'SOURCE_LABEL',
      willich: 'COMMITTEE',
      terrassa: 'SOURCE_LABEL',
    });
  });

  it('a city without a table (one running its own subgraph) has none', () => {
    expect(topicTableOf({ id: 'elsewhere', topics: undefined })).toBeNull();
  });

  const table = (body: string) => `scheme: S\nmethod: SOURCE_LABEL\nreview: checked\n${body}`;
  it('rejects an unknown COFOG code, naming the file and the entry', () => {
    expect(() => parseTopicTable(table('entries:\n  - { value: "a", code: "05" }\n  - { value: "b", code: "11.1" }\n'), 'topics/bad.yaml', 'bad'))
      .toThrow('topics/bad.yaml: entries[1] (value "b").code: code "11.1" is not a COFOG division or group (topics/cofog.yaml)');
  });

  it('rejects a duplicate value, naming both entries', () => {
    expect(() => parseTopicTable(table('entries:\n  - { value: "a", code: "05" }\n  - { value: "a", code: "06" }\n'), 'topics/bad.yaml', 'bad'))
      .toThrow('topics/bad.yaml: entries[1] (value "a"): duplicate value (also entries[0])');
  });

  it('rejects a missing method and a label not in lower case', () => {
    expect(() => parseTopicTable('scheme: S\nreview: r\nentries: []\n', 'topics/bad.yaml', 'bad')).toThrow(/^topics\/bad\.yaml: method: expected one of SOURCE_CODE, SOURCE_LABEL, COMMITTEE/);
    expect(() => parseTopicTable(table('entries:\n  - { value: "Habitatge", code: "06.1" }\n'), 'topics/bad.yaml', 'bad')).toThrow('topics/bad.yaml: entries[0] (value "Habitatge"): expected lower case');
    expect(() => parseTopicTable(table('entries:\n  - { value: 00, code: "01" }\n'), 'topics/bad.yaml', 'bad')).toThrow('topics/bad.yaml: entries[0].value: expected the city\'s value as a quoted string');
  });

  it('the registry rejects a topics entry that is not a table in the repository', () => {
    const entry = read('cities.yaml').replace('topics: topics/helsinki.yaml', 'topics: topics/nowhere.yaml');
    expect(() => parseRegistry(entry)).toThrow(/city 1 \(helsinki\): topics: no such file in the repository/);
  });
});

// ---- Assignment -----------------------------------------------------------------------------------------

describe('assignTopic', () => {
  const helsinki = tableOf('helsinki');

  it('SOURCE_CODE: the most specific prefix in the table wins; the candidate is the full code', () => {
    expect(assignTopic(helsinki, { categories: categoryKeys('10 03 03'), bodyIds: [] })).toEqual({ topic: { code: '06.2', method: 'SOURCE_CODE', sourceValue: '10 03 03' }, candidate: '10 03 03' });
    // 10 01 01 has no entry of its own: its main class 10 gives the topic.
    expect(assignTopic(helsinki, { categories: categoryKeys('10 01 01'), bodyIds: [] }).topic).toEqual({ code: '06', method: 'SOURCE_CODE', sourceValue: '10' });
    // The order of the keys does not matter.
    expect(assignTopic(helsinki, { categories: categoryKeys('00 00 03').reverse(), bodyIds: [] }).topic?.sourceValue).toBe('00 00 03');
  });

  it('SOURCE_CODE: a code outside the table gives no topic and is the candidate; no code, no candidate', () => {
    expect(assignTopic(helsinki, { categories: categoryKeys('13 01 00'), bodyIds: [] })).toEqual({ topic: null, candidate: '13 01 00' });
    expect(assignTopic(helsinki, { categories: [], bodyIds: ['helsinki:body:02900'] })).toEqual({ topic: null, candidate: null });
  });

  it('SOURCE_LABEL: the first key with an entry; the candidate is the first key', () => {
    const barcelona = tableOf('barcelona');
    expect(assignTopic(barcelona, { categories: ['habitatge', 'vivienda'], bodyIds: [] })).toEqual({ topic: { code: '06.1', method: 'SOURCE_LABEL', sourceValue: 'habitatge' }, candidate: 'habitatge' });
    expect(assignTopic(barcelona, { categories: ['nou tema', 'movilidad'], bodyIds: [] })).toEqual({ topic: { code: '04.5', method: 'SOURCE_LABEL', sourceValue: 'movilidad' }, candidate: 'nou tema' });
    expect(assignTopic(barcelona, { categories: [], bodyIds: [] })).toEqual({ topic: null, candidate: null });
  });

  it('COMMITTEE: the first body with an entry; the candidate skips the organisation', () => {
    const amsterdam = tableOf('amsterdam');
    expect(assignTopic(amsterdam, { bodyIds: ['amsterdam:body:281', 'amsterdam:body:281-4973'] })).toEqual({ topic: { code: '06', method: 'COMMITTEE', sourceValue: '281-4973' }, candidate: '281-4973' });
    expect(assignTopic(amsterdam, { bodyIds: ['amsterdam:body:281', 'amsterdam:body:281-4966'] })).toEqual({ topic: null, candidate: '281-4966' });
    expect(assignTopic(amsterdam, { bodyIds: ['amsterdam:body:281'] })).toEqual({ topic: null, candidate: '281' });
    expect(assignTopic(amsterdam, { bodyIds: [] })).toEqual({ topic: null, candidate: null });
    // The committees that handled the item come first (most recent first), then the deciding bodies.
    expect(assignTopic(amsterdam, { bodyIds: ['amsterdam:body:281', 'amsterdam:body:281-4966'], committeeIds: ['amsterdam:body:281-4975', 'amsterdam:body:281-4979'] }))
      .toEqual({ topic: { code: '08.2', method: 'COMMITTEE', sourceValue: '281-4979' }, candidate: '281-4975' });
    expect(assignTopic(amsterdam, { bodyIds: ['amsterdam:body:281', 'amsterdam:body:281-4973'], committeeIds: ['amsterdam:body:281-4966'] }).topic?.sourceValue).toBe('281-4973');
    expect(assignTopic(amsterdam, { bodyIds: ['amsterdam:body:281'], committeeIds: [] })).toEqual({ topic: null, candidate: '281' });
    // OParl's source ids are paths.
    expect(assignTopic(tableOf('willich'), { bodyIds: ['willich:body:organization/37'] }).topic).toEqual({ code: '05', method: 'COMMITTEE', sourceValue: 'organization/37' });
  });
});

// ---- Coverage of each city's data ---------------------------------------------------------------------

describe('helsinki: archive classification codes', () => {
  const table = tableOf('helsinki');
  const HELSINKI = mappingCity(cityById('helsinki'));

  it('maps every code of the replica\'s decisions', () => {
    const decisions = json(replicaDir('helsinki'), 'decisions.json').decisions as Array<{ ClassificationCode: string | null }>;
    const rows = decisions.map((d) => ({ categories: categoryKeys(d.ClassificationCode), bodyIds: [] }));
    expect(new Set(rows.map((r) => r.categories.at(-1))).size).toBeGreaterThanOrEqual(12);
    expect(unmappedOf(table, rows)).toEqual([]);
  });

  it('the real decision sample (Tarkastuslautakunta § 110, 00 01 01) is general public services by its main class', () => {
    const raw = json('test', 'fixtures', 'helsinki', 'helsinki-ahjo-decision.json');
    const row = ahjoDecisionRow(HELSINKI, decisionOf(HELSINKI, [raw]));
    expect(raw.ClassificationCode).toBe('00 01 01');
    expect(assignTopic(table, row)).toEqual({ topic: { code: '01', method: 'SOURCE_CODE', sourceValue: '00' }, candidate: '00 01 01' });
  });

  it('the real case samples: a council motion, detailed plans, an environmental impact assessment', () => {
    const one = json('test', 'fixtures', 'helsinki', 'helsinki-ahjo-case.json');
    expect([one.ClassificationCode, assignTopic(table, { categories: categoryKeys(one.ClassificationCode) }).topic?.code]).toEqual(['00 00 03', '01.1']);
    const cases = json('test', 'fixtures', 'helsinki', 'helsinki-ahjo-cases.json').cases as Array<{ ClassificationCode: string }>;
    expect(cases.map((c) => [c.ClassificationCode, assignTopic(table, { categories: categoryKeys(c.ClassificationCode) }).topic?.code])).toEqual([
      ['11 01 05', '05'],
      ['10 03 03', '06.2'],
      ['10 03 03', '06.2'],
      ['10 03 03', '06.2'],
      ['10 03 03', '06.2'],
    ]);
  });

  it('the real OpenAhjo samples: Asemakaavoitus 10 03 03 → 06.2, Elintarvikevalvonta 11 02 00 → 05 (its class)', () => {
    const issue = json('test', 'fixtures', 'topics', 'helsinki-openahjo-issue.json');
    expect([issue.category_name, assignTopic(table, { categories: categoryKeys(issue.category_origin_id) }).topic]).toEqual(['Asemakaavoitus', { code: '06.2', method: 'SOURCE_CODE', sourceValue: '10 03 03' }]);
    const item = json('test', 'fixtures', 'topics', 'helsinki-openahjo-agenda_item.json');
    expect([item.issue.category_origin_id, item.issue.top_category_name]).toEqual(['11 02 00', 'Ympäristöasiat']);
    expect(assignTopic(table, { categories: categoryKeys(item.issue.category_origin_id) }).topic).toEqual({ code: '05', method: 'SOURCE_CODE', sourceValue: '11' });
  });

  it('maps every main class Helsinki names, except the three left out on purpose', () => {
    const classes = [...new Set([...read('test', 'fixtures', 'topics', 'helsinki-paatokset-CategoryMap.ts.txt').matchAll(/"value": "(\d\d)"/g)].map((m) => m[1]))];
    expect(classes).toHaveLength(15);
    // 04 international affairs + migration, 12 education + culture, 13 R&D of any function (see the table's header).
    expect(classes.filter((c) => !table.byValue.has(c))).toEqual(['04', '12', '13']);
  });
});

describe('barcelona: plenary themes', () => {
  const table = tableOf('barcelona');
  const bcn = decidimCity(cityById('barcelona'));
  const rowsOf = (file: string) => {
    const parsed = parsePlenaryFile(read(file), path.basename(file), plenaryOptionsOf(bcn));
    expect(parsed.unplaced).toEqual([]);
    return plenaryDecisionsOf(bcn, parsed.agreements, () => 'https://example/plenary.csv').map((d) => ({ categories: themeKeys(d), bodyIds: [] }));
  };
  const files = ['votacions_plenari_mandat_actual.csv', 'votacions_plenari_mandat_2019_2023.csv'].map((f) => path.join(replicaDir('barcelona'), 'plenary', f));

  it('maps every theme of both term files of the replica but one', () => {
    const rows = files.flatMap(rowsOf);
    expect(rows.length).toBeGreaterThan(100);
    // Economia i hisenda: fiscal affairs (01.1) and economic promotion (04.1) in one theme.
    expect(unmappedOf(table, rows)).toEqual(['economia i hisenda']);
  });

  it('the real-shape excerpts: Habitatge → 06.1, Medi ambient → 05, by their Catalan label', () => {
    const current = rowsOf(path.join('test', 'fixtures', 'barcelona', 'plenary-real-shape-current.csv'));
    const previous = rowsOf(path.join('test', 'fixtures', 'barcelona', 'plenary-real-shape-2019-2023.csv'));
    const housing = current.find((r) => r.categories.includes('vivienda'))!;
    expect(housing.categories).toEqual(['habitatge', 'vivienda']);
    expect(assignTopic(table, housing)).toEqual({ topic: { code: '06.1', method: 'SOURCE_LABEL', sourceValue: 'habitatge' }, candidate: 'habitatge' });
    expect(assignTopic(table, current.find((r) => r.categories.includes('medi ambient'))!).topic?.code).toBe('05');
    // The 2019–2023 file has the Catalan theme only.
    expect(assignTopic(table, previous.find((r) => r.categories[0] === 'mobilitat')!)).toEqual({ topic: { code: '04.5', method: 'SOURCE_LABEL', sourceValue: 'mobilitat' }, candidate: 'mobilitat' });
    expect(unmappedOf(table, [...current, ...previous])).toEqual(['economia i hisenda']);
  });
});

describe('terrassa: Decidim categories', () => {
  it('maps the categories of the replica\'s proposals but two', () => {
    const seed = json(replicaDir('terrassa'), 'decidim', 'seed.json');
    const rows: Array<{ categories: string[] }> = [];
    for (const p of seed.participatoryProcesses) {
      // The name in the first language Decidim gives (the instance's human translations, in order), lower case, as rows.ts keys it.
      const names = new Map<string, string>(p.categories.map((c: { id: string; name: Record<string, string> }) => [c.id, Object.values(c.name)[0].toLowerCase()]));
      for (const component of p.components) for (const proposal of component.proposals ?? []) if (proposal.categoryId) rows.push({ categories: [names.get(proposal.categoryId)!] });
    }
    expect(rows.length).toBeGreaterThan(10);
    // Espai públic i medi ambient: public space (06.2/08.1) and environment (05); Equipaments: facilities of any function.
    expect(unmappedOf(tableOf('terrassa'), rows)).toEqual(['equipaments', 'espai públic i medi ambient']);
  });
});

describe('amsterdam and den haag: the deciding gremium as a proxy', () => {
  const NOW = '2026-11-26T12:00:00+01:00';
  function decidingRows(id: string) {
    const c = notubizCity(cityById(id));
    const titles = new Map<number, string>();
    for (const f of fs.readdirSync(path.join(ROOT_DIR, replicaDir(id), 'gremia'))) for (const g of json(replicaDir(id), 'gremia', f).gremia) titles.set(g.id, g.title);
    const rows: Array<{ bodyIds: string[] }> = [];
    for (const f of fs.readdirSync(path.join(ROOT_DIR, replicaDir(id), 'meetings'))) {
      const m = notubizMeetingOf(c, json(replicaDir(id), 'meetings', f).meeting, new Map(), NOW);
      if (m.gremiumId !== null && isDecidingBody(c, titles.get(m.gremiumId))) rows.push({ bodyIds: meetingBodyIds(c, m) });
    }
    return rows;
  }

  it('amsterdam: the council and the district bodies decide on every subject and stay unmapped', () => {
    expect(unmappedOf(tableOf('amsterdam'), decidingRows('amsterdam'))).toEqual([
      '1413-8128', '1424-8132', '1425-8136', '1425-8137', '2122-8140', '2328-8144', // stadsdeelcommissies, dagelijks bestuur Oost
      '281-4966', // Gemeenteraad
      '547-8120', '547-8121', '977-8124', // Centrum (commissie, dagelijks bestuur), Noord
    ]);
  });

  it('amsterdam: the real sample\'s gremium, raadscommissie Financiën, is left out: its agenda\'s portfolios include Waterbeheer', () => {
    const c = notubizCity(cityById('amsterdam'));
    const m = notubizMeetingOf(c, json('test', 'fixtures', 'amsterdam', 'amsterdam-notubiz-meeting.json'), new Map(), NOW);
    const bodyIds = meetingBodyIds(c, m);
    expect(bodyIds).toEqual(['amsterdam:body:281', 'amsterdam:body:281-4972']);
    // Its portfolio headings: Personeel en Organisatie, Waterbeheer, Financiën, Grondzaken, Gemeentelijk Vastgoed (01 and water: 04.5/05).
    expect([...new Set(m.allItems.map((i) => i.heading))]).toEqual(expect.arrayContaining(['Waterbeheer', 'Financiën', 'Personeel en Organisatie', 'Grondzaken', 'Gemeentelijk Vastgoed']));
    expect(assignTopic(tableOf('amsterdam'), { bodyIds })).toEqual({ topic: null, candidate: '281-4972' });
  });

  it('den haag: only the council decides; no gremium has one function', () => {
    expect(tableOf('denhaag').entries).toEqual([]);
    expect(unmappedOf(tableOf('denhaag'), decidingRows('denhaag'))).toEqual(['318-3201']);
  });
});

describe('willich: the deciding committee as a proxy', () => {
  const system = json(replicaDir('willich'), 'system.json');
  const c = oparlCity(cityById('willich'), system.id);
  const table = tableOf('willich');

  it('maps the replica\'s committees with one function; the council, the main committee and the school/culture committee stay unmapped', () => {
    const meetings = json(replicaDir('willich'), 'meetings.json');
    const rows = (Array.isArray(meetings) ? meetings : meetings.data).map((raw: unknown) => oparlMeetingOf(c, raw as never))
      .filter((m: { decisions: unknown[] }) => m.decisions.length)
      .map((m: { meeting: { bodySourceIds: string[] } }) => ({ bodyIds: m.meeting.bodySourceIds.map((b) => `willich:body:${b}`) }));
    expect(rows.length).toBeGreaterThan(10);
    expect(unmappedOf(table, rows)).toEqual(['organization/1', 'organization/36', 'organization/96']);
  });

  it('the specification\'s Meeting-01 (the finance committee) is financial and fiscal affairs', () => {
    const m = oparlMeetingOf(oparlCity(cityById('willich'), json('test', 'fixtures', 'oparl', 'System-01.json').id), json('test', 'fixtures', 'oparl', 'Meeting-01.json'));
    expect(m.decisions.length).toBeGreaterThan(0);
    expect(m.meeting.bodySourceIds).toEqual(['organization/34']);
    expect(assignTopic(table, { bodyIds: m.meeting.bodySourceIds.map((b) => `willich:body:${b}`) }).topic).toEqual({ code: '01.1', method: 'COMMITTEE', sourceValue: 'organization/34' });
  });
});
