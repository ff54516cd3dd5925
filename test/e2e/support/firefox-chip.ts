import type { Page } from 'puppeteer-core';

interface RemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}
interface BidiSession {
  /** `script.evaluate` and `script.callFunction` answer `{ type: "success", result }`, or an exception. */
  send(method: string, params: object): Promise<{ result: { type: string; result?: RemoteValue; exceptionDetails?: { text?: string } } }>;
}

async function call(session: BidiSession, method: string, params: object): Promise<RemoteValue> {
  const { result } = await session.send(method, params);
  if (result.type !== 'success' || !result.result) throw new Error(`${method}: ${result.exceptionDetails?.text ?? result.type}`);
  return result.result;
}

/**
 * The chip's root is closed, so puppeteer's `>>>` and any page script stop at its host. WebDriver
 * BiDi can serialise a host with its closed root (`includeShadowTree: "all"`) and hand that root
 * to a function: puppeteer-core does not expose the option, so the session is used directly.
 */
async function inChip(page: Page, functionDeclaration: string): Promise<unknown> {
  const frame = page.mainFrame() as unknown as { browsingContext: { id: string; userContext: { browser: { session: BidiSession } } } };
  const { id: context, userContext } = frame.browsingContext;
  const session = userContext.browser.session;
  const target = { context };
  const host = await call(session, 'script.evaluate', {
    expression: `document.querySelector('sidedesk-chip')`,
    target,
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const root = (host.value as { shadowRoot?: { sharedId?: string; value?: { mode?: string } } } | undefined)?.shadowRoot;
  if (!root?.sharedId) return null;
  const result = await call(session, 'script.callFunction', {
    functionDeclaration,
    arguments: [{ sharedId: root.sharedId }, { type: 'string', value: root.value?.mode ?? '' }],
    target,
    awaitPromise: false,
  });
  return result.value ?? null;
}

/** The chip's text as the agent sees it, or '' with no chip; with the root's mode. */
export async function readFirefoxChip(page: Page): Promise<{ mode: string; text: string } | null> {
  const value = await inChip(page, `(root, mode) => JSON.stringify({ mode, text: root.querySelector('.chip')?.textContent ?? '' })`);
  return typeof value === 'string' ? (JSON.parse(value) as { mode: string; text: string }) : null;
}

/** Where the chip's button is, in the viewport, for a real (trusted) mouse click. */
export async function firefoxChipButton(page: Page): Promise<{ x: number; y: number } | null> {
  const value = await inChip(
    page,
    `(root) => { const r = root.querySelector('.chip button')?.getBoundingClientRect(); return r ? JSON.stringify({ x: r.x + r.width / 2, y: r.y + r.height / 2 }) : null; }`,
  );
  return typeof value === 'string' ? (JSON.parse(value) as { x: number; y: number }) : null;
}
