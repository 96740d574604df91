/**
 * Query limits at the gateway, checked before any city is asked: depth, aliases, root fields,
 * repeats of one field, a cost in which list sizes multiply (a list of 100 inside a list of 100
 * costs 10,000), and the size of an introspection answer. The analysis is linear in the document:
 * each named fragment is measured once per type it is spread on (memoised), so fragments that
 * spread the next one twice do not explode. A query sent as text is checked before Apollo sees it
 * (`limitsGate`, HTTP 400, code QUERY_TOO_COMPLEX naming the limit and its value), so graphql-js's
 * validation, whose field-merging check grows with the square of repeated fields, never runs on
 * it; the validation rule checks the same for documents Apollo gets otherwise (persisted queries).
 * The cost depends on the request's variables (`first: $n`), so it is judged with their values: by
 * the gate for a query sent as text, and once Apollo has resolved the operation for every request
 * (`checkCost`; a persisted query sent as a hash is first seen there). Validation, whose results
 * Apollo caches per document, checks only what the variables cannot change.
 * Tokens are limited by the parser (`maxTokens`) and request size by the body limit.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import { CITIES } from '../schema/cities';
import { noteErrors } from './request-guard';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxCost: number;
  maxTokens: number;
  /** Most values an introspection answer may hold (`__schema`, `__type`). */
  maxIntrospectionNodes: number;
  /** Most times one response name may be selected in one selection set (graphql-js compares every pair). */
  maxFieldRepeats: number;
}

/**
 * The limits when no configuration says otherwise (gateway/config.ts reads MAX_* over these). A query
 * over every city of the registry must fit (issue 13): the root fields allow each city twice (e.g. two
 * aliases, this year and last), and never fewer than 10.
 */
export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 15, maxAliases: 30, maxRootFields: Math.max(10, 2 * CITIES.length), maxCost: 50000, maxTokens: 5000, maxIntrospectionNodes: 100000, maxFieldRepeats: 20 };

/**
 * What a list without `first` can hold at most, by field name: the bound the cost multiplies by.
 * Every list of objects in the schema either takes `first` or is named here (a test checks it), so
 * no list is costed as one item. The bounds come from the data: how many the cities publish at most.
 */
export const LIST_SIZES: Record<string, number> = {
  // A connection's items: the connection field itself is multiplied by its `first`.
  nodes: 1,
  edges: 1,
  titles: 5, // one per language a city publishes in (at most three today)
  versions: 5, // likewise: a decision's language versions
  categories: 10, // a decision or case carries one category (Helsinki) or a few (document types, themes)
  // Most decisions hold one vote or none; a budget debate's dozens are rare, and the subgraph's read
  // budget (REQUEST_MAX_ROWS) covers them where this estimate is low.
  voteEvents: 10,
  counts: 5, // one per VoteOption
  groupCounts: 40, // groups (≤ 10 in a council) × the options they used (≤ 4)
  votes: 100, // one per councillor: Helsinki's council has 85, Barcelona's 41
  groupVotes: 15, // one per group column of Barcelona's files
  attachments: 50,
  documents: 10, // a module item's files: its main document and a few attachments
  decisionDocuments: 50,
  resultDocuments: 50,
  participants: 100, // a meeting's composition (Helsinki's council: 85 and deputies)
  handlings: 20,
  moduleItems: 10, // motions, amendments and proposals linked to one agenda point (rarely more; the read budget covers a long list)
  unplacedRows: 100,
  coverage: 40,
  sources: 5,
  reasons: 5, // CityFreshness: one per upstream whose copy is older (as many as `sources` at most)
  setAside: 100,
  unmappedValues: 100,
  consultations: 20, // an OParl paper's consultations: one per committee and the council that handle it
  bodies: 10, // the bodies of one OParl consultation (a connection elsewhere, costed by its `first`)
  organizations: 10, // the bodies holding one OParl meeting (usually one, a joint session a few)
  // One per city of the registry at most: `graph { cities }`, the root `cities`, a cross-city answer's shares.
  cities: Math.max(1, CITIES.length),
  buckets: 1000, // decisionStats: one per combination of the dimensions' values met (a year by months by outcomes is ~100)
  topicScheme: 10, // COFOG's divisions
  groups: 10, // a COFOG division's groups (at most 9)
};

