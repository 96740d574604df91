/** Amsterdam's organisations (the city and its districts) and their gremia → Bodies. */
import { gid } from './common';
import type { NotubizGremium } from '../upstream/types';
import { isDecidingBody } from './decision';

export type BodyType = 'COUNCIL' | 'BOARD' | 'COMMITTEE' | 'SUBCOMMITTEE' | 'OFFICER' | 'TRUSTEE' | 'ORGANIZATION' | 'OTHER';

/** Notubiz organisations of Amsterdam (ids from ORI's ori.notubiz.yaml); the names are theirs. */
export const ORGANISATIONS: Array<{ id: number; name: string }> = [
  { id: 281, name: 'Gemeente Amsterdam' },
  { id: 547, name: 'Stadsdeel Centrum' },
  { id: 977, name: 'Stadsdeel Noord' },
  { id: 1413, name: 'Stadsdeel West' },
  { id: 1424, name: 'Stadsdeel Zuid' },
  { id: 1425, name: 'Stadsdeel Oost' },
  { id: 2122, name: 'Stadsdeel Zuidoost' },
  // ORI: `amsterdam_nieuw-west` (municipality_prefix "Amsterdam", allmanak_id 40084, notubiz_organization_id 2328).
  { id: 2328, name: 'Stadsdeel Nieuw-West' },
];

export interface Body {
  id: string;
  sourceId: string;
  name: string;
  type: BodyType;
  typeRaw: string;
  organisationId: number;
  gremiumId: number | null;
  decidesOnItsOwn: boolean;
}

export function organisationBody(org: { id: number; name: string }): Body {
  return {
    id: gid('body', org.id),
    sourceId: String(org.id),
    name: org.name,
    type: 'ORGANIZATION',
    typeRaw: 'organisation',
    organisationId: org.id,
    gremiumId: null,
    decidesOnItsOwn: false,
  };
}

/** Gremium kinds by their title: the council, district committees and boards, and council committees. */
export function gremiumTypeOf(title: string): BodyType {
  const t = title.trim().toLowerCase();
  if (t === 'gemeenteraad') return 'COUNCIL';
  if (t.startsWith('dagelijks bestuur')) return 'BOARD';
  if (t.startsWith('stadsdeelcommissie') || t.startsWith('bestuurscommissie') || t.startsWith('raadscommissie') || t.includes('commissie')) return 'COMMITTEE';
  return 'OTHER';
}

export function gremiumBody(organisationId: number, g: NotubizGremium): Body {
  const sourceId = `${organisationId}-${g.id}`;
  return {
    id: gid('body', sourceId),
    sourceId,
    name: g.title,
    type: gremiumTypeOf(g.title),
    typeRaw: 'gremium',
    organisationId,
    gremiumId: g.id,
    decidesOnItsOwn: isDecidingBody(g.title),
  };
}
