/**
 * What the replica changes per Decidim release, on top of the 0.27 schema it was written from
 * (decidim-schema.graphql). One table, applied in order up to the release served: each entry says
 * which fields and interfaces disappear and which SDL is added, and where that comes from
 * (docs/decidim-versions.md: decidim/decidim's API type files per version, and the PRs that changed them).
 *
 * The resolvers are shared by every release (replica/decidim.ts): a field a release does not have
 * is simply not in its schema, so its resolver is never called.
 */
import { buildASTSchema, concatAST, Kind, parse, visit, type DocumentNode, type GraphQLSchema, type NamedTypeNode } from 'graphql';
import { decidimRelease, releaseName, type DecidimRelease } from '../decidim-release';

/** The oldest release the replica serves (its base schema) and the newest it knows. */
export const OLDEST_RELEASE: DecidimRelease = 27;
export const NEWEST_RELEASE: DecidimRelease = 31;

interface SchemaChange {
  since: DecidimRelease;
  why: string;
  /** `Type.field` (objects, interfaces and inputs). */
  removeFields?: string[];
  /** `Type:Interface`: the type stops implementing it. */
  removeInterfaces?: string[];
  /** Types and `extend` definitions added. */
  sdl?: string;
}

export const SCHEMA_CHANGES: SchemaChange[] = [
  {
    since: 29,
    why: 'Withdrawn is no longer a proposal state but a flag with its date (PR#12289, custom proposal states PR#12052; both after 0.28.0).',
    sdl: `extend type Proposal {
  "Whether this proposal has been withdrawn"
  withdrawn: Boolean
  "The date and time this proposal was withdrawn"
  withdrawnAt: DateTime
}`,
  },
  {
    since: 30,
    why:
      'Taxonomies replace categories on resources (PR#13112/#13296/#13669); Decidim.version is nullable and hidden unless ' +
      'DECIDIM_API_DISCLOSE_SYSTEM_VERSION (PR#13280); meetings gain withdrawn/withdrawnAt (isWithdrawn stays); Result is no longer a ComponentInterface.',
    removeFields: ['Proposal.category', 'Meeting.category', 'Result.category', 'Decidim.version', 'Result.name', 'Result.participatorySpace'],
    removeInterfaces: ['Proposal:CategorizableInterface', 'Meeting:CategorizableInterface', 'Result:CategorizableInterface', 'Result:ComponentInterface'],
    sdl: `"A taxonomy (what categories, scopes and areas became)"
type Taxonomy {
  id: ID!
  "The name of this taxonomy."
  name: TranslatedField!
  "The parent taxonomy of this taxonomy."
  parent: Taxonomy
  "Whether this taxonomy is a root taxonomy."
  isRoot: Boolean!
}
extend type Decidim {
  "The current decidim's version of this deployment (null unless the server discloses it)."
  version: String
}
extend type Proposal {
  taxonomies: [Taxonomy!]
}
extend type Meeting {
  taxonomies: [Taxonomy!]
  "Whether this meeting has been withdrawn"
  withdrawn: Boolean
  "The date and time this meeting was withdrawn"
  withdrawnAt: DateTime
}
extend type Result {
  taxonomies: [Taxonomy!]
}`,
  },
  {
    since: 31,
    why: 'Endorsements renamed likes (PR#14666); resources and processes carry their public url (PR#14639, #14644, #14326); meetings their publishedAt.',
    removeFields: ['Proposal.endorsementsCount', 'ProposalSort.endorsementCount'],
    sdl: `extend type Proposal {
  "The total amount of likes the object has received"
  likesCount: Int
  "The URL for this proposal"
  url: String!
}
extend type Meeting {
  "The URL for this meeting"
  url: String!
  "The date and time this meeting was published"
  publishedAt: DateTime!
}
extend type Result {
  "The URL for this result"
  url: String!
}
extend type ParticipatoryProcess {
  "The URL for this participatory process"
  url: String
}
extend input ProposalSort {
  "Sort by number of likes, valid values are ASC or DESC"
  likesCount: String
}`,
  },
];

/** The release a version string names, within what the replica knows (older → 0.27, newer → the newest). */
export function servedRelease(version: string): DecidimRelease {
  const release = decidimRelease(version);
  if (release === null) throw new Error(`The Decidim replica cannot serve version "${version}": expected "major.minor[.patch]", e.g. "0.31.1".`);
  return Math.min(Math.max(release, OLDEST_RELEASE), NEWEST_RELEASE);
}

/** Drops fields and implemented interfaces from a document (the base SDL, before the additions). */
function without(doc: DocumentNode, fields: Set<string>, interfaces: Set<string>): DocumentNode {
  const keepInterface = (type: string) => (i: NamedTypeNode) => !interfaces.has(`${type}:${i.name.value}`);
  const trim = <T extends { name: { value: string }; fields?: readonly { name: { value: string } }[]; interfaces?: readonly NamedTypeNode[] }>(node: T): T =>
    ({
      ...node,
      fields: node.fields?.filter((f) => !fields.has(`${node.name.value}.${f.name.value}`)),
      ...(node.interfaces ? { interfaces: node.interfaces.filter(keepInterface(node.name.value)) } : {}),
    }) as T;
  return visit(doc, {
    ObjectTypeDefinition: trim,
    ObjectTypeExtension: trim,
    InterfaceTypeDefinition: trim,
    InterfaceTypeExtension: trim,
    InputObjectTypeDefinition: trim,
    InputObjectTypeExtension: trim,
  });
}

/** `Type:Interface` for each interface the type implements that declares the field `Type.field` names. */
function interfacesRequiring(doc: DocumentNode, typeField: string): string[] {
  const [type, field] = typeField.split('.');
  const declaring = new Set(
    doc.definitions.flatMap((d) => (d.kind === Kind.INTERFACE_TYPE_DEFINITION && d.fields?.some((f) => f.name.value === field) ? [d.name.value] : [])),
  );
  return doc.definitions.flatMap((d) =>
    (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === type
      ? (d.interfaces ?? []).filter((i) => declaring.has(i.name.value)).map((i) => `${type}:${i.name.value}`)
      : [],
  );
}

/**
 * The schema of a release: the 0.27 SDL with every change up to it applied, minus `missing`
 * (`Type.field`s this instance lacks besides, e.g. a fork's or a misjudged version's).
 */
export function schemaForRelease(baseSdl: string, release: DecidimRelease, missing: string[] = []): GraphQLSchema {
  const changes = SCHEMA_CHANGES.filter((c) => c.since <= release);
  const fields = new Set(changes.flatMap((c) => c.removeFields ?? []));
  const interfaces = new Set(changes.flatMap((c) => c.removeInterfaces ?? []));
  const base = without(parse(baseSdl), fields, interfaces);
  const added = changes.flatMap((c) => (c.sdl ? [parse(c.sdl)] : []));
  // The missing fields go last, so that a field a change added can be taken away too; a type
  // lacking a field its interface requires no longer implements that interface.
  const merged = concatAST([base, ...added]);
  const whole = without(merged, new Set(missing), new Set(missing.flatMap((f) => interfacesRequiring(merged, f))));
  try {
    return buildASTSchema(whole);
  } catch (err) {
    throw new Error(`The Decidim replica's ${releaseName(release)} schema does not build: ${(err as Error).message}`);
  }
}
