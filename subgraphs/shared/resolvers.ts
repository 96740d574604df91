/** Resolver pieces every city subgraph shares: the city's description, interface type resolution, lookups. */
import { cityById, type CityEntry } from '../../schema/cities';
import { unknownId } from './args';
import { DateScalar, DateTimeScalar } from './scalars';
import { coverageOf, type CoverageNote } from './coverage';
import { freshnessOf } from './freshness';
import type { Store } from './store/store';
import type { SyncRunner } from './sync/runner';
import { topicTableOf } from '../../schema/topics';
import { PAGED_RECORDS } from '../../schema/connections';
import { statsFields, topicCoverageNote, type DecisionWhere } from './decision-stats';

export type { CoverageNote } from './coverage';

/** Date scalars and the contract's interfaces, each implemented by one type of the city (`Helsinki…`). */
export function contractResolvers(prefix: string, typeNames: Partial<Record<string, string>> = {}) {
  const interfaces = ['City', 'Decision', 'Meeting', 'Body', 'Case', 'AgendaItem', 'Attachment', ...PAGED_RECORDS.flatMap((r) => [`${r}Connection`, `${r}Edge`])];
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    ...Object.fromEntries(interfaces.map((i) => [i, { __resolveType: () => typeNames[i] ?? `${prefix}${i}` }])),
  };
}

/**
 * The registry's description of a city, as the fields of its City type, with what every city serves
 * alike (`freshness`, from the sync's state; `decisionStats`, `topics`, `capabilities`, counted over
 * `decisionWhere`, the condition of the city's own `decisions` list) and its reference resolver (the
 * City type is an entity: the gateway's `cities` returns it by id).
 */
export function cityFields<C extends { store: Store; sync: SyncRunner }>(cityOrId: CityEntry | string, adapterCoverage: CoverageNote[], decisionWhere: DecisionWhere<C>) {
  const city = typeof cityOrId === 'string' ? cityById(cityOrId) : cityOrId;
  const table = topicTableOf(city);
  const coverage = [...adapterCoverage, topicCoverageNote(table)];
  return {
    __resolveReference: (ref: { id?: unknown }) => (ref.id === city.id ? {} : null),
    ...statsFields<C>(city.id, coverage, table, decisionWhere),
    id: () => city.id,
    name: () => city.name,
    country: () => city.country,
    timezone: () => city.timezone,
    languages: () => city.languages,
    licence: () => city.licence,
    upstream: (_p: unknown, _a: unknown, ctx: { upstreamBaseUrl: string }) => ctx.upstreamBaseUrl,
    coverage: (_p: unknown, _a: unknown, ctx: { store: Store; sync: SyncRunner }) => coverageOf(ctx.store, ctx.sync, coverage),
    freshness: (_p: unknown, _a: unknown, ctx: { store: Store; sync: SyncRunner }) => freshnessOf(ctx.store, ctx.sync),
  };
}

/** Resolves a lookup, or fails with BAD_USER_INPUT (reason NOT_FOUND) naming the argument. */
export async function found<T>(value: Promise<T | null | undefined>, city: string, type: string, id: unknown, argumentName = 'id'): Promise<T> {
  const result = await value;
  if (!result) throw unknownId(argumentName, city, type, String(id));
  return result;
}
