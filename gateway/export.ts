/**
 * Exports for researchers: `GET /export/decisions.csv` and `GET /export/decisions.ndjson`, the
 * gateway's cross-city `decisions` (newest first) as a file, the filter as query parameters.
 *
 * The rows are streamed page after page (100 decisions, the field's cursor) with backpressure: the
 * next page is asked for only once the client has taken the previous one, so an export of any size
 * holds about one page in memory. The pages are run in process (`apollo.executeOperation`), not over
 * loopback HTTP: no socket and no JSON round trip per page, and the request-level guards (rate
 * limiting at the door, the request id) already ran for the export request itself; each page is
 * still validated against the query limits and charges the client's cost budget one per row
 * (EXPORT_PAGE_COST). Bad parameters, and a first page that fails, are answered with a GraphQL-shaped
 * JSON error before any row; a city failing later aborts the download (connection destroyed: the
 * client sees an incomplete transfer, never a silently short file). See docs/export.md.
 */
import fs from 'node:fs';
import type http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { Kind, parse, type GraphQLFormattedError } from 'graphql';
import type { ApolloServer } from '@apollo/server';
import { stringify } from 'csv-stringify/sync';
import { CITIES, CONTRACT_FILE } from '../schema/cities';
import { cofogCode } from '../schema/topics';
import { isIsoDate } from '../subgraphs/shared/time';
import type { Logger } from '../subgraphs/shared/logger';
import type { GatewayContext } from './cache';
import { currentRequestId } from './request-guard';

/** Decisions per page: the most the cross-city field returns at once. */
export const EXPORT_PAGE_SIZE = 100;
/** What a page charges the client's cost budget: one per row, as a list of plain rows costs. */
export const EXPORT_PAGE_COST = EXPORT_PAGE_SIZE;

/** The exported columns, in order (docs/export.md describes each). */
export const EXPORT_COLUMNS = [
  'city', 'id', 'date', 'title', 'body', 'body_type', 'outcome', 'outcome_raw', 'topic', 'topic_name', 'topic_method',
  'votes_yes', 'votes_no', 'votes_abstain', 'votes_absent', 'url', 'source_url',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Record<ExportColumn, string | number | null>;

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The cross-city filter as the `decisions` field takes it. */
export interface ExportFilter {
  cities?: string[];
  from?: string;
  to?: string;
  text?: string;
  topic?: string[];
  outcome?: string[];
  bodyType?: string[];
}

/** The query parameters an export takes (each names a field of the filter). */
export const EXPORT_PARAMETERS = ['cities', 'from', 'to', 'text', 'topic', 'outcome', 'bodyType'] as const;

/** Values of an enum of the contract, read from it so that the export never falls behind the schema. */
function contractEnum(name: string): string[] {
  const doc = parse(fs.readFileSync(CONTRACT_FILE, 'utf8'));
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === name) return (def.values ?? []).map((v) => v.name.value);
  }
  throw new Error(`schema/contract.graphql has no enum ${name}`);
}
const OUTCOMES = contractEnum('Outcome');
const BODY_TYPES = contractEnum('BodyType');

/** A client's mistake in the query parameters: 400, before anything is streamed. */
export class ExportParameterError extends Error {
  constructor(readonly parameter: string, message: string) {
    super(`Query parameter \`${parameter}\`: ${message}`);
  }
}

/**
 * Reads an export's query parameters into the cross-city filter; throws ExportParameterError naming
 * the parameter and what is allowed. Lists are comma-separated (or the parameter repeated).
 */
