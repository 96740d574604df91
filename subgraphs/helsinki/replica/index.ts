/** Starts the Helsinki Ahjo replica: `tsx subgraphs/helsinki/replica/index.ts`. */
import path from 'node:path';
import { cityById, ROOT_DIR } from '../../../schema/cities';
import { closeOnSignals } from '../../shared/server';
import { createLogger } from '../../shared/logger';
import { replicaScaleFromEnv } from '../../shared/replica';
import { createAhjoReplica } from './server';

const city = cityById('helsinki');

async function main(): Promise<void> {
  const logger = createLogger('helsinki-replica');
  const dataDir = path.resolve(ROOT_DIR, process.env[city.replica.dirEnv] || city.replica.defaultDir);
  const port = Number(process.env.HELSINKI_REPLICA_PORT || city.replica.port);
  const replica = createAhjoReplica({
    dataDir,
    token: process.env.HELSINKI_REPLICA_TOKEN || undefined,
    latencyMs: Number(process.env.HELSINKI_REPLICA_LATENCY_MS || 0),
    // N copies of the dataset with their own ids and earlier dates (load tests); 1 = as recorded.
    scale: replicaScaleFromEnv('HELSINKI_REPLICA_SCALE'),
  });
  const running = await replica.listen(port, process.env.HELSINKI_REPLICA_HOST || '127.0.0.1');
  const { scale, data } = replica;
  logger.info({ url: running.url, dataDir, scale, decisions: data.decisions.length * scale, meetings: data.meetings.length * scale, cases: data.cases.length * scale }, 'helsinki Ahjo replica listening');
  closeOnSignals(logger, running.close);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
