/** Starts the Barcelona subgraph: `tsx subgraphs/barcelona/index.ts` (configured by env, see config.ts). */
import { closeOnSignals } from '../shared/server';
import { createLogger } from '../shared/logger';
import { barcelonaConfigFromEnv } from './config';
import { buildFromEnv } from './server';

async function main(): Promise<void> {
  const logger = createLogger('barcelona-subgraph');
  const config = barcelonaConfigFromEnv();
  const subgraph = await buildFromEnv(process.env, logger);
  const running = await subgraph.listen(config.port, config.host);
  logger.info({ url: running.url, plenary: config.plenaryBaseUrl, decidim: config.decidimUrl, store: subgraph.store.db.location }, 'barcelona subgraph listening');
  closeOnSignals(logger, running.close);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
