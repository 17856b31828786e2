/**
 * Hooks the end-to-end tests call from the page. They exist only where a test asked for them
 * (sessionStorage `qwen-test-hooks` = 1, set before the app starts); a visitor never has them.
 */
import { inference } from '../bridge/inference-bridge';

export interface TestHooks {
  /** Destroys the worker's GPU devices and reports a device loss, as a driver reset would. */
  loseGpuDevice: () => Promise<number>;
}

export function installTestHooks(): void {
  let asked = false;
  try {
    asked = sessionStorage.getItem('qwen-test-hooks') === '1';
  } catch {
    // Storage refused (a sandboxed frame): no hooks.
  }
  if (!asked) return;
  const hooks: TestHooks = { loseGpuDevice: () => inference().simulateDeviceLoss() };
  (window as Window & { __qwenTest?: TestHooks }).__qwenTest = hooks;
}
