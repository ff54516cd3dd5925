import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ConversationId,
  Provider,
  PROVIDER_IDS,
  providerDisplayName,
  providerName,
  type PlainPipeline,
  type PlainStage,
  type Pipeline,
  type Stage,
} from '@/domain';
import { translateWith } from '@/domain/zod-free/translate';

describe('the one list of providers', () => {
  it('the Provider schema is the list', () => {
    expect(Provider.options).toEqual(PROVIDER_IDS);
  });

  it.each(PROVIDER_IDS)('a conversation id of %s parses; its name is its own', (provider) => {
    expect(ConversationId.safeParse(`${provider}:me@example.com:thread-1`).success).toBe(true);
    expect(providerDisplayName(provider)).toMatch(/^[A-Z]/);
  });

  it('a provider not on the list makes no conversation id', () => {
    expect(ConversationId.safeParse('yahoo:me@example.com:thread-1').success).toBe(false);
    expect(ConversationId.safeParse('gmailx:me@example.com:thread-1').success).toBe(false);
  });

  it('names a page by its webmail, anything else as webmail', () => {
    expect(providerName('https://mail.proton.me/u/0/inbox')).toBe('Proton Mail');
    expect(providerName('https://example.com/')).toBe('webmail');
  });
});

describe('the zod-free shapes', () => {
  it('describe the same stage and pipeline as the schemas', () => {
    expectTypeOf<PlainStage>().toEqualTypeOf<Stage>();
    expectTypeOf<PlainPipeline>().toEqualTypeOf<Pipeline>();
  });

  it('a missing translation shows its key, never an empty string', () => {
    const t = translateWith((key, subs) => (key === 'hello' ? `Hello ${subs?.[0]}` : ''));
    expect(t('hello', [42])).toBe('Hello 42');
    expect(t('nope')).toBe('nope');
  });
});
