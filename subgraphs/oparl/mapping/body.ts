/** OParl Organization → the contract's Body: its kind from `classification`, else `organizationType`. */
import type { OParlOrganization } from '../upstream/types';
import { gid, localDateOf, nonEmpty, relOf, type OParlCity } from './common';

export type BodyType = 'COUNCIL' | 'BOARD' | 'COMMITTEE' | 'SUBCOMMITTEE' | 'OFFICER' | 'TRUSTEE' | 'ORGANIZATION' | 'OTHER';

export interface Body {
  id: string;
  sourceId: string;
  name: string;
  shortName: string | null;
  type: BodyType;
  typeRaw: string | null;
  classification: string | null;
  organizationType: string | null;
  formedOn: string | null;
  dissolvedOn: string | null;
  parentSourceId: string | null;
  website: string | null;
  sourceUrl: string;
}

/**
 * Kinds of organisation by the words councils use (OParl leaves `classification` free; the spec's
 * own examples: "Ausschuss", "Fraktion", "Hauptverwaltungsbeamter", "Verwaltungsbereich", "Rat").
 * Checked on `classification` first, then `organizationType`.
 */
const KINDS: Array<[RegExp, BodyType]> = [
  [/unterausschuss|arbeitskreis|arbeitsgruppe/, 'SUBCOMMITTEE'],
  [/^(rat|stadtrat|gemeinderat|rat der stadt|rat der gemeinde|kreistag|stadtverordnetenversammlung|gemeindevertretung|ratsversammlung|bezirkstag|stadtrat \/ gemeinderat)$/, 'COUNCIL'],
  [/ausschuss|kommission|beirat|bezirksvertretung|bezirksausschuss|ortsbeirat|ortschaftsrat|ortsrat|ortsausschuss/, 'COMMITTEE'],
  [/verwaltungsvorstand|magistrat|gemeindevorstand|stadtvorstand|kreisvorstand/, 'BOARD'],
  [/hauptverwaltungsbeamt|bürgermeister|landrat|oberbürgermeister/, 'TRUSTEE'],
  [/beigeordnete|dezernent/, 'OFFICER'],
  [/verwaltungsbereich|verwaltung|dezernat|fachbereich|referat|^amt\b|institution|eigenbetrieb/, 'ORGANIZATION'],
  [/fraktion|partei|gruppe|wählergemeinschaft|einzelmandat/, 'OTHER'],
];

export interface BodyTypeReading {
  type: BodyType;
  raw: string | null;
  /** A kind was given but not recognised (counted in unmappedValues). */
  unmapped: boolean;
}

export function bodyTypeOf(classification: string | null | undefined, organizationType: string | null | undefined): BodyTypeReading {
  const values = [nonEmpty(classification), nonEmpty(organizationType)].filter((v): v is string => !!v);
  for (const value of values) {
    const text = value.toLocaleLowerCase('de');
    for (const [pattern, type] of KINDS) if (pattern.test(text)) return { type, raw: value, unmapped: false };
  }
  // "Gremium" alone (organizationType) says only that it is a body of the council.
  const raw = values[0] ?? null;
  const generic = values.every((v) => /^(gremium|sonstiges|sonstige)$/i.test(v));
  return { type: 'OTHER', raw, unmapped: !!raw && !generic };
}

export function organizationBody(c: OParlCity, o: OParlOrganization): Body {
  const sourceId = relOf(c, o.id);
  const kind = bodyTypeOf(o.classification, o.organizationType);
  return {
    id: gid(c, 'body', sourceId),
    sourceId,
    name: nonEmpty(o.name) ?? nonEmpty(o.shortName) ?? sourceId,
    shortName: nonEmpty(o.shortName),
    type: kind.type,
    typeRaw: kind.raw,
    classification: nonEmpty(o.classification),
    organizationType: nonEmpty(o.organizationType),
    formedOn: localDateOf(c, o.startDate),
    dissolvedOn: localDateOf(c, o.endDate),
    parentSourceId: typeof o.subOrganizationOf === 'string' ? relOf(c, o.subOrganizationOf) : null,
    website: nonEmpty(o.website) ?? nonEmpty(o.web),
    sourceUrl: o.id,
  };
}

/** Whether a body exists on a day: not dissolved before it. */
export function isActive(b: Pick<Body, 'dissolvedOn'>, today: string): boolean {
  return !b.dissolvedOn || b.dissolvedOn >= today;
}
