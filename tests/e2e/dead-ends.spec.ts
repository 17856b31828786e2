import { expect, test, type Page } from '@playwright/test';
import { layoutShift } from './helpers';

/** WebGPU present, but no adapter (a blocklisted GPU): requestAdapter answers null in the page and its workers. */
async function withoutAdapter(page: Page) {
  await page.addInitScript(() => {
    GPU.prototype.requestAdapter = async () => null;
  });
  await page.route(/\/assets\/inference\.worker-[^/]+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = `GPU.prototype.requestAdapter = async () => null;\n${await response.text()}`;
    await route.fulfill({ response, body });
  });
}

for (const width of [390, 1440]) {
  test(`no GPU adapter at ${width}: the demo is the main button, the notice shifts nothing, and Send offers the demo`, async ({ page }) => {
    await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    await withoutAdapter(page);
    await page.goto('/');
    const dock = page.getByTestId('alert-dock');
    await expect(dock).toContainText('No usable GPU adapter');
    // The demo takes the Load button's place: a download could never run here.
    await expect(page.getByTestId('load-demo')).toBeVisible();
    await expect(page.getByTestId('load')).toHaveCount(0);
    expect(await layoutShift(page)).toBeLessThanOrEqual(0.1);
    // Sending without a model: the notice offers what can work here, and Send stays where it was.
    await dock.getByRole('button', { name: 'Dismiss' }).click();
    await expect(dock).toHaveCount(0);
    await page.getByTestId('prompt').fill('Hello?');
    await page.getByTestId('send').scrollIntoViewIfNeeded();
    const before = await page.getByTestId('send').boundingBox();
    await page.getByTestId('send').click();
    const notice = page.getByTestId('error-not-loaded');
    await expect(notice).toContainText('No usable GPU adapter: no model can load here');
    expect(await page.getByTestId('send').boundingBox()).toEqual(before);
    await expect(page.getByTestId('prompt')).toHaveValue('Hello?');
    await notice.getByRole('button', { name: 'Try the recorded demo' }).click();
    await expect(page.getByTestId('replay-banner')).toBeVisible();
    await page.getByTestId('load').click();
    await expect(page.getByTestId('model-ready')).toBeVisible();
  });
}

test('with an adapter, sending before loading offers Load, and Load works', async ({ page }) => {
  await page.goto('/?replay=/replays/synthetic-chat.json');
  await expect(page.getByTestId('replay-banner')).toBeVisible();
  await page.getByTestId('prompt').fill('Hello?');
  await page.getByTestId('send').click();
  const notice = page.getByTestId('error-not-loaded');
  await expect(notice).toContainText('your message stays in the box');
  await notice.getByRole('button', { name: 'Load the model' }).click();
  await expect(page.getByTestId('model-ready')).toBeVisible();
  await expect(page.getByTestId('prompt')).toHaveValue('Hello?');
});

test('a shared link whose replay file is missing or broken says so on a phone’s first screen, and the live engine stays usable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?replay=/replays/no-such-file.json');
  const missing = page.getByTestId('error-replay-invalid');
  await expect(missing).toBeInViewport();
  await expect(missing).toContainText('The replay file could not be fetched');
  await missing.getByText('Details').click();
  // vite preview, as many hosts, answers a missing path with the app's page.
  await expect(missing).toContainText('/replays/no-such-file.json: the site answered with a web page: it has no file there');
  await expect(page.getByTestId('replay-banner')).toHaveCount(0);
  await expect(page.getByTestId('replay-banner-pending')).toHaveCount(0);
  await expect(page.getByTestId('load')).toHaveText('Download and load');
  await expect(page.getByTestId('load')).toBeEnabled();
  await missing.getByRole('button', { name: 'Dismiss' }).click();
  await expect(missing).toHaveCount(0);

  await page.route((url) => url.pathname === '/replays/broken.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"format": "something else"' }));
  await page.goto('/?replay=/replays/broken.json');
  const broken = page.getByTestId('error-replay-invalid');
  await expect(broken).toBeInViewport();
  await expect(broken).toContainText('Not a valid run file');
  await expect(page.getByTestId('load')).toHaveText('Download and load');
});
