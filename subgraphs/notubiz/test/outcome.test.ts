/**
 * Amsterdam outcomes from Notubiz module items (mapping/outcome.ts, mapping/decision.ts).
 *
 * No real module item is in a public repository we could search, so the shape is tested on
 * test/fixtures/amsterdam/notubiz-module-item-constructed.json: constructed in the shape Open Raadsinformatie's
 * code reads for version 1.17.0 (openstate/open-raadsinformatie, extractor
 * ocd_backend/extractors/notubiz.py@011448171ebe816da060de45c185d421a1ed1254 keeps the `item`; the
 * transformer ocd_backend/transformers/notubiz_meeting.py, the version reading `module_item_contents`,
 * reads `attributes[] {datatype, label, values}` and `attachments.document[]`), with the labels and
 * the result wording of Amsterdam's items as public clients read them (Uitslag "aangenomen" /
 * "verworpen": wissebarkhof/verkiezing-vibecheck@b0d6b16d app/services/notubiz.py). The older
 * version's shape (1.10.8, `attributes.attribute[]` with `value`) is read too.
 */
import { cityById, replicaOf, ROOT_DIR } from '../../../schema/cities';
import { notubizCity } from '../mapping/common';
import fs from 'node:fs';
import path from 'node:path';
import { meetingOf } from '../mapping/meeting';
import { decisionsOfMeeting } from '../mapping/decision';
import { meetingUnit, moduleItemOf, type StoredAgendaItem } from '../mapping/rows';
import { moduleItemDocuments, moduleItemResult, outcomeOfResult, textsByLabel, type Outcome } from '../mapping/outcome';
import { moduleItemProblem } from '../mapping/checks';
import { loadNotubizData } from '../replica/server';
import type { NotubizAgendaItem, NotubizMeeting, NotubizModuleItem, NotubizModuleItemAttribute } from '../upstream/types';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/amsterdam');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
const fixture = read('notubiz-module-item-constructed.json').item as NotubizModuleItem;
const sample = read('amsterdam-notubiz-meeting.json') as NotubizMeeting;
const NOW = '2026-11-27T12:00:00Z';
const AMSTERDAM = notubizCity(cityById('amsterdam'));
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/** The fixture with another Uitslag (or none). */
function withResult(result: string | null, id = fixture.id): NotubizModuleItem {
  const x = copy(fixture);
  x.id = id;
  const attrs = (x.attributes as NotubizModuleItemAttribute[]).filter((a) => a.label !== 'Uitslag');
  x.attributes = result === null ? attrs : [...attrs, { datatype: 'text', label: 'Uitslag', values: [{ value: result }] }];
  return x;
}

describe('the module item fixture', () => {
  it('names its sources and says it is constructed, not a verbatim response', () => {
    const source = fs.readFileSync(path.join(FIXTURES, 'notubiz-module-item-constructed.source.txt'), 'utf8');
    expect(source).toMatch(/^repo: openstate\/open-raadsinformatie$/m);
    expect(source).toMatch(/^commit: extractor [0-9a-f]{40}/m);
    expect(source).toMatch(/NOT a verbatim API response/);
  });

  it('is in the shape ORI\'s transformer reads: labelled attributes with a datatype and values, documents in values and attachments', () => {
    const attrs = fixture.attributes as Array<{ datatype: string; label: string; values: unknown[] }>;
    for (const a of attrs) expect(Object.keys(a).sort()).toEqual(['datatype', 'label', 'values']);
    expect(attrs.filter((a) => a.datatype === 'document' || a.label === 'Hoofddocument').map((a) => a.label)).toEqual(['Hoofddocument']);
    expect(moduleItemProblem(fixture)).toBeNull();
  });

  it('gives its result, its texts by label and its documents (attachments, then the Hoofddocument, in ORI\'s order)', () => {
    expect(moduleItemResult(fixture, AMSTERDAM.resultLabel)).toEqual({ moduleItemId: '900001', outcome: 'ADOPTED', raw: 'aangenomen', recognised: true });
    expect(textsByLabel(fixture, 'type')).toEqual(['Motie']);
    expect(textsByLabel(fixture, 'Toelichting')).toEqual(['<p>Met de stemmen tegen van VVD en FvD aangenomen.</p>']);
    expect(moduleItemDocuments(fixture).map((d) => [d.id, d.types?.[0].value])).toEqual([[900102, 'Brief'], [900101, 'Motie']]);
    expect(moduleItemOf(AMSTERDAM, fixture)).toMatchObject({
      sourceId: '900001',
      // No `title` key: the Titel attribute.
      title: 'Motie van het lid Voorbeeld inzake schaduw op speelplaatsen',
      module: null,
      documents: [{ id: 'amsterdam:attachment:900102', documentTypes: ['Brief'] }, { id: 'amsterdam:attachment:900101', documentTypes: ['Motie'], fileName: 'Motie_101.pdf' }],
    });
  });

  it('states no result when the Uitslag is missing or empty', () => {
    expect(moduleItemResult(withResult(null), AMSTERDAM.resultLabel)).toBeNull();
    expect(moduleItemResult(withResult('  '), AMSTERDAM.resultLabel)).toBeNull();
  });
});

