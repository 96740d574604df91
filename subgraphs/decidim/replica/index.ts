/**
 * Starts a Decidim city's replica (its plenary files, if any, and its Decidim API):
 * `CITY_ID=<city> tsx subgraphs/decidim/replica/index.ts`. Data from the city's `replica.dir`
 * (`<CITY>_REPLICA_DIR`), port `<CITY>_REPLICA_PORT`, and `<CITY>_REPLICA_SCALE`, `_LATENCY_MS`, `_HOST`,
 * `_DECIDIM_VERSION` (the Decidim version to imitate, e.g. `0.31.1`; default the seed's).
 */
import path from 'node:path';
import { cityFromEnv, replicaOf, ROOT_DIR } from '../../../schema/cities';
import { closeOnSignals } from '../../shared/server';
import { createLogger } from '../../shared/logger';
import { replicaScaleFromEnv } from '../../shared/replica';
import { createDecidimCityReplica, filesPathOf } from './server';

const city = cityFromEnv('decidim');
const E = city.envPrefix;

async function main(): Promise<void> {
  const logger = createLogger(`${city.id}-replica`);
  const dataDir = path.resolve(ROOT_DIR, process.env[replicaOf(city).dirEnv] || replicaOf(city).defaultDir);
  const port = Number(process.env[`${E}_REPLICA_PORT`] || replicaOf(city).port);
  // N copies of the plenary records and Decidim's processes with their own refs, ids and earlier dates (load tests); 1 = as recorded.
  const scale = replicaScaleFromEnv(`${E}_REPLICA_SCALE`);
  const replica = createDecidimCityReplica({ dataDir, filesPath: filesPathOf(city), latencyMs: Number(process.env[`${E}_REPLICA_LATENCY_MS`] || 0), scale, decidimVersion: process.env[`${E}_REPLICA_DECIDIM_VERSION`] || undefined });
  const running = await replica.listen(port, process.env[`${E}_REPLICA_HOST`] || '127.0.0.1');
  logger.info({ url: running.url, dataDir, scale }, `${city.id} replica (${filesPathOf(city) ? 'plenary files + ' : ''}Decidim) listening`);
  closeOnSignals(logger, running.close);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
