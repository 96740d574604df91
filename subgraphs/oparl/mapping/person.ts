/** OParl Person and its (embedded) Memberships → the contract's Person and Membership values. */
import type { OParlMembership, OParlPerson } from '../upstream/types';
import { gid, localDateOf, nonEmpty, relOf, type OParlCity } from './common';

export type MembershipRole = 'CHAIR' | 'VICE_CHAIR' | 'MEMBER' | 'DEPUTY' | 'PRESENTER' | 'SECRETARY' | 'OTHER';

/** The contract's Person. */
export interface PersonDoc {
  id: string;
  sourceId: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  /** OParl names a person's group only through memberships of a Fraktion: not resolved here. */
  group: string | null;
}

export interface MembershipDoc {
  id: string;
  sourceId: string;
  person: PersonDoc;
  role: string | null;
  roleType: MembershipRole;
  deputyOf: string | null;
  organizationSourceId: string | null;
  votingRight: boolean | null;
  startDate: string | null;
  endDate: string | null;
}

export function personOf(c: OParlCity, p: OParlPerson): PersonDoc {
  const sourceId = relOf(c, p.id);
  const parts = [nonEmpty(p.givenName), nonEmpty(p.familyName)].filter(Boolean).join(' ');
  return {
    id: gid(c, 'person', sourceId),
    sourceId,
    name: nonEmpty(p.name) ?? (parts || sourceId),
    givenName: nonEmpty(p.givenName),
    familyName: nonEmpty(p.familyName),
    group: null,
  };
}

/**
 * A role's kind by its German wording. Roles name both genders in 1.0 drafts ("Vorsitzender |
 * Vorsitzende"): the first is read. A membership without a role is a plain membership.
 */
export function roleTypeOf(role: string | null | undefined): MembershipRole {
  const text = nonEmpty(role)?.split('|')[0].trim().toLocaleLowerCase('de');
  if (!text) return 'MEMBER';
  if (/stellvertretende[sr]? mitglied|stellv\. mitglied|ersatzmitglied|^vertreter(in)?$|^stellvertreter(in)? von|persönliche[rs]? vertreter/.test(text)) return 'DEPUTY';
  if (/stellv|stellvertret|vize/.test(text)) return 'VICE_CHAIR';
  if (/vorsitz/.test(text)) return 'CHAIR';
  if (/schriftführ|protokollführ/.test(text)) return 'SECRETARY';
  if (/berichterstatt/.test(text)) return 'PRESENTER';
  if (/mitglied|ratsherr|ratsfrau|sachkundige|stadtverordnete|kreistagsabgeordnete|bezirksvertreter/.test(text)) return 'MEMBER';
  return 'OTHER';
}

export function membershipOf(c: OParlCity, m: OParlMembership, person: PersonDoc): MembershipDoc {
  const sourceId = relOf(c, m.id);
  return {
    id: gid(c, 'membership', sourceId),
    sourceId,
    person,
    role: nonEmpty(m.role),
    roleType: roleTypeOf(m.role),
    deputyOf: null,
    organizationSourceId: typeof m.organization === 'string' ? relOf(c, m.organization) : null,
    votingRight: typeof m.votingRight === 'boolean' ? m.votingRight : null,
    // 1.1 gives dates; 1.0 drafts date-times: both read as the city's local date.
    startDate: localDateOf(c, m.startDate),
    endDate: localDateOf(c, m.endDate),
  };
}

/** A person's memberships as the Person embeds them (objects; bare URLs carry nothing to map). */
export function membershipsOf(c: OParlCity, p: OParlPerson): MembershipDoc[] {
  const person = personOf(c, p);
  return (Array.isArray(p.membership) ? p.membership : [])
    .filter((m): m is OParlMembership => !!m && typeof m === 'object' && typeof m.id === 'string' && !m.deleted)
    .map((m) => membershipOf(c, m, person));
}

/** Whether a membership holds on a day. */
export function isCurrent(m: Pick<MembershipDoc, 'startDate' | 'endDate'>, today: string): boolean {
  return (!m.startDate || m.startDate <= today) && (!m.endDate || m.endDate >= today);
}