describe('result wordings', () => {
  it.each<[string, Outcome]>([
    // Amsterdam's Uitslag (vibecheck: "aangenomen" / "verworpen"; CivicStat: also "ingetrokken", "aangehouden"), and its capitalised form.
    ['aangenomen', 'ADOPTED'],
    ['Aangenomen', 'ADOPTED'],
    ['AANGENOMEN.', 'ADOPTED'],
    ['unaniem aangenomen', 'ADOPTED'],
    ['Unaniem aangenomen', 'ADOPTED'],
    ['aangenomen met de stemmen van SP en PvdD tegen', 'ADOPTED'],
    ['Aangenomen met stemmen van VVD, JA21 en FvD tegen', 'ADOPTED'],
    // Toelichting wordings CivicStat's client parses, should they stand in the Uitslag.
    ['met algemene stemmen aangenomen', 'ADOPTED'],
    ['zonder hoofdelijke stemming aangenomen', 'ADOPTED'],
    ['bij acclamatie aangenomen', 'ADOPTED'],
    ['<p>Met de stemmen tegen van VVD, DENK, JA21, CDA en Forum voor Democratie aangenomen.</p>', 'ADOPTED'],
    ['met de stem tegen van JA21 is aangenomen', 'ADOPTED'],
    ['Geamendeerd aangenomen', 'AMENDED'],
    ['geamendeerd aangenomen', 'AMENDED'],
    ['gewijzigd aangenomen', 'AMENDED'],
    ['geamendeerd aangenomen met algemene stemmen', 'AMENDED'],
    ['verworpen', 'REJECTED'],
    ['Verworpen', 'REJECTED'],
    ['verworpen met de stemmen van PvdD en BIJ1 voor', 'REJECTED'],
    ['met de stemmen voor van SP&nbsp;en DENK verworpen', 'REJECTED'],
    ['met algemene stemmen verworpen', 'REJECTED'],
    ['voor kennisgeving aangenomen', 'NOTED'],
    ['Voor kennisgeving aangenomen', 'NOTED'],
    ['ingetrokken', 'WITHDRAWN'],
    ['Ingetrokken', 'WITHDRAWN'],
    ['Afgevoerd', 'WITHDRAWN'],
    ['van de agenda afgevoerd', 'WITHDRAWN'],
    ['aangehouden', 'POSTPONED'],
    ['Aangehouden', 'POSTPONED'],
    ['aangehouden tot de volgende vergadering', 'POSTPONED'],
  ])('%s → %s', (raw, outcome) => {
    expect(outcomeOfResult(raw)).toEqual({ outcome, recognised: true });
    expect(moduleItemResult(withResult(raw), AMSTERDAM.resultLabel)).toEqual({ moduleItemId: '900001', outcome, raw, recognised: true });
  });

  it.each(['vervallen', 'Vervallen', 'Overgenomen', 'aangenomen met wijzigingen', 'Ingediend', 'aangenomen verworpen'])('%s is not recognised: UNKNOWN', (raw) => {
    expect(outcomeOfResult(raw)).toEqual({ outcome: 'UNKNOWN', recognised: false });
    expect(moduleItemResult(withResult(raw), AMSTERDAM.resultLabel)).toEqual({ moduleItemId: '900001', outcome: 'UNKNOWN', raw, recognised: false });
  });

  it('reads the Uitslag of the older XML-to-JSON shape (1.10.8: attributes.attribute[], a text in value)', () => {
    // As wissebarkhof/verkiezing-vibecheck and CivicStat read it: {"@attributes": {id, datatype}, label, value}.
    const old: NotubizModuleItem = {
      id: 5,
      attributes: { attribute: [
        { '@attributes': { id: 1, datatype: 'text' }, label: 'Titel', value: 'Motie over schoolstraten' },
        { '@attributes': { id: 36, datatype: 'reference' }, label: 'Indiener(s)', values: { value: [{ '@cdata': 'J. Voorbeeld' }] } },
        { '@attributes': { id: 62, datatype: 'text' }, label: 'Uitslag', value: 'verworpen' },
      ] },
    };
    expect(moduleItemResult(old, AMSTERDAM.resultLabel)).toEqual({ moduleItemId: '5', outcome: 'REJECTED', raw: 'verworpen', recognised: true });
    expect(textsByLabel(old, 'Indiener(s)')).toEqual(['J. Voorbeeld']);
    expect(moduleItemOf(AMSTERDAM, old).title).toBe('Motie over schoolstraten');
    expect(moduleItemProblem(old)).toBeNull();
  });

  it('sets aside a module item whose attributes or documents are malformed, naming the field', () => {
    expect(moduleItemProblem({ ...fixture, attributes: 'Uitslag' as never })).toBe('attributes is string; a list or an object is required');
    const badValues = copy(fixture);
    (badValues.attributes as Array<{ values: unknown }>)[4].values = 'aangenomen';
    expect(moduleItemProblem(badValues)).toBe('attributes[4].values is string; a list is required');
    const badDoc = copy(fixture);
    ((badDoc.attributes as Array<{ values: Array<{ document: { title: unknown } }> }>)[3].values[0].document.title) = 7;
    expect(moduleItemProblem(badDoc)).toBe('attributes[3].values[0].document.title is 7; a string is required');
    expect(moduleItemProblem({ ...fixture, attachments: { document: [null as never] } })).toBe('attachments.document[0] is null; a document object is required');
  });
});

