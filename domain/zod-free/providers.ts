/**
 * Every webmail Sidedesk reads: its id, its own name, and the hosts of its pages (https only).
 * The one list that the manifest's hosts, the content scripts' matches, the router's sender check,
 * the provider schema, the conversation id pattern and the UI's names all derive from. Adding a
 * webmail: an entry here, its reader and selectors in `webmail/`, the registry, a content script.
 */
// TODO(2027-01): Proton and Fastmail as optional host permissions, granted from the settings page
// and registered at run time, so Gmail and Outlook users are not asked for hosts they never use.
export const PROVIDERS = [
  { id: 'gmail', name: 'Gmail', hosts: ['mail.google.com'] },
  { id: 'outlook', name: 'Outlook', hosts: ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com'] },
  { id: 'proton', name: 'Proton Mail', hosts: ['mail.proton.me'] },
  { id: 'fastmail', name: 'Fastmail', hosts: ['app.fastmail.com'] },
] as const;

export type Provider = (typeof PROVIDERS)[number]['id'];
export const PROVIDER_IDS = PROVIDERS.map((p) => p.id) as [Provider, ...Provider[]];

/** Host → provider, for every supported webmail page. */
export const WEBMAIL_HOSTS: Readonly<Record<string, Provider>> = Object.fromEntries(
  PROVIDERS.flatMap((p) => p.hosts.map((host) => [host, p.id])),
);

/** The match patterns of one provider's pages (its content script's `matches`). */
export function matchesOf(provider: Provider): string[] {
  return hostsOf(provider).map((host) => `https://${host}/*`);
}

/** Every supported webmail page, as match patterns (the manifest's host permissions, the menu). */
export const WEBMAIL_MATCHES = PROVIDER_IDS.flatMap(matchesOf);

export function hostsOf(provider: Provider): readonly string[] {
  return PROVIDERS.find((p) => p.id === provider)?.hosts ?? [];
}

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

/** A provider's own name ("Proton Mail"). */
export function providerDisplayName(provider: Provider): string {
  return PROVIDERS.find((p) => p.id === provider)?.name ?? provider;
}

/** The webmail's own name for a page of it ("Gmail"), or "webmail" for anything else. */
export function providerName(url: string | undefined): string {
  const provider = providerOfUrl(url);
  return provider ? providerDisplayName(provider) : 'webmail';
}