/** What a lookup by a list of ids (`nodes(ids:)`) returns at most when the list is a variable. */
const MAX_IDS = 100;

/**
 * The gateway's cross-city root fields ask every city the filter names (all by default), each for a
 * page or a count: their cost grows with the cities fanned out, beyond what they return.
 */
const FAN_OUT: Record<string, (field: FieldNode, def: GraphQLField<unknown, unknown>, vars: Variables | undefined) => number> = {
  // Each city lists `first` decisions for the page.
  decisions: (field, def, vars) => citiesAsked(field, vars) * listSize(field, def, vars).size,
  // Each city counts in its store: about what a default page of decisions costs it.
  decisionStats: (field, _def, vars) => citiesAsked(field, vars) * 20,
};

/** The cities a cross-city field asks: those its `filter.cities` names, else (or when not known) every city. */
function citiesAsked(field: FieldNode, vars: Variables | undefined): number {
  const filter = valueOf(argumentNode(field, 'filter'), vars);
  const cities = filter !== null && typeof filter === 'object' ? (filter as Record<string, unknown>).cities : undefined;
  return Array.isArray(cities) ? Math.max(1, cities.length) : Math.max(1, CITIES.length);
}

/** An operation's variables by name, as it runs with them (`variableValues`). */
export type Variables = Record<string, unknown>;

/**
 * The values of an operation's variables as it will run: what the request sends for each variable
 * the operation declares, else the variable's default in the operation; a variable in neither is
 * absent (its argument then takes the field's default). Variables are client input: anything but
 * a JSON object counts as none sent (Apollo refuses such a request anyway).
 */
export function variableValues(operation: OperationDefinitionNode, sent: unknown): Variables {
  const given = sent !== null && typeof sent === 'object' && !Array.isArray(sent) ? (sent as Record<string, unknown>) : {};
  // No prototype: a variable named `$constructor` or `$__proto__` reads as absent, not as Object's.
  const values: Variables = Object.create(null);
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (Object.prototype.hasOwnProperty.call(given, name)) values[name] = given[name];
    else if (def.defaultValue) values[name] = valueFromASTUntyped(def.defaultValue);
  }
  return values;
}

/** A variable whose value is not known (measured without the request's variables): costed as the most it may be. */
const UNKNOWN = Symbol('unknown variable');

function argumentNode(field: FieldNode, name: string): ValueNode | undefined {
  return field.arguments?.find((a) => a.name.value === name)?.value;
}

/** An argument's value as the request gives it (literals and variables alike); UNKNOWN for a variable when `vars` is not known. */
function valueOf(node: ValueNode | undefined, vars: Variables | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case Kind.VARIABLE:
      return vars ? vars[node.name.value] : UNKNOWN;
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, vars));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, vars)]));
    default:
      return valueFromASTUntyped(node);
  }
}

/** The bound of an unpaged list nobody named in LIST_SIZES (the test keeps this from being used). */
const UNNAMED_LIST_SIZE = 100;

/** The error for a query over a limit, naming the limit, its value and what to do. */
export function tooComplex(limit: string, value: number, actual: number, hint: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`Query ${limit} is ${actual}; the limit is ${value}. ${hint}`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max: value, actual, ...extra },
  });
}

/** What bounds a list: its `first`, its ids (`nodes(ids:)`), the cities it asks, or its bound in LIST_SIZES. */
type ListKind = 'first' | 'ids' | 'cities' | 'bound';

/**
 * The most a list field may return: `first` (literal or a variable's value; its default when absent
 * or null; the most the field allows when not known, or not a non-negative integer, which coercion
 * refuses anyway), a lookup's ids, else its bound. Literal and variable forms measure the same.
 */
