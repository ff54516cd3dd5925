import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/webmail');

/** One saved page and what a reader must make of it (`cases.json` beside the pages). */
export interface WebmailCase {
  name: string;
  file: string;
  url: string;
  expect: {
    status: 'conversation' | 'none' | 'unreadable';
    /** Partial: only the fields given are compared. */
    observation?: Record<string, unknown>;
    /** Words the reason must contain (none/unreadable). */
    reasonIncludes?: string;
  };
}

export function loadCases(): Array<WebmailCase & { provider: string }> {
  return readdirSync(FIXTURES)
    .filter((provider) => existsSync(join(FIXTURES, provider, 'cases.json')))
    .flatMap((provider) =>
      (JSON.parse(readFileSync(join(FIXTURES, provider, 'cases.json'), 'utf8')) as WebmailCase[]).map((c) => ({ ...c, provider })),
    );
}

/** The saved page as a Document at `url`; its scripts do not run (a saved page is a state). */
export function loadPage(provider: string, file: string, url: string): Document {
  const html = readFileSync(join(FIXTURES, provider, file), 'utf8');
  return new JSDOM(html, { url }).window.document;
}
