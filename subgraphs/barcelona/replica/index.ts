/** Starts the Barcelona replica (plenary files + Decidim API): `tsx subgraphs/barcelona/replica/index.ts`. */
import path from 'node:path';
import { cityById, ROOT_DIR } from '../../../schema/cities';
import { closeOnSignals } from '../../shared/server';
import { createLogger } from '../../shared/logger';
import { replicaScaleFromEnv } from '../../shared/replica';
import { createBarcelonaReplica } from './server';

const city = cityById('barcelona');

async function main(): Promise<void> {
  const logger = createLogger('barcelona-replica');
  const dataDir = path.resolve(ROOT_DIR, process.env[city.replica.dirEnv] || city.replica.defaultDir);
  const port = Number(process.env.BARCELONA_REPLICA_PORT || city.replica.port);
  // N copies of the plenary records and Decidim's processes with their own refs, ids and earlier dates (load tests); 1 = as recorded.
  const scale = replicaScaleFromEnv('BARCELONA_REPLICA_SCALE');
  const replica = createBarcelonaReplica({ dataDir, latencyMs: Number(process.env.BARCELONA_REPLICA_LATENCY_MS || 0), scale });
  const running = await replica.listen(port, process.env.BARCELONA_REPLICA_HOST || '127.0.0.1');
  logger.info({ url: running.url, dataDir, scale }, 'barcelona replica (plenary files + Decidim) listening');
  closeOnSignals(logger, running.close);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
