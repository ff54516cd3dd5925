import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, waitUntil } from './support/extension-page';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { SCREENSHOTS } from './support/paths';

describe('Firefox ESR: the options page (smoke)', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens, and a stage renamed on it is stored through the desk', async () => {
    const page = await session.extensionPage('options.html', 'section[data-pipeline="support"] tr[data-stage="new"] button.inline-text');
    expect(await page.$$eval('h2', (hs) => hs.map((h) => h.textContent))).toEqual([
      'Team',
      'Pipelines and stages',
      'Properties',
      'Behaviour',
      'Your data',
      'Settings history',
    ]);
    expect(await page.$eval('.options', (el) => getComputedStyle(el).fontSize)).toBe('14px');
    await page.click('tr[data-stage="new"] button.inline-text');
    await page.waitForSelector('tr[data-stage="new"] input.inline-text__input');
    await page.keyboard.type('Fresh');
    await page.keyboard.press('Enter');
    const [{ value }] = await waitUntil(
      () => readTable(page, 'settings'),
      (rows) => rows[0]?.value.pipelines[0].stages[0].label === 'Fresh',
    );
    expect(value.rev).toBe(1);
    await page.waitForFunction(() => document.querySelector('.toast span')?.textContent === 'Renamed to Fresh.');
    const history = await page.waitForSelector('#history li');
    expect(await history!.evaluate((li) => li.textContent)).toContain('Stage renamed: Support pipeline: New → Support pipeline: Fresh');
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-options.png') });
  });
});
