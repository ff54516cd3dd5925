// Bundles bench/page-harness.mjs (with the project's database, desk and search index) into one
// script a bench evaluates in an extension page. `search: false` builds the same desk with the
// search index's upkeep taken out of its writes (apply-writes gets no-op `searchChangesOf`,
// `refreshSearch` and `moveSearchRows`): the same command path, minus exactly what the index costs.
import { join } from 'node:path';
import { rolldown } from 'rolldown';
import { ROOT } from '../scripts/browser.mjs';

const NO_SEARCH = '\0sidedesk-bench:no-search';

/** The harness as an IIFE that sets `globalThis[name]`. */
export async function bundleHarness({ name = 'sidedeskBench', search = true } = {}) {
  const build = await rolldown({
    input: join(ROOT, 'bench/page-harness.mjs'),
    resolve: { alias: { '@': ROOT } },
    logLevel: 'silent',
    plugins: [
      {
        name: 'search-off',
        resolveId(source, importer) {
          if (!search && source === './search-index' && importer?.endsWith(join('store', 'apply-writes.ts'))) return NO_SEARCH;
          return null;
        },
        load(id) {
          if (id !== NO_SEARCH) return null;
          return [
            'export async function searchChangesOf() { return { recompute: new Set(), moved: new Set() }; }',
            'export async function refreshSearch() {}',
            'export async function moveSearchRows() {}',
          ].join('\n');
        },
      },
    ],
  });
  const { output } = await build.generate({ format: 'iife', name });
  await build.close();
  return output[0].code;
}
