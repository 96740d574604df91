/** Resolver pieces every city subgraph shares: the city's description, interface type resolution, lookups. */
import { cityById } from '../../schema/cities';
import { unknownId } from './args';
import { DateScalar, DateTimeScalar } from './scalars';
import { coverageOf, type CoverageNote } from './coverage';
import type { Store } from './store/store';
import type { SyncRunner } from './sync/runner';

export type { CoverageNote } from './coverage';

/** Date scalars and the contract's interfaces, each implemented by one type of the city (`Helsinki…`). */
export function contractResolvers(prefix: string, typeNames: Partial<Record<string, string>> = {}) {
  const interfaces = ['City', 'Decision', 'Meeting', 'Body', 'Case', 'AgendaItem', 'Attachment'];
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    ...Object.fromEntries(interfaces.map((i) => [i, { __resolveType: () => typeNames[i] ?? `${prefix}${i}` }])),
  };
}

/** The registry's description of a city, as the fields of its City type. */
export function cityFields(cityId: string, coverage: CoverageNote[]) {
  const city = cityById(cityId);
  return {
    id: () => city.id,
    name: () => city.name,
    country: () => city.country,
    timezone: () => city.timezone,
    languages: () => city.languages,
    licence: () => city.licence,
    upstream: (_p: unknown, _a: unknown, ctx: { upstreamBaseUrl: string }) => ctx.upstreamBaseUrl,
    coverage: (_p: unknown, _a: unknown, ctx: { store: Store; sync: SyncRunner }) => coverageOf(ctx.store, ctx.sync, coverage),
  };
}

/** Resolves a lookup, or fails with BAD_USER_INPUT (reason NOT_FOUND) naming the argument. */
export async function found<T>(value: Promise<T | null | undefined>, city: string, type: string, id: unknown, argumentName = 'id'): Promise<T> {
  const result = await value;
  if (!result) throw unknownId(argumentName, city, type, String(id));
  return result;
}
