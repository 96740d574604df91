/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Canonical kind of decision maker. */
export type BodyType =
  /** The city board or executive (e.g. Helsinki's Kaupunginhallitus). */
  | 'BOARD'
  /** A committee or board under the council. */
  | 'COMMITTEE'
  /** The city council (elected assembly). */
  | 'COUNCIL'
  /** An individual officer holding delegated decision power. */
  | 'OFFICER'
  /** An organisational unit that is not itself a decision maker. */
  | 'ORGANIZATION'
  /** Anything else; see `typeRaw`. */
  | 'OTHER'
  /** A division or subcommittee of a board or committee. */
  | 'SUBCOMMITTEE'
  /** An elected trustee deciding alone (e.g. the mayor). */
  | 'TRUSTEE';

/** Which decisions to list. All given conditions must hold. */
export type DecisionFilter = {
  /** Only decisions of this body: its global id (`helsinki:body:02900`) or the city's own id (`02900`). */
  body?: string | number | null | undefined;
  /** Only decisions whose deciding body is of one of these kinds. */
  bodyType?: Array<BodyType> | null | undefined;
  /** Only decisions in this category or below it: a code of the city's scheme; a shorter code matches all codes that start with it. */
  category?: string | null | undefined;
  /** Earliest decision date, inclusive (the city's local date). */
  from?: string | null | undefined;
  /** Only decisions with one of these outcomes. */
  outcome?: Array<Outcome> | null | undefined;
  /** Words that must all occur (case-insensitive) in the title, decision text, proposal text or case label, in any published language. */
  text?: string | null | undefined;
  /** Date after the last decision date wanted, exclusive (the city's local date). Must be after `from`. */
  to?: string | null | undefined;
  /** Only decisions with a topic (COFOG) under one of these codes: a division `06` matches its groups `06.1` … `06.6`. */
  topic?: Array<string> | null | undefined;
};

/**
 * Canonical outcome of a decision: each value means one thing in every city. The city's own wording
 * is always in `outcomeRaw`; wordings a city's mapping does not recognise are UNKNOWN and counted in
 * `sources { unmappedValues }`.
 */
export type Outcome =
  /** A proposal, motion or nomination adopted as proposed (approved, granted, elected): Helsinki "päätti hyväksyä / myöntää / valita …", "hyväksyi", "päätös on ehdotuksen mukainen", sv "beslutade godkänna"; Barcelona "Aprovada", "Aprovat per unanimitat", "aprovat_unanimitat"; Amsterdam "Aangenomen". */
  | 'ADOPTED'
  /** Adopted with amendments: Helsinki "… muutettuna", sv "med ändring"; Barcelona "Aprovada amb modificacions", "Aprovada amb text transaccionat"; Amsterdam "Geamendeerd aangenomen". */
  | 'AMENDED'
  /** Noted for information; nothing was decided: Helsinki "merkitsi tiedoksi", "päätti merkitä tiedoksi", sv "antecknade för kännedom". */
  | 'NOTED'
  /** Postponed or tabled to a later meeting: Helsinki "pöydälle", "jättää … lepäämään", sv "bordlägga"; Amsterdam "Aangehouden". */
  | 'POSTPONED'
  /** Sent back for further preparation: Helsinki "palauttaa … uudelleen valmisteltavaksi", sv "återremittera". */
  | 'REFERRED_BACK'
  /** A proposal or motion the deciding body did not adopt: Barcelona "Rebutjada", "rebutjat", "No aprovada"; Helsinki "päätti hylätä" of a proposal, motion or initiative; Amsterdam "Verworpen". A refused claim, appeal or application is REQUEST_REJECTED, not this. */
  | 'REJECTED'
  /** A claim, appeal or request not examined (late, inadmissible, no standing): Helsinki "jättää tutkimatta", sv "lämna utan prövning". */
  | 'REQUEST_DISMISSED'
  /** A claim, appeal, application or request refused on its merits: Helsinki "hylätä oikaisuvaatimus / vaatimus / hakemus / valitus", sv "avslå rättelseyrkandet". Not a rejected proposal (see REJECTED). */
  | 'REQUEST_REJECTED'
  /** The city's data does not say, or says something the mapping does not recognise. */
  | 'UNKNOWN'
  /** Withdrawn or removed from the agenda: Helsinki "poistettiin esityslistalta"; Amsterdam "Ingetrokken". */
  | 'WITHDRAWN';

export type DecisionsPageQueryVariables = Exact<{
  filter?: DecisionFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DecisionsPageQuery = { amsterdam: { id: string, decisions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string, date: string | null, outcome: Outcome } }> } } | null };

export type DecisionByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type DecisionByIdQuery = { amsterdam: { id: string, decision: { id: string, title: string, date: string | null, decidedAt: string | null, outcome: Outcome, body: { id: string, name: string } | null } | null } | null };

export type NewestDecisionsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type NewestDecisionsQuery = { helsinki: { id: string, name: string, decisions: { totalCount: number, edges: Array<{ cursor: string, node: { __typename: 'HelsinkiDecision', id: string, title: string, date: string | null, decidedAt: string | null } }> } } | null, amsterdam: { id: string, name: string, decisions: { totalCount: number, edges: Array<{ cursor: string, node: { __typename: 'AmsterdamDecision', id: string, title: string, date: string | null, decidedAt: string | null } }> } } | null };


export const DecisionsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DecisionsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amsterdam"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DecisionsPageQuery, DecisionsPageQueryVariables>;
export const DecisionByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DecisionById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amsterdam"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DecisionByIdQuery, DecisionByIdQueryVariables>;
export const NewestDecisionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NewestDecisions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"helsinki"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"amsterdam"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NewestDecisionsQuery, NewestDecisionsQueryVariables>;