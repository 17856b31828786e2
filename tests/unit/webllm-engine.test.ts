import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for web-llm's MLCEngine: the adapter's contract with it is what is tested here.
const calls: string[] = [];
let finishReload: () => void = () => {};
type Processor = { processLogits: (l: Float32Array) => Float32Array; processSampledToken: (t: number) => void };
let registry: Map<string, Processor> | undefined;
vi.mock('@mlc-ai/web-llm', () => ({
  prebuiltAppConfig: { model_list: [{ model_id: 'Qwen3-0.6B-q4f32_1-MLC', model: 'https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f32_1-MLC', model_lib: 'https://raw.githubusercontent.com/mlc-ai/libs/q-webgpu.wasm', overrides: { context_window_size: 4096 } }] },
  MLCEngine: class {
    chat = {
      completions: {
        create: async (request: Record<string, unknown>) => {
          if (request.stream === false) {
            const { messages: _m, ...rest } = request;
            void _m;
            calls.push(`create ${JSON.stringify(rest)}`);
            // What web-llm does with a registered processor: logits in, argmax of what it returns out.
            const processor = registry?.get(String(request.model));
            let content = '';
            for (const logits of [[0, 2, 1], [3, 0, 1]]) {
              const out = processor!.processLogits(Float32Array.from(logits));
              const token = out.indexOf(Math.max(...out));
              processor!.processSampledToken(token);
              content += token;
            }
            return { choices: [{ message: { content } }] };
          }
          calls.push(`create ${JSON.stringify({ stream: request.stream, stream_options: request.stream_options, extra_body: request.extra_body })}`);
          return (async function* () {
            yield { choices: [{ delta: { content: 'Hi' }, finish_reason: null }] };
            yield { choices: [{ delta: { content: '' }, finish_reason: 'stop' }] };
            yield {
              choices: [],
              usage: {
                prompt_tokens: 3,
                completion_tokens: 1,
                total_tokens: 4,
                extra: { e2e_latency_s: 1, prefill_tokens_per_s: 30, decode_tokens_per_s: 20, time_to_first_token_s: 0.1, time_per_output_token_s: 0.05 },
              },
            };
          })();
        },
      },
    };
    setInitProgressCallback() {}
    setAppConfig(config: { model_list: Array<{ model_id: string; model: string; model_lib: string }> }) {
      calls.push(`appConfig ${config.model_list.map((r) => `${r.model_id}@${r.model}|${r.model_lib}`).join(' ')}`);
    }
    setLogitProcessorRegistry(r?: Map<string, Processor>) {
      registry = r;
      calls.push(`registry ${r ? [...r.keys()].join(',') : 'none'}`);
    }
    reload() {
      calls.push('reload');
      return new Promise<void>((resolve) => (finishReload = resolve));
    }
    async unload() {
      calls.push('unload');
    }
    async interruptGenerate() {
      calls.push('interrupt');
    }
  },
}));

const { WebLLMEngine } = await import('../../workers/engines/webllm');
const { vocabularyOf } = await import('../../src/shared/vocabulary');

