/**
 * The client examples (examples/clients) against a real graph over HTTP (Ahjo + Notubiz replicas →
 * Helsinki and Amsterdam subgraphs → gateway, on loopback): Apollo Client pages a whole list with
 * `fetchMore` (each item exactly once, as many as `totalCount`), keeps one cache entry per decision
 * and per city whichever query fetched it, and sends persisted-query hashes; urql over GET answers with
 * the preflight header and gets the documented 400 without it; graphql-request answers; the
 * `possibleTypes` from the API schema are the endpoint's; the committed codegen output is what
 * codegen makes now from the committed supergraph (and `npm test`'s typecheck compiles it).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startGraph, type Graph } from './harness';
import { ROOT_DIR } from '../../schema/cities';
import { apiSchema, fetchPossibleTypes, possibleTypesOf } from '../../examples/clients/api-schema';
import { createApolloClient } from '../../examples/clients/apollo';
import { createUrqlClient } from '../../examples/clients/urql';
import { createGraphQLRequestClient } from '../../examples/clients/graphql-request';
import { DecisionById, DecisionsPage, NewestDecisions } from '../../examples/clients/operations';
import type { DecisionFilter, DecisionsPageQuery } from '../../examples/clients/gql/graphql';
import type { ApolloQueryResult } from '@apollo/client/core';

/** Every request a client sent and the status it got, to check what went over the wire. */
interface Sent {
  method: string;
  url: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
}
function recordingFetch(log: Sent[]): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    log.push({ method: init?.method ?? 'GET', url: String(input), body, status: res.status });
    return res;
  };
}

const possibleTypes = possibleTypesOf(apiSchema());

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph({ amsterdam: true });
});
afterAll(async () => {
  await graph?.close();
});

test('possibleTypes from the committed supergraph are the endpoint’s (introspection)', async () => {
  expect(possibleTypes.City).toEqual(expect.arrayContaining(['AmsterdamCity', 'HelsinkiCity']));
  expect(possibleTypes.Decision).toEqual(expect.arrayContaining(['AmsterdamDecision', 'HelsinkiDecision']));
  expect(await fetchPossibleTypes(graph.gatewayUrl)).toEqual(possibleTypes);
});

