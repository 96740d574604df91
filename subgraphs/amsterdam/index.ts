/** Starts the Amsterdam subgraph: `tsx subgraphs/amsterdam/index.ts` (configured by env, see config.ts). */
import { closeOnSignals } from '../shared/server';
import { createLogger } from '../shared/logger';
import { amsterdamConfigFromEnv } from './config';
import { buildFromEnv } from './server';

async function main(): Promise<void> {
  const logger = createLogger('amsterdam-subgraph');
  const config = amsterdamConfigFromEnv();
  const subgraph = await buildFromEnv(process.env, logger);
  const running = await subgraph.listen(config.port, config.host);
  logger.info({ url: running.url, upstream: config.notubizBaseUrl, store: subgraph.store.db.location }, 'amsterdam subgraph listening');
  closeOnSignals(logger, running.close);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
