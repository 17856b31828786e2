import { describe, expect, it } from 'vitest';
import { calibrate, fitConversation, tokensOf } from '../../src/lib/context-window';
import type { ChatMessage } from '../../src/shared/protocol';

/** A message of `tokens` tokens at 4 characters a token (plus the template's 4). */
const msg = (role: ChatMessage['role'], tokens: number, tag = ''): ChatMessage => ({ role, content: `${tag}${'x'.repeat(tokens * 4 - tag.length)}` });

describe('fitting a conversation into the context window', () => {
  const system = msg('system', 10, 'S');
  const turns = [msg('user', 100, 'u1'), msg('assistant', 100, 'a1'), msg('user', 100, 'u2'), msg('assistant', 100, 'a2')];
  const next = msg('user', 50, 'now');

  it('sends everything when it fits', () => {
    const fit = fitConversation([system, ...turns, next], 1000, 'rolling');
    expect(fit).toEqual({ ok: true, messages: [system, ...turns, next], tokens: tokensOf([system, ...turns, next]), dropped: 0 });
  });

  it('leaves out the oldest turns first, keeping the system prompt and the new message', () => {
    // system 14 + next 54 = 68; each turn message 104: room for two more within 300.
    const fit = fitConversation([system, ...turns, next], 300, 'rolling');
    expect(fit).toMatchObject({ ok: true, dropped: 2, tokens: 68 + 208 });
    if (fit.ok) expect(fit.messages.map((m) => m.content.slice(0, 3))).toEqual(['Sxx', 'u2x', 'a2x', 'now']);
  });

  it('never sends half a message, and starts what it sends with a user message', () => {
    // Room for one message of history: a2 would fit, but an assistant message cannot open the history.
    const fit = fitConversation([system, ...turns, next], 200, 'rolling');
    expect(fit).toMatchObject({ ok: true, dropped: 4, tokens: 68 });
    if (fit.ok) expect(fit.messages).toEqual([system, next]);
    for (const m of fit.ok ? fit.messages : []) expect(m.content.length % 4 === 0 || m === system).toBe(true);
  });

  it('works without a system prompt', () => {
    const fit = fitConversation([...turns, next], 300, 'rolling');
    expect(fit).toMatchObject({ ok: true, dropped: 2 });
    if (fit.ok) expect(fit.messages[0]!.content.startsWith('u2')).toBe(true);
  });

  it('refuses a new message that is too long on its own, whatever the policy', () => {
    expect(fitConversation([system, msg('user', 400)], 300, 'rolling')).toMatchObject({ ok: false, reason: 'prompt-too-long' });
  });

  it('stops at the limit when asked to', () => {
    expect(fitConversation([system, ...turns, next], 300, 'stop')).toMatchObject({ ok: false, reason: 'conversation-too-long' });
  });

  it('counts with the calibrated characters per token', () => {
    // At 2 characters a token every message counts twice its content tokens.
    expect(tokensOf([msg('user', 100)], 2)).toBe(200 + 4);
    expect(fitConversation([system, ...turns, next], 300, 'rolling', 2)).toMatchObject({ ok: true, dropped: 4 });
  });
});

describe('calibrating characters per token from web-llm’s prompt_tokens', () => {
  it('divides the prompt’s characters by its content tokens', () => {
    const messages = [msg('system', 50), msg('user', 250)];
    // 1,200 characters; web-llm counted 408 tokens, 8 of them the template's: 3 characters a token.
    expect(calibrate(messages, 408)).toBe(3);
  });

  it('says nothing from a tiny prompt or an implausible count', () => {
    expect(calibrate([msg('user', 10)], 20)).toBeNull();
    expect(calibrate([msg('user', 250)], 4)).toBeNull();
    expect(calibrate([msg('user', 250)], 5000)).toBeNull();
  });
});
