/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DecisionsPage($filter: DecisionFilter, $first: Int, $after: String) {\n    amsterdam {\n      id\n      decisions(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { id title date outcome } }\n      }\n    }\n  }\n": typeof types.DecisionsPageDocument,
    "\n  query DecisionById($id: ID!) {\n    amsterdam {\n      id\n      decision(id: $id) { id title date decidedAt outcome body { id name } }\n    }\n  }\n": typeof types.DecisionByIdDocument,
    "\n  query NewestDecisions($first: Int = 3) {\n    helsinki { id name decisions(first: $first) { totalCount edges { cursor node { __typename id title date decidedAt } } } }\n    amsterdam { id name decisions(first: $first) { totalCount edges { cursor node { __typename id title date decidedAt } } } }\n  }\n": typeof types.NewestDecisionsDocument,
};
const documents: Documents = {
    "\n  query DecisionsPage($filter: DecisionFilter, $first: Int, $after: String) {\n    amsterdam {\n      id\n      decisions(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { id title date outcome } }\n      }\n    }\n  }\n": types.DecisionsPageDocument,
    "\n  query DecisionById($id: ID!) {\n    amsterdam {\n      id\n      decision(id: $id) { id title date decidedAt outcome body { id name } }\n    }\n  }\n": types.DecisionByIdDocument,
    "\n  query NewestDecisions($first: Int = 3) {\n    helsinki { id name decisions(first: $first) { totalCount edges { cursor node { __typename id title date decidedAt } } } }\n    amsterdam { id name decisions(first: $first) { totalCount edges { cursor node { __typename id title date decidedAt } } } }\n  }\n": types.NewestDecisionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionsPage($filter: DecisionFilter, $first: Int, $after: String) {\n    amsterdam {\n      id\n      decisions(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { id title date outcome } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionsPage($filter: DecisionFilter, $first: Int, $after: String) {\n    amsterdam {\n      id\n      decisions(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { id title date outcome } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionById($id: ID!) {\n    amsterdam {\n      id\n      decision(id: $id) { id title date decidedAt outcome body { id name } }\n    }\n  }\n"): (typeof documents)["\n  query DecisionById($id: ID!) {\n    amsterdam {\n      id\n      decision(id: $id) { id title date decidedAt outcome body { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewestDecisions($first: Int = 3) {\n    helsinki { id name decisions(first: $first) { totalCount edges { cursor node { __typename id title date decidedAt } } } }\n    amsterdam { id name decisions(first: $first) { totalCount edges { cursor node { __typename id title date decidedAt } } } }\n  }\n"): (typeof documents)["\n  query NewestDecisions($first: Int = 3) {\n    helsinki { id name decisions(first: $first) { totalCount edges { cursor node { __typename id title date decidedAt } } } }\n    amsterdam { id name decisions(first: $first) { totalCount edges { cursor node { __typename id title date decidedAt } } } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;