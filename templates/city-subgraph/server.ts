/**
 * Builds Example City's subgraph: Apollo Server over a federation subgraph schema (the contract
 * plus schema.graphql), with cache hints turned into `cache-control` headers, which the gateway
 * caches by. `startSubgraph()` listens; index.ts runs it, tests start it on a free port.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type DocumentNode } from 'graphql';
import { createResolvers, loadDataset } from './resolvers';

/** The subgraph's SDL: the shared contract (a copy: refresh it from the project) followed by the city's own types. */
export function typeDefsSource(): string {
  const read = (file: string) => fs.readFileSync(path.join(__dirname, file), 'utf8');
  return `${read('contract.graphql')}\n${read('schema.graphql')}`;
}

export interface SubgraphOptions {
  /** The SDL (default: contract.graphql + schema.graphql). */
  typeDefs?: DocumentNode;
  /** The resolvers (default: createResolvers over data/decisions.json). */
  resolvers?: GraphQLResolverMap<unknown>;
  /** Cache hint for root fields and types without one (seconds). */
  defaultMaxAge?: number;
  port?: number;
  host?: string;
}

export function buildServer(opts: SubgraphOptions = {}): ApolloServer {
  const schema = buildSubgraphSchema([
    { typeDefs: opts.typeDefs ?? parse(typeDefsSource()), resolvers: opts.resolvers ?? (createResolvers(loadDataset()) as unknown as GraphQLResolverMap<unknown>) },
  ]);
  return new ApolloServer({
    schema,
    plugins: [
      ApolloServerPluginCacheControl({ defaultMaxAge: opts.defaultMaxAge ?? 60 }),
      ApolloServerPluginLandingPageDisabled(),
      // No Apollo Studio behind the project's gateway: traces would only cost time.
      ApolloServerPluginInlineTraceDisabled(),
    ],
    includeStacktraceInErrorResponses: false,
  });
}

export interface RunningSubgraph {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4010/graphql. */
  url: string;
  stop(): Promise<void>;
}

/** Listens on `host:port` (port 0: a free one). The standalone server answers on every path; /graphql is the one to register. */
export async function startSubgraph(opts: SubgraphOptions = {}): Promise<RunningSubgraph> {
  const server = buildServer(opts);
  const { url } = await startStandaloneServer(server, { listen: { port: opts.port ?? 4010, host: opts.host ?? '127.0.0.1' } });
  return { url: new URL('graphql', url).href, stop: () => server.stop() };
}
