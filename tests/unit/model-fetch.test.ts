import { describe, expect, it } from 'vitest';
import { modelFetch } from '../../workers/engines/onnx-files';

const ok = () => new Response('weights');

describe('the ONNX engine’s fetch of model files', () => {
  it('passes the load’s signal and skips the HTTP cache', async () => {
    const seen: RequestInit[] = [];
    const signal = new AbortController().signal;
    const f = modelFetch(signal, async (_input, init) => (seen.push(init ?? {}), ok()));
    await f('http://127.0.0.1/models/x/onnx/model.onnx', { headers: { Range: 'bytes=0-0' } });
    expect(seen[0]).toMatchObject({ signal, cache: 'no-store', headers: { Range: 'bytes=0-0' } });
  });

  it('tries a network failure twice more, then gives up with the last error', async () => {
    const waits: number[] = [];
    let calls = 0;
    const flaky = modelFetch(new AbortController().signal, async () => (++calls < 3 ? Promise.reject(new TypeError('network error')) : ok()), async (ms) => void waits.push(ms));
    expect(await (await flaky('u')).text()).toBe('weights');
    expect(waits).toEqual([250, 1000]);
    calls = -10;
    await expect(flaky('u')).rejects.toThrow('network error');
  });

  it('does not retry an abort or an error that is not the network’s', async () => {
    const abort = new AbortController();
    let calls = 0;
    const failing = (err: Error) => modelFetch(abort.signal, async () => (calls++, Promise.reject(err)), async () => {});
    await expect(failing(new RangeError('bad'))('u')).rejects.toThrow('bad');
    abort.abort();
    await expect(failing(new TypeError('network error'))('u')).rejects.toThrow('network error');
    expect(calls).toBe(2);
  });
});