function listSize(field: FieldNode, def: GraphQLField<unknown, unknown> | undefined, vars: Variables | undefined): { size: number; kind: ListKind } {
  if (!def) return { size: 1, kind: 'bound' };
  const first = def.args.find((a) => a.name === 'first');
  // A lookup by ids returns one item per id (a single id is coerced to a list of one).
  const ids = def.args.find((a) => a.name === 'ids');
  if (ids && !first && isListType(getNullableType(def.type))) {
    const given = valueOf(argumentNode(field, 'ids'), vars);
    return { size: Array.isArray(given) ? Math.max(1, given.length) : given === UNKNOWN ? MAX_IDS : 1, kind: 'ids' };
  }
  if (first) {
    const given = valueOf(argumentNode(field, 'first'), vars);
    if (given === undefined || given === null) return { size: Math.max(1, Number(first.defaultValue ?? 20)), kind: 'first' };
    return { size: typeof given === 'number' && Number.isInteger(given) && given >= 0 ? Math.max(1, given) : maxOf(first), kind: 'first' };
  }
  return { size: isListType(getNullableType(def.type)) ? (LIST_SIZES[def.name] ?? UNNAMED_LIST_SIZE) : 1, kind: 'bound' };
}

/** The maximum a `first` argument allows, as its description states it ("… 0 to 100."), else 500. */
function maxOf(arg: GraphQLArgument): number {
  const m = /0 to (\d+)/.exec(arg.description ?? '');
  return m ? Number(m[1]) : 500;
}

/** The field whose lists cost most: its path (response names), its share of the cost, and what multiplies it. */
export interface Costliest {
  /** E.g. `helsinki.bodies.nodes.decisions`. */
  path: string;
  /** The cost of what it lists, counted where it is listed (the lists inside it count for themselves). */
  cost: number;
  /** The most items it holds (its `first`, ids or bound). */
  size: number;
  /** How many times over the lists around it repeat it (their sizes multiplied). */
  outer: number;
  kind: ListKind;
}

export interface Measure {
  depth: number;
  cost: number;
  aliases: number;
  rootFields: number;
  introspectionNodes: number;
  /** The most times one response name is selected in one selection set. */
  fieldRepeats: number;
  /** The list field that costs most, to name in a refusal (none when the query holds no list). */
  costliest?: Costliest;
}

/** A response path, built from the leaf outwards by sharing (a prefix costs one node, so measuring stays linear). */
interface PathNode {
  name: string;
  next: PathNode | null;
}
type Top = Omit<Costliest, 'path'> & { path: PathNode };

interface Part extends Omit<Measure, 'rootFields' | 'costliest'> {
  /** The cost of the fields not inside a list of this selection set: what an enclosing list multiplies as its own. */
  loose: number;
  top: Top | null;
}
const EMPTY: Part = { depth: 0, cost: 0, aliases: 0, introspectionNodes: 0, fieldRepeats: 0, loose: 0, top: null };

const pathString = (p: PathNode | null): string => {
  const names: string[] = [];
  for (let n = p; n; n = n.next) names.push(n.name);
  return names.join('.');
};

