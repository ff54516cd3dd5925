import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/paths';

describe('the README demo', () => {
  it('runs headless on a fresh profile and saves its screenshots', () => {
    const out = join(ROOT, 'demo-output');
    rmSync(out, { recursive: true, force: true });
    const log = execFileSync('node', ['scripts/demo.mjs'], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(log).toContain('Screenshots saved');
    for (const file of ['panel.png', 'chip-gmail.png', 'chip-outlook.png', 'record.png', 'tickets.png']) {
      expect(existsSync(join(out, file)), file).toBe(true);
      expect(statSync(join(out, file)).size).toBeGreaterThan(5_000);
    }
  });
});
