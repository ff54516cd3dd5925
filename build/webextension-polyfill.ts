/**
 * What `webextension-polyfill` resolves to in every bundle (the alias is in wxt.config.ts): the
 * polyfill itself, evaluated only where the browser has no promise-based `browser` of its own.
 *
 * Not the plain import, for two costs it put on every page a content script runs in, and on every
 * extension page:
 * - the bundler's ESM interop copies each property of the module's export, and where the polyfill
 *   exports the browser's own `browser` (Firefox, current Chrome) reading each property's
 *   descriptor instantiates every extension API namespace (~1 ms of a webmail page's load);
 * - the polyfill's ~1,000 lines ran to make the choice made here, the same one it makes at its top
 *   (the browser's `browser`, when that has a runtime id).
 */
declare const require: (id: string) => unknown;

const own = (globalThis as { browser?: { runtime?: { id?: string } } }).browser;

// `require`, not `import`: the bundler wraps a CommonJS module required here without the copy, and
// evaluates it only when this line runs.
export default own?.runtime?.id ? own : require('webextension-polyfill/dist/browser-polyfill.js');
