/** A municipality's Notubiz organisations (the city, and its districts where they have their own) and their gremia → Bodies. */
import { gid, type NotubizCity } from './common';
import type { NotubizGremium } from '../upstream/types';
import { isDecidingBody } from './decision';

export type BodyType = 'COUNCIL' | 'BOARD' | 'COMMITTEE' | 'SUBCOMMITTEE' | 'OFFICER' | 'TRUSTEE' | 'ORGANIZATION' | 'OTHER';

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

export function organisationBody(c: NotubizCity, org: { id: number; name: string }): Body {
  return {
    id: gid(c, 'body', org.id),
    sourceId: String(org.id),
    name: org.name,
    type: 'ORGANIZATION',
    typeRaw: 'organisation',
    organisationId: org.id,
    gremiumId: null,
    decidesOnItsOwn: false,
  };
}

/** Gremium kinds by their title: the council, the city's boards (settings.boardTitles), and committees of every kind. */
export function gremiumTypeOf(c: Pick<NotubizCity, 'boardTitles'>, title: string): BodyType {
  const t = title.trim().toLowerCase();
  if (t === 'gemeenteraad') return 'COUNCIL';
  if (c.boardTitles.some((b) => t.startsWith(b.toLowerCase()))) return 'BOARD';
  if (t.includes('commissie')) return 'COMMITTEE';
  return 'OTHER';
}

export function gremiumBody(c: NotubizCity, organisationId: number, g: NotubizGremium): Body {
  const sourceId = `${organisationId}-${g.id}`;
  return {
    id: gid(c, 'body', sourceId),
    sourceId,
    name: g.title,
    type: gremiumTypeOf(c, g.title),
    typeRaw: 'gremium',
    organisationId,
    gremiumId: g.id,
    decidesOnItsOwn: isDecidingBody(c, g.title),
  };
}