/**
 * Measures an operation of a document: linear in its size (fragments memoised per type). Counting
 * an introspection answer stops once it passes `introspectionBudget`: the measure then says so.
 * `variables`: the values the operation runs with (`variableValues`); without them (validation,
 * before they are known) each variable counts as the most it may be.
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, introspectionBudget = Infinity, variables?: Variables): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, Part>();
  const introspection = new IntrospectionCounter(schema, fragments, introspectionBudget, variables);

  function measure(set: SelectionSetNode, type: GraphQLCompositeType, open: Set<string>): Part {
    let { depth, cost, aliases, introspectionNodes, fieldRepeats, loose, top } = EMPTY;
    const repeats = new Map<string, number>();
    const countRepeat = (name: string) => {
      const n = (repeats.get(name) ?? 0) + 1;
      repeats.set(name, n);
      fieldRepeats = Math.max(fieldRepeats, n);
    };
    // On a tie the one met first stays: a list's inner lists are offered before the list itself.
    const consider = (t: Top | null) => {
      if (t && (!top || t.cost > top.cost)) top = t;
    };
    const add = (p: Part) => {
      depth = Math.max(depth, p.depth);
      cost += p.cost;
      loose += p.loose;
      aliases += p.aliases;
      introspectionNodes += p.introspectionNodes;
      fieldRepeats = Math.max(fieldRepeats, p.fieldRepeats);
      consider(p.top);
    };
    const visit = (s: SelectionSetNode, t: GraphQLCompositeType) => {
      for (const sel of s.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.alias) aliases++;
          const name = (sel.alias ?? sel.name).value;
          countRepeat(name);
          if (sel.name.value === '__schema' || sel.name.value === '__type') {
            const n = introspection.count(sel);
            const inner = sel.selectionSet ? measure(sel.selectionSet, introspectionRoot(schema, sel), open) : EMPTY;
            // Its size is bounded by counting it; its depth (the nested ofType of type references) is the schema's, not the client's doing.
            add({ ...inner, depth: 1, cost: 1, loose: 1, top: null, introspectionNodes: n + inner.introspectionNodes });
            continue;
          }
          const def = fieldOf(t, sel.name.value);
          const named = def ? getNamedType(def.type) : undefined;
          const child = sel.selectionSet && named && isCompositeType(named) ? measure(sel.selectionSet, named, open) : EMPTY;
          const { size, kind } = listSize(sel, def, variables);
          const fan = def && t === schema.getQueryType() && FAN_OUT[def.name] ? FAN_OUT[def.name](sel, def, variables) : 0;
          add({ ...child, depth: 1 + child.depth, cost: 1 + size * child.cost + fan, loose: 0, top: null });
          if (child.top) consider({ ...child.top, path: { name, next: child.top.path }, cost: size * child.top.cost, outer: size * child.top.outer });
          if (size > 1 || fan > 0) {
            // A list: what it holds outside its inner lists is its own share of the cost.
            loose += 1;
            consider({ path: { name, next: null }, cost: size * child.loose + fan, size, outer: 1, kind: size > 1 ? kind : 'cities' });
          } else {
            loose += 1 + child.loose;
          }
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : t;
          // An inline fragment's fields merge into this selection set (repeats count together).
          visit(sel.selectionSet, cond && isCompositeType(cond) ? cond : t);
        } else {
          const fragment = fragments.get(sel.name.value);
          if (!fragment || open.has(fragment.name.value)) continue; // unknown or cyclic: graphql-js reports it
          const cond = schema.getType(fragment.typeCondition.name.value);
          const on = cond && isCompositeType(cond) ? cond : t;
          const key = `${fragment.name.value}@${on.name}`;
          let part = memo.get(key);
          if (!part) {
            open.add(fragment.name.value);
            part = measure(fragment.selectionSet, on, open);
            open.delete(fragment.name.value);
            memo.set(key, part);
          }
          add(part);
        }
      }
    };
    visit(set, type);
    return { depth, cost, aliases, introspectionNodes, fieldRepeats, loose, top };
  }

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return { ...EMPTY, rootFields: 0 };
  let part: Part;
  try {
    part = measure(operation.selectionSet, root, new Set());
  } catch (err) {
    if (!(err instanceof BudgetPassed)) throw err;
    return { ...EMPTY, rootFields: 0, introspectionNodes: introspectionBudget + 1 };
  }
  const { loose: _loose, top, ...measured } = part;
  return {
    ...measured,
    rootFields: rootFieldCount(operation.selectionSet, fragments, new Set()),
    ...(top ? { costliest: { ...top, path: pathString(top.path) } } : {}),
  };
}

/** Root fields as executed: fields inside fragments and inline fragments at the root count too. */
function rootFieldCount(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, open: Set<string>): number {
  let n = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) n += 1;
    else if (sel.kind === Kind.INLINE_FRAGMENT) n += rootFieldCount(sel.selectionSet, fragments, open);
    else {
      const f = fragments.get(sel.name.value);
      if (!f || open.has(f.name.value)) continue;
      open.add(f.name.value);
      n += rootFieldCount(f.selectionSet, fragments, open);
      open.delete(f.name.value);
    }
  }
  return n;
}

