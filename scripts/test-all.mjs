#!/usr/bin/env node
// The whole test suite, as CI runs it: types, both builds, Firefox lint, then every vitest
// project (unit, store, messaging, e2e in Chromium and Firefox) in one run with a JSON report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { preflight } from './preflight.mjs';
import { summarize } from './summary.mjs';

const REPORT = 'test-results/vitest.json';

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', shell: false });
  const ok = run.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

preflight(['chromium', 'firefox']);
mkdirSync('test-results', { recursive: true });
rmSync(REPORT, { force: true });
const npx = 'npx';
const gates = [
  ['formatting (prettier --check; `npm run format` fixes it)', npx, ['prettier', '--check', '.']],
  ['type-check', npx, ['tsc', '--noEmit']],
  ['build for Chrome', npx, ['wxt', 'build']],
  ['build for Chrome, e2e mode (hooks for native menus and shortcuts)', npx, ['wxt', 'build', '--mode', 'e2e']],
  ['build for Firefox', npx, ['wxt', 'build', '-b', 'firefox']],
  ['build for Firefox, e2e mode', npx, ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e']],
  ['web-ext lint (0 errors)', 'node', ['scripts/lint-firefox.mjs']],
];
for (const [name, command, args] of gates) {
  if (!step(name, command, args)) {
    console.log(`\n${name} failed: the tests were not run.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
const testsOk = step('vitest: unit, store, messaging, e2e (Chromium, Firefox)', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORT}`,
]);
const summary = summarize(REPORT);
console.log(`\n${summary.line}`);
process.exit(testsOk && summary.failed === 0 && summary.passed > 0 ? 0 : 1);
