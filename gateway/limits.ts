/**
 * Query limits at the gateway, checked before any city is asked: depth, aliases, root fields,
 * repeats of one field, a cost in which list sizes multiply (a list of 100 inside a list of 100
 * costs 10,000), and the size of an introspection answer. The analysis is linear in the document:
 * each named fragment is measured once per type it is spread on (memoised), so fragments that
 * spread the next one twice do not explode. A query sent as text is checked before Apollo sees it
 * (`limitsGate`, HTTP 400, code QUERY_TOO_COMPLEX naming the limit and its value), so graphql-js's
 * validation, whose field-merging check grows with the square of repeated fields, never runs on
 * it; the validation rule checks the same for documents Apollo gets otherwise (persisted queries).
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
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

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
  setAside: 100,
  unmappedValues: 100,
};

/** The bound of an unpaged list nobody named in LIST_SIZES (the test keeps this from being used). */
const UNNAMED_LIST_SIZE = 100;

/** The error for a query over a limit, naming the limit, its value and what to do. */
export function tooComplex(limit: string, value: number, actual: number, hint: string): GraphQLError {
  return new GraphQLError(`Query ${limit} is ${actual}; the limit is ${value}. ${hint}`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max: value, actual },
  });
}

/** The most a list field may return: `first` (literal; the field's maximum for a variable; its default when absent), else its bound. */
function listSize(field: FieldNode, def: GraphQLField<unknown, unknown> | undefined): number {
  if (!def) return 1;
  const first = def.args.find((a) => a.name === 'first');
  if (first) {
    const given = field.arguments?.find((a) => a.name.value === 'first');
    if (!given) return Math.max(1, Number(first.defaultValue ?? 20));
    // Validation runs before variables are known: a variable counts as the most the field allows.
    return given.value.kind === Kind.INT ? Math.max(1, Number(given.value.value)) : maxOf(first);
  }
  return isListType(getNullableType(def.type)) ? (LIST_SIZES[def.name] ?? UNNAMED_LIST_SIZE) : 1;
}

/** The maximum a `first` argument allows, as its description states it ("… 0 to 100."), else 500. */
function maxOf(arg: GraphQLArgument): number {
  const m = /0 to (\d+)/.exec(arg.description ?? '');
  return m ? Number(m[1]) : 500;
}

export interface Measure {
  depth: number;
  cost: number;
  aliases: number;
  rootFields: number;
  introspectionNodes: number;
  /** The most times one response name is selected in one selection set. */
  fieldRepeats: number;
}

type Part = Omit<Measure, 'rootFields'>;
const EMPTY: Part = { depth: 0, cost: 0, aliases: 0, introspectionNodes: 0, fieldRepeats: 0 };

/**
 * Measures an operation of a document: linear in its size (fragments memoised per type). Counting
 * an introspection answer stops once it passes `introspectionBudget`: the measure then says so.
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, introspectionBudget = Infinity): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, Part>();
  const introspection = new IntrospectionCounter(schema, fragments, introspectionBudget);

  function measure(set: SelectionSetNode, type: GraphQLCompositeType, open: Set<string>): Part {
    let { depth, cost, aliases, introspectionNodes, fieldRepeats } = EMPTY;
    const repeats = new Map<string, number>();
    const countRepeat = (name: string) => {
      const n = (repeats.get(name) ?? 0) + 1;
      repeats.set(name, n);
      fieldRepeats = Math.max(fieldRepeats, n);
    };
    const add = (p: Part, times = 1) => {
      depth = Math.max(depth, p.depth);
      cost += p.cost * times;
      aliases += p.aliases;
      introspectionNodes += p.introspectionNodes;
      fieldRepeats = Math.max(fieldRepeats, p.fieldRepeats);
    };
    const visit = (s: SelectionSetNode, t: GraphQLCompositeType) => {
      for (const sel of s.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.alias) aliases++;
          countRepeat((sel.alias ?? sel.name).value);
          if (sel.name.value === '__schema' || sel.name.value === '__type') {
            const n = introspection.count(sel);
            const inner = sel.selectionSet ? measure(sel.selectionSet, introspectionRoot(schema, sel), open) : EMPTY;
            // Its size is bounded by counting it; its depth (the nested ofType of type references) is the schema's, not the client's doing.
            add({ ...inner, depth: 1, cost: 0, introspectionNodes: n + inner.introspectionNodes });
            cost += 1;
            continue;
          }
          const def = fieldOf(t, sel.name.value);
          const named = def ? getNamedType(def.type) : undefined;
          const child = sel.selectionSet && named && isCompositeType(named) ? measure(sel.selectionSet, named, open) : EMPTY;
          add({ ...child, depth: 1 + child.depth, cost: 1 }, 1);
          cost += listSize(sel, def) * child.cost;
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
    return { depth, cost, aliases, introspectionNodes, fieldRepeats };
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
  return { ...part, rootFields: rootFieldCount(operation.selectionSet, fragments, new Set()) };
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
  ) {}

  count(field: FieldNode): number {
    const before = this.total;
    if (field.name.value === '__schema') this.value({ kind: '__Schema', value: this.schema }, field);
    else {
      const nameArg = field.arguments?.find((a) => a.name.value === 'name');
      const name = nameArg?.value.kind === Kind.STRING ? nameArg.value.value : null;
      // A variable name: the largest type it could name.
      const type = name ? this.schema.getType(name) : largestType(this.schema);
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

/** Checks a measure against the limits: the first limit passed, as the error to throw, or null. */
export function limitPassed(m: Measure, limits: QueryLimits): GraphQLError | null {
  if (m.rootFields > limits.maxRootFields) return tooComplex('root fields', limits.maxRootFields, m.rootFields, 'Split the query.');
  if (m.depth > limits.maxDepth) return tooComplex('depth', limits.maxDepth, m.depth, 'Select fewer nested levels.');
  if (m.aliases > limits.maxAliases) return tooComplex('aliases', limits.maxAliases, m.aliases, 'Use fewer aliases, or variables in separate requests.');
  if (m.fieldRepeats > limits.maxFieldRepeats) return tooComplex('field repeats', limits.maxFieldRepeats, m.fieldRepeats, 'Select each field once.');
  if (m.introspectionNodes > limits.maxIntrospectionNodes) {
    return tooComplex('introspection size', limits.maxIntrospectionNodes, m.introspectionNodes, 'Ask for the schema once (the standard introspection query fits), without aliases repeating it.');
  }
  if (m.cost > limits.maxCost) return tooComplex('cost', limits.maxCost, m.cost, 'Lower `first` on nested lists (sizes multiply), or page with `after`.');
  return null;
}

/** The operation a request runs, measured; null when the document has none to run. */
export function measureRequest(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits, operationName?: string | null): Measure | null {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  return op ? measureOperation(schema, document, op, limits.maxIntrospectionNodes) : null;
}

export function limitRules(limits: QueryLimits) {
  const rule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const passed = limitPassed(measureOperation(context.getSchema(), context.getDocument(), node, limits.maxIntrospectionNodes), limits);
      if (passed) context.reportError(passed);
    },
  });
  return [rule];
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
    if (unsupported) return void res.status(400).json({ errors: [{ message: unsupported, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    const measured = measureRequest(schema, document, limits, typeof params?.operationName === 'string' ? params.operationName : null);
    const passed = measured && limitPassed(measured, limits);
    // The cost rate limit charges what was measured here, instead of measuring the query again.
    if (measured) req.queryCost = measured.cost;
    if (!passed) return next();
    res.status(400).json({ errors: [{ message: passed.message, extensions: passed.extensions }] });
  };
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
