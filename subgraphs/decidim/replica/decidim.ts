/**
 * A local replica of a city's Decidim GraphQL API (e.g. `POST https://www.decidim.barcelona/api`)
 * over a JSON seed file (`{replica dir}/decidim/seed.json`, described in the replica dir's README).
 * The schema is the subset in `decidim-schema.graphql` (Decidim 0.27.5 on graphql-ruby 1.12; names,
 * types and nullability there are Decidim's own), changed per release up to the one served
 * (replica/decidim-versions.ts: 0.28 to 0.31): the seed's `decidim.version`, or the option `version`.
 *
 * What it imitates, and where that comes from:
 * - the HTTP endpoint: `POST /api` (or `/api/`) with `{query, variables, operationName}` as JSON
 *   (`variables` may also be a JSON string, as Decidim's QueriesController accepts). GraphQL errors
 *   answer 200 with `{"errors":[…]}` like graphql-ruby; a body that is not JSON answers 400 (Rails
 *   rejects unparsable JSON params before the controller runs); an exception inside Decidim answers
 *   500 with Rails' HTML error page in 0.27 (its controller re-raises outside development) and with
 *   `{"errors":[{"message":"Internal Server error"}],"data":{}}` from 0.28 (the controller rescues).
 * - Rack::Attack's throttle (Decidim core: `throttling_max_requests` per `throttling_period` per IP,
 *   100 per minute by default): 429, `Content-Type: text/plain`, body `Retry later\n`.
 *   CHOICE: Rack::Attack counts in fixed windows aligned to the epoch and sends no Retry-After unless
 *   `throttled_response_retry_after_header` is set; this replica uses a sliding 60-second window and
 *   always sends Retry-After (seconds until the next request would pass), which is stricter and tells
 *   a client how long to wait. Every request counts, throttled ones included, as in Rack::Attack.
 * - graphql-ruby 1.12 pagination: cursors are `Base64.urlsafe_encode64(offset.to_s, padding: false)`
 *   of the item's 1-based position ("Mw" = 3, as in Decidim's usage.md sample); `first`/`last` above
 *   `default_max_page_size` (Decidim::Api.schema_max_per_page = 50) are lowered to it, and without
 *   either the page holds 50 items; `hasPreviousPage` is true after a non-zero `after` cursor.
 * - graphql-ruby 1.12 query analysis: max_depth 15 and max_complexity 5000 (decidim-api/lib/decidim/
 *   api.rb), with the AST QueryComplexity rules (a connection field costs 1 + page size x node
 *   complexity + pageInfo/edges/nodes; an abstract selection costs the max over its possible types).
 * - graphql-ruby 1.12 soft null errors: a non-null field resolving to null nulls its parent and adds
 *   `{"message":"Cannot return null for non-nullable field Type.field"}` to `errors`. Decidim 0.27
 *   resolves Proposal/Meeting `coordinates` to `[latitude, longitude]` even when both are nil, so
 *   every item without coordinates answers `coordinates: null` plus such an error.
 * - undefined fields are reported with graphql-ruby's wording and `extensions.code`
 *   ("Field 'likes' doesn't exist on type 'Proposal'", code "undefinedField"); other validation
 *   messages keep graphql-js's wording.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  execute,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { replicaScale } from '../../shared/replica';
import type { DecidimRelease } from '../decidim-release';
import { scaleDecidimSeed } from './decidim-copies';
import { OLDEST_RELEASE, schemaForRelease, servedRelease } from './decidim-versions';

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

export const DECIDIM_SCHEMA_FILE = path.join(__dirname, 'decidim-schema.graphql');
/** Decidim::Api.schema_max_per_page (0.27: 50), the schema's `default_max_page_size`. */
export const DECIDIM_MAX_PER_PAGE = 50;
/** Decidim::Api.schema_max_depth (0.27: 15). */
export const DECIDIM_MAX_DEPTH = 15;
/** Decidim::Api.schema_max_complexity (0.27: 5000). */
export const DECIDIM_MAX_COMPLEXITY = 5000;
/** Decidim.throttling_max_requests default (Rack::Attack "requests by ip"). */
export const DECIDIM_RATE_LIMIT_PER_MINUTE = 100;
const WINDOW_MS = 60_000;
const MAX_BODY_BYTES = 10 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Seed format (documented in data/decidim/README.md)
// ---------------------------------------------------------------------------------------------

/** A Decidim translatable JSON column: `{ "ca": "…", "es": "…", "machine_translations": { "en": "…" } }`. */
export type SeedTranslated = { [locale: string]: string | null | Record<string, string | null> | undefined } & {
  machine_translations?: Record<string, string | null>;
};

export interface DecidimSeed {
  /**
   * `version` also chooses the schema the replica serves (replica/decidim-versions.ts; the option
   * `version` overrides it). From 0.30 Decidim answers `version: null` unless the server discloses
   * it (DECIDIM_API_DISCLOSE_SYSTEM_VERSION): `discloseVersion`.
   */
  decidim: { version: string; applicationName: string; discloseVersion?: boolean };
  /** `host`: the instance's public host, for the `url` fields of 0.31 (e.g. www.decidim.barcelona). */
  organization: { name: string; host?: string; referencePrefix: string; defaultLocale: string; availableLocales: string[]; timeZone: string };
  participatoryProcesses: SeedProcess[];
}

export interface SeedProcess {
  id: string;
  slug: string;
  /** false: unpublished (draft) process, absent from the API. */
  published: boolean;
  /** true: private process, absent from the API for anonymous users. */
  private?: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  reference: string | null;
  hashtag: string | null;
  promoted: boolean;
  scopesEnabled: boolean;
  startDate: string | null;
  endDate: string | null;
  title: SeedTranslated;
  subtitle?: SeedTranslated | null;
  shortDescription?: SeedTranslated | null;
  description?: SeedTranslated | null;
  announcement?: SeedTranslated | null;
  developerGroup?: SeedTranslated | null;
  localArea?: SeedTranslated | null;
  metaScope?: SeedTranslated | null;
  target?: SeedTranslated | null;
  participatoryScope?: SeedTranslated | null;
  participatoryStructure?: SeedTranslated | null;
  categories: SeedCategory[];
  components: SeedComponent[];
}

export interface SeedCategory {
  id: string;
  name: SeedTranslated;
  parentId: string | null;
}

export type SeedManifest = 'proposals' | 'meetings' | 'accountability' | 'pages' | string;

export interface SeedComponent {
  id: string;
  /** Decidim manifest name; decides `__typename` (proposals → Proposals, …; unknown → Component). */
  manifest: SeedManifest;
  name: SeedTranslated;
  weight: number;
  /** null: unpublished component (absent from the API). */
  publishedAt: string | null;
  settings?: { votesHidden?: boolean; geocodingEnabled?: boolean; commentsEnabled?: boolean };
  proposals?: SeedProposal[];
  meetings?: SeedMeeting[];
  statuses?: SeedStatus[];
  results?: SeedResult[];
  pages?: SeedPage[];
}

export interface SeedProposal {
  id: string;
  reference: string;
  title: SeedTranslated;
  body: SeedTranslated;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  /** The 0.27 `state` column: "accepted" | "rejected" | "evaluating" | "withdrawn" | null. */
  state: string | null;
  /** Whether the answer is published (`state_published_at`); an unpublished answer shows `state: null`. */
  statePublished: boolean;
  answer: SeedTranslated | null;
  answeredAt: string | null;
  /** null: draft, absent from the API. */
  publishedAt: string | null;
  /** When a withdrawn proposal was withdrawn (0.29's `withdrawnAt`); absent: its `updatedAt`. */
  withdrawnAt?: string | null;
  createdAt: string;
  updatedAt: string;
  endorsementsCount: number;
  votesCount: number;
  /** Authored by the organization. */
  official: boolean;
  /** Authored by a meeting (then `createdInMeeting` is true and `meeting` resolves to it). */
  meetingId: string | null;
  categoryId: string | null;
  participatoryTextLevel: string | null;
  position: number | null;
}

