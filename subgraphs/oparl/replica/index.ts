/** Starts the OParl replica of a city: `CITY_ID=<city> tsx subgraphs/oparl/replica/index.ts`. */
import path from 'node:path';
import { cityFromEnv, replicaOf, ROOT_DIR } from '../../../schema/cities';
import { closeOnSignals } from '../../shared/server';
import { createLogger } from '../../shared/logger';
import { createOParlReplica } from './server';

const city = cityFromEnv('oparl');

async function main(): Promise<void> {
  const logger = createLogger(`${city.id}-replica`);
  const p = city.envPrefix;
  const dataDir = path.resolve(ROOT_DIR, process.env[replicaOf(city).dirEnv] || replicaOf(city).defaultDir);
  const port = Number(process.env[`${p}_REPLICA_PORT`] || replicaOf(city).port);
  const replica = createOParlReplica({
    dataDir,
    pageSize: Number(process.env[`${p}_REPLICA_PAGE_SIZE`] || 0) || undefined,
    latencyMs: Number(process.env[`${p}_REPLICA_LATENCY_MS`] || 0),
  });
  const running = await replica.listen(port, process.env[`${p}_REPLICA_HOST`] || '127.0.0.1');
  logger.info({ url: running.url, dataDir, meetings: replica.data.meetings.length, papers: replica.data.papers.length }, `${city.id} OParl replica listening`);
  closeOnSignals(logger, running.close);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