/** The sample made a held council meeting: a proposal with a motion whose document is in its module item only, and a point linking two motions. */
function councilMeeting(): NotubizMeeting {
  const point = (id: number, order: number, prefix: string, title: string, children: NotubizAgendaItem[] = [], docs: NotubizMeeting['documents'] = [], moduleItems: number[] = []): NotubizAgendaItem => ({
    id, order, parent: null, type: 'agenda_point', type_data: { title_prefix: prefix, heading: false, attributes: [{ id: 1, value: title }] }, agenda_items: children, documents: docs,
    module_items: moduleItems.map((x) => ({ id: x, self: `api.notubiz.nl/module_items/${x}` })),
  });
  const raadsvoorstel = { ...sample.documents![0], id: 102, title: 'Raadsvoorstel Sluisbuurt', types: [{ id: 21, value: 'Raadsvoorstel' }], case_code: 'Z-2025-000001' };
  return {
    ...sample,
    id: 1,
    gremium: { id: 4966, self: 'x' },
    agenda_items: [
      point(10, 1, '7', 'Vaststellen bestemmingsplan Sluisbuurt', [point(11, 1, '7.1', 'Motie schaduw op speelplaatsen', [], [], [900001])], [raadsvoorstel], [900009]),
      point(20, 2, '8', 'Moties bij de Voorjaarsnota', [], [], [900002, 900003]),
      point(30, 3, '9', 'Motie vervallen', [], [], [900004]),
    ],
  };
}

