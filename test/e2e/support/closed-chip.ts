import type { Page } from 'playwright-core';

/** A node of `DOM.getDocument` with `pierce: true`: closed shadow roots included. */
interface CdpNode {
  backendNodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

/** The chip as the agent sees it. */
export interface ChipReading {
  /** `closed`, unless the chip's root were open to the page. */
  mode: string;
  text: string;
  tone: string | null;
  /** Every element name inside the chip (upper case), to prove mail text made none. */
  elements: string[];
  /** The middle of its button, in the viewport, for a real mouse click. */
  button: { x: number; y: number } | null;
}

function findHost(node: CdpNode): CdpNode | null {
  if (node.nodeName === 'SIDEDESK-CHIP') return node;
  for (const child of [...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

/**
 * The chip's shadow root is closed, so neither a page script nor a Playwright locator reaches it
 * (that is the point). The DevTools protocol does: `DOM.getDocument` with `pierce` lists closed
 * roots too, and `DOM.resolveNode` hands one to a function. Null while the page shows no chip.
 */
export async function readChip(page: Page): Promise<ChipReading | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = findHost(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      returnByValue: true,
      functionDeclaration: `function () {
        const chip = this.querySelector('.chip');
        if (!chip) return null;
        const r = chip.querySelector('button')?.getBoundingClientRect();
        return {
          text: chip.textContent,
          tone: chip.getAttribute('data-tone'),
          elements: [...chip.querySelectorAll('*')].map((el) => el.nodeName.toUpperCase()),
          button: r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null,
        };
      }`,
    });
    const chip = result.value as Omit<ChipReading, 'mode'> | null;
    return chip && { mode: shadow.shadowRootType ?? '', ...chip };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The chip's text, or '' with no chip: for polling. */
export const chipText = async (page: Page): Promise<string> => (await readChip(page))?.text ?? '';

/** Clicks the chip's button as the agent would: a real mouse click at its place, so a trusted
 * event (the chip ignores a script's `click()`). False with no chip. */
export async function clickChip(page: Page): Promise<boolean> {
  const at = (await readChip(page))?.button;
  if (!at) return false;
  await page.mouse.click(at.x, at.y);
  return true;
}
