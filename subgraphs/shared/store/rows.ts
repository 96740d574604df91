/**
 * The rows a city writes to its store, and how they map to the tables' columns. A city's mapping
 * gives each record its row (the filter, sort and search columns) and its `doc` (the mapped record
 * the resolvers serve); the sync writes them a unit at a time (see Unit).
 */

export interface BodyRow {
  id: string;
  sourceId: string;
  /** Sort key of the name (lower case), ties by id. */
  sortKey: string;
  type: string;
  active: boolean | null;
  parentId: string | null;
  search: string;
  doc: object;
}

export interface MeetingRow {
  id: string;
  sourceId: string;
  /** The GraphQL type of the meeting, for cities with more than one kind. */
  kind: string;
  date: string | null;
  /** Start (ISO with offset) or date; '' when unknown (listed last). */
  sortKey: string;
  /** Every body the meeting belongs to (a committee and its organisation): a body filter matches any. */
  bodyIds: string[];
  /** A status the data states, or BY_TIME: HELD from `heldFrom` on, SCHEDULED before. */
  status: string;
  heldFrom?: string | null;
  doc: object;
}

export interface DecisionRow {
  id: string;
  sourceId: string;
  /** Other source ids that lead to this decision (e.g. its translations' ids). */
  aliasIds?: string[];
  date: string | null;
  sortKey: string;
  bodyIds: string[];
  /**
   * The kind of the deciding body (a contract BodyType), where the mapping knows it (a body inside the
   * decision's record, a fixed council); else null and the kind is `bodyId`'s in the bodies table.
   */
  bodyType?: string | null;
  /** The deciding body's global id, as `Decision.body` resolves it from the bodies table (when `bodyType` is not given). */
  bodyId?: string | null;
  /**
   * Global body ids of the committees that handled the decision's item before the deciding body
   * decided it, most recent first (a COMMITTEE topic table looks at them before `bodyIds`).
   */
  committeeIds?: string[];
  meetingId?: string | null;
  /** Order within its meeting. */
  position?: number | null;
  caseIds?: string[];
  outcome: string;
  /** Category match keys (lower case); a nested scheme lists every prefix so that a short code matches below it. */
  categories?: string[];
  search: string;
  /** Text per language (ISO 639-1), stemmed where PostgreSQL has a stemmer for it. */
  texts?: Record<string, string>;
  doc: object;
}

export interface CaseRow {
  id: string;
  sourceId: string;
  aliasIds?: string[];
  date: string | null;
  sortKey: string;
  status: string;
  search: string;
  texts?: Record<string, string>;
  doc: object;
}

export interface AgendaItemRow {
  id: string;
  meetingId: string;
  /** Order within the meeting, nested items included (depth first). */
  position: number;
  parentId?: string | null;
  decisionId?: string | null;
  doc: object;
}

export interface VoteEventRow {
  id: string;
  decisionId: string;
  position: number;
  yes: number;
  no: number;
  abstain: number;
  absent: number;
  doc: object;
}

export interface DocumentRow {
  /** The decision, meeting, agenda item or case the document is attached to. */
  ownerId: string;
  position: number;
  doc: { id: string };
}

export interface ExtraRow {
  id: string;
  kind: string;
  sourceId: string;
  parentId?: string | null;
  sortKey: string;
  search?: string;
  doc: object;
}

/**
 * What a sync writes at once: the rows that one upstream unit (a meeting with its agenda and
 * decisions, a decision with its translations, a file) gives. Writing a unit replaces every row
 * the unit gave before: rows it no longer gives are deleted, unchanged rows are left alone.
 */
export interface Unit {
  key: string;
  bodies?: BodyRow[];
  meetings?: MeetingRow[];
  decisions?: DecisionRow[];
  cases?: CaseRow[];
  agendaItems?: AgendaItemRow[];
  voteEvents?: VoteEventRow[];
  documents?: DocumentRow[];
  extras?: ExtraRow[];
  /** Source values the mapping did not recognise (kept raw in the record, counted in `sources`). */
  unmappedValues?: UnmappedValueRow[];
}

/**
 * A value of a record that the mapping did not recognise: the record keeps the raw text (e.g. in
 * `outcomeRaw`, `optionRaw`) and maps it to UNKNOWN/null; these rows let `sources` count them.
 */
export interface UnmappedValueRow {
  /** The record that holds it (a decision, meeting, vote event … id); one row per record, field and value. */
  ownerId: string;
  /** The upstream the value came from (a `sources` key, e.g. `plenary-current`). */
  upstream: string;
  /** The contract field it should have filled, as `Type.field`, e.g. `Decision.outcome`. */
  field: string;
  /** The value exactly as the source wrote it. */
  value: string;
}

