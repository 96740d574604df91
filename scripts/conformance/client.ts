/** The kit talks to the subgraph only over HTTP, as the gateway does: a city may run any server. */
import { CheckFailure, show, type Answer, type Subject } from './types';

export const REQUEST_TIMEOUT_MS = 20_000;

export async function postGraphQL(url: string, query: string, variables?: Record<string, unknown>, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  try {
    return { status: res.status, headers: res.headers, body: JSON.parse(text) };
  } catch {
    throw new CheckFailure(`${url} answered HTTP ${res.status} with a body that is not JSON`, text.slice(0, 300));
  }
}

/**
 * Runs a query that must succeed and returns its `data[city]`; an error or a null branch fails the
 * calling check, with the query and the errors as the example.
 */
export async function cityData(s: Subject, selection: string, what: string, variables?: Record<string, unknown>, vars = ''): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const query = `query Conformance${vars} { ${s.city} { ${selection} } }`;
  const answer = await s.post(query, variables);
  if (answer.body.errors?.length || !answer.body.data?.[s.city]) {
    throw new CheckFailure(`${what}: the query failed (${answer.body.errors?.[0]?.message ?? `HTTP ${answer.status}, no data`})`, show({ query: oneLine(query), variables, errors: answer.body.errors?.slice(0, 3) }));
  }
  return answer.body.data[s.city];
}

export const oneLine = (query: string) => query.replace(/\s+/g, ' ').trim();
