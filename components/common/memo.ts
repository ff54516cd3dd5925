import { createElement, type Component, type FunctionComponent } from 'preact';

/**
 * `c`, drawn again only when one of its props changed (compared one by one, by identity). Not
 * preact/compat's `memo`: importing compat turns every input's `onChange` into `onInput`, React's
 * way, for the whole page.
 */
export function memo<P extends object>(c: FunctionComponent<P>): FunctionComponent<P> {
  function changed(this: Component<P>, next: P): boolean {
    const now = this.props as Record<string, unknown>;
    const later = next as Record<string, unknown>;
    for (const key in now) if (key !== 'children' && !(key in later)) return true;
    for (const key in later) if (key !== 'children' && now[key] !== later[key]) return true;
    return false;
  }
  function Memoed(this: Component<P>, props: P) {
    this.shouldComponentUpdate = changed;
    return createElement(c, props);
  }
  Memoed.displayName = `Memo(${c.displayName ?? c.name})`;
  return Memoed;
}