describe('Apollo Client', () => {
  // A year of Amsterdam's decisions: more than two pages of 25 (checked below), fewer than 40 pages.
  const filter: DecisionFilter = { from: '2025-01-01', to: '2026-01-01' };
  const PAGE = 25;

  test('fetchMore pages the whole list: every decision once, totalCount of them', async () => {
    const client = createApolloClient({ uri: graph.gatewayUrl, possibleTypes });
    const watched = client.watchQuery({ query: DecisionsPage, variables: { filter, first: PAGE } });
    // The first page (`ObservableQuery.result()` is deprecated in 3.14: wait for the first settled value).
    let subscription: { unsubscribe(): void } | undefined;
    const first = await new Promise<ApolloQueryResult<DecisionsPageQuery>>((resolve, reject) => {
      subscription = watched.subscribe({ next: (r) => !r.loading && resolve(r), error: reject });
    });
    expect(first.errors).toBeUndefined();
    const total = first.data.amsterdam!.decisions.totalCount;
    expect(total).toBeGreaterThan(2 * PAGE);
    expect(total).toBeLessThan(40 * PAGE);
    let merged = client.readQuery({ query: DecisionsPage, variables: { filter } })!.amsterdam!.decisions;
    for (let i = 0; merged.pageInfo.hasNextPage && i < 40; i++) {
      const page = await watched.fetchMore({ variables: { after: merged.pageInfo.endCursor } });
      expect(page.errors).toBeUndefined();
      expect(page.data.amsterdam!.decisions.edges.length).toBeGreaterThan(0);
      merged = client.readQuery({ query: DecisionsPage, variables: { filter } })!.amsterdam!.decisions;
    }
    expect(merged.pageInfo.hasNextPage).toBe(false);
    const ids = merged.edges.map((e) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(total);
    expect(merged.totalCount).toBe(total);
    // The same list in one go from the graph: the same ids, in the same order.
    const direct: string[] = [];
    for (let after: string | null = null, i = 0; i < 40; i++) {
      const res = await graph.query(`query($f: DecisionFilter, $after: String) { amsterdam { decisions(filter: $f, first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } } }`, { f: filter, after });
      const conn = res.data.amsterdam.decisions;
      direct.push(...conn.nodes.map((n: { id: string }) => n.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(ids).toEqual(direct);
    subscription?.unsubscribe();
    client.stop();
  });

  test('one decision fetched by a list and by id is one cache entry; the city root is one entry; APQ sends hashes', async () => {
    const sent: Sent[] = [];
    const client = createApolloClient({ uri: graph.gatewayUrl, possibleTypes, fetch: recordingFetch(sent) });
    const list = await client.query({ query: DecisionsPage, variables: { filter, first: 5 } });
    const node = list.data.amsterdam!.decisions.edges[0].node;
    const byId = await client.query({ query: DecisionById, variables: { id: node.id } });
    expect(byId.errors).toBeUndefined();
    expect(byId.data.amsterdam!.decision!.id).toBe(node.id);

    const cache = client.cache.extract() as Record<string, Record<string, unknown>>;
    const entries = Object.keys(cache).filter((k) => k.includes(node.id));
    expect(entries).toEqual([`AmsterdamDecision:${node.id}`]);
    // Fields of both queries are in that one entry.
    expect(cache[entries[0]]).toEqual(expect.objectContaining({ title: node.title, outcome: node.outcome }));
    expect(Object.keys(cache[entries[0]])).toEqual(expect.arrayContaining(['title', 'decidedAt', 'body']));
    // keyFields ['id'] on the city root: one entry, and the root field points at it.
    expect(Object.keys(cache).filter((k) => k.startsWith('AmsterdamCity:'))).toEqual(['AmsterdamCity:{"id":"amsterdam"}']);
    expect(cache.ROOT_QUERY.amsterdam).toEqual({ __ref: 'AmsterdamCity:{"id":"amsterdam"}' });

    // APQ: every operation went first as a hash alone; DecisionById, new to the gateway here, was
    // answered PERSISTED_QUERY_NOT_FOUND (HTTP 200) and sent again with its query and the hash of that query.
    const hashOnly = sent.filter((s) => s.body?.extensions?.persistedQuery && s.body.query === undefined);
    expect(hashOnly.map((s) => s.body.operationName)).toEqual(['DecisionsPage', 'DecisionById']);
    expect(hashOnly[1].status).toBe(200);
    const withQuery = sent.filter((s) => typeof s.body?.query === 'string');
    expect(withQuery.map((s) => s.body.operationName)).toContain('DecisionById');
    expect(sent.indexOf(withQuery.find((s) => s.body.operationName === 'DecisionById')!)).toBe(sent.indexOf(hashOnly[1]) + 1);
    for (const s of withQuery) expect(s.body.extensions.persistedQuery.sha256Hash).toBe(createHash('sha256').update(s.body.query).digest('hex'));
    client.stop();

    // A second client (fresh cache): the gateway knows the hash now, so the hash alone is answered.
    const sent2: Sent[] = [];
    const again = createApolloClient({ uri: graph.gatewayUrl, possibleTypes, fetch: recordingFetch(sent2) });
    const res = await again.query({ query: DecisionById, variables: { id: node.id } });
    expect(res.data.amsterdam!.decision!.id).toBe(node.id);
    expect(sent2).toHaveLength(1);
    expect(sent2[0].body.query).toBeUndefined();
    expect(sent2[0].body.extensions.persistedQuery.sha256Hash).toBe(hashOnly[1].body.extensions.persistedQuery.sha256Hash);
    again.stop();
  });
});

describe('urql over GET', () => {
  test('with apollo-require-preflight: data', async () => {
    const sent: Sent[] = [];
    const client = createUrqlClient({ url: graph.gatewayUrl, fetch: recordingFetch(sent) });
    const res = await client.query(NewestDecisions, { first: 2 }).toPromise();
    expect(res.error).toBeUndefined();
    expect(res.data!.helsinki!.decisions.edges).toHaveLength(2);
    expect(res.data!.amsterdam!.decisions.edges).toHaveLength(2);
    expect(res.data!.amsterdam!.decisions.edges[0].node.id).toMatch(/^amsterdam:decision:/);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual(expect.objectContaining({ method: 'GET', status: 200 }));
    expect(new URL(sent[0].url).searchParams.get('operationName')).toBe('NewestDecisions');
  });

  test('without it: HTTP 400 BAD_REQUEST naming the header', async () => {
    const sent: Sent[] = [];
    const client = createUrqlClient({ url: graph.gatewayUrl, preflight: false, fetch: recordingFetch(sent) });
    const res = await client.query(NewestDecisions, { first: 2 }).toPromise();
    expect(res.data).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual(expect.objectContaining({ method: 'GET', status: 400 }));
    expect(res.error?.message).toMatch(/apollo-require-preflight/);
  });
});

test('graphql-request: typed data', async () => {
  const client = createGraphQLRequestClient(graph.gatewayUrl);
  const data = await client.request(NewestDecisions, { first: 2 });
  expect(data.helsinki!.id).toBe('helsinki');
  expect(data.amsterdam!.id).toBe('amsterdam');
  expect(data.helsinki!.decisions.totalCount).toBeGreaterThan(0);
  expect(data.amsterdam!.decisions.edges.map((e) => e.node.id)).toEqual([
    expect.stringMatching(/^amsterdam:decision:/),
    expect.stringMatching(/^amsterdam:decision:/),
  ]);
});

test('codegen from the committed supergraph makes exactly the committed examples/clients/gql', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-'));
  try {
    await promisify(execFile)(process.execPath, [path.join(ROOT_DIR, 'node_modules/@graphql-codegen/cli/esm/bin.js'), '--config', 'examples/clients/codegen.ts', '--silent'], {
      cwd: ROOT_DIR,
      env: { ...process.env, NODE_OPTIONS: '', CODEGEN_OUT: out + '/' },
    });
    const committed = path.join(ROOT_DIR, 'examples/clients/gql');
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual(fs.readdirSync(committed).sort());
    expect(files).toContain('graphql.ts');
    for (const f of files) expect(fs.readFileSync(path.join(out, f), 'utf8')).toBe(fs.readFileSync(path.join(committed, f), 'utf8'));
    // The contract's scalars are typed, not `any`.
    expect(fs.readFileSync(path.join(committed, 'graphql.ts'), 'utf8')).toMatch(/decidedAt: string \| null/);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
