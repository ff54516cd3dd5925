import type { ReadingInput } from '@/domain/reading';
import type { Chip } from './chip-stage';

/**
 * The chip as the content script holds it before its code is in the page: the chip's script
 * (Preact, its view and styles: half of what a webmail page would otherwise load) is asked for
 * when the first conversation is shown, so a page where the agent never opens one never compiles
 * it. Until it is in, the last reading and the last conversation shown are kept, and given to the
 * chip when it arrives. A chip that could not be loaded is asked for again at the next
 * conversation; the tracking does not wait for it.
 */
export function createLazyChip(load: () => Promise<Chip | null>): Chip {
  let chip: Chip | null = null;
  let loading = false;
  let stopped = false;
  let lastReading: ReadingInput | undefined;
  let lastShown: Parameters<Chip['show']> | null = null;

  function ensure() {
    if (loading) return;
    loading = true;
    load().then(
      (loaded) => {
        loading = false;
        if (!loaded || stopped) return;
        chip = loaded;
        if (lastReading) chip.sync(lastReading);
        if (lastShown) chip.show(...lastShown);
      },
      () => void (loading = false),
    );
  }

  return {
    show(id, view, threadId) {
      if (chip) return chip.show(id, view, threadId);
      lastShown = [id, view, threadId];
      if (id) ensure();
    },
    sync(reading) {
      if (chip) return chip.sync(reading);
      if (reading) lastReading = reading;
    },
    refresh: () => chip?.refresh() ?? Promise.resolve(),
    remove() {
      stopped = true;
      chip?.remove();
    },
  };
}
