/** Ahjo people: voters ("Surname, Given"), composition members ("Given Surname") and their roles. */
import { gid, type MappingCity } from './common';
import type { AhjoCompositionMember } from '../upstream/types';

export interface Person {
  id: string | null;
  sourceId: string | null;
  name: string;
  givenName: string | null;
  familyName: string | null;
  group: string | null;
}

export type MembershipRole = 'CHAIR' | 'VICE_CHAIR' | 'MEMBER' | 'DEPUTY' | 'PRESENTER' | 'SECRETARY' | 'OTHER';

export interface Membership {
  person: Person;
  role: string | null;
  roleType: MembershipRole;
  deputyOf: string | null;
}

/**
 * Voters come as "Borgarsdottir Sandelin, Silja" (family, given); composition members as
 * "Paavo Arhinmäki". Only the comma form can be split reliably.
 */
export function personOf(city: MappingCity, name: string, sourceId?: string | null, group?: string | null): Person {
  const trimmed = name.trim();
  const comma = trimmed.indexOf(',');
  const familyName = comma > 0 ? trimmed.slice(0, comma).trim() : null;
  const givenName = comma > 0 ? trimmed.slice(comma + 1).trim() : null;
  const id = sourceId?.trim() || null;
  return {
    id: id ? gid(city, 'person', id) : null,
    sourceId: id,
    name: familyName && givenName ? `${givenName} ${familyName}` : trimmed,
    givenName: givenName || null,
    familyName: familyName || null,
    group: group?.trim() || null,
  };
}

const ROLES: Record<string, MembershipRole> = {
  puheenjohtaja: 'CHAIR',
  varapuheenjohtaja: 'VICE_CHAIR',
  jäsen: 'MEMBER',
  varajäsen: 'DEPUTY',
  esittelijä: 'PRESENTER',
  pöytäkirjanpitäjä: 'SECRETARY',
  sihteeri: 'SECRETARY',
};

export function roleTypeOf(role: string | null | undefined): MembershipRole {
  return (role && ROLES[role.trim().toLowerCase()]) || 'OTHER';
}

export function membershipOf(city: MappingCity, member: AhjoCompositionMember): Membership {
  return {
    person: personOf(city, member.Name, member.ID ?? null),
    role: member.Role?.trim() || null,
    roleType: roleTypeOf(member.Role),
    deputyOf: member.DeputyOf?.trim() || null,
  };
}
