import type { PlainPipeline } from './pipeline-shape';

/**
 * The pipeline every desk starts with. Zod-free on purpose: the content script's chip names these
 * stages, and it must not carry the schema library into every webmail page.
 */
export const DEFAULT_PIPELINE: PlainPipeline = {
  id: 'support',
  label: 'Support pipeline',
  stages: [
    { id: 'new', label: 'New', state: 'open' },
    { id: 'waiting-on-contact', label: 'Waiting on contact', state: 'open' },
    { id: 'waiting-on-us', label: 'Waiting on us', state: 'open' },
    { id: 'closed', label: 'Closed', state: 'closed' },
  ],
  reopenStageId: 'waiting-on-us',
};
