/**
 * Counts the bytes of live GPU buffers created in this worker, by wrapping
 * GPUDevice.prototype.createBuffer and GPUBuffer.prototype.destroy before
 * web-llm creates its device. A destroyed or lost device frees all its
 * buffers; a buffer garbage-collected without destroy() is freed then too.
 */
import type { MemoryStats } from '../src/shared/protocol';

interface Entry {
  size: number;
  device: GPUDevice;
}

const entries = new Map<GPUBuffer, Entry>();
const byDevice = new WeakMap<GPUDevice, Set<GPUBuffer>>();
let liveBytes = 0;
let peakBytes = 0;
let listener: (s: MemoryStats) => void = () => {};

// Buffers dropped without destroy() are reclaimed by the browser when collected.
const collected = new FinalizationRegistry<{ size: number }>((held) => {
  liveBytes -= held.size;
  notify();
});

function notify(): void {
  listener(memoryStats());
}

export function memoryStats(): MemoryStats {
  return { liveBytes, peakBytes, buffers: entries.size };
}

export function onMemoryChange(l: (s: MemoryStats) => void): void {
  listener = l;
}

function release(buffer: GPUBuffer): void {
  const entry = entries.get(buffer);
  if (!entry) return;
  entries.delete(buffer);
  byDevice.get(entry.device)?.delete(buffer);
  collected.unregister(buffer);
  liveBytes -= entry.size;
}

/** Called when a device is destroyed or lost: its memory goes with it. */
export function releaseDevice(device: GPUDevice): void {
  for (const buffer of byDevice.get(device) ?? []) release(buffer);
  byDevice.delete(device);
  notify();
}

let installed = false;

export function installMemoryCounter(): void {
  if (installed || typeof GPUDevice === 'undefined') return;
  installed = true;
  const create = GPUDevice.prototype.createBuffer;
  GPUDevice.prototype.createBuffer = function (this: GPUDevice, descriptor: GPUBufferDescriptor) {
    const buffer = create.call(this, descriptor);
    const size = buffer.size;
    entries.set(buffer, { size, device: this });
    let set = byDevice.get(this);
    if (!set) byDevice.set(this, (set = new Set()));
    set.add(buffer);
    collected.register(buffer, { size }, buffer);
    liveBytes += size;
    peakBytes = Math.max(peakBytes, liveBytes);
    notify();
    return buffer;
  };
  const destroyDevice = GPUDevice.prototype.destroy;
  GPUDevice.prototype.destroy = function (this: GPUDevice) {
    releaseDevice(this);
    return destroyDevice.call(this);
  };
  const destroy = GPUBuffer.prototype.destroy;
  GPUBuffer.prototype.destroy = function (this: GPUBuffer) {
    release(this);
    notify();
    return destroy.call(this);
  };
}

/** Starts a new peak measurement (at each model load). */
export function resetPeak(): void {
  peakBytes = liveBytes;
}
