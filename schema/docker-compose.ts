/**
 * docker-compose.yml, written from the registry by `npm run compose` (a test checks it is current):
 * the production topology of the README's "Production": a proxy in front of two gateway replicas
 * sharing Redis, one subgraph per city on an adapter sharing PostgreSQL, each such city's replica,
 * every node service from the one image the Dockerfile builds.
 */
import type { CityEntry } from './cities';

/** The image the Dockerfile builds, run by every node service. */
export const IMAGE = 'city-decision-graph:local';
/** The gateway replicas: stateless, sharing Redis; the proxy sends requests to each in turn. */
export const GATEWAY_REPLICAS = ['gateway-1', 'gateway-2'];
/** The proxy's configuration (nginx), relative to the repository root. */
export const PROXY_CONFIG = 'deploy/nginx.conf';
/** Where the graph is reached from outside: the proxy's port, the only one published. */
export const PUBLIC_PORT = 4000;
const GATEWAY_PORT = 4000;
const DATABASE_URL = 'postgres://postgres@postgres:5432/decisions';
const REDIS_URL = 'redis://redis:6379';
/**
 * The city subgraphs that read REDIS_URL (none today: their stores replaced the upstream caches);
 * test/docker-compose.test.ts fails when an adapter's config reads it and its cities are not here.
 */
const SUBGRAPH_ADAPTERS_READING_REDIS: string[] = [];

const HEADER = `# Written by \`npm run compose\` from cities.yaml: do not edit by hand (README: "Production").
#   docker compose up --build        → the graph at http://127.0.0.1:${PUBLIC_PORT}/graphql
# proxy (nginx, ${PROXY_CONFIG}; the only published port; /metrics denied) → ${GATEWAY_REPLICAS.join(', ')}
# (stateless, sharing Redis) → one subgraph per city on an adapter (sharing PostgreSQL, one schema per
# city) → each such city's replica. Every node service runs the image the Dockerfile builds (no
# bind mount of the checkout) and answers /health on its own port (its health check); gateways and
# subgraphs also /ready and /metrics (scraped inside the network). Each service waits for what it
# needs to be healthy (depends_on).
# A city's live source instead of its replica: set <CITY>_<UPSTREAM>_URL (e.g. HELSINKI_AHJO_URL) and
# its token (HELSINKI_AHJO_TOKEN) in the environment or .env; tokens are never in the image.
# Every service comes back by itself when it exits (a crash, its heap limit) as \`npm start\` does for
# its processes; subgraphs and gateways run under the same V8 heap limits as there
# (SUBGRAPH_MAX_HEAP_MB, GATEWAY_MAX_HEAP_MB). OTEL_EXPORTER_OTLP_ENDPOINT turns tracing on (empty: off).
# No Docker engine runs on the development machines: test/docker-compose.test.ts checks this file.
x-node: &node
  build: .
  image: ${IMAGE}
  init: true
  restart: unless-stopped
  healthcheck:
    test: ["CMD", "node", "deploy/healthcheck.mjs"]
    interval: 15s
    timeout: 5s
    start_period: 60s
    retries: 3
  environment: &node-env
    LOG_LEVEL: "\${LOG_LEVEL:-info}"
    OTEL_EXPORTER_OTLP_ENDPOINT: "\${OTEL_EXPORTER_OTLP_ENDPOINT:-}"

services:
  redis:
    image: redis:7
    restart: unless-stopped
    command: ["redis-server", "--save", "", "--appendonly", "no"]
    healthcheck:
      test: ["CMD", "redis-cli", "ping"]
      interval: 5s
      timeout: 3s
      retries: 10

  postgres:
    image: postgres:15
    restart: unless-stopped
    environment:
      POSTGRES_DB: decisions
      # Reachable only on the compose network (no published port).
      POSTGRES_HOST_AUTH_METHOD: trust
    volumes:
      - postgres-data:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD", "pg_isready", "-U", "postgres", "-d", "decisions"]
      interval: 5s
      timeout: 3s
      retries: 10
`;

const env = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `      ${k}: ${/^[\w./:@-]+$/.test(v) && !/^\d+$/.test(v) ? v : JSON.stringify(v)}`).join('\n');

/** `${NAME:-fallback}`: the operator's value when set (environment or .env), else the fallback. */
const fromHost = (name: string, fallback = '') => `\${${name}:-${fallback}}`;

