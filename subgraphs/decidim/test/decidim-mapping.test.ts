/**
 * Decidim mapping over the real documentation samples (test/fixtures/barcelona, sources beside
 * them) and over Decidim 0.27 shapes: TranslatedField, proposal states, meeting times and agenda.
 */
import fs from 'node:fs';
import path from 'node:path';
import { agendaItemsOf, localized, meetingOf, processOf, proposalOf, proposalOutcomeOf, resultOf } from '../mapping/decidim';
import { cityById } from '../../../schema/cities';
import { decidimCity, plenaryOptionsOf } from '../mapping/city';

// The mapping takes the city it maps for: Barcelona, as the registry gives it.
const bcn = decidimCity(cityById('barcelona'));

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/barcelona');
const sample = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')).data;

describe('the Decidim samples', () => {
  it('each names its source', () => {
    for (const f of fs.readdirSync(FIXTURES).filter((x) => x.endsWith('.json'))) {
      expect(fs.readFileSync(path.join(FIXTURES, f.replace('.json', '.source.txt')), 'utf8')).toMatch(/^repo: decidim\/decidim/m);
    }
  });

  it('maps participatoryProcesses with `translation` titles', () => {
    const processes = sample('barcelona-decidim-participatoryProcesses.json').participatoryProcesses.map((p: Record<string, unknown>, i: number) => processOf(bcn, { id: i + 1, ...p }));
    expect(processes[0]).toMatchObject({ id: 'barcelona:process:1', slug: 'consectetur-at', titles: [{ lang: 'ca', text: 'Soluta consectetur quos fugit aut.' }] });
  });

  it('reads component names and the proposals connection shape', () => {
    const components = sample('barcelona-decidim-assembly-components.json').assembly.components;
    expect(components.map((c: { name: unknown }) => localized(c.name, bcn.main)[0].text)).toEqual(['Accountability', 'Meetings', 'Page', 'Proposals']);
    const conn = sample('barcelona-decidim-proposals-connection.json').assembly.components[0].proposals;
    expect(conn.pageInfo).toMatchObject({ hasNextPage: true, endCursor: 'NA' });
    expect(conn.edges.map((e: { node: Record<string, unknown> }) => proposalOf(bcn, e.node, '1').id)).toEqual(['barcelona:proposal:32', 'barcelona:proposal:31']);
    expect(sample('barcelona-decidim-component.json').component.participatorySpace.type).toBe('Decidim::ParticipatoryProcess');
  });
});

describe('Decidim 0.27 shapes', () => {
  it('turns TranslatedField translations into localized texts, dropping empty ones', () => {
    expect(localized({ translations: [{ locale: 'ca', text: 'Habitatge' }, { locale: 'es', text: 'Vivienda' }, { locale: 'en', text: null }, { locale: 'fr', text: '' }] }, bcn.main)).toEqual([
      { lang: 'ca', text: 'Habitatge' },
      { lang: 'es', text: 'Vivienda' },
    ]);
    expect(localized(null, bcn.main)).toEqual([]);
  });

  it('maps proposal states to outcomes, keeping the raw state', () => {
    expect(['accepted', 'rejected', 'withdrawn', 'evaluating', null].map(proposalOutcomeOf)).toEqual(['ADOPTED', 'REJECTED', 'WITHDRAWN', 'UNKNOWN', 'UNKNOWN']);
    const p = proposalOf(bcn, { id: '7', state: 'accepted', title: { translations: [{ locale: 'es', text: 'Más árboles' }] }, voteCount: null, coordinates: null, category: { id: '3', name: { translations: [{ locale: 'ca', text: 'Medi ambient' }] } } }, '2');
    expect(p).toMatchObject({ outcome: 'ADOPTED', state: 'accepted', voteCount: null, coordinates: null, category: { name: 'Medi ambient', scheme: 'Decidim category' }, processSourceId: '2' });
  });

  it('maps the fields 0.29–0.31 renamed to the same model: likes, taxonomies, the withdrawn flag', () => {
    const category = { id: '3', name: { translations: [{ locale: 'ca', text: 'Medi ambient' }] } };
    const v27 = proposalOf(bcn, { id: '7', state: 'withdrawn', endorsementsCount: 4, category }, '2', { processSlug: 'pam2024', componentId: '40' });
    const v31 = proposalOf(bcn, { id: '7', state: null, withdrawn: true, likesCount: 4, taxonomies: [category], url: 'https://www.decidim.barcelona/processes/pam2024/f/40/proposals/7' }, '2');
    expect(v27).toMatchObject({ state: 'withdrawn', outcome: 'WITHDRAWN', endorsementsCount: 4, category: { name: 'Medi ambient', scheme: 'Decidim category' }, url: 'https://www.decidim.barcelona/processes/pam2024/f/40/proposals/7' });
    expect(v31).toMatchObject({ state: 'withdrawn', outcome: 'WITHDRAWN', endorsementsCount: 4, category: { name: 'Medi ambient', scheme: 'Decidim taxonomy' }, url: v27.url });
    // 0.29 withdraws with the flag while the state stays what it was.
    expect(proposalOf(bcn, { id: '8', state: 'evaluating', withdrawn: true }, '2')).toMatchObject({ state: 'withdrawn', outcome: 'WITHDRAWN' });
    expect(proposalOf(bcn, { id: '9', taxonomies: [] }, '2')).toMatchObject({ category: null, url: null });
  });

  it('maps meetings: offsets kept, local date, withdrawn → CANCELLED, flat agenda rebuilt as a tree', () => {
    const m = meetingOf(bcn, 
      {
        id: '5', title: { translations: [{ locale: 'ca', text: 'Sessió informativa' }] }, startTime: '2025-03-30T01:30:00+01:00', endTime: '2025-03-30T04:00:00+02:00',
        address: 'Plaça Sant Jaume 1', location: { translations: [{ locale: 'ca', text: 'Saló de Cent' }] }, coordinates: { latitude: 41.38, longitude: 2.17 }, typeOfMeeting: 'hybrid', isWithdrawn: false, closed: true,
        agenda: { items: [{ id: '2', position: 1, title: { translations: [{ locale: 'ca', text: 'Sub' }] }, parent: { id: '1' } }, { id: '1', position: 0, title: { translations: [{ locale: 'ca', text: 'Benvinguda' }] }, parent: null }] },
      },
      '9',
    );
    expect(m).toMatchObject({ id: 'barcelona:meeting:decidim:5', start: '2025-03-30T01:30:00+01:00', end: '2025-03-30T04:00:00+02:00', date: '2025-03-30', location: 'Saló de Cent', status: 'HELD', statusRaw: 'closed', coordinates: { latitude: 41.38, longitude: 2.17 } });
    expect(m.agenda).toHaveLength(1);
    expect(m.agenda[0]).toMatchObject({ title: 'Benvinguda', children: [{ title: 'Sub', parentId: 'barcelona:agendaitem:decidim:1' }] });
    expect(meetingOf(bcn, { id: '6', isWithdrawn: true, startTime: '2030-01-01T10:00:00+01:00' }, '9').status).toBe('CANCELLED');
    expect(agendaItemsOf(bcn, null)).toEqual([]);
  });

  it('maps accountability results with status and parent', () => {
    const r = resultOf(bcn, { id: '11', progress: 42.5, status: { key: 'in_progress', name: { translations: [{ locale: 'ca', text: 'En execució' }] } }, parent: { id: '10' } }, '3');
    expect(r).toMatchObject({ id: 'barcelona:result:11', progress: 42.5, statusKey: 'in_progress', statusNames: [{ lang: 'ca', text: 'En execució' }], parentSourceId: '10' });
  });
});
