/** Starts the Amsterdam Notubiz replica: `tsx subgraphs/amsterdam/replica/index.ts`. */
import path from 'node:path';
import { cityById, ROOT_DIR } from '../../../schema/cities';
import { closeOnSignals } from '../../shared/server';
import { createLogger } from '../../shared/logger';
import { replicaScaleFromEnv } from '../../shared/replica';
import { createNotubizReplica } from './server';

const city = cityById('amsterdam');

async function main(): Promise<void> {
  const logger = createLogger('amsterdam-replica');
  const dataDir = path.resolve(ROOT_DIR, process.env[city.replica.dirEnv] || city.replica.defaultDir);
  const port = Number(process.env.AMSTERDAM_REPLICA_PORT || city.replica.port);
  const replica = createNotubizReplica({
    dataDir,
    latencyMs: Number(process.env.AMSTERDAM_REPLICA_LATENCY_MS || 0),
    // N copies of the dataset with their own ids and earlier dates (load tests); 1 = as recorded.
    scale: replicaScaleFromEnv('AMSTERDAM_REPLICA_SCALE'),
  });
  const running = await replica.listen(port, process.env.AMSTERDAM_REPLICA_HOST || '127.0.0.1');
  logger.info({ url: running.url, dataDir, scale: replica.scale, meetings: replica.data.meetings.length * replica.scale }, 'amsterdam Notubiz replica listening');
  closeOnSignals(logger, running.close);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
