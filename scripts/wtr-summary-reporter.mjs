/** Prints one plain `N passed, N failed` line when every browser session has finished (CI reads it). */
export function summaryReporter() {
  let sessions;
  return {
    start(args) {
      sessions = args.sessions;
    },
    onTestRunFinished() {
      let passed = 0;
      let failed = 0;
      const count = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) continue;
          if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites) count(s);
      };
      for (const session of sessions.all()) {
        if (session.testResults) count(session.testResults);
        // A file that failed to load has no results but errors: count it as a failure.
        if (!session.testResults?.tests.length && !session.testResults?.suites.length && session.errors?.length)
          failed++;
      }
      console.log(`\n${passed} passed, ${failed} failed`);
    },
  };
}