function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

function introspectionRoot(schema: GraphQLSchema, field: FieldNode): GraphQLCompositeType {
  const t = schema.getType(field.name.value === '__schema' ? '__Schema' : '__Type');
  return t as GraphQLCompositeType;
}

/**
 * Counts the values an introspection selection would return, from the schema itself (it is
 * static), memoised per schema element and selection set; stops as soon as the budget is passed.
 */
class IntrospectionCounter {
  private readonly memo = new WeakMap<object, Map<SelectionSetNode, number>>();
  private total = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly budget: number,
    private readonly variables?: Variables,
  ) {}

  count(field: FieldNode): number {
    const before = this.total;
    if (field.name.value === '__schema') this.value({ kind: '__Schema', value: this.schema }, field);
    else {
      const name = valueOf(argumentNode(field, 'name'), this.variables);
      // A name not known (a variable, measured before its value is): the largest type it could name.
      const type = typeof name === 'string' ? this.schema.getType(name) : largestType(this.schema);
      this.value(type ? { kind: '__Type', value: type } : null, field);
    }
    return this.total - before;
  }

  /** Counts one field's value (1) and what its selection set holds below it. */
  private value(item: Item | Item[] | null, field: FieldNode): void {
    this.add(1);
    if (!field.selectionSet || item === null) return;
    for (const i of Array.isArray(item) ? item : [item]) this.add(this.object(i, field.selectionSet));
  }

  private add(n: number): void {
    this.total += n;
    if (this.total > this.budget) throw new BudgetPassed();
  }

  private object(item: Item, set: SelectionSetNode): number {
    let byItem = this.memo.get(item.value);
    if (!byItem) this.memo.set(item.value, (byItem = new Map()));
    const known = byItem.get(set);
    if (known !== undefined) {
      this.add(known);
      return 0;
    }
    const start = this.total;
    this.selections(item, set, new Set());
    const n = this.total - start;
    byItem.set(set, n);
    return 0;
  }

  private selections(item: Item, set: SelectionSetNode, open: Set<string>): void {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) this.value(childOf(item, sel.name.value, this.schema), sel);
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!sel.typeCondition || sel.typeCondition.name.value === item.kind) this.selections(item, sel.selectionSet, open);
      } else {
        const f = this.fragments.get(sel.name.value);
        if (!f || open.has(f.name.value) || f.typeCondition.name.value !== item.kind) continue;
        open.add(f.name.value);
        this.add(this.object(item, f.selectionSet));
        open.delete(f.name.value);
      }
    }
  }
}

class BudgetPassed extends Error {}

interface Item {
  kind: '__Schema' | '__Type' | '__Field' | '__InputValue' | '__EnumValue' | '__Directive';
  value: object;
}

