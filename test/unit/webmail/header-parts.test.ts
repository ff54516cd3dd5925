// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHeaderParts } from '@/webmail/header-parts';

const parts = createHeaderParts('.body');

describe('header parts: lookups that never enter a message body', () => {
  it('finds matches outside bodies only, in document order, the root included', () => {
    document.body.innerHTML = `
      <div id="root" class="p" data-n="0">
        <span class="p" data-n="1"></span>
        <div class="body"><span class="p" data-n="x"></span><div><span class="p" data-n="y"></span></div></div>
        <span class="p" data-n="2"></span>
      </div>`;
    const root = document.getElementById('root')!;
    expect(parts.all(root, '.p').map((el) => el.getAttribute('data-n'))).toEqual(['0', '1', '2']);
    expect(parts.first(document, '.p')?.getAttribute('data-n')).toBe('0');
    expect(parts.first(document, '.missing')).toBeNull();
  });

  it('passes over a first match that lies in a body', () => {
    document.body.innerHTML = '<div class="body"><i class="p" data-n="x"></i></div><i class="p" data-n="1"></i>';
    expect(parts.first(document, 'i.p')?.getAttribute('data-n')).toBe('1');
    expect(parts.first(document.body, 'i.p')?.getAttribute('data-n')).toBe('1');
  });

  it('finds nothing under a root that is itself inside a body', () => {
    document.body.innerHTML = '<div class="body"><div id="fake"><span class="p"></span></div></div>';
    expect(parts.all(document.getElementById('fake')!, '.p')).toEqual([]);
    expect(parts.first(document, '.p')).toBeNull();
  });

  it('skips a huge, deeply nested body whole', () => {
    document.body.innerHTML = '<div class="body"></div><span class="p"></span>';
    // Built from the leaf up: jsdom's own parser and append take seconds per thousand levels.
    let node: Node = document.createTextNode('deep');
    for (let i = 0; i < 5000; i++) {
      const span = document.createElement('span');
      span.className = 'p';
      span.append(node);
      node = span;
    }
    document.querySelector('.body')!.append(node);
    const started = performance.now();
    expect(parts.all(document, '.p')).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('on any tree, finds exactly what a plain filter of every match finds, in the same order', () => {
    // A tree of elements, each a header part (`p`), a body, both, or neither; the lookups are
    // checked from every element as root against the browser's own matching.
    type Tree = { cls: string; kids: Tree[] };
    const cls = fc.constantFrom('', 'p', 'body', 'p body');
    const treeOf = (depth: number): fc.Arbitrary<Tree> =>
      fc.record({ cls, kids: depth === 0 ? fc.constant([]) : fc.array(treeOf(depth - 1), { maxLength: 3 }) });
    const tree = treeOf(5);
    const html = (t: Tree): string => `<div class="${t.cls}">${t.kids.map(html).join('')}</div>`;
    const plain = (root: Element) =>
      root.closest('.body') ? [] : [root, ...root.querySelectorAll('*')].filter((el) => el.matches('.p') && !el.closest('.body'));
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), (trees) => {
        document.body.innerHTML = trees.map(html).join('');
        for (const root of [document.body, ...document.body.querySelectorAll('*')]) {
          expect(parts.all(root, '.p')).toEqual(plain(root));
          expect(parts.first(root, '.p')).toBe(plain(root)[0] ?? null);
        }
        expect(parts.all(document, '.p')).toEqual(plain(document.body));
      }),
      { numRuns: 200 },
    );
  });
});