export interface SeedMeeting {
  id: string;
  reference: string;
  title: SeedTranslated;
  description: SeedTranslated | null;
  startTime: string;
  endTime: string;
  address: string | null;
  location: SeedTranslated | null;
  locationHints: SeedTranslated | null;
  latitude: number | null;
  longitude: number | null;
  typeOfMeeting: 'in_person' | 'online' | 'hybrid';
  onlineMeetingUrl: string | null;
  iframeEmbedType: string | null;
  /** Set when the meeting has been closed. */
  closedAt: string | null;
  /** Whether the closing (report, video, audio) is public. */
  closingVisible: boolean;
  closingReport: SeedTranslated | null;
  videoUrl: string | null;
  audioUrl: string | null;
  attendeesCount: number | null;
  contributionsCount: number | null;
  attendingOrganizations: string | null;
  withdrawn: boolean;
  withdrawnAt?: string | null;
  /** false: an unpublished (draft) meeting, which no version lists. Absent: published. */
  published?: boolean;
  /** When it was published (0.31's `publishedAt`); absent: its `createdAt`. */
  publishedAt?: string | null;
  privateMeeting: boolean;
  transparent: boolean;
  registrationsEnabled: boolean;
  registrationFormEnabled: boolean;
  registrationTerms: SeedTranslated | null;
  remainingSlots: number | null;
  categoryId: string | null;
  createdAt: string;
  updatedAt: string;
  agenda: SeedAgenda | null;
}

export interface SeedAgenda {
  id: string;
  title: SeedTranslated | null;
  /** An agenda that is not visible is answered as `agenda: null`. */
  visible: boolean;
  createdAt: string;
  updatedAt: string;
  /** All items, sub-items included (`parentId` links them). */
  items: SeedAgendaItem[];
}

export interface SeedAgendaItem {
  id: string;
  title: SeedTranslated | null;
  description: SeedTranslated | null;
  duration: number;
  position: number;
  parentId: string | null;
}

export interface SeedStatus {
  id: string;
  key: string;
  name: SeedTranslated;
  description: SeedTranslated | null;
  progress: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SeedResult {
  id: string;
  reference: string;
  externalId: string | null;
  title: SeedTranslated;
  description: SeedTranslated | null;
  startDate: string | null;
  endDate: string | null;
  progress: number | null;
  statusId: string | null;
  parentId: string | null;
  weight: number;
  categoryId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SeedPage {
  id: string;
  body: SeedTranslated | null;
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// In-memory model (seed records with back references)
// ---------------------------------------------------------------------------------------------

interface ProcessModel {
  kind: 'process';
  seed: SeedProcess;
  components: ComponentModel[];
  categories: CategoryModel[];
}
interface CategoryModel {
  kind: 'category';
  seed: SeedCategory;
  process: ProcessModel;
}
interface ComponentModel {
  kind: 'component';
  seed: SeedComponent;
  process: ProcessModel;
  proposals: ProposalModel[];
  meetings: MeetingModel[];
  results: ResultModel[];
  statuses: StatusModel[];
  pages: PageModel[];
}
interface ProposalModel {
  kind: 'proposal';
  seed: SeedProposal;
  component: ComponentModel;
}
interface MeetingModel {
  kind: 'meeting';
  seed: SeedMeeting;
  component: ComponentModel;
}
interface AgendaModel {
  kind: 'agenda';
  seed: SeedAgenda;
  meeting: MeetingModel;
  items: AgendaItemModel[];
}
interface AgendaItemModel {
  kind: 'agendaItem';
  seed: SeedAgendaItem;
  agenda: AgendaModel;
}
interface ResultModel {
  kind: 'result';
  seed: SeedResult;
  component: ComponentModel;
}
interface StatusModel {
  kind: 'status';
  seed: SeedStatus;
  component: ComponentModel;
}
interface PageModel {
  kind: 'page';
  seed: SeedPage;
  component: ComponentModel;
}

interface Store {
  seed: DecidimSeed;
  processes: ProcessModel[];
  components: Map<string, ComponentModel>;
  categories: Map<string, CategoryModel>;
  meetings: Map<string, MeetingModel>;
  results: Map<string, ResultModel>;
  statuses: Map<string, StatusModel>;
  agendas: Map<MeetingModel, AgendaModel>;
}

/** A city's seed: `{replica dir}/decidim/seed.json`. */
export function loadDecidimSeed(seedFile: string): DecidimSeed {
  return JSON.parse(fs.readFileSync(seedFile, 'utf8')) as DecidimSeed;
}

function buildStore(seed: DecidimSeed): Store {
  const store: Store = {
    seed,
    processes: [],
    components: new Map(),
    categories: new Map(),
    meetings: new Map(),
    results: new Map(),
    statuses: new Map(),
    agendas: new Map(),
  };
  for (const p of seed.participatoryProcesses) {
    const process: ProcessModel = { kind: 'process', seed: p, components: [], categories: [] };
    store.processes.push(process);
    for (const c of p.categories ?? []) {
      const category: CategoryModel = { kind: 'category', seed: c, process };
      process.categories.push(category);
      store.categories.set(c.id, category);
    }
    for (const c of p.components ?? []) {
      const component: ComponentModel = { kind: 'component', seed: c, process, proposals: [], meetings: [], results: [], statuses: [], pages: [] };
      process.components.push(component);
      store.components.set(c.id, component);
      for (const s of c.proposals ?? []) component.proposals.push({ kind: 'proposal', seed: s, component });
      for (const s of c.meetings ?? []) {
        const meeting: MeetingModel = { kind: 'meeting', seed: s, component };
        component.meetings.push(meeting);
        store.meetings.set(s.id, meeting);
        if (s.agenda) {
          const agenda: AgendaModel = { kind: 'agenda', seed: s.agenda, meeting, items: [] };
          agenda.items = s.agenda.items.map((item) => ({ kind: 'agendaItem', seed: item, agenda }));
          store.agendas.set(meeting, agenda);
        }
      }
      for (const s of c.statuses ?? []) {
        const status: StatusModel = { kind: 'status', seed: s, component };
        component.statuses.push(status);
        store.statuses.set(s.id, status);
      }
      for (const s of c.results ?? []) {
        const result: ResultModel = { kind: 'result', seed: s, component };
        component.results.push(result);
        store.results.set(s.id, result);
      }
      for (const s of c.pages ?? []) component.pages.push({ kind: 'page', seed: s, component });
    }
  }
  return store;
}

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

let sdlCache: string | undefined;
/** The SDL of the replicated subset (decidim-schema.graphql). */
export function decidimSchemaSdl(): string {
  if (sdlCache === undefined) sdlCache = fs.readFileSync(DECIDIM_SCHEMA_FILE, 'utf8');
  return sdlCache;
}

/** A fresh executable-less schema of a release (0.27 by default; for validating documents), minus `missing` `Type.field`s. */
export function buildDecidimSchema(release: DecidimRelease = OLDEST_RELEASE, missing: string[] = []): GraphQLSchema {
  return schemaForRelease(decidimSchemaSdl(), release, missing);
}

/** An exception inside Decidim: the whole request answers HTTP 500 (an HTML page in 0.27, JSON from 0.28). */
class InternalServerError extends Error {}

const MANIFEST_TYPES: Record<string, string> = {
  proposals: 'Proposals',
  meetings: 'Meetings',
  accountability: 'Accountability',
  pages: 'Pages',
};

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** TranslatedFieldType (0.27.2+): human translations first, machine translations for the gaps. */
function definedTranslations(field: SeedTranslated): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [locale, text] of Object.entries(field)) {
    if (locale === 'machine_translations') continue;
    out[locale] = typeof text === 'string' ? text : text === null || text === undefined ? null : JSON.stringify(text);
  }
  return out;
}
function machineTranslations(field: SeedTranslated): Record<string, string | null> {
  const m = field.machine_translations;
  return m && typeof m === 'object' ? m : {};
}
function translationLocales(field: SeedTranslated): string[] {
  return [...new Set([...Object.keys(definedTranslations(field)), ...Object.keys(machineTranslations(field))])];
}
function displayTranslation(field: SeedTranslated, locale: string): string | null {
  const defined = definedTranslations(field)[locale];
  if (!isBlank(defined)) return defined as string;
  if (!translationLocales(field).includes(locale)) return null;
  return machineTranslations(field)[locale] ?? null;
}

// -- pagination (graphql-ruby 1.12 RelationConnection / ArrayConnection) ------------------------

export function encodeCursor(position: number): string {
  return Buffer.from(String(position), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  // Ruby: Base64.urlsafe_decode64(cursor).to_i. A string that is not base64 raises ArgumentError,
  // which Decidim 0.27 does not rescue (HTTP 500).
  const clean = cursor.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(clean) || clean.length % 4 === 1) throw new InternalServerError(`invalid base64: ${cursor}`);
  const match = /^\s*([+-]?\d+)/.exec(Buffer.from(clean, 'base64url').toString('utf8'));
  return match ? Number.parseInt(match[1], 10) : 0;
}

interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
}

