/**
 * The GraphQL documents the Decidim adapter sends to a city's instance (https://www.decidim.barcelona/api
 * …) and the JSON they return, for every release line whose API differs in the fields we read:
 * 0.27 (also 0.28), 0.29, 0.30 and 0.31 (the newest; also used for newer versions). The documents
 * are built from one field table (ITEM_FIELDS below), where a field that changed between releases
 * carries the releases it exists in; nothing is written twice per version.
 *
 * A full snapshot is the line's `snapshot` (every published participatory process, its components and
 * the first 50 proposals / meetings / results of each component) plus, for each component whose
 * `pageInfo.hasNextPage` is true, `proposalsPage` / `meetingsPage` / `resultsPage` with
 * `{ componentId, after: pageInfo.endCursor }` until `hasNextPage` is false.
 *
 * What changed between releases, for the fields read here (docs/decidim-versions.md, with its sources):
 * - 0.29: a withdrawn proposal has `withdrawn: true` (withdrawn is no longer a `state`).
 * - 0.30: `category` is gone from Proposal, Meeting and Result, replaced by `taxonomies`; meetings
 *   gain `withdrawn` (`isWithdrawn` stays); `decidim.version` is null unless the server discloses it.
 * - 0.31: `Proposal.endorsementsCount` became `likesCount`; resources and processes have a `url`.
 * `Meeting.attendeeCount` and `Meeting.isWithdrawn` did not change.
 *
 * Limits these documents respect (unchanged 0.27 → 0.31, decidim-api/lib/decidim/api.rb):
 * - page size: 50 is `schema_max_per_page`; a larger `first` would silently be lowered to 50.
 * - max_depth 15: the deepest path here is 10 fields.
 * - max_complexity 5000: the snapshot costs 3,037 (0.27 and 0.29 sets), 3,087 (0.30) and 3,138
 *   (0.31), because a connection costs page size x node complexity and `components` costs the most
 *   expensive of its Proposals / Meetings / Accountability branches, not their sum (see the
 *   replica's `analyzeDecidimQuery`, checked per release in subgraphs/decidim/test/decidim-versions.test.ts).
 *   The meetings branch is the expensive one (50 x 62 in 0.31): each further scalar field on Meeting
 *   adds 50, so about 37 more would exceed the limit. The page queries cost at most 1,908 / 3,108 /
 *   2,058 (0.31). If graphql-ruby 2.x (0.29+) summed the branches instead, the snapshot would not fit:
 *   docs/decidim-versions.md §3.2 could not confirm either way; the replica keeps the max-of-branches rule.
 *
 * Things a reader of these answers must expect from Decidim:
 * - `errors` next to `data`: a proposal or meeting without geocoding answers `coordinates: null`
 *   and adds "Cannot return null for non-nullable field Coordinates.latitude" to `errors` (Decidim
 *   resolves coordinates to `[nil, nil]`, in every release). Treat errors whose message starts with
 *   "Cannot return null for non-nullable field Coordinates." as field-level, not as a failed request.
 * - `state` is null for a proposal whose answer is not published, even when `answer`/`answeredAt`
 *   are already filled; "withdrawn" is a state up to 0.28.
 * - `voteCount` is null when the component hides votes.
 * - `agenda.items` lists every agenda item, sub-items included; `parent { id }` rebuilds the tree.
 * - `closingReport` is null unless the meeting is closed and its closing is visible.
 * - texts may contain unescaped HTML (Decidim's API docs say so); sanitise before display.
 * - a field the instance lacks fails the whole document with a validation error
 *   (`extensions: { code: "undefinedField", typeName, fieldName }`) and no `data`.
 */
import type { DecidimRelease } from '../decidim-release';

/** Decidim's `default_max_page_size` (Decidim::Api.schema_max_per_page), 50 in every release. */
export const DECIDIM_PAGE_SIZE = 50;

/** The release lines with their own query set, oldest first: 0.28 reads as 0.27, newer than 0.31 as 0.31. */
export const QUERY_LINES: readonly DecidimRelease[] = [27, 29, 30, 31];

/** The line whose query set reads a release. */
export function queryLineOf(release: DecidimRelease): DecidimRelease {
  return [...QUERY_LINES].reverse().find((line) => line <= release) ?? QUERY_LINES[0];
}