/** The value of an introspection field of an introspection object, as graphql-js would return it (deprecated ones included). */
function childOf(item: Item, field: string, schema: GraphQLSchema): Item | Item[] | null {
  const v = item.value as Record<string, unknown>;
  const type = (value: unknown): Item => ({ kind: '__Type', value: value as object });
  switch (item.kind) {
    case '__Schema': {
      const s = v as unknown as GraphQLSchema;
      if (field === 'types') return Object.values(s.getTypeMap()).map(type);
      if (field === 'directives') return s.getDirectives().map((d) => ({ kind: '__Directive', value: d }));
      if (field === 'queryType') return s.getQueryType() ? type(s.getQueryType()) : null;
      if (field === 'mutationType') return s.getMutationType() ? type(s.getMutationType()) : null;
      if (field === 'subscriptionType') return s.getSubscriptionType() ? type(s.getSubscriptionType()) : null;
      return null;
    }
    case '__Type': {
      const t = v as unknown as Parameters<typeof isObjectType>[0];
      if (field === 'fields') return isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()).map((f) => ({ kind: '__Field', value: f })) : null;
      if (field === 'interfaces') return isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().map(type) : null;
      if (field === 'possibleTypes') return isAbstractType(t) ? schema.getPossibleTypes(t).map(type) : null;
      if (field === 'enumValues') return isEnumType(t) ? t.getValues().map((e) => ({ kind: '__EnumValue', value: e })) : null;
      if (field === 'inputFields') return isInputObjectType(t) ? Object.values(t.getFields()).map((f) => ({ kind: '__InputValue', value: f })) : null;
      if (field === 'ofType') return isListType(t) || isNonNullType(t) ? type(t.ofType) : null;
      return null;
    }
    case '__Field':
    case '__Directive':
      if (field === 'args') return ((v.args as object[]) ?? []).map((a) => ({ kind: '__InputValue', value: a }));
      if (field === 'type' && item.kind === '__Field') return type(v.type);
      return null;
    case '__InputValue':
      return field === 'type' ? type(v.type) : null;
    default:
      return null;
  }
}

/** The type with the most fields, values or members: what `__type(name: $var)` may name at most. */
function largestType(schema: GraphQLSchema): object | null {
  let best: object | null = null;
  let size = -1;
  for (const t of Object.values(schema.getTypeMap())) {
    const n = isObjectType(t) || isInterfaceType(t) || isInputObjectType(t) ? Object.keys(t.getFields()).length : isEnumType(t) ? t.getValues().length : isAbstractType(t) ? schema.getPossibleTypes(t).length : 0;
    if (n > size) [best, size] = [t, n];
  }
  return best;
}

/**
 * Checks a measure against the limits: the first limit passed, as the error to throw, or null.
 * `withCost` false leaves the cost out (for validation: its measure does not know the variables).
 */
export function limitPassed(m: Measure, limits: QueryLimits, withCost = true): GraphQLError | null {
  if (m.rootFields > limits.maxRootFields) return tooComplex('root fields', limits.maxRootFields, m.rootFields, 'Split the query.');
  if (m.depth > limits.maxDepth) return tooComplex('depth', limits.maxDepth, m.depth, 'Select fewer nested levels.');
  if (m.aliases > limits.maxAliases) return tooComplex('aliases', limits.maxAliases, m.aliases, 'Use fewer aliases, or variables in separate requests.');
  if (m.fieldRepeats > limits.maxFieldRepeats) return tooComplex('field repeats', limits.maxFieldRepeats, m.fieldRepeats, 'Select each field once.');
  if (m.introspectionNodes > limits.maxIntrospectionNodes) {
    return tooComplex('introspection size', limits.maxIntrospectionNodes, m.introspectionNodes, 'Ask for the schema once (the standard introspection query fits), without aliases repeating it.');
  }
  return withCost ? costPassed(m, limits) : null;
}

/** The cost over MAX_QUERY_COST, as the error naming the field that costs most and how to lower it; or null. */
export function costPassed(m: Measure, limits: QueryLimits): GraphQLError | null {
  if (!(m.cost > limits.maxCost)) return null;
  const c = m.costliest;
  if (!c) return tooComplex('cost', limits.maxCost, m.cost, 'Lower `first` on nested lists (sizes multiply), or page with `after`.');
  const repeated = c.outer > 1 ? `, ${c.outer} times over (the sizes of the lists around it multiplied)` : '';
  const what = {
    first: `it lists up to ${c.size} items (its \`first\`)${repeated}. Lower its \`first\`${c.outer > 1 ? ' or that of the lists around it (sizes multiply)' : ''}, select fewer fields in it, or page with \`after\`.`,
    ids: `it looks up ${c.size} ids${repeated}. Ask for fewer ids at once.`,
    cities: `it asks each city \`filter.cities\` names (every city when it names none)${repeated}. Name fewer cities.`,
    bound: `it holds up to ${c.size} items (a list without \`first\`)${repeated}. Select fewer fields in it${c.outer > 1 ? ', or lower `first` on the lists around it (sizes multiply)' : ''}, or leave it out.`,
  }[c.kind];
  return tooComplex('cost', limits.maxCost, m.cost, `The costliest field is \`${c.path}\` (${c.cost} of it): ${what}`, { field: c.path, fieldCost: c.cost });
}