function paginate<T>(items: T[], args: ConnectionArgs, maxPerPage: number): Connection<T> {
  const cap = (n: number | null | undefined): number | null => (n === null || n === undefined ? null : Math.max(0, Math.min(n, maxPerPage)));
  let first = cap(args.first);
  const last = cap(args.last);
  if (first === null && last === null) first = maxPerPage;
  const afterOffset = args.after ? Math.max(0, decodeCursor(args.after)) : 0;
  const beforeOffset = args.before ? Math.max(0, decodeCursor(args.before)) : null;
  const sliceStart = Math.min(afterOffset, items.length);
  const sliceEnd = beforeOffset === null ? items.length : Math.max(sliceStart, Math.min(items.length, beforeOffset - 1));
  const sliced = items.slice(sliceStart, sliceEnd);
  let pageStart = 0;
  let page = sliced;
  if (first !== null) page = page.slice(0, first);
  if (last !== null && page.length > last) {
    pageStart = page.length - last;
    page = page.slice(pageStart);
  }
  const edges = page.map((node, i) => ({ cursor: encodeCursor(sliceStart + pageStart + i + 1), node }));
  const hasNextPage = beforeOffset !== null && beforeOffset > 0 ? true : first !== null ? sliced.length > first : false;
  const hasPreviousPage = afterOffset > 0 ? true : last !== null ? pageStart > 0 : false;
  return {
    edges,
    nodes: page,
    pageInfo: {
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
      hasNextPage,
      hasPreviousPage,
    },
  };
}

// -- filters and sorts -------------------------------------------------------------------------

type Dict = Record<string, unknown>;

function sortDirection(value: unknown): 1 | -1 {
  const v = String(value).toLowerCase();
  if (v === 'asc') return 1;
  if (v === 'desc') return -1;
  // ActiveRecord raises ArgumentError ("Direction … is invalid"), not rescued by Decidim 0.27.
  throw new InternalServerError(`Direction "${String(value)}" is invalid`);
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // PostgreSQL sorts NULLs last in ASC
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** `ORDER BY <keys…>, id` as Decidim's NeedsApiFilterAndOrder + NeedsApiDefaultOrder build it. */
function orderBy<T>(items: T[], keys: Array<[(item: T) => unknown, 1 | -1]>, id: (item: T) => string): T[] {
  const all: Array<[(item: T) => unknown, 1 | -1]> = [...keys, [(item) => Number(id(item)), 1]];
  return [...items].sort((x, y) => {
    for (const [get, dir] of all) {
      const c = compareValues(get(x), get(y));
      if (c !== 0) return c * dir;
    }
    return 0;
  });
}

function parseFilterDate(value: unknown, name: string): string {
  const s = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) {
    throw new GraphQLError(`Invalid ${name} date format: "${s}". Expected format YYYY-MM-DD`);
  }
  return s;
}

/** HasPublishableInputFilter: publishedBefore excludes the day, publishedSince includes it (local dates). */
function publishedFilter(filter: Dict | null | undefined): (publishedAt: string | null) => boolean {
  const before = filter?.publishedBefore != null ? parseFilterDate(filter.publishedBefore, 'publishedBefore') : null;
  const since = filter?.publishedSince != null ? parseFilterDate(filter.publishedSince, 'publishedSince') : null;
  return (publishedAt) => {
    if (before === null && since === null) return true;
    if (!publishedAt) return false;
    const day = publishedAt.slice(0, 10);
    return (before === null || day < before) && (since === null || day >= since);
  };
}

// ---------------------------------------------------------------------------------------------
// Resolvers
// ---------------------------------------------------------------------------------------------

interface ExecContext {
  store: Store;
  maxPerPage: number;
  /** The release served: the few resolvers whose answer changed between releases read it. */
  release: DecidimRelease;
  /** The version imitated (the option's, else the seed's). */
  version: string;
}

/** The public page of a resource on the instance, as 0.31's `url` fields give it (ResourceLocatorPresenter#url). */
function publicUrl(store: Store, process: ProcessModel, path = ''): string {
  return `https://${store.seed.organization.host ?? 'localhost'}/processes/${process.seed.slug}${path}`;
}
const resourceUrl = (store: Store, component: ComponentModel, kind: string, id: string) => publicUrl(store, component.process, `/f/${component.seed.id}/${kind}/${id}`);

type Resolver = GraphQLFieldResolver<any, ExecContext, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function visibleProcess(p: ProcessModel): boolean {
  return p.seed.published !== false && !!p.seed.publishedAt && !p.seed.private;
}
function publishedComponent(c: ComponentModel): boolean {
  return !!c.seed.publishedAt;
}
function publishedProposal(p: ProposalModel): boolean {
  return !!p.seed.publishedAt;
}
/**
 * What a meetings component lists to an anonymous user, in every release: published meetings
 * (unpublished ones left the API in 0.24, PR#7893; 0.30 adds `.published` explicitly) that are
 * `visible` (public, or private and transparent). Withdrawn meetings are listed.
 */
function visibleMeeting(m: MeetingModel): boolean {
  return m.seed.published !== false && (!m.seed.privateMeeting || m.seed.transparent);
}

function componentsOf(process: ProcessModel, args: { filter?: Dict | null; order?: Dict | null }, defaultLocale: string): ComponentModel[] {
  const filter = args.filter ?? null;
  const published = publishedFilter(filter);
  const locale = (filter?.locale as string | undefined) ?? defaultLocale;
  let list = process.components.filter(publishedComponent).filter((c) => published(c.seed.publishedAt));
  if (filter?.type != null) list = list.filter((c) => c.seed.manifest === String(filter.type).toLowerCase());
  if (filter?.name != null) {
    const needle = String(filter.name).toLowerCase();
    list = list.filter((c) => (definedTranslations(c.seed.name)[locale] ?? '').toLowerCase().includes(needle));
  }
  if (filter?.withGeolocationEnabled != null) {
    const active = !!filter.withGeolocationEnabled;
    list = list.filter((c) => (c.seed.settings?.geocodingEnabled ?? null) === active || c.seed.manifest === 'meetings');
  }
  if (filter?.withCommentsEnabled != null) {
    const active = !!filter.withCommentsEnabled;
    list = list.filter((c) => (c.seed.settings?.commentsEnabled ?? null) === active);
  }
  const order = args.order ?? null;
  const keys: Array<[(c: ComponentModel) => unknown, 1 | -1]> = [];
  if (order && Object.values(order).some((v) => v != null)) {
    const orderLocale = (order.locale as string | undefined) ?? defaultLocale;
    if (order.id != null) keys.push([(c) => Number(c.seed.id), sortDirection(order.id)]);
    if (order.weight != null) keys.push([(c) => c.seed.weight, sortDirection(order.weight)]);
    if (order.type != null) keys.push([(c) => c.seed.manifest, sortDirection(order.type)]);
    if (order.name != null) keys.push([(c) => definedTranslations(c.seed.name)[orderLocale] ?? null, sortDirection(order.name)]);
  } else {
    // Decidim::Component's default scope: ORDER BY weight, manifest_name (then id).
    keys.push([(c) => c.seed.weight, 1], [(c) => c.seed.manifest, 1]);
  }
  return orderBy(list, keys, (c) => c.seed.id);
}

