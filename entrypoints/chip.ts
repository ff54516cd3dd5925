import { createChip } from '@/content/chip';
import { offerChip } from '@/content/chip-stage';

// The chip's code, run in a webmail page by the background only once a conversation is shown
// there (content/lazy-chip.ts). Not a web-accessible resource: the page cannot fetch it.
export default defineUnlistedScript(() => offerChip(createChip));
