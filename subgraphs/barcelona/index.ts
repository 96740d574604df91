/** Starts the Barcelona subgraph: `tsx subgraphs/barcelona/index.ts` (configured by env, see config.ts). */
import { closeOnSignals } from '../shared/server';
import { createLogger } from '../shared/logger';
import { barcelonaConfigFromEnv } from './config';
import { buildBarcelonaSubgraph } from './server';

async function main(): Promise<void> {
  const logger = createLogger('barcelona-subgraph');
  const config = barcelonaConfigFromEnv();
  const subgraph = await buildBarcelonaSubgraph(config, logger);
  const running = await subgraph.listen(config.port, config.host);
  logger.info({ url: running.url, plenary: config.plenaryBaseUrl, decidim: config.decidimUrl }, 'barcelona subgraph listening');
  closeOnSignals(logger, running.close);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