function processResolvers(): Record<string, Resolver> {
  const tf = (key: keyof SeedProcess): Resolver => (p: ProcessModel) => (p.seed[key] as SeedTranslated | null | undefined) ?? null;
  return {
    id: (p: ProcessModel) => p.seed.id,
    title: (p: ProcessModel) => p.seed.title,
    type: () => 'Decidim::ParticipatoryProcess',
    components: (p: ProcessModel, args, ctx: ExecContext) => componentsOf(p, args, ctx.store.seed.organization.defaultLocale),
    slug: (p: ProcessModel) => p.seed.slug,
    hashtag: (p: ProcessModel) => p.seed.hashtag ?? null,
    createdAt: (p: ProcessModel) => p.seed.createdAt,
    updatedAt: (p: ProcessModel) => p.seed.updatedAt,
    publishedAt: (p: ProcessModel) => p.seed.publishedAt,
    subtitle: tf('subtitle'),
    description: tf('description'),
    shortDescription: tf('shortDescription'),
    startDate: (p: ProcessModel) => p.seed.startDate ?? null,
    endDate: (p: ProcessModel) => p.seed.endDate ?? null,
    promoted: (p: ProcessModel) => p.seed.promoted ?? null,
    developerGroup: tf('developerGroup'),
    metaScope: tf('metaScope'),
    localArea: tf('localArea'),
    target: tf('target'),
    participatoryScope: tf('participatoryScope'),
    participatoryStructure: tf('participatoryStructure'),
    scopesEnabled: (p: ProcessModel) => p.seed.scopesEnabled ?? null,
    announcement: tf('announcement'),
    reference: (p: ProcessModel) => p.seed.reference ?? null,
    categories: (p: ProcessModel) => p.categories,
    url: (p: ProcessModel, _args, ctx: ExecContext) => publicUrl(ctx.store, p),
  };
}

function componentBase(): Record<string, Resolver> {
  return {
    id: (c: ComponentModel) => c.seed.id,
    name: (c: ComponentModel) => c.seed.name,
    weight: (c: ComponentModel) => c.seed.weight,
    participatorySpace: (c: ComponentModel) => c.process,
  };
}

function category(store: Store, id: string | null): CategoryModel | null {
  return id ? store.categories.get(id) ?? null : null;
}

/**
 * A resource's taxonomies (0.30+): its category, as `decidim:taxonomies:import_all_plans` turned
 * categories into taxonomies on upgrade (decidim-barcelona PR#672). CHOICE: the taxonomy keeps the
 * category's id (the importer creates new records with new ids; the seed has no second id to give).
 */
function taxonomies(store: Store, id: string | null): CategoryModel[] {
  const found = category(store, id);
  return found ? [found] : [];
}

