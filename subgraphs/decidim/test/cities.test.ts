/**
 * The adapter configured by city entries: Barcelona (plenary files and Decidim) and Terrassa
 * (Decidim only, answered proposals served as decisions) from the registry, and the settings'
 * validation.
 */
import { cityById, parseRegistry } from '../../../schema/cities';
import { decidimCity } from '../mapping/city';
import { proposalOf } from '../mapping/decidim';
import { answerDecisionOf, councilUnit, proposalUnit } from '../mapping/rows';
import { coverageOf } from '../coverage';

const barcelona = decidimCity(cityById('barcelona'));
const terrassa = decidimCity(cityById('terrassa'));

describe('cities on the Decidim adapter', () => {
  it('gives Barcelona its plenary files, body and groups, and Terrassa none', () => {
    expect(cityById('barcelona').upstreams.map((u) => [u.name, u.baseUrlEnv, u.replicaPath])).toEqual([
      ['plenary', 'BARCELONA_PLENARY_URL', '/sites/default/files/votacions_plenari'],
      ['decidim', 'BARCELONA_DECIDIM_URL', '/api'],
    ]);
    expect(cityById('terrassa').upstreams.map((u) => [u.name, u.baseUrlEnv])).toEqual([['decidim', 'TERRASSA_DECIDIM_URL']]);
    expect(barcelona.plenary).toMatchObject({ body: { id: 'consell-municipal', name: 'Consell Municipal' }, files: [{ key: 'mandat_actual' }, { key: 'mandat_2019_2023' }] });
    expect(barcelona.plenary!.groups['junts per barcelona']).toBe('Junts');
    expect(barcelona).toMatchObject({ zone: 'Europe/Madrid', main: 'ca', decisionsFromProposalAnswers: false });
    expect(terrassa).toMatchObject({ id: 'terrassa', plenary: null, main: 'ca', decisionsFromProposalAnswers: true });
    expect(terrassa.gid('process', '501')).toBe('terrassa:process:501');
  });

  it('writes a council only for a city with plenary files, and says why a city without has no decisions from them', () => {
    expect(councilUnit(barcelona)!.bodies![0]).toMatchObject({ id: 'barcelona:body:consell-municipal', type: 'COUNCIL' });
    expect(councilUnit(terrassa)).toBeNull();
    const note = coverageOf(terrassa).find((n) => n.field === 'Decision')!;
    expect(note.note).toMatch(/Terrassa publishes no plenary vote files .* no plenaryFilesUrl/);
    expect(coverageOf(barcelona).find((n) => n.field === 'Decision')!.note).toMatch(/^Plenary agreements of the Consell Municipal/);
  });

  it('serves an answered proposal as a decision of its process only where the city asks for it', () => {
    const node = {
      id: '71001',
      reference: 'TER-PROP-2024-03-71001',
      state: 'rejected',
      title: { translations: [{ locale: 'ca', text: 'Piscina coberta' }, { locale: 'es', text: 'Piscina cubierta' }] },
      body: { translations: [{ locale: 'ca', text: '<p>Una piscina.</p>' }] },
      answer: { translations: [{ locale: 'ca', text: '<p>No és viable.</p>' }] },
      // 23:30 UTC is already the next day in Terrassa.
      answeredAt: '2024-05-14T23:30:00Z',
      category: { id: '5103', name: { translations: [{ locale: 'ca', text: 'Equipaments' }] } },
    };
    const decision = answerDecisionOf(terrassa, proposalOf(terrassa, node, '501'));
    expect(decision).toMatchObject({ id: 'terrassa:decision:proposal:71001', sourceId: 'proposal:71001', outcome: 'REJECTED', state: 'rejected', date: '2024-05-15', processSourceId: '501' });
    const unit = proposalUnit(terrassa, proposalOf(terrassa, node, '501'));
    expect(unit.decisions).toEqual([expect.objectContaining({ id: 'terrassa:decision:proposal:71001', bodyIds: ['terrassa:body:process-501'], outcome: 'REJECTED', categories: ['equipaments'] })]);
    // Barcelona keeps its decisions to the plenary files.
    expect(proposalUnit(barcelona, proposalOf(barcelona, node, '501')).decisions).toBeUndefined();
    // Evaluating, withdrawn, unanswered, or answered without text: no decision.
    for (const other of [{ state: 'evaluating' }, { state: 'withdrawn' }, { state: null }, { answer: null }, { answeredAt: null }]) {
      expect(answerDecisionOf(terrassa, proposalOf(terrassa, { ...node, ...other }, '501'))).toBeNull();
    }
  });

  it('rejects plenary files without the body they record, naming the entry and the field', () => {
    const entry = (settings: string) => `cities:\n  - id: sabadell\n    name: Sabadell\n    country: ES\n    timezone: Europe/Madrid\n    languages: [ca, es]\n    licence: { name: x, url: https://example.org, attribution: x }\n    adapter: decidim\n    settings: ${settings}\n    port: 4090\n`;
    expect(() => parseRegistry(entry('{ decidimUrl: https://decidim.sabadell.cat/api, plenaryFilesUrl: https://example.org/files }'))).toThrow(/city 1 \(sabadell\): settings\.plenaryFiles: expected at least one file[\s\S]*settings\.plenaryBody: expected \{ id, name \}/);
    expect(parseRegistry(entry('{ decidimUrl: https://decidim.sabadell.cat/api }'))[0].upstreams.map((u) => u.name)).toEqual(['decidim']);
  });
});
