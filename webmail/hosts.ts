/** The webmail pages Sidedesk reads. One list, used by the manifest, the content script and the
 * router's sender check, so they can never disagree. */
export const WEBMAIL_HOSTS = ['mail.google.com'] as const;

export const WEBMAIL_MATCHES = WEBMAIL_HOSTS.map((host) => `https://${host}/*`);

/** True when `url` is a page of a supported webmail (https only). */
export function isWebmailUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (WEBMAIL_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}