export function exportFilterOf(query: Record<string, unknown>): ExportFilter {
  for (const key of Object.keys(query)) {
    if (!(EXPORT_PARAMETERS as readonly string[]).includes(key)) throw new ExportParameterError(key, `unknown parameter; allowed: ${EXPORT_PARAMETERS.join(', ')}.`);
  }
  const single = (name: string): string | undefined => {
    const v = query[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new ExportParameterError(name, 'give it once, as one value.');
    return v;
  };
  const list = (name: string): string[] | undefined => {
    const v = query[name];
    if (v === undefined) return undefined;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((p) => (typeof p === 'string' ? p.split(',') : [null]));
    if (parts.some((p) => p === null)) throw new ExportParameterError(name, 'give a comma-separated list of values.');
    const values = (parts as string[]).map((p) => p.trim()).filter(Boolean);
    if (!values.length) throw new ExportParameterError(name, 'is empty; leave it out to match everything, or give a comma-separated list.');
    return [...new Set(values)];
  };
  const oneOf = (name: string, values: string[] | undefined, allowed: string[], what: string) => {
    for (const v of values ?? []) if (!allowed.includes(v)) throw new ExportParameterError(name, `${JSON.stringify(v)} is not ${what}; allowed: ${allowed.join(', ')}.`);
    return values;
  };
  const date = (name: string) => {
    const v = single(name);
    if (v !== undefined && !isIsoDate(v)) throw new ExportParameterError(name, `${JSON.stringify(v)} is not a date; use a calendar date in YYYY-MM-DD form, e.g. 2025-01-31.`);
    return v;
  };

  const filter: ExportFilter = {};
  const cities = oneOf('cities', list('cities'), CITIES.map((c) => c.id), 'a city of the registry');
  if (cities) filter.cities = cities;
  const from = date('from');
  const to = date('to');
  if (from && to && from >= to) throw new ExportParameterError('to', `must be after \`from\` (from is inclusive, to exclusive); got from ${from}, to ${to}.`);
  if (from) filter.from = from;
  if (to) filter.to = to;
  const text = single('text');
  if (text !== undefined) {
    const trimmed = text.trim();
    if (!trimmed) throw new ExportParameterError('text', 'must not be empty; leave it out to match everything.');
    if (trimmed.length > 200) throw new ExportParameterError('text', `is ${trimmed.length} characters long; at most 200 are allowed.`);
    if (trimmed.includes('\u0000')) throw new ExportParameterError('text', 'contains a NUL character, which no text in the graph holds; remove it.');
    filter.text = trimmed;
  }
  const topic = list('topic');
  for (const code of topic ?? []) {
    if (!cofogCode(code)) throw new ExportParameterError('topic', `${JSON.stringify(code)} is not a COFOG code; use a division (01 … 10) or a group (e.g. 06.1); the gateway's \`topicScheme\` lists them.`);
  }
  if (topic) filter.topic = topic;
  const outcome = oneOf('outcome', list('outcome'), OUTCOMES, 'an outcome');
  if (outcome) filter.outcome = outcome;
  const bodyType = oneOf('bodyType', list('bodyType'), BODY_TYPES, 'a kind of body');
  if (bodyType) filter.bodyType = bodyType;
  return filter;
}

/** The file name a download is saved as: what was exported, e.g. `decisions_helsinki-amsterdam_2025-01-01_2026-01-01.csv`. */
export function exportFileName(filter: ExportFilter, format: ExportFormat): string {
  const parts = ['decisions', filter.cities?.join('-') ?? 'all-cities'];
  if (filter.from || filter.to) parts.push(`${filter.from ?? 'start'}_${filter.to ?? 'now'}`);
  return `${parts.join('_')}.${format}`;
}

// `graph { composition }` is never cached (graph-status.ts): asking for it keeps the export's pages out
// of the response cache, which a long export would otherwise fill (and evict everything else from).
const PAGE_QUERY = `query ExportDecisions($filter: CrossCityDecisionFilter, $after: String) {
  graph { composition }
  decisions(filter: $filter, first: ${EXPORT_PAGE_SIZE}, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      city
      node {
        id date title outcome outcomeRaw url sourceUrl
        body { name type }
        topic { code name method }
        voteEvents { counts { option value } }
      }
    }
  }
}`;

interface DecisionNode {
  id: string;
  date: string | null;
  title: string;
  outcome: string;
  outcomeRaw: string | null;
  url: string | null;
  sourceUrl: string | null;
  body: { name: string; type: string } | null;
  topic: { code: string; name: string; method: string } | null;
  voteEvents: Array<{ counts: Array<{ option: string; value: number }> }>;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ city: string; node: DecisionNode }>;
}

