/**
 * The GraphQL documents the Barcelona subgraph sends to Decidim 0.27 (https://www.decidim.barcelona/api)
 * and the JSON they return.
 *
 * A full snapshot is SNAPSHOT_QUERY (every published participatory process, its components and the
 * first 50 proposals / meetings / results of each component) plus, for each component whose
 * `pageInfo.hasNextPage` is true, PROPOSALS_PAGE_QUERY / MEETINGS_PAGE_QUERY / RESULTS_PAGE_QUERY
 * with `{ componentId, after: pageInfo.endCursor }` until `hasNextPage` is false.
 *
 * Limits these documents respect (Decidim 0.27, decidim-api/lib/decidim/api.rb):
 * - page size: 50 is `schema_max_per_page`; a larger `first` would silently be lowered to 50.
 * - max_depth 15: the deepest path here is 10 fields.
 * - max_complexity 5000 (graphql-ruby 1.12 rules): SNAPSHOT_QUERY costs 3,037, because a connection
 *   costs page size x node complexity and `components` costs the most expensive of its Proposals /
 *   Meetings / Accountability branches, not their sum (see the replica's `analyzeDecidimQuery`,
 *   checked in subgraphs/decidim/test/decidim-replica.test.ts). The meetings branch is the
 *   expensive one (50 x 60): each further scalar field on Meeting adds 50, so about 39 more would
 *   exceed the limit; the page queries cost 1,808 / 3,008 / 2,008.
 *
 * Things a reader of these answers must expect from Decidim 0.27:
 * - `errors` next to `data`: a proposal or meeting without geocoding answers `coordinates: null`
 *   and adds "Cannot return null for non-nullable field Coordinates.latitude" to `errors` (Decidim
 *   resolves coordinates to `[nil, nil]`). Treat errors whose message starts with "Cannot return null
 *   for non-nullable field Coordinates." as field-level, not as a failed request.
 * - `state` is null for a proposal whose answer is not published, even when `answer`/`answeredAt`
 *   are already filled; "withdrawn" is a state in 0.27.
 * - `voteCount` is null when the component hides votes.
 * - `agenda.items` lists every agenda item, sub-items included; `parent { id }` rebuilds the tree.
 * - `closingReport` is null unless the meeting is closed and its closing is visible.
 * - texts may contain unescaped HTML (Decidim's API docs say so); sanitise before display.
 */

/** Decidim 0.27's `default_max_page_size` (Decidim::Api.schema_max_per_page). */
export const DECIDIM_PAGE_SIZE = 50;

const TRANSLATED = '{ translations { locale text } }';

const FRAGMENTS = {
  DecidimCategoryFields: `fragment DecidimCategoryFields on Category {
  id
  name ${TRANSLATED}
}`,
  DecidimPageInfoFields: `fragment DecidimPageInfoFields on PageInfo {
  hasNextPage
  endCursor
}`,
  DecidimProposalFields: `fragment DecidimProposalFields on Proposal {
  id
  reference
  title ${TRANSLATED}
  body ${TRANSLATED}
  address
  coordinates { latitude longitude }
  state
  answer ${TRANSLATED}
  answeredAt
  publishedAt
  endorsementsCount
  voteCount
  official
  createdInMeeting
  meeting { id }
  category { ...DecidimCategoryFields }
  position
}`,
  DecidimMeetingFields: `fragment DecidimMeetingFields on Meeting {
  id
  reference
  title ${TRANSLATED}
  description ${TRANSLATED}
  startTime
  endTime
  address
  location ${TRANSLATED}
  locationHints ${TRANSLATED}
  coordinates { latitude longitude }
  typeOfMeeting
  closed
  closingReport ${TRANSLATED}
  attendeeCount
  isWithdrawn
  category { ...DecidimCategoryFields }
  agenda {
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
  }
}`,
  DecidimResultFields: `fragment DecidimResultFields on Result {
  id
  reference
  title ${TRANSLATED}
  description ${TRANSLATED}
  startDate
  endDate
  progress
  status {
    id
    key
    name ${TRANSLATED}
    description ${TRANSLATED}
    progress
  }
  parent { id }
  children { id }
  childrenCount
  externalId
  weight
  category { ...DecidimCategoryFields }
}`,
  DecidimProposalConnectionFields: `fragment DecidimProposalConnectionFields on ProposalConnection {
  pageInfo { ...DecidimPageInfoFields }
  edges {
    cursor
    node { ...DecidimProposalFields }
  }
}`,
  DecidimMeetingConnectionFields: `fragment DecidimMeetingConnectionFields on MeetingConnection {
  pageInfo { ...DecidimPageInfoFields }
  edges {
    cursor
    node { ...DecidimMeetingFields }
  }
}`,
  DecidimResultConnectionFields: `fragment DecidimResultConnectionFields on ResultConnection {
  pageInfo { ...DecidimPageInfoFields }
  edges {
    cursor
    node { ...DecidimResultFields }
  }
}`,
} as const;