/**
 * The operation a request runs, measured; null when the document has none to run. `variables`: the
 * request's (`variables` of the body or the GET; undefined: not known, each counts as its maximum).
 */
export function measureRequest(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits, operationName?: string | null, variables?: unknown): Measure | null {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  return op ? measureOperation(schema, document, op, limits.maxIntrospectionNodes, variables === undefined ? undefined : variableValues(op, variables)) : null;
}

/**
 * The cost check once Apollo has resolved the operation, with the request's variables: for every
 * request (a persisted query sent as a hash is first seen here), before any city is asked. Returns
 * the measure (its cost is what the rate limiter charges), or throws QUERY_TOO_COMPLEX with HTTP 400.
 */
export function checkCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: unknown, limits: QueryLimits): Measure {
  const measured = measureOperation(schema, document, operation, limits.maxIntrospectionNodes, variableValues(operation, variables ?? {}));
  const passed = costPassed(measured, limits);
  if (passed) throw new GraphQLError(passed.message, { extensions: { ...passed.extensions, http: { status: 400, headers: new Map() } } });
  return measured;
}

/**
 * Apollo's validation rules: the limits the variables cannot change (the cost is checked once they
 * are known, `checkCost`), and the operations this graph cannot run (`unsupportedOperation`).
 */
export function limitRules(limits: QueryLimits) {
  const rule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const passed = limitPassed(measureOperation(context.getSchema(), context.getDocument(), node, limits.maxIntrospectionNodes), limits, false);
      if (passed) context.reportError(passed);
    },
  });
  const operations = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const unsupported = unsupportedOperation(context.getSchema(), node);
      if (unsupported) context.reportError(unsupported);
    },
  });
  return [operations, rule];
}

/** The code of an answer to something this endpoint does not do (an operation type, a directive, batching). */
export const NOT_SUPPORTED = 'OPERATION_NOT_SUPPORTED';

const notSupported = (unsupported: string, message: string, nodes?: OperationDefinitionNode) =>
  new GraphQLError(message, { nodes, extensions: { code: NOT_SUPPORTED, unsupported } });

/**
 * A subscription or a mutation on a schema without that root type. graphql-js does not check it in
 * validation, and the gateway's query planner then fails with a 500 ("The schema has no
 * subscription root type"): it is the client's request that cannot be run, so a 400 that says so.
 */
