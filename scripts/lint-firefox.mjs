#!/usr/bin/env node
// web-ext lint on the Firefox build: fails on any error, lists warnings.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--self-hosted', '--output', 'json'], {
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
for (const kind of ['errors', 'warnings']) {
  for (const m of report[kind]) console.log(`  ${kind.slice(0, -1)} ${m.code} ${m.file ?? ''} ${m.message}`);
}
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
process.exit(report.summary.errors === 0 ? 0 : 1);
