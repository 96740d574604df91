/**
 * Jest's globalSetup and globalTeardown: the e2e stores live in schemas of their own on the test
 * PostgreSQL (`e2e_{file}_{n}_{city}`, test/e2e/harness.ts). Before the run, those a killed run left
 * behind are dropped; after it, this run's. Fails with what to do when PostgreSQL does not answer.
 */
const { Client } = require('pg');

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function dropE2eSchemas() {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`The tests need PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//')} (${err.message}): run \`bash .ci/run\`, which starts it, or set TEST_DATABASE_URL.`);
  }
  try {
    const { rows } = await client.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'e2e\\_%'");
    // One schema per statement: dropping hundreds in one transaction exhausts the lock table.
    for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}

module.exports = dropE2eSchemas;
