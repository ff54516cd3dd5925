import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainMessage } from '@/domain/zod-free/plain-message';

describe('an error as a sentence an agent can read', () => {
  it.each([
    ['a plain error keeps its message', new Error('The database connection is closing.'), 'The database connection is closing.'],
    ['only the first line', new Error('Quota exceeded\n    at put (dexie.js:1)'), 'Quota exceeded'],
    ['a schema failure reads as the fallback', z.object({ a: z.string() }).safeParse({}).error, 'fallback'],
    ['a JSON dump reads as the fallback', new Error('[{"code":"too_big","path":["field"]}]'), 'fallback'],
    ['nothing reads as the fallback', undefined, 'fallback'],
  ])('%s', (_name, error, expected) => {
    expect(plainMessage(error, 'fallback')).toBe(expected);
  });

  it('caps a long message', () => {
    expect(plainMessage(new Error('x'.repeat(5000)), 'f').length).toBe(200);
  });
});