function buildResolvers(): Record<string, Record<string, Resolver>> {
  return {
    Query: {
      participatoryProcesses: (_root, args: { filter?: Dict | null; order?: Dict | null }, ctx: ExecContext) => {
        const published = publishedFilter(args.filter);
        const list = ctx.store.processes.filter(visibleProcess).filter((p) => published(p.seed.publishedAt));
        const order = args.order ?? {};
        const keys: Array<[(p: ProcessModel) => unknown, 1 | -1]> = [];
        if (order.publishedAt != null) keys.push([(p) => p.seed.publishedAt, sortDirection(order.publishedAt)]);
        if (order.id != null) keys.push([(p) => Number(p.seed.id), sortDirection(order.id)]);
        if (order.startDate != null) keys.push([(p) => p.seed.startDate, sortDirection(order.startDate)]);
        return orderBy(list, keys, (p) => p.seed.id);
      },
      participatoryProcess: (_root, args: { id?: string | null; slug?: string | null }, ctx: ExecContext) => {
        if (args.id == null && args.slug == null) return null;
        return (
          ctx.store.processes.find(
            (p) => visibleProcess(p) && (args.id == null || p.seed.id === String(args.id)) && (args.slug == null || p.seed.slug === args.slug),
          ) ?? null
        );
      },
      // `Decidim::Component.published.find_by(id:)` scoped to the organization: the space itself is
      // not checked, as in Decidim.
      component: (_root, args: { id: string }, ctx: ExecContext) => {
        const c = ctx.store.components.get(String(args.id));
        return c && publishedComponent(c) ? c : null;
      },
      decidim: (_root, _args, ctx: ExecContext) => ctx.store.seed.decidim,
    },
    Decidim: {
      // Nullable and hidden by default from 0.30 (PR#13280).
      version: (d: DecidimSeed['decidim'], _args, ctx: ExecContext) => (ctx.release < 30 || d.discloseVersion ? ctx.version : null),
      applicationName: (d: DecidimSeed['decidim']) => d.applicationName,
    },
    TranslatedField: {
      locales: (f: SeedTranslated) => translationLocales(f),
      translation: (f: SeedTranslated, args: { locale: string }) => displayTranslation(f, args.locale),
      translations: (f: SeedTranslated, args: { locales?: string[] | null }) => {
        const defined = definedTranslations(f);
        const wanted = args.locales && args.locales.length ? new Set(args.locales) : null;
        return translationLocales(f)
          .filter((locale) => !wanted || wanted.has(locale))
          .map((locale) => ({ locale, text: displayTranslation(f, locale), machineTranslated: isBlank(defined[locale]) }));
      },
    },
    Coordinates: {
      latitude: (c: [number | null, number | null]) => c[0] ?? null,
      longitude: (c: [number | null, number | null]) => c[1] ?? null,
    },
    ParticipatoryProcess: processResolvers(),
    ParticipatorySpace: processResolvers(),
    Component: componentBase(),
    Proposals: {
      ...componentBase(),
      proposals: (c: ComponentModel, args: ConnectionArgs & { filter?: Dict | null; order?: Dict | null }, ctx: ExecContext) => {
        const published = publishedFilter(args.filter);
        const list = c.proposals.filter(publishedProposal).filter((p) => published(p.seed.publishedAt));
        const order = args.order ?? {};
        const keys: Array<[(p: ProposalModel) => unknown, 1 | -1]> = [];
        if (order.publishedAt != null) keys.push([(p) => p.seed.publishedAt, sortDirection(order.publishedAt)]);
        if (order.id != null) keys.push([(p) => Number(p.seed.id), sortDirection(order.id)]);
        if (order.endorsementCount != null) keys.push([(p) => p.seed.endorsementsCount, sortDirection(order.endorsementCount)]);
        // 0.31's name for the same count (endorsements became likes).
        if (order.likesCount != null) keys.push([(p) => p.seed.endorsementsCount, sortDirection(order.likesCount)]);
        // "Will be ignored if votes are hidden"
        if (order.voteCount != null && !c.seed.settings?.votesHidden) keys.push([(p) => p.seed.votesCount, sortDirection(order.voteCount)]);
        return paginate(orderBy(list, keys, (p) => p.seed.id), args, ctx.maxPerPage);
      },
      proposal: (c: ComponentModel, args: { id: string }) => c.proposals.find((p) => publishedProposal(p) && p.seed.id === String(args.id)) ?? null,
    },
    Meetings: {
      ...componentBase(),
      // 0.27: `Meeting.visible.where(component:)` without ORDER BY. CHOICE: id order (what PostgreSQL
      // returns for rows never updated; later Decidim versions order by id explicitly).
      meetings: (c: ComponentModel, args: ConnectionArgs, ctx: ExecContext) =>
        paginate(orderBy(c.meetings.filter(visibleMeeting), [], (m) => m.seed.id), args, ctx.maxPerPage),
      meeting: (c: ComponentModel, args: { id: string }) => c.meetings.find((m) => visibleMeeting(m) && m.seed.id === String(args.id)) ?? null,
    },
    Accountability: {
      ...componentBase(),
      // `Result.where(component:)`: every result, children included. CHOICE: id order, as for meetings.
      results: (c: ComponentModel, args: ConnectionArgs, ctx: ExecContext) => paginate(orderBy(c.results, [], (r) => r.seed.id), args, ctx.maxPerPage),
      result: (c: ComponentModel, args: { id: string }) => c.results.find((r) => r.seed.id === String(args.id)) ?? null,
    },
    Pages: {
      ...componentBase(),
      pages: (c: ComponentModel, args: ConnectionArgs, ctx: ExecContext) => paginate(orderBy(c.pages, [], (p) => p.seed.id), args, ctx.maxPerPage),
      page: (c: ComponentModel, args: { id: string }) => c.pages.find((p) => p.seed.id === String(args.id)) ?? null,
    },
    Taxonomy: {
      id: (c: CategoryModel) => c.seed.id,
      name: (c: CategoryModel) => c.seed.name,
      parent: (c: CategoryModel, _args, ctx: ExecContext) => category(ctx.store, c.seed.parentId),
      isRoot: () => false,
    },
    Category: {
      id: (c: CategoryModel) => c.seed.id,
      name: (c: CategoryModel) => c.seed.name,
      subcategories: (c: CategoryModel) => c.process.categories.filter((s) => s.seed.parentId === c.seed.id),
      parent: (c: CategoryModel, _args, ctx: ExecContext) => category(ctx.store, c.seed.parentId),
    },
    Proposal: {
      id: (p: ProposalModel) => p.seed.id,
      title: (p: ProposalModel) => p.seed.title ?? null,
      body: (p: ProposalModel) => p.seed.body ?? null,
      address: (p: ProposalModel) => p.seed.address ?? null,
      coordinates: (p: ProposalModel) => [p.seed.latitude ?? null, p.seed.longitude ?? null],
      reference: (p: ProposalModel) => p.seed.reference ?? null,
      // Proposal#state (0.27): nil unless the answer is published or the proposal is withdrawn.
      // From 0.29 withdrawn is a flag, not a state (the seed's withdrawn proposals were never answered).
      state: (p: ProposalModel, _args, ctx: ExecContext) => {
        if (p.seed.state === 'withdrawn') return ctx.release < 29 ? 'withdrawn' : null;
        return p.seed.statePublished ? p.seed.state ?? null : null;
      },
      withdrawn: (p: ProposalModel) => p.seed.state === 'withdrawn',
      withdrawnAt: (p: ProposalModel) => (p.seed.state === 'withdrawn' ? p.seed.withdrawnAt ?? p.seed.updatedAt ?? null : null),
      likesCount: (p: ProposalModel) => p.seed.endorsementsCount ?? 0,
      taxonomies: (p: ProposalModel, _args, ctx: ExecContext) => taxonomies(ctx.store, p.seed.categoryId),
      url: (p: ProposalModel, _args, ctx: ExecContext) => resourceUrl(ctx.store, p.component, 'proposals', p.seed.id),
      answer: (p: ProposalModel) => p.seed.answer ?? null,
      answeredAt: (p: ProposalModel) => p.seed.answeredAt ?? null,
      publishedAt: (p: ProposalModel) => p.seed.publishedAt ?? null,
      participatoryTextLevel: (p: ProposalModel) => p.seed.participatoryTextLevel ?? null,
      position: (p: ProposalModel) => p.seed.position ?? null,
      official: (p: ProposalModel) => !!p.seed.official,
      createdInMeeting: (p: ProposalModel) => !!p.seed.meetingId,
      meeting: (p: ProposalModel, _args, ctx: ExecContext) => (p.seed.meetingId ? ctx.store.meetings.get(p.seed.meetingId) ?? null : null),
      voteCount: (p: ProposalModel) => (p.component.seed.settings?.votesHidden ? null : p.seed.votesCount ?? 0),
      endorsementsCount: (p: ProposalModel) => p.seed.endorsementsCount ?? 0,
      category: (p: ProposalModel, _args, ctx: ExecContext) => category(ctx.store, p.seed.categoryId),
      createdAt: (p: ProposalModel) => p.seed.createdAt ?? null,
      updatedAt: (p: ProposalModel) => p.seed.updatedAt ?? null,
    },
    Meeting: {
      id: (m: MeetingModel) => m.seed.id,
      reference: (m: MeetingModel) => m.seed.reference,
      title: (m: MeetingModel) => m.seed.title,
      description: (m: MeetingModel) => m.seed.description ?? null,
      startTime: (m: MeetingModel) => m.seed.startTime,
      endTime: (m: MeetingModel) => m.seed.endTime,
      agenda: (m: MeetingModel, _args, ctx: ExecContext) => {
        const agenda = ctx.store.agendas.get(m);
        return agenda && agenda.seed.visible ? agenda : null;
      },
      closed: (m: MeetingModel) => !!m.seed.closedAt,
      isWithdrawn: (m: MeetingModel) => !!m.seed.withdrawn,
      withdrawn: (m: MeetingModel) => !!m.seed.withdrawn,
      withdrawnAt: (m: MeetingModel) => (m.seed.withdrawn ? m.seed.withdrawnAt ?? m.seed.updatedAt ?? null : null),
      publishedAt: (m: MeetingModel) => m.seed.publishedAt ?? m.seed.createdAt,
      taxonomies: (m: MeetingModel, _args, ctx: ExecContext) => taxonomies(ctx.store, m.seed.categoryId),
      url: (m: MeetingModel, _args, ctx: ExecContext) => resourceUrl(ctx.store, m.component, 'meetings', m.seed.id),
      closingReport: (m: MeetingModel) => (m.seed.closedAt && m.seed.closingVisible ? m.seed.closingReport ?? null : null),
      videoUrl: (m: MeetingModel) => (m.seed.closedAt && m.seed.closingVisible ? m.seed.videoUrl ?? null : null),
      audioUrl: (m: MeetingModel) => (m.seed.closedAt && m.seed.closingVisible ? m.seed.audioUrl ?? null : null),
      createdAt: (m: MeetingModel) => m.seed.createdAt ?? null,
      updatedAt: (m: MeetingModel) => m.seed.updatedAt ?? null,
      attendingOrganizations: (m: MeetingModel) => m.seed.attendingOrganizations ?? null,
      attendeeCount: (m: MeetingModel) => m.seed.attendeesCount ?? null,
      contributionCount: (m: MeetingModel) => m.seed.contributionsCount ?? null,
      privateMeeting: (m: MeetingModel) => !!m.seed.privateMeeting,
      transparent: (m: MeetingModel) => !!m.seed.transparent,
      registrationsEnabled: (m: MeetingModel) => !!m.seed.registrationsEnabled,
      registrationTerms: (m: MeetingModel) => m.seed.registrationTerms ?? null,
      remainingSlots: (m: MeetingModel) => m.seed.remainingSlots ?? null,
      registrationFormEnabled: (m: MeetingModel) => !!m.seed.registrationFormEnabled,
      location: (m: MeetingModel) => m.seed.location ?? null,
      locationHints: (m: MeetingModel) => m.seed.locationHints ?? null,
      address: (m: MeetingModel) => m.seed.address ?? null,
      coordinates: (m: MeetingModel) => [m.seed.latitude ?? null, m.seed.longitude ?? null],
      typeOfMeeting: (m: MeetingModel) => m.seed.typeOfMeeting,
      onlineMeetingUrl: (m: MeetingModel) => m.seed.onlineMeetingUrl ?? null,
      iframeEmbedType: (m: MeetingModel) => m.seed.iframeEmbedType ?? null,
      category: (m: MeetingModel, _args, ctx: ExecContext) => category(ctx.store, m.seed.categoryId),
    },
    MeetingAgenda: {
      id: (a: AgendaModel) => a.seed.id,
      title: (a: AgendaModel) => a.seed.title ?? null,
      items: (a: AgendaModel) => a.items,
      createdAt: (a: AgendaModel) => a.seed.createdAt ?? null,
      updatedAt: (a: AgendaModel) => a.seed.updatedAt ?? null,
    },
    MeetingAgendaItem: {
      id: (i: AgendaItemModel) => i.seed.id,
      title: (i: AgendaItemModel) => i.seed.title ?? null,
      description: (i: AgendaItemModel) => i.seed.description ?? null,
      items: (i: AgendaItemModel) => i.agenda.items.filter((c) => c.seed.parentId === i.seed.id).sort((x, y) => x.seed.position - y.seed.position),
      parent: (i: AgendaItemModel) => (i.seed.parentId ? i.agenda.items.find((c) => c.seed.id === i.seed.parentId) ?? null : null),
      agenda: (i: AgendaItemModel) => i.agenda,
      duration: (i: AgendaItemModel) => i.seed.duration,
      position: (i: AgendaItemModel) => i.seed.position,
      createdAt: (i: AgendaItemModel) => i.agenda.seed.createdAt ?? null,
      updatedAt: (i: AgendaItemModel) => i.agenda.seed.updatedAt ?? null,
    },
    Result: {
      id: (r: ResultModel) => r.seed.id,
      // ComponentInterface#name on a Decidim::Accountability::Result: NoMethodError in Decidim.
      name: () => {
        throw new InternalServerError("undefined method `name' for Decidim::Accountability::Result");
      },
      weight: (r: ResultModel) => r.seed.weight,
      participatorySpace: (r: ResultModel) => r.component.process,
      title: (r: ResultModel) => r.seed.title ?? null,
      description: (r: ResultModel) => r.seed.description ?? null,
      reference: (r: ResultModel) => r.seed.reference ?? null,
      startDate: (r: ResultModel) => r.seed.startDate ?? null,
      endDate: (r: ResultModel) => r.seed.endDate ?? null,
      progress: (r: ResultModel) => r.seed.progress ?? null,
      createdAt: (r: ResultModel) => r.seed.createdAt ?? null,
      updatedAt: (r: ResultModel) => r.seed.updatedAt ?? null,
      childrenCount: (r: ResultModel) => r.component.results.filter((c) => c.seed.parentId === r.seed.id).length,
      externalId: (r: ResultModel) => r.seed.externalId ?? null,
      children: (r: ResultModel) => r.component.results.filter((c) => c.seed.parentId === r.seed.id),
      parent: (r: ResultModel, _args, ctx: ExecContext) => (r.seed.parentId ? ctx.store.results.get(r.seed.parentId) ?? null : null),
      status: (r: ResultModel, _args, ctx: ExecContext) => (r.seed.statusId ? ctx.store.statuses.get(r.seed.statusId) ?? null : null),
      category: (r: ResultModel, _args, ctx: ExecContext) => category(ctx.store, r.seed.categoryId),
      taxonomies: (r: ResultModel, _args, ctx: ExecContext) => taxonomies(ctx.store, r.seed.categoryId),
      url: (r: ResultModel, _args, ctx: ExecContext) => resourceUrl(ctx.store, r.component, 'results', r.seed.id),
    },
    Status: {
      id: (s: StatusModel) => s.seed.id,
      key: (s: StatusModel) => s.seed.key ?? null,
      name: (s: StatusModel) => s.seed.name ?? null,
      createdAt: (s: StatusModel) => (s.seed.createdAt ?? '').slice(0, 10) || null,
      updatedAt: (s: StatusModel) => (s.seed.updatedAt ?? '').slice(0, 10) || null,
      description: (s: StatusModel) => s.seed.description ?? null,
      progress: (s: StatusModel) => s.seed.progress ?? null,
      results: (s: StatusModel) => s.component.results.filter((r) => r.seed.statusId === s.seed.id),
    },
    Page: {
      id: (p: PageModel) => p.seed.id,
      title: (p: PageModel) => p.component.seed.name,
      body: (p: PageModel) => p.seed.body ?? null,
      createdAt: (p: PageModel) => p.seed.createdAt ?? null,
      updatedAt: (p: PageModel) => p.seed.updatedAt ?? null,
    },
  };
}

