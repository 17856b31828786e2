// The tiny model's greedy reply computed by ONNX Runtime's CPU (wasm) backend in Node, from the same
// files the app serves: the reference the WebGPU run in the browser must match token for token.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { TINY_MOE as T, TINY_VOCAB } from '../../src/lib/tiny-moe';

const FOLDER = join(process.cwd(), 'public', 'models');

export async function greedyOnCpu(file: string, messages: Array<{ role: string; content: string }>, maxTokens: number): Promise<string> {
  env.allowRemoteModels = false;
  env.localModelPath = `${FOLDER}/`;
  const tokenizer = await AutoTokenizer.from_pretrained(T.name);
  const config = JSON.parse(readFileSync(join(FOLDER, T.name, 'generation_config.json'), 'utf8')) as { eos_token_id: number[] };
  const eos = new Set(config.eos_token_id);
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(readFileSync(join(FOLDER, T.name, 'onnx', file)), { executionProviders: ['wasm'] });
  const prompt = tokenizer.encode(tokenizer.apply_chat_template(messages, { add_generation_prompt: true, tokenize: false }) as string);
  let past: Record<string, ort.Tensor> = {};
  for (let l = 0; l < T.layers; l++)
    for (const kv of ['key', 'value']) past[`past_key_values.${l}.${kv}`] = new ort.Tensor('float32', new Float32Array(0), [1, T.kvHeads, 0, T.headDim]);
  let ids = prompt;
  let total = 0;
  const out: number[] = [];
  while (out.length < maxTokens) {
    const S = ids.length;
    const result = await session.run({
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, S]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(total + S).fill(1n), [1, total + S]),
      position_ids: new ort.Tensor('int64', BigInt64Array.from({ length: S }, (_, i) => BigInt(total + i)), [1, S]),
      ...past,
    });
    total += S;
    const logits = (result.logits!.data as Float32Array).subarray((S - 1) * TINY_VOCAB, S * TINY_VOCAB);
    let next = 0;
    for (let v = 1; v < logits.length; v++) if (logits[v]! > logits[next]!) next = v;
    if (eos.has(next)) break;
    out.push(next);
    past = {};
    for (let l = 0; l < T.layers; l++) for (const kv of ['key', 'value']) past[`past_key_values.${l}.${kv}`] = result[`present.${l}.${kv}`]!;
    ids = [next];
  }
  await session.release();
  return tokenizer.decode(out, { skip_special_tokens: true });
}
