// The chip's stylesheet, inlined into its shadow root (no fetch, nothing on the page). A string
// module because Vite's `?inline` CSS import breaks when several content-script builds share it.
export const CHIP_CSS = `
/* Nothing of the page's styles reaches in through inheritance; the host sits inline on the subject's line. */
:host { all: initial !important; display: inline !important; }
/* Same height as the webmail's own labels; calm; follows the page's light or dark look. */
.chip {
  --chip-bg: #eef2fb;
  --chip-fg: #1f3a70;
  --chip-border: #c9d5f0;
  display: inline-flex;
  align-items: center;
  gap: 4px;
  height: 22px;
  max-width: 420px;
  margin: 0 8px;
  padding: 0 8px;
  border: 1px solid var(--chip-border);
  border-radius: 11px;
  background: var(--chip-bg);
  color: var(--chip-fg);
  /* The webmail's own font (set on the host): it looks native, and no new font is looked up. */
  font: 500 12px/20px var(--sidedesk-page-font, system-ui, sans-serif);
  vertical-align: middle;
  white-space: nowrap;
}
.chip[data-tone='waiting'] { --chip-bg: #fff4dc; --chip-fg: #6b4500; --chip-border: #f0d49a; }
.chip[data-tone='closed'] { --chip-bg: #f1f3f4; --chip-fg: #4a5058; --chip-border: #dadce0; }
.chip--quiet { --chip-bg: transparent; --chip-fg: #3c5a99; --chip-border: #c9d5f0; }
:host([data-theme='dark']) .chip { --chip-bg: #22304d; --chip-fg: #d6e2ff; --chip-border: #3a4d75; }
:host([data-theme='dark']) .chip[data-tone='waiting'] { --chip-bg: #3d3018; --chip-fg: #f5d593; --chip-border: #6b5427; }
:host([data-theme='dark']) .chip[data-tone='closed'] { --chip-bg: #2d2f33; --chip-fg: #c4c7cc; --chip-border: #45484d; }
:host([data-theme='dark']) .chip--quiet { --chip-bg: transparent; --chip-fg: #a9c1ff; }
.chip__action {
  all: unset;
  cursor: pointer;
  overflow: hidden;
  text-overflow: ellipsis;
  min-width: 0;
}
.chip__action:hover { text-decoration: underline; }
.chip__action:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; border-radius: 4px; }
.chip__name { font-weight: 400; }
.chip__icon { vertical-align: -1px; margin-right: 4px; }
.chip__stage { flex: none; }
.chip__hint { font-weight: 400; opacity: 0.85; overflow: hidden; text-overflow: ellipsis; }
`;
