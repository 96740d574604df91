/** Rules on the SDL itself: it composes, implements the contract, is described and carries cache hints. */
import { composeServices } from '@apollo/composition';
import {
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isTypeDefinitionNode,
  isTypeExtensionNode,
  isUnionType,
  Kind,
  parse,
  validateSchema,
  type ConstDirectiveNode,
  type DefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type TypeDefinitionNode,
  type TypeExtensionNode,
} from 'graphql';
import { cityData } from '../client';
import { fail, pass, type Check } from '../types';

/** Types and directives federation adds to every subgraph's SDL: not the city's to describe or hint. */
export function isFederationName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('link__') || name.startsWith('federation__') || name.startsWith('join__') || name === 'FieldSet';
}

const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** The contract as a schema (its `extend schema @link` and federation directives left out: only its types matter here). */
export function contractSchema(contractSdl: string): GraphQLSchema {
  return buildASTSchema(parse(contractSdl.replace(/extend schema[\s\S]*?\n\s*\n/, '')), { assumeValidSDL: true });
}

/** The interfaces every city implements (City by its root type, the others by at least one type each). */
export const CONTRACT_INTERFACES = ['City', 'Decision', 'Meeting', 'Body', 'Case', 'Source'];
/**
 * Interfaces a city may leave without a type when its data has none (Barcelona's files carry no
 * documents): the lists returning them are then always empty, which GraphQL itself guarantees.
 */
export const OPTIONAL_INTERFACES = ['AgendaItem', 'Attachment'];

export const composes: Check = {
  rule: 'sdl.composes',
  summary: 'The SDL from `_service { sdl }` composes (@apollo/composition) with the other configured cities (each the contract plus its own SDL).',
  async run(s) {
    const result = composeServices([
      ...s.others.map((o) => ({ name: o.name, url: `http://${o.name}.invalid/graphql`, typeDefs: parse(o.sdl) })),
      { name: s.city, url: s.url, typeDefs: s.document },
    ]);
    const withWhom = s.others.length ? `with ${s.others.map((o) => o.name).join(', ')}` : 'alone (no other city is configured)';
    if (result.errors?.length) {
      return fail(
        `the SDL must compose ${withWhom} into one supergraph: composition gave ${result.errors.length} error(s): ${result.errors[0].message}`,
        result.errors.slice(0, 5).map((e) => e.message).join('\n'),
      );
    }
    return pass(`composes ${withWhom} (${result.hints?.length ?? 0} composition hints)`);
  },
};

/** One line per structural fact of a type (fields, arguments, defaults, values, interfaces), to compare two versions of it. */
function shape(type: GraphQLNamedType): string[] {
  const lines = [`kind ${type.constructor.name}`];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const i of type.getInterfaces()) lines.push(`implements ${i.name}`);
    for (const f of Object.values(type.getFields())) {
      lines.push(`field ${f.name}: ${f.type}`);
      for (const a of f.args) lines.push(`arg ${f.name}(${a.name}: ${a.type}${a.defaultValue !== undefined ? ` = ${JSON.stringify(a.defaultValue)}` : ''})`);
    }
  } else if (isInputObjectType(type)) {
    for (const f of Object.values(type.getFields())) lines.push(`field ${f.name}: ${f.type}${f.defaultValue !== undefined ? ` = ${JSON.stringify(f.defaultValue)}` : ''}`);
  } else if (isEnumType(type)) {
    for (const v of type.getValues()) lines.push(`value ${v.name}`);
  } else if (isUnionType(type)) {
    for (const t of type.getTypes()) lines.push(`member ${t.name}`);
  }
  return lines;
}

