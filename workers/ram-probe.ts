/**
 * A lower bound on system RAM bandwidth, from this worker: WebAssembly's bulk memory.copy moves
 * 64 MiB blocks (larger than any CPU cache) within a 256 MiB memory, a read and a write per byte.
 * One thread copies, so a desktop with several memory channels reads faster than this says.
 */
import type { RamProbeResult } from '../src/shared/protocol';

const MIB = 2 ** 20;
const BLOCK = 64 * MIB;

/** (module (memory (export "m") 4096) (func (export "copy") (param i32 i32 i32) local.get 0 local.get 1 local.get 2 memory.copy)) */
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x07, 0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x00, // type: (i32, i32, i32) -> ()
  0x03, 0x02, 0x01, 0x00, // function 0 has type 0
  0x05, 0x04, 0x01, 0x00, 0x80, 0x20, // memory: 4096 pages of 64 KiB
  0x07, 0x0c, 0x02, 0x01, 0x6d, 0x02, 0x00, 0x04, 0x63, 0x6f, 0x70, 0x79, 0x00, 0x00, // exports "m", "copy"
  0x0a, 0x0e, 0x01, 0x0c, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfc, 0x0a, 0x00, 0x00, 0x0b, // body
]);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function probeRam(passes = 9): Promise<RamProbeResult> {
  const { instance } = await WebAssembly.instantiate(MODULE);
  const copy = instance.exports.copy as (dst: number, src: number, len: number) => void;
  // Touch every page first, so the timed copies do not pay for the first faults.
  copy(2 * BLOCK, 0, 2 * BLOCK);
  const samples: number[] = [];
  for (let i = 0; i < passes; i++) {
    const [src, dst] = i % 2 === 0 ? [0, 2 * BLOCK] : [2 * BLOCK, 0];
    const t0 = performance.now();
    copy(dst, src, BLOCK);
    const ms = performance.now() - t0;
    // Each byte is read once and written once.
    if (ms > 0) samples.push((2 * BLOCK) / (ms / 1000) / 1e9);
  }
  return { gbPerSecond: median(samples), samples };
}
