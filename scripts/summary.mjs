#!/usr/bin/env node
// Prints `N passed, N failed` from vitest's JSON report (the last line CI shows).
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export function summarize(path) {
  if (!existsSync(path)) return { passed: 0, failed: 1, line: '0 passed, 1 failed' };
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const passed = report.numPassedTests ?? 0;
  // A file that failed to load has no failed test of its own; count it, or it would vanish.
  const failed =
    (report.numFailedTests ?? 0) +
    (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  return { passed, failed, line: `${passed} passed, ${failed} failed` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(summarize(process.argv[2] ?? 'test-results/vitest.json').line);
}
