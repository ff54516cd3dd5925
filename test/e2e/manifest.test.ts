import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WEBMAIL_MATCHES } from '../../domain/zod-free/providers';
import { CHROME_BUILD, FIREFOX_BUILD } from './support/paths';

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('built manifests ask for only what they need', () => {
  it('Chrome MV3: a service worker, storage that is never evicted, the webmail hosts only', () => {
    const m = manifest(CHROME_BUILD);
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect([...m.permissions].sort()).toEqual(['contextMenus', 'notifications', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(Object.keys(m.commands).sort()).toEqual(['close-ticket', 'create-ticket', 'open-panel']);
    expect(m.commands['open-panel'].suggested_key.default).toBe('Alt+Shift+S');
    expect(m.action.default_popup).toBe('popup.html');
    expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect([...m.host_permissions].sort()).toEqual([...WEBMAIL_MATCHES].sort());
    expect(m.host_permissions.every((h: string) => /^https:\/\/[a-z0-9.-]+\/\*$/.test(h))).toBe(true);
    // No content script declared: the background runs one in a webmail tab whose address may show
    // a conversation (a mailbox list pays nothing), and nothing is web-accessible.
    expect(m.content_scripts).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
  });

  it('Firefox MV3: fixed gecko id, no data collection, no sidePanel permission', () => {
    const m = manifest(FIREFOX_BUILD);
    expect(m.manifest_version).toBe(3);
    expect(m.browser_specific_settings.gecko).toMatchObject({
      id: 'sidedesk@sidedesk.dev',
      data_collection_permissions: { required: ['none'] },
    });
    expect(m.permissions).not.toContain('sidePanel');
    expect(m.permissions).toContain('unlimitedStorage');
    expect(m.background.scripts).toEqual(['background.js']);
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.commands._execute_sidebar_action.suggested_key.default).toBe('Alt+Shift+S');
  });
});

describe('built content scripts stay light (they load in every webmail page)', () => {
  const scripts = (dir: string) =>
    readdirSync(join(dir, 'content-scripts'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => ({ file: f, code: readFileSync(join(dir, 'content-scripts', f)) }));

  it.each([
    ['Chrome', CHROME_BUILD],
    ['Firefox', FIREFOX_BUILD],
  ])('%s: one per provider, without the schema library or the database, at most 20 KB gzipped, the polyfill only on demand', (_, dir) => {
    const built = scripts(dir);
    expect(built.map((s) => s.file).sort()).toEqual(['fastmail.js', 'gmail.js', 'outlook.js', 'proton.js']);
    for (const { file, code } of built) {
      const text = code.toString('utf8');
      // zod reaches the bundle through any import of `domain/index`; the background validates instead.
      expect({ file, zod: text.includes('ZodError') }).toEqual({ file, zod: false });
      expect({ file, dexie: text.includes('Dexie') }).toEqual({ file, dexie: false });
      expect({ file, underBudget: gzipSync(code, { level: 9 }).length <= 20 * 1024 }).toEqual({ file, underBudget: true });
      // The bundler's ESM interop copies a CommonJS export property by property; over the browser's
      // own `browser` that instantiates every extension API (build/webextension-polyfill.ts).
      expect({ file, interopCopy: text.includes('getOwnPropertyNames') }).toEqual({ file, interopCopy: false });
      // The polyfill is evaluated only where the browser has no `browser` of its own.
      expect({ file, polyfillOnDemand: /runtime\?\.id\?\w+:\w+\(\)/.test(text) }).toEqual({ file, polyfillOnDemand: true });
    }
  });
});
