/** The shapes the conformance kit passes around: what a check sees, and what it reports. */
import type { DocumentNode, GraphQLSchema } from 'graphql';

/** One rule's verdict. `example` shows what broke it (a value, a query and its answer). */
export interface CheckResult {
  rule: string;
  ok: boolean;
  message: string;
  example?: string;
}

export interface GraphQLErrorShape {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

/** An HTTP answer of the subgraph: status, headers and the GraphQL body. */
export interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: GraphQLErrorShape[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The subgraph under test, as every check sees it. */
export interface Subject {
  /** The subgraph's GraphQL endpoint. */
  url: string;
  /** The city id: the root field's name and every id's prefix. */
  city: string;
  /** The SDL the subgraph reports in `{ _service { sdl } }`. */
  sdl: string;
  document: DocumentNode;
  /** The schema built from `sdl` (not validated: `sdl.contract` validates it). */
  schema: GraphQLSchema;
  /** The subgraphs it must compose with: the other configured cities, each the contract plus its own SDL. */
  others: Array<{ name: string; sdl: string }>;
  /** The contract's SDL (schema/contract.graphql). */
  contractSdl: string;
  /** POSTs a query to the subgraph. */
  post(query: string, variables?: Record<string, unknown>): Promise<Answer>;
}

export type Verdict = Omit<CheckResult, 'rule'>;

export interface Check {
  rule: string;
  /** What the rule demands, in one line (the table and the README list these). */
  summary: string;
  run(subject: Subject): Promise<Verdict>;
}

/** Thrown inside a check to fail it at once with a message and an example. */
export class CheckFailure extends Error {
  constructor(message: string, readonly example?: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}

export const pass = (message: string): Verdict => ({ ok: true, message });
export const fail = (message: string, example?: unknown): Verdict => ({ ok: false, message, example: example === undefined ? undefined : show(example) });

/** An example as text: strings as they are, anything else as compact JSON, cut to stay readable. */
export function show(value: unknown, max = 1200): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 1)?.replace(/\n\s*/g, ' ') ?? String(value);
  return text.length > max ? `${text.slice(0, max)} …` : text;
}
