import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const load = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every key the UI asks for: t('key'), t('key', [...]), and t(`priority_${p}`) families. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of ['components', 'pages', 'entrypoints', 'content', 'background'].flatMap((d) => sources(join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\('([A-Za-z_]+)'/g)) keys.add(m[1]!);
  }
  for (const p of ['low', 'medium', 'high', 'urgent']) keys.add(`priority_${p}`);
  for (const s of ['email', 'context_menu', 'manual', 'import']) keys.add(`source_${s}`);
  for (const s of ['new', 'waiting_on_contact', 'waiting_on_us', 'closed']) keys.add(`stage_${s}`);
  for (const p of ['description', 'priority', 'ownerId', 'category', 'source', 'contactEmail', 'createdAt', 'updatedAt', 'closedAt'])
    keys.add(`prop_${p}`);
  return keys;
}

describe('translations', () => {
  const en = load('en');
  const pl = load('pl');

  it('every string the UI uses exists in English', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it('message names are what browsers accept ([A-Za-z0-9_@]), or the extension does not load', () => {
    for (const messages of [en, pl]) expect(Object.keys(messages).filter((k) => !/^[A-Za-z0-9_@]+$/.test(k))).toEqual([]);
  });

  it('Polish has every English key, with the same $n substitutions', () => {
    expect(Object.keys(pl).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(en)) {
      const subs = (s: string) => (s.match(/\$\d/g) ?? []).sort().join();
      expect(subs(pl[key]!.message), key).toBe(subs(message));
    }
  });

  it('Polish is translated, not copied (names and words Polish shares aside)', () => {
    const same = Object.keys(en).filter(
      (k) => pl[k]!.message === en[k]!.message && !['extName', 'source_import', 'chipLoading'].includes(k),
    );
    expect(same).toEqual([]);
  });
});
