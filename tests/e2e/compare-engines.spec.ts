// One comparison across engines: web-llm's MLC builds and transformers.js's ONNX builds of the same Qwen.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { axeViolations } from './helpers';

test('compare across engines: the setup groups both engines’ builds of one Qwen, and a run sends each variant to its own engine', async ({ page }) => {
  await page.goto('/?compare=Qwen3-0.6B&variants=q0f32,q4');
  await expect(page.getByTestId('compare-model')).toHaveValue('Qwen3-0.6B');
  const webllm = page.getByTestId('compare-engine-web-llm');
  const onnx = page.getByTestId('compare-engine-onnx');
  await expect(webllm.locator('legend')).toHaveText('web-llm — MLC builds');
  await expect(onnx.locator('legend')).toHaveText('transformers.js — ONNX Runtime Web builds');
  await expect(webllm.getByTestId('compare-variant-q0f32')).toBeChecked();
  await expect(onnx.getByTestId('compare-variant-q4')).toBeChecked();
  // SwiftShader has no shader-f16: each engine's f16 build is disabled, with the reason.
  for (const [group, quant] of [[webllm, 'q4f16_1'], [onnx, 'q4f16']] as const) {
    await expect(group.getByTestId(`compare-variant-${quant}`)).toBeDisabled();
    await expect(group.locator('label', { has: page.getByTestId(`compare-variant-${quant}`) })).toContainText('needs shader-f16, which this GPU lacks');
  }
  await expect(page.getByTestId('compare-engines-note')).toContainText('quality only where a variant’s tokenizer and chat template match the reference’s');
  expect(await axeViolations(page)).toEqual([]);

  // Both hosts are unreachable here: each engine fails its own variant with its reason.
  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('compare-progress')).toHaveCount(0, { timeout: 60_000 });
  for (const quant of ['q0f32', 'q4']) await expect(page.getByTestId(`compare-row-${quant}`)).toContainText('Cannot reach huggingface.co');
  await expect(page.getByTestId('compare-row-q0f32').getByTestId('variant-engine')).toHaveText('web-llm');
  await expect(page.getByTestId('compare-row-q4').getByTestId('variant-engine')).toHaveText('transformers.js');
});

test('compare across engines: speed for every variant, quality where the tokenizers agree, and the reason where they do not', async ({ page }) => {
  // The synthetic fixture, its last variant made a transformers.js build whose tokenizer differs.
  const file = JSON.parse(readFileSync('public/replays/synthetic-compare.json', 'utf8'));
  file.environment.webllmVersion = '0.2.80';
  file.setup.variants[2] = 'Qwen3-0.6B-q4-ONNX';
  Object.assign(file.variants[2], { modelId: 'Qwen3-0.6B-q4-ONNX', engine: 'onnx', forced: [], vocabulary: { size: 151669, hash: '0123456789abcdef' }, qualitySkipped: 'its tokenizer has 151,669 tokens, the reference’s 151,643: the same id is not the same token' });
  for (const v of file.variants.slice(0, 2)) Object.assign(v, { engine: 'web-llm', vocabulary: { size: 151643, hash: 'fedcba9876543210' } });

  await page.goto('/?compare=Qwen3-0.6B&variants=q0f32,q4f32_1');
  await page.getByTestId('compare-import').setInputFiles({ name: 'engines.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const q4 = page.getByTestId('compare-row-q4');
  await expect(q4.getByTestId('quality-skipped')).toHaveText('Quality not compared: its tokenizer has 151,669 tokens, the reference’s 151,643: the same id is not the same token.');
  await expect(q4).toContainText('63.0 ± 2.4');
  await expect(page.getByTestId('compare-row-q4f32_1').getByTestId('kl')).toHaveText('0.0386');
  await expect(page.getByTestId('compare-row-q4f32_1').getByTestId('variant-engine')).toHaveText('web-llm');
  await expect(q4.getByTestId('variant-engine')).toHaveText('transformers.js');
  await expect(page.getByTestId('compare-provenance')).toContainText('synthetic');
  // Its reply is compared by text: its token ids are not the reference's tokens.
  await page.getByTestId('compare-prompt').selectOption('capital');
  await expect(page.getByTestId('compare-reply-q4').locator('h3')).toHaveText(/^q4 · by text: parts at character \d+$/);
  await expect(page.getByTestId('compare-reply-q4').getByTestId('divergence')).toHaveCount(1);
  await expect(page.getByTestId('compare-reply-q4f32_1').locator('h3')).toHaveText('q4f32_1 · identical');
  await expect(page.getByTestId('compare-chart-unplotted')).toHaveText('Not plotted (quality not compared with the reference): q4, 63.0 tok/s.');
  // The setup shows the file's variants, ticked in their engines' groups.
  await expect(page.getByTestId('compare-engine-onnx').getByTestId('compare-variant-q4')).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByTestId('compare-markdown').click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('Reference: q0f32 (web-llm).');
  expect(markdown).toContain('| q4 (transformers.js) | 63.0 ± 2.4 | 756 | 29 | 1300 | 1403 | – | – | – | – |');
  expect(markdown).toContain('q4 (transformers.js): quality not compared with the reference, as its tokenizer has 151,669 tokens');

  // On a phone the row is a card: the reason reads as one line of it.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(q4.getByTestId('quality-skipped')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('engines-390.png'), fullPage: true });
});
