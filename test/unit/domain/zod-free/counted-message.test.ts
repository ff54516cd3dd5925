import { describe, expect, it } from 'vitest';
import { countedMessage } from '@/domain';

const messages: Record<string, string> = {
  moved: 'Move $1 tickets?',
  moved_one: 'Move 1 ticket?',
  przeniesione: 'Przenieść zgłoszenia ($1)?',
};
const t = (key: string, subs?: Array<string | number>) =>
  messages[key]?.replace(/\$(\d)/g, (_, i: string) => String(subs?.[Number(i) - 1] ?? '')) ?? key;

describe('a message that counts', () => {
  it('takes the plural form the locale has, and the plain message where it has none', () => {
    expect(countedMessage(t, 'moved', 1, [1], 'en')).toBe('Move 1 ticket?');
    expect(countedMessage(t, 'moved', 3, [3], 'en')).toBe('Move 3 tickets?');
    // Polish words it without a plural: 2 is "few", 5 "many", and neither form is needed.
    expect(countedMessage(t, 'przeniesione', 2, [2], 'pl')).toBe('Przenieść zgłoszenia (2)?');
    expect(countedMessage(t, 'przeniesione', 1, [1], 'pl')).toBe('Przenieść zgłoszenia (1)?');
    // A language the browser does not know: the plain message, never an error.
    expect(countedMessage(t, 'moved', 1, [1], 'not a language!')).toBe('Move 1 tickets?');
  });
});