const TRANSLATED = '{ translations { locale text } }';

/** A field of the table: its selection, and the releases it exists in (`since` inclusive, `until` exclusive). */
interface Field {
  selection: string;
  since?: DecidimRelease;
  until?: DecidimRelease;
}

const always = (...selections: string[]): Field[] => selections.map((selection) => ({ selection }));
/** A category (≤ 0.29) and a taxonomy (0.30+) are read alike: id and name. */
const CLASSIFICATION = `{ id name ${TRANSLATED} }`;
const classification: Field[] = [
  { selection: `category ${CLASSIFICATION}`, until: 30 },
  { selection: `taxonomies ${CLASSIFICATION}`, since: 30 },
];
const publicUrl: Field = { selection: 'url', since: 31 };

/** Every field read, per GraphQL type; the documents of a line select those that exist in it. */
const ITEM_FIELDS: Record<'Proposal' | 'Meeting' | 'Result' | 'ParticipatoryProcess', Field[]> = {
  Proposal: [
    ...always('id', 'reference', `title ${TRANSLATED}`, `body ${TRANSLATED}`, 'address', 'coordinates { latitude longitude }', 'state'),
    { selection: 'withdrawn', since: 29 },
    ...always(`answer ${TRANSLATED}`, 'answeredAt', 'publishedAt'),
    { selection: 'endorsementsCount', until: 31 },
    { selection: 'likesCount', since: 31 },
    ...always('voteCount', 'official', 'createdInMeeting', 'meeting { id }'),
    ...classification,
    ...always('position'),
    publicUrl,
  ],
  Meeting: [
    ...always(
      'id',
      'reference',
      `title ${TRANSLATED}`,
      `description ${TRANSLATED}`,
      'startTime',
      'endTime',
      'address',
      `location ${TRANSLATED}`,
      `locationHints ${TRANSLATED}`,
      'coordinates { latitude longitude }',
      'typeOfMeeting',
      'closed',
      `closingReport ${TRANSLATED}`,
      'attendeeCount',
      'isWithdrawn',
    ),
    { selection: 'withdrawn', since: 30 },
    ...classification,
    publicUrl,
    ...always(`agenda {
    id
    title ${TRANSLATED}
    items {
      id
      title ${TRANSLATED}
      description ${TRANSLATED}
      duration
      position
      parent { id }
    }
  }`),
  ],
  Result: [
    ...always(
      'id',
      'reference',
      `title ${TRANSLATED}`,
      `description ${TRANSLATED}`,
      'startDate',
      'endDate',
      'progress',
      `status {
    id
    key
    name ${TRANSLATED}
    description ${TRANSLATED}
    progress
  }`,
      'parent { id }',
      'children { id }',
      'childrenCount',
      'externalId',
      'weight',
    ),
    ...classification,
    publicUrl,
  ],
  ParticipatoryProcess: [
    ...always(
      'id',
      'slug',
      'reference',
      `title ${TRANSLATED}`,
      `subtitle ${TRANSLATED}`,
      `shortDescription ${TRANSLATED}`,
      `description ${TRANSLATED}`,
      'startDate',
      'endDate',
      'publishedAt',
      'promoted',
    ),
    publicUrl,
  ],
};

/** The selections of a type that exist in a line. */
function fieldsIn(type: keyof typeof ITEM_FIELDS, line: DecidimRelease): string[] {
  return ITEM_FIELDS[type].filter((f) => (f.since ?? 0) <= line && line < (f.until ?? Infinity)).map((f) => f.selection);
}

/** The Decidim `Type.field`s a line's documents read (what an instance must have for that line). */
export function fieldsReadIn(line: DecidimRelease): string[] {
  return (Object.keys(ITEM_FIELDS) as Array<keyof typeof ITEM_FIELDS>).flatMap((type) => fieldsIn(type, line).map((s) => `${type}.${/^\w+/.exec(s)![0]}`));
}

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/** `fragment DecidimXFields on X { … }` for one line. */
const itemFragment = (type: 'Proposal' | 'Meeting' | 'Result', line: DecidimRelease) =>
  `fragment Decidim${type}Fields on ${type} {\n${fieldsIn(type, line).map((s) => `  ${s}`).join('\n')}\n}`;

