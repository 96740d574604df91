/** The gateway's GraphQL endpoint, on the origin that served the page (no other host is ever asked). */
export const GRAPHQL_PATH = '/graphql';

export interface GraphQLError {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

/** POSTs one operation as JSON (the gateway's CSRF prevention refuses simple requests). */
export async function postGraphQL<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const res = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  try {
    return JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    // A proxy's or a limiter's answer that is not GraphQL: say what came back.
    return { errors: [{ message: `The gateway answered HTTP ${res.status} without a GraphQL response: ${text.slice(0, 200)}` }] };
  }
}

/** The data of a response that must have it; the errors' messages otherwise. */
export async function queryData<T>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; errors: GraphQLError[] }> {
  const res = await postGraphQL<T>(query, variables);
  if (!res.data) throw new Error((res.errors ?? [{ message: 'no data and no error in the answer' }]).map((e) => e.message).join('\n'));
  return { data: res.data, errors: res.errors ?? [] };
}
