/**
 * "Would it run here?" for the big-model view: memory needed, whether it fits,
 * projected speed, and the sentence that says so. Pure: the view only renders it.
 */
import { BIG_MODELS, type BigModel } from './big-models';
import { bytesPerToken, projectDecode, type BandwidthSource, type WeightFormat } from './projection';
import { kvBytesPerToken, weightBytes } from './vram';

/** Activations, runtime and fragmentation on top of weights and KV cache. */
export const OVERHEAD_GB = 0.5;
export const CONTEXT_TOKENS = 4096;

export interface Projection {
  model: BigModel;
  needGB: number;
  fits: boolean | null;
  decode: { low: number; high: number } | null;
  bytesPerTokenGB: number;
}

/** In GB of 2^30 bytes, as GPU vendors count a card's memory (a "24 GB" card holds 24 × 2^30 bytes) and web-llm its needs. */
export function memoryNeededGB(m: BigModel, f: WeightFormat, contextTokens = CONTEXT_TOKENS): number {
  return (weightBytes(m.arch, f) + kvBytesPerToken(m.arch, f) * contextTokens) / 2 ** 30 + OVERHEAD_GB;
}

export function project(f: WeightFormat, memoryGB: number | null, bandwidth: BandwidthSource | null, contextTokens = CONTEXT_TOKENS): Projection[] {
  return BIG_MODELS.map((model) => {
    const needGB = memoryNeededGB(model, f, contextTokens);
    return {
      model,
      needGB,
      fits: memoryGB === null ? null : needGB <= memoryGB,
      decode: bandwidth ? projectDecode(bandwidth, model.arch, f, contextTokens) : null,
      bytesPerTokenGB: bytesPerToken(model.arch, f, contextTokens) / 1e9,
    };
  });
}

const mid = (d: { low: number; high: number }) => (d.low + d.high) / 2;
const round = (n: number) => (n >= 100 ? Math.round(n / 10) * 10 : n >= 10 ? Math.round(n) : Math.round(n * 10) / 10);

/** The dense model whose projected speed is closest to `tps`. */
function closestDense(rows: Projection[], tps: number): Projection | null {
  let best: Projection | null = null;
  for (const r of rows) {
    if (r.model.kind !== 'dense' || !r.decode) continue;
    if (!best || Math.abs(Math.log(mid(r.decode) / tps)) < Math.abs(Math.log(mid(best.decode!) / tps))) best = r;
  }
  return best;
}

/**
 * Plain words for one MoE model, e.g. "Qwen3-30B-A3B at 4-bit needs ~19 GB: it does not fit in your 8 GB.
 * On an RTX 4090 it would decode at about 80–140 tok/s, about as fast as dense Qwen3-4B, while dense
 * Qwen3-32B would manage about 20–35."
 */
export function explain(rows: Projection[], modelName: string, formatLabel: string, where: { memoryGB: number | null; hardware: string | null; who?: string }): string {
  const row = rows.find((r) => r.model.name === modelName);
  if (!row) return '';
  const need = `${row.model.name} at ${formatLabel} needs ~${round(row.needGB)} GB`;
  const gb = where.memoryGB === null ? '' : `${Math.round(where.memoryGB * 10) / 10} GB`;
  const memory = where.hardware ? `the ${where.hardware}'s ${gb}` : `your ${gb}`;
  const fit =
    where.memoryGB === null ? ' (enter your GPU memory to see whether it fits)' : row.fits ? `: it fits in ${memory}` : `: it does not fit in ${memory}`;
  if (!row.decode) return `${need}${fit}. Chat with a model or measure the bandwidth to project its speed.`;
  const speed = `${round(row.decode.low)}–${round(row.decode.high)} tok/s`;
  const twin = closestDense(rows, mid(row.decode));
  const biggest = rows.filter((r) => r.model.kind === 'dense').at(-1);
  const like = twin && row.model.kind === 'moe' ? `, about as fast as dense ${twin.model.name}` : '';
  const versus =
    biggest && biggest !== row && biggest.decode ? `, while dense ${biggest.model.name} would manage about ${round(biggest.decode.low)}–${round(biggest.decode.high)}` : '';
  const on = where.who ?? (where.hardware ? `the ${where.hardware}` : 'your GPU');
  return `${need}${fit}. On ${on} it would decode at about ${speed}${like}${versus}.`;
}
