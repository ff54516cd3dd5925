// @vitest-environment jsdom
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
});
