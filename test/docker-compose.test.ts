/** docker-compose.yml cannot run here (no Docker engine); keep it consistent with the registry. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CITIES, ROOT_DIR } from '../schema/cities';

const compose = fs.readFileSync(path.join(ROOT_DIR, 'docker-compose.yml'), 'utf8');

describe('docker-compose.yml', () => {
  it.each(CITIES.map((c) => [c.id, c] as const))('runs %s: replica, subgraph and the gateway pointing at it', (_id, city) => {
    expect(compose).toContain(`\n  ${city.id}:\n`);
    expect(compose).toContain(`\n  ${city.id}-replica:\n`);
    expect(compose).toContain(city.subgraph.entry);
    expect(compose).toContain(city.replica.entry);
    expect(compose).toContain(`${city.subgraph.urlEnv}: http://${city.id}:${city.subgraph.port}/graphql`);
    for (const upstream of city.upstreams) {
      expect(compose).toContain(`${upstream.baseUrlEnv}: http://${city.id}-replica:${city.replica.port}${upstream.replicaPath}`);
    }
  });

  const doc = parse(compose, { merge: true }) as { services: Record<string, { image?: string; command?: string[]; depends_on?: string[]; environment?: Record<string, string>; restart?: string }> };

  it('is valid YAML whose services all have an image and a command or are Redis or PostgreSQL', () => {
    const names = Object.keys(doc.services);
    expect(names.sort()).toEqual(['gateway', 'postgres', 'redis', ...CITIES.flatMap((c) => [c.id, `${c.id}-replica`])].sort());
    for (const [name, service] of Object.entries(doc.services)) {
      expect(service.image).toBeTruthy();
      for (const dep of service.depends_on ?? []) expect(names).toContain(dep);
      if (name !== 'redis' && name !== 'postgres') expect(service.command).toEqual(expect.arrayContaining(['node', '--import', 'tsx']));
    }
  });

  it.each(CITIES.map((c) => [c.id] as const))('keeps %s\'s store in PostgreSQL (a container has no lasting DATA_DIR)', (id) => {
    expect(doc.services[id].environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    expect(doc.services[id].depends_on).toContain('postgres');
  });

  // Issue 12: one subgraph dying of heap exhaustion must neither take the graph down nor the host.
  it.each(Object.keys(doc.services).map((name) => [name] as const))('restarts %s by itself when it exits', (name) => {
    expect(['unless-stopped', 'on-failure']).toContain(doc.services[name].restart);
  });

  /** The default heap limit `npm start` gives, read from scripts/start.ts so that the two cannot drift apart. */
  const startDefault = (variable: string): string => {
    const found = fs.readFileSync(path.join(ROOT_DIR, 'scripts', 'start.ts'), 'utf8').match(new RegExp(`intEnv\\('${variable}', (\\d+)\\)`));
    if (!found) throw new Error(`scripts/start.ts no longer reads ${variable} with intEnv('${variable}', <default>)`);
    return found[1];
  };

  it.each([...CITIES.map((c) => [c.id, 'SUBGRAPH_MAX_HEAP_MB'] as const), ['gateway', 'GATEWAY_MAX_HEAP_MB'] as const])(
    'limits %s\'s heap like npm start does (%s, same default)',
    (name, variable) => {
      expect(doc.services[name].environment?.NODE_OPTIONS).toBe(`--max-old-space-size=\${${variable}:-${startDefault(variable)}}`);
    },
  );

  it('runs the gateway and Redis', () => {
    expect(compose).toMatch(/\n  gateway:\n[\s\S]*gateway\/index\.ts/);
    expect(compose).toMatch(/\n  redis:\n/);
  });
});
