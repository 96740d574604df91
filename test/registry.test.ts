/** The registry (cities.yaml): entries are validated at load, with errors naming the entry and the field. */
import fs from 'node:fs';
import path from 'node:path';
import { CITIES, DEFAULT_REGISTRY_FILE, parseRegistry, RegistryError, ROOT_DIR } from '../schema/cities';
import { ADAPTERS } from '../schema/adapters';
import { renameForCity } from '../schema/compose';

const LICENCE = '{ name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/", attribution: "Source: the city." }';
/** One valid Notubiz city as YAML lines (an entry of `cities:`), with fields replaced or removed. */
function notubizCity(changes: Record<string, string | null> = {}): string {
  const fields: Record<string, string | null> = {
    id: 'utrecht',
    name: 'Utrecht',
    country: 'NL',
    timezone: 'Europe/Amsterdam',
    languages: '[nl]',
    licence: LICENCE,
    adapter: 'notubiz',
    settings: '{ organisationId: 1234 }',
    port: '4904',
    ...changes,
  };
  const lines = Object.entries(fields).filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`);
  return `  - ${lines.join('\n    ')}\n`;
}
const registry = (...entries: string[]) => `cities:\n${entries.join('')}`;

function problemsOf(text: string): string[] {
  try {
    parseRegistry(text, 'test.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(RegistryError);
    return (err as RegistryError).problems;
  }
  throw new Error('the registry was accepted');
}

describe('the registry', () => {
  it('is the committed cities.yaml, and every city in it has a distinct id, type prefix and ports', () => {
    expect(DEFAULT_REGISTRY_FILE).toBe(path.join(ROOT_DIR, 'cities.yaml'));
    expect(parseRegistry(fs.readFileSync(DEFAULT_REGISTRY_FILE, 'utf8')).map((c) => c.id)).toEqual(CITIES.map((c) => c.id));
    expect(new Set(CITIES.map((c) => c.typePrefix)).size).toBe(CITIES.length);
    for (const city of CITIES) expect(city.adapter ? Object.values(ADAPTERS) : [undefined]).toContain(city.adapter);
  });

  it('derives env names, type prefix and upstreams of an adapter city from its entry', () => {
    const [city] = parseRegistry(registry(notubizCity({ settings: '{ organisationId: 1234, baseUrl: "https://notubiz.example/api" }' })));
    expect(city).toMatchObject({
      id: 'utrecht',
      typePrefix: 'Utrecht',
      envPrefix: 'UTRECHT',
      adapter: ADAPTERS.notubiz,
      subgraph: { port: 4904, urlEnv: 'UTRECHT_SUBGRAPH_URL', entry: ADAPTERS.notubiz.entry },
      sync: { from: '2012-01-01', fromEnv: 'UTRECHT_SYNC_FROM' },
      replica: null,
    });
    expect(city.settings).toMatchObject({ organisationId: 1234 });
    expect(city.upstreams).toEqual([expect.objectContaining({ name: 'notubiz', liveBaseUrl: 'https://notubiz.example/api', baseUrlEnv: 'UTRECHT_NOTUBIZ_URL' })]);
  });

  it('takes a city that runs its own subgraph by its URL alone', () => {
    const [city] = parseRegistry(registry('  - { id: tampere, name: Tampere, url: "https://graph.tampere.example/graphql" }\n'));
    expect(city.adapter).toBeUndefined();
    expect(city).toMatchObject({ id: 'tampere', typePrefix: 'Tampere', subgraph: { url: 'https://graph.tampere.example/graphql', urlEnv: 'TAMPERE_SUBGRAPH_URL', port: 443 }, replica: null });
  });

  it.each([
    ['a missing field', notubizCity({ timezone: null }), 'city 1 (utrecht): timezone:'],
    ['an id that cannot be a root field', notubizCity({ id: '"Den Haag"' }), 'city 1 (Den Haag): id: expected lower-case letters and digits'],
    ['an unknown time zone', notubizCity({ timezone: 'Europe/Atlantis' }), 'city 1 (utrecht): timezone: expected an IANA time zone'],
    ['a country that is not ISO 3166-1', notubizCity({ country: 'Netherlands' }), 'city 1 (utrecht): country: expected an ISO 3166-1 alpha-2 code'],
    ['a language that is not ISO 639-1', notubizCity({ languages: '[dutch]' }), 'city 1 (utrecht): languages.0: expected ISO 639-1 codes'],
    ['an unknown adapter', notubizCity({ adapter: 'ibabs' }), 'city 1 (utrecht): adapter: unknown adapter "ibabs"; known adapters: '],
    ['a missing adapter setting', notubizCity({ settings: '{}' }), 'city 1 (utrecht): settings.organisationId:'],
    ['a wrongly typed adapter setting', notubizCity({ settings: '{ organisationId: "1234" }' }), 'city 1 (utrecht): settings.organisationId: '],
    ['an unknown field (a typo)', notubizCity({ prot: '4904' }), 'city 1 (utrecht): '],
    ['a port out of range', notubizCity({ port: '80' }), 'city 1 (utrecht): port: '],
    ['neither adapter nor url', notubizCity({ adapter: null }), 'city 1 (utrecht): missing adapter (one of '],
    ['both adapter and url', notubizCity({ url: 'https://x.example/graphql' }), 'city 1 (utrecht): give either adapter'],
    ['the gateway\'s own root field as an id', notubizCity({ id: 'graph' }), 'city 1 (graph): id: is one of the gateway\'s own root fields'],
    ['a url that is not http(s)', '  - { id: tampere, name: Tampere, url: "ftp://x.example/graphql" }\n', 'city 1 (tampere): url: expected an http(s) URL'],
  ])('rejects %s, naming the entry and the field', (_what, entry, message) => {
    const problems = problemsOf(registry(entry));
    expect(problems).toEqual([expect.stringContaining(message)]);
  });

  it('reports every problem at once, each with its entry', () => {
    const problems = problemsOf(registry(notubizCity({ timezone: 'Nowhere' }), notubizCity({ id: 'rotterdam', name: 'Rotterdam', port: '4905', country: 'nl' })));
    expect(problems).toEqual([expect.stringMatching(/^city 1 \(utrecht\): timezone/), expect.stringMatching(/^city 2 \(rotterdam\): country/)]);
  });

  it('rejects two cities with one id, type prefix or port', () => {
    const problems = problemsOf(registry(notubizCity(), notubizCity({ name: 'Utrecht again', port: '4904' })));
    expect(problems).toEqual(expect.arrayContaining([
      'city utrecht: id: "utrecht" is already used by utrecht',
      'city utrecht: port: 4904 is already used by utrecht',
    ]));
    expect(problemsOf(registry(notubizCity(), notubizCity({ id: 'denhaag', name: 'Den Haag', typePrefix: 'Utrecht', port: '4905' })))).toEqual(['city denhaag: typePrefix: "Utrecht" is already used by utrecht']);
  });

  it('rejects text that is not YAML, or not a list of cities, and names the file', () => {
    expect(problemsOf('cities: [ {')[0]).toMatch(/^not valid YAML/);
    expect(problemsOf('towns: []')).toEqual(expect.arrayContaining([expect.stringMatching(/^registry: /)]));
    expect(() => parseRegistry('cities: []', 'elsewhere.yaml')).toThrow(/^elsewhere\.yaml: registry: cities: expected at least one city/);
  });
});

describe('an adapter SDL renamed for a city', () => {
  const sdl = `type Query {\n  "The city."\n  notubiz: NotubizCity\n}\n\n"""{{city}} as Notubiz publishes it; see NotubizDecision."""\ntype NotubizCity implements City {\n  "Its decisions."\n  decisions: [NotubizDecision!]!\n  "Not renamed: the contract's own type."\n  page: PageInfo\n}\n`;
  const renamed = renameForCity(sdl, { typePrefix: 'Notubiz', rootField: 'notubiz' }, { id: 'utrecht', name: 'Utrecht', typePrefix: 'Utrecht' });

  it('gets the city\'s root field, type names and name, and leaves contract types alone', () => {
    expect(renamed).toContain('utrecht: UtrechtCity');
    expect(renamed).toContain('type UtrechtCity implements City');
    expect(renamed).toContain('decisions: [UtrechtDecision!]!');
    expect(renamed).toContain('Utrecht as Notubiz publishes it; see UtrechtDecision.');
    expect(renamed).toContain('page: PageInfo');
    expect(renamed).not.toMatch(/Notubiz[A-Z]|notubiz:|\{\{city\}\}/);
  });
});
