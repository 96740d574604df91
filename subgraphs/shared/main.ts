/**
 * What every adapter's index.ts does: serve the registry city CITY_ID names (one of the adapter's),
 * configured by its environment, until SIGINT/SIGTERM. At start it warns (never stops) about what
 * keeps the city from answering: a credential not set, an upstream that does not answer.
 */
import { DateTime } from 'luxon';
import { cityFromEnv, type CityEntry } from '../../schema/cities';
import type { CitySubgraph } from './city-subgraph';
import { unsetCredentials } from './env';
import { shownUrl } from './readiness';
import { createLogger, type Logger } from './logger';
import { closeOnSignals } from './server';
import { startTracing, tracingSettingsFromEnv } from './observability/tracing';

export function runCitySubgraph<C extends { port: number; host: string }>(
  adapter: string,
  configFromEnv: (city: CityEntry) => C,
  build: (city: CityEntry, config: C, logger: Logger) => Promise<CitySubgraph>,
): void {
  const main = async () => {
    const city = cityFromEnv(adapter);
    const logger = createLogger(`${city.id}-subgraph`);
    // This process's traces (OTEL_EXPORTER_OTLP_ENDPOINT; off when unset), before anything is built.
    const tracing = startTracing(tracingSettingsFromEnv(process.env, `${city.id}-subgraph`));
    const config = configFromEnv(city);
    const subgraph = await build(city, config, logger);
    const running = await subgraph.listen(config.port, config.host);
    const upstreams = Object.fromEntries(city.upstreams.map((u) => [u.name, process.env[u.baseUrlEnv] || u.liveBaseUrl]));
    logger.info({ url: running.url, upstreams, store: subgraph.store.db.location }, `${city.id} subgraph listening`);
    closeOnSignals(logger, async () => {
      await running.close();
      await tracing.shutdown(); // the last spans are sent
    });
    warnAtStart(city, subgraph, logger);
  };
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

/**
 * Per upstream, what an operator should fix: a credential variable left unset while the city's live
 * service is used (the service refuses the sync without it), and an upstream that does not answer the
 * readiness probe (the same probe /ready uses). Runs beside serving: it neither waits for nor stops it.
 */
function warnAtStart(city: CityEntry, subgraph: CitySubgraph, logger: Logger): void {
  for (const { upstream, variable, url } of unsetCredentials(city, process.env)) {
    logger.warn(
      { upstream: upstream.name, variable, url },
      `${variable} is not set: ${city.name}'s ${upstream.description} at ${url} is asked without a credential and refuses the sync (HTTP 401/403), ` +
        `so ${city.name} answers only from what its store already holds (nothing before a first sync; /ready is 503 until a sync succeeds or once the copy is older than READY_MAX_AGE_S). ` +
        `Set ${variable} to the token the city issued for it.`,
    );
  }
  const { sync, readiness } = subgraph;
  Promise.all([sync.statuses(), Promise.all(sync.upstreams.map((u) => readiness.probe(u.url)))])
    .then(([statuses, probes]) => {
      statuses.forEach((s, i) => {
        const probe = probes[i];
        if (probe.reachable) return;
        const url = shownUrl(s.url);
        const held = s.lastSuccessAt
          ? `${city.name} serves its stored copy meanwhile (last synced ${DateTime.fromISO(s.lastSuccessAt).toRelative({ locale: 'en' })})`
          : `${city.name} holds no copy of it yet, so its queries fail until a sync from it completes`;
        logger.warn({ upstream: s.key, url, reason: probe.error }, `${s.name} does not answer at ${url} (${probe.error}); ${held}; /ready says not ready until it answers`);
      });
    })
    .catch((err) => logger.warn({ err }, 'could not check the upstreams at start'));
}
