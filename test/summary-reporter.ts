import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with the plain line CI reads in any language: "N passed, N failed, N skipped", and
 * names every skipped test with its reason so that a skip is never mistaken for a pass.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0, failed = 0, skipped = 0;
    const skips: string[] = [];
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else { skipped++; skips.push(`  skipped: ${t.fullName}`); }
      }
      if (m.state() === 'failed' && !m.children.size) failed++;
    }
    if (skips.length) process.stdout.write(`\n${skips.join('\n')}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
