// NodeFilter's number, spelled out: a reader also runs over documents of another window (a saved
// page in jsdom) where the global NodeFilter is not that document's.
const SHOW_ELEMENT = 0x1;

/**
 * The page's own parts, never the mail. A message body is its sender's HTML and can imitate any
 * header (a quoted "From:", a forwarded card, a hostile mail using the webmail's own classes and
 * attributes), so a reader looks up header data only through this: no selector can reach into a
 * body by mistake. One walk skips each body whole, so a huge or deeply nested body costs nothing.
 */
export interface HeaderParts {
  /** Every element under `root` (root included) matching `selector` and outside every body. */
  all(root: ParentNode, selector: string): Element[];
  /** The first such element in document order, or null. */
  first(root: ParentNode, selector: string): Element | null;
}

/** Header lookups for a provider whose message bodies match `bodies`. */
export function createHeaderParts(bodies: string): HeaderParts {
  function* walk(root: ParentNode, selector: string): Generator<Element> {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    // A root inside a body (an imitation of a pane) holds nothing of the page's own.
    if (isElement(root) && root.closest(bodies)) return;
    // The walker never visits its root: test it here.
    if (isElement(root) && root.matches(selector)) yield root;
    // A plain walker, tested and steered here: a filter the walker calls back for each element
    // costs the page several times the walk itself (a crossing into script per element).
    const walker = doc.createTreeWalker(root as Node, SHOW_ELEMENT);
    let node = walker.firstChild() as Element | null;
    while (node) {
      if (!node.matches(bodies)) {
        if (node.matches(selector)) yield node;
        const child = walker.firstChild() as Element | null;
        if (child) {
          node = child;
          continue;
        }
      }
      // A body, or an element with no children: on to the next sibling, else up (never above
      // the root, where the walker's parentNode stops).
      node = walker.nextSibling() as Element | null;
      while (!node && walker.parentNode()) node = walker.nextSibling() as Element | null;
    }
  }
  return {
    all: (root, selector) => [...walk(root, selector)],
    first(root, selector) {
      // The browser's own first match is the answer whenever it lies outside every body (the
      // usual case, and the fast one); only a match inside a body needs the walk.
      if (isElement(root) && (root.closest(bodies) || root.matches(selector))) return walk(root, selector).next().value ?? null;
      const hit = root.querySelector(selector);
      if (!hit || !hit.closest(bodies)) return hit;
      return walk(root, selector).next().value ?? null;
    },
  };
}

const isElement = (node: ParentNode): node is Element => (node as Node).nodeType === 1;
