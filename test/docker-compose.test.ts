/**
 * The production topology cannot run here (no Docker engine): docker-compose.yml is written from the
 * registry, and this checks it, the Dockerfile, .dockerignore and the proxy's nginx.conf against the
 * registry and against each other; the containers' health-check script is run for real.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { parse } from 'yaml';
import { CITIES, ROOT_DIR, replicaOf, type CityEntry } from '../schema/cities';
import { DOCKER_COMPOSE_FILE, startHeapDefaults } from '../schema/compose';
import { dockerComposeYaml, GATEWAY_REPLICAS, IMAGE, PROXY_CONFIG, PUBLIC_PORT } from '../schema/docker-compose';
import { gatewayConfigFromEnv } from '../gateway/config';

interface Service {
  image?: string;
  build?: string | { context: string };
  command?: string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  environment?: Record<string, string>;
  restart?: string;
  healthcheck?: { test?: string[]; disable?: boolean };
  volumes?: string[];
  ports?: string[];
}

const compose = fs.readFileSync(DOCKER_COMPOSE_FILE, 'utf8');
const doc = parse(compose, { merge: true }) as { services: Record<string, Service> };
const services = doc.services;
const names = Object.keys(services);
const LOCAL = CITIES.filter((c) => c.adapter);
const isNode = (s: Service) => s.command?.slice(0, 3).join(' ') === 'node --import tsx';
const nodeServices = Object.entries(services).filter(([, s]) => isNode(s));
/** `${NAME:-fallback}`: the operator's value when set, else the fallback (Compose interpolation). */
const fromHost = (name: string, fallback = '') => `\${${name}:-${fallback}}`;

