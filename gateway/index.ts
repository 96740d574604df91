/** Starts the gateway: `tsx gateway/index.ts` (configured by env, see config.ts). */
import { closeOnSignals } from '../subgraphs/shared/server';
import { createLogger } from '../subgraphs/shared/logger';
import { gatewayConfigFromEnv, readSupergraph } from './config';
import { buildGateway } from './server';
import { startTracing } from '../subgraphs/shared/observability/tracing';

async function main(): Promise<void> {
  const config = gatewayConfigFromEnv();
  const logger = createLogger('gateway', config.logLevel);
  // Before anything is built: spans of the start (the first composition) are traced too.
  const tracing = startTracing(config.tracing);
  if (tracing.enabled) logger.info({ tracesUrl: config.tracing.tracesUrl }, 'exporting traces over OTLP');
  // Static pins the committed file; live composes from the cities' subgraphs (waits for a first one).
  const supergraph = config.supergraphMode === 'static' ? { supergraphSdl: readSupergraph(config) } : { liveSupergraph: { pollMs: config.supergraphPollS * 1000 } };
  const gateway = await buildGateway({ ...config, ...supergraph }, logger);
  const running = await gateway.listen(config.port, config.host);
  logger.info({ url: running.url, cities: config.subgraphUrls, supergraph: config.supergraphMode, ...(config.supergraphMode === 'static' ? { supergraphPath: config.supergraphPath } : { pollS: config.supergraphPollS }) }, 'gateway listening');
  closeOnSignals(logger, async () => {
    await running.close();
    await tracing.shutdown(); // the last spans are sent
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
