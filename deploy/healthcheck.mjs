/**
 * The containers' health check (Dockerfile HEALTHCHECK, docker-compose.yml `healthcheck`): exits 0
 * when the service in this container answers GET /health on HEALTH_PORT, else 1. Node's own fetch,
 * as the slim image has no curl; /health is liveness only (/ready says whether a city can answer).
 */
const port = process.env.HEALTH_PORT || '4000';
try {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(4000) });
  await res.body?.cancel();
  process.exit(res.ok ? 0 : 1);
} catch (err) {
  console.error(`GET http://127.0.0.1:${port}/health failed: ${err.message}`);
  process.exit(1);
}
