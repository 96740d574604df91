/**
 * Starts any city of the registry the way `npm run start:offline` does, whatever its adapter: its
 * replica as a real process (the adapter's replica entry, told its city by CITY_ID), its subgraph in
 * process through the adapter's `buildFromEnv` over that replica (store: the tests' PostgreSQL), each on a free
 * loopback port, then waits for the city's first sync. Nothing of ours is mocked. A test that starts
 * every registry city this way proves that a city added by configuration runs without code.
 */
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { replicaOf, ROOT_DIR, type CityEntry } from '../../schema/cities';
import { composeSupergraph } from '../../schema/compose';
import { buildGateway } from '../../gateway/server';
import type { CitySubgraph } from '../../subgraphs/shared/city-subgraph';
import type { RunningService } from '../../subgraphs/shared/server';
import { freePort, startProcess, stopProcess, waitFor } from './process';
import { logger, postGraphQL, testStoreEnv, type GraphQLResponse } from './harness';

export interface StartedCity {
  city: CityEntry;
  /** The subgraph's GraphQL endpoint. */
  url: string;
  service: CitySubgraph;
  replica: ChildProcess & { output: () => string };
  close(): Promise<void>;
}

/** Starts one adapter city over its replica and waits until its first sync is done. */
export async function startRegistryCity(city: CityEntry, env: NodeJS.ProcessEnv = {}): Promise<StartedCity> {
  if (!city.adapter) throw new Error(`${city.id} runs its own subgraph (${city.subgraph.url}); there is nothing to start`);
  const replicaPort = await freePort();
  const replica = startProcess(replicaOf(city).entry, { CITY_ID: city.id, [`${city.envPrefix}_REPLICA_PORT`]: String(replicaPort), LOG_LEVEL: 'warn' });
  let service: CitySubgraph | undefined;
  try {
    await waitFor(`http://127.0.0.1:${replicaPort}/health`, 60000);
    const upstreams = Object.fromEntries(city.upstreams.map((u) => [u.baseUrlEnv, `http://127.0.0.1:${replicaPort}${u.replicaPath}`]));
    const { buildFromEnv } = (await import(path.join(ROOT_DIR, city.subgraph.builder))) as { buildFromEnv(env: NodeJS.ProcessEnv, l: typeof logger): Promise<CitySubgraph> };
    service = await buildFromEnv({ CITY_ID: city.id, DATA_DIR: 'memory', ...testStoreEnv(), SYNC_INTERVAL_S: '0', ...upstreams, ...env }, logger);
    const running: RunningService = await service.listen(0);
    // The first sync is done when /ready answers 200.
    await waitFor(running.url.replace(/\/graphql$/, '/ready'), 180000);
    return {
      city,
      url: running.url,
      service,
      replica,
      close: async () => {
        await running.close().catch(() => undefined);
        await stopProcess(replica);
      },
    };
  } catch (err) {
    await stopProcess(replica);
    throw new Error(`${city.id} did not start: ${(err as Error).message}\nreplica output:\n${replica.output().slice(-2000)}`);
  }
}

export interface RegistryGraph {
  gatewayUrl: string;
  cities: Record<string, StartedCity>;
  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

/** Every given adapter city, started as above (with `env` added to each subgraph's), behind one gateway composed from the registry. */
export async function startRegistryGraph(cities: CityEntry[], env: NodeJS.ProcessEnv = {}): Promise<RegistryGraph> {
  const started: Record<string, StartedCity> = {};
  try {
    // One at a time: each first sync is CPU-bound, and two cores are shared with the test itself.
    for (const city of cities) started[city.id] = await startRegistryCity(city, env);
    const { supergraphSdl, errors } = composeSupergraph({}, cities);
    if (!supergraphSdl) throw new Error(`the registry does not compose: ${errors.join('; ')}`);
    const gateway = await buildGateway({ supergraphSdl, subgraphUrls: Object.fromEntries(cities.map((c) => [c.id, started[c.id].url])), subgraphTimeoutMs: 10000 }, logger);
    const running = await gateway.listen(0);
    return {
      gatewayUrl: running.url,
      cities: started,
      query: (q, v) => postGraphQL(running.url, q, v),
      close: async () => {
        await running.close();
        await Promise.all(Object.values(started).map((c) => c.close()));
      },
    };
  } catch (err) {
    await Promise.all(Object.values(started).map((c) => c.close()));
    throw err;
  }
}
