import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Command, PROVIDERS, RULE_IDS, TIMELINE_EVENTS, TIMELINE_FIELDS } from '@/domain';
import { READERS } from '@/webmail/registry';

// The house's boundaries, read from the import lines of every source file: a folder says where
// its code runs and what it may import.

const ROOT = resolve(import.meta.dirname, '../..');
const FOLDERS = ['entrypoints', 'background', 'content', 'messaging', 'pages', 'components', 'domain', 'store', 'webmail'];

interface Edge {
  from: string;
  /** A file of ours (`domain/ids.ts`), or a package (`zod`). */
  to: string;
  ours: boolean;
  /** `import type`: erased from the build, so it carries no code into a bundle. */
  typeOnly: boolean;
  line: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = posix.join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveOurs(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? posix.normalize(posix.join(posix.dirname(from), spec)) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile()) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function edgesOf(file: string): Edge[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const edges: Edge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const [line, keyword, typeKeyword, clause = '', spec] = m as unknown as [
      string,
      string,
      string | undefined,
      string | undefined,
      string,
    ];
    if (keyword === 'export' && !clause) continue; // `export const x = '...'`, not a re-export
    const names = /\{([^}]*)\}/.exec(clause)?.[1];
    const allTyped = !!names && /^\s*\{/.test(clause) && names.split(',').every((n) => !n.trim() || /^\s*type\s/.test(n));
    const typeOnly = !!typeKeyword || allTyped;
    const ours = resolveOurs(file, spec);
    edges.push({
      from: file,
      to:
        ours ??
        spec
          .split('/')
          .slice(0, spec.startsWith('@') ? 2 : 1)
          .join('/'),
      ours: ours !== null,
      typeOnly,
      line: line.trim(),
    });
  }
  return edges;
}

const files = FOLDERS.flatMap(sourceFiles);
const edges = files.flatMap(edgesOf);
const room = (path: string) => (path.startsWith('domain/zod-free/') ? 'domain/zod-free' : path.split('/')[0]!);
const describeEdge = (e: Edge) => `${e.from} → ${e.to}   (${e.line})`;

/** The edges out of `fromRoom` that `allowed` refuses. */
function violations(fromRoom: string, allowed: (e: Edge) => boolean): string[] {
  return edges.filter((e) => room(e.from) === fromRoom && !allowed(e)).map(describeEdge);
}

