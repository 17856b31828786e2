import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for web-llm's MLCEngine: the adapter's contract with it is what is tested here.
const calls: string[] = [];
let finishReload: () => void = () => {};
vi.mock('@mlc-ai/web-llm', () => ({
  prebuiltAppConfig: { model_list: [{ model_id: 'Qwen3-0.6B-q4f32_1-MLC', model: 'https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f32_1-MLC', model_lib: 'x', overrides: { context_window_size: 4096 } }] },
  MLCEngine: class {
    chat = {
      completions: {
        create: async (request: Record<string, unknown>) => {
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

const { WebLLMEngine } = await import('../../workers/webllm-engine');

describe('WebLLMEngine', () => {
  beforeEach(() => {
    calls.length = 0;
    vi.stubGlobal('caches', { open: async () => ({ match: async () => undefined }) });
  });

  it('cancels a load in flight with unload(), and leaves a loaded model alone when idle', async () => {
    const engine = new WebLLMEngine(() => null);
    const loading = engine.load('Qwen3-0.6B-q4f32_1-MLC', () => {});
    await engine.cancelLoad();
    expect(calls).toEqual(['reload', 'unload']);
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
});
