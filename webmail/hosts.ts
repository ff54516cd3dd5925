import type { Provider } from '../domain';

/** The webmail pages Sidedesk reads, and whose they are. One list, used by the manifest, the
 * content script and the router's sender check, so they can never disagree. */
// TODO(2027-01): Proton and Fastmail as optional host permissions, granted from the settings page
// and registered at run time, so Gmail and Outlook users are not asked for hosts they never use.
export const WEBMAIL_HOSTS: Readonly<Record<string, Provider>> = {
  'mail.google.com': 'gmail',
  'outlook.live.com': 'outlook',
  'outlook.office.com': 'outlook',
  'outlook.office365.com': 'outlook',
  'mail.proton.me': 'proton',
  'app.fastmail.com': 'fastmail',
};

export const WEBMAIL_MATCHES = Object.keys(WEBMAIL_HOSTS).map((host) => `https://${host}/*`);

/** The provider of a supported webmail page (https only), or null. */
export function providerOfUrl(url: string | undefined): Provider | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && Object.hasOwn(WEBMAIL_HOSTS, u.hostname) ? WEBMAIL_HOSTS[u.hostname]! : null;
  } catch {
    return null;
  }
}

export function isWebmailUrl(url: string | undefined): boolean {
  return providerOfUrl(url) !== null;
}

const PROVIDER_NAMES: Readonly<Record<Provider, string>> = { gmail: 'Gmail', outlook: 'Outlook', proton: 'Proton Mail', fastmail: 'Fastmail', yahoo: 'Yahoo Mail' };

/** The webmail's own name for a page of it ("Gmail"), or "webmail" for anything else. */
export function providerName(url: string | undefined): string {
  const provider = providerOfUrl(url);
  return provider ? PROVIDER_NAMES[provider] : 'webmail';
}
