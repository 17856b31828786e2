/**
 * Effective GPU memory bandwidth: a read-heavy compute shader streams one
 * large storage buffer (a few hundred MB, within the adapter's limits) and
 * XORs it into a tiny sink so the reads cannot be optimised away. Median of
 * several timed passes, everything within a fixed time budget.
 */

import type { BandwidthResult } from '../src/shared/protocol';

const SHADER = /* wgsl */ `
@group(0) @binding(0) var<storage, read> src: array<vec4<u32>>;
@group(0) @binding(1) var<storage, read_write> sink: array<u32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let total = arrayLength(&src);
  let stride = groups.x * 256u;
  var acc = vec4<u32>(0u);
  for (var i = gid.x; i < total; i = i + stride) {
    acc = acc ^ src[i];
  }
  sink[gid.x & 1023u] = acc.x ^ acc.y ^ acc.z ^ acc.w;
}`;

const MB = 2 ** 20;
const WORKGROUPS = 4096;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function probeBandwidth(opts: { maxBytes?: number; passes?: number; budgetMs?: number } = {}): Promise<BandwidthResult> {
  const adapter = await navigator.gpu?.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('No GPU adapter');
  const limit = Math.min(adapter.limits.maxStorageBufferBindingSize, adapter.limits.maxBufferSize);
  // Software adapters read at about 1 GB/s: a smaller buffer keeps the probe inside its budget.
  const wanted = opts.maxBytes ?? (adapter.info.isFallbackAdapter ? 128 * MB : 512 * MB);
  const size = Math.floor(Math.min(wanted, limit) / 16) * 16;
  const timestamps = adapter.features.has('timestamp-query');
  const device = await adapter.requestDevice({
    requiredFeatures: timestamps ? ['timestamp-query'] : [],
    requiredLimits: { maxStorageBufferBindingSize: size, maxBufferSize: size },
  });
  try {
    const src = device.createBuffer({ size, usage: GPUBufferUsage.STORAGE });
    const sink = device.createBuffer({ size: 4096, usage: GPUBufferUsage.STORAGE });
    const pipeline = device.createComputePipeline({
      layout: 'auto',
      compute: { module: device.createShaderModule({ code: SHADER }), entryPoint: 'main' },
    });
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: src } },
        { binding: 1, resource: { buffer: sink } },
      ],
    });
    const query = timestamps ? device.createQuerySet({ type: 'timestamp', count: 2 }) : null;
    const resolve = query ? device.createBuffer({ size: 16, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC }) : null;
    const readback = query ? device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST }) : null;

    const pass = async (): Promise<number> => {
      const encoder = device.createCommandEncoder();
      const compute = encoder.beginComputePass(query ? { timestampWrites: { querySet: query, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 } } : {});
      compute.setPipeline(pipeline);
      compute.setBindGroup(0, bindGroup);
      compute.dispatchWorkgroups(WORKGROUPS);
      compute.end();
      if (query && resolve && readback) {
        encoder.resolveQuerySet(query, 0, 2, resolve, 0);
        encoder.copyBufferToBuffer(resolve, 0, readback, 0, 16);
      }
      const t0 = performance.now();
      device.queue.submit([encoder.finish()]);
      await device.queue.onSubmittedWorkDone();
      const wallMs = performance.now() - t0;
      if (!readback) return wallMs;
      await readback.mapAsync(GPUMapMode.READ);
      const [begin, end] = new BigUint64Array(readback.getMappedRange().slice(0));
      readback.unmap();
      const gpuMs = Number((end ?? 0n) - (begin ?? 0n)) / 1e6;
      // Some drivers report zeros or garbage; fall back to the wall clock then.
      return gpuMs > 0 && gpuMs < wallMs * 4 ? gpuMs : wallMs;
    };

    const budget = opts.budgetMs ?? 2500;
    const started = performance.now();
    await pass(); // warm-up: pipeline creation and first-touch costs
    const samples: number[] = [];
    const want = opts.passes ?? 7;
    while (samples.length < want && (samples.length < 3 || performance.now() - started < budget)) {
      const ms = await pass();
      samples.push(size / (ms / 1000) / 1e9);
    }
    return { gbPerSecond: median(samples), bytesPerPass: size, passes: samples.length, samples, timing: query ? 'timestamp-query' : 'wall-clock' };
  } finally {
    device.destroy();
  }
}
