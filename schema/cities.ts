/**
 * The city registry: cities.yaml (or the file CITIES_FILE names) is the one list of every city in the
 * graph, validated here with errors that name the entry and the field.
 *
 * A city is either on an adapter (software this repository wraps: Ahjo, Notubiz, Decidim, OParl),
 * configured by its settings, or a subgraph the city runs itself, given by its URL. Composition
 * (`npm run compose`), start-up (`npm start`, `npm run start:offline`), the gateway's routing,
 * docker-compose.yml and the tests all follow this list, so adding a city is one entry there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ADAPTERS } from './adapters';
import type { AdapterDescriptor } from '../subgraphs/shared/adapter';

export interface UpstreamEntry {
  /** Short name of the upstream interface, e.g. `ahjo`. */
  name: string;
  /** What it is, for people. */
  description: string;
  /** The city's live base URL. */
  liveBaseUrl: string;
  /** Environment variable the subgraph reads the base URL from (`<CITY>_<UPSTREAM>_URL`). */
  baseUrlEnv: string;
  /** Environment variable holding a credential for it, if it needs one. */
  tokenEnv?: string;
  /** Path under the replica's root where the replica serves this upstream. */
  replicaPath: string;
}

export interface CityEntry {
  /** Short id, also the root field name and the prefix of every id the city serves. */
  id: string;
  name: string;
  /** Prefix of the city's type names (`Helsinki` → `HelsinkiDecision`). */
  typePrefix: string;
  /** Prefix of the city's environment variables (`HELSINKI` → `HELSINKI_PORT`). */
  envPrefix: string;
  /** ISO 3166-1 alpha-2 (absent for a city that runs its own subgraph and did not say). */
  country: string;
  /** IANA time zone of the city's local times. */
  timezone: string;
  /** ISO 639-1 codes, main language first. */
  languages: string[];
  licence: { name: string; url: string; attribution: string };
  /** The adapter the city runs on; undefined when the city runs its own subgraph (`url`). */
  adapter?: AdapterDescriptor;
  /** The adapter's settings as the entry gives them (validated by the adapter's schema). */
  settings: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  subgraph: {
    /** Port the subgraph listens on by default (an adapter city), or the URL's port. */
    port: number;
    /** Environment variable that overrides the subgraph's URL for the gateway. */
    urlEnv: string;
    /** The URL of a subgraph the city runs itself. */
    url?: string;
    /** The city's SDL after the contract, relative to the repository root: its adapter's (renamed for the city), or a file the entry names. */
    schemaFile?: string;
    /** The file that starts the subgraph (listens); an adapter city only. */
    entry: string;
    /** The file that builds it; it exports `buildFromEnv(env, logger)` (used by `npm run sync`). */
    builder: string;
  };
  upstreams: UpstreamEntry[];
  /** The city's topic table (COFOG mapping), relative to the repository root; absent for a city that runs its own subgraph. */
  topics?: string;
  /** Where the city's sync starts by default (YYYY-MM-DD), and the variable that overrides it. */
  sync: { from: string; fromEnv: string };
  replica: {
    /** Port the replica listens on by default. */
    port: number;
    /** The file that starts the replica (its adapter's). */
    entry: string;
    /** Environment variable pointing the replica at another data directory. */
    dirEnv: string;
    /** The default dataset, relative to the repository root. */
    defaultDir: string;
  } | null;
}

export const ROOT_DIR = path.resolve(__dirname, '..');
export const CONTRACT_FILE = path.join(ROOT_DIR, 'schema', 'contract.graphql');
export const SUPERGRAPH_FILE = path.join(ROOT_DIR, 'schema', 'supergraph.graphql');
export const DEFAULT_REGISTRY_FILE = path.join(ROOT_DIR, 'cities.yaml');

// ---- The entry's shape -------------------------------------------------------------------------

const ID = /^[a-z][a-z0-9]{1,30}$/;
/** Root fields and type prefixes the gateway's own subgraph (schema/graph.graphql) takes. */
// The gateway's own root fields: a city with one of these ids would clash with them.
const RESERVED_IDS = ['graph', 'decisions', 'decisionStats', 'node', 'nodes', 'cities', 'topicScheme'];
const RESERVED_PREFIXES = ['Graph'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(v)), 'not a calendar date');
const port = z.number().int().min(1024).max(65535);
const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as Europe/Berlin');
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