const CONNECTION_FRAGMENTS = {
  Proposal: 'ProposalConnection',
  Meeting: 'MeetingConnection',
  Result: 'ResultConnection',
} as const;

const connectionFragment = (type: keyof typeof CONNECTION_FRAGMENTS) => `fragment Decidim${type}ConnectionFields on ${CONNECTION_FRAGMENTS[type]} {
  pageInfo { ...DecidimPageInfoFields }
  edges {
    cursor
    node { ...Decidim${type}Fields }
  }
}`;

const PAGE_INFO_FRAGMENT = `fragment DecidimPageInfoFields on PageInfo {
  hasNextPage
  endCursor
}`;

/** A document: the operation followed by the fragments it uses (GraphQL rejects unused fragments). */
function document(operation: string, types: Array<keyof typeof CONNECTION_FRAGMENTS>, line: DecidimRelease): string {
  return [operation, ...types.map(connectionFragment), PAGE_INFO_FRAGMENT, ...types.map((t) => itemFragment(t, line))].join('\n\n') + '\n';
}

/** The next page of one component's items. Variables: `{ componentId, after }`. */
function pageDocument(type: keyof typeof CONNECTION_FRAGMENTS, component: string, field: string, line: DecidimRelease): string {
  return document(
    `query Decidim${component === 'Accountability' ? 'Results' : component}Page($componentId: ID!, $after: String) {
  component(id: $componentId) {
    __typename
    id
    ... on ${component} {
      ${field}(first: ${DECIDIM_PAGE_SIZE}, after: $after) { ...Decidim${type}ConnectionFields }
    }
  }
}`,
    [type],
    line,
  );
}

/** The documents of one release line. */
export interface DecidimQuerySet {
  /** The line (27, 29, 30, 31). */
  line: DecidimRelease;
  /** Every published process, its published components and their first pages. One request. */
  snapshot: string;
  proposalsPage: string;
  meetingsPage: string;
  resultsPage: string;
}

function buildQuerySet(line: DecidimRelease): DecidimQuerySet {
  const snapshot = document(
    `query DecidimSnapshot {
  participatoryProcesses {
    ${indent(fieldsIn('ParticipatoryProcess', line).join('\n'), '    ')}
    components {
      __typename
      id
      name ${TRANSLATED}
      weight
      ... on Proposals {
        proposals(first: ${DECIDIM_PAGE_SIZE}) { ...DecidimProposalConnectionFields }
      }
      ... on Meetings {
        meetings(first: ${DECIDIM_PAGE_SIZE}) { ...DecidimMeetingConnectionFields }
      }
      ... on Accountability {
        results(first: ${DECIDIM_PAGE_SIZE}) { ...DecidimResultConnectionFields }
      }
    }
  }
}`,
    ['Proposal', 'Meeting', 'Result'],
    line,
  );
  return {
    line,
    snapshot,
    proposalsPage: pageDocument('Proposal', 'Proposals', 'proposals', line),
    meetingsPage: pageDocument('Meeting', 'Meetings', 'meetings', line),
    resultsPage: pageDocument('Result', 'Accountability', 'results', line),
  };
}

const QUERY_SETS = new Map(QUERY_LINES.map((line) => [line, buildQuerySet(line)]));

/** The query set that reads a release (its line's). */
export function decidimQueries(release: DecidimRelease): DecidimQuerySet {
  return QUERY_SETS.get(queryLineOf(release))!;
}

/** The 0.27 documents (the oldest line), under the names the replica's tests use. */
export const SNAPSHOT_QUERY = decidimQueries(27).snapshot;
export const PROPOSALS_PAGE_QUERY = decidimQueries(27).proposalsPage;
export const MEETINGS_PAGE_QUERY = decidimQueries(27).meetingsPage;
export const RESULTS_PAGE_QUERY = decidimQueries(27).resultsPage;

/** The Decidim version of the instance ("0.27.5"; null from 0.30 unless the server discloses it). */
export const VERSION_QUERY = `query DecidimVersion {
  decidim {
    version
  }
}
`;

/**
 * The fields of the types whose shape tells the release apart, by introspection (anonymous users may
 * introspect up to 0.31): what the client asks when the version is null or unknown.
 */
