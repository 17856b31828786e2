import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './helpers';

const FIXTURE = '/replays/synthetic-compare.json';
const SETUP = '/?compare=Qwen3-0.6B&variants=q0f32,q4f32_1,q4f16_1';

/** The figures of a row as shown, without the badges in the header. */
const row = (page: Page, quant: string) => page.getByTestId(`compare-row-${quant}`);

async function expectFixtureFigures(page: Page) {
  await expect(row(page, 'q0f32').getByTestId('top1')).toHaveText('100.0 %');
  await expect(row(page, 'q0f32').getByTestId('kl')).toHaveText('0.0000');
  await expect(row(page, 'q0f32').getByTestId('ppl')).toHaveText('1.429');
  await expect(row(page, 'q4f32_1').getByTestId('kl')).toHaveText('0.0386');
  await expect(row(page, 'q4f32_1').getByTestId('ppl')).toHaveText('1.667');
  await expect(row(page, 'q4f16_1').getByTestId('top1')).toHaveText('75.0 %');
  await expect(row(page, 'q4f16_1').getByTestId('kl')).toHaveText('0.1906');
  await expect(row(page, 'q4f16_1').getByTestId('ppl')).toHaveText('2.193');
  await expect(row(page, 'q4f16_1').getByTestId('identical')).toHaveText('0/2');
  await expect(row(page, 'q4f16_1')).toContainText('63.0 ± 2.4');
  // The same forced pass as llama-perplexity --kl-divergence sums it up.
  const summary = page.getByTestId('kl-summary');
  if (!(await summary.evaluate((d: HTMLDetailsElement) => d.open))) await summary.locator('summary').click();
  await expect(summary.getByTestId('kl-row-q4f32_1')).toContainText(/1\.1667\s*0\.1542\s*0\.038591 ± 0\.000000/);
  await expect(summary.getByTestId('kl-row-q4f32_1')).toContainText('-10.00 %');
  await expect(summary.getByTestId('kl-row-q0f32')).toContainText('100.00 %');
}

