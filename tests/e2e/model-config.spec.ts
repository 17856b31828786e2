import { expect, test } from '@playwright/test';
import { QWEN35_08B_TEXT } from '../fixtures/model-configs';

const MODEL = 'Qwen3.5-0.8B-q4f32_1-MLC';
const BASE = `https://huggingface.co/mlc-ai/${MODEL}/resolve/main/`;

/** What web-llm leaves in the browser's Cache Storage once a model is downloaded: its tensor list,
 * its shards and its mlc-chat-config.json. Only the files' presence and the config's text matter. */
const MLC_CHAT_CONFIG = { model_type: 'qwen3_5', model_config: { tie_word_embeddings: true, text_config: QWEN35_08B_TEXT } };

test("a Qwen3.5 model gets an estimate from the model card's config.json, then from its own cached mlc-chat-config.json", async ({ page }) => {
  await page.goto(`/?model=${MODEL}`);
  const panel = page.getByTestId('memory-panel');
  await expect(panel.getByTestId('mem-estimate')).toContainText('1.81');
  await expect(panel.getByTestId('arch-source')).toContainText("model card's config.json");
  await expect(panel.getByText('How these values were checked')).toBeVisible();

  await page.evaluate(
    async ({ base, config }) => {
      const model = await caches.open('webllm/model');
      await model.put(new URL('tensor-cache.json', base).href, new Response(JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin' }] })));
      await model.put(new URL('params_shard_0.bin', base).href, new Response('x'));
      const configs = await caches.open('webllm/config');
      await configs.put(new URL('mlc-chat-config.json', base).href, new Response(JSON.stringify(config)));
    },
    { base: BASE, config: MLC_CHAT_CONFIG },
  );
  await page.reload();
  await expect(page.getByTestId('arch-source')).toContainText("the model's own mlc-chat-config.json, cached on this device");
  // The model's word and the table agree here, so the figure does not move.
  await expect(page.getByTestId('mem-estimate')).toContainText('1.81');
  await expect(page.getByText('How these values were checked')).toHaveCount(0);
});
