/** Rows of `npm run hw`: every big-model × format estimate, plain data. */
import { BIG_MODELS } from './big-models';
import { FORMATS, estimateRow, type EstimateRow } from './projection';

export interface HwRow extends EstimateRow {
  model: string;
  quant: string;
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;

export function hwRows(contextTokens = 1000): HwRow[] {
  return BIG_MODELS.flatMap((m) =>
    FORMATS.map((f) => {
      const e = estimateRow(m.arch, f, contextTokens);
      return {
        model: m.name,
        quant: f.id,
        total_params_b: r3(e.total_params_b),
        active_params_b: r3(e.active_params_b),
        weights_gb: r3(e.weights_gb),
        bytes_per_token_gb: r3(e.bytes_per_token_gb),
        kv_gb_per_1k: r3(e.kv_gb_per_1k),
      };
    }),
  );
}

export function hwMarkdown(rows: readonly HwRow[]): string {
  return [
    '| model | quant | total B | active B | weights GB | GB read / token (1k ctx) | KV GB / 1k tokens |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.model} | ${r.quant} | ${r.total_params_b.toFixed(1)} | ${r.active_params_b.toFixed(2)} | ${r.weights_gb.toFixed(1)} | ${r.bytes_per_token_gb.toFixed(2)} | ${r.kv_gb_per_1k.toFixed(3)} |`,
    ),
  ].join('\n');
}