type Model = ProcessModel | ComponentModel | ProposalModel | MeetingModel | ResultModel | PageModel;

function resolveTypeName(value: Model): string | undefined {
  switch (value.kind) {
    case 'component':
      return MANIFEST_TYPES[value.seed.manifest] ?? 'Component';
    case 'process':
      return 'ParticipatoryProcess';
    case 'proposal':
      return 'Proposal';
    case 'meeting':
      return 'Meeting';
    case 'result':
      return 'Result';
    case 'page':
      return 'Page';
    default:
      return undefined;
  }
}

function buildExecutableSchema(release: DecidimRelease, missing: string[]): GraphQLSchema {
  const schema = buildDecidimSchema(release, missing);
  const resolvers = buildResolvers();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInterfaceType(type)) {
      (type as GraphQLInterfaceType).resolveType = (value: unknown) => resolveTypeName(value as Model);
    } else if (isObjectType(type)) {
      const own = resolvers[type.name];
      if (!own) continue;
      for (const [name, field] of Object.entries((type as GraphQLObjectType).getFields())) {
        if (own[name]) field.resolve = own[name];
      }
    }
  }
  return schema;
}

// ---------------------------------------------------------------------------------------------
// graphql-ruby 1.12 query analysis: depth and complexity
// ---------------------------------------------------------------------------------------------

interface Scoped {
  field: GraphQLField<unknown, unknown>;
  nodes: FieldNode[];
  /** null for a leaf ("terminal") selection. */
  children: Map<GraphQLCompositeType, Map<string, Scoped>> | null;
}

export interface DecidimQueryAnalysis {
  depth: number;
  complexity: number;
}

/**
 * Depth and complexity of one operation as graphql-ruby 1.12's AST analyzers compute them
 * (GraphQL::Analysis::AST::QueryDepth and QueryComplexity; complexity 1 per field,
 * `Field#calculate_complexity` for connections). Assumes a valid document.
 */