type FragmentName = keyof typeof FRAGMENTS;

/** A document: the operation followed by the fragments it uses (GraphQL rejects unused fragments). */
function document(operation: string, fragments: FragmentName[]): string {
  return [operation, ...fragments.map((name) => FRAGMENTS[name])].join('\n\n') + '\n';
}

const PROPOSAL_FRAGMENTS: FragmentName[] = ['DecidimProposalConnectionFields', 'DecidimPageInfoFields', 'DecidimProposalFields', 'DecidimCategoryFields'];
const MEETING_FRAGMENTS: FragmentName[] = ['DecidimMeetingConnectionFields', 'DecidimPageInfoFields', 'DecidimMeetingFields', 'DecidimCategoryFields'];
const RESULT_FRAGMENTS: FragmentName[] = ['DecidimResultConnectionFields', 'DecidimPageInfoFields', 'DecidimResultFields', 'DecidimCategoryFields'];

/** Every published participatory process, its published components and their first pages. One request. */
export const SNAPSHOT_QUERY = document(
  `query DecidimSnapshot {
  participatoryProcesses {
    id
    slug
    reference
    title ${TRANSLATED}
    subtitle ${TRANSLATED}
    shortDescription ${TRANSLATED}
    description ${TRANSLATED}
    startDate
    endDate
    publishedAt
    promoted
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
  [
    'DecidimProposalConnectionFields',
    'DecidimMeetingConnectionFields',
    'DecidimResultConnectionFields',
    'DecidimPageInfoFields',
    'DecidimProposalFields',
    'DecidimMeetingFields',
    'DecidimResultFields',
    'DecidimCategoryFields',
  ],
);

/** The next page of one Proposals component. Variables: `{ componentId, after }`. */
export const PROPOSALS_PAGE_QUERY = document(
  `query DecidimProposalsPage($componentId: ID!, $after: String) {
  component(id: $componentId) {
    __typename
    id
    ... on Proposals {
      proposals(first: ${DECIDIM_PAGE_SIZE}, after: $after) { ...DecidimProposalConnectionFields }
    }
  }
}`,
  PROPOSAL_FRAGMENTS,
);

/** The next page of one Meetings component. Variables: `{ componentId, after }`. */
export const MEETINGS_PAGE_QUERY = document(
  `query DecidimMeetingsPage($componentId: ID!, $after: String) {
  component(id: $componentId) {
    __typename
    id
    ... on Meetings {
      meetings(first: ${DECIDIM_PAGE_SIZE}, after: $after) { ...DecidimMeetingConnectionFields }
    }
  }
}`,
  MEETING_FRAGMENTS,
);

/** The next page of one Accountability component. Variables: `{ componentId, after }`. */
export const RESULTS_PAGE_QUERY = document(
  `query DecidimResultsPage($componentId: ID!, $after: String) {
  component(id: $componentId) {
    __typename
    id
    ... on Accountability {
      results(first: ${DECIDIM_PAGE_SIZE}, after: $after) { ...DecidimResultConnectionFields }
    }
  }
}`,
  RESULT_FRAGMENTS,
);

/** The Decidim version of the instance ("0.27.5" on decidim.barcelona). */
export const VERSION_QUERY = `query DecidimVersion {
  decidim {
    version
  }
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
  endorsementsCount: number | null;
  /** Null when the component hides votes. */
  voteCount: number | null;
  official: boolean | null;
  createdInMeeting: boolean | null;
  meeting: { id: string } | null;
  category: DecidimCategory | null;
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
  category: DecidimCategory | null;
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
  category: DecidimCategory | null;
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
  decidim: { version: string } | null;
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