test('compare: the synthetic comparison runs through the UI — progress, cancel, resume, results, divergence, export, import, Markdown', async ({ page }) => {
  await page.goto(`${SETUP}&replay=${FIXTURE}`);
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(page.getByTestId('replay-banner')).toBeVisible();
  // The recorded figures, as imported: the fixture says it is synthetic.
  await expectFixtureFigures(page);
  await expect(page.getByTestId('compare-provenance')).toContainText('synthetic fixture');

  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('compare-progress')).toContainText('Variant 1 of 3');
  // Leaving asks first; saying no keeps the comparison going.
  page.once('dialog', (d) => void d.dismiss());
  await page.getByTestId('view-chat').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(page.getByTestId('compare-progress')).toContainText('Variant 2 of 3', { timeout: 20_000 });
  await page.getByTestId('compare-cancel').click();
  await expect(page.getByTestId('compare-progress')).toHaveCount(0);
  await expect(row(page, 'q0f32').getByTestId('top1')).toHaveText('100.0 %');
  await expect(row(page, 'q4f32_1')).toContainText('cancelled before it finished');
  await expect(row(page, 'q4f16_1')).toContainText('cancelled before it finished');

  // Resume runs only what did not finish: it starts at the second variant.
  await page.getByTestId('compare-resume').click();
  await expect(page.getByTestId('compare-progress')).toContainText('Variant 2 of 3');
  await expect(page.getByTestId('compare-progress')).toContainText('Variant 3 of 3', { timeout: 30_000 });
  await expect(page.getByTestId('compare-progress')).toHaveCount(0, { timeout: 30_000 });
  await expectFixtureFigures(page);
  await expect(page.getByTestId('compare-provenance')).toContainText('Replayed from a recorded comparison');
  await expect(page.getByTestId('compare-resume')).toHaveCount(0);
  await expect(page.getByTestId('compare-chart')).toBeVisible();

  // The replies side by side: q4f16_1 leaves the reference at its 4th token, and it is marked.
  await page.getByTestId('compare-prompt').selectOption('capital');
  await expect(page.getByTestId('compare-reply-q4f16_1')).toContainText('parts at token 4');
  await expect(page.getByTestId('compare-reply-q4f16_1').getByTestId('divergence')).toHaveCount(1);
  await expect(page.getByTestId('compare-reply-q4f32_1')).toContainText('identical');

  const download = page.waitForEvent('download');
  await page.getByTestId('compare-export').click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(exported).toMatchObject({ format: 'qwen-webgpu-comparison', source: 'replayed', synthetic: true });
  // Kept across a reload: opened without the replay file, the view shows the replayed run it saved.
  await page.goto(SETUP);
  await expectFixtureFigures(page);
  await expect(page.getByTestId('compare-provenance')).toContainText('Replayed from a recorded comparison');
  await page.getByTestId('compare-import').setInputFiles({ name: 'shared.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await expectFixtureFigures(page);

  await page.getByTestId('compare-markdown').click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('| q4f16_1 | 63.0 ± 2.4 | 756 | 29 | 1300 | 1403 | 75.0 % | 0.1906 | 2.193 | 0/2 |');
  expect(markdown).toContain('Replayed from a synthetic fixture');
});

test('compare: a variant that fails is marked failed with its reason, and the others finish', async ({ page }) => {
  const fixture = JSON.parse(readFileSync(new URL(`../../public${FIXTURE}`, import.meta.url), 'utf8'));
  Object.assign(fixture.variants[1], {
    status: 'failed',
    error: { code: 'device-lost', title: 'The GPU device was lost', message: 'Reload the model.', action: 'reload-model' },
    speed: [],
    free: [],
    forced: [],
  });
  await page.route((url) => url.pathname === '/bench/failing-compare.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(fixture) }));
  await page.goto(`${SETUP}&replay=/bench/failing-compare.json`);
  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('compare-progress')).toHaveCount(0, { timeout: 40_000 });
  await expect(row(page, 'q4f32_1')).toContainText('failed: The GPU device was lost');
  await expect(row(page, 'q4f16_1').getByTestId('top1')).toHaveText('75.0 %');
});

test('compare: a shared URL opens the same setup, and an f16 variant the adapter cannot run says why', async ({ page }) => {
  await page.goto('/?compare=Qwen3-0.6B&variants=q4f32_1,q0f32');
  await expect(page.getByTestId('compare-model')).toHaveValue('Qwen3-0.6B');
  await expect(page.getByTestId('compare-variant-q4f32_1')).toBeChecked();
  await expect(page.getByTestId('compare-variant-q0f32')).toBeChecked();
  // SwiftShader has no shader-f16.
  await expect(page.getByTestId('compare-variant-q4f16_1')).toBeDisabled();
  await expect(page.getByText('needs shader-f16, which this GPU lacks').first()).toBeVisible();
  await expect(page.getByTestId('compare-plan')).toContainText('Download');
  await page.getByTestId('compare-variant-q4f32_1').uncheck();
  await expect(page.getByTestId('compare-start')).toBeDisabled();
  await expect(page.getByTestId('compare-notice')).toContainText('at least 2');
  await page.getByTestId('compare-variant-q4f32_1').check();
  expect(new URL(page.url()).searchParams.get('variants')).toBe('q0f32,q4f32_1');
  await expect(page.getByTestId('compare-start')).toBeEnabled();
});

test('compare: with the real web-llm, an unreachable model host fails each variant with its reason', async ({ page }) => {
  await page.goto('/?compare=Qwen3-0.6B&variants=q0f32,q4f32_1');
  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('compare-progress')).toHaveCount(0, { timeout: 30_000 });
  for (const quant of ['q0f32', 'q4f32_1']) await expect(row(page, quant)).toContainText('failed:');
  await expect(row(page, 'q0f32')).toContainText('Cannot reach huggingface.co');
});

test('compare: a file that is not a comparison gets a clear message and changes nothing', async ({ page }) => {
  await page.goto(`${SETUP}&replay=${FIXTURE}`);
  await expectFixtureFigures(page);
  await page.getByTestId('compare-import').setInputFiles({ name: 'runs.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"qwen-webgpu-runs"}') });
  await expect(page.getByRole('alert')).toContainText('not a comparison this app can read');
  await expectFixtureFigures(page);
});

test('compare: a link that ticks a variant this adapter cannot run leaves it unticked here', async ({ page }) => {
  await page.goto('/?compare=Qwen3-0.6B&variants=q4f16_1,q4f32_1,q0f32');
  // SwiftShader has no shader-f16: once the GPU has answered, q4f16_1 is neither ticked nor tickable.
  await expect(page.getByTestId('compare-variant-q4f16_1')).not.toBeChecked();
  await expect(page.getByTestId('compare-variant-q4f16_1')).toBeDisabled();
  await expect(page.getByTestId('compare-variant-q4f32_1')).toBeChecked();
  await expect(page.getByTestId('compare-start')).toBeEnabled();
});

