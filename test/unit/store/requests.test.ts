import { describe, expect, it } from 'vitest';
import { observe } from '../../support/builders';
import { createTestDesk } from '../../support/store';

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
