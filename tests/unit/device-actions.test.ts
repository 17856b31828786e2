import { describe, expect, it } from 'vitest';
import { canUpdateNow } from '../../src/actions/device-actions';
import { getState } from '../../src/store/store';

describe('a new version of the app', () => {
  it('is swapped in only when no reply streams, no model loads and no comparison runs', () => {
    const idle = getState();
    expect(canUpdateNow(idle)).toBe(true);
    expect(canUpdateNow({ ...idle, streaming: { id: 'r', modelId: 'm', source: 'measured' } })).toBe(false);
    expect(canUpdateNow({ ...idle, loadState: 'loading' })).toBe(false);
    expect(canUpdateNow({ ...idle, compare: { ...idle.compare, status: 'running' } })).toBe(false);
  });
});
