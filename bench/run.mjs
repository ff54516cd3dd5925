#!/usr/bin/env node
// `npm run bench`: builds nothing; run `npm run build` first. Prints each figure, and saves them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../scripts/browser.mjs';
import * as agentPaths from './agent-paths.mjs';
import * as contentScript from './content-script.mjs';
import * as deskActions from './desk-actions.mjs';
import * as largeDesk from './large-desk.mjs';
import * as panel from './panel.mjs';
import * as searchIndexCost from './search-index-cost.mjs';
import * as ticketsPage from './tickets-page.mjs';

const only = process.argv[2];
const suites = Object.fromEntries(
  Object.entries({
    'content script (issues 3 and 12)': contentScript,
    'side panel (issue 4)': panel,
    'tickets page at scale: first render and search (desk)': ticketsPage,
    'tickets search index: what it adds to writes (desk)': searchIndexCost,
    'desk actions: board, bulk, export and import': deskActions,
    'agent paths at scale: picker, badge, observations (issue 12)': agentPaths,
    'large desk: closing a ticket of 1,000 conversations, storage, heaps (issue 12)': largeDesk,
  }).filter(([name]) => !only || name.includes(only)),
);
const results = {};
for (const [name, suite] of Object.entries(suites)) {
  console.log(`\n## ${name}`);
  results[name] = await suite.run();
  for (const [k, v] of Object.entries(results[name])) console.log(`- ${k}: ${v}`);
}
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(join(ROOT, 'test-results/bench.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
