/** Ahjo organisations and decision makers → Bodies. */
import { boolOf, dateOf, dissolvedDateOf, gid, WEB_BASE } from './common';
import { membershipOf, type Membership } from './people';
import type { AhjoCompositionMember, AhjoDecisionMaker, AhjoOrganization, AhjoOrganizationSummary } from '../upstream/types';

export type BodyType = 'COUNCIL' | 'BOARD' | 'COMMITTEE' | 'SUBCOMMITTEE' | 'OFFICER' | 'TRUSTEE' | 'ORGANIZATION' | 'OTHER';

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
  url: string;
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
 * Ahjo `Type` names the kind of body. Summaries (levels above/below) carry only `TypeId`; the
 * TypeIds seen in Ahjo's data for the kinds above are 1 council, 2 board, 5 committee, 12 officer.
 */
const TYPE_IDS: Record<string, BodyType> = { '1': 'COUNCIL', '2': 'BOARD', '5': 'COMMITTEE', '12': 'OFFICER' };

export function bodyTypeOf(type: string | null | undefined, typeId: string | null | undefined): BodyType {
  if (type) return TYPES[type.trim().toLowerCase()] ?? 'OTHER';
  if (typeId) return TYPE_IDS[typeId] ?? 'ORGANIZATION';
  return 'OTHER';
}

export function bodyOf(org: AhjoOrganization | AhjoOrganizationSummary, composition?: AhjoCompositionMember[] | null): Body {
  const full = org as AhjoOrganization;
  const sector = full.Sector ? { sectorId: full.Sector.SectorID, name: full.Sector.Sector } : null;
  return {
    id: gid('body', org.ID),
    sourceId: org.ID,
    name: org.Name,
    type: bodyTypeOf(full.Type, org.TypeId),
    typeRaw: full.Type ?? null,
    typeId: org.TypeId ?? null,
    active: boolOf(org.Existing),
    formedOn: dateOf(org.Formed),
    dissolvedOn: dissolvedDateOf(org.Dissolved),
    sector,
    isDecisionMaker: typeof full.IsDecisionMaker === 'boolean' ? full.IsDecisionMaker : null,
    parentRefs: (full.OrganizationLevelAbove?.organizations ?? []).map((o) => bodyOf(o)),
    childRefs: (full.OrganizationLevelBelow?.organizations ?? []).map((o) => bodyOf(o)),
    members: composition ? composition.map(membershipOf) : null,
    url: `${WEB_BASE}/fi/paattajat/${encodeURIComponent(org.ID)}`,
  };
}

/** An entry of `/agents/decisionmakers`: the organisation, its sector and its composition. */
export function decisionMakerOf(dm: AhjoDecisionMaker): Body {
  const body = bodyOf(dm.Organization, dm.Composition ?? []);
  if (!body.sector && dm.Sector) body.sector = { sectorId: dm.Sector.SectorID, name: dm.Sector.Sector };
  return body;
}
