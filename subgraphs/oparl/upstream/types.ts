/**
 * OParl 1.1 objects as the sync reads them (OParl/spec schema/*.json). Every property is optional
 * except `id`: servers leave out what they do not have, and 1.0 servers send the same shapes.
 * References to other objects are their URLs; embedded objects are whole objects.
 */

/** What every OParl object has. */
export interface OParlObject {
  /** The object's URL: its id. */
  id: string;
  /** `https://schema.oparl.org/1.1/<Type>` (1.0 servers: `…/1.0/<Type>`). */
  type?: string;
  created?: string;
  modified?: string;
  /** True for an object the server deleted (returned with `modified_since` so clients can drop it). */
  deleted?: boolean;
  /** The object on the system's own website. */
  web?: string;
  keyword?: string[];
  license?: string;
}

export interface OParlSystem extends OParlObject {
  oparlVersion?: string;
  /** URL of the list of bodies. */
  body: string;
  name?: string;
  license?: string;
  website?: string;
  vendor?: string;
  product?: string;
}

export interface OParlLegislativeTerm extends OParlObject {
  name?: string;
  startDate?: string;
  endDate?: string;
}

export interface OParlLocation extends OParlObject {
  description?: string;
  streetAddress?: string;
  room?: string;
  postalCode?: string;
  locality?: string;
}

export interface OParlBody extends OParlObject {
  name?: string;
  shortName?: string;
  website?: string;
  license?: string;
  ags?: string;
  classification?: string;
  /** List URLs (organization, person, meeting and paper are required by the spec). */
  organization?: string;
  person?: string;
  meeting?: string;
  paper?: string;
  agendaItem?: string;
  consultation?: string;
  file?: string;
  membership?: string;
  locationList?: string;
  legislativeTermList?: string;
  legislativeTerm?: OParlLegislativeTerm[];
}

export interface OParlFile extends OParlObject {
  name?: string;
  fileName?: string;
  mimeType?: string;
  /** A date (YYYY-MM-DD). */
  date?: string;
  size?: number;
  sha1Checksum?: string;
  text?: string;
  accessUrl?: string;
  downloadUrl?: string;
  fileLicense?: string;
}

export interface OParlOrganization extends OParlObject {
  body?: string;
  name?: string;
  shortName?: string;
  /** Membership URLs (1.1), or a list URL (1.0 drafts). */
  membership?: string[] | string;
  meeting?: string;
  post?: string[];
  subOrganizationOf?: string;
  organizationType?: string;
  classification?: string;
  startDate?: string;
  endDate?: string;
  website?: string;
  location?: OParlLocation;
}

export interface OParlMembership extends OParlObject {
  /** The person (absent when embedded in its Person). */
  person?: string;
  organization?: string;
  role?: string;
  votingRight?: boolean;
  startDate?: string;
  endDate?: string;
  onBehalfOf?: string;
}

export interface OParlPerson extends OParlObject {
  body?: string;
  name?: string;
  familyName?: string;
  givenName?: string;
  formOfAddress?: string;
  title?: string[];
  status?: string[];
  membership?: OParlMembership[];
}

export interface OParlAgendaItem extends OParlObject {
  meeting?: string;
  number?: string;
  order?: number;
  name?: string;
  public?: boolean;
  /** URL of the Consultation that links the item to a Paper. */
  consultation?: string;
  /** The outcome as the council words it, e.g. `Geändert beschlossen`. */
  result?: string;
  resolutionText?: string;
  resolutionFile?: OParlFile;
  auxiliaryFile?: OParlFile[];
  start?: string;
  end?: string;
}

export interface OParlMeeting extends OParlObject {
  name?: string;
  /** Recommended values: `terminiert`, `eingeladen`, `durchgeführt`. */
  meetingState?: string;
  cancelled?: boolean;
  start?: string;
  end?: string;
  location?: OParlLocation;
  organization?: string[];
  participant?: string[];
  invitation?: OParlFile;
  resultsProtocol?: OParlFile;
  verbatimProtocol?: OParlFile;
  auxiliaryFile?: OParlFile[];
  agendaItem?: OParlAgendaItem[];
}

export interface OParlConsultation extends OParlObject {
  paper?: string;
  agendaItem?: string;
  meeting?: string;
  /** Organization URLs (1.1); one URL in 1.0 drafts. */
  organization?: string[] | string;
  authoritative?: boolean;
  role?: string;
}

export interface OParlPaper extends OParlObject {
  body?: string;
  name?: string;
  reference?: string;
  /** A date (YYYY-MM-DD). */
  date?: string;
  paperType?: string;
  relatedPaper?: string[];
  superordinatedPaper?: string[];
  subordinatedPaper?: string[];
  mainFile?: OParlFile;
  auxiliaryFile?: OParlFile[];
  originatorPerson?: string[];
  underDirectionOf?: string[];
  originatorOrganization?: string[];
  consultation?: OParlConsultation[];
}

/** One page of an external object list (spec 2.5: `data`, `pagination`, `links`). */
export interface OParlListPage<T> {
  data: T[];
  pagination?: { totalElements?: number; elementsPerPage?: number; currentPage?: number; totalPages?: number };
  links?: { first?: string; prev?: string; self?: string; next?: string; last?: string; web?: string };
}
