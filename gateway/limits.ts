/**
 * Query limits at the gateway, checked before any city is asked: depth, aliases, root fields and a
 * cost in which connection sizes multiply (a list of 100 inside a list of 100 costs 10,000). Tokens
 * are limited by the parser (`maxTokens`) and request size by the body limit. Each error names the
 * limit and its value, with code QUERY_TOO_COMPLEX.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  isCompositeType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxCost: number;
  maxTokens: number;
}

function tooComplex(limit: string, value: number, actual: number, hint: string): GraphQLError {
  return new GraphQLError(`Query ${limit} is ${actual}; the limit is ${value}. ${hint}`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max: value, actual },
  });
}

/**
 * The page size a field of a list may return: its literal `first`, the contract's maximum (100) for a
 * variable (validation runs before variables are known), 20 (the default) for a connection without
 * `first`; 1 for other fields.
 */
function pageSize(field: FieldNode, fieldArgs: readonly { name: string }[] | undefined): number {
  const hasFirst = fieldArgs?.some((a) => a.name === 'first');
  if (!hasFirst) return 1;
  const first = field.arguments?.find((a) => a.name.value === 'first');
  if (!first) return 20;
  const v: ValueNode = first.value;
  return v.kind === Kind.INT ? Math.max(1, Number(v.value)) : 100;
}

export function limitRules(limits: QueryLimits) {
  const rule = (context: ValidationContext): ASTVisitor => {
    const schema: GraphQLSchema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

    /** Walks a selection set: returns [depth, cost, aliases]. */
    function measure(set: SelectionSetNode, type: GraphQLCompositeType, seen: Set<string>): [number, number, number] {
      let depth = 0;
      let cost = 0;
      let aliases = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.alias) aliases++;
          const fieldDef = 'getFields' in type ? (type.getFields() as Record<string, { type: Parameters<typeof getNamedType>[0]; args?: readonly { name: string }[] }>)[sel.name.value] : undefined;
          const named = fieldDef ? getNamedType(fieldDef.type) : undefined;
          let child: [number, number, number] = [0, 0, 0];
          if (sel.selectionSet && named && isCompositeType(named)) child = measure(sel.selectionSet, named, seen);
          depth = Math.max(depth, 1 + child[0]);
          cost += 1 + pageSize(sel, fieldDef?.args) * child[1];
          aliases += child[2];
        } else {
          const target = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments.get(sel.name.value);
          if (!target || (sel.kind === Kind.FRAGMENT_SPREAD && seen.has(sel.name.value))) continue;
          const cond = target.typeCondition ? schema.getType(target.typeCondition.name.value) : type;
          const next = new Set(seen);
          if (sel.kind === Kind.FRAGMENT_SPREAD) next.add(sel.name.value);
          const [d, c, a] = measure(target.selectionSet, (cond && isCompositeType(cond) ? cond : type), next);
          depth = Math.max(depth, d);
          cost += c;
          aliases += a;
        }
      }
      return [depth, cost, aliases];
    }

    return {
      OperationDefinition(node) {
        const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        if (!root) return;
        const rootFields = node.selectionSet.selections.length;
        const [depth, cost, aliases] = measure(node.selectionSet, root, new Set());
        if (rootFields > limits.maxRootFields) context.reportError(tooComplex('root fields', limits.maxRootFields, rootFields, 'Split the query.'));
        if (depth > limits.maxDepth) context.reportError(tooComplex('depth', limits.maxDepth, depth, 'Select fewer nested levels.'));
        if (aliases > limits.maxAliases) context.reportError(tooComplex('aliases', limits.maxAliases, aliases, 'Use fewer aliases, or variables in separate requests.'));
        if (cost > limits.maxCost) context.reportError(tooComplex('cost', limits.maxCost, cost, 'Lower `first` on nested lists (sizes multiply), or page with `after`.'));
      },
    };
  };
  return [rule];
}
