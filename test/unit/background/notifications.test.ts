import { describe, expect, it } from 'vitest';
import { notificationId, targetOf } from '@/background/notifications';

describe('notification targets', () => {
  it.each([
    { kind: 'ticket' as const, id: '3f0c2d9e-1111-4c3a-9f7d-2e8b6a4c1f90' },
    { kind: 'conversation' as const, id: 'gmail:agent@sidedesk.test:19a367a0e0052e6b' },
    { kind: 'conversation' as const, id: 'outlook:a@b.pl:AAQk|ADk%2F/x==' },
  ])('round-trips $kind $id through the notification id, each id unique', (target) => {
    const a = notificationId(target);
    expect(targetOf(a)).toEqual(target);
    expect(notificationId(target)).not.toBe(a);
  });

  it.each(['', 'other-extension-id', 'sidedesk|ticket', 'sidedesk|ticket||x', 'sidedesk|admin|x|y', 'sidedesk|ticket|%E0%A4%A|y'])(
    'anything else leads nowhere: %j',
    (id) => {
      expect(targetOf(id)).toEqual({ kind: 'none' });
    },
  );
});
