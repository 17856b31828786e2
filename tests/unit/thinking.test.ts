import { describe, expect, it } from 'vitest';
import { historyText, splitThinking } from '../../src/lib/thinking';
import { buildRequestMessages } from '../../src/lib/conversation';

describe('splitThinking', () => {
  it('separates a closed thinking block from the answer', () => {
    expect(splitThinking('<think>\nplan it\n</think>\n\nThe answer.')).toEqual({ thinking: 'plan it', thinkingOpen: false, answer: 'The answer.' });
  });

  it('reports an open block while the model is still thinking', () => {
    expect(splitThinking('<think>\nstill going')).toEqual({ thinking: 'still going', thinkingOpen: true, answer: '' });
  });

  it('drops the empty block Qwen3 writes when thinking is off', () => {
    expect(splitThinking('<think>\n\n</think>\n\nHi')).toEqual({ thinking: null, thinkingOpen: false, answer: 'Hi' });
  });

  it('handles R1-Distill replies that start inside the thought', () => {
    expect(splitThinking('reasoning here</think>Result')).toEqual({ thinking: 'reasoning here', thinkingOpen: false, answer: 'Result' });
  });

  it('leaves text without thinking alone, including a <think> mentioned mid-answer', () => {
    expect(splitThinking('Use the <think> tag')).toEqual({ thinking: null, thinkingOpen: false, answer: 'Use the <think> tag' });
  });
});

describe('buildRequestMessages', () => {
  it('puts the system prompt first and strips past thinking from history', () => {
    const messages = buildRequestMessages('Be brief.', [
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: '<think>x</think>A1' },
      { role: 'user', content: 'Q2' },
    ]);
    expect(messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'Q2' },
    ]);
    expect(historyText('<think>x</think>A1')).toBe('A1');
  });

  it('omits an empty system prompt and empty assistant turns', () => {
    const messages = buildRequestMessages('  ', [
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: '<think>only thoughts' },
      { role: 'user', content: 'Q2' },
    ]);
    expect(messages.map((m) => m.role)).toEqual(['user', 'user']);
  });
});
