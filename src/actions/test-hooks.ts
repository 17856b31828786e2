/**
 * Hooks the end-to-end tests call from the page. They exist only where a test asked for them
 * (sessionStorage `qwen-test-hooks` = 1, set before the app starts); a visitor never has them.
 */
import { inference } from '../bridge/inference-bridge';
import type { ComparisonFile } from '../shared/comparison';
import type { MemoryStats } from '../shared/protocol';
import type { Run } from '../shared/runs';
import { getState, setState } from '../store/store';

export interface TestHooks {
  /** Destroys the worker's GPU devices and reports a device loss, as a driver reset would. */
  loseGpuDevice: () => Promise<number>;
  /** Puts a value in place of the comparison result without the validator, as a bug would: the
   * comparison's error boundary must catch what it does to the view. */
  injectComparisonResult: (value: unknown) => void;
  /** The last run recorded (its chunk stamps, usage and engine). */
  lastRun: () => Run | null;
  /** The worker's count of live GPU buffer bytes, as the memory panel shows it. */
  gpuMemory: () => MemoryStats;
  /** Resolves when the worker has finished every operation asked of it so far (an abandoned load included). */
  workerSettled: () => Promise<void>;
}

export function installTestHooks(): void {
  let asked = false;
  try {
    asked = sessionStorage.getItem('qwen-test-hooks') === '1';
  } catch {
    // Storage refused (a sandboxed frame): no hooks.
  }
  if (!asked) return;
  const hooks: TestHooks = {
    loseGpuDevice: () => inference().simulateDeviceLoss(),
    injectComparisonResult: (value) => setState({ compare: { ...getState().compare, result: value as ComparisonFile } }),
    lastRun: () => getState().runs.at(-1) ?? null,
    gpuMemory: () => getState().memory,
    workerSettled: () => inference().settled(),
  };
  (window as Window & { __qwenTest?: TestHooks }).__qwenTest = hooks;
}
