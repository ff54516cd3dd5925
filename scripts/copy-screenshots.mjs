#!/usr/bin/env node
// Copies the screenshots the e2e suite just took into docs/screenshots (the README shows them).
// Run after `npm test`; commit the result when the UI changed on purpose.
import { copyFileSync, readdirSync } from 'node:fs';

const keep = readdirSync('docs/screenshots').filter((f) => f.endsWith('.png'));
for (const file of keep) copyFileSync(`test-results/screenshots/${file}`, `docs/screenshots/${file}`);
console.log(`copied ${keep.length} screenshots`);