const dependsOnHealthy = (names: string[]) => `    depends_on:\n${names.map((n) => `      ${n}: { condition: service_healthy }`).join('\n')}`;

function cityServices(city: CityEntry, subgraphHeapMb: string): string {
  const replica = city.replica;
  const parts: string[] = [];
  if (replica) {
    parts.push(`  ${city.id}-replica:
    <<: *node
    command: ["node", "--import", "tsx", "${replica.entry}"]
    environment:
      <<: *node-env
${env([['CITY_ID', city.id], [`${city.envPrefix}_REPLICA_HOST`, '0.0.0.0'], [`${city.envPrefix}_REPLICA_PORT`, String(replica.port)], [`${city.envPrefix}_REPLICA_DIR`, replica.defaultDir], ['HEALTH_PORT', String(replica.port)]])}
`);
  }
  const upstreams = city.upstreams.flatMap((u): Array<[string, string]> => [
    [u.baseUrlEnv, replica ? fromHost(u.baseUrlEnv, `http://${city.id}-replica:${replica.port}${u.replicaPath}`) : fromHost(u.baseUrlEnv, u.liveBaseUrl)],
    ...(u.tokenEnv ? [[u.tokenEnv, fromHost(u.tokenEnv)] as [string, string]] : []),
  ]);
  const redis: Array<[string, string]> = SUBGRAPH_ADAPTERS_READING_REDIS.includes(city.adapter!.name) ? [['REDIS_URL', REDIS_URL]] : [];
  parts.push(`  ${city.id}:
    <<: *node
    command: ["node", "--import", "tsx", "${city.subgraph.entry}"]
    environment:
      <<: *node-env
${env([
  ['NODE_OPTIONS', `--max-old-space-size=\${SUBGRAPH_MAX_HEAP_MB:-${subgraphHeapMb}}`],
  ['CITY_ID', city.id],
  [`${city.envPrefix}_HOST`, '0.0.0.0'],
  [`${city.envPrefix}_PORT`, String(city.subgraph.port)],
  ['HEALTH_PORT', String(city.subgraph.port)],
  ...upstreams,
  ['DATABASE_URL', DATABASE_URL],
  ...redis,
])}
${dependsOnHealthy([...(replica ? [`${city.id}-replica`] : []), 'postgres'])}
`);
  return parts.join('\n');
}

/** The file's text for these cities; heap defaults are those of scripts/start.ts. */
export function dockerComposeYaml(cities: CityEntry[], heap: { subgraphMb: string; gatewayMb: string }): string {
  const local = cities.filter((c) => c.adapter);
  const gatewayEnv: Array<[string, string]> = [
    ['NODE_OPTIONS', `--max-old-space-size=\${GATEWAY_MAX_HEAP_MB:-${heap.gatewayMb}}`],
    ['HOST', '0.0.0.0'],
    ['PORT', String(GATEWAY_PORT)],
    ['HEALTH_PORT', String(GATEWAY_PORT)],
    ['SUPERGRAPH', fromHost('SUPERGRAPH', 'live')],
    ...cities.map((c): [string, string] => [c.subgraph.urlEnv, c.adapter ? `http://${c.id}:${c.subgraph.port}/graphql` : c.subgraph.url!]),
    ['REDIS_URL', REDIS_URL],
    // Clients reach the gateways through the proxy, which appends their address to X-Forwarded-For.
    ['TRUST_PROXY_HOPS', '1'],
  ];
  const gateway = (name: string) => `  ${name}:
    <<: *node
    command: ["node", "--import", "tsx", "gateway/index.ts"]
    environment:
      <<: *node-env
${env(gatewayEnv)}
${dependsOnHealthy([...local.map((c) => c.id), 'redis'])}
`;
  return `${HEADER}
${local.map((c) => cityServices(c, heap.subgraphMb)).join('\n')}
${GATEWAY_REPLICAS.map(gateway).join('\n')}
  proxy:
    image: nginx:1.28-alpine
    restart: unless-stopped
    volumes:
      - ./${PROXY_CONFIG}:/etc/nginx/conf.d/default.conf:ro
    ports:
      - "${PUBLIC_PORT}:${PUBLIC_PORT}"
    healthcheck:
      # Through the proxy to a gateway's /health (busybox's wget, in every alpine image).
      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:${PUBLIC_PORT}/health"]
      interval: 15s
      timeout: 5s
      retries: 3
${dependsOnHealthy(GATEWAY_REPLICAS)}

volumes:
  postgres-data:
`;
}
