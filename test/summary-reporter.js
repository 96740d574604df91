/**
 * Prints one plain closing line, `tests: N passed, N failed`, as the very last line of the run
 * (at process exit, after Jest's own summary), so any CI can read the outcome without knowing
 * Jest's format.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.once('exit', () => process.stderr.write(`${line}\n`));
  }
}
module.exports = SummaryReporter;
