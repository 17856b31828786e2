// The tiny model's tokenizer files, read by transformers.js itself: ChatML template, special
// tokens at their ids, merges that shorten English, and a lossless round trip.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { expect, it } from 'vitest';
import { tokenizerFiles } from '../../scripts/tiny-moe/tokenizer';
import { TINY_MOE, specialId, tinyConfigJson } from '../../src/lib/tiny-moe';

it('transformers.js reads the tiny tokenizer: ChatML, special ids, merges, round trip', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tiny-tok-'));
  const dir = join(root, TINY_MOE.name);
  mkdirSync(dir);
  const { tokenizer, tokenizerConfig } = tokenizerFiles();
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(tinyConfigJson()));
  env.allowRemoteModels = false;
  env.localModelPath = `${root}/`;
  const tok = await AutoTokenizer.from_pretrained(TINY_MOE.name);
  const text = tok.apply_chat_template([{ role: 'user', content: 'What is the capital of France?' }], { tokenize: false, add_generation_prompt: true });
  expect(text).toBe('<|im_start|>user\nWhat is the capital of France?<|im_end|>\n<|im_start|>assistant\n');
  const ids = tok.encode(text as string);
  expect(ids[0]).toBe(specialId('<|im_start|>'));
  expect(ids).toContain(specialId('<|im_end|>'));
  // Merges: fewer tokens than the bytes of the text.
  expect(ids.length).toBeLessThan(new TextEncoder().encode(text as string).length * 0.6);
  expect(tok.decode(ids)).toBe(text);
  const odd = 'naïve — 日本 \u{1F600} tabs\tand\nlines';
  expect(tok.decode(tok.encode(odd))).toBe(odd);
});
