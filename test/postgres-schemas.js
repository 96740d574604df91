/**
 * Jest's globalSetup and globalTeardown for the e2e stores, which live in schemas of their own on
 * the test PostgreSQL, named `e2e_{run}_{file}_{n}_{city}` (test/e2e/harness.ts), where `run` is the
 * pid of the Jest process that owns them. Setup names this run (E2E_RUN, inherited by the workers)
 * and drops the schemas of runs whose process is gone (a killed run's); teardown drops this run's.
 * Another run on the same machine keeps its own. Fails with what to do when PostgreSQL does not answer.
 */
const { Client } = require('pg');

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM'; // exists, owned by someone else
  }
}

async function dropSchemas(which) {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`The tests need PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//')} (${err.message}): run \`bash .ci/run\`, which starts it, or set TEST_DATABASE_URL.`);
  }
  try {
    const { rows } = await client.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'e2e\\_%'");
    // One schema per statement: dropping hundreds in one transaction exhausts the lock table.
    for (const { nspname } of rows) {
      const run = Number(/^e2e_(\d+)_/.exec(nspname)?.[1]);
      if (which(run)) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    }
  } finally {
    await client.end();
  }
}

module.exports = async function postgresSchemas() {
  if (!process.env.E2E_RUN) {
    process.env.E2E_RUN = String(process.pid);
    await dropSchemas((run) => !run || !alive(run));
  } else if (process.env.E2E_RUN === String(process.pid)) {
    await dropSchemas((run) => run === process.pid);
  }
};
