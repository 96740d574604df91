/** Starts the Helsinki subgraph: `tsx subgraphs/helsinki/index.ts` (configured by env, see config.ts). */
import { closeOnSignals } from '../shared/server';
import { createLogger } from '../shared/logger';
import { helsinkiConfigFromEnv } from './config';
import { buildFromEnv } from './server';

async function main(): Promise<void> {
  const logger = createLogger('helsinki-subgraph');
  const config = helsinkiConfigFromEnv();
  const subgraph = await buildFromEnv(process.env, logger);
  const running = await subgraph.listen(config.port, config.host);
  logger.info({ url: running.url, upstream: config.ahjoBaseUrl, store: subgraph.store.db.location }, 'helsinki subgraph listening');
  closeOnSignals(logger, running.close);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