test('compare: several files imported at once merge into one table — speed per machine, quality per variant — and mismatched ones are refused with the reason', async ({ page }) => {
  await page.goto(`${SETUP}&replay=${FIXTURE}`);
  await expectFixtureFigures(page);
  const fixture = JSON.parse(readFileSync('public/replays/synthetic-compare.json', 'utf8'));
  // The same comparison from another machine: another adapter, twice the decode speed.
  const other = structuredClone(fixture);
  other.environment.adapter = { vendor: 'beta', architecture: 'test', description: '', isFallback: false, shaderF16: false };
  for (const v of other.variants) for (const s of v.speed) s.usage.extra.decode_tokens_per_s *= 2;
  const file = (name: string, data: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
  await page.getByTestId('compare-import').setInputFiles([file('a.json', fixture), file('b.json', other)]);
  const table = page.getByTestId('merged-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('merged-machine-2')).toContainText('beta test');
  const q4 = page.getByTestId('merged-row-q4f16_1');
  await expect(q4).toContainText('75.0 %');
  await expect(q4).toContainText('0.1906');
  await expect(q4.getByTestId('merged-speed-1')).toHaveText('63.0 ± 2.4');
  await expect(q4.getByTestId('merged-speed-2')).toHaveText('126.0 ± 4.9');
  // Read from files, never measured here; the fixture says it is synthetic.
  await expect(table.locator('[data-source]').first()).toHaveAttribute('data-source', 'imported');
  await expect(page.getByTestId('merged-provenance')).toContainText('synthetic fixtures');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('merged-markdown').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('| q4f16_1 | 75.0 % | 0.190612 | 2.193 | 63.0 ± 2.4 | 126.0 ± 4.9 |');

  // Other prompts: refused with the reason; the merged table stays as it was.
  const otherPrompts = structuredClone(fixture);
  otherPrompts.setup.prompts[0].text = 'Something else entirely.';
  await page.getByTestId('compare-import').setInputFiles([file('a.json', fixture), file('c.json', otherPrompts)]);
  await expect(page.getByRole('alert')).toContainText('These comparisons cannot be merged');
  await expect(page.getByRole('alert')).toContainText('c.json has other prompts than a.json');
  await expect(q4.getByTestId('merged-speed-2')).toHaveText('126.0 ± 4.9');
  await page.getByTestId('merged-close').click();
  await expectFixtureFigures(page);
});

test('compare: KL strips show where a variant departs, position by position, and a position opens both top-k lists', async ({ page }) => {
  await page.goto(`${SETUP}&replay=${FIXTURE}`);
  await expectFixtureFigures(page);
  await page.getByTestId('compare-prompt').selectOption('capital');
  const strip = page.getByTestId('kl-strip-q4f16_1');
  await expect(strip).toBeVisible();
  await expect(page.getByTestId('kl-strip-q4f32_1')).toBeVisible();
  // The reference has no strip of its own: it is what the others are measured against.
  await expect(page.getByTestId('kl-strip-q0f32')).toHaveCount(0);
  const slider = strip.getByRole('slider');
  const n = Number(await slider.getAttribute('aria-valuemax'));
  expect(n).toBeGreaterThan(1);
  await expect(strip.getByTestId('kl-detail')).toHaveCount(0);
  // A click on the first cell opens its lists; the keyboard walks on from there.
  const box = (await slider.boundingBox())!;
  await slider.click({ position: { x: box.width / n / 2, y: box.height / 2 } });
  await expect(slider).toHaveAttribute('aria-valuenow', '1');
  await expect(strip.getByTestId('kl-detail')).toContainText('Token 1: KL');
  await expect(strip.getByTestId('kl-detail').locator('tbody tr').first()).toContainText('#');
  await slider.press('End');
  await expect(slider).toHaveAttribute('aria-valuenow', String(n));
  await expect(strip.getByTestId('kl-detail')).toContainText(`Token ${n}: KL`);
  await slider.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuenow', String(n - 1));
  expect(await axeViolations(page)).toEqual([]);
});

test('compare: with a ?replay= file still on its way, Run waits for it (a run started earlier would run the wrong setup)', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => url.pathname === FIXTURE, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${SETUP}&replay=${FIXTURE}`);
  await expect(page.getByTestId('compare-view')).toBeVisible();
  // The GPU has answered and the setup is complete: only the file is missing.
  await expect(page.getByTestId('compare-plan')).toBeVisible();
  await expect(page.getByTestId('compare-start')).toBeDisabled();
  release();
  await expect(page.getByTestId('compare-start')).toBeEnabled();
  await expect(page.getByTestId('replay-banner')).toBeVisible();
  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('compare-progress')).toHaveCount(0, { timeout: 30_000 });
  await expectFixtureFigures(page);
});
