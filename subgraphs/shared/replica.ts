/**
 * What every city's replica shares: an HTTP server that can add latency, and a fault switch to
 * imitate a misbehaving city (tests flip it in process; `PUT /__faults` with JSON flips it over HTTP).
 */
import http from 'node:http';

/** Answers with a JSON body, as the city APIs do. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface Faults {
  /** Extra delay before answering, in ms. */
  delayMs?: number;
  /** Answer every request with this HTTP status (and a short HTML page, as a proxy would). */
  status?: number;
  /** Answer 200 with a body that is not what the API sends. */
  garbage?: 'html' | 'truncated-json' | 'wrong-envelope';
  /** Close the connection without answering. */
  drop?: boolean;
  /** Send the body one byte every this many ms. */
  slowBodyMs?: number;
  /** Answer 200 with a JSON body of this many bytes. */
  oversizeBytes?: number;
  /** Retry-After header to send with `status`. */
  retryAfter?: number;
  /** Misbehave for this many requests only, then answer normally again (a passing hiccup). */
  times?: number;
}

export function replicaServer(handle: Handler, latencyMs = 0, faults: Faults = {}): http.Server {
  /** The faults this request meets; with `times`, the switch turns itself off after the last one. */
  const take = (): Faults => {
    const current = { ...faults };
    const on = Object.entries(faults).some(([k, v]) => k !== 'times' && k !== 'retryAfter' && v);
    if (on && faults.times !== undefined && --faults.times <= 0) for (const key of Object.keys(faults)) delete faults[key as keyof Faults];
    return current;
  };
  return http.createServer((req, res) => {
    if (req.url === '/__faults' && req.method === 'PUT') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        for (const key of Object.keys(faults)) delete faults[key as keyof Faults];
        try {
          Object.assign(faults, JSON.parse(body || '{}'));
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(faults));
        } catch {
          res.writeHead(400).end();
        }
      });
      return;
    }
    if (req.url === '/health') return handle(req, res);
    const current = take();
    const delay = latencyMs + (current.delayMs ?? 0);
    if (delay > 0) setTimeout(() => misbehave(current, req, res, handle), delay);
    else misbehave(current, req, res, handle);
  });
}

/** Answers as the switch says (or normally, through `handle`, when nothing is set). */
function misbehave(faults: Faults, req: http.IncomingMessage, res: http.ServerResponse, handle: Handler): void {
  if (faults.drop) return void req.socket.destroy();
  if (faults.status) {
    res.writeHead(faults.status, { 'content-type': 'text/html', ...(faults.retryAfter !== undefined ? { 'retry-after': String(faults.retryAfter) } : {}) });
    return void res.end(`<html><body><h1>${faults.status}</h1></body></html>`);
  }
  if (faults.garbage) {
    const body = faults.garbage === 'html' ? '<!DOCTYPE html><html><body>Maintenance</body></html>' : faults.garbage === 'truncated-json' ? '{"decisions":[{"NativeId":"{1' : '{"unexpected":{"items":[]}}';
    res.writeHead(200, { 'content-type': faults.garbage === 'html' ? 'text/html' : 'application/json' });
    return void res.end(body);
  }
  if (faults.oversizeBytes) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.end(`{"pad":"${'x'.repeat(faults.oversizeBytes)}"}`);
  }
  if (faults.slowBodyMs) {
    res.writeHead(200, { 'content-type': 'application/json' });
    const body = '{"decisions":[]}';
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed || i >= body.length) {
        clearInterval(timer);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(body[i++]);
    }, faults.slowBodyMs);
    res.on('close', () => clearInterval(timer));
    return;
  }
  handle(req, res);
}
