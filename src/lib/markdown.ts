/**
 * Model output is untrusted input. Markdown is parsed by marked with raw HTML
 * turned into text, then sanitised by DOMPurify; links open in a new tab
 * without an opener, and images become links so that no output can make the
 * page fetch anything (which could carry the prompt off the device).
 */
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    code({ text, lang }: Tokens.Code) {
      const language = (lang ?? '').split(/\s/)[0] ?? '';
      return (
        `<div class="code-block"><div class="code-head"><span>${escapeHtml(language || 'text')}</span>` +
        `<button type="button" class="copy-code" data-copy>Copy</button></div>` +
        `<pre><code>${escapeHtml(text)}</code></pre></div>`
      );
    },
    image({ href, text }: Tokens.Image) {
      return `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`;
    },
  },
});

const PURIFY_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['img', 'style', 'form', 'input', 'textarea', 'select', 'iframe', 'video', 'audio', 'source', 'picture'],
  FORBID_ATTR: ['style', 'srcset', 'src', 'action', 'formaction', 'background', 'poster'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
};

let configured = false;
/** Configured once: parsing the config on every call was a quarter of sanitize's cost while streaming. */
function purifier(): typeof DOMPurify {
  if (!configured) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    DOMPurify.setConfig(PURIFY_CONFIG);
    configured = true;
  }
  return DOMPurify;
}

/*
 * A block of plain prose renders as one paragraph of exactly its text. Its lines start with a
 * character that opens no block (no indent, digit, list or quote marker, heading, fence, table,
 * HTML, link definition or setext underline) and hold none that can open inline markup, an
 * entity, an escape, a hard break or an autolink; control characters and unusual spaces are left
 * to the parser too. Most paragraphs a model writes are like this, and they are the bulk of a
 * streamed reply: they skip the parser and the sanitiser (tests/unit/plain-paragraph.test.ts
 * holds the two paths to the same markup).
 */
const INLINE_MARKUP = '*_`~<>|&\\\\\\[\\]@';
const FIRST = `[^\\s\\d=#!+\\-${INLINE_MARKUP}\\x00-\\x1f\\x7f]`;
const INNER = `(?: |[^\\s${INLINE_MARKUP}\\x00-\\x1f\\x7f])`;
const LAST = `[^\\s${INLINE_MARKUP}\\x00-\\x1f\\x7f]`;
const LINE = `${FIRST}(?:${INNER}*${LAST})?`;
const PLAIN_BLOCK = new RegExp(`^${LINE}(?:\\n${LINE})*\\n*$`);
const AUTOLINK = /www\.|:\/\//i;

/** The text of a block that renders as one paragraph of exactly that text, else null. */
export function plainParagraph(block: string): string | null {
  if (!PLAIN_BLOCK.test(block) || AUTOLINK.test(block)) return null;
  return block.replace(/\n+$/, '');
}

/** Markdown through the parser and the sanitiser, whatever it holds (renderMarkdown skips them for plain paragraphs). */
export function parseAndSanitize(source: string): string {
  return purifier().sanitize(marked.parse(source) as string) as string;
}

// A reply's blocks are rendered while it streams and again when it joins the history: remember them.
const rendered = new Map<string, string>();
const CACHE_ENTRIES = 2000;

/** Sanitised HTML for a markdown source. `cache: false` for text that will not be seen again (a block still being written). */
export function renderMarkdown(source: string, { cache = true } = {}): string {
  // Nothing in such text needs escaping: it holds no &, < or >.
  const plain = plainParagraph(source);
  if (plain !== null) return `<p>${plain}</p>\n`;
  const hit = rendered.get(source);
  if (hit !== undefined) return hit;
  const html = parseAndSanitize(source);
  if (!cache) return html;
  if (rendered.size >= CACHE_ENTRIES) rendered.delete(rendered.keys().next().value as string);
  rendered.set(source, html);
  return html;
}
