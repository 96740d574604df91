/** What every city's replica shares: an HTTP server that can add latency, to imitate a remote city API. */
import http from 'node:http';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export function replicaServer(handle: Handler, latencyMs = 0): http.Server {
  return http.createServer((req, res) => {
    if (latencyMs > 0) setTimeout(() => handle(req, res), latencyMs);
    else handle(req, res);
  });
}
