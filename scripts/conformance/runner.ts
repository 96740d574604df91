/**
 * Runs every conformance rule against one city subgraph over HTTP: reads its SDL from
 * `{ _service { sdl } }`, works out the city, then runs the checks one after the other (a city's
 * subgraph is not load-tested here) and collects one result per rule.
 */
import fs from 'node:fs';
import { buildASTSchema, isObjectType, parse } from 'graphql';
import { CITIES, CONTRACT_FILE, type CityEntry } from '../../schema/cities';
import { knownSdl } from '../../schema/compose';
import { postGraphQL } from './client';
import { ID_CHECKS } from './checks/ids';
import { PAGING_CHECKS } from './checks/paging';
import { SCHEMA_CHECKS } from './checks/schema';
import { VALUE_CHECKS } from './checks/values';
import { CheckFailure, show, type Check, type CheckResult, type Subject } from './types';

/** Every rule, in the order they run and are reported. */
export const CHECKS: Check[] = [...SCHEMA_CHECKS, ...ID_CHECKS, ...PAGING_CHECKS, ...VALUE_CHECKS];

/** The first rule: without the SDL nothing else can be checked. */
export const SERVICE_RULE = { rule: 'service.sdl', summary: 'The URL answers `{ _service { sdl } }` (a federation subgraph) with one root field named after the city.' };

export interface ConformanceOptions {
  /** The subgraph's GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql. */
  url: string;
  /** The city id; by default the subgraph's one root field whose type implements City. */
  city?: string;
  /** The cities to compose with (default: the registry's, without the city under test). */
  cities?: CityEntry[];
  /** Only these rules (default: all). */
  only?: string[];
}

export interface ConformanceReport {
  url: string;
  city: string | null;
  ok: boolean;
  results: CheckResult[];
  ms: number;
}

/** The city's root field: `--city`, else the only root field returning a type that implements City. */
function cityOf(schema: ReturnType<typeof buildASTSchema>, given?: string): string {
  if (given) return given;
  const fields = Object.values(schema.getQueryType()?.getFields() ?? {}).filter((f) => !f.name.startsWith('_'));
  const cities = fields.filter((f) => isObjectType(f.type) && f.type.getInterfaces().some((i) => i.name === 'City'));
  if (cities.length !== 1) {
    throw new CheckFailure(
      `cannot tell the city: Query has ${cities.length} root fields returning a City (${cities.map((f) => f.name).join(', ') || 'none'}; all root fields: ${fields.map((f) => f.name).join(', ') || 'none'}); give --city <id>`,
    );
  }
  return cities[0].name;
}

export async function loadSubject(opts: ConformanceOptions): Promise<Subject> {
  const post = (query: string, variables?: Record<string, unknown>) => postGraphQL(opts.url, query, variables);
  let answer;
  try {
    answer = await post('{ _service { sdl } }');
  } catch (err) {
    if (err instanceof CheckFailure) throw err;
    throw new CheckFailure(`${opts.url} did not answer: ${(err as Error).message}${(err as { cause?: Error }).cause ? ` (${(err as { cause: Error }).cause.message})` : ''}`);
  }
  const sdl = answer.body.data?._service?.sdl;
  if (typeof sdl !== 'string' || !sdl.trim()) {
    throw new CheckFailure(`${opts.url} is not a federation subgraph: \`{ _service { sdl } }\` gave no SDL (HTTP ${answer.status})`, show(answer.body));
  }
  let document, schema;
  try {
    document = parse(sdl);
    schema = buildASTSchema(document, { assumeValidSDL: true });
  } catch (err) {
    throw new CheckFailure(`the SDL from \`_service { sdl }\` does not parse into a schema: ${(err as Error).message}`, sdl.slice(0, 500));
  }
  const city = cityOf(schema, opts.city);
  const others = (opts.cities ?? CITIES).filter((c) => c.id !== city && knownSdl(c)).map((c) => ({ name: c.id, sdl: knownSdl(c)! }));
  return { url: opts.url, city, sdl, document, schema, others, contractSdl: fs.readFileSync(CONTRACT_FILE, 'utf8'), post };
}

export async function runConformance(opts: ConformanceOptions): Promise<ConformanceReport> {
  const started = Date.now();
  const checks = opts.only ? CHECKS.filter((c) => opts.only!.includes(c.rule)) : CHECKS;
  let subject: Subject;
  try {
    subject = await loadSubject(opts);
  } catch (err) {
    const failure = err instanceof CheckFailure ? err : new CheckFailure((err as Error).message);
    const results: CheckResult[] = [
      { rule: SERVICE_RULE.rule, ok: false, message: failure.message, example: failure.example },
      ...checks.map((c) => ({ rule: c.rule, ok: false, message: `not run: ${SERVICE_RULE.rule} failed` })),
    ];
    return { url: opts.url, city: opts.city ?? null, ok: false, results, ms: Date.now() - started };
  }
  const results: CheckResult[] = [{ rule: SERVICE_RULE.rule, ok: true, message: `a federation subgraph; city \`${subject.city}\` (${subject.sdl.length} characters of SDL)` }];
  for (const check of checks) {
    try {
      results.push({ rule: check.rule, ...(await check.run(subject)) });
    } catch (err) {
      // A check that cannot even ask its question (an error answer, a timeout) fails, with what it saw.
      const e = err as Error & { example?: string };
      results.push({ rule: check.rule, ok: false, message: e instanceof CheckFailure ? e.message : `the check could not run: ${e.message}`, example: e.example });
    }
  }
  return { url: opts.url, city: subject.city, ok: results.every((r) => r.ok), results, ms: Date.now() - started };
}

/** The report as a table, then each failure's example. */
export function formatReport(report: ConformanceReport): string {
  const width = Math.max(...report.results.map((r) => r.rule.length));
  const lines = [`Conformance of ${report.url}${report.city ? ` (city: ${report.city})` : ''}`, '', `${'rule'.padEnd(width)}  result  message`];
  for (const r of report.results) lines.push(`${r.rule.padEnd(width)}  ${r.ok ? 'pass' : 'FAIL'}    ${r.message}`);
  const failed = report.results.filter((r) => !r.ok);
  lines.push('', failed.length ? `${failed.length} of ${report.results.length} rules failed (${(report.ms / 1000).toFixed(1)} s).` : `All ${report.results.length} rules pass (${(report.ms / 1000).toFixed(1)} s).`);
  for (const r of failed.filter((f) => f.example)) lines.push('', `${r.rule}: example`, `  ${r.example!.replace(/\n/g, '\n  ')}`);
  return lines.join('\n');
}
