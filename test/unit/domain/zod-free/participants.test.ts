import { describe, expect, it } from 'vitest';
import { MAX_PARTICIPANTS, uniqueParticipants } from '@/domain/zod-free/participants';

const person = (email: string, name = '') => ({ email, name });

describe('the people of a conversation', () => {
  it('keeps each address once, the first time it appears, whatever its case', () => {
    expect(uniqueParticipants([person('a@x.pl', 'A'), person(' A@X.PL ', 'A again'), person('b@x.pl')])).toEqual([
      person('a@x.pl', 'A'),
      person('b@x.pl'),
    ]);
  });

  it('leaves out the signed-in account and empty addresses', () => {
    expect(uniqueParticipants([person('Me@x.pl'), person(''), person('c@x.pl')], ['me@x.pl'])).toEqual([person('c@x.pl')]);
  });

  it('cuts a thousand entries (100 messages, 10 in copy) to the cap, never refusing them', () => {
    const thread = Array.from({ length: 1000 }, (_, i) => person(`p${i % 150}@klient.example`));
    const kept = uniqueParticipants(thread);
    expect(kept).toHaveLength(MAX_PARTICIPANTS);
    expect(kept[0]!.email).toBe('p0@klient.example');
    expect(new Set(kept.map((p) => p.email)).size).toBe(MAX_PARTICIPANTS);
  });
});