export const FIELD_PROBE_QUERY = `query DecidimFieldProbe {
  proposal: __type(name: "Proposal") { fields { name } }
  meeting: __type(name: "Meeting") { fields { name } }
}
`;

/** Variables of the three page queries. */
export interface DecidimPageVariables {
  componentId: string;
  after: string | null;
}

// ---------------------------------------------------------------------------------------------
// Result shapes
// ---------------------------------------------------------------------------------------------

/** `{ translations { locale text } }`. `text` is null for an empty translation. */
export interface DecidimTranslatedField {
  translations: Array<{ locale: string; text: string | null }>;
}

export interface DecidimPageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface DecidimEdge<T> {
  /** Opaque; graphql-ruby's is base64url of the item's 1-based position. */
  cursor: string;
  node: T | null;
}

export interface DecidimConnection<T> {
  pageInfo: DecidimPageInfo;
  edges: Array<DecidimEdge<T> | null> | null;
}

export interface DecidimCategory {
  id: string;
  name: DecidimTranslatedField;
}

/** Null (with an entry in `errors`) when the item is not geocoded. */
export interface DecidimCoordinates {
  latitude: number;
  longitude: number;
}

export interface DecidimProposal {
  id: string;
  /** e.g. "BCN-PROP-2023-02-60112" */
  reference: string | null;
  title: DecidimTranslatedField | null;
  /** May contain unescaped HTML. */
  body: DecidimTranslatedField | null;
  address: string | null;
  coordinates: DecidimCoordinates | null;
  /** "accepted" | "rejected" | "evaluating" | "withdrawn" | null (not answered, or answer not published). */
  state: string | null;
  answer: DecidimTranslatedField | null;
  /** ISO 8601 with offset, e.g. "2023-05-04T12:00:00+02:00". */
  answeredAt: string | null;
  publishedAt: string | null;
  /** Up to 0.30 (likesCount from 0.31). */
  endorsementsCount?: number | null;
  /** 0.31+. */
  likesCount?: number | null;
  /** 0.29+: withdrawn is a flag, no longer a `state`. */
  withdrawn?: boolean | null;
  /** 0.31+: the public page. */
  url?: string;
  /** Null when the component hides votes. */
  voteCount: number | null;
  official: boolean | null;
  createdInMeeting: boolean | null;
  meeting: { id: string } | null;
  /** Up to 0.29 (taxonomies from 0.30). */
  category?: DecidimCategory | null;
  /** 0.30+. */
  taxonomies?: DecidimCategory[] | null;
  position: number | null;
}

export interface DecidimMeetingAgendaItem {
  id: string;
  title: DecidimTranslatedField | null;
  description: DecidimTranslatedField | null;
  /** Minutes. */
  duration: number;
  position: number;
  /** Null for a top-level item. */
  parent: { id: string } | null;
}

export interface DecidimMeetingAgenda {
  id: string;
  title: DecidimTranslatedField | null;
  /** Every item of the agenda, sub-items included. */
  items: Array<DecidimMeetingAgendaItem | null>;
}

export interface DecidimMeeting {
  id: string;
  /** e.g. "BCN-MEET-2023-03-21504" */
  reference: string;
  title: DecidimTranslatedField;
  description: DecidimTranslatedField | null;
  /** ISO 8601 with offset (+01:00 / +02:00). */
  startTime: string;
  endTime: string;
  address: string | null;
  location: DecidimTranslatedField | null;
  locationHints: DecidimTranslatedField | null;
  coordinates: DecidimCoordinates | null;
  /** "in_person" | "online" | "hybrid" */
  typeOfMeeting: string;
  closed: boolean;
  closingReport: DecidimTranslatedField | null;
  attendeeCount: number | null;
  isWithdrawn: boolean;
  /** 0.30+ (isWithdrawn stays). */
  withdrawn?: boolean | null;
  category?: DecidimCategory | null;
  taxonomies?: DecidimCategory[] | null;
  url?: string;
  agenda: DecidimMeetingAgenda | null;
}

export interface DecidimResultStatus {
  id: string;
  /** e.g. "planned" | "in_progress" | "executed" | "cancelled" (per component, defined by admins). */
  key: string | null;
  name: DecidimTranslatedField | null;
  description: DecidimTranslatedField | null;
  progress: number | null;
}

