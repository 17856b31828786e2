/** Rows of `npm run vram-table`: the app's estimate beside web-llm's figure for every Qwen record. */
import { architectureOf } from './architectures';
import { buildCatalog, type PrebuiltQwenRecord } from './catalog';
import { MiB, estimateMemory } from './vram';

export interface VramRow {
  model_id: string;
  estimated_mb: number | null;
  webllm_mb: number | null;
  weights_mb: number | null;
  kv_mb: number | null;
  temp_mb: number | null;
  /** (estimated − web-llm) / web-llm; null when either is missing. */
  error: number | null;
  note?: string;
}

const round = (bytes: number) => Math.round((bytes / MiB) * 10) / 10;

export function vramRows(records: readonly PrebuiltQwenRecord[], prefillChunk = 1024): VramRow[] {
  const rows: VramRow[] = [];
  for (const family of buildCatalog(records)) {
    for (const model of family.models) {
      const arch = architectureOf(model.name);
      for (const v of model.variants) {
        const base = { model_id: v.modelId, webllm_mb: v.vramMB };
        if (!arch || v.contextWindow === null) {
          const note = arch ? 'no context window in the record' : 'no architecture data';
          rows.push({ ...base, estimated_mb: null, weights_mb: null, kv_mb: null, temp_mb: null, error: null, note });
          continue;
        }
        const e = estimateMemory(arch, v.quant, v.contextWindow, prefillChunk);
        const estimated = round(e.total);
        rows.push({
          ...base,
          estimated_mb: estimated,
          weights_mb: round(e.weights),
          kv_mb: round(e.kv),
          temp_mb: round(e.temp),
          error: v.vramMB ? (estimated - v.vramMB) / v.vramMB : null,
        });
      }
    }
  }
  return rows;
}

export function errorStats(rows: readonly VramRow[]): { count: number; median: number; worst: number } {
  const errors = rows
    .map((r) => r.error)
    .filter((e): e is number => e !== null)
    .map(Math.abs)
    .sort((a, b) => a - b);
  const mid = Math.floor(errors.length / 2);
  const median = errors.length === 0 ? 0 : errors.length % 2 ? errors[mid]! : (errors[mid - 1]! + errors[mid]!) / 2;
  return { count: errors.length, median, worst: errors.at(-1) ?? 0 };
}

export function markdownTable(rows: readonly VramRow[]): string {
  const fmt = (n: number | null) => (n === null ? '–' : n.toFixed(1));
  const pct = (e: number | null) => (e === null ? '–' : `${e >= 0 ? '+' : ''}${(e * 100).toFixed(1)} %`);
  const lines = [
    '| model_id | estimated MB | web-llm MB | error | weights MB | KV MB | temp MB | note |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.model_id} | ${fmt(r.estimated_mb)} | ${fmt(r.webllm_mb)} | ${pct(r.error)} | ${fmt(r.weights_mb)} | ${fmt(r.kv_mb)} | ${fmt(r.temp_mb)} | ${r.note ?? ''} |`,
    ),
  ];
  return lines.join('\n');
}
