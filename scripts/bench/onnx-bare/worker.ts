/**
 * The benchmark's bare worker: transformers.js called directly, nothing of the app around it but
 * the function that turns per-token stamps into tok/s (the same one the app's engine uses), so the
 * two figures differ only by what the app adds: host, bridge, stream port, UI.
 */
import { AutoModelForCausalLM, AutoTokenizer, env, type PreTrainedModel, type PreTrainedTokenizer, type Tensor } from '@huggingface/transformers';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import { usageFromChunks, type RunChunk } from '../../../src/shared/runs';
import type { BareReply, BareRequest } from './protocol';

let model: PreTrainedModel | null = null;
let tokenizer: PreTrainedTokenizer | null = null;

async function load(repo: string, dtype: 'fp32' | 'int8' | 'q4'): Promise<void> {
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.localModelPath = '/models/';
  const wasm = env.backends.onnx.wasm;
  if (wasm) wasm.wasmPaths = { wasm: new URL(ortWasmUrl, self.location.href).href, mjs: new URL(ortMjsUrl, self.location.href).href };
  [tokenizer, model] = await Promise.all([AutoTokenizer.from_pretrained(repo), AutoModelForCausalLM.from_pretrained(repo, { dtype, device: 'webgpu' })]);
  await generate('Hi', 2); // the same two-token warm-up the app's engine runs: shaders compiled
}

/** One greedy generation; a stamp per token as generate() hands it over, like the app's engine. */
async function generate(prompt: string, maxTokens: number): Promise<{ chunks: RunChunk[]; promptTokens: number; ids: number[] }> {
  if (!model || !tokenizer) throw new Error('load first');
  const inputs = tokenizer.apply_chat_template([{ role: 'user', content: prompt }], { add_generation_prompt: true, return_dict: true }) as unknown as {
    input_ids: Tensor;
    attention_mask: Tensor;
  };
  const eos = model.generation_config?.eos_token_id ?? [];
  const stop = new Set<number>(Array.isArray(eos) ? eos : [eos]);
  const chunks: RunChunk[] = [];
  const ids: number[] = [];
  let prompted = false;
  const t0 = performance.now();
  const streamer = {
    put(value: bigint[][]) {
      if (!prompted) {
        prompted = true;
        return;
      }
      const id = Number(value[0]?.[0] ?? -1);
      if (stop.has(id)) return;
      ids.push(id);
      chunks.push({ t: Math.round((performance.now() - t0) * 100) / 100, text: '' });
    },
    end() {},
  };
  // generate()'s types name TextStreamer; it only ever calls put and end.
  await model.generate({ ...inputs, max_new_tokens: maxTokens, do_sample: false, streamer: streamer as never });
  return { chunks, promptTokens: Number(inputs.input_ids.dims.at(-1) ?? 0), ids };
}

self.onmessage = async (e: MessageEvent<BareRequest>) => {
  const req = e.data;
  let reply: BareReply;
  try {
    if (req.kind === 'load') {
      const started = performance.now();
      await load(req.repo, req.dtype);
      reply = { kind: 'loaded', loadMs: performance.now() - started };
    } else {
      const { chunks, promptTokens, ids } = await generate(req.prompt, req.maxTokens);
      reply = { kind: 'generated', usage: usageFromChunks(chunks, promptTokens), ids };
    }
  } catch (err) {
    reply = { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
