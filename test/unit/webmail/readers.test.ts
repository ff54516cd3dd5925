import { describe, expect, it } from 'vitest';
import { Reading } from '@/domain/reading';
import { MAX_PARTICIPANTS } from '@/domain/zod-free/participants';
import { readerFor } from '@/webmail/registry';
import { loadCases, loadPage } from '@/test/support/webmail-cases';

const cases = loadCases();

describe('webmail readers over saved pages', () => {
  it('has cases for every provider folder', () => {
    expect(new Set(cases.map((c) => c.provider)).size).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [`${c.provider}: ${c.name}`, c] as const))('%s', (_title, c) => {
    const url = new URL(c.url);
    const reader = readerFor(url);
    expect(reader?.provider).toBe(c.provider);
    const doc = loadPage(c.provider, c.file, c.url);
    const raw = reader!.read(doc, url);
    if (raw.status === 'conversation') {
      // Every reader keeps people as the schema does (one shared rule): each address once, never
      // the account, at most MAX_PARTICIPANTS; a long list is cut before it is sent, never refused.
      const keys = raw.observation.participants.map((p) => p.email.trim().toLowerCase());
      expect(new Set(keys).size, 'each participant once').toBe(keys.length);
      expect(keys).not.toContain(raw.observation.account.toLowerCase());
      expect(keys.length).toBeLessThanOrEqual(MAX_PARTICIPANTS);
    }
    // What the content script would send must pass the receiver's schema.
    const reading = Reading.parse(raw);
    expect(reading.status).toBe(c.expect.status);
    if (reading.status === 'conversation') {
      expect(reading.observation).toMatchObject(c.expect.observation ?? {});
      expect(reader!.chipAnchor(doc), 'a conversation has a place for the chip').not.toBeNull();
    } else {
      expect(reading.reason.length).toBeGreaterThan(0);
      if (c.expect.reasonIncludes) expect(reading.reason).toContain(c.expect.reasonIncludes);
    }
  });
});
