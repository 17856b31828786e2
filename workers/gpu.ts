/**
 * WebGPU as this worker sees it: the adapter's facts, and every device
 * created here (web-llm creates its own), so devices orphaned by an aborted
 * load can be destroyed and a lost device can be reported to the UI.
 */
import { makeError } from '../src/shared/errors';
import type { AdapterSummary } from '../src/shared/runs';
import type { GpuReport, Result } from '../src/shared/protocol';
import { releaseDevice } from './gpu-memory';

interface TrackedDevice {
  device: GPUDevice;
  createdAt: number;
}

const live = new Set<TrackedDevice>();
/** Devices destroyed by simulateDeviceLoss: their end is reported as a loss, not as an unload. */
const simulated = new WeakSet<GPUDevice>();
let onLost: (message: string) => void = () => {};
let installed = false;
let lastReport: GpuReport | null = null;

/** Wraps requestDevice once, before web-llm asks for a device. */
export function installDeviceTracking(lost: (message: string) => void): void {
  onLost = lost;
  if (installed || typeof GPUAdapter === 'undefined') return;
  installed = true;
  const original = GPUAdapter.prototype.requestDevice;
  GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, descriptor?: GPUDeviceDescriptor) {
    const device = await original.call(this, descriptor);
    const entry = { device, createdAt: performance.now() };
    live.add(entry);
    void device.lost.then((info) => {
      live.delete(entry);
      releaseDevice(device);
      // "destroyed" is our own or web-llm's unload; anything else is a real loss.
      if (simulated.has(device)) onLost('The GPU device was destroyed by the test hook (a simulated device loss).');
      else if (info.reason !== 'destroyed') onLost(info.message || 'The GPU device was lost.');
    });
    return device;
  };
}

/** Destroys devices created at or after `since` (by a load that did not finish). */
export function releaseDevicesSince(since: number): void {
  for (const entry of live) {
    if (entry.createdAt >= since) {
      live.delete(entry);
      entry.device.destroy();
      releaseDevice(entry.device);
    }
  }
}

/**
 * For tests: destroys this worker's GPU devices (web-llm's included) and reports it as a device loss,
 * as a driver reset would. With no device yet it first asks for one, as a model load does.
 * Returns how many devices were lost.
 */
export async function simulateDeviceLoss(): Promise<number> {
  if (live.size === 0) await (await navigator.gpu?.requestAdapter())?.requestDevice();
  const lost = [...live];
  for (const entry of lost) {
    simulated.add(entry.device);
    entry.device.destroy();
  }
  return lost.length;
}

export function adapterSummary(): AdapterSummary | null {
  if (!lastReport) return null;
  const { vendor, architecture, description, isFallback, shaderF16 } = lastReport;
  return { vendor, architecture, description, isFallback, shaderF16 };
}

export async function probeGpu(): Promise<Result<GpuReport>> {
  if (typeof navigator === 'undefined' || !('gpu' in navigator) || !navigator.gpu) {
    return { ok: false, error: makeError('no-webgpu') };
  }
  let adapter: GPUAdapter | null;
  try {
    adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (err) {
    return { ok: false, error: makeError('no-adapter', { detail: String(err) }) };
  }
  if (!adapter) return { ok: false, error: makeError('no-adapter') };
  const info = adapter.info;
  // isFallbackAdapter moved from the adapter to its info in newer specs; read both.
  const legacyFallback = (adapter as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  const infoFallback = (info as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  lastReport = {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    isFallback: Boolean(infoFallback ?? legacyFallback ?? false),
    shaderF16: adapter.features.has('shader-f16'),
    features: [...adapter.features].sort(),
    maxBufferSize: adapter.limits.maxBufferSize,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
  };
  return { ok: true, value: lastReport };
}
