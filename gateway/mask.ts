/**
 * Clients' errors in production (MASK_ERRORS): the stable code, the city and a message, without what
 * only operators need (subgraph names, hosts, ports, socket error codes, stack traces). The caller
 * logs the original next to the request id, which the client gets (`extensions.requestId`,
 * `x-request-id`) to quote.
 */
import dns from 'node:dns';
import os from 'node:os';
import type { GraphQLFormattedError } from 'graphql';

/** Socket, DNS, undici and Node error codes (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET, ERR_…): named, so that enum values are left alone. */
const DNS_CODES = (Object.values(dns) as unknown[]).filter((v): v is string => typeof v === 'string' && /^E[A-Z]+$/.test(v));
// Not EOF: GraphQL's syntax errors say "found <EOF>".
const SYSTEM_CODES = [...Object.keys(os.constants.errno), ...DNS_CODES, 'EOPENBREAKER'].filter((c) => c !== 'EOF');
const CODE_PATTERN = new RegExp(`\\b(?:${[...new Set(SYSTEM_CODES)].join('|')}|UND_ERR_[A-Z_]+|ERR_[A-Z0-9_]+)\\b`, 'g');

const ADDRESS_PATTERNS = [
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s)"'<>]+/gi, // URLs
  /\[[0-9a-f.]*:[0-9a-f:.]*\](?::\d{1,5})?/gi, // [IPv6]:port (a colon inside: not a list index)
  /(?<![\w:])::(?:ffff:)?1?(?::\d{1,5})?(?![\w:])/gi, // ::1:port as Node prints loopback
  /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/g, // IPv4:port
  /\b(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+):\d{1,5}\b/gi, // host:port
];

/** A message without internal addresses or system error codes. */
export function scrubInternals(message: string): string {
  let out = message;
  for (const pattern of ADDRESS_PATTERNS) out = out.replace(pattern, '[internal address]');
  return out.replace(CODE_PATTERN, '[network error]');
}

/** What the gateway adds that a client must not see: the subgraph's name, a stack, a subgraph's HTTP response (with its URL). */
const INTERNAL_EXTENSIONS = new Set(['serviceName', 'stacktrace', 'exception', 'response']);

/**
 * The client's form of an error in production. CITY_UNAVAILABLE and internal errors get a message
 * of their own (their originals hold the subgraph's address and the socket's error); others keep
 * theirs, scrubbed. `changed` says whether anything was left out (then the original is worth logging).
 */
export function maskForClient(formatted: GraphQLFormattedError, cityName: (id: string) => string, requestId?: string): { masked: GraphQLFormattedError; changed: boolean } {
  const extensions: Record<string, unknown> = {};
  let changed = false;
  for (const [name, value] of Object.entries(formatted.extensions ?? {})) {
    if (INTERNAL_EXTENSIONS.has(name)) {
      changed = true;
      continue;
    }
    const clean = typeof value === 'string' ? scrubInternals(value) : value;
    changed ||= clean !== value;
    extensions[name] = clean;
  }
  const code = extensions.code;
  const quote = requestId ? ` (request id ${requestId})` : '';
  let message: string;
  if (code === 'INTERNAL_SERVER_ERROR') {
    message = `Internal error; it has been logged${quote}.`;
  } else if (code === 'CITY_UNAVAILABLE' && typeof extensions.city === 'string') {
    const paused = extensions.circuit === 'open' ? ' (after repeated failures the gateway waits a few seconds before asking it again)' : '';
    message = `${cityName(extensions.city)} is unavailable right now${paused}. Data from other cities is unaffected; retry later, and quote request id ${requestId ?? 'from x-request-id'} if it persists.`;
  } else {
    message = scrubInternals(formatted.message);
  }
  changed ||= message !== formatted.message;
  return { masked: { ...formatted, message, extensions }, changed };
}
