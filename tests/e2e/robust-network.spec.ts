import { createServer, type Server, type Socket } from 'node:net';
import { expect, test, type Page } from '@playwright/test';

/** A host that accepts connections and never answers, as a stalled server does. */
async function silentHost(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function openPanel(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('region', { name })).toBeVisible();
}

/** Milliseconds from the form's submit to the frame that shows `resultId`'s new text, timed in the page. */
async function answerMs(page: Page, formOf: string, resultId: string, text: string): Promise<number> {
  await page.evaluate(
    ([form, id, expected]) => {
      const w = window as unknown as { __t0?: number; __t1?: number };
      w.__t0 = w.__t1 = undefined;
      document.querySelector(`[data-testid="${form}"]`)!.closest('form')!.addEventListener('submit', () => (w.__t0 = performance.now()), { capture: true, once: true });
      const seen = new MutationObserver(() => {
        if (!document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(expected)) return;
        seen.disconnect();
        requestAnimationFrame(() => (w.__t1 = performance.now()));
      });
      seen.observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    [formOf, resultId, text] as const,
  );
  await page.getByTestId(formOf).click();
  await expect(page.getByTestId(resultId)).toContainText(text);
  await page.waitForFunction(() => (window as unknown as { __t1?: number }).__t1 !== undefined);
  return page.evaluate(() => {
    const w = window as unknown as { __t0: number; __t1: number };
    return w.__t1 - w.__t0;
  });
}

test('robust: a 300,000-character model URL and mirror URL are refused within 1 s, and the page stays responsive', async ({ page }) => {
  await openPanel(page, 'Your own models');
  const long = `https://m.example/${'a/'.repeat(150_000)}`;
  await page.getByTestId('custom-model').fill(long);
  await page.getByTestId('custom-modelLib').fill('https://m.example/lib.wasm');
  expect(await answerMs(page, 'custom-add', 'custom-result', 'The model URL is 300,018 characters long')).toBeLessThan(1000);
  await page.getByTestId('mirror-input').fill(long);
  expect(await answerMs(page, 'mirror-use', 'mirror-check', 'The mirror URL is 300,018 characters long')).toBeLessThan(1000);
  // Not kept: the setting still says web-llm's hosts, after a reload too.
  await page.reload();
  await expect(page.getByTestId('mirror-state')).toHaveText("Hugging Face and GitHub, web-llm's hosts.");
});

test('robust: a host that never answers gets a message within the timeout, and Cancel stops the check at once', async ({ page }) => {
  const host = await silentHost();
  try {
    await openPanel(page, 'Your own models');
    await page.getByTestId('custom-model').fill(`${host.url}/Qwen3-30B-A3B-q4f16_1-MLC`);
    await page.getByTestId('custom-modelLib').fill(`${host.url}/libs/q.wasm`);
    await page.getByTestId('custom-add').click();
    await expect(page.getByTestId('custom-add')).toHaveText('Checking…');
    await page.getByTestId('custom-cancel').click();
    await expect(page.getByTestId('custom-result')).toHaveText('Cancelled: nothing was changed.');
    await expect(page.getByTestId('custom-add')).toBeEnabled();
    // Left alone, the check gives up after 10 s, naming the host.
    await page.getByTestId('custom-add').click();
    await expect(page.getByTestId('custom-result')).toContainText(`${host.url.slice(7)} did not answer within 10 s`, { timeout: 15_000 });
    await expect(page.getByTestId('custom-entry')).toHaveCount(0);

    await page.getByTestId('mirror-input').fill(host.url);
    await page.getByTestId('mirror-use').click();
    await expect(page.getByTestId('mirror-use')).toHaveText('Checking…');
    await page.getByTestId('mirror-cancel').click();
    await expect(page.getByTestId('mirror-check')).toHaveText('Cancelled: nothing was changed.');
    await page.getByTestId('mirror-use').click();
    await expect(page.getByTestId('mirror-check')).toContainText(`The mirror at ${host.url.slice(7)} did not answer within 10 s`, { timeout: 15_000 });
    await expect(page.getByTestId('mirror-state')).toHaveText("Hugging Face and GitHub, web-llm's hosts.");
  } finally {
    await host.close();
  }
});

test('a server that answers every path with a web page (HTTP 200) is not taken for a mirror', async ({ page }) => {
  const { createServer: createHttp } = await import('node:http');
  const server = createHttp((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'access-control-allow-origin': '*' });
    res.end('<!doctype html><title>Home</title><p>Welcome</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    await openPanel(page, 'Your own models');
    await page.getByTestId('mirror-input').fill(`http://127.0.0.1:${port}`);
    await page.getByTestId('mirror-use').click();
    await expect(page.getByTestId('mirror-check')).toContainText('not a mirror of model files');
    await expect(page.getByTestId('mirror-state')).toHaveText("Hugging Face and GitHub, web-llm's hosts.");
  } finally {
    server.close();
  }
});
