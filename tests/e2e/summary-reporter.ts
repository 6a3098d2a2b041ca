// Prints one closing line that CI reads: "e2e: N passed, N failed, N skipped".
import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private suite?: Suite;

  onBegin(_config: unknown, suite: Suite) {
    this.suite = suite;
  }

  onEnd(_result: FullResult) {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const test of this.suite?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'expected' || outcome === 'flaky') count.passed += 1;
      else if (outcome === 'skipped') count.skipped += 1;
      else count.failed += 1;
    }
    console.log(`e2e: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
  }

  printsToStdio() {
    return false;
  }
}
