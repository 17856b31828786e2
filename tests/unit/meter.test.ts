import { describe, expect, it } from 'vitest';
import { TokenRateMeter } from '../../src/lib/meter';

describe('TokenRateMeter', () => {
  it('reads nothing before the first token', () => {
    expect(new TokenRateMeter().read()).toMatchObject({ tokens: 0, ttftMs: null, averageTps: null });
  });

  it('takes the first token as the end of prefill and measures decode from it', () => {
    const m = new TokenRateMeter();
    m.push(1, 300); // first token at 300 ms
    for (let i = 1; i <= 100; i++) m.push(1, 300 + i * 20); // then 50 tokens/s
    const r = m.read();
    expect(r.ttftMs).toBe(300);
    expect(r.tokens).toBe(101);
    expect(r.averageTps).toBeCloseTo(50, 6);
    expect(r.currentTps).toBeCloseTo(50, 6);
  });

  it('counts batched tokens and follows a change of pace in the current rate', () => {
    const m = new TokenRateMeter(1000);
    m.push(1, 100);
    for (let t = 116; t <= 2100; t += 16) m.push(1, t); // ~62.5 tok/s
    for (let t = 2116; t <= 4100; t += 16) m.push(4, t); // batches of 4: 250 tok/s
    const r = m.read();
    expect(r.currentTps).toBeGreaterThan(240);
    expect(r.currentTps).toBeLessThan(260);
    expect(r.averageTps).toBeGreaterThan(62.5);
    expect(r.averageTps).toBeLessThan(250);
  });

  it('keeps the count exact when the first batch holds several tokens', () => {
    const m = new TokenRateMeter();
    m.push(5, 50);
    m.push(5, 150);
    expect(m.read().tokens).toBe(10);
    expect(m.read().averageTps).toBeCloseTo(90, 6); // 9 tokens after the first, in 100 ms
  });
});