export function analyzeDecidimQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  opts: { operationName?: string | null; variables?: Record<string, unknown> | null; maxPerPage?: number } = {},
): DecidimQueryAnalysis {
  const operation = selectOperation(document, opts.operationName ?? null);
  if (!operation) return { depth: 0, complexity: 0 };
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  let variables: Record<string, unknown> = {};
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], opts.variables ?? {});
  if (coerced.coerced) variables = coerced.coerced;
  const maxPerPage = opts.maxPerPage ?? DECIDIM_MAX_PER_PAGE;
  const rootType =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!rootType) return { depth: 0, complexity: 0 };

  const skipped = (node: { directives?: readonly import('graphql').DirectiveNode[] }): boolean => {
    const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
    if (skip?.if === true) return true;
    const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
    return include?.if === false;
  };
  const possibleTypes = (t: GraphQLCompositeType): readonly GraphQLObjectType[] => (isAbstractType(t) ? schema.getPossibleTypes(t) : [t as GraphQLObjectType]);
  const fieldDefOf = (parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === '__typename') return TypeNameMetaFieldDef;
    if (name === '__schema' && parent === schema.getQueryType()) return SchemaMetaFieldDef;
    if (name === '__type' && parent === schema.getQueryType()) return TypeMetaFieldDef;
    if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
    return undefined;
  };

  // --- depth (QueryDepth: __typename/__schema/__type and everything under them do not count)
  const depthOf = (set: SelectionSetNode, parent: GraphQLCompositeType, seen: Set<string>): number => {
    let max = 0;
    for (const sel of set.selections) {
      if (skipped(sel)) continue;
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (name === '__typename' || name === '__schema' || name === '__type') continue;
        const def = fieldDefOf(parent, name);
        if (!def) continue;
        const named = getNamedType(def.type);
        const below = sel.selectionSet && isCompositeType(named) ? depthOf(sel.selectionSet, named, seen) : 0;
        max = Math.max(max, 1 + below);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType) : parent;
        max = Math.max(max, depthOf(sel.selectionSet, t, seen));
      } else {
        const frag = fragments[sel.name.value];
        if (!frag || seen.has(frag.name.value)) continue;
        const t = schema.getType(frag.typeCondition.name.value) as GraphQLCompositeType;
        max = Math.max(max, depthOf(frag.selectionSet, t, new Set([...seen, frag.name.value])));
      }
    }
    return max;
  };

  // --- complexity (QueryComplexity)
  const root: Scoped = { field: TypeNameMetaFieldDef, nodes: [], children: new Map() };
  const collect = (set: SelectionSetNode, parent: GraphQLCompositeType, target: Scoped, seen: Set<string>): void => {
    for (const sel of set.selections) {
      if (skipped(sel)) continue;
      if (sel.kind === Kind.FIELD) {
        const def = fieldDefOf(parent, sel.name.value);
        if (!def) continue;
        const key = sel.alias?.value ?? sel.name.value;
        if (!target.children) target.children = new Map();
        let byKey = target.children.get(parent);
        if (!byKey) target.children.set(parent, (byKey = new Map()));
        let entry = byKey.get(key);
        if (!entry) byKey.set(key, (entry = { field: def, nodes: [], children: null }));
        entry.nodes.push(sel);
        const named = getNamedType(def.type);
        if (sel.selectionSet && isCompositeType(named)) {
          if (!entry.children) entry.children = new Map();
          collect(sel.selectionSet, named, entry, seen);
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType) : parent;
        collect(sel.selectionSet, t, target, seen);
      } else {
        const frag = fragments[sel.name.value];
        if (!frag || seen.has(frag.name.value)) continue;
        collect(frag.selectionSet, schema.getType(frag.typeCondition.name.value) as GraphQLCompositeType, target, new Set([...seen, frag.name.value]));
      }
    }
  };

  /** Field names selected (through fragments) under the given field nodes, on `type`. */
  const selectedNames = (nodes: FieldNode[]): Map<string, FieldNode[]> => {
    const out = new Map<string, FieldNode[]>();
    const walk = (set: SelectionSetNode, seen: Set<string>): void => {
      for (const sel of set.selections) {
        if (skipped(sel)) continue;
        if (sel.kind === Kind.FIELD) {
          const list = out.get(sel.name.value) ?? [];
          list.push(sel);
          out.set(sel.name.value, list);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          walk(sel.selectionSet, seen);
        } else {
          const frag = fragments[sel.name.value];
          if (frag && !seen.has(frag.name.value)) walk(frag.selectionSet, new Set([...seen, frag.name.value]));
        }
      }
    };
    for (const n of nodes) if (n.selectionSet) walk(n.selectionSet, new Set());
    return out;
  };

  const ownComplexity = (entry: Scoped, child: number): number => {
    const named = getNamedType(entry.field.type);
    if (!named.name.endsWith('Connection') || !isCompositeType(named)) return 1 + child;
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(entry.field as GraphQLField<unknown, unknown>, entry.nodes[0], variables);
    } catch {
      args = {};
    }
    let page: number | null = typeof args.first === 'number' ? args.first : null;
    if (typeof args.last === 'number' && (page === null || args.last > page)) page = args.last;
    if (page === null) page = maxPerPage;
    const selected = selectedNames(entry.nodes);
    let metadata = 0;
    const pageInfo = selected.get('pageInfo');
    if (pageInfo) metadata += 1 + selectedNames(pageInfo).size;
    if (selected.has('total') || selected.has('totalCount') || selected.has('count')) metadata += 1;
    const nodesEdges = (selected.has('edges') ? 1 : 0) + (selected.has('nodes') ? 1 : 0);
    const items = child - metadata - nodesEdges;
    return 1 + page * items + metadata + nodesEdges;
  };

  const appliesTo = (left: GraphQLCompositeType, right: GraphQLCompositeType): boolean => {
    if (left === right) return true;
    const rightTypes = new Set(possibleTypes(right));
    return possibleTypes(left).some((t) => rightTypes.has(t));
  };

  const mergedMaxForScopes = (hashes: Array<Map<GraphQLCompositeType, Map<string, Scoped>>>): number => {
    const all = new Map<GraphQLCompositeType, true>();
    for (const h of hashes) for (const k of h.keys()) all.set(k, true);
    for (const scope of [...all.keys()]) {
      if (!isAbstractType(scope)) continue;
      for (const t of possibleTypes(scope)) if (!all.has(t)) all.set(t, true);
      all.delete(scope);
    }
    let max = 0;
    for (const scope of all.keys()) {
      const childrenForScope: Array<Map<string, Scoped>> = [];
      for (const h of hashes) for (const [inner, children] of h) if (appliesTo(scope, inner)) childrenForScope.push(children);
      max = Math.max(max, mergedMax(childrenForScope));
    }
    return max;
  };

  const mergedMax = (childrenForScope: Array<Map<string, Scoped>>): number => {
    const keys: string[] = [];
    for (const c of childrenForScope) for (const k of c.keys()) if (!keys.includes(k)) keys.push(k);
    const byKey = new Map<string, number>();
    for (const key of keys) {
      const scopedChildren: Array<Map<GraphQLCompositeType, Map<string, Scoped>>> = [];
      let last: Scoped | undefined;
      for (const c of childrenForScope) {
        const entry = c.get(key);
        if (!entry) continue;
        last = entry;
        if (!entry.children) byKey.set(key, ownComplexity(entry, 0));
        else scopedChildren.push(entry.children);
      }
      if (scopedChildren.length && last) byKey.set(key, ownComplexity(last, mergedMaxForScopes(scopedChildren)));
    }
    let sum = 0;
    for (const v of byKey.values()) sum += v;
    return sum;
  };

  collect(operation.selectionSet, rootType, root, new Set());
  const complexity = root.children && root.children.size ? mergedMaxForScopes([root.children]) : 0;
  const depth = depthOf(operation.selectionSet, rootType, new Set());
  return { depth, complexity };
}

