import { describe, expect, it } from 'vitest';
import { observe } from '@/test/support/builders';
import { createTestDesk } from '@/test/support/store';

describe('processed request ids', () => {
  it('are pruned after a week, and only then', async () => {
    const t = await createTestDesk();
    const old = observe('a');
    await t.desk.execute(old);
    t.tick(8 * 24 * 3600 * 1000);
    await t.desk.execute(observe('b'));
    expect(await t.desk.pruneRequests()).toBe(1);
    expect((await t.db.requests.toArray()).map((r) => r.requestId)).not.toContain(old.requestId);
    expect(await t.db.requests.count()).toBe(1);
  });
});

describe('webmail tab records', () => {
  it('a closed tab is forgotten, and a browser start forgets them all', async () => {
    const t = await createTestDesk();
    await t.desk.execute(observe('a'), { tabId: 1 });
    await t.desk.execute(observe('b'), { tabId: 2 });
    await t.desk.forgetTab(1);
    expect((await t.db.tabs.toArray()).map((r) => r.tabId)).toEqual([2]);
    await t.desk.startFresh();
    expect(await t.db.tabs.count()).toBe(0);
  });
});