export function unsupportedOperation(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLError | null {
  if (operation.operation === 'subscription' && !schema.getSubscriptionType()) {
    return notSupported('subscription', 'Subscriptions are not supported: this graph has no subscription root type. Its data changes when each city\'s copy is synced (every few minutes), not in real time: poll with a query instead (repeated queries are answered from the cache), and read `sources { lastSuccessAt lagSeconds }` for how fresh each city is.', operation);
  }
  if (operation.operation === 'mutation' && !schema.getMutationType()) {
    return notSupported('mutation', 'Mutations are not supported: this graph is read-only and has no mutation root type (the data comes from each city\'s own systems). Send a query.', operation);
  }
  return null;
}

/**
 * What the endpoint answers for what it does not do, in terms a client can act on: Apollo's own
 * messages for these ("Unknown directive", "Operation batching disabled.", its CSRF text) do not
 * say what is supported or what to send instead. Applied by the gateway's formatError.
 */
export function explainUnsupported(error: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = error.extensions ?? {};
  // Validation errors come back filed under GRAPHQL_VALIDATION_FAILED: the rule's own code is restored.
  if (typeof extensions.unsupported === 'string') return { ...error, extensions: { ...extensions, code: NOT_SUPPORTED } };
  const directive = /^Unknown directive "@(defer|stream)"\.$/.exec(error.message);
  if (directive && extensions.code === 'GRAPHQL_VALIDATION_FAILED') {
    const instead = directive[1] === 'defer' ? 'the deferred fields then come in the one response' : 'the whole list then comes in the one response; page with `first` and `after` for smaller parts';
    return { ...error, message: `@${directive[1]} is not supported: this gateway answers in one response and does not deliver results incrementally. Remove the @${directive[1]} directive (${instead}).`, extensions: { ...extensions, code: NOT_SUPPORTED, unsupported: directive[1] } };
  }
  if (error.message === 'Operation batching disabled.') {
    return { ...error, message: 'Batched requests (a JSON array of operations in one POST) are not supported: send each operation in a request of its own (a keep-alive connection makes that cheap), or put the fields in one query (one root field per city; aliases for repeats).', extensions: { ...extensions, code: NOT_SUPPORTED, unsupported: 'batching' } };
  }
  if (error.message.startsWith('This operation has been blocked as a potential Cross-Site Request Forgery')) {
    return {
      ...error,
      message: 'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF): a GET, or a POST whose content type is text/plain, a form or multipart, could be sent by any web page. Add the header `apollo-require-preflight: true` (any non-empty value; `x-apollo-operation-name` works too), or POST with `content-type: application/json`.',
      extensions: { ...extensions, requiredHeader: 'apollo-require-preflight' },
    };
  }
  return error;
}

/**
 * Express middleware before Apollo: a query sent as text (POST body or GET parameter) that passes a
 * limit is answered 400 here, before Apollo parses and validates it; the cost of one within the
 * limits is left on the request (`queryCost`). Anything it cannot judge (no
 * query, a syntax error, an ambiguous operation) goes on to Apollo, which answers it.
 */
export function limitsGate(schema: GraphQLSchema, limits: QueryLimits) {
  return (req: { method?: string; body?: unknown; query?: unknown; queryCost?: number }, res: { status(n: number): { json(body: unknown): void } }, next: () => void): void => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const params = (req.method === 'GET' ? req.query : body) as Record<string, unknown> | undefined;
    const text = params?.query;
    if (typeof text !== 'string' || !text) return next();
    let document: DocumentNode;
    try {
      document = parse(text, { maxTokens: limits.maxTokens });
    } catch {
      return next();
    }
    const unsupported = text.includes('isOneOf') ? unsupportedIntrospection(schema, document) : null;
    if (unsupported) return void refuse(res, { message: unsupported, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    // The cost is judged with the values the query runs with (a GET's `variables` are JSON text).
    const sent = req.method === 'GET' ? jsonParameter(params?.variables) : params?.variables;
    const measured = measureRequest(schema, document, limits, typeof params?.operationName === 'string' ? params.operationName : null, sent ?? {});
    const passed = measured && limitPassed(measured, limits);
    // The cost rate limit charges what was measured here, instead of measuring the query again.
    if (measured) req.queryCost = measured.cost;
    if (!passed) return next();
    refuse(res, { message: passed.message, extensions: passed.extensions });
  };
}

/** A GET parameter holding JSON; undefined when it is not one valid JSON text (Apollo refuses the request then). */
function jsonParameter(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function refuse(res: { status(n: number): { json(body: unknown): void } }, error: { message: string; extensions: Record<string, unknown> }): void {
  noteErrors([error]);
  res.status(400).json({ errors: [error] });
}

/**
 * `__Type.isOneOf` is in graphql-js's introspection (16.9+) but not in what Apollo Federation's
 * query planner knows: asked for, the gateway would fail with a 500. Refused as a client error.
 */
function unsupportedIntrospection(schema: GraphQLSchema, document: DocumentNode): string | null {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      if (node.name.value === 'isOneOf' && typeInfo.getParentType()?.name === '__Type') found = true;
    },
  }));
  return found ? 'Cannot query field "isOneOf" on type "__Type": this gateway\'s query planner (Apollo Federation) does not support it; leave it out of the introspection query.' : null;
}
