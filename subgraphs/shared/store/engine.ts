/**
 * The two engines behind a city's store, one SQL dialect (PostgreSQL):
 * - embedded (default): PGlite, PostgreSQL compiled to WASM, one data directory per city under
 *   DATA_DIR (or in memory), nothing to install or run;
 * - a real PostgreSQL when DATABASE_URL is set: one schema per city, pooled connections (pg), so
 *   several subgraph instances can share it.
 * Both expose the same small interface; every table lives in the city's schema (search_path).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { chargeRead } from '../request-scope';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { subgraphMetrics } from '../observability/metrics';
import { inSpan, SpanKind } from '../observability/tracing';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /** The city whose store this is (metrics and spans name it). */
  readonly city: string;
  readonly engine: 'pglite' | 'postgres';
  /** Statements sent so far (tests and benchmarks read it to see batching). */
  readonly stats: { statements: number };
  /** The city's schema, e.g. `helsinki`. */
  readonly schema: string;
  /** Where the data lives, for logs and messages (a directory, `memory`, or the server without credentials). */
  readonly location: string;
  /** Runs `fn` in one transaction: all of it is written, or none. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while holding the named lock across every process sharing this store, or returns
   * `null` at once when another holder has it (several subgraph instances: one syncs at a time).
   */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<{ value: T } | null>;
  close(): Promise<void>;
}

export interface EngineSettings {
  /** The city's id: its directory under `dataDir`, and its schema name (after `schemaPrefix`). */
  city: string;
  /** Put before the city's id in the schema name, so several deployments can share one database. */
  schemaPrefix?: string;
  /** A PostgreSQL connection string; when set, the real server is used instead of PGlite. */
  databaseUrl?: string;
  /** Directory holding one PGlite data directory per city; `memory` keeps the store in memory. */
  dataDir: string;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
  /** PGlite's shared buffers in MiB: its page cache, and most of its memory. */
  sharedBuffersMb?: number;
  /** PGlite: WAL written between two checkpoints, in MiB (default 64). */
  checkpointWalMb?: number;
}

const SCHEMA = /^[a-z][a-z0-9_]{0,40}$/;

/** A read query, timed (store_query_duration_seconds) and traced (its SQL, never its parameters). */
function observed(engine: 'pglite' | 'postgres', city: string, query: Queryable['query']): Queryable['query'] {
  const histogram = subgraphMetrics().storeQueries;
  return (sql, params) =>
    inSpan('store query', { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'db.query.text': sql.length > 1000 ? `${sql.slice(0, 1000)}…` : sql, 'cdg.city': city, 'cdg.engine': engine } }, async () => {
      const stop = histogram.startTimer({ city, engine });
      try {
        return await query(sql, params);
      } finally {
        stop();
      }
    }) as never;
}

export async function openEngine(settings: EngineSettings): Promise<Db> {
  const schema = `${settings.schemaPrefix ?? ''}${settings.city}`;
  if (!SCHEMA.test(schema)) throw new Error(`A store's schema name must be lower-case letters, digits and _ (got ${JSON.stringify(schema)}).`);
  return settings.databaseUrl ? openPostgres(settings, schema) : openPglite(settings, schema);
}

// ---- PGlite ---------------------------------------------------------------------------------------

