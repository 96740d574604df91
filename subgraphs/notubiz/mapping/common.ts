/**
 * Small pure helpers for Notubiz's quirks: ids, local "YYYY-MM-DD HH:MM:SS" times, attribute labels;
 * and the city a mapping is for (NotubizCity: built once from the registry entry, passed to every
 * mapping function, so that mapping stays pure and two cities on Notubiz never share a constant).
 */
import { localDate, localToOffset } from '../../shared/time';
import type { CityEntry } from '../../../schema/cities';
import type { NotubizSettings } from '../adapter';
import type { NotubizAttribute, NotubizOrganisation } from '../upstream/types';

/** The sync key of Notubiz (`sources { key }`), also the upstream of the values the mapping reports as unmapped. */
export const NOTUBIZ = 'notubiz';

/** What the mapping needs of the city it maps for (from its registry entry and settings). */
export interface NotubizCity {
  /** The city's id: the prefix of every id it serves. */
  id: string;
  name: string;
  /** IANA zone of Notubiz's local times for this municipality. */
  zone: string;
  /** The language of its texts (the city's main language). */
  language: string;
  /** Its organisations: the municipality's first, then its districts. */
  organisations: Array<{ id: number; name: string }>;
  /** The municipality's own organisation id. */
  organisationId: number;
  decidingBodies: string[];
  boardTitles: string[];
  decisionDocumentTypes: string[];
  resultDocumentTypes: string[];
  resultLabel: string;
  meetingLabels: { title: string; location: string; description: string };
  /** The live Notubiz base URL (source links point there, not at a replica). */
  liveBaseUrl: string;
}

export function notubizCity(city: Pick<CityEntry, 'id' | 'name' | 'timezone' | 'languages' | 'settings'>): NotubizCity {
  const s = city.settings as NotubizSettings;
  return {
    id: city.id,
    name: city.name,
    zone: city.timezone,
    language: city.languages[0],
    organisations: [{ id: s.organisationId, name: s.organisationName ?? `Gemeente ${city.name}` }, ...s.districts],
    organisationId: s.organisationId,
    decidingBodies: s.decidingBodies,
    boardTitles: s.boardTitles,
    decisionDocumentTypes: s.decisionDocumentTypes,
    resultDocumentTypes: s.resultDocumentTypes,
    resultLabel: s.resultLabel,
    meetingLabels: s.meetingLabels,
    liveBaseUrl: s.baseUrl.replace(/\/+$/, ''),
  };
}

export type EntityType = 'decision' | 'meeting' | 'case' | 'body' | 'attachment' | 'agendaitem' | 'category' | 'moduleitem' | 'casereference';

export function gid(c: Pick<NotubizCity, 'id'>, type: EntityType, sourceId: string | number): string {
  return `${c.id}:${type}:${sourceId}`;
}

export function dateTimeOf(c: Pick<NotubizCity, 'zone'>, value: string | null | undefined): string | null {
  return localToOffset(value, c.zone);
}

export function dateOf(c: Pick<NotubizCity, 'zone'>, value: string | null | undefined): string | null {
  return localDate(value, c.zone);
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
