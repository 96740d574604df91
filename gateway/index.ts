/** Starts the gateway: `tsx gateway/index.ts` (configured by env, see config.ts). */
import { closeOnSignals } from '../subgraphs/shared/server';
import { createLogger } from '../subgraphs/shared/logger';
import { gatewayConfigFromEnv, readSupergraph } from './config';
import { buildGateway } from './server';

async function main(): Promise<void> {
  const config = gatewayConfigFromEnv();
  const logger = createLogger('gateway', config.logLevel);
  const gateway = await buildGateway({ ...config, supergraphSdl: readSupergraph(config) }, logger);
  const running = await gateway.listen(config.port, config.host);
  logger.info({ url: running.url, cities: config.subgraphUrls }, 'gateway listening');
  closeOnSignals(logger, running.close);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
