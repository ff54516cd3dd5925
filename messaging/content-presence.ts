/**
 * How the background knows a webmail page already runs a live content script of this extension:
 * the script leaves a function on the content scripts' own global (Chrome's isolated world,
 * Firefox's sandbox; the page never sees it) that says whether it is still valid, and the
 * background runs `isContentScriptAlive` in the page before running the script again. A copy
 * left by an updated or reloaded extension answers false, so the new one is run.
 */
export const PRESENCE_SLOT = '__sidedeskContentScript';

/** Run in the page by `scripting.executeScript`: self-contained, it sees only its argument. */
export function isContentScriptAlive(slot: string): boolean {
  const alive = (globalThis as Record<string, unknown>)[slot];
  try {
    return typeof alive === 'function' && alive() === true;
  } catch {
    return false;
  }
}