async function openPglite(settings: EngineSettings, schema: string): Promise<Db> {
  const inMemory = settings.dataDir === 'memory';
  const dir = inMemory ? undefined : path.resolve(settings.dataDir, settings.city);
  const lock = dir ? holdDirectory(dir) : null;
  let db: PGlite;
  try {
    if (dir) fs.mkdirSync(dir, { recursive: true });
    // A new store starts from a copy of an initialised cluster (1 s instead of 4 s of initdb). On
    // disk that copy is unpacked by a PGlite of its own, closed at once: unpacking grows a WASM heap
    // that never shrinks, and the store's PGlite should not carry it for the life of the process.
    if (dir && !fs.existsSync(path.join(dir, 'PG_VERSION'))) {
      const unpack = new PGlite({ dataDir: dir, loadDataDir: await clusterTemplate(), extensions: { pg_trgm } });
      await unpack.waitReady;
      await unpack.close();
    }
    db = new PGlite({
      dataDir: dir,
      loadDataDir: inMemory ? await clusterTemplate() : undefined,
      extensions: { pg_trgm },
      // The page cache is most of PGlite's memory; the default (128 MB) is sized for a server.
      // WAL kept between checkpoints is bounded (see checkpointEvery below).
      postgresqlconf: [`shared_buffers=${settings.sharedBuffersMb ?? 32}MB`, 'work_mem=8MB', 'maintenance_work_mem=64MB', 'max_wal_size=256MB', 'min_wal_size=32MB'],
    });
    await db.waitReady;
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}, public;`);
  } catch (err) {
    lock?.release();
    throw err;
  }
  // One connection: a lock only has to exclude this process's own overlapping syncs.
  const held = new Set<string>();
  const stats = { statements: 0 };
  // PGlite runs no checkpointer: without a CHECKPOINT now and then, the WAL of every write is kept
  // until the store closes (3.6 GB during a ×1000 Helsinki backfill). After each write transaction,
  // one once the WAL has grown by checkpointWalMb since the last.
  let walAtCheckpoint: string | null = null;
  const checkpointEvery = async () => {
    const [row] = (await db.query<{ now: string; grown: string | null }>('SELECT pg_current_wal_lsn()::text AS now, pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text AS grown', [walAtCheckpoint ?? '0/0'])).rows;
    if (walAtCheckpoint === null) walAtCheckpoint = row.now;
    else if (Number(row.grown) >= (settings.checkpointWalMb ?? DEFAULT_CHECKPOINT_WAL_MB) * 1024 * 1024) {
      await db.exec('CHECKPOINT');
      walAtCheckpoint = row.now;
    }
  };
  return {
    engine: 'pglite',
    city: settings.city,
    schema,
    location: dir ?? 'memory',
    stats,
    query: observed('pglite', settings.city, async (sql, params) => (stats.statements++, charged((await db.query(sql, params as unknown[])).rows) as never)),
    exec: async (sql) => void (stats.statements++, await db.exec(sql)),
    transaction: async (fn) => {
      const result = await db.transaction((tx) =>
        fn({
          query: async (sql, params) => (stats.statements++, (await tx.query(sql, params as unknown[])).rows as never),
          exec: async (sql) => void (stats.statements++, await tx.exec(sql)),
        }),
      );
      await checkpointEvery();
      return result;
    },
    withLock: async (name, fn) => {
      if (held.has(name)) return null;
      held.add(name);
      try {
        return { value: await fn() };
      } finally {
        held.delete(name);
      }
    },
    close: async () => {
      try {
        if (!db.closed) await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

const PGLITE_VERSION = '0.5.17';
/** WAL written between two checkpoints of a PGlite store, MiB. */
const DEFAULT_CHECKPOINT_WAL_MB = 64;
let making: Promise<void> | null = null;

/**
 * An initialised PGlite cluster as a tarball, kept in the system's temporary directory per PGlite
 * version, so that new stores skip initdb. Made once, then read from the file each time (not kept
 * in memory: a long-running store needs it once).
 */
async function clusterTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `city-decision-graph-pglite-${PGLITE_VERSION}.tar`);
  if (!fs.existsSync(file)) {
    making ??= (async () => {
      const fresh = new PGlite({ extensions: { pg_trgm } });
      await fresh.waitReady;
      const blob = await fresh.dumpDataDir('none');
      await fresh.close();
      const partial = `${file}.${process.pid}`;
      fs.writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
      fs.renameSync(partial, file); // atomic: a concurrent reader never sees half a file
    })().finally(() => {
      making = null;
    });
    await making;
  }
  return new Blob([fs.readFileSync(file)]);
}

/**
 * A PGlite data directory must be opened by one process only (two would corrupt it): a lock file
 * beside it names the process holding it; a lock left by a dead process is taken over.
 */
function holdDirectory(dir: string): { release(): void } {
  const file = `${dir}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && alive(holder)) {
        throw new Error(
          `The store ${dir} is open in process ${holder}. PGlite allows one process per store: stop that process ` +
            `(a running subgraph syncs by itself every SYNC_INTERVAL_S), or set DATABASE_URL to share a PostgreSQL between processes.`,
        );
      }
      if (holder === process.pid) throw new Error(`The store ${dir} is already open in this process.`);
      fs.rmSync(file, { force: true }); // left by a process that is gone
    }
  }
  throw new Error(`Could not lock the store ${dir}.`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// ---- PostgreSQL -----------------------------------------------------------------------------------

async function openPostgres(settings: EngineSettings, schema: string): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: settings.databaseUrl,
    max: settings.poolSize ?? 10,
    // Every connection starts in the city's schema, so the same SQL runs on both engines.
    options: `-c search_path=${schema},public`,
    application_name: `city-decision-graph ${schema}`,
  });
  pool.on('error', () => undefined); // an idle connection dropped by the server: the pool replaces it
  try {
    const client = await pool.connect();
    try {
      // Several instances may start at once: create the schema under a transaction-scoped lock.
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`cdg:schema:${schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`Cannot open the ${schema} store on PostgreSQL (${redact(settings.databaseUrl!)}): ${(err as Error).message}`);
  }
  const stats = { statements: 0 };
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: observed('postgres', settings.city, async (sql, params) => (stats.statements++, charged((await client.query(sql, params as unknown[])).rows) as never)),
    exec: async (sql) => void (stats.statements++, await client.query(sql)),
  });
  return {
    engine: 'postgres',
    city: settings.city,
    schema,
    location: redact(settings.databaseUrl!),
    stats,
    ...on(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(on(client));
        await client.query('COMMIT');
        return value;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    withLock: async (name, fn) => {
      // A session lock lives as long as its connection: hold one connection for the whole run.
      const client = await pool.connect();
      const key = `cdg:${schema}:${name}`;
      try {
        const [{ locked }] = (await client.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [key])).rows;
        if (!locked) return null;
        try {
          return { value: await fn() };
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch(() => undefined);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** A connection string without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Rows a request read, charged to its budget (see request-scope). */
function charged<T extends unknown[]>(rows: T): T {
  chargeRead(rows.length);
  return rows;
}
