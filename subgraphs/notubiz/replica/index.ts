/** Starts a Notubiz city's replica: `CITY_ID=<city> tsx subgraphs/notubiz/replica/index.ts` (its data: the city's replica.dir). */
import path from 'node:path';
import { cityFromEnv, replicaOf, ROOT_DIR } from '../../../schema/cities';
import { closeOnSignals } from '../../shared/server';
import { createLogger } from '../../shared/logger';
import { replicaScaleFromEnv } from '../../shared/replica';
import { createNotubizReplica } from './server';

async function main(): Promise<void> {
  const city = cityFromEnv('notubiz');
  const E = city.envPrefix;
  const logger = createLogger(`${city.id}-replica`);
  const dataDir = path.resolve(ROOT_DIR, process.env[replicaOf(city).dirEnv] || replicaOf(city).defaultDir);
  const port = Number(process.env[`${E}_REPLICA_PORT`] || replicaOf(city).port);
  const replica = createNotubizReplica({
    dataDir,
    zone: city.timezone,
    latencyMs: Number(process.env[`${E}_REPLICA_LATENCY_MS`] || 0),
    // N copies of the dataset with their own ids and earlier dates (load tests); 1 = as recorded.
    scale: replicaScaleFromEnv(`${E}_REPLICA_SCALE`),
  });
  const running = await replica.listen(port, process.env[`${E}_REPLICA_HOST`] || '127.0.0.1');
  logger.info({ url: running.url, dataDir, scale: replica.scale, meetings: replica.data.meetings.length * replica.scale }, `${city.id} Notubiz replica listening`);
  closeOnSignals(logger, running.close);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
