// npm run tiny-moe [-- --out DIR]
// Writes the tiny Qwen3-MoE (random weights, Qwen3-MoE's shape) as a transformers.js model folder:
// config.json, generation_config.json, tokenizer.json, tokenizer_config.json and three ONNX builds
// of the same weights (fp32, int8, 4-bit). The same seed gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDecoder } from './tiny-moe/decoder-graph';
import { encodeModel } from './tiny-moe/onnx';
import { tokenizerFiles } from './tiny-moe/tokenizer';
import { generateWeights } from './tiny-moe/weights';
import { run } from './cli';
import { TINY_DTYPES, TINY_MOE, specialId, tinyConfigJson } from '../src/lib/tiny-moe';

export const DEFAULT_OUT = join('public', 'models', TINY_MOE.name);

function write(out: string): number {
  mkdirSync(join(out, 'onnx'), { recursive: true });
  const json = (name: string, value: unknown) => writeFileSync(join(out, name), `${JSON.stringify(value, null, 2)}\n`);
  const { tokenizer, tokenizerConfig } = tokenizerFiles();
  json('config.json', tinyConfigJson());
  json('generation_config.json', { bos_token_id: specialId('<|endoftext|>'), eos_token_id: [specialId('<|im_end|>'), specialId('<|endoftext|>')], pad_token_id: specialId('<|endoftext|>'), do_sample: false });
  json('tokenizer.json', tokenizer);
  json('tokenizer_config.json', tokenizerConfig);
  const weights = generateWeights();
  for (const { dtype, file } of TINY_DTYPES) {
    const bytes = encodeModel(buildDecoder(weights, dtype));
    writeFileSync(join(out, 'onnx', file), bytes);
    console.log(`${join(out, 'onnx', file)}: ${(bytes.length / 1e6).toFixed(2)} MB (${dtype})`);
  }
  return 0;
}

run({
  name: 'npm run tiny-moe',
  usage: 'npm run tiny-moe [-- --out DIR]   (writes the tiny Qwen3-MoE model folder; default public/models/Qwen3-MoE-Tiny)',
  options: { out: { type: 'string', default: DEFAULT_OUT } },
  main: ({ values }) => write(String(values.out)),
});
