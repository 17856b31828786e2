/**
 * Appends text to rendered markdown as plain text, where it would appear once
 * formatted: inside the last paragraph, list item, cell or code block rather
 * than after it, and never inside an inline element (bold, link…) it may not belong to.
 */
const CONTAINERS = new Set(['P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'DIV', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The last child that is not whitespace between block elements. */
function lastContent(node: Node): Node | null {
  let child = node.lastChild;
  while (child && child.nodeType === Node.TEXT_NODE && child.textContent?.trim() === '') child = child.previousSibling;
  return child;
}

function target(root: Element): Element {
  let at = root;
  for (;;) {
    const last = lastContent(at);
    if (!(last instanceof Element)) return at;
    // A code block's text lives in <pre><code>; elsewhere <code> is inline.
    const inside = CONTAINERS.has(last.tagName) || (last.tagName === 'CODE' && at.tagName === 'PRE');
    if (!inside) return at;
    at = last;
  }
}

export function appendPlainText(root: Element, text: string): void {
  if (text !== '') target(root).append(text);
}
