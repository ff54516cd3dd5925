/** The account the followed tab was last seen signed in to, and where in the webmail it was. */
export interface KnownAccount {
  tabId: number;
  account: string;
  place: string;
}

/** Where in a webmail one account lives: the origin, with the account slot some webmails keep in
 * the path (Gmail's and Proton's `/u/1/`). Another account means another place, except where a
 * webmail shows no slot (Outlook, Fastmail): there the origin is all there is to go by. */
export function accountPlace(url: string): string {
  try {
    const { origin, pathname } = new URL(url);
    return origin + (/^(?:\/mail)?\/u\/\d+\//.exec(pathname)?.[0] ?? '/');
  } catch {
    return url;
  }
}

/** The followed tab's account: known when the panel saw this tab show a conversation of it, and
 * the tab has stayed in that account's place since (a page that hid its account knows none). */
export function tabAccount(known: KnownAccount | null, tabId: number | null, tabUrl: string | undefined): string | null {
  if (!known || tabId !== known.tabId || tabUrl === undefined) return null;
  return accountPlace(tabUrl) === known.place ? known.account : null;
}
