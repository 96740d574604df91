/** Small pure helpers for Notubiz's quirks: ids, local "YYYY-MM-DD HH:MM:SS" times, attribute labels. */
import { localDate, localToOffset } from '../../shared/time';
import type { NotubizAttribute, NotubizOrganisation } from '../upstream/types';

export const CITY = 'amsterdam';
export const ZONE = 'Europe/Amsterdam';
export const LANGUAGE = 'nl';
/** The sync key of Notubiz (`sources { key }`), also the upstream of the values the mapping reports as unmapped. */
export const NOTUBIZ = 'notubiz';

export type EntityType = 'decision' | 'meeting' | 'case' | 'body' | 'attachment' | 'agendaitem' | 'category' | 'moduleitem' | 'casereference';

export function gid(type: EntityType, sourceId: string | number): string {
  return `${CITY}:${type}:${sourceId}`;
}

export function dateTimeOf(value: string | null | undefined): string | null {
  return localToOffset(value, ZONE);
}

export function dateOf(value: string | null | undefined): string | null {
  return localDate(value, ZONE);
}

export function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Notubiz sends 0/1 for some flags. */
export function flagOf(value: number | boolean | null | undefined): boolean {
  return value === true || value === 1;
}

/** Field id → label of an organisation's settings (`settings.folder.fields.field[]`). */
export type AttributeLabels = Map<string, string>;

export function attributeLabelsOf(organisations: NotubizOrganisation[], organisationId: number): AttributeLabels {
  const org = organisations.find((o) => o['@attributes'].id === String(organisationId));
  return new Map((org?.settings?.folder?.fields?.field ?? []).map((f) => [f['@attributes'].id, f.label]));
}

/**
 * Meeting attributes by label ("Titel", "Locatie", …). The API sends `[{id, value}]` labelled by
 * the organisation's field settings; ORI's dumps hold the `{label: value}` form already.
 * Unlabelled ids are dropped, as ORI's extractor does.
 */
export function attributesByLabel(attributes: NotubizAttribute[] | Record<string, string | null> | undefined, labels: AttributeLabels): Record<string, string | null> {
  if (!attributes) return {};
  if (!Array.isArray(attributes)) return attributes;
  const out: Record<string, string | null> = {};
  for (const a of attributes) {
    const label = labels.get(String(a.id));
    if (label) out[label] = a.value;
  }
  return out;
}
