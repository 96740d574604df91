/**
 * The city registry: the one place that lists every city in the graph.
 *
 * Composition (`npm run compose`), start-up (`npm start`, `npm run start:offline`), the gateway's
 * routing and docker-compose.yml all follow this list, so adding a city is an entry here plus its
 * folder under subgraphs/ (same shape as subgraphs/helsinki).
 */
import path from 'node:path';

export interface UpstreamEntry {
  /** Short name of the upstream interface, e.g. `ahjo`. */
  name: string;
  /** What it is, for people. */
  description: string;
  /** The city's live base URL. */
  liveBaseUrl: string;
  /** Environment variable the subgraph reads the base URL from. */
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
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** IANA time zone of the city's local times. */
  timezone: string;
  /** ISO 639-1 codes, main language first. */
  languages: string[];
  licence: { name: string; url: string; attribution: string };
  subgraph: {
    /** Port the subgraph listens on by default. */
    port: number;
    /** Environment variable that overrides the subgraph's URL for the gateway. */
    urlEnv: string;
    /** The city's SDL, relative to the repository root; composed together with the contract. */
    schemaFile: string;
    /** The file that starts the subgraph (listens). */
    entry: string;
    /** The file that builds it; it exports `buildFromEnv(env, logger)` (used by `npm run sync`). */
    builder: string;
  };
  upstreams: UpstreamEntry[];
  /** Where the city's sync starts by default (YYYY-MM-DD), and the variable that overrides it. */
  sync: { from: string; fromEnv: string };
  replica: {
    /** Port the replica listens on by default. */
    port: number;
    /** The file that starts the replica. */
    entry: string;
    /** Environment variable pointing the replica at another data directory. */
    dirEnv: string;
    /** The default dataset, relative to the repository root. */
    defaultDir: string;
  };
}

export const ROOT_DIR = path.resolve(__dirname, '..');
export const CONTRACT_FILE = path.join(ROOT_DIR, 'schema', 'contract.graphql');
export const SUPERGRAPH_FILE = path.join(ROOT_DIR, 'schema', 'supergraph.graphql');

export const CITIES: CityEntry[] = [
  {
    id: 'helsinki',
    name: 'Helsinki',
    country: 'FI',
    timezone: 'Europe/Helsinki',
    languages: ['fi', 'sv'],
    licence: {
      name: 'CC BY 4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/',
      attribution: 'Source: City of Helsinki, Ahjo decision-making data (paatokset.hel.fi), CC BY 4.0.',
    },
    subgraph: {
      port: 4001,
      urlEnv: 'HELSINKI_SUBGRAPH_URL',
      schemaFile: 'subgraphs/helsinki/schema.graphql',
      entry: 'subgraphs/helsinki/index.ts',
      builder: 'subgraphs/helsinki/server.ts',
    },
    upstreams: [
      {
        name: 'ahjo',
        description: 'Ahjo REST API (ahjorest/v1)',
        liveBaseUrl: 'https://ahjo.hel.fi:9802/ahjorest/v1',
        baseUrlEnv: 'HELSINKI_AHJO_URL',
        tokenEnv: 'HELSINKI_AHJO_TOKEN',
        replicaPath: '/ahjorest/v1',
      },
    ],
    sync: { from: '2012-01-01', fromEnv: 'HELSINKI_SYNC_FROM' },
    replica: {
      port: 4101,
      entry: 'subgraphs/helsinki/replica/index.ts',
      dirEnv: 'HELSINKI_REPLICA_DIR',
      defaultDir: 'subgraphs/helsinki/replica/data',
    },
  },
  {
    id: 'amsterdam',
    name: 'Amsterdam',
    country: 'NL',
    timezone: 'Europe/Amsterdam',
    languages: ['nl'],
    licence: {
      // Neither Amsterdam nor Notubiz states a licence for the API in the sources we have.
      name: 'Not stated by the publisher (public council information)',
      url: 'https://amsterdam.raadsinformatie.nl',
      attribution: 'Source: Gemeente Amsterdam, council information (raadsinformatie) published through Notubiz.',
    },
    subgraph: {
      port: 4002,
      urlEnv: 'AMSTERDAM_SUBGRAPH_URL',
      schemaFile: 'subgraphs/amsterdam/schema.graphql',
      entry: 'subgraphs/amsterdam/index.ts',
      builder: 'subgraphs/amsterdam/server.ts',
    },
    upstreams: [
      {
        name: 'notubiz',
        description: 'Notubiz API (version 1.17.0)',
        liveBaseUrl: 'https://api.notubiz.nl',
        baseUrlEnv: 'AMSTERDAM_NOTUBIZ_URL',
        replicaPath: '',
      },
    ],
    sync: { from: '2012-01-01', fromEnv: 'AMSTERDAM_SYNC_FROM' },
    replica: {
      port: 4102,
      entry: 'subgraphs/amsterdam/replica/index.ts',
      dirEnv: 'AMSTERDAM_REPLICA_DIR',
      defaultDir: 'subgraphs/amsterdam/replica/data',
    },
  },
  {
    id: 'barcelona',
    name: 'Barcelona',
    country: 'ES',
    timezone: 'Europe/Madrid',
    languages: ['ca', 'es', 'en'],
    licence: {
      // The plenary files are under the site's legal notice (not CC BY); Decidim content likewise.
      name: 'Ajuntament de Barcelona legal notice: reuse with attribution, without alteration or implied endorsement',
      url: 'https://ajuntament.barcelona.cat/ca/avis-legal',
      attribution: 'Source: Ajuntament de Barcelona, Acords del Plenari (votacions del Plenari) and decidim.barcelona.',
    },
    subgraph: {
      port: 4003,
      urlEnv: 'BARCELONA_SUBGRAPH_URL',
      schemaFile: 'subgraphs/barcelona/schema.graphql',
      entry: 'subgraphs/barcelona/index.ts',
      builder: 'subgraphs/barcelona/server.ts',
    },
    upstreams: [
      {
        name: 'plenary',
        description: 'Acords del Plenari files',
        liveBaseUrl: 'https://ajuntament.barcelona.cat/sites/default/files/votacions_plenari',
        baseUrlEnv: 'BARCELONA_PLENARY_URL',
        replicaPath: '/sites/default/files/votacions_plenari',
      },
      {
        name: 'decidim',
        description: 'Decidim GraphQL API (0.27)',
        liveBaseUrl: 'https://www.decidim.barcelona/api',
        baseUrlEnv: 'BARCELONA_DECIDIM_URL',
        replicaPath: '/api',
      },
    ],
    sync: { from: '2012-01-01', fromEnv: 'BARCELONA_SYNC_FROM' },
    replica: {
      port: 4103,
      entry: 'subgraphs/barcelona/replica/index.ts',
      dirEnv: 'BARCELONA_REPLICA_DIR',
      defaultDir: 'subgraphs/barcelona/replica/data',
    },
  },
];

export function cityById(id: string): CityEntry {
  const city = CITIES.find((c) => c.id === id);
  if (!city) throw new Error(`Unknown city "${id}". Known cities: ${CITIES.map((c) => c.id).join(', ')}.`);
  return city;
}

/** The URL the gateway uses for a city's subgraph: its env override, else localhost and its port. */
export function subgraphUrl(city: CityEntry, env: NodeJS.ProcessEnv = process.env): string {
  return env[city.subgraph.urlEnv] || `http://127.0.0.1:${city.subgraph.port}/graphql`;
}
