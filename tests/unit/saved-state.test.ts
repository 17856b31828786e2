import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE_DRAFT } from '../../src/lib/compare-url';
import { readCompareDraft, readConversations, readMessages, readPrefs, readSettings } from '../../src/store/saved-state';
import { DEFAULT_PREFS, DEFAULT_SETTINGS } from '../../src/store/store';

describe('saved state, read as untrusted', () => {
  it('settings: a field that does not read takes its default and is named; the others stay', () => {
    const problems: string[] = [];
    const s = readSettings({ temperature: 'hot', top_p: 0.5, max_tokens: 1e12, systemPrompt: 7, thinking: true, extra: { deep: 1 } }, problems);
    expect(s).toEqual({ ...DEFAULT_SETTINGS, top_p: 0.5, thinking: true });
    expect(problems).toEqual(['the setting systemPrompt', 'the setting temperature', 'the setting max_tokens']);
    expect(readSettings('garbage', [])).toEqual(DEFAULT_SETTINGS);
  });

  it('preferences: each checked; a 300,000-character mirror, a negative GPU memory and a script of numbers are set aside', () => {
    const problems: string[] = [];
    const p = readPrefs({ mirror: `https://m.example/${'a'.repeat(300_000)}`, gpuMemoryGB: -4, script: [1, 2], overflow: 'stop', panels: { speed: false } }, problems);
    expect(p).toEqual({ ...DEFAULT_PREFS, overflow: 'stop', panels: { speed: false } });
    expect(problems).toEqual(['the preference gpuMemoryGB', 'the preference script', 'the preference mirror']);
  });

  it('the offload setting: read when every field reads, else set aside whole', () => {
    const good = { gpuGB: 12, gpuGBs: 360, ram: 'measured', measuredRamGBs: 18.5 };
    expect(readPrefs({ offload: good }, []).offload).toEqual(good);
    for (const bad of [{ ...good, gpuGB: -1 }, { ...good, ram: 'ddr9' }, { ...good, gpuGBs: 'fast' }, 'x']) {
      const problems: string[] = [];
      expect(readPrefs({ offload: bad }, problems).offload).toEqual(DEFAULT_PREFS.offload);
      expect(problems).toEqual(['the preference offload']);
    }
  });

  it('messages and conversations: the ones that do not read are left out and counted', () => {
    const problems: string[] = [];
    const ok = { id: 'a', role: 'user', content: 'hi' };
    expect(readMessages([ok, { id: 'b', role: 'system', content: 'x' }, { id: 'c', role: 'assistant', content: 'y', finishReason: 'exploded' }, null], problems)).toEqual([ok]);
    expect(readConversations([{ id: 'x' }, { id: 'c', title: 'T', named: false, createdAt: 1, updatedAt: 2, messageCount: 0 }], problems)).toHaveLength(1);
    expect(problems).toEqual(['3 message(s) of a conversation', '1 entry(ies) of the conversation list']);
  });

  it("the comparison's setup: field by field", () => {
    expect(readCompareDraft({ model: 'Qwen3-1.7B', quants: 5, maxTokens: -1, seed: 3 })).toEqual({ ...DEFAULT_COMPARE_DRAFT, model: 'Qwen3-1.7B', seed: 3 });
    expect(readCompareDraft(null)).toEqual(DEFAULT_COMPARE_DRAFT);
  });
});
