/** Small pure helpers for Ahjo's quirks: ids, string booleans, local times, "" for missing dates. */
import { localDate, localToOffset } from '../../shared/time';
import type { CityEntry } from '../../../schema/cities';
import type { AhjoSettings } from '../adapter';
import type { AhjoLink } from '../upstream/types';

/** The contract's body types. */
export type BodyType = 'COUNCIL' | 'BOARD' | 'COMMITTEE' | 'SUBCOMMITTEE' | 'OFFICER' | 'TRUSTEE' | 'ORGANIZATION' | 'OTHER';

/**
 * What mapping knows of the city it maps for, built once from its registry entry (mappingCity):
 * mapping stays pure, with the city as a parameter.
 */
export interface MappingCity {
  /** The city's id: the prefix of every global id (`{id}:{type}:{sourceId}`). */
  id: string;
  /** IANA time zone of Ahjo's local times (they carry no offset). */
  zone: string;
  /** The city's languages, main language first: Ahjo publishes in the first, translations in the others. */
  languages: string[];
  /** The main language (the first). */
  main: string;
  /** Web page templates (`{id}`) of a case and of a decision maker; null when the city has none. */
  caseUrl: string | null;
  bodyUrl: string | null;
  /** Category.scheme of the city's classification codes. */
  categoryScheme: string;
  /** Body type by Ahjo TypeId (the installation's code list). */
  bodyTypeIds: Record<string, BodyType>;
  /** Ids of the city's own, named in errors for malformed ids. */
  examples: AhjoSettings['examples'];
}

const built = new WeakMap<object, MappingCity>();

/** The mapping's view of a registry entry on the Ahjo adapter (one object per entry). */
export function mappingCity(city: Pick<CityEntry, 'id' | 'timezone' | 'languages' | 'settings'>): MappingCity {
  const known = built.get(city);
  if (known) return known;
  const s = city.settings as AhjoSettings;
  const m: MappingCity = {
    id: city.id,
    zone: city.timezone,
    languages: city.languages,
    main: city.languages[0],
    caseUrl: s.caseUrl ?? null,
    bodyUrl: s.bodyUrl ?? null,
    categoryScheme: s.categoryScheme,
    bodyTypeIds: s.bodyTypeIds ?? {},
    examples: s.examples,
  };
  built.set(city, m);
  return m;
}

export type EntityType = 'decision' | 'meeting' | 'case' | 'body' | 'attachment' | 'agendaitem' | 'person' | 'category' | 'vote';

/** Global id: `{city}:{type}:{sourceId}`. */
export function gid(city: MappingCity, type: EntityType, sourceId: string): string {
  return `${city.id}:${type}:${sourceId}`;
}

/** A page of the city's web site from its template, or null without one. */
export function pageUrl(template: string | null, id: string): string | null {
  return template ? template.replaceAll('{id}', encodeURIComponent(id)) : null;
}

/** Ahjo sends some booleans as the strings "true"/"false"; anything else is unknown (null). */
export function boolOf(value: unknown): boolean | null {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
}

/** Local Ahjo time → ISO 8601 with the city's offset; "" and null → null. */
export function dateTimeOf(city: MappingCity, value: string | null | undefined): string | null {
  return localToOffset(value, city.zone);
}

/** Local Ahjo time → the city's calendar date; "" and null → null. */
export function dateOf(city: MappingCity, value: string | null | undefined): string | null {
  return localDate(value, city.zone);
}

/** Ahjo marks open-ended validity with 2100-01-01 ("Dissolved"); that means "not dissolved". */
export function dissolvedDateOf(city: MappingCity, value: string | null | undefined): string | null {
  const date = dateOf(city, value);
  return date && date >= '2100-01-01' ? null : date;
}

export function selfLink(links: AhjoLink[] | null | undefined): string | null {
  return links?.find((l) => l.rel === 'self')?.href ?? null;
}

/** Empty strings and whitespace → null. */
export function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Ahjo's classification code "10 03 03": the top category is the first two digits
 * (paatokset' TopCategory); the parent of a full code is its first two groups.
 */
export function parentCodeOf(code: string): string | null {
  const parts = code.trim().split(/\s+/);
  return parts.length > 1 ? parts.slice(0, -1).join(' ') : null;
}

/** The key of Ahjo, the adapter's one upstream, in the store and in `sources`. */
export const UPSTREAM = 'ahjo';
