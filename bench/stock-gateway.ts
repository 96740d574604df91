/**
 * Stock `@apollo/gateway` + `@apollo/server` over the same supergraph and subgraphs, with nothing of
 * this project's gateway (no response or edge cache, no limits, no breakers): the benchmark's
 * baseline. PORT and `{CITY}_SUBGRAPH_URL` as for the real gateway.
 */
import fs from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { CITIES, SUPERGRAPH_FILE, subgraphUrl } from '../schema/cities';

async function main(): Promise<void> {
  const urls = Object.fromEntries(CITIES.map((c) => [c.id, subgraphUrl(c, process.env)]));
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: urls[name] ?? url }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } });
  console.error(`stock gateway at ${url}`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