export const implementsContract: Check = {
  rule: 'sdl.contract',
  summary: 'The SDL is a valid schema holding the contract unchanged; its one root field `{city}` returns a type implementing City; Decision, Meeting, Body, Case and Source have implementations (AgendaItem and Attachment may have none when always empty).',
  async run(s) {
    const problems: string[] = [];
    for (const e of validateSchema(s.schema)) problems.push(`invalid schema: ${e.message}`);

    // One root field per city, named after it (the supergraph has one per city, nullable so a failing city is null).
    const query = s.schema.getQueryType();
    const rootFields = query ? Object.keys(query.getFields()).filter((f) => !f.startsWith('_')) : [];
    const root = query?.getFields()[s.city];
    if (!root) problems.push(`Query has no field \`${s.city}\` (the root field must be named after the city; found: ${rootFields.join(', ') || 'none'})`);
    else {
      const t = root.type;
      if (!isObjectType(t)) problems.push(`Query.${s.city} must return a nullable object type implementing City (it returns ${t})`);
      else if (!t.getInterfaces().some((i) => i.name === 'City')) problems.push(`${t.name} (Query.${s.city}) does not implement City`);
    }
    const extra = rootFields.filter((f) => f !== s.city);
    if (extra.length) problems.push(`Query has other root fields than \`${s.city}\`: ${extra.join(', ')} (put them under the city's type)`);

    // The contract's types, unchanged: the shared value types are @shareable and must be identical in every city.
    const contract = contractSchema(s.contractSdl);
    for (const type of Object.values(contract.getTypeMap())) {
      if (type.name.startsWith('__') || BUILT_IN_SCALARS.has(type.name)) continue;
      const own = s.schema.getType(type.name);
      if (!own) {
        problems.push(`contract type ${type.name} is missing`);
        continue;
      }
      const theirs = new Set(shape(own));
      const ours = shape(type);
      for (const line of ours) if (!theirs.has(line)) problems.push(`${type.name}: the contract has \`${line}\`, the SDL does not`);
      for (const line of theirs) if (!ours.includes(line)) problems.push(`${type.name}: the SDL has \`${line}\`, the contract does not`);
    }
    if (!s.schema.getDirective('cacheControl')) problems.push('the contract\'s directive @cacheControl is missing');
    for (const name of CONTRACT_INTERFACES) {
      const i = s.schema.getType(name);
      if (!i || !isInterfaceType(i)) continue; // reported above
      if (!s.schema.getPossibleTypes(i).length) problems.push(`no type implements the contract interface ${name}`);
    }
    if (problems.length) {
      return fail(`the SDL must hold the contract (schema/contract.graphql) unchanged and implement its interfaces: ${problems.length} problem(s), first: ${problems[0]}`, problems.slice(0, 12).join('\n'));
    }
    const implementers = [...CONTRACT_INTERFACES, ...OPTIONAL_INTERFACES].map((n) => {
      const i = s.schema.getType(n);
      const types = i && isInterfaceType(i) ? s.schema.getPossibleTypes(i).map((t) => t.name) : [];
      return `${n}: ${types.join('/') || 'none (always empty)'}`;
    });
    return pass(`holds the contract unchanged; ${implementers.join(', ')}`);
  },
};

/** The definitions the city wrote (contract included), without federation's. */
function ownDefinitions(s: { document: { definitions: readonly DefinitionNode[] } }): Array<TypeDefinitionNode | TypeExtensionNode> {
  return s.document.definitions.filter(
    (d): d is TypeDefinitionNode | TypeExtensionNode => (isTypeDefinitionNode(d) || isTypeExtensionNode(d)) && !isFederationName(d.name.value) && !BUILT_IN_SCALARS.has(d.name.value),
  );
}

export const descriptions: Check = {
  rule: 'sdl.descriptions',
  summary: 'Every type, field, argument, input field and enum value of the SDL has a description.',
  async run(s) {
    const missing: string[] = [];
    let described = 0;
    const note = (ok: boolean, what: string) => (ok ? described++ : missing.push(what));
    for (const def of ownDefinitions(s)) {
      const name = def.name.value;
      const isExtension = def.kind.endsWith('Extension');
      if (!isExtension && 'description' in def) note(!!def.description?.value.trim(), name);
      if ('fields' in def && def.fields) {
        for (const f of def.fields) {
          if (ROOT_TYPES.has(name) && f.name.value.startsWith('_')) continue;
          note(!!f.description?.value.trim(), `${name}.${f.name.value}`);
          if ('arguments' in f && f.arguments) for (const a of f.arguments) note(!!a.description?.value.trim(), `${name}.${f.name.value}(${a.name.value})`);
        }
      }
      if ('values' in def && def.values) for (const v of def.values) note(!!v.description?.value.trim(), `${name}.${v.name.value}`);
    }
    if (missing.length) {
      return fail(`every type, field, argument and enum value must have a description: ${missing.length} lack one, e.g. ${missing.slice(0, 3).join(', ')}`, missing.slice(0, 30).join(', '));
    }
    return pass(`${described} types, fields, arguments and values, all described`);
  },
};

