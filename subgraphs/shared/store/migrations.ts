/**
 * Schema migrations: numbered SQL files in migrations/ (`0001_initial.sql`, …), applied in order at
 * start, each in the transaction of the run, and recorded in `schema_migrations`. Instances starting
 * together on one PostgreSQL take turns (an advisory lock), so each file runs once.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './engine';

export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function migrationFiles(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Brings the store's schema up to date; returns the names of the migrations applied now. */
export async function migrate(db: Db, migrations = migrationFiles()): Promise<string[]> {
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  return db.transaction(async (tx) => {
    // One database, several cities and instances: migrations run one at a time across all of them.
    if (db.engine === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', ['cdg:migrate']);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    const newer = [...done].filter((v) => v > latest);
    if (newer.length) {
      throw new Error(`The ${db.schema} store (${db.location}) was migrated to version ${Math.max(...newer)} by newer code; this code knows up to ${latest}. Run the newer code, or use a new DATA_DIR / schema.`);
    }
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.name);
    }
    return applied;
  });
}
