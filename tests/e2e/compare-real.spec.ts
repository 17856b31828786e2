// A quantization comparison run for real: the tiny Qwen3-MoE's fp32, int8 and int4 builds through
// ONNX Runtime Web on this machine's WebGPU adapter, with no replay file. Its figures are checked
// for what must hold on any real numbers, and against what `npm run compare` reads from its export.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { vocabularyOf } from '../../src/shared/vocabulary';

interface JsonRow {
  variant: string;
  reference: boolean;
  status: string;
  top1_agreement: number;
  same_top_p: number;
  kl_mean: number;
  ppl: number;
  kld_median: number;
  kld_p90: number;
  kld_p99: number;
  kld_max: number;
  forced_steps: number;
}

function compareCli(file: string): Promise<JsonRow[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/compare.ts', file, '--json'], { cwd: process.cwd(), timeout: 60_000 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout.trim().split('\n').map((line) => JSON.parse(line) as JsonRow)),
    );
  });
}

test('compare, real engine: the tiny MoE’s fp32 / int8 / int4 comparison runs to the end, and its figures hold', async ({ page }) => {
  test.setTimeout(480_000);
  await page.goto('/?compare=Qwen3-MoE-Tiny&variants=fp32,int8,int4');
  await expect(page.getByTestId('compare-view')).toBeVisible();
  // The tiny model's own plan, with what it will take.
  await expect(page.getByTestId('compare-plan-shape')).toHaveText('2 prompts × 1 repetition × up to 8 tokens, for 3 variants.');
  await expect(page.getByTestId('compare-plan-duration')).toContainText(/Expected ≈ \d+ min/);
  await expect(page.getByTestId('replay-banner')).toHaveCount(0);
  // One prompt of the two keeps the suite's time down; the plan follows the choice.
  await page.getByRole('checkbox', { name: /^chinese:/ }).uncheck();
  await expect(page.getByTestId('compare-plan-shape')).toHaveText('1 prompt × 1 repetition × up to 8 tokens, for 3 variants.');

  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('compare-progress')).toContainText('Variant 1 of 3');
  await expect(page.getByTestId('compare-progress')).toHaveCount(0, { timeout: 420_000 });
  for (const q of ['fp32', 'int8', 'int4']) await expect(page.getByTestId(`compare-row-${q}`)).not.toHaveClass(/failed/);
  await expect(page.getByTestId('compare-table').locator('caption [data-source]')).toHaveAttribute('data-source', 'measured');
  await expect(page.getByTestId('compare-provenance')).toContainText('ONNX Runtime Web');
  // Where int4 departs, token by token, on the real numbers.
  await expect(page.getByTestId('kl-strip-int4').getByRole('slider')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-export').click()]);
  const file = join(mkdtempSync(join(tmpdir(), 'qwen-compare-real-')), 'comparison.json');
  await download.saveAs(file);
  const rows = await compareCli(file);
  const by = (v: string) => rows.find((r) => r.variant === v)!;
  // Each build's vocabulary, read by the engine from the tokenizer it loaded: the tiny model's, the
  // same for all three, so every one was compared.
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { variants: Array<{ engine: string; vocabulary: unknown; qualitySkipped?: string }> };
  const tokenizer = vocabularyOf(JSON.parse(readFileSync('public/models/Qwen3-MoE-Tiny/tokenizer.json', 'utf8')));
  expect(tokenizer).not.toBeNull();
  expect(saved.variants.map((v) => [v.engine, v.vocabulary, v.qualitySkipped])).toEqual(Array(3).fill(['onnx', tokenizer, undefined]));
  expect(rows.map((r) => [r.variant, r.status])).toEqual([
    ['fp32', 'done'],
    ['int8', 'done'],
    ['int4', 'done'],
  ]);
  // The reference against itself.
  expect(by('fp32')).toMatchObject({ reference: true, kl_mean: 0, top1_agreement: 1, kld_max: 0 });
  // Fewer bits, further from the reference.
  expect(by('int8').kl_mean).toBeLessThan(by('int4').kl_mean);
  for (const r of rows) {
    // Every variant is forced along the reference's reply (8 tokens, unless it ended sooner).
    expect(r.forced_steps).toBe(by('fp32').forced_steps);
    expect(r.forced_steps).toBeGreaterThan(0);
    expect(r.kld_median).toBeLessThanOrEqual(r.kld_p90);
    expect(r.kld_p90).toBeLessThanOrEqual(r.kld_p99);
    expect(r.kld_p99).toBeLessThanOrEqual(r.kld_max);
    expect(r.same_top_p).toBe(r.top1_agreement);
    // The table shows what the file gives (each rounded its own way: within the table's last digit).
    const tr = page.getByTestId(`compare-row-${r.variant}`);
    const cell = async (id: string) => Number.parseFloat((await tr.getByTestId(id).textContent()) ?? '');
    expect(Math.abs((await cell('top1')) - r.top1_agreement * 100)).toBeLessThanOrEqual(0.051);
    expect(Math.abs((await cell('kl')) - r.kl_mean)).toBeLessThanOrEqual(0.000051);
    expect(Math.abs((await cell('ppl')) - r.ppl)).toBeLessThanOrEqual(0.00051);
  }
});
