/**
 * Notubiz API (version 1.17.0) response shapes as Amsterdam's organisation 281 and its districts
 * return them. Source: openstate/open-raadsinformatie (extractor notubiz.py, transformer
 * notubiz_meeting.py, test dump notubiz_meeting_amsterdam.json; see test/fixtures/amsterdam).
 * Times are local "YYYY-MM-DD HH:MM:SS" (the municipality's zone, its entry's timezone) without offset.
 */

export interface NotubizRef {
  id: number;
  self?: string;
}

/** A meeting attribute as the API sends it: an id labelled by the organisation's field settings. */
export interface NotubizAttribute {
  id: number | string;
  value: string | null;
  reference_model?: unknown;
}

export interface NotubizDocumentVersion {
  id: number;
  file_name?: string | null;
  mime_type?: string | null;
  file_size?: number | null;
  type?: string;
}

export interface NotubizDocument {
  id: number;
  title: string;
  url?: string | null;
  self?: string | null;
  versions?: NotubizDocumentVersion[];
  version?: number | null;
  types?: Array<{ id: number; value: string }>;
  publication_date?: string | null;
  last_modified?: string | null;
  category?: string | null;
  description?: string | null;
  policy_field?: string | null;
  date?: string | null;
  case_code?: string | null;
  confidential?: number | boolean | null;
}

export interface NotubizAgendaItem {
  id: number;
  type: string; // "agenda_point" | "label"
  order: number | null;
  parent: number | null;
  meeting?: NotubizRef;
  type_data?: {
    title_prefix?: string | null;
    heading?: boolean | null;
    self?: string;
    attributes?: NotubizAttribute[];
  };
  documents?: NotubizDocument[];
  module_items?: NotubizRef[];
  agenda_items?: NotubizAgendaItem[];
  last_modified?: string | null;
  permission_group?: string | null;
  confidential?: number | boolean | null;
}

export interface NotubizMeeting {
  id: number;
  self?: string;
  type?: string;
  body?: string;
  organisation?: NotubizRef;
  gremium?: NotubizRef | null;
  plannings?: Array<{ start_date: string | null; end_date: string | null }>;
  /** Raw `[{id, value}]` from the API; ORI's dumps hold it already as `{label: value}`. */
  attributes?: NotubizAttribute[] | Record<string, string | null>;
  documents?: NotubizDocument[];
  agenda_items?: NotubizAgendaItem[];
  module_items?: NotubizRef[];
  permission_group?: string | null;
  confidential?: number | boolean | null;
  announcement?: boolean | null;
  live?: boolean | null;
  template?: boolean | null;
  canceled?: boolean | null;
  inactive?: boolean | null;
  creation_date?: string | null;
  last_modified?: string | null;
  parent?: unknown;
  order?: number | null;
}

/** `GET /events`: a page of events (meetings), with pagination. */
export interface NotubizEventsPage {
  events: NotubizMeeting[];
  /** The replica also sends `page`, `per_page` and `total`; the live API's fields are not documented in our sources. */
  pagination?: { has_more_pages?: boolean; page?: number; per_page?: number; total?: number };
}

export interface NotubizOrganisation {
  '@attributes': { id: string };
  logo?: string;
  settings?: { folder?: { fields?: { field?: Array<{ '@attributes': { id: string }; label: string }> } } };
}

export interface NotubizGremium {
  id: number;
  title: string;
  self?: string;
  organisation?: NotubizRef;
}

/**
 * One value of a module item attribute. Open Raadsinformatie's transformer (notubiz_meeting.py, see
 * mapping/outcome.ts) reads `values[].document` of a document attribute; what a text value looks
 * like in version 1.17.0 is not in our sources, so the reader accepts a bare string, `{value}`, and
 * the XML-to-JSON `{"@cdata"}` of older versions.
 */
export type NotubizModuleItemValue = string | { value?: unknown; '@cdata'?: unknown; document?: NotubizDocument | null; reference_model?: string | null; id?: number | string };

/**
 * A module item attribute: the item labels its own attributes (no lookup in the organisation's
 * field settings). Version 1.17.0 as ORI's transformer reads it: `{datatype, label, values: [...]}`
 * (a document attribute has datatype "document" or label "Hoofddocument"). Older versions (1.10.8,
 * XML-to-JSON) wrap the list as `attributes.attribute[]` with `@attributes {id, datatype}`, a text
 * in `value` and references in `values.value[]`; the reader takes both.
 */
export interface NotubizModuleItemAttribute {
  id?: number | string;
  label?: string | null;
  datatype?: string | null;
  values?: NotubizModuleItemValue[] | { value?: NotubizModuleItemValue | NotubizModuleItemValue[] } | null;
  value?: unknown;
  '@attributes'?: { id?: number | string; datatype?: string };
}

/** `GET {module_item.self}` → `{"item":{…}}`: a module item (motion, amendment, proposal, commitment …). */
export interface NotubizModuleItem {
  id: number;
  title?: string | null;
  module?: { id?: number; title?: string | null } | null;
  attributes?: NotubizModuleItemAttribute[] | { attribute?: NotubizModuleItemAttribute[] | NotubizModuleItemAttribute } | null;
  /** Documents beside the attributes: `attachments.document[]` as ORI's transformer reads it. */
  attachments?: { document?: NotubizDocument[] | NotubizDocument | null } | null;
  /** A plain document list, as earlier versions of the replica served it. */
  documents?: NotubizDocument[];
  created?: string | null;
  last_modified?: string | null;
}