const common = {
  id: z.string().regex(ID, 'expected lower-case letters and digits, starting with a letter (2–31 characters): it becomes the root field and the prefix of every id').refine((id) => !RESERVED_IDS.includes(id), `is one of the gateway's own root fields (${RESERVED_IDS.join(', ')}): choose another id`),
  name: z.string().trim().min(1, 'expected the city\'s name'),
  typePrefix: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'expected a PascalCase prefix such as DenHaag').refine((p) => !RESERVED_PREFIXES.includes(p), 'is the prefix of the gateway\'s own types (GraphStatus, GraphCity): choose another').optional(),
};
const described = {
  country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as DE'),
  timezone,
  languages: z.array(z.string().regex(/^[a-z]{2}$/, 'expected ISO 639-1 codes such as de')).min(1, 'expected at least one language'),
  licence: z.strictObject({ name: z.string().min(1), url: httpUrl, attribution: z.string().min(1) }),
};

const adapterCity = z.strictObject({
  ...common,
  ...described,
  adapter: z.string(),
  settings: z.record(z.string(), z.unknown()).default({}),
  port,
  syncFrom: date.default('2012-01-01'),
  replica: z.strictObject({ port, dir: z.string().min(1) }).optional(),
  // Its contents are validated where they are used (schema/topics.ts), with errors naming the file's entry.
  topics: z.string().regex(/^topics\/[a-z0-9-]+\.yaml$/, 'expected a topic table such as topics/<id>.yaml').refine((f) => fs.existsSync(path.join(ROOT_DIR, f)), 'no such file in the repository').optional(),
});

const ownSubgraphCity = z.strictObject({
  ...common,
  country: described.country.optional(),
  timezone: described.timezone.optional(),
  languages: described.languages.optional(),
  licence: described.licence.optional(),
  url: httpUrl,
  schemaFile: z.string().min(1).optional(),
});

const registryFile = z.strictObject({ cities: z.array(z.record(z.string(), z.unknown())).min(1, 'expected at least one city') });

// ---- Loading -----------------------------------------------------------------------------------

