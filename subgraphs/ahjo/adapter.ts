/**
 * The Ahjo adapter: a city that publishes its decisions through the Ahjo REST API (ahjorest/v1),
 * the decision-making interface Helsinki opened for other cities. What differs between two cities on
 * Ahjo is in the settings below; Ahjo's own vocabulary (Finnish type and status names, the phrasings
 * of its minutes) is the adapter's.
 */
import { z } from 'zod';
import { defineAdapter } from '../shared/adapter';

/** The contract's body types (BodyType), which an Ahjo TypeId may map to. */
const bodyType = z.enum(['COUNCIL', 'BOARD', 'COMMITTEE', 'SUBCOMMITTEE', 'OFFICER', 'TRUSTEE', 'ORGANIZATION', 'OTHER']);
const template = z.url({ protocol: /^https?$/ }).refine((t) => t.includes('{id}'), 'expected a URL template with {id}');

export const ahjoSettings = z.strictObject({
  /** Base URL of the city's Ahjo REST API. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** The page of a case on the city's decisions web site, `{id}` for its CaseID (also a decision's page); absent when it has none. */
  caseUrl: template.optional(),
  /** The page of a decision maker on the city's decisions web site, `{id}` for its organisation ID; absent when it has none. */
  bodyUrl: template.optional(),
  /** Name of the classification scheme the city's Ahjo `ClassificationCode`s belong to (served as Category.scheme). */
  categoryScheme: z.string().min(1).default('Ahjo classification (ClassificationCode)'),
  /**
   * Body type by Ahjo organisation `TypeId`, for organisation summaries (levels above and below),
   * which carry only the TypeId: the ids are the installation's own code list. Unlisted ids → ORGANIZATION.
   */
  bodyTypeIds: z.record(z.string(), bodyType).default({}),
  /** Real ids of the city's own, named as examples in the errors for malformed ids. */
  examples: z.strictObject({
    /** A decision's NativeId (a GUID in braces). */
    decision: z.string().min(1),
    /** A MeetingID. */
    meeting: z.string().min(1),
    /** A CaseID (`ABC-2021-012345`). */
    case: z.string().min(1),
    /** An organisation ID. */
    body: z.string().min(1),
  }),
});

export type AhjoSettings = z.infer<typeof ahjoSettings>;

export const ahjoAdapter = defineAdapter({
  name: 'ahjo',
  description: 'Ahjo REST API (ahjorest/v1), the decision-making interface Helsinki opened for other cities',
  typePrefix: 'Ahjo',
  rootField: 'ahjo',
  schemaFile: 'subgraphs/ahjo/schema.graphql',
  entry: 'subgraphs/ahjo/index.ts',
  builder: 'subgraphs/ahjo/server.ts',
  replicaEntry: 'subgraphs/ahjo/replica/index.ts',
  settings: ahjoSettings,
  upstreams: (s) => [{ name: 'ahjo', description: 'Ahjo REST API (ahjorest/v1)', liveBaseUrl: s.baseUrl, token: true, replicaPath: '/ahjorest/v1' }],
});
