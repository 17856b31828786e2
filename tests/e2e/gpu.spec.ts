import { expect, test } from '@playwright/test';

test('shows the real WebGPU adapter and picks a model it can run', async ({ page }) => {
  await page.goto('/');
  // What the page itself reads from the adapter, to compare with what the worker reported.
  const actual = await page.evaluate(async () => {
    const adapter = await navigator.gpu.requestAdapter();
    if (!adapter) return null;
    return { vendor: adapter.info.vendor, architecture: adapter.info.architecture, f16: adapter.features.has('shader-f16') };
  });
  expect(actual).not.toBeNull();
  await expect(page.getByTestId('gpu-vendor')).toHaveText(actual!.vendor);
  await expect(page.getByTestId('gpu-architecture')).toHaveText(actual!.architecture);
  await expect(page.getByTestId('gpu-f16')).toContainText(actual!.f16 ? 'yes' : 'no');
  if (actual!.architecture === 'swiftshader') await expect(page.getByTestId('gpu-fallback')).toBeVisible();

  // A software adapter gets the tiny test MoE (ONNX), the one model it can run at a useful speed;
  // otherwise the smallest Qwen3, at q4f32_1 without shader-f16.
  const expected = actual!.architecture === 'swiftshader' ? 'Qwen3-MoE-Tiny-int8-ONNX' : actual!.f16 ? 'Qwen3-0.6B-q4f16_1-MLC' : 'Qwen3-0.6B-q4f32_1-MLC';
  await expect(page.getByTestId('quant-select')).toHaveValue(expected);
  await expect(page).toHaveURL(new RegExp(`model=${expected}`));
  if (actual!.architecture === 'swiftshader') {
    await expect(page.locator('#model-select optgroup').first()).toHaveAttribute('label', /Tiny test MoE/);
  }
  if (!actual!.f16) {
    // The f16 builds of web-llm's models are offered but disabled.
    await page.getByTestId('model-select').selectOption('Qwen3-0.6B');
    await expect(page.getByTestId('quant-select')).toHaveValue('Qwen3-0.6B-q4f32_1-MLC');
    await expect(page.locator('#quant-select option[value="Qwen3-0.6B-q4f16_1-MLC"]')).toBeDisabled();
  }
});

test('a shared link opens the same model', async ({ page }) => {
  await page.goto('/?model=Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC');
  await expect(page.getByTestId('model-select')).toHaveValue('Qwen2.5-Coder-1.5B-Instruct');
  await expect(page.getByTestId('quant-select')).toHaveValue('Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC');
  await page.getByTestId('model-select').selectOption('Qwen3-1.7B');
  await expect(page).toHaveURL(/model=Qwen3-1\.7B-q4f32_1-MLC/);
});

test('the catalog lists every Qwen family with explained quantizations', async ({ page }) => {
  await page.goto('/');
  const groups = await page.locator('#model-select optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label')));
  expect(groups).toEqual(expect.arrayContaining(['Qwen3', 'Qwen2.5', 'Qwen2.5 Coder', 'Qwen2.5 Math', 'Qwen2', 'DeepSeek-R1-Distill-Qwen']));
  await expect(page.getByTestId('model-details')).toContainText('bits per weight');
});
