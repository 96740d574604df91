/**
 * Compile-time proof, checked by `npm test`'s typecheck, that codegen types each city's lists with
 * that city's own records: `helsinki.decisions` holds `HelsinkiDecision`s only, never the union of
 * every city's decision type, so no client narrows by `__typename` by hand. The contract's
 * connection interfaces are implemented by each city's own connection type (schema/connections.ts).
 */
import type { NewestDecisionsQuery } from './gql/graphql';

/** True when A and B are the same type (not merely assignable), else false. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type DecisionNodeOf<City extends 'helsinki' | 'amsterdam'> = NonNullable<NewestDecisionsQuery[City]>['decisions']['edges'][number]['node'];

export const helsinkiListsHelsinkiDecisions: Equal<DecisionNodeOf<'helsinki'>['__typename'], 'HelsinkiDecision'> = true;
export const amsterdamListsAmsterdamDecisions: Equal<DecisionNodeOf<'amsterdam'>['__typename'], 'AmsterdamDecision'> = true;
