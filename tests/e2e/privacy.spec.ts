import { expect, test, type Request } from '@playwright/test';
import { openReplayAndLoad, sendPrompt, waitForReplyDone } from './helpers';

test('the network log of a whole chat carries no prompt text', async ({ page, context }) => {
  const secret = 'zebra-kumquat-7731';
  const requests: Request[] = [];
  const open = new Set<Request>();
  context.on('request', (r) => {
    requests.push(r);
    open.add(r);
  });
  context.on('requestfinished', (r) => open.delete(r));
  context.on('requestfailed', (r) => open.delete(r));
  await openReplayAndLoad(page);
  await page.getByTestId('system-prompt').fill(`System ${secret}`);
  await sendPrompt(page, `My secret is ${secret}`);
  await waitForReplyDone(page);
  await sendPrompt(page, `Repeat ${secret}`);
  await waitForReplyDone(page);
  // Every request the chat started has ended (its headers and body are final).
  await expect.poll(() => open.size).toBe(0);
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    expect(r.url()).not.toContain(secret);
    expect(r.postData() ?? '').not.toContain(secret);
    expect(JSON.stringify(await r.allHeaders())).not.toContain(secret);
  }
  // Everything the page fetched came from the app's own origin.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((r) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))).toEqual([]);
});

test('runs export to JSON and import back', async ({ page }) => {
  await openReplayAndLoad(page);
  await page.getByTestId('thinking-switch').check();
  await sendPrompt(page, 'export me');
  await waitForReplyDone(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-runs').click()]);
  const file = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8'));
  expect(file.format).toBe('qwen-webgpu-runs');
  expect(file.runs).toHaveLength(1);
  const run = file.runs[0];
  expect(run).toMatchObject({ modelId: 'Qwen3-0.6B-q4f32_1-MLC', source: 'replayed', synthetic: true, settings: { thinking: true } });
  expect(run.chunks.length).toBeGreaterThan(10);
  expect(run.usage.extra.decode_tokens_per_s).toBeGreaterThan(0);
  expect(run.adapter).not.toBeNull();

  await page.goto('/');
  await expect(page.getByTestId('run-list').locator('li')).toHaveCount(1); // the run was kept across the reload
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('import-file').setInputFiles({ name: 'runs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByText('Imported 0 run(s)')).toBeVisible(); // already in the list: duplicates are skipped
  // Accepting the dialog switched to replaying the imported file.
  await expect(page.getByTestId('replay-banner')).toBeVisible();
});

test('a file that is not a run export gets a clear message', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"nope":1}') });
  await expect(page.getByTestId('error-replay-invalid')).toBeVisible();
});