describe('decisions from module items', () => {
  const m = meetingOf(AMSTERDAM, councilMeeting(), new Map([['1', 'Titel']]), NOW);
  const proposal = withResult('Geamendeerd aangenomen', 900009);
  // The proposal's item carries no document.
  (proposal.attributes as unknown[]).splice(3, 1);
  delete proposal.attachments;
  const moduleItems = new Map<string, NotubizModuleItem>([
    ['900001', fixture],
    ['900002', withResult('aangenomen', 900002)],
    ['900003', withResult('verworpen', 900003)],
    ['900004', withResult('vervallen', 900004)],
    ['900009', proposal],
  ]);
  const decisions = decisionsOfMeeting(AMSTERDAM, m, 'Gemeenteraad', moduleItems);
  const byId = new Map(decisions.map((d) => [d.sourceId, d]));
  const unit = meetingUnit(AMSTERDAM, m, decisions, moduleItems);

  it('counts a point whose decision document sits in its module item as a decision, with that document', () => {
    expect(decisions.map((d) => d.sourceId)).toEqual(['1-10', '1-11', '1-20', '1-30']);
    expect(byId.get('1-11')).toMatchObject({
      decisionDocuments: [expect.objectContaining({ id: 'amsterdam:attachment:900101', documentTypes: ['Motie'] })],
      attachments: [expect.objectContaining({ id: 'amsterdam:attachment:900102' }), expect.objectContaining({ id: 'amsterdam:attachment:900101' })],
      documentTypes: ['Brief', 'Motie'],
      caseCodes: [],
    });
    // Without its module items the point has no decision document: no decision.
    expect(decisionsOfMeeting(AMSTERDAM, m, 'Gemeenteraad').map((d) => d.sourceId)).toEqual(['1-10']);
  });

  it('takes the outcome from the one module item of the point that states a result, keeping the wording', () => {
    expect(byId.get('1-10')).toMatchObject({ outcome: 'AMENDED', outcomeRaw: 'Geamendeerd aangenomen', outcomeSourceId: '900009', outcomeUnmapped: false });
    expect(byId.get('1-11')).toMatchObject({ outcome: 'ADOPTED', outcomeRaw: 'aangenomen', outcomeSourceId: '900001', outcomeUnmapped: false });
    // Two motions with results on one point: the point's own outcome is not in the data.
    expect(byId.get('1-20')).toMatchObject({ outcome: 'UNKNOWN', outcomeRaw: null, outcomeSourceId: null, outcomeUnmapped: false });
    expect(byId.get('1-30')).toMatchObject({ outcome: 'UNKNOWN', outcomeRaw: 'vervallen', outcomeSourceId: '900004', outcomeUnmapped: true });
  });

  it('writes the outcome to the decision row and its stored record', () => {
    const rows = new Map(unit.decisions!.map((r) => [r.sourceId, r]));
    expect([...rows.values()].map((r) => [r.sourceId, r.outcome])).toEqual([['1-10', 'AMENDED'], ['1-11', 'ADOPTED'], ['1-20', 'UNKNOWN'], ['1-30', 'UNKNOWN']]);
    expect(rows.get('1-11')!.doc).toMatchObject({ outcome: 'ADOPTED', outcomeRaw: 'aangenomen' });
    expect(rows.get('1-30')!.doc).toMatchObject({ outcome: 'UNKNOWN', outcomeRaw: 'vervallen' });
    expect(rows.get('1-11')!.categories).toEqual(['brief', 'motie']);
  });

  it('reports the wording it does not recognise as an unmapped value of the decision, once', () => {
    expect(unit.unmappedValues).toEqual([{ ownerId: 'amsterdam:decision:1-30', upstream: 'notubiz', field: 'Decision.outcome', value: 'vervallen' }]);
    expect(meetingUnit(AMSTERDAM, m, decisionsOfMeeting(AMSTERDAM, m, 'Gemeenteraad'), new Map()).unmappedValues).toEqual([]);
  });

  it('keeps a module item\'s documents among its point\'s documents, after the point\'s own', () => {
    const docsOf = (ownerId: string) => unit.documents!.filter((d) => d.ownerId === ownerId).map((d) => [d.position, d.doc.id]);
    expect(docsOf('amsterdam:agendaitem:1-11')).toEqual([[0, 'amsterdam:attachment:900102'], [1, 'amsterdam:attachment:900101']]);
    expect(docsOf('amsterdam:agendaitem:1-10')).toEqual([[0, 'amsterdam:attachment:102']]);
    expect((unit.agendaItems!.find((r) => r.id === 'amsterdam:agendaitem:1-11')!.doc as StoredAgendaItem).moduleItemIds).toEqual(['amsterdam:moduleitem:1-900001']);
  });
});

describe('the replica\'s module items', () => {
  const data = loadNotubizData(path.join(ROOT_DIR, replicaOf(cityById('amsterdam')).defaultDir));
  const results = [...data.moduleItems.values()].map((x) => moduleItemResult(x, AMSTERDAM.resultLabel)).filter((r) => r !== null);

  it('carry results of every kind the mapping knows, and one wording it does not', () => {
    const outcomes = new Set(results.map((r) => r!.outcome));
    for (const o of ['ADOPTED', 'AMENDED', 'REJECTED', 'NOTED', 'WITHDRAWN', 'POSTPONED']) expect(outcomes).toContain(o);
    expect(results.filter((r) => !r!.recognised).map((r) => r!.raw)).toEqual(['vervallen']);
  });

  it('every motion and amendment of a held meeting states a result, in its Uitslag', () => {
    const withDocuments = [...data.moduleItems.values()].filter((x) => ['Moties', 'Amendementen'].includes(x.module?.title ?? ''));
    expect(withDocuments.length).toBeGreaterThan(10);
    for (const x of withDocuments) {
      expect(moduleItemDocuments(x).length).toBe(1);
      expect(moduleItemProblem(x)).toBeNull();
    }
    expect(results.length).toBeGreaterThanOrEqual(withDocuments.filter((x) => x.created! < '2026-11-26').length);
  });
});
