/**
 * Runs the City Decision Graph's conformance kit against this subgraph, started on a free port:
 * `npm test`. The kit lives in the project's checkout: CONFORMANCE_KIT points at it (default: two
 * folders up, where this template sits inside the project). Keep this test green as you replace
 * the example data with your city's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startSubgraph } from '../server';

const KIT = path.resolve(process.env.CONFORMANCE_KIT ?? path.join(__dirname, '..', '..', '..'));

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: process.env });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('the subgraph passes the conformance kit', async () => {
  assert.ok(
    fs.existsSync(path.join(KIT, 'scripts', 'conformance.ts')),
    `no conformance kit at ${KIT}: set CONFORMANCE_KIT to a checkout of the City Decision Graph (with npm ci done)`,
  );
  const running = await startSubgraph({ port: 0 });
  try {
    // Asynchronous on purpose: the subgraph answers the kit from this same process.
    const { code, output } = await run('npm', ['run', '--silent', 'conformance', '--', running.url], KIT);
    assert.equal(code, 0, output);
  } finally {
    await running.stop();
  }
});