/** One decision as a row of the export. */
export function exportRow(city: string, d: DecisionNode): ExportRow {
  // Each vote column sums the option over the decision's vote events; empty when none counts it.
  const votes: Record<string, number | null> = { YES: null, NO: null, ABSTAIN: null, ABSENT: null };
  for (const event of d.voteEvents ?? []) {
    for (const c of event.counts) if (c.option in votes) votes[c.option] = (votes[c.option] ?? 0) + c.value;
  }
  return {
    city,
    id: d.id,
    date: d.date,
    title: d.title,
    body: d.body?.name ?? null,
    body_type: d.body?.type ?? null,
    outcome: d.outcome,
    outcome_raw: d.outcomeRaw,
    topic: d.topic?.code ?? null,
    topic_name: d.topic?.name ?? null,
    topic_method: d.topic?.method ?? null,
    votes_yes: votes.YES,
    votes_no: votes.NO,
    votes_abstain: votes.ABSTAIN,
    votes_absent: votes.ABSENT,
    url: d.url,
    source_url: d.sourceUrl,
  };
}

/** A page that could not be had: its errors as the client gets them, and the HTTP status they mean. */
class PageError extends Error {
  constructor(readonly status: number, readonly errors: GraphQLFormattedError[], readonly retryAfter?: number) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** The walk ended with another number of rows than the first page's total (the data changed meanwhile). */
class CountMismatch extends Error {
  constructor(rows: number, total: number) {
    super(`the walk gave ${rows} rows, the first page's totalCount was ${total} (the cities' data changed during the export)`);
  }
}

/** The HTTP status for errors of a page: the client's mistake, its budget, a city, or ours. */
function statusOf(errors: readonly GraphQLFormattedError[]): number {
  const codes = errors.map((e) => e.extensions?.code);
  if (codes.includes('BAD_USER_INPUT')) return 400;
  if (codes.includes('RATE_LIMITED')) return 429;
  if (errors.some((e) => e.extensions?.city) || codes.some((c) => typeof c === 'string' && /^(CITY|UPSTREAM)_/.test(c))) return 502;
  return 500;
}

export interface ExportOptions {
  apollo: ApolloServer<GatewayContext>;
  /** The request's context as /graphql builds it (the client its cost is charged to). */
  contextOf(req: http.IncomingMessage): GatewayContext;
  logger: Logger;
}

/** The export routes, mounted at /export. */
export function exportRouter({ apollo, contextOf, logger }: ExportOptions): express.Router {
  const router = express.Router();

  async function fetchPage(req: http.IncomingMessage, filter: ExportFilter, after: string | null): Promise<Page> {
    const result = await apollo.executeOperation({ query: PAGE_QUERY, variables: { filter, after } }, { contextValue: contextOf(req) });
    if (result.body.kind !== 'single') throw new PageError(500, [{ message: 'The export query answered incrementally, which the export does not read.' }]);
    const { data, errors } = result.body.singleResult;
    const page = (data as { decisions?: Page } | null | undefined)?.decisions;
    // Any error fails the page: a city that failed is left out of the list with an error naming it
    // (CITY_UNAVAILABLE, extensions.city), and an export without it would be short. (Not read from
    // `cities { error }`: the query limits cost a list inside the connection as `first` times over.)
    if (errors?.length) {
      const retry = errors.map((e) => Number(e.extensions?.retryAfter)).find((n) => n > 0);
      throw new PageError(statusOf(errors), [...errors], retry);
    }
    if (!page) throw new PageError(500, [{ message: 'The cross-city `decisions` field answered nothing.' }]);
    return page;
  }

  /** A page, waiting out the client's rate limit (the export slows to the client's budget rather than fail). */
  async function fetchPaced(req: http.IncomingMessage, res: http.ServerResponse, filter: ExportFilter, after: string | null): Promise<Page> {
    for (;;) {
      try {
        return await fetchPage(req, filter, after);
      } catch (err) {
        if (!(err instanceof PageError) || err.status !== 429 || res.destroyed) throw err;
        const closed = new AbortController();
        const onClose = () => closed.abort();
        res.once('close', onClose);
        await sleep((err.retryAfter ?? 1) * 1000, undefined, { signal: closed.signal }).catch(() => undefined);
        res.off('close', onClose);
        if (res.destroyed) throw err;
      }
    }
  }

  const route = (format: ExportFormat) => async (req: express.Request, res: express.Response) => {
    const requestId = currentRequestId();
    const started = Date.now();
    let filter: ExportFilter;
    try {
      filter = exportFilterOf(req.query as Record<string, unknown>);
    } catch (err) {
      if (!(err instanceof ExportParameterError)) throw err;
      return void res.status(400).json({ errors: [{ message: err.message, extensions: { code: 'BAD_USER_INPUT', parameter: err.parameter, ...(requestId ? { requestId } : {}) } }] });
    }

    // The first page before any header: its errors (a bad filter, a city down) are still answerable.
    let first: Page;
    try {
      first = await fetchPage(req, filter, null);
    } catch (err) {
      if (!(err instanceof PageError)) throw err;
      if (err.status >= 500) logger.warn({ requestId, filter, errors: err.errors }, 'export refused: its first page failed');
      if (err.retryAfter) res.setHeader('retry-after', String(err.retryAfter));
      // A city down: the export would be short without it, so none is started.
      const errors = err.status === 502
        ? err.errors.map((e) => (e.extensions?.city ? { ...e, message: `${e.message} An export needs every city it names: retry later, or leave ${String(e.extensions.city)} out with \`cities\`.` } : e))
        : err.errors;
      return void res.status(err.status).json({ errors });
    }

    res.status(200);
    res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/x-ndjson; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${exportFileName(filter, format)}"`);
    res.setHeader('x-total-count', String(first.totalCount));
    res.setHeader('access-control-expose-headers', 'X-Total-Count, Content-Disposition, X-Request-Id');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    if (req.method === 'HEAD') return void res.end();
    // The total reaches the client before the first row (progress bars, the row check).
    res.flushHeaders();

    let rows = 0;
    let pages = 0;
    async function* chunks(): AsyncGenerator<string> {
      let page: Page | null = first;
      while (page) {
        pages++;
        const batch = page.edges.map((e) => exportRow(e.city, e.node));
        rows += batch.length;
        // One chunk per page: a write per row would cost a chunk header and a syscall each.
        // RFC 4180: CRLF between records, and any field holding a line break quoted (csv-stringify
        // quotes only its own record delimiter by default, so a lone \n would pass unquoted).
        if (format === 'csv') yield stringify(batch, { header: pages === 1, columns: [...EXPORT_COLUMNS], record_delimiter: 'windows', quoted_match: /[\r\n]/ });
        else if (batch.length) yield batch.map((r) => JSON.stringify(r)).join('\n') + '\n';
        const { hasNextPage, endCursor }: Page['pageInfo'] = page.pageInfo;
        page = hasNextPage && endCursor ? await fetchPaced(req, res, filter, endCursor) : null;
      }
      // A complete download has exactly X-Total-Count rows; if the cities' data changed while the
      // export ran, the download is cut rather than ended as if it were whole.
      if (rows !== first.totalCount) throw new CountMismatch(rows, first.totalCount);
    }
    try {
      // Pulled one page at a time: the next is asked for only when the socket has taken this one.
      await pipeline(Readable.from(chunks(), { objectMode: true, highWaterMark: 1 }), res);
      logger.info({ requestId, format, filter, rows, pages, ms: Date.now() - started }, 'export finished');
    } catch (err) {
      // pipeline has destroyed the response: the client sees the transfer cut, never a short file.
      const closedByClient = (err as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' && !(err instanceof PageError);
      const detail = err instanceof PageError ? { status: err.status, errors: err.errors } : { error: (err as Error).message };
      if (closedByClient) logger.info({ requestId, format, filter, rows, totalCount: first.totalCount }, 'export closed by the client before its end');
      else logger.error({ requestId, format, filter, rows, totalCount: first.totalCount, ...detail }, 'export aborted: the download was cut');
      res.destroy();
    }
  };

  router.get('/decisions.csv', route('csv'));
  router.get('/decisions.ndjson', route('ndjson'));
  return router;
}