describe('WebLLMEngine', () => {
  it("points web-llm's records at the mirror and adds the user's models, once per change of sources", async () => {
    let sources: { mirror: string | null; custom: Array<{ model_id: string; model: string; model_lib: string; context_window_size: number; needsShaderF16: boolean }> } = {
      mirror: 'http://127.0.0.1:8787',
      custom: [{ model_id: 'Mine', model: 'https://m.example/Mine', model_lib: 'https://m.example/mine.wasm', context_window_size: 2048, needsShaderF16: false }],
    };
    const engine = new WebLLMEngine(() => null, () => sources);
    const loading = engine.load('Mine', () => {});
    finishReload();
    expect(await loading).toMatchObject({ contextWindow: 2048 });
    expect(calls).toContain('appConfig Qwen3-0.6B-q4f32_1-MLC@http://127.0.0.1:8787/Qwen3-0.6B-q4f32_1-MLC|http://127.0.0.1:8787/libs/q-webgpu.wasm Mine@https://m.example/Mine|https://m.example/mine.wasm');
    calls.length = 0;
    void engine.load('Mine', () => {});
    finishReload();
    expect(calls.filter((c) => c.startsWith('appConfig'))).toEqual([]);
    sources = { mirror: null, custom: [] };
    void engine.load('Qwen3-0.6B-q4f32_1-MLC', () => {});
    finishReload();
    expect(calls).toContain('appConfig Qwen3-0.6B-q4f32_1-MLC@https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f32_1-MLC|https://raw.githubusercontent.com/mlc-ai/libs/q-webgpu.wasm');
  });

  beforeEach(() => {
    calls.length = 0;
    vi.stubGlobal('caches', { open: async () => ({ match: async () => undefined }) });
  });

  it("reads the vocabulary from the tokenizer.json in web-llm's cache (where the load put it), fetching it only when it is not there", async () => {
    const tokenizer = { model: { vocab: { a: 0, b: 1 } }, added_tokens: [{ id: 2, content: '<|im_end|>' }] };
    const asked: string[] = [];
    vi.stubGlobal('caches', { open: async (scope: string) => ({ match: async (url: string) => (asked.push(`${scope} ${url}`), scope === 'webllm/model' ? new Response(JSON.stringify(tokenizer)) : undefined) }) });
    const fetched = vi.fn(async () => new Response('{}', { status: 404 }));
    vi.stubGlobal('fetch', fetched);
    const engine = new WebLLMEngine(() => null, () => ({ mirror: 'http://127.0.0.1:8787', custom: [] }));
    expect(await engine.vocabulary('Qwen3-0.6B-q4f32_1-MLC')).toEqual(vocabularyOf(tokenizer));
    expect(asked).toEqual(['webllm/model http://127.0.0.1:8787/Qwen3-0.6B-q4f32_1-MLC/resolve/main/tokenizer.json']);
    expect(fetched).not.toHaveBeenCalled();
    // Not cached (another cache backend): fetched; not found: null, and the comparison says why.
    vi.stubGlobal('caches', { open: async () => ({ match: async () => undefined }) });
    expect(await engine.vocabulary('Qwen3-0.6B-q4f32_1-MLC')).toBeNull();
    expect(fetched).toHaveBeenCalledWith('http://127.0.0.1:8787/Qwen3-0.6B-q4f32_1-MLC/resolve/main/tokenizer.json');
    expect(await engine.vocabulary('Unknown-MLC')).toBeNull();
    vi.unstubAllGlobals();
  });

  it('cancels a load in flight with unload(), and leaves a loaded model alone when idle', async () => {
    const engine = new WebLLMEngine(() => null);
    const loading = engine.load('Qwen3-0.6B-q4f32_1-MLC', () => {});
    await engine.cancelLoad();
    expect(calls).toEqual(['registry none', 'reload', 'unload']);
    finishReload();
    expect(await loading).toMatchObject({ contextWindow: 4096 });
    calls.length = 0;
    await engine.cancelLoad();
    expect(calls).toEqual([]);
  });

  it('streams with usage requested, thinking switched only when the model has the switch', async () => {
    const engine = new WebLLMEngine(() => null);
    const settings = { temperature: 0.7, top_p: 0.9, max_tokens: 16, thinking: false, systemPrompt: '' };
    const out = [];
    for await (const c of engine.stream('Qwen3-0.6B-q4f32_1-MLC', [{ role: 'user', content: 'hi' }], settings)) out.push(c);
    expect(calls[0]).toBe('create {"stream":true,"stream_options":{"include_usage":true},"extra_body":{"enable_thinking":false}}');
    expect(out.map((c) => c.text).join('')).toBe('Hi');
    expect(out.find((c) => c.finishReason)?.finishReason).toBe('stop');
    expect(out.at(-1)?.usage?.extra.decode_tokens_per_s).toBe(20);
    calls.length = 0;
    for await (const c of engine.stream('Qwen3-0.6B-q4f32_1-MLC', [], { ...settings, thinking: null })) void c;
    expect(calls[0]).toBe('create {"stream":true,"stream_options":{"include_usage":true}}');
  });

  it('stops a generation with interruptGenerate', () => {
    new WebLLMEngine(() => null).interrupt();
    expect(calls).toEqual(['interrupt']);
  });

  it('gives a traced load a step recorder, and traces greedily through it; a plain load gets none', async () => {
    const engine = new WebLLMEngine(() => null);
    const id = 'Qwen3-0.6B-q4f32_1-MLC';
    const settings = { temperature: 0.7, top_p: 0.9, max_tokens: 2, thinking: false, systemPrompt: '', seed: 3 };
    const plainLoad = engine.load(id, () => {});
    finishReload();
    await plainLoad;
    expect(calls).toContain('registry none');
    await expect(engine.trace(id, [], settings, { kind: 'record', topK: 2 })).rejects.toMatchObject({ code: 'not-loaded' });
    calls.length = 0;
    const tracedLoad = engine.load(id, () => {}, { traced: true });
    finishReload();
    await tracedLoad;
    expect(calls[0]).toBe(`registry ${id}`);
    const recorded = await engine.trace(id, [{ role: 'user', content: 'hi' }], settings, { kind: 'record', topK: 2 });
    expect(JSON.parse(calls.at(-1)!.slice('create '.length))).toEqual({
      model: id, stream: false, temperature: 0, top_p: 1, frequency_penalty: 0, presence_penalty: 0, repetition_penalty: 1, seed: 3, max_tokens: 2,
      extra_body: { enable_thinking: false },
    });
    expect(recorded).toMatchObject({ text: '10', steps: { sampled: [1, 0], topIds: [[1, 2], [0, 2]] } });
    const forced = await engine.trace(id, [], settings, { kind: 'force', path: [2, 2], refTopIds: [[1, 2], [0, 2]] });
    expect(forced).toMatchObject({ text: '22', steps: { sampled: [2, 2], top1: [1, 0] } });
  });
});
