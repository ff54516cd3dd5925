import { isWebmailUrl } from '@/domain/zod-free/providers';
import type { SenderKind } from '@/messaging/protocol';

/** The parts of `runtime.MessageSender` the router looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  /** The frame of the tab the message came from (0: the top one). */
  frameId?: number;
}

export interface Self {
  /** `runtime.id` */
  id: string;
  /** `runtime.getURL('/')`: chrome-extension://<id>/ or moz-extension://<uuid>/ */
  origin: string;
}

/**
 * Who sent a message, or null when it must be refused: another extension, a web page, or a
 * frame of ours on a host we do not support.
 */
export function classifySender(sender: SenderInfo, self: Self): SenderKind | null {
  if (sender.id !== self.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) return 'extension-page';
  if (sender.tab?.id !== undefined && isWebmailUrl(url)) return 'content-script';
  return null;
}