export class RegistryError extends Error {
  constructor(public readonly file: string, public readonly problems: string[]) {
    super(`${path.relative(process.cwd(), file) || file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'RegistryError';
  }
}

function issuesOf(error: z.ZodError, where: string): string[] {
  return error.issues.map((i) => `${where}${i.path.length ? `: ${i.path.join('.')}` : ''}: ${i.message}`);
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

function entryOf(raw: Record<string, unknown>, index: number, problems: string[]): CityEntry | null {
  const where = `city ${index + 1}${typeof raw.id === 'string' ? ` (${raw.id})` : ''}`;
  if ('url' in raw && 'adapter' in raw) {
    problems.push(`${where}: give either adapter (software this repository wraps) or url (a subgraph the city runs), not both`);
    return null;
  }
  if (!('url' in raw) && !('adapter' in raw)) {
    problems.push(`${where}: missing adapter (one of ${Object.keys(ADAPTERS).join(', ')}) or url (a subgraph the city runs)`);
    return null;
  }
  if ('url' in raw) {
    const parsed = ownSubgraphCity.safeParse(raw);
    if (!parsed.success) return void problems.push(...issuesOf(parsed.error, where)), null;
    const c = parsed.data;
    const envPrefix = c.id.toUpperCase();
    const url = new URL(c.url);
    return {
      id: c.id,
      name: c.name,
      typePrefix: c.typePrefix ?? pascal(c.id),
      envPrefix,
      country: c.country ?? '',
      timezone: c.timezone ?? 'UTC',
      languages: c.languages ?? [],
      licence: c.licence ?? { name: '', url: '', attribution: '' },
      settings: {},
      subgraph: { port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80), urlEnv: `${envPrefix}_SUBGRAPH_URL`, url: c.url, schemaFile: c.schemaFile, entry: '', builder: '' },
      upstreams: [],
      sync: { from: '', fromEnv: `${envPrefix}_SYNC_FROM` },
      replica: null,
    };
  }
  const parsed = adapterCity.safeParse(raw);
  if (!parsed.success) return void problems.push(...issuesOf(parsed.error, where)), null;
  const c = parsed.data;
  const adapter = ADAPTERS[c.adapter];
  if (!adapter) return void problems.push(`${where}: adapter: unknown adapter "${c.adapter}"; known adapters: ${Object.keys(ADAPTERS).join(', ')}`), null;
  const settings = adapter.settings.safeParse(c.settings);
  if (!settings.success) return void problems.push(...issuesOf(settings.error, `${where}: settings`).map((p) => p.replace(': settings: ', ': settings.'))), null;
  const envPrefix = c.id.toUpperCase();
  return {
    id: c.id,
    name: c.name,
    typePrefix: c.typePrefix ?? pascal(c.id),
    envPrefix,
    country: c.country,
    timezone: c.timezone,
    languages: c.languages,
    licence: c.licence,
    adapter,
    settings: settings.data as Record<string, unknown>,
    subgraph: { port: c.port, urlEnv: `${envPrefix}_SUBGRAPH_URL`, schemaFile: adapter.schemaFile, entry: adapter.entry, builder: adapter.builder },
    upstreams: adapter.upstreams(settings.data).map((u) => ({
      name: u.name,
      description: u.description,
      liveBaseUrl: u.liveBaseUrl,
      baseUrlEnv: `${envPrefix}_${u.name.toUpperCase()}_URL`,
      tokenEnv: u.token ? `${envPrefix}_${u.name.toUpperCase()}_TOKEN` : undefined,
      replicaPath: u.replicaPath,
    })),
    topics: c.topics,
    sync: { from: c.syncFrom, fromEnv: `${envPrefix}_SYNC_FROM` },
    replica: c.replica ? { port: c.replica.port, entry: adapter.replicaEntry, dirEnv: `${envPrefix}_REPLICA_DIR`, defaultDir: c.replica.dir } : null,
  };
}

/** Reads and validates a registry file; throws RegistryError listing every problem. */
export function loadRegistry(file: string): CityEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new RegistryError(file, [`cannot read the registry (${(err as Error).message}); CITIES_FILE names another one`]);
  }
  return parseRegistry(text, file);
}

/** Validates a registry's text (YAML, of which JSON is a subset). */
export function parseRegistry(text: string, file = 'cities.yaml'): CityEntry[] {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) throw new RegistryError(file, doc.errors.map((e) => `not valid YAML: ${e.message}`));
  const top = registryFile.safeParse(doc.toJS());
  if (!top.success) throw new RegistryError(file, issuesOf(top.error, 'registry'));
  const problems: string[] = [];
  const cities = top.data.cities.map((raw, i) => entryOf(raw, i, problems));
  const ok = cities.filter((c): c is CityEntry => !!c);
  const seen = new Map<string, string>();
  for (const city of ok) {
    for (const [kind, key] of [['id', city.id], ['type prefix', city.typePrefix]] as const) {
      const other = seen.get(`${kind}:${key}`);
      if (other) problems.push(`city ${city.id}: ${kind === 'id' ? 'id' : 'typePrefix'}: "${key}" is already used by ${other}`);
      seen.set(`${kind}:${key}`, city.id);
    }
    if (city.adapter) {
      for (const [what, p] of [['port', city.subgraph.port], ['replica.port', city.replica?.port]] as const) {
        if (p === undefined) continue;
        const other = seen.get(`port:${p}`);
        if (other) problems.push(`city ${city.id}: ${what}: ${p} is already used by ${other}`);
        seen.set(`port:${p}`, `${city.id}${what === 'port' ? '' : ' (replica)'}`);
      }
    }
  }
  if (problems.length) throw new RegistryError(file, problems);
  return ok;
}

export const REGISTRY_FILE = process.env.CITIES_FILE ? path.resolve(process.env.CITIES_FILE) : DEFAULT_REGISTRY_FILE;
export const CITIES: CityEntry[] = loadRegistry(REGISTRY_FILE);

export function cityById(id: string): CityEntry {
  const city = CITIES.find((c) => c.id === id);
  if (!city) throw new Error(`Unknown city "${id}". Known cities (${path.relative(ROOT_DIR, REGISTRY_FILE)}): ${CITIES.map((c) => c.id).join(', ')}.`);
  return city;
}

/** The city a subgraph or replica process serves: CITY_ID (set by `npm start`), else the default given. */
export function cityFromEnv(adapterName: string, env: NodeJS.ProcessEnv = process.env): CityEntry {
  const id = env.CITY_ID;
  const onAdapter = CITIES.filter((c) => c.adapter?.name === adapterName);
  if (!id) {
    if (onAdapter.length === 1) return onAdapter[0];
    throw new Error(`CITY_ID must name the city to serve: one of ${onAdapter.map((c) => c.id).join(', ')} (the cities on ${adapterName}).`);
  }
  const city = cityById(id);
  if (city.adapter?.name !== adapterName) throw new Error(`CITY_ID=${id} is not a city on ${adapterName}; the cities on it are ${onAdapter.map((c) => c.id).join(', ') || 'none'}.`);
  return city;
}

/** The URL the gateway uses for a city's subgraph: its env override, else its own URL, else localhost and its port. */
export function subgraphUrl(city: CityEntry, env: NodeJS.ProcessEnv = process.env): string {
  return env[city.subgraph.urlEnv] || city.subgraph.url || `http://127.0.0.1:${city.subgraph.port}/graphql`;
}

/** A city's offline replica (an adapter city with `replica` in its entry). */
export function replicaOf(city: CityEntry): NonNullable<CityEntry['replica']> {
  if (!city.replica) throw new Error(`City "${city.id}" has no replica: give its entry replica: { port, dir } in ${path.relative(ROOT_DIR, REGISTRY_FILE)}.`);
  return city.replica;
}