function selectOperation(document: DocumentNode, operationName: string | null): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return ops.find((o) => o.name?.value === operationName);
  return ops.length === 1 ? ops[0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Error formatting (graphql-ruby 1.12 shapes where they differ from graphql-js)
// ---------------------------------------------------------------------------------------------

type JsonError = { message: string; locations?: Array<{ line: number; column: number }>; path?: Array<string | number>; extensions?: Record<string, unknown> };

function formatValidationError(err: GraphQLError): JsonError {
  const undefinedField = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(err.message);
  const locations = err.locations?.map((l) => ({ line: l.line, column: l.column }));
  if (undefinedField) {
    const [, fieldName, typeName] = undefinedField;
    return { message: `Field '${fieldName}' doesn't exist on type '${typeName}'`, locations, extensions: { code: 'undefinedField', typeName, fieldName } };
  }
  return { message: err.message, ...(locations ? { locations } : {}) };
}

function formatExecutionError(err: GraphQLError): JsonError {
  const invalidNull = /^Cannot return null for non-nullable field (\S+)\.$/.exec(err.message);
  if (invalidNull) return { message: `Cannot return null for non-nullable field ${invalidNull[1]}` };
  const out: JsonError = { message: err.message };
  if (err.locations) out.locations = err.locations.map((l) => ({ line: l.line, column: l.column }));
  if (err.path) out.path = [...err.path];
  if (err.extensions && Object.keys(err.extensions).length) out.extensions = { ...err.extensions };
  return out;
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

export interface DecidimReplica {
  /** Handles POST {query, variables, operationName} as Decidim does; anything else → 404/405 JSON. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** GraphQL POSTs received (including throttled ones). */
  requestCount: number;
  /** Requests answered 429. */
  throttledCount: number;
  /**
   * Changes the data while the replica runs (a test adds, edits or removes records): `edit` gets the
   * seed (at scale N, with its copies) and may change it in place; later requests answer the result.
   */
  change(edit: (seed: DecidimSeed) => void): void;
  /**
   * From now on serves the schema without these `Type.field`s: an instance whose API lacks fields
   * its version should have (a fork, a module override, a version the client misjudged).
   */
  serveWithout(fields: string[]): void;
}

export interface DecidimReplicaOptions {
  seedFile: string;
  /** Rack::Attack limit per remote address per 60 s (Decidim default 100). */
  rateLimitPerMinute?: number;
  /** `default_max_page_size` (Decidim 0.27: 50). Lower it to exercise paging with the seed. */
  maxPerPage?: number;
  /** graphql-ruby max_depth (Decidim 0.27: 15). */
  maxDepth?: number;
  /** graphql-ruby max_complexity (Decidim 0.27: 5000). */
  maxComplexity?: number;
  /** Clock in ms (tests). */
  now?: () => number;
  /** Serve copies 1..scale-1 of every process besides the seed's own (decidim-copies.ts); default 1. */
  scale?: number;
  /** The Decidim version whose schema and behaviour to serve; default the seed's `decidim.version`. */
  version?: string;
}

const RAILS_500_PAGE =
  '<!DOCTYPE html>\n<html>\n<head>\n  <title>We\'re sorry, but something went wrong (500)</title>\n</head>\n<body>\n' +
  '  <div class="dialog">\n    <h1>We\'re sorry, but something went wrong.</h1>\n  </div>\n</body>\n</html>\n';

/** What Decidim answers for an exception inside the API: 0.27 re-raises (Rails' HTML page), 0.28+ rescues into JSON. */
function serverError(release: DecidimRelease): { status: number; json?: unknown; html?: string } {
  return release < 28 ? { status: 500, html: RAILS_500_PAGE } : { status: 500, json: { errors: [{ message: 'Internal Server error' }], data: {} } };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function apiPath(url: string | undefined): boolean {
  const p = (url ?? '/').split('?')[0];
  return p === '/api' || p === '/api/';
}

export function createDecidimReplica(opts: DecidimReplicaOptions): DecidimReplica {
  const seed = scaleDecidimSeed(loadDecidimSeed(opts.seedFile), replicaScale(opts.scale ?? 1, 'The Decidim replica option scale'));
  let store = buildStore(seed);
  const version = opts.version ?? seed.decidim.version;
  const release = servedRelease(version);
  let schema = buildExecutableSchema(release, []);
  const limit = opts.rateLimitPerMinute ?? DECIDIM_RATE_LIMIT_PER_MINUTE;
  const maxPerPage = opts.maxPerPage ?? DECIDIM_MAX_PER_PAGE;
  const maxDepth = opts.maxDepth ?? DECIDIM_MAX_DEPTH;
  const maxComplexity = opts.maxComplexity ?? DECIDIM_MAX_COMPLEXITY;
  const now = opts.now ?? (() => Date.now());
  const hits = new Map<string, number[]>();

  /** Records the request; returns seconds to wait when it is over the limit, else 0. */
  const throttle = (ip: string): number => {
    const t = now();
    const list = (hits.get(ip) ?? []).filter((ts) => ts > t - WINDOW_MS);
    list.push(t);
    hits.set(ip, list);
    if (list.length <= limit) return 0;
    // The next request passes once only limit-1 of these remain in the window.
    const oldestToExpire = list[list.length - limit];
    return Math.max(1, Math.ceil((oldestToExpire + WINDOW_MS - t) / 1000));
  };

  const runGraphQL = (body: Dict): { status: number; json?: unknown; html?: string } => {
    const query = body.query;
    if (query === undefined || query === null || (typeof query === 'string' && query.trim() === '')) {
      return { status: 200, json: { errors: [{ message: 'No query string was present' }] } };
    }
    if (typeof query !== 'string') return { status: 200, json: { errors: [{ message: 'No query string was present' }] } };
    let variables: Record<string, unknown> = {};
    const rawVariables = body.variables;
    if (typeof rawVariables === 'string') {
      if (rawVariables.trim() !== '') {
        try {
          variables = (JSON.parse(rawVariables) as Record<string, unknown>) ?? {};
        } catch {
          // JSON::ParserError inside the controller: not rescued in 0.27 production, JSON from 0.28.
          return serverError(release);
        }
      }
    } else if (rawVariables && typeof rawVariables === 'object' && !Array.isArray(rawVariables)) {
      variables = rawVariables as Record<string, unknown>;
    }
    const operationName = typeof body.operationName === 'string' && body.operationName !== '' ? body.operationName : null;

    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (err) {
      const e = err as GraphQLError;
      return { status: 200, json: { errors: [{ message: e.message, ...(e.locations ? { locations: e.locations } : {}) }] } };
    }
    const validationErrors = validate(schema, document);
    if (validationErrors.length) return { status: 200, json: { errors: validationErrors.map(formatValidationError) } };

    const analysis = analyzeDecidimQuery(schema, document, { operationName, variables, maxPerPage });
    const analysisErrors: JsonError[] = [];
    if (analysis.depth > maxDepth) analysisErrors.push({ message: `Query has depth of ${analysis.depth}, which exceeds max depth of ${maxDepth}` });
    if (analysis.complexity > maxComplexity) {
      analysisErrors.push({ message: `Query has complexity of ${analysis.complexity}, which exceeds max complexity of ${maxComplexity}` });
    }
    if (analysisErrors.length) return { status: 200, json: { errors: analysisErrors } };

    const context: ExecContext = { store, maxPerPage, release, version };
    const result = execute({ schema, document, variableValues: variables, operationName, contextValue: context });
    if (result instanceof Promise) throw new Error('resolvers are synchronous');
    const errors = result.errors ?? [];
    if (errors.some((e) => e.originalError instanceof InternalServerError)) return serverError(release);
    const json: Dict = {};
    if ('data' in result) json.data = result.data ?? null;
    if (errors.length) json.errors = errors.map(formatExecutionError);
    return { status: 200, json };
  };

  const send = (res: ServerResponse, out: { status: number; json?: unknown; html?: string }) => {
    if (out.html === undefined) return sendJson(res, out.status, out.json);
    res.writeHead(out.status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(out.html) });
    res.end(out.html);
  };

  const replica: DecidimReplica = {
    requestCount: 0,
    throttledCount: 0,
    change(edit) {
      edit(seed);
      store = buildStore(seed);
    },
    serveWithout(fields) {
      schema = buildExecutableSchema(release, fields);
    },
    handle(req: IncomingMessage, res: ServerResponse): void {
      try {
        const isApi = apiPath(req.url);
        if (isApi && req.method === 'POST') replica.requestCount += 1;
        const wait = throttle(req.socket?.remoteAddress ?? 'unknown');
        if (wait > 0) {
          replica.throttledCount += 1;
          req.resume();
          const text = 'Retry later\n';
          res.writeHead(429, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text), 'Retry-After': String(wait) });
          res.end(text);
          return;
        }
        if (!isApi) {
          req.resume();
          sendJson(res, 404, { errors: [{ message: 'Not Found' }] });
          return;
        }
        if (req.method !== 'POST') {
          req.resume();
          sendJson(res, 405, { errors: [{ message: 'Method Not Allowed: POST /api with a JSON body {"query": "…"}' }] }, { Allow: 'POST' });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let aborted = false;
        req.on('data', (chunk: Buffer) => {
          if (aborted) return;
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            aborted = true;
            sendJson(res, 413, { errors: [{ message: 'Payload Too Large' }] });
            return;
          }
          chunks.push(chunk);
        });
        req.on('error', () => {
          aborted = true;
          if (!res.headersSent) sendJson(res, 400, { errors: [{ message: 'Bad Request' }] });
        });
        req.on('end', () => {
          if (aborted) return;
          try {
            const raw = Buffer.concat(chunks).toString('utf8');
            let body: Dict;
            const type = String(req.headers['content-type'] ?? '');
            if (type.includes('application/x-www-form-urlencoded')) {
              body = Object.fromEntries(new URLSearchParams(raw));
            } else {
              try {
                const parsed: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
                if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
                body = parsed as Dict;
              } catch {
                // ActionDispatch::Http::Parameters::ParseError → 400 Bad Request.
                sendJson(res, 400, { errors: [{ message: 'Bad Request: the body is not valid JSON' }] });
                return;
              }
            }
            send(res, runGraphQL(body));
          } catch {
            if (!res.headersSent) send(res, serverError(release));
          }
        });
      } catch {
        if (!res.headersSent) send(res, serverError(release));
      }
    },
  };
  return replica;
}
