/**
 * The conformance kit (`npm run conformance -- <subgraph URL>`): it passes on the city-subgraph
 * template (started in process, so the template stays conformant as the contract evolves), and it
 * fails with the right rule on subgraphs broken on purpose (built from the template's pieces). That
 * it passes on every configured city is proved in cities.e2e.test.ts, over the registry's cities.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLScalarType, parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { CHECKS, formatReport, runConformance, type ConformanceReport } from '../../scripts/conformance';
import { CONTRACT_FILE, ROOT_DIR } from '../../schema/cities';
import { createResolvers, loadDataset } from '../../templates/city-subgraph/resolvers';
import { startSubgraph, typeDefsSource, type RunningSubgraph } from '../../templates/city-subgraph/server';

const TEMPLATE_DIR = path.join(ROOT_DIR, 'templates', 'city-subgraph');
const ALL_RULES = ['service.sdl', ...CHECKS.map((c) => c.rule)];

const failed = (report: ConformanceReport) => report.results.filter((r) => !r.ok).map((r) => r.rule);
const result = (report: ConformanceReport, rule: string) => report.results.find((r) => r.rule === rule)!;

/** Runs the CLI as a city would (`npm run conformance -- <url>` is `tsx scripts/conformance.ts <url>`). */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT_DIR, 'node_modules', '.bin', 'tsx'), [path.join(ROOT_DIR, 'scripts', 'conformance.ts'), ...args], { cwd: ROOT_DIR, env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the city-subgraph template', () => {
  let running: RunningSubgraph;
  beforeAll(async () => {
    running = await startSubgraph({ port: 0 });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('carries the current contract (refresh: cp schema/contract.graphql templates/city-subgraph/contract.graphql)', () => {
    expect(fs.readFileSync(path.join(TEMPLATE_DIR, 'contract.graphql'), 'utf8')).toBe(fs.readFileSync(CONTRACT_FILE, 'utf8'));
  });

  it('passes every rule', async () => {
    const report = await runConformance({ url: running.url, city: 'example' });
    if (!report.ok) throw new Error(formatReport(report));
    expect(report.results.map((r) => r.rule)).toEqual(ALL_RULES);
  }, 60_000);

  it('pins the project\'s versions of what it shares with it', () => {
    const own = JSON.parse(fs.readFileSync(path.join(TEMPLATE_DIR, 'package.json'), 'utf8'));
    const project = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8'));
    const pinned = { ...project.dependencies, ...project.devDependencies };
    for (const [name, version] of Object.entries({ ...own.dependencies, ...own.devDependencies })) expect([name, version]).toEqual([name, pinned[name]]);
  });

  it('imports nothing from the project (a city copies the folder)', () => {
    const own = JSON.parse(fs.readFileSync(path.join(TEMPLATE_DIR, 'package.json'), 'utf8'));
    const deps = { ...own.dependencies, ...own.devDependencies };
    const files = ['server.ts', 'resolvers.ts', 'index.ts', 'test/conformance.test.ts'];
    for (const f of files) {
      const source = fs.readFileSync(path.join(TEMPLATE_DIR, f), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      // Relative imports stay inside the folder; packages are node's own or the template's dependencies.
      expect(imports.filter((i) => i.startsWith('.') && !fs.existsSync(path.join(TEMPLATE_DIR, path.dirname(f), `${i}.ts`)))).toEqual([]);
      const packageOf = (i: string) => (i.startsWith('@') ? i.split('/').slice(0, 2).join('/') : i.split('/')[0]);
      expect(imports.filter((i) => !i.startsWith('.') && !i.startsWith('node:') && !(packageOf(i) in deps))).toEqual([]);
    }
  });
});

describe('the conformance kit on broken subgraphs', () => {
  const data = loadDataset();
  type Resolvers = ReturnType<typeof createResolvers>;
  type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

  /** Starts the template with its SDL and resolvers altered, runs the kit, stops it. */
  async function brokenRun(alter: { sdl?: (sdl: string) => string; resolvers?: (r: Resolvers) => object }): Promise<ConformanceReport> {
    const sdl = (alter.sdl ?? ((s) => s))(typeDefsSource());
    const resolvers = (alter.resolvers ?? ((r: Resolvers): object => r))(createResolvers(data));
    const running = await startSubgraph({ port: 0, typeDefs: parse(sdl), resolvers: resolvers as unknown as GraphQLResolverMap<unknown> });
    try {
      return await runConformance({ url: running.url, city: 'example' });
    } finally {
      await running.stop();
    }
  }

  it('a wrong id prefix fails ids.prefixed, naming the id and the expected one', async () => {
    const report = await brokenRun({ resolvers: (r) => ({ ...r, ExampleDecision: { ...r.ExampleDecision, id: (d: { id: string }) => `examplecity:decision:${d.id}` } }) });
    // The lookups by those ids fail too: the subgraph itself refuses its own wrong ids.
    expect(failed(report)).toEqual(['ids.prefixed', 'ids.lookup']);
    expect(result(report, 'ids.prefixed').message).toMatch(/ids must be global and city-prefixed, `example:\{type\}:\{sourceId\}`: 8 of \d+ are not, e\.g\. decisions\[0\]\.id "examplecity:decision:2024-06-1" \(expected "example:decision:2024-06-1"\)/);
    expect(result(report, 'ids.prefixed').example).toContain('examplecity:decision:');
  }, 30_000);

  it('a node repeated on the next page fails paging.walk and paging.cursors', async () => {
    // The classic off-by-one: `after` includes the node of the cursor itself.
    const report = await brokenRun({
      resolvers: (r) => {
        const list = r.ExampleCity.decisions;
        return {
          ...r,
          ExampleCity: {
            ...r.ExampleCity,
            decisions: (p: Any, args: Any) => {
              if (!args.after) return list(p, args);
              const all = list(p, { ...args, after: null, first: 100 });
              const at = all.edges.findIndex((e) => e.cursor === args.after);
              if (at < 0) return list(p, args); // not a cursor: the template's own error
              const edges = all.edges.slice(at, at + args.first);
              return { ...all, edges, nodes: edges.map((e) => e.node), pageInfo: { ...all.pageInfo, hasPreviousPage: true, hasNextPage: at + args.first < all.edges.length, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null } };
            },
          },
        };
      },
    });
    expect(failed(report)).toEqual(['paging.walk', 'paging.cursors']);
    expect(result(report, 'paging.walk').message).toMatch(/walking a list page by page must visit each of its totalCount nodes exactly once: decisions\(first: 3\): node "example:decision:2024-06-3" came again on page 2 \(first seen on page 1\)/);
    expect(result(report, 'paging.cursors').message).toMatch(/cursors must be stable .*decisions: the page after the first page's endCursor repeats nodes of the first page/);
  }, 30_000);

  it('a wrong totalCount fails paging.first and paging.walk', async () => {
    const report = await brokenRun({
      resolvers: (r) => ({ ...r, ExampleCity: { ...r.ExampleCity, meetings: (p: Any, args: Any) => ({ ...r.ExampleCity.meetings(p, args), totalCount: data.meetings.length + 1 }) } }),
    });
    expect(failed(report)).toEqual(['paging.first', 'paging.walk']);
    expect(result(report, 'paging.walk').message).toMatch(/meetings\(first: 3\): walking meetings with first: 3 visited 4 distinct nodes over 2 pages, but totalCount is 5/);
    expect(result(report, 'paging.first').message).toMatch(/meetings without first returned 4 nodes; the default page is 20, so 5 were expected/);
  }, 30_000);

  it('a missing description fails sdl.descriptions, naming the field', async () => {
    const described = '  "Example City\'s own reference number, e.g. `2024/17` (a city-specific field: the contract has none)."\n  reference: String';
    const report = await brokenRun({
      sdl: (sdl) => {
        expect(sdl).toContain(described);
        return sdl.replace(described, '  reference: String');
      },
    });
    expect(failed(report)).toEqual(['sdl.descriptions']);
    expect(result(report, 'sdl.descriptions').message).toBe('every type, field, argument and enum value must have a description: 1 lack one, e.g. ExampleDecision.reference');
  }, 30_000);

  it('a date-time without offset fails values.dates, naming the value', async () => {
    const report = await brokenRun({
      resolvers: (r) => ({
        ...r,
        // A server that passes date-times through as they come (the template's own scalar refuses them).
        DateTime: new GraphQLScalarType({ name: 'DateTime', serialize: (v) => v, parseValue: (v) => v }),
        ExampleMeeting: { ...r.ExampleMeeting, start: (m: { start: string | null }) => m.start?.slice(0, 19) ?? null },
      }),
    });
    expect(failed(report)).toEqual(['values.dates']);
    expect(result(report, 'values.dates').message).toMatch(/dates must be YYYY-MM-DD and date-times ISO 8601 with an offset: \d+ of \d+ values are not, e\.g\. decisions\[0\]\.meeting example:meeting:2024-06\.start = "2024-06-20T18:00:00" \(expected a DateTime: ISO 8601 with an offset/);
  }, 30_000);

  it('errors without BAD_USER_INPUT and argumentName fail errors.bad-arguments', async () => {
    const report = await brokenRun({
      resolvers: (r) => ({
        ...r,
        ExampleCity: {
          ...r.ExampleCity,
          decisions: (p: Any, args: Any) => {
            try {
              return r.ExampleCity.decisions(p, args);
            } catch (err) {
              throw new Error((err as Error).message); // the code and the argument's name are lost
            }
          },
        },
      }),
    });
    expect(failed(report)).toEqual(['errors.bad-arguments']);
    expect(result(report, 'errors.bad-arguments').message).toMatch(/^a wrong argument must give BAD_USER_INPUT with extensions\.argumentName: 6 of 13 did not, e\.g\. `\{ example \{ decisions\(first: -1\) \{ totalCount \} \} \}` gave code INTERNAL_SERVER_ERROR, argumentName undefined \(expected argumentName "first"\)/);
  }, 30_000);

  it('a type without a cache hint fails cache.hints, naming the type', async () => {
    const report = await brokenRun({ sdl: (sdl) => sdl.replace('type ExampleAttachment implements Attachment @cacheControl(maxAge: 600) {', 'type ExampleAttachment implements Attachment {') });
    expect(failed(report)).toEqual(['cache.hints']);
    expect(result(report, 'cache.hints').message).toBe('types and answers must carry cache hints: 1 object type(s) have no @cacheControl on the type nor on every field: ExampleAttachment');
  }, 30_000);

  it('a freshness that disagrees with `sources` fails city.freshness, saying how', async () => {
    const report = await brokenRun({
      resolvers: (r) => ({ ...r, ExampleCity: { ...r.ExampleCity, freshness: () => ({ servedFromOlderCopy: true, reasons: [], lastSyncedAt: null, ageSeconds: null }) } }),
    });
    expect(failed(report)).toEqual(['city.freshness']);
    expect(result(report, 'city.freshness').message).toBe('freshness must summarise `sources`: servedFromOlderCopy is true with 0 reason(s)');
  }, 30_000);

  it('a URL that is not a subgraph fails service.sdl and runs nothing else', async () => {
    const report = await runConformance({ url: 'http://127.0.0.1:9/graphql' });
    expect(report.ok).toBe(false);
    expect(result(report, 'service.sdl').message).toMatch(/^http:\/\/127\.0\.0\.1:9\/graphql did not answer/);
    expect(report.results.slice(1).every((r) => !r.ok && r.message === 'not run: service.sdl failed')).toBe(true);
  });
});

describe('npm run conformance (the CLI)', () => {
  let good: RunningSubgraph;
  let bad: RunningSubgraph;
  beforeAll(async () => {
    good = await startSubgraph({ port: 0 });
    const r = createResolvers(loadDataset());
    bad = await startSubgraph({ port: 0, resolvers: { ...r, ExampleBody: { ...r.ExampleBody, id: () => 'council' } } as unknown as GraphQLResolverMap<unknown> });
  });
  afterAll(async () => {
    await good?.stop();
    await bad?.stop();
  });

  it('prints a table and exits 0 when every rule passes', async () => {
    const { code, stdout } = await cli([good.url, '--city', 'example']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Conformance of ${good.url} (city: example)`);
    for (const rule of ALL_RULES) expect(stdout).toMatch(new RegExp(`^${rule.replace('.', '\\.')}\\s+pass\\s`, 'm'));
    expect(stdout).toContain(`All ${ALL_RULES.length} rules pass`);
  }, 60_000);

  it('exits 1 and prints the failing rule with its example', async () => {
    const { code, stdout } = await cli([bad.url]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ids\.prefixed\s+FAIL\s+ids must be global and city-prefixed/m);
    expect(stdout).toMatch(/^ids\.prefixed: example\n {2}.*"council"/m);
  }, 60_000);

  it('exits 2 on a wrong invocation, with the usage listing every rule', async () => {
    const { code, stderr } = await cli(['--only', 'no.such-rule', good.url]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown rule(s) no.such-rule');
    for (const rule of ALL_RULES) expect(stderr).toContain(rule);
  }, 60_000);
});