describe('docker-compose.yml', () => {
  it('is what `npm run compose` writes from cities.yaml (run it after changing the registry)', () => {
    expect(compose).toBe(dockerComposeYaml(CITIES, startHeapDefaults()));
  });

  it('runs the proxy, two gateways, Redis, PostgreSQL, and a replica and a subgraph for each city on an adapter', () => {
    expect([...names].sort()).toEqual(['proxy', ...GATEWAY_REPLICAS, 'postgres', 'redis', ...LOCAL.flatMap((c) => [c.id, `${c.id}-replica`])].sort());
    expect(GATEWAY_REPLICAS).toHaveLength(2);
  });

  it.each(LOCAL.map((c) => [c.id, c] as const))('runs %s: its replica, its subgraph pointed at it (its live source when the operator sets one), the gateways pointed at the subgraph', (id, city) => {
    const replica = replicaOf(city);
    expect(services[`${id}-replica`].command).toEqual(['node', '--import', 'tsx', replica.entry]);
    expect(services[id].command).toEqual(['node', '--import', 'tsx', city.subgraph.entry]);
    for (const upstream of city.upstreams) {
      expect(services[id].environment?.[upstream.baseUrlEnv]).toBe(fromHost(upstream.baseUrlEnv, `http://${id}-replica:${replica.port}${upstream.replicaPath}`));
    }
    for (const gateway of GATEWAY_REPLICAS) expect(services[gateway].environment?.[city.subgraph.urlEnv]).toBe(`http://${id}:${city.subgraph.port}/graphql`);
  });

  it.each(LOCAL.map((c) => [c.id] as const))('runs %s as its registry entry says (CITY_ID) and keeps its store in PostgreSQL', (id) => {
    expect(services[id].environment?.CITY_ID).toBe(id);
    expect(services[`${id}-replica`].environment?.CITY_ID).toBe(id);
    expect(services[id].environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
  });

  it('passes each city\'s credentials through from the operator\'s environment, never with a value in the file', () => {
    const tokens = LOCAL.flatMap((c) => c.upstreams.filter((u) => u.tokenEnv).map((u) => [c.id, u.tokenEnv!] as const));
    expect(tokens.length).toBeGreaterThan(0);
    for (const [id, variable] of tokens) expect(services[id].environment?.[variable]).toBe(fromHost(variable));
  });

  it('runs every node service from the image the Dockerfile builds, with no bind mount of the checkout', () => {
    expect(nodeServices.length).toBe(2 * LOCAL.length + GATEWAY_REPLICAS.length);
    for (const [name, service] of nodeServices) {
      expect([name, service.image]).toEqual([name, IMAGE]);
      expect([name, typeof service.build === 'string' ? service.build : service.build?.context]).toEqual([name, '.']);
      expect([name, service.volumes ?? []]).toEqual([name, []]);
    }
  });

  it('gives every node service LOG_LEVEL and the tracing switch (OTEL_EXPORTER_OTLP_ENDPOINT, empty: off) from the operator\'s environment', () => {
    for (const [name, service] of nodeServices) {
      expect([name, service.environment?.OTEL_EXPORTER_OTLP_ENDPOINT]).toEqual([name, fromHost('OTEL_EXPORTER_OTLP_ENDPOINT')]);
      expect([name, service.environment?.LOG_LEVEL]).toEqual([name, fromHost('LOG_LEVEL', 'info')]);
    }
  });

  it.each(names.map((n) => [n] as const))('checks the health of %s', (name) => {
    const check = services[name].healthcheck;
    expect(check?.disable).not.toBe(true);
    expect(check?.test?.[0]).toBe('CMD');
    expect(check?.test?.length).toBeGreaterThan(1);
  });

  it.each(nodeServices.map(([n]) => [n] as const))('checks %s on /health at the port it listens on', (name) => {
    const environment = services[name].environment ?? {};
    expect(services[name].healthcheck?.test).toEqual(['CMD', 'node', 'deploy/healthcheck.mjs']);
    const listens = Object.entries(environment).filter(([k]) => k === 'PORT' || /^[A-Z0-9]+(_REPLICA)?_PORT$/.test(k) && k !== 'HEALTH_PORT');
    expect(listens).toHaveLength(1);
    expect(environment.HEALTH_PORT).toBe(listens[0][1]);
  });

  it.each(names.map((n) => [n] as const))('starts %s only once what it depends on is healthy', (name) => {
    const deps = services[name].depends_on ?? {};
    expect(Array.isArray(deps)).toBe(false);
    for (const [dep, condition] of Object.entries(deps)) {
      expect([dep, names.includes(dep)]).toEqual([dep, true]);
      expect([dep, condition.condition]).toEqual([dep, 'service_healthy']);
      expect(services[dep].healthcheck?.test).toBeTruthy();
    }
  });

  it('orders the start: replica and PostgreSQL → subgraph → gateways (with Redis) → proxy', () => {
    const deps = (name: string) => Object.keys((services[name].depends_on ?? {}) as Record<string, unknown>).sort();
    for (const city of LOCAL) expect(deps(city.id)).toEqual([`${city.id}-replica`, 'postgres'].sort());
    for (const gateway of GATEWAY_REPLICAS) expect(deps(gateway)).toEqual([...LOCAL.map((c) => c.id), 'redis'].sort());
    expect(deps('proxy')).toEqual([...GATEWAY_REPLICAS].sort());
  });

  // Issue 12: one subgraph dying of heap exhaustion must neither take the graph down nor the host.
  it.each(names.map((n) => [n] as const))('restarts %s by itself when it exits', (name) => {
    expect(['unless-stopped', 'on-failure']).toContain(services[name].restart);
  });

  it.each([...LOCAL.map((c) => [c.id, 'SUBGRAPH_MAX_HEAP_MB', startHeapDefaults().subgraphMb] as const), ...GATEWAY_REPLICAS.map((g) => [g, 'GATEWAY_MAX_HEAP_MB', startHeapDefaults().gatewayMb] as const)])(
    'limits %s\'s heap like npm start does (%s, same default)',
    (name, variable, fallback) => {
      expect(services[name].environment?.NODE_OPTIONS).toBe(`--max-old-space-size=\${${variable}:-${fallback}}`);
    },
  );

  it('runs two gateways alike, pointed at every city of the registry and sharing one Redis', () => {
    const [first, ...others] = GATEWAY_REPLICAS.map((g) => services[g]);
    for (const other of others) {
      expect(other.command).toEqual(first.command);
      expect(other.environment).toEqual(first.environment);
    }
    expect(first.command).toEqual(['node', '--import', 'tsx', 'gateway/index.ts']);
    for (const city of CITIES) expect(first.environment?.[city.subgraph.urlEnv]).toBeTruthy();
    expect(first.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(first.environment?.SUPERGRAPH).toBe(fromHost('SUPERGRAPH', 'live'));
    // Behind the one proxy: the client for rate limiting is the address it appends to X-Forwarded-For.
    expect(first.environment?.TRUST_PROXY_HOPS).toBe('1');
    expect(fs.readFileSync(PROXY_CONFIG, 'utf8')).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  });

  it('publishes one port to the host: the proxy\'s', () => {
    const publishing = Object.entries(services).filter(([, s]) => s.ports?.length).map(([n]) => n);
    expect(publishing).toEqual(['proxy']);
    expect(services.proxy.ports).toEqual([`${PUBLIC_PORT}:${PUBLIC_PORT}`]);
    expect(services.proxy.volumes).toEqual([`./${PROXY_CONFIG}:/etc/nginx/conf.d/default.conf:ro`]);
  });

  // A subgraph that reads REDIS_URL and is not given it would cache in its own memory only (Barcelona's
  // did once). Whether an adapter's config reads it is asked of the config itself.
  describe('REDIS_URL for every service whose configuration reads it', () => {
    const SENTINEL = 'redis://sentinel.invalid:6390';
    const readsRedis = (config: unknown) => JSON.stringify(config).includes(SENTINEL);

    it('is seen in the gateway\'s configuration (the way of telling works)', () => {
      expect(readsRedis(gatewayConfigFromEnv({ REDIS_URL: SENTINEL }))).toBe(true);
      expect(readsRedis(gatewayConfigFromEnv({}))).toBe(false);
    });

    it.each(LOCAL.map((c) => [c.id, c] as const))('is given to %s when its adapter\'s config reads it', (id, city: CityEntry) => {
      // Every adapter has a config.ts exporting `<adapter>ConfigFromEnv(city, env)` (README: Layout).
      const module = require(path.join(ROOT_DIR, 'subgraphs', city.adapter!.name, 'config')) as Record<string, unknown>;
      const configFromEnv = Object.entries(module).filter(([name, value]) => name.endsWith('ConfigFromEnv') && typeof value === 'function');
      expect(configFromEnv).toHaveLength(1);
      const config = (configFromEnv[0][1] as (city: CityEntry, env: NodeJS.ProcessEnv) => unknown)(city, { REDIS_URL: SENTINEL });
      if (readsRedis(config)) expect(services[id].environment?.REDIS_URL).toBe('redis://redis:6379');
      else expect(services[id].environment?.REDIS_URL).toBeUndefined();
    });
  });
});

// ---- The proxy: deploy/nginx.conf ----------------------------------------------------------------

const nginx = fs.readFileSync(path.join(ROOT_DIR, PROXY_CONFIG), 'utf8').replace(/#.*$/gm, '');

/** The body of each `<keyword> <args> { … }` block (no nested braces in the bodies read here). */
function blocks(keyword: string, text = nginx): Array<{ args: string; body: string }> {
  return [...text.matchAll(new RegExp(`(?:^|[;{}\\s])${keyword}\\s+([^{;]*?)\\s*\\{([^{}]*)\\}`, 'g'))].map((m) => ({ args: m[1].trim(), body: m[2] }));
}

/** The location nginx picks for a path: an exact match, else the longest prefix unless a regex matches first (nginx's order). */
function locationFor(uri: string): { args: string; body: string } | undefined {
  const locations = blocks('location');
  const exact = locations.find((l) => l.args.startsWith('= ') && l.args.slice(2).trim() === uri);
  if (exact) return exact;
  const prefixes = locations.filter((l) => !/^(=|~\*?)\s/.test(l.args)).map((l) => ({ ...l, prefix: l.args.replace(/^\^~\s+/, '') })).filter((l) => uri.startsWith(l.prefix));
  const longest = prefixes.sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (longest?.args.startsWith('^~')) return longest;
  const regex = locations.find((l) => /^~\*?\s/.test(l.args) && new RegExp(l.args.replace(/^~\*?\s+/, ''), l.args.startsWith('~*') ? 'i' : '').test(uri));
  return regex ?? longest;
}

describe(`${PROXY_CONFIG} (the proxy)`, () => {
  const upstream = blocks('upstream')[0];

  it('listens on the port the proxy publishes and checks its health through it', () => {
    expect(nginx).toMatch(new RegExp(`\\blisten\\s+${PUBLIC_PORT}\\s*;`));
    expect(services.proxy.healthcheck?.test?.join(' ')).toContain(`http://127.0.0.1:${PUBLIC_PORT}/health`);
  });

  it('sends requests to every gateway replica, at the port each listens on, in turn', () => {
    expect(blocks('upstream')).toHaveLength(1);
    const servers = [...upstream.body.matchAll(/\bserver\s+([^\s;]+)/g)].map((m) => m[1]);
    expect(servers.sort()).toEqual(GATEWAY_REPLICAS.map((g) => `${g}:${services[g].environment?.PORT}`).sort());
    // Round-robin is nginx's default; another balancing method would be named in the block.
    expect(upstream.body).not.toMatch(/\b(hash|ip_hash|least_conn|random)\b/);
    expect(locationFor('/graphql')?.body).toMatch(new RegExp(`proxy_pass\\s+http://${upstream.args}\\s*;`));
    expect(locationFor('/health')?.body).toMatch(new RegExp(`proxy_pass\\s+http://${upstream.args}\\s*;`));
  });

  it.each(['/metrics', '/METRICS', '/Metrics', '/metrics/'])('refuses %s: metrics stay on the internal network', (uri) => {
    const location = locationFor(uri);
    expect(location?.body).toMatch(/\b(deny\s+all|return\s+40[34])\s*;/);
    expect(location?.body).not.toMatch(/proxy_pass/);
  });

  it('passes the client\'s request id on, else one of its own', () => {
    expect(locationFor('/graphql')?.body).toMatch(/proxy_set_header\s+X-Request-Id\s+\$\w+\s*;/);
  });
});

// ---- The image: Dockerfile and .dockerignore ------------------------------------------------------

/** The Dockerfile's instructions (continuations joined, comments dropped), by stage. */
function dockerStages(): Array<{ from: string; instructions: Array<[string, string]> }> {
  const text = fs.readFileSync(path.join(ROOT_DIR, 'Dockerfile'), 'utf8').replace(/^\s*#.*$/gm, '').replace(/\\\n/g, ' ');
  const stages: Array<{ from: string; instructions: Array<[string, string]> }> = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (keyword?.toUpperCase() === 'FROM') stages.push({ from: rest, instructions: [] });
    else if (keyword) stages.at(-1)?.instructions.push([keyword.toUpperCase(), rest]);
  }
  return stages;
}

describe('Dockerfile and .dockerignore', () => {
  const stages = dockerStages();
  const [build, runtime] = [stages[0], stages.at(-1)!];
  const runtimeOf = (keyword: string) => runtime.instructions.filter(([k]) => k === keyword).map(([, rest]) => rest);

  it('builds in one stage (npm ci, which runs `prepare`: the pages) and runs from another, on Node 20', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toMatch(/^node:20-bookworm-slim\b/);
    expect(build.from).toMatch(/\bAS\s+build$/i);
    expect(build.instructions.some(([k, rest]) => k === 'RUN' && /\bnpm ci\b/.test(rest) && !/--ignore-scripts|--omit/.test(rest))).toBe(true);
    expect(runtime.instructions.some(([k, rest]) => k === 'COPY' && /--from=build\b/.test(rest) && /\bnode_modules\b/.test(rest))).toBe(true);
    expect(runtime.instructions.some(([k, rest]) => k === 'RUN' && /\bnpm (ci|install)\b/.test(rest))).toBe(false);
  });

  it('runs as a user that is not root, in production mode', () => {
    const users = runtimeOf('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(runtimeOf('ENV').join(' ')).toMatch(/\bNODE_ENV=production\b/);
  });

  it('checks its health with the same script as docker-compose.yml, and runs the gateway by default', () => {
    expect(runtimeOf('HEALTHCHECK').join(' ')).toMatch(/CMD \["node", "deploy\/healthcheck\.mjs"\]/);
    expect(runtimeOf('CMD')).toEqual(['["node", "--import", "tsx", "gateway/index.ts"]']);
  });

  it('holds everything the services run: each command\'s entry, the health check, the pages, the registry', () => {
    const copied = runtime.instructions.filter(([k, rest]) => k === 'COPY' && /--from=build\b/.test(rest)).flatMap(([, rest]) => {
      const paths = rest.split(/\s+/).filter((p) => !p.startsWith('--'));
      return paths.slice(0, -1).map((p) => p.replace(/^\/app\//, ''));
    });
    const inImage = (file: string) => copied.some((c) => file === c || file.startsWith(`${c}/`));
    const needed = [...new Set([...nodeServices.map(([, s]) => s.command![3]), 'deploy/healthcheck.mjs', 'web/dist', 'cities.yaml', 'tsconfig.json', 'package.json', 'node_modules', 'schema/contract.graphql', ...LOCAL.map((c) => replicaOf(c).defaultDir)])];
    for (const file of needed) expect([file, inImage(file)]).toEqual([file, true]);
  });

  const ignored = fs.readFileSync(path.join(ROOT_DIR, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

  it('leaves the host\'s node_modules, stores, git history and secrets out of the build context', () => {
    for (const entry of ['node_modules', '.data', '.git', '.env', 'web/dist']) expect(ignored).toContain(entry);
  });

  it('keeps in the build context what the image is built from', () => {
    const copiedTopLevel = runtime.instructions.filter(([k]) => k === 'COPY').flatMap(([, rest]) => rest.split(/\s+/).filter((p) => p.startsWith('/app/'))).map((p) => p.replace(/^\/app\//, '').split('/')[0]);
    // node_modules and web/dist are made inside the build stage; the rest comes from the checkout.
    for (const top of [...new Set(copiedTopLevel)].filter((t) => t !== 'node_modules' && t !== 'web')) expect([top, ignored.includes(top)]).toEqual([top, false]);
    for (const needed of ['package.json', 'package-lock.json', 'web', 'scripts', 'README.md']) expect([needed, ignored.includes(needed)]).toEqual([needed, false]);
  });
});

// ---- The containers' health check, run for real -----------------------------------------------------

describe('deploy/healthcheck.mjs', () => {
  const script = path.join(ROOT_DIR, 'deploy', 'healthcheck.mjs');
  /** Runs the script as the container does, for a service on this port: its exit code and stderr. */
  const check = (port: number) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [script], { env: { ...process.env, HEALTH_PORT: String(port) }, timeout: 30000 }, (err, _stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stderr }));
    });

  /** A service on a free port answering GET /health with this status; the paths it was asked for. */
  async function service(status: number): Promise<{ port: number; asked: string[]; close: () => Promise<void> }> {
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      res.writeHead(req.url === '/health' ? status : 404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, asked, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  it('passes when the service answers GET /health with 200 on HEALTH_PORT', async () => {
    const up = await service(200);
    try {
      expect(await check(up.port)).toEqual({ code: 0, stderr: '' });
      expect(up.asked).toEqual(['GET /health']);
    } finally {
      await up.close();
    }
  });

  it('fails when /health answers 503, and when nothing listens (saying where it looked)', async () => {
    const down = await service(503);
    try {
      expect((await check(down.port)).code).toBe(1);
    } finally {
      await down.close();
    }
    const gone = await service(200);
    await gone.close();
    const result = await check(gone.port);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`http://127.0.0.1:${gone.port}/health`);
  });
});
