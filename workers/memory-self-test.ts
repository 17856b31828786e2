/**
 * Proves the memory counter against the real adapter: allocates buffers on a
 * device of its own, so the measured figure must rise by that much, and drop
 * back when the device is released.
 */
let device: GPUDevice | null = null;

export async function allocateTestBuffers(totalBytes: number): Promise<number> {
  await releaseTestBuffers();
  const adapter = await navigator.gpu?.requestAdapter();
  if (!adapter) throw new Error('No GPU adapter');
  device = await adapter.requestDevice();
  const chunk = Math.min(device.limits.maxBufferSize, 64 * 2 ** 20);
  let allocated = 0;
  while (allocated < totalBytes) {
    const size = Math.min(chunk, totalBytes - allocated);
    device.createBuffer({ size, usage: GPUBufferUsage.STORAGE });
    allocated += size;
  }
  return allocated;
}

export async function releaseTestBuffers(): Promise<void> {
  device?.destroy();
  device = null;
}