describe('architecture: what each folder may import', () => {
  it('finds the import lines it judges (a parser that saw nothing would pass everything)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.filter((e) => e.ours).length).toBeGreaterThan(300);
    expect(edges.some((e) => e.typeOnly)).toBe(true);
  });

  it('domain/ imports nothing of ours outside domain/', () => {
    expect(violations('domain', (e) => !e.ours || e.to.startsWith('domain/'))).toEqual([]);
  });

  it('the zod-free part of domain/ imports only itself, and never zod', () => {
    expect(violations('domain/zod-free', (e) => (e.ours ? e.to.startsWith('domain/zod-free/') : e.to !== 'zod'))).toEqual([]);
  });

  it('store/ imports only domain/ (and Dexie)', () => {
    expect(violations('store', (e) => (e.ours ? ['domain', 'domain/zod-free', 'store'].includes(room(e.to)) : true))).toEqual([]);
  });

  it('webmail/ imports only domain/ types (and the zod-free part), never a package', () => {
    const ok = (e: Edge) => {
      if (!e.ours) return false;
      if (room(e.to) === 'webmail' || room(e.to) === 'domain/zod-free') return true;
      return room(e.to) === 'domain' && e.typeOnly;
    };
    expect(violations('webmail', ok)).toEqual([]);
  });

  it('components/ never import store/, background/, pages/, content/ or entrypoints/, nor call browser.*', () => {
    expect(
      violations('components', (e) => !e.ours || !['store', 'background', 'pages', 'content', 'entrypoints'].includes(room(e.to))),
    ).toEqual([]);
    const calls = files
      .filter((f) => f.startsWith('components/'))
      .filter((f) => /(^|[^.\w])browser\.\w+/.test(readFileSync(join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(calls).toEqual([]);
  });

  it('background/ never imports content/, pages/, components/ or entrypoints/', () => {
    expect(violations('background', (e) => !e.ours || !['content', 'pages', 'components', 'entrypoints'].includes(room(e.to)))).toEqual([]);
  });

  it('messaging/ is the contract: it imports only domain/ and itself', () => {
    expect(violations('messaging', (e) => !e.ours || ['domain', 'domain/zod-free', 'messaging'].includes(room(e.to)))).toEqual([]);
  });

  it('pages/ never import background/, content/ or entrypoints/', () => {
    expect(violations('pages', (e) => !e.ours || !['background', 'content', 'entrypoints'].includes(room(e.to)))).toEqual([]);
  });

  it('nothing imports an entrypoint but its own surface', () => {
    const bad = edges.filter((e) => e.ours && room(e.to) === 'entrypoints' && posix.dirname(e.to) !== posix.dirname(e.from));
    expect(bad.map(describeEdge)).toEqual([]);
  });

  it('content/ never reaches store/, zod or Dexie, through any chain of value imports', () => {
    const roots = files.filter((f) => room(f) === 'content' || /^entrypoints\/[\w-]+\.content\.ts$/.test(f));
    expect(roots.length).toBeGreaterThan(4);
    const reached = new Map<string, string[]>(roots.map((f) => [f, [f]]));
    const queue = [...roots];
    const bad: string[] = [];
    while (queue.length) {
      const file = queue.shift()!;
      for (const e of edges.filter((x) => x.from === file && !x.typeOnly)) {
        const path = [...reached.get(file)!, e.to];
        if (!e.ours) {
          if (['zod', 'dexie'].includes(e.to)) bad.push(path.join(' → '));
          continue;
        }
        if (room(e.to) === 'store') bad.push(path.join(' → '));
        if (!reached.has(e.to)) (reached.set(e.to, path), queue.push(e.to));
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no import circle anywhere', () => {
    const next = new Map<string, string[]>();
    for (const e of edges.filter((x) => x.ours)) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, stack: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') return void circles.push([...stack.slice(stack.indexOf(file)), file].join(' → '));
      state.set(file, 'open');
      for (const to of next.get(file) ?? []) visit(to, [...stack, file]);
      state.set(file, 'done');
    };
    for (const f of files) visit(f, []);
    expect(circles).toEqual([]);
  });
});

describe('architecture: one list, and everything it names exists', () => {
  const locale = (lang: string) =>
    JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, unknown>;
  const locales = { en: locale('en'), pl: locale('pl') };

  it.each(PROVIDERS.map((p) => [p.id, p] as const))(
    'webmail %s has a reader, hosts, a display name and a content script',
    (id, provider) => {
      expect(READERS[id]?.provider).toBe(id);
      expect(provider.hosts.length).toBeGreaterThan(0);
      expect(provider.name.trim()).not.toBe('');
      const script = join(ROOT, 'entrypoints', `${id}.content.ts`);
      expect(existsSync(script), `entrypoints/${id}.content.ts`).toBe(true);
      const text = readFileSync(script, 'utf8');
      expect(text).toContain(`matchesOf('${id}')`);
      expect(text).toContain(`@/webmail/${id}'`);
    },
  );

  it('every content script belongs to a provider of the list', () => {
    const scripts = readdirSync(join(ROOT, 'entrypoints'))
      .filter((n) => n.endsWith('.content.ts'))
      .map((n) => n.replace('.content.ts', ''));
    expect(scripts.sort()).toEqual(PROVIDERS.map((p) => p.id).sort());
  });

  it('every command type has its case in gatherSnapshot', () => {
    const snapshot = readFileSync(join(ROOT, 'domain/snapshot.ts'), 'utf8');
    const types = Command.options.map((o) => o.shape.type.value);
    expect(types.length).toBeGreaterThan(10);
    expect(types.filter((type) => !snapshot.includes(`case '${type}':`))).toEqual([]);
  });

  it.each(Object.entries(locales))('every rule, timeline field and event has its label in %s', (_lang, messages) => {
    const wanted = [
      ...RULE_IDS.map((r) => `rule_${r.replace(/-/g, '_')}`),
      ...TIMELINE_FIELDS.map((f) => `field_${f}`),
      ...TIMELINE_EVENTS.flatMap((e) => [`event_${e}`, `event_${e}_conversation`]),
      'event_linked',
    ];
    expect(wanted.filter((key) => !Object.hasOwn(messages, key))).toEqual([]);
  });

  it('every rule_, field_ and event_ key exists in both locales', () => {
    const keys = (m: Record<string, unknown>) =>
      Object.keys(m)
        .filter((k) => /^(rule|field|event)_/.test(k))
        .sort();
    expect(keys(locales.pl)).toEqual(keys(locales.en));
  });
});

describe('architecture: the unit tests mirror the source', () => {
  it('every folder of test/unit is a folder of the source, and every test file sits in one', () => {
    const dirs = (dir: string): string[] =>
      readdirSync(join(ROOT, dir)).flatMap((name) => {
        const path = posix.join(dir, name);
        return statSync(join(ROOT, path)).isDirectory() ? [path, ...dirs(path)] : [];
      });
    const strays = dirs('test/unit')
      .map((d) => d.slice('test/unit/'.length))
      .filter((d) => !existsSync(join(ROOT, d)) || !statSync(join(ROOT, d)).isDirectory());
    expect(strays).toEqual([]);
    // At the root only the tests about the whole tree: this one and the translations.
    expect(
      readdirSync(join(ROOT, 'test/unit'))
        .filter((n) => /\.test\.tsx?$/.test(n))
        .sort(),
    ).toEqual(['architecture.test.ts', 'locales.test.ts']);
  });
});
