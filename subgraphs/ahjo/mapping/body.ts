/** Ahjo organisations and decision makers → Bodies. */
import { boolOf, dateOf, dissolvedDateOf, gid, pageUrl, type BodyType, type MappingCity } from './common';
import { membershipOf, type Membership } from './people';
import type { AhjoCompositionMember, AhjoDecisionMaker, AhjoOrganization, AhjoOrganizationSummary } from '../upstream/types';

export type { BodyType };

export interface Body {
  id: string;
  sourceId: string;
  name: string;
  type: BodyType;
  typeRaw: string | null;
  typeId: string | null;
  active: boolean | null;
  formedOn: string | null;
  dissolvedOn: string | null;
  sector: { sectorId: string; name: string } | null;
  isDecisionMaker: boolean | null;
  /** Organisations above/below as Ahjo summarises them (full data is loaded on demand). */
  parentRefs: Body[];
  childRefs: Body[];
  /** null when the composition was not part of the answer this body came from. */
  members: Membership[] | null;
  url: string | null;
}

const TYPES: Record<string, BodyType> = {
  valtuusto: 'COUNCIL',
  hallitus: 'BOARD',
  lautakunta: 'COMMITTEE',
  johtokunta: 'COMMITTEE',
  toimikunta: 'COMMITTEE',
  jaosto: 'SUBCOMMITTEE',
  viranhaltija: 'OFFICER',
  luottamushenkilö: 'TRUSTEE',
};

/**
 * Ahjo `Type` names the kind of body. Summaries (levels above/below) carry only `TypeId`, an id of
 * the installation's own code list: the city's settings map them (bodyTypeIds).
 */
export function bodyTypeOf(city: MappingCity, type: string | null | undefined, typeId: string | null | undefined): BodyType {
  if (type) return TYPES[type.trim().toLowerCase()] ?? 'OTHER';
  if (typeId) return city.bodyTypeIds[typeId] ?? 'ORGANIZATION';
  return 'OTHER';
}

export function bodyOf(city: MappingCity, org: AhjoOrganization | AhjoOrganizationSummary, composition?: AhjoCompositionMember[] | null): Body {
  const full = org as AhjoOrganization;
  const sector = full.Sector ? { sectorId: full.Sector.SectorID, name: full.Sector.Sector } : null;
  return {
    id: gid(city, 'body', org.ID),
    sourceId: org.ID,
    name: org.Name,
    type: bodyTypeOf(city, full.Type, org.TypeId),
    typeRaw: full.Type ?? null,
    typeId: org.TypeId ?? null,
    active: boolOf(org.Existing),
    formedOn: dateOf(city, org.Formed),
    dissolvedOn: dissolvedDateOf(city, org.Dissolved),
    sector,
    isDecisionMaker: typeof full.IsDecisionMaker === 'boolean' ? full.IsDecisionMaker : null,
    parentRefs: (full.OrganizationLevelAbove?.organizations ?? []).map((o) => bodyOf(city, o)),
    childRefs: (full.OrganizationLevelBelow?.organizations ?? []).map((o) => bodyOf(city, o)),
    members: composition ? composition.map((member) => membershipOf(city, member)) : null,
    url: pageUrl(city.bodyUrl, org.ID),
  };
}

/** An entry of `/agents/decisionmakers`: the organisation, its sector and its composition. */
export function decisionMakerOf(city: MappingCity, dm: AhjoDecisionMaker): Body {
  const body = bodyOf(city, dm.Organization, dm.Composition ?? []);
  if (!body.sector && dm.Sector) body.sector = { sectorId: dm.Sector.SectorID, name: dm.Sector.Sector };
  return body;
}