export interface DecidimResult {
  id: string;
  reference: string | null;
  title: DecidimTranslatedField | null;
  description: DecidimTranslatedField | null;
  /** "YYYY-MM-DD" */
  startDate: string | null;
  endDate: string | null;
  /** 0–100 */
  progress: number | null;
  status: DecidimResultStatus | null;
  parent: { id: string } | null;
  children: Array<{ id: string } | null> | null;
  childrenCount: number | null;
  externalId: string | null;
  weight: number;
  category?: DecidimCategory | null;
  taxonomies?: DecidimCategory[] | null;
  url?: string;
}

interface DecidimComponentBase {
  id: string;
  name: DecidimTranslatedField;
  weight: number;
}

export interface DecidimProposalsComponent extends DecidimComponentBase {
  __typename: 'Proposals';
  proposals: DecidimConnection<DecidimProposal> | null;
}

export interface DecidimMeetingsComponent extends DecidimComponentBase {
  __typename: 'Meetings';
  meetings: DecidimConnection<DecidimMeeting> | null;
}

export interface DecidimAccountabilityComponent extends DecidimComponentBase {
  __typename: 'Accountability';
  results: DecidimConnection<DecidimResult> | null;
}

/**
 * The other component types of Decidim 0.27 (no items selected). The replica serves Pages (and the
 * generic Component); decidim.barcelona also has Budgets, Debates, Surveys, Blogs and Sortitions.
 */
export interface DecidimOtherComponent extends DecidimComponentBase {
  __typename: 'Pages' | 'Component' | 'Budgets' | 'Debates' | 'Surveys' | 'Blogs' | 'Sortitions';
}

/** One entry of `participatoryProcesses[].components`. Narrow on `__typename`. */
export type DecidimComponent = DecidimProposalsComponent | DecidimMeetingsComponent | DecidimAccountabilityComponent | DecidimOtherComponent;

export interface DecidimProcess {
  id: string;
  slug: string;
  /** e.g. "BCN-PART-2023-01-263" */
  reference: string | null;
  title: DecidimTranslatedField;
  subtitle: DecidimTranslatedField | null;
  shortDescription: DecidimTranslatedField | null;
  description: DecidimTranslatedField | null;
  /** "YYYY-MM-DD" */
  startDate: string | null;
  endDate: string | null;
  publishedAt: string;
  promoted: boolean | null;
  /** 0.31+: the public page. */
  url?: string | null;
  components: DecidimComponent[] | null;
}

/** `data` of SNAPSHOT_QUERY. */
export interface DecidimSnapshot {
  participatoryProcesses: DecidimProcess[] | null;
}

/** `data` of PROPOSALS_PAGE_QUERY (component null when the id is unknown or unpublished). */
export interface DecidimProposalsPage {
  component: Pick<DecidimProposalsComponent, '__typename' | 'id' | 'proposals'> | { __typename: string; id: string } | null;
}

/** `data` of MEETINGS_PAGE_QUERY. */
export interface DecidimMeetingsPage {
  component: Pick<DecidimMeetingsComponent, '__typename' | 'id' | 'meetings'> | { __typename: string; id: string } | null;
}

/** `data` of RESULTS_PAGE_QUERY. */
export interface DecidimResultsPage {
  component: Pick<DecidimAccountabilityComponent, '__typename' | 'id' | 'results'> | { __typename: string; id: string } | null;
}

/** `data` of VERSION_QUERY. */
export interface DecidimVersion {
  decidim: { version: string | null } | null;
}

/** `data` of FIELD_PROBE_QUERY (a type is null when the instance has none of that name). */
export interface DecidimFieldProbe {
  proposal: { fields: Array<{ name: string }> | null } | null;
  meeting: { fields: Array<{ name: string }> | null } | null;
}

/** A GraphQL error as graphql-ruby 1.12 serialises it (locations/path/extensions are optional). */
export interface DecidimGraphQLError {
  message: string;
  locations?: Array<{ line: number; column: number }>;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

/** The HTTP 200 body: `data` and/or `errors` (both may be present). */
export interface DecidimResponse<T> {
  data?: T | null;
  errors?: DecidimGraphQLError[];
}
