/**
 * The SDL of the gateway's own subgraph `graph`, per composition. Its cross-city fields return the
 * cities' records (a Decision, a City …), so the subgraph must know the cities' types: for every city
 * type with a key that implements a contract interface it holds a stub, `type HelsinkiDecision
 * implements Decision & Node @key(fields: "id", resolvable: false) { id: ID! }`. The gateway answers
 * with references (`__typename`, `id`); the query planner fetches every other field from the city
 * (`_entities`). The stubs therefore follow the cities in the composition, and so does this SDL.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  Kind,
  isInterfaceType,
  isObjectType,
  parse,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
  type InterfaceTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeDefinitionNode,
} from 'graphql';
import { CONTRACT_FILE, ROOT_DIR } from '../../schema/cities';

export const GRAPH_SDL_FILE = path.join(ROOT_DIR, 'schema', 'graph.graphql');

/** The contract interfaces whose records the gateway returns as references to the city's own type. */
export const REFERENCED_INTERFACES = ['Decision', 'Meeting', 'Body', 'Case', 'City'] as const;
export type ReferencedInterface = (typeof REFERENCED_INTERFACES)[number];
/** Those that `node(id:)` finds (their ids are `{city}:{kind}:{sourceId}`); a city's id is not such an id. */
export const NODE_INTERFACES: ReadonlySet<string> = new Set(['Decision', 'Meeting', 'Body', 'Case']);

/** A city's type the graph subgraph refers to: its name, the contract interface it implements, and its descriptions (copied, so composition sees one). */
export interface CityTypeRef {
  type: string;
  interface: ReferencedInterface;
  description?: string;
  idDescription?: string;
}

const isReferenced = (name: string): name is ReferencedInterface => (REFERENCED_INTERFACES as readonly string[]).includes(name);

/**
 * The types of the cities' SDLs the graph subgraph can refer to: object types with `@key(fields:
 * "id")` (resolvable, as a city declares it) implementing one of REFERENCED_INTERFACES.
 */
export function cityTypeRefs(docs: Iterable<DocumentNode>): CityTypeRef[] {
  const out = new Map<string, CityTypeRef>();
  for (const doc of docs) {
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      const keyedById = def.directives?.some((d) => (d.name.value === 'key' || d.name.value === 'federation__key')
        && d.arguments?.some((a) => a.name.value === 'fields' && a.value.kind === Kind.STRING && a.value.value.trim() === 'id')
        && !d.arguments?.some((a) => a.name.value === 'resolvable' && a.value.kind === Kind.BOOLEAN && !a.value.value));
      if (!keyedById) continue;
      const iface = def.interfaces?.map((i) => i.name.value).find(isReferenced);
      if (!iface || out.has(def.name.value)) continue;
      const id = def.fields?.find((f) => f.name.value === 'id');
      out.set(def.name.value, {
        type: def.name.value,
        interface: iface,
        ...(def.kind === Kind.OBJECT_TYPE_DEFINITION && def.description ? { description: def.description.value } : {}),
        ...(id?.description ? { idDescription: id.description.value } : {}),
      });
    }
  }
  return [...out.values()];
}

/**
 * The same, read from a schema the gateway serves (the supergraph's API schema): every object type
 * implementing one of the interfaces. It may name more types than the composition stubbed (a city type
 * without a key): harmless for the subgraph that executes the planner's fetches, which only name
 * types the planner knows.
 */
export function cityTypeRefsOf(schema: GraphQLSchema): CityTypeRef[] {
  const out: CityTypeRef[] = [];
  for (const name of REFERENCED_INTERFACES) {
    const iface = schema.getType(name);
    if (!iface || !isInterfaceType(iface)) continue;
    for (const t of schema.getPossibleTypes(iface)) {
      if (!isObjectType(t)) continue;
      const id = t.getFields().id;
      out.push({ type: t.name, interface: name, ...(t.description ? { description: t.description } : {}), ...(id?.description ? { idDescription: id.description } : {}) });
    }
  }
  return out;
}

let contractCache: { text: string; doc: DocumentNode } | undefined;
function contractDoc(): DocumentNode {
  const text = fs.readFileSync(CONTRACT_FILE, 'utf8');
  if (contractCache?.text !== text) contractCache = { text, doc: parse(text) };
  return contractCache.doc;
}

/** The graph subgraph's SDL for the given city types (see the file's comment). */
export function buildGraphSubgraphSdl(refs: CityTypeRef[], base: string = fs.readFileSync(GRAPH_SDL_FILE, 'utf8')): string {
  const own = parse(base);
  const contract = contractDoc();
  const contractTypes = new Map<string, TypeDefinitionNode>();
  const contractDirectives = new Map<string, DefinitionNode>();
  for (const def of contract.definitions) {
    if (def.kind === Kind.DIRECTIVE_DEFINITION) contractDirectives.set(def.name.value, def);
    else if ('name' in def && def.name) contractTypes.set(def.name.value, def as TypeDefinitionNode);
  }

  // The contract interfaces, with `id` only: the cities' subgraphs define the rest of their fields.
  const interfaces: InterfaceTypeDefinitionNode[] = REFERENCED_INTERFACES.map((name) => {
    const def = contractTypes.get(name);
    if (!def || def.kind !== Kind.INTERFACE_TYPE_DEFINITION) throw new Error(`${path.relative(ROOT_DIR, CONTRACT_FILE)} defines no interface ${name}`);
    return { ...def, fields: def.fields?.filter((f) => f.name.value === 'id') };
  });

  const stubs: ObjectTypeDefinitionNode[] = refs.map((ref) => parse(
    `${ref.description ? `${JSON.stringify(ref.description)}\n` : ''}type ${ref.type} implements ${ref.interface}${NODE_INTERFACES.has(ref.interface) ? ' & Node' : ''} @key(fields: "id", resolvable: false) {\n${ref.idDescription ? `${JSON.stringify(ref.idDescription)}\n` : ''}id: ID!\n}`,
  ).definitions[0] as ObjectTypeDefinitionNode);

  // The contract's value types, enums and scalars these name, copied verbatim (Federation wants shared
  // enums and @shareable types identical), with what they name in turn and the directives they use.
  const defined = new Set<string>([...own.definitions, ...interfaces, ...stubs].flatMap((d) => ('name' in d && d.name ? [d.name.value] : [])));
  const copied: DefinitionNode[] = [];
  const pending = [...own.definitions, ...interfaces, ...stubs];
  const builtIn = new Set(['ID', 'String', 'Int', 'Float', 'Boolean']);
  while (pending.length) {
    const def = pending.pop()!;
    const names: string[] = [];
    visit(def, {
      NamedType(node) {
        names.push(node.name.value);
      },
      Directive(node) {
        names.push(`@${node.name.value}`);
      },
    });
    for (const name of names) {
      if (builtIn.has(name) || defined.has(name)) continue;
      const found = name.startsWith('@') ? contractDirectives.get(name.slice(1)) : contractTypes.get(name);
      if (!found) continue; // federation's own directives (@key, @shareable, @link)
      defined.add(name);
      copied.push(found);
      pending.push(found);
    }
  }
  const doc: DocumentNode = { kind: Kind.DOCUMENT, definitions: [...own.definitions, ...interfaces, ...stubs, ...copied.sort(byName)] };
  return print(doc);
}

function byName(a: DefinitionNode, b: DefinitionNode): number {
  const name = (d: DefinitionNode) => ('name' in d && d.name ? d.name.value : '');
  return name(a).localeCompare(name(b));
}