const hasCacheControl = (directives: readonly ConstDirectiveNode[] | undefined) => !!directives?.some((d) => d.name.value === 'cacheControl');

export const cacheHints: Check = {
  rule: 'cache.hints',
  summary: 'Object types carry @cacheControl (on the type or on every field), and a list answer carries `cache-control: max-age=N` (N > 0), which the gateway caches by.',
  async run(s) {
    const problems: string[] = [];
    // In the SDL: a type without a hint makes every field returning it fall back to the server's
    // default max-age (0 by default: nothing containing it is cacheable).
    const objects = ownDefinitions(s).filter((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && !ROOT_TYPES.has(d.name.value));
    const unhinted = objects.filter((d) => !hasCacheControl(d.directives) && !('fields' in d && d.fields?.length && d.fields.every((f) => hasCacheControl(f.directives)))).map((d) => d.name.value);
    if (unhinted.length) problems.push(`${unhinted.length} object type(s) have no @cacheControl on the type nor on every field: ${unhinted.slice(0, 8).join(', ')}`);

    // On the wire: the gateway reads the subgraph's cache-control header (its response cache and edge cache key on it).
    const query = `{ ${s.city} { decisions(first: 2) { totalCount nodes { id } } } }`;
    const answer = await s.post(query);
    const header = answer.headers.get('cache-control') ?? '';
    const maxAge = Number(/max-age=(\d+)/.exec(header)?.[1] ?? 0);
    if (answer.body.errors?.length) problems.push(`the sample query failed: ${answer.body.errors[0].message}`);
    else if (!(maxAge > 0) || /no-store|private/.test(header)) problems.push(`an answer to \`${query}\` has cache-control ${header ? `"${header}"` : 'missing'}; it must be public with max-age > 0`);
    if (problems.length) return fail(`types and answers must carry cache hints: ${problems.join('; ')}`, unhinted.length ? unhinted.join(', ') : { query, cacheControl: header || null });
    return pass(`${objects.length} object types hinted; a decisions page answers with cache-control "${header}"`);
  },
};

export const cityFields: Check = {
  rule: 'city.fields',
  summary: 'The city\'s root object answers `id` (= the city id), name, an ISO country, an IANA time zone, ISO 639-1 languages, a licence and its upstream.',
  async run(s) {
    const c = await cityData(s, 'id name country timezone languages licence { name url attribution } upstream', 'the city\'s own fields');
    const problems: string[] = [];
    if (c.id !== s.city) problems.push(`id is ${JSON.stringify(c.id)}, not ${JSON.stringify(s.city)} (the root field's name and the prefix of every id)`);
    if (!String(c.name ?? '').trim()) problems.push('name is empty');
    if (!/^[A-Z]{2}$/.test(c.country ?? '')) problems.push(`country ${JSON.stringify(c.country)} is not an ISO 3166-1 alpha-2 code`);
    try {
      new Intl.DateTimeFormat('en', { timeZone: c.timezone });
    } catch {
      problems.push(`timezone ${JSON.stringify(c.timezone)} is not an IANA time zone`);
    }
    if (!Array.isArray(c.languages) || !c.languages.length || !c.languages.every((l: string) => /^[a-z]{2}$/.test(l))) problems.push(`languages ${JSON.stringify(c.languages)} must be ISO 639-1 codes, main language first`);
    if (!c.licence?.name || !c.licence?.url || !c.licence?.attribution) problems.push('licence needs a name, url and attribution');
    if (!String(c.upstream ?? '').trim()) problems.push('upstream is empty');
    if (problems.length) return fail(`the city's own fields must describe it: ${problems.join('; ')}`, c);
    return pass(`${c.name} (${c.country}, ${c.timezone}, ${c.languages.join('/')})`);
  },
};

export const SCHEMA_CHECKS: Check[] = [composes, implementsContract, descriptions, cacheHints, cityFields];
