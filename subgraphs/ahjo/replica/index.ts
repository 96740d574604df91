/** Starts an Ahjo city's replica: `CITY_ID=helsinki tsx subgraphs/ahjo/replica/index.ts`. */
import path from 'node:path';
import { cityFromEnv, replicaOf, ROOT_DIR } from '../../../schema/cities';
import { closeOnSignals } from '../../shared/server';
import { createLogger } from '../../shared/logger';
import { replicaScaleFromEnv } from '../../shared/replica';
import { createAhjoReplica } from './server';

const city = cityFromEnv('ahjo');
const env = (name: string) => process.env[`${city.envPrefix}_REPLICA_${name}`];

async function main(): Promise<void> {
  const logger = createLogger(`${city.id}-replica`);
  const dataDir = path.resolve(ROOT_DIR, process.env[replicaOf(city).dirEnv] || replicaOf(city).defaultDir);
  const port = Number(env('PORT') || replicaOf(city).port);
  const replica = createAhjoReplica({
    dataDir,
    timezone: city.timezone,
    token: env('TOKEN') || undefined,
    latencyMs: Number(env('LATENCY_MS') || 0),
    // N copies of the dataset with their own ids and earlier dates (load tests); 1 = as recorded.
    scale: replicaScaleFromEnv(`${city.envPrefix}_REPLICA_SCALE`),
  });
  const running = await replica.listen(port, env('HOST') || '127.0.0.1');
  const { scale, data } = replica;
  logger.info({ url: running.url, dataDir, scale, decisions: data.decisions.length * scale, meetings: data.meetings.length * scale, cases: data.cases.length * scale }, `${city.id} Ahjo replica listening`);
  closeOnSignals(logger, running.close);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
