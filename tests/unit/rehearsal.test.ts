import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserOf, parseRehearsal, rehearsalFit, rehearsalLabel, rehearsalRunFile, type Rehearsal } from '../../src/lib/rehearsal';
import { parseRunFile } from '../../src/shared/run-file';
import { runText, type AdapterSummary } from '../../src/shared/runs';
import { ReplayEngine } from '../../workers/engines/replay';

const file = parseRunFile(JSON.parse(readFileSync(new URL('../../public/replays/synthetic-chat.json', import.meta.url), 'utf8')));
const MODEL = 'Qwen3-0.6B-q4f32_1-MLC';
const runs = file.runs.filter((r) => r.modelId === MODEL).slice(0, 3);
const GPU: AdapterSummary = { vendor: 'nvidia', architecture: 'ada', description: 'NVIDIA GeForce RTX 4090', isFallback: false, shaderF16: true };
const rehearsal: Rehearsal = {
  recordedAt: '2026-12-01T18:30:00.000Z',
  modelId: MODEL,
  adapter: GPU,
  browser: 'Chrome 131',
  prompts: ['What is a mixture of experts?', 'Write a haiku', 'Count to five'],
  runs: runs.map((r) => ({ ...r, source: 'measured' as const })),
};

const instant = () => Promise.resolve();

async function reply(engine: ReplayEngine, prompt: string): Promise<string> {
  let text = '';
  for await (const c of engine.stream(MODEL, [{ role: 'user', content: prompt }])) text += c.text;
  return text;
}

describe('rehearsal', () => {
  it('names the browser by brand and major version', () => {
    expect(browserOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.85 Safari/537.36')).toBe('Chrome 131');
    expect(browserOf('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70')).toBe('Edge 131');
    expect(browserOf('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox 133');
    expect(browserOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15')).toBe('Safari 18');
  });

  it('labels what it replays with its date and GPU', () => {
    expect(rehearsalLabel(rehearsal)).toBe('replayed from rehearsal, 1 Dec 2026, nvidia ada NVIDIA GeForce RTX 4090');
    // Recorded from the demo (replayed runs): the demo file's made-up adapter is not named as a GPU.
    const fromDemo = { ...rehearsal, adapter: { vendor: 'synthetic', architecture: 'none', description: '', isFallback: false, shaderF16: false }, runs: rehearsal.runs.map((r) => ({ ...r, source: 'replayed' as const })) };
    expect(rehearsalLabel(fromDemo)).toBe('replayed from rehearsal, 1 Dec 2026, recorded from the demo, not a GPU');
  });

  it('fits this machine when the GPU and browser match and the script is covered', () => {
    const here = { adapter: GPU, browser: 'Chrome 131' };
    expect(rehearsalFit(rehearsal, here, rehearsal.prompts)).toEqual({ sameGpu: true, sameBrowser: true, live: true, covered: 3, scriptLength: 3 });
    const elsewhere = rehearsalFit(rehearsal, { adapter: { ...GPU, description: 'Apple M3' }, browser: 'Chrome 132' }, [...rehearsal.prompts, 'A new prompt']);
    expect(elsewhere).toMatchObject({ sameGpu: false, sameBrowser: false, covered: 3, scriptLength: 4 });
    expect(rehearsalFit({ ...rehearsal, runs: runs.map((r) => ({ ...r, source: 'replayed' as const })) }, here, []).live).toBe(false);
  });

  it('plays the reply each prompt got, in any order, with no load pause', async () => {
    const played = parseRunFile(JSON.parse(JSON.stringify(rehearsalRunFile(rehearsal))));
    expect(played.runs.every((r) => r.load.length === 0)).toBe(true);
    const engine = new ReplayEngine(played, instant, () => 0);
    await engine.load(MODEL, () => {});
    expect(await reply(engine, 'Count to five')).toBe(runText(runs[2]!));
    expect(await reply(engine, '  What is a mixture of experts? ')).toBe(runText(runs[0]!));
    expect(engine.origin()).toMatchObject({ source: 'replayed', replayOf: runs[0]!.id });
    // A prompt that was not rehearsed still gets a reply, the runs in turn.
    expect(await reply(engine, 'Something else')).toBe(runText(runs[0]!));
  });

  it('refuses a file whose prompts do not pair with its runs', () => {
    const bad = { ...rehearsalRunFile(rehearsal), prompts: ['only one'] };
    expect(() => parseRunFile(JSON.parse(JSON.stringify(bad)))).toThrow(/prompts: has 1 entries; at least 3 are needed/);
  });

  it('reads a stored rehearsal back, and nothing that is not one', () => {
    expect(parseRehearsal(JSON.parse(JSON.stringify(rehearsal)))).toEqual(rehearsal);
    expect(parseRehearsal({ ...rehearsal, prompts: ['x'] })).toBeNull();
    expect(parseRehearsal({ ...rehearsal, runs: [{ nope: 1 }, {}, {}] })).toBeNull();
    expect(parseRehearsal('rehearsal')).toBeNull();
  });
});
