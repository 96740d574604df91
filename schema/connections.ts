/**
 * A city's own connection types, derived from the contract's connection interfaces.
 *
 * The contract declares `interface DecisionConnection { … nodes: [Decision!]! edges: [DecisionEdge!]! }`
 * (and the same for meetings, cases and bodies). Each city answers with its own implementation,
 * `HelsinkiDecisionConnection { … nodes: [HelsinkiDecision!]! edges: [HelsinkiDecisionEdge!]! }`,
 * so a client's generated types hold that city's records only (issue 16). An adapter's SDL names
 * these types (`AhjoDecisionConnection!`) and this module writes them, field for field from the
 * interface, so the four adapters cannot drift from the contract or from one another.
 */
import { Kind, parse, print, visit, type DocumentNode, type InterfaceTypeDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';

/** The contract's records that are listed in pages, each with `{Record}Connection` and `{Record}Edge` interfaces. */
export const PAGED_RECORDS = ['Decision', 'Meeting', 'Case', 'Body'] as const;

const pluralOf = (record: string) => (record === 'Body' ? 'bodies' : `${record.toLowerCase()}s`);

/** The contract's interface of this name (an error naming the contract when it has none). */
function contractInterface(contract: DocumentNode, name: string): InterfaceTypeDefinitionNode {
  const def = contract.definitions.find((d): d is InterfaceTypeDefinitionNode => d.kind === Kind.INTERFACE_TYPE_DEFINITION && d.name.value === name);
  if (!def) throw new Error(`The contract defines no interface ${name}: a city's connection types implement it.`);
  return def;
}

/** The interface as an object type of the city implementing it, with the record types renamed (`Decision` → `HelsinkiDecision`). */
function implementation(iface: InterfaceTypeDefinitionNode, prefix: string, record: string): ObjectTypeDefinitionNode {
  const renamed = new Map([
    [record, `${prefix}${record}`],
    [`${record}Edge`, `${prefix}${record}Edge`],
  ]);
  const fields = iface.fields?.map((field) => visit(field, {
    NamedType(node) {
      const to = renamed.get(node.name.value);
      return to ? { ...node, name: { ...node.name, value: to } } : undefined;
    },
  }));
  const records = pluralOf(record);
  const description = iface.name.value.endsWith('Edge')
    ? `One of {{city}}'s ${records} with its cursor: \`${iface.name.value}\` with {{city}}'s own \`${prefix}${record}\`.`
    : `A page of {{city}}'s ${records}: \`${iface.name.value}\` with {{city}}'s own \`${prefix}${record}\` in \`nodes\` and \`edges\`.`;
  return {
    kind: Kind.OBJECT_TYPE_DEFINITION,
    name: { kind: Kind.NAME, value: `${prefix}${iface.name.value}` },
    description: { kind: Kind.STRING, value: description, block: false },
    interfaces: [{ kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: iface.name.value } }],
    directives: iface.directives,
    fields,
  };
}

/**
 * An interface of the city's own for a record it has several types of (Decidim's plenary sessions and
 * participatory meetings are both meetings): the contract's interface, field for field, implemented
 * by those types, so that the city's connection still holds its own records only.
 */
function recordInterface(contract: DocumentNode, prefix: string, record: string): InterfaceTypeDefinitionNode {
  const iface = contractInterface(contract, record);
  const records = pluralOf(record);
  return {
    ...iface,
    name: { kind: Kind.NAME, value: `${prefix}${record}` },
    description: { kind: Kind.STRING, value: `One of {{city}}'s ${records}, whichever of its kinds (the types that implement \`${prefix}${record}\`).`, block: false },
    interfaces: [{ kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: record } }],
  };
}

/**
 * The SDL of the connection and edge types an adapter's own SDL names (`{prefix}{Record}Connection`),
 * written from the contract's interfaces with the adapter's prefix; empty when it names none. A record
 * the adapter defines no `{prefix}{Record}` type for gets an interface of that name (recordInterface),
 * which the adapter's types of that record name among the interfaces they implement.
 */
export function cityConnectionTypes(ownSdl: string, prefix: string, contract: DocumentNode): string {
  const own = parse(ownSdl);
  const named = new Set<string>();
  visit(own, {
    NamedType(node) {
      named.add(node.name.value);
    },
  });
  const defined = new Set(own.definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : [])));
  const types = PAGED_RECORDS.filter((record) => named.has(`${prefix}${record}Connection`)).flatMap((record) => [
    ...(defined.has(`${prefix}${record}`) ? [] : [recordInterface(contract, prefix, record)]),
    implementation(contractInterface(contract, `${record}Connection`), prefix, record),
    implementation(contractInterface(contract, `${record}Edge`), prefix, record),
  ]);
  return types.length ? print({ kind: Kind.DOCUMENT, definitions: types }) : '';
}
