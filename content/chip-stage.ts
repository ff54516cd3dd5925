import type { createChip } from './chip';

/** What the chip's own script hands to the content script: the chip's factory. */
export type ChipFactory = typeof createChip;
export type Chip = ReturnType<ChipFactory>;

/** A property of the content scripts' own global (Chrome's isolated world, Firefox's sandbox),
 * which the webmail page's scripts never see. */
const SLOT = '__sidedeskChip';

/** Called by the chip's script (entrypoints/chip.ts) when the background runs it in the page. */
export function offerChip(factory: ChipFactory): void {
  (globalThis as Record<string, unknown>)[SLOT] = factory;
}

/** The chip's factory, once its script has run in this page. */
export function takeChip(): ChipFactory | null {
  const factory = (globalThis as Record<string, unknown>)[SLOT];
  return typeof factory === 'function' ? (factory as ChipFactory) : null;
}
