/**
 * Random GraphQL queries built from a schema (the API schema the gateway serves), for the fuzz test:
 * root city fields, nested objects and lists following the schema's types, interface members through
 * inline fragments, arguments with random values (mostly valid, some out of range or malformed),
 * aliases, named fragments (reused, and spreading one another), variables, repeated fields and
 * introspection. Everything is drawn from a seeded PRNG, so a seed and an index replay a query.
 *
 * Sizes are capped (depth, fields, fragments) so that most queries are what a real client might send;
 * a few deliberately go over the gateway's limits (aliases, root fields, depth, big `first`) so that
 * the limits are exercised too.
 */
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same queries on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** The seed of query `index` in a run: each query has its own stream, so one can be replayed alone. */
export function querySeed(runSeed: number, index: number): number {
  let h = (runSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A run seed from FUZZ_SEED: a number as such, any other text hashed. */
export function parseSeed(text: string): number {
  if (/^\d+$/.test(text)) return Number(text) >>> 0;
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

/** Real values sampled from the running graph, so that lookups and cursors sometimes hit data. */
export interface Pools {
  /** Global ids by `{city}:{kind}` (kind: decision, meeting, case, body). */
  ids: Record<string, string[]>;
  /** Connection cursors by city. */
  cursors: Record<string, string[]>;
}

export interface GeneratedQuery {
  query: string;
  variables: Record<string, unknown>;
  /** What this query exercises (for the report: e.g. `fragment-chain`, `introspection`, `alias-burst`). */
  features: string[];
}

/** Bounds of one query: kept small so a query is a plausible client's, with a few outliers. */
interface Shape {
  maxDepth: number;
  fieldBudget: number;
  maxFragments: number;
  /** Selections per set at shallow levels; deeper levels get fewer, so deep queries stay narrow. */
  width: number;
}

const CITIES = ['helsinki', 'amsterdam', 'barcelona'] as const;
const WORDS = ['asunto', 'vuokra-asunto', 'kaava', 'päätös', 'woning', 'parkeren', 'motie', 'Habitatge', 'pressupost', 'school', 'budget', 'Kallio', 'Zuid', 'ÄÖÅ', 'niño', 'stad', 'bostad', 'x', 'a b', 'the'];
const ODD_TEXT = ['', '   ', '"quoted"', "O'Reilly", 'back\\slash', '%_*', "'; DROP TABLE decisions; --", '{"$ne":null}', '<script>alert(1)</script>', '\u0000\u0001\u001f', '😀😀😀', 'x'.repeat(201), '../../etc/passwd', 'a&b=c?d#e'];
const LANGS = ['fi', 'sv', 'en', 'nl', 'es', 'ca', 'de', 'xx'];
const ODD_LANGS = ['', 'FIN', 'f', 'fi-FI', '😀', 'en;drop'];
const ODD_DATES = ['2025-02-30', '2025-13-01', '31.12.2025', '', '2025-1-1', '0000-01-01', '9999-12-31', '2025-01-01T00:00:00Z', 'today'];
const ODD_IDS = ['', ' ', 'null', '0', '-1', '{not-a-guid}', 'helsinki:decision:', 'x'.repeat(300), '../../etc/passwd', '%00', '\u0000', 'ÄÖÅ', 'amsterdam:body:281-4972-1', '😀'];
const ODD_CURSORS = ['', 'abc', 'eyJub3QiOiJhIGN1cnNvciJ9', 'MTAw', '=====', 'x'.repeat(500)];
const PROPOSAL_STATES = ['accepted', 'rejected', 'evaluating', 'withdrawn', 'not_answered', '', 'ÄÖÅ'];
/** Types that reference themselves through a single field: where a deep chain is cheap to build. */
const CHAIN_FIELDS = ['previousMeeting', 'nextMeeting', 'parent', 'ofType'];

export function generateQuery(schema: GraphQLSchema, seed: number, pools: Pools): GeneratedQuery {
  return new Generator(schema, new Rng(seed), pools).build();
}

interface Fragment {
  name: string;
  on: string;
  /** Depth at which it was written: reusing it much deeper would multiply its size unseen. */
  depth: number;
}

interface Variable {
  name: string;
  type: string;
  value: unknown;
  omitted: boolean;
}

class Generator {
  private readonly features = new Set<string>();
  private readonly fragments: Fragment[] = [];
  private readonly fragmentText: string[] = [];
  private readonly vars: Variable[] = [];
  private fields = 0;
  private readonly argsByField = new Map<string, string>();
  private aliasCounter = 0;
  private readonly shape: Shape;
  private readonly typeNames: string[];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rng: Rng,
    private readonly pools: Pools,
  ) {
    const r = rng.next();
    // Most queries are shallow to moderate; a few go deep (up to and past the depth limit of 15).
    const maxDepth = r < 0.55 ? rng.int(2, 6) : r < 0.93 ? rng.int(7, 10) : rng.int(13, 18);
    this.shape = { maxDepth, fieldBudget: rng.int(8, 70), maxFragments: rng.int(0, 6), width: rng.int(1, 5) };
    this.typeNames = Object.keys(schema.getTypeMap());
  }

  build(): GeneratedQuery {
    const rootType = this.schema.getQueryType()!;
    const parts: string[] = [];
    const r = this.rng.next();
    if (r < 0.04) {
      // More root fields than MAX_ROOT_FIELDS (10): must be refused, not run.
      this.features.add('root-burst');
      const n = this.rng.int(11, 14);
      for (let i = 0; i < n; i++) {
        const city = this.rng.pick(CITIES);
        parts.push(`${this.alias()}${city} { name }`);
      }
    } else {
      const n = this.rng.chance(0.7) ? 1 : this.rng.int(2, 4);
      for (let i = 0; i < n; i++) parts.push(this.rootSelection(rootType));
    }
    if (this.rng.chance(0.06)) parts.push(this.fragmentChain(rootType));
    const opName = this.rng.chance(0.3) ? ` Fuzz${this.rng.int(0, 999)}` : '';
    const used = this.vars;
    const varDefs = used.length ? `(${used.map((v) => `$${v.name}: ${v.type}`).join(', ')})` : '';
    const head = opName || varDefs ? `query${opName}${varDefs} ` : '';
    const query = [`${head}{ ${parts.join(' ')} }`, ...this.fragmentText].join('\n');
    const variables: Record<string, unknown> = {};
    for (const v of used) if (!v.omitted) variables[v.name] = v.value;
    if (used.length) this.features.add('variables');
    return { query, variables, features: [...this.features].sort() };
  }

  private rootSelection(rootType: GraphQLObjectType): string {
    const r = this.rng.next();
    if (r < 0.06) {
      this.features.add('introspection');
      return `${this.maybeAlias(0.3)}__schema ${this.selectionSet(getNamedType(SchemaMetaFieldDef.type) as GraphQLCompositeType, 2, undefined)}`;
    }
    if (r < 0.12) {
      this.features.add('introspection');
      const name = this.rng.chance(0.85) ? this.rng.pick(this.typeNames) : this.rng.pick(['NoSuchType', '', 'helsinki', '__Type', 'Query']);
      const arg = this.argument(TypeMetaFieldDef.args[0], 'name', JSON.stringify(name), name);
      return `${this.maybeAlias(0.4)}__type(${arg}) ${this.selectionSet(getNamedType(TypeMetaFieldDef.type) as GraphQLCompositeType, 2, undefined)}`;
    }
    if (r < 0.16) return `${this.maybeAlias(0.5)}__typename`;
    const city = this.rng.pick(CITIES);
    const field = rootType.getFields()[city];
    return `${this.maybeAlias(0.2)}${city} ${this.selectionSet(getNamedType(field.type) as GraphQLCompositeType, 2, city)}`;
  }

  /** A selection set on `type`, its fields at `depth` (the root's fields are at depth 1). */
  private selectionSet(type: GraphQLCompositeType, depth: number, city: string | undefined): string {
    const parts: string[] = [];
    // Response name → arguments: the same name with other arguments needs an alias to stay valid.
    const names = new Map<string, string>();
    const leafOnly = depth >= this.shape.maxDepth || this.fields >= this.shape.fieldBudget;
    const width = depth <= 3 ? this.shape.width : depth <= 6 ? Math.min(this.shape.width, 3) : 1;
    const n = leafOnly ? this.rng.int(1, 2) : this.rng.int(1, width);
    for (let i = 0; i < n; i++) {
      const r = this.rng.next();
      if (r < 0.06) {
        parts.push(`${this.maybeAlias(0.3)}__typename`);
      } else if (!leafOnly && r < 0.09 && parts.length) {
        // The same selection again: the gateway must merge it, not double the work.
        this.features.add('repeated-field');
        parts.push(this.rng.pick(parts));
      } else if (!leafOnly && r < 0.17) {
        parts.push(this.inlineFragment(type, depth, city));
      } else if (!leafOnly && r < 0.25) {
        const spread = this.fragmentSpread(type, depth, city);
        if (spread) parts.push(spread);
      } else if (!leafOnly && r < 0.26 && depth >= 2) {
        // Past MAX_QUERY_ALIASES (30): refused as a whole.
        this.features.add('alias-burst');
        const leaf = this.leafField(type);
        if (leaf) for (let k = this.rng.int(31, 40); k > 0; k--) parts.push(`${this.alias()}${leaf.name}`);
      } else if (!leafOnly && r < 0.28 && this.chainField(type)) {
        parts.push(this.chain(type));
      } else {
        const field = leafOnly ? this.leafField(type) : this.pickField(type);
        if (field) parts.push(this.field(field, depth, city, names));
      }
    }
    if (!parts.length) parts.push('__typename');
    return `{ ${parts.join(' ')} }`;
  }

  private fieldsOf(type: GraphQLCompositeType): GraphQLField<unknown, unknown>[] {
    return isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];
  }

  private pickField(type: GraphQLCompositeType): GraphQLField<unknown, unknown> | undefined {
    const fields = this.fieldsOf(type);
    return fields.length ? this.rng.pick(fields) : undefined;
  }

  /** A field without sub-selection and without required arguments (leaf levels, alias bursts). */
  private leafField(type: GraphQLCompositeType): GraphQLField<unknown, unknown> | undefined {
    const leaves = this.fieldsOf(type).filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)));
    return leaves.length ? this.rng.pick(leaves) : undefined;
  }

  private chainField(type: GraphQLCompositeType): GraphQLField<unknown, unknown> | undefined {
    return this.fieldsOf(type).find((f) => CHAIN_FIELDS.includes(f.name) && isCompositeType(getNamedType(f.type)));
  }

  /** `previousMeeting { previousMeeting { … id } }`: deep but narrow, often past MAX_QUERY_DEPTH. */
  private chain(type: GraphQLCompositeType): string {
    this.features.add('deep-chain');
    const field = this.chainField(type)!;
    const levels = this.rng.int(3, 17);
    let inner = getNamedType(field.type) as GraphQLCompositeType;
    let open = '';
    for (let i = 0; i < levels; i++) {
      open += `${field.name} { `;
      this.fields++;
      const next = this.fieldsOf(inner).find((f) => f.name === field.name);
      if (!next) break;
      inner = getNamedType(next.type) as GraphQLCompositeType;
    }
    const closing = ' }'.repeat((open.match(/\{/g) ?? []).length);
    const leaf = this.leafField(inner);
    return `${open}${leaf ? leaf.name : '__typename'}${closing}`;
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number, city: string | undefined, names: Map<string, string>): string {
    this.fields++;
    let alias = this.maybeAlias(0.08);
    // Unaliased, a field mostly keeps the arguments it had elsewhere in the query: the same response
    // name with other arguments in an overlapping selection is a validation error, not a fuzz finding.
    const signature = `${field.name}(${field.args.map((a) => `${a.name}: ${a.type}`).join(', ')})`;
    const earlier = this.argsByField.get(signature);
    let argText: string;
    if (!alias && earlier !== undefined && this.rng.chance(0.85)) argText = earlier;
    else {
      const args = field.args
        .filter((a) => isNonNullType(a.type) || this.rng.chance(0.5))
        .map((a) => this.argument(a, a.name, undefined, undefined, { field: field.name, city }));
      argText = args.length ? `(${args.join(', ')})` : '';
      if (!alias && earlier === undefined) this.argsByField.set(signature, argText);
      else if (!alias && earlier !== argText) alias = this.alias();
    }
    const previous = names.get(field.name);
    if (!alias && previous !== undefined && previous !== argText) alias = this.alias();
    if (!alias) names.set(field.name, argText);
    const named = getNamedType(field.type);
    const sub = isCompositeType(named) ? ` ${this.selectionSet(named, depth + 1, city)}` : '';
    return `${alias}${field.name}${argText}${sub}`;
  }

  /** `... on HelsinkiDecision { … }` (a member of an interface), the type itself, an interface, or no condition. */
  private inlineFragment(type: GraphQLCompositeType, depth: number, city: string | undefined): string {
    this.features.add('inline-fragment');
    const on = this.fragmentTarget(type, city);
    const cond = on === type && this.rng.chance(0.3) ? '' : ` on ${on.name}`;
    return `...${cond} ${this.selectionSet(on, depth, city)}`;
  }

  /** A type a fragment inside `type` may be on: a member matching the city most of the time. */
  private fragmentTarget(type: GraphQLCompositeType, city: string | undefined): GraphQLCompositeType {
    if (isAbstractType(type)) {
      const members = this.schema.getPossibleTypes(type);
      const ours = members.filter((m) => city && m.name.toLowerCase().startsWith(city));
      if (this.rng.chance(0.2)) return type;
      return this.rng.pick(ours.length && this.rng.chance(0.8) ? ours : members);
    }
    if (isObjectType(type) && type.getInterfaces().length && this.rng.chance(0.3)) return this.rng.pick(type.getInterfaces());
    return type;
  }

  /** A named fragment spread: an existing fragment that applies here, or a new one. */
  private fragmentSpread(type: GraphQLCompositeType, depth: number, city: string | undefined): string | undefined {
    const applicable = this.fragments.filter((f) => depth <= f.depth + 1 && this.applies(f.on, type));
    if (applicable.length && this.rng.chance(0.6)) {
      this.features.add('fragment-reuse');
      return `...${this.rng.pick(applicable).name}`;
    }
    if (this.fragments.length >= this.shape.maxFragments) return undefined;
    this.features.add('named-fragment');
    const on = this.fragmentTarget(type, city);
    // Written before it is registered: it can spread earlier fragments, never itself (no cycles).
    const body = this.selectionSet(on, depth, city);
    const name = `F${this.fragments.length}`;
    if (/\.\.\.F\d/.test(body)) this.features.add('fragment-in-fragment');
    this.fragments.push({ name, on: on.name, depth });
    this.fragmentText.push(`fragment ${name} on ${on.name} ${body}`);
    return `...${name}`;
  }

  /**
   * A chain of fragments each spreading the previous one several times (C_k on City { ...C_k-1 ...C_k-1 }).
   * Short chains are ordinary reuse; a long one is under 1 KB and up to 2^20 expansions: a client can send
   * it, and the gateway must refuse it (or answer it) within the budget, without expanding it.
   */
  private fragmentChain(rootType: GraphQLObjectType): string {
    this.features.add('fragment-chain');
    const city = this.rng.pick(CITIES);
    const cityType = getNamedType(rootType.getFields()[city].type) as GraphQLObjectType;
    const onName = this.rng.chance(0.5) ? cityType.name : 'City';
    const leafFields = this.fieldsOf(cityType).filter((f) => isLeafType(getNamedType(f.type)));
    const long = this.rng.chance(0.3);
    if (long) this.features.add('fragment-chain-long');
    const length = long ? this.rng.int(12, 21) : this.rng.int(2, 6);
    let prev = '';
    for (let i = 0; i < length; i++) {
      const name = `C${i}`;
      const spreads = prev ? Array.from({ length: long ? 2 : this.rng.int(2, 3) }, () => `...${prev}`).join(' ') : '';
      const own = i === 0 ? `${this.rng.pick(leafFields).name} decisions(first: ${this.rng.int(0, 5)}) { totalCount }` : this.rng.pick(leafFields).name;
      this.fragmentText.push(`fragment ${name} on ${onName} { ${spreads} ${own} }`);
      prev = name;
    }
    return `${this.maybeAlias(0.3)}${city} { ...${prev} }`;
  }

  private applies(on: string, type: GraphQLCompositeType): boolean {
    if (on === type.name) return true;
    const target = this.schema.getType(on);
    if (!target || !isCompositeType(target)) return false;
    if (isObjectType(type) && isAbstractType(target)) return this.schema.isSubType(target, type);
    if (isAbstractType(type) && isObjectType(target)) return this.schema.isSubType(type, target);
    return false;
  }

  private alias(): string {
    return `a${this.aliasCounter++}: `;
  }

  private maybeAlias(p: number): string {
    if (!this.rng.chance(p)) return '';
    this.features.add('alias');
    return this.alias();
  }

  /** `name: value`, as a literal or (sometimes) a variable. */
  private argument(arg: GraphQLArgument, name: string, literal?: string, raw?: unknown, where: { field?: string; city?: string } = {}): string {
    const value = raw !== undefined ? raw : this.value(arg.type, name, where);
    if (this.rng.chance(0.18)) {
      const v: Variable = { name: `v${this.vars.length}`, type: String(arg.type), value, omitted: false };
      // A nullable variable may be left out of `variables`: the argument's default applies.
      if (!isNonNullType(arg.type) && this.rng.chance(0.15)) v.omitted = true;
      this.vars.push(v);
      return `${name}: $${v.name}`;
    }
    return `${name}: ${literal ?? this.literal(value, arg.type)}`;
  }

  private value(type: GraphQLInputType, name: string, where: { field?: string; city?: string }, nonNull = false): unknown {
    if (isNonNullType(type)) return this.value(type.ofType, name, where, true);
    if (!nonNull && this.rng.chance(0.03)) return null;
    if (isListType(type)) return Array.from({ length: this.rng.int(0, 3) }, () => this.value(type.ofType, name, where));
    if (isEnumType(type)) return this.rng.pick((type as GraphQLEnumType).getValues()).name;
    if (isInputObjectType(type)) {
      const out: Record<string, unknown> = {};
      for (const f of Object.values((type as GraphQLInputObjectType).getFields())) {
        if (isNonNullType(f.type) || this.rng.chance(0.4)) out[f.name] = this.value(f.type, f.name, where);
      }
      return out;
    }
    const scalar = getNamedType(type).name;
    if (scalar === 'Boolean') return this.rng.chance(0.5);
    if (scalar === 'Float') return this.rng.next() * 100;
    if (scalar === 'Int') return name === 'first' ? this.first() : this.rng.int(-5, 200);
    if (name === 'first') return this.first();
    if (name === 'lang') return this.rng.chance(0.9) ? this.rng.pick(LANGS) : this.rng.pick(ODD_LANGS);
    if (name === 'from' || name === 'to' || scalar === 'Date' || scalar === 'DateTime') return this.date();
    if (name === 'after') return scalar === 'ID' ? this.id(where.city, undefined) : this.cursor(where.city);
    if (name === 'id') return this.id(where.city, where.field);
    if (name === 'body') return this.id(where.city, 'body');
    if (name === 'states') return this.rng.pick(PROPOSAL_STATES);
    if (name === 'name') return this.rng.pick(this.typeNames);
    return this.text();
  }

  /** `first`: mostly small (0–100 is the contract), sometimes past the maximum or negative. */
  private first(): number {
    const r = this.rng.next();
    if (r < 0.45) return this.rng.int(0, 5);
    if (r < 0.75) return this.rng.int(6, 25);
    if (r < 0.9) return this.rng.int(26, 100);
    this.features.add('first-out-of-range');
    return this.rng.pick([101, 150, 500, 501, 1000, 100000, -1, 2147483647]);
  }

  private date(): string {
    if (this.rng.chance(0.12)) return this.rng.pick(ODD_DATES);
    const y = this.rng.int(2008, 2027);
    const m = this.rng.int(1, 12);
    const d = this.rng.int(1, 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  private text(): string {
    if (this.rng.chance(0.15)) return this.rng.pick(ODD_TEXT);
    return Array.from({ length: this.rng.int(1, 3) }, () => this.rng.pick(WORDS)).join(' ');
  }

  private cursor(city: string | undefined): string {
    const real = (city && this.pools.cursors[city]) || [];
    return real.length && this.rng.chance(0.6) ? this.rng.pick(real) : this.rng.pick(ODD_CURSORS);
  }

  /** An id of the right kind and city, its own (unprefixed) form, another city's, well-formed but unknown, or junk. */
  private id(city: string | undefined, kind: string | undefined): string {
    const pool = (c: string | undefined, k: string | undefined) =>
      Object.entries(this.pools.ids)
        .filter(([key]) => (!c || key.startsWith(`${c}:`)) && (!k || key.endsWith(`:${k}`)))
        .flatMap(([, ids]) => ids);
    const ours = pool(city, kind);
    const r = this.rng.next();
    if (ours.length && r < 0.55) return this.rng.pick(ours);
    if (ours.length && r < 0.68) return this.rng.pick(ours).replace(/^[a-z]+:[a-z]+:/, '');
    if (ours.length && r < 0.8) {
      // Well-formed but (most likely) unknown: the same shape with other digits.
      this.features.add('unknown-id');
      return this.rng.pick(ours).replace(/\d/g, () => String(this.rng.int(0, 9)));
    }
    const others = pool(undefined, kind);
    if (others.length && r < 0.9) return this.rng.pick(others);
    this.features.add('malformed-id');
    return this.rng.pick(ODD_IDS);
  }

  /** A value as a GraphQL literal of `type` (enums bare, strings JSON-escaped, which GraphQL accepts). */
  private literal(value: unknown, type: GraphQLInputType): string {
    if (value === null || value === undefined) return 'null';
    if (type instanceof GraphQLNonNull) return this.literal(value, type.ofType);
    if (type instanceof GraphQLList) return Array.isArray(value) ? `[${value.map((v) => this.literal(v, type.ofType)).join(', ')}]` : this.literal(value, type.ofType);
    if (isEnumType(type)) return String(value);
    if (isInputObjectType(type)) {
      const fields = type.getFields();
      return `{ ${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${this.literal(v, fields[k].type)}`).join(', ')} }`;
    }
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  }
}