export type TableName = 'bodies' | 'meetings' | 'decisions' | 'cases' | 'agenda_items' | 'vote_events' | 'documents' | 'extras' | 'unmapped_values';

/** A table's own columns (besides id, group_key, hash and doc): SQL name, SQL type, row field. */
type Columns = Array<[string, string, string]>;

export interface TableSpec {
  name: TableName;
  unitField: keyof Omit<Unit, 'key'>;
  columns: Columns;
  /** Whether the table has a tsvector built from the row's `texts`. */
  stemmed: boolean;
}

export const TABLES: TableSpec[] = [
  {
    name: 'bodies',
    unitField: 'bodies',
    columns: [['source_id', 'text', 'sourceId'], ['sort_key', 'text', 'sortKey'], ['type', 'text', 'type'], ['active', 'boolean', 'active'], ['parent_id', 'text', 'parentId'], ['search', 'text', 'search']],
    stemmed: false,
  },
  {
    name: 'meetings',
    unitField: 'meetings',
    columns: [['source_id', 'text', 'sourceId'], ['kind', 'text', 'kind'], ['date', 'date', 'date'], ['sort_key', 'text', 'sortKey'], ['body_ids', 'text[]', 'bodyIds'], ['status', 'text', 'status'], ['held_from', 'timestamptz', 'heldFrom']],
    stemmed: false,
  },
  {
    name: 'decisions',
    unitField: 'decisions',
    columns: [
      ['source_id', 'text', 'sourceId'], ['alias_ids', 'text[]', 'aliasIds'], ['date', 'date', 'date'], ['sort_key', 'text', 'sortKey'], ['body_ids', 'text[]', 'bodyIds'],
      ['meeting_id', 'text', 'meetingId'], ['position', 'integer', 'position'], ['case_ids', 'text[]', 'caseIds'], ['outcome', 'text', 'outcome'],
      ['categories', 'text[]', 'categories'], ['search', 'text', 'search'], ['body_type', 'text', 'bodyType'], ['body_id', 'text', 'bodyId'],
      ['committee_ids', 'text[]', 'committeeIds'],
      // Filled by the store from the city's topic table (not by the mapping).
      ['topic', 'text', 'topic'], ['topic_value', 'text', 'topicValue'], ['topic_source', 'text', 'topicSource'],
    ],
    stemmed: true,
  },
  {
    name: 'cases',
    unitField: 'cases',
    columns: [['source_id', 'text', 'sourceId'], ['alias_ids', 'text[]', 'aliasIds'], ['date', 'date', 'date'], ['sort_key', 'text', 'sortKey'], ['status', 'text', 'status'], ['search', 'text', 'search']],
    stemmed: true,
  },
  {
    name: 'agenda_items',
    unitField: 'agendaItems',
    columns: [['meeting_id', 'text', 'meetingId'], ['position', 'integer', 'position'], ['parent_id', 'text', 'parentId'], ['decision_id', 'text', 'decisionId']],
    stemmed: false,
  },
  {
    name: 'vote_events',
    unitField: 'voteEvents',
    columns: [['decision_id', 'text', 'decisionId'], ['position', 'integer', 'position'], ['yes', 'integer', 'yes'], ['no', 'integer', 'no'], ['abstain', 'integer', 'abstain'], ['absent', 'integer', 'absent']],
    stemmed: false,
  },
  {
    name: 'documents',
    unitField: 'documents',
    columns: [['owner_id', 'text', 'ownerId'], ['position', 'integer', 'position']],
    stemmed: false,
  },
  {
    name: 'extras',
    unitField: 'extras',
    columns: [['kind', 'text', 'kind'], ['source_id', 'text', 'sourceId'], ['parent_id', 'text', 'parentId'], ['sort_key', 'text', 'sortKey'], ['search', 'text', 'search']],
    stemmed: false,
  },
  {
    name: 'unmapped_values',
    unitField: 'unmappedValues',
    columns: [['owner_id', 'text', 'ownerId'], ['upstream', 'text', 'upstream'], ['field', 'text', 'field'], ['value', 'text', 'value']],
    stemmed: false,
  },
];

export function tableSpec(name: TableName): TableSpec {
  return TABLES.find((t) => t.name === name)!;
}

/** The row id of a table row (a document's is `{owner}|{document}`: one document may have several owners). */
export function rowId(table: TableName, row: Record<string, unknown>): string {
  if (table === 'documents') return `${row.ownerId}|${(row.doc as { id: string }).id}`;
  if (table === 'unmapped_values') return `${row.ownerId}|${row.field}|${row.value}`;
  return row.id as string;
}
