/** Jest runs TypeScript through esbuild (test/esbuild-transform.js); type checking happens once in `tsc --noEmit` (npm test). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/schema'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/esbuild-transform.js' },
  // Also the hooks' limit: a graph of real subgraphs takes seconds to start, much longer on a loaded CI machine.
  testTimeout: 90000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  // The e2e stores' PostgreSQL schemas: leftovers dropped before the run, this run's after it.
  globalSetup: '<rootDir>/test/postgres-schemas.js',
  globalTeardown: '<rootDir>/test/postgres-schemas.js',
};
