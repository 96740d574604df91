/**
 * What the mapping needs to know about the city it maps for, built once from its registry entry:
 * everything that differs between two cities on Decidim (ids, zone, language, the plenary body and
 * groups) comes from here, so the mapping functions stay pure (the city is a parameter).
 */
import type { CityEntry } from '../../../schema/cities';
import type { DecidimSettings } from '../adapter';
import type { PlenaryOptions } from './plenary';

export interface DecidimCity {
  /** The city's id: the prefix of every id it serves. */
  id: string;
  name: string;
  /** The city's type prefix (in names the store keeps for people, e.g. unmapped value fields). */
  typePrefix: string;
  /** IANA zone of local dates. */
  zone: string;
  /** The main language: the fallback of every text, and the language of untranslated strings. */
  main: string;
  /** The plenary files, when the city publishes them. */
  plenary: {
    /** The body whose plenary the files record. */
    body: { id: string; name: string };
    /** Canonical group by lower-case column label. */
    groups: Record<string, string>;
    files: Array<{ key: string; name: string }>;
  } | null;
  /** Whether answered proposals are served as decisions of their process. */
  decisionsFromProposalAnswers: boolean;
  /** The instance's GraphQL endpoint as the registry names it (the `sourceUrl` of what it sends). */
  apiUrl: string;
  /**
   * The instance's public site, under which every resource has its page: the API URL without `/api`.
   * The registry's live URL, not a replica's: the links are for people.
   */
  instanceUrl: string;
  /** `{city}:{type}:{sourceId}`. */
  gid(type: string, sourceId: string): string;
}

export function decidimCity(city: Pick<CityEntry, 'id' | 'name' | 'typePrefix' | 'timezone' | 'languages' | 'settings'>): DecidimCity {
  const s = city.settings as DecidimSettings;
  return {
    id: city.id,
    name: city.name,
    typePrefix: city.typePrefix,
    zone: city.timezone,
    main: city.languages[0] ?? 'en',
    plenary: s.plenaryFilesUrl && s.plenaryBody ? { body: s.plenaryBody, groups: s.plenaryGroups ?? {}, files: s.plenaryFiles ?? [] } : null,
    decisionsFromProposalAnswers: s.decisionsFromProposalAnswers ?? false,
    apiUrl: s.decidimUrl,
    instanceUrl: instanceUrlOf(s.decidimUrl),
    gid: (type, sourceId) => `${city.id}:${type}:${sourceId}`,
  };
}

/** What the plenary parser needs of the city: its groups and the plenary body's name. */
export function plenaryOptionsOf(city: DecidimCity): PlenaryOptions {
  return { groups: city.plenary?.groups ?? {}, bodyName: city.plenary?.body.name ?? '' };
}

/** `https://www.decidim.barcelona/api` → `https://www.decidim.barcelona`. */
export function instanceUrlOf(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '').replace(/\/api$/, '');
}
