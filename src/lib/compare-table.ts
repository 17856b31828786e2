/**
 * A comparison's rows as the table testers paste (Markdown) and as JSON lines, for the UI's
 * "Copy as Markdown" and `npm run compare` alike.
 */
import type { ComparisonFile } from '../shared/comparison';
import { comparisonRows, type MeanSd, type VariantRow } from './compare-metrics';

const fixed = (n: number | null | undefined, digits: number) => (n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));
const pm = (m: MeanSd | null, digits: number) => (m ? `${fixed(m.mean, digits)} ± ${fixed(m.sd, digits)}` : '–');
const round = (n: number | null | undefined, digits: number) => (n === null || n === undefined || !Number.isFinite(n) ? null : Number(n.toFixed(digits)));

/** Text from the file as Markdown reads it: a `|` would end a table cell, HTML would be rendered
 * by the forum it is pasted into, a line break would end the row. */
/** "with web-llm 0.2.86" or "with ONNX Runtime Web (transformers.js)": which engine a comparison ran on. */
export function engineOfComparison(env: ComparisonFile['environment']): string {
  return env.engine === 'onnx' ? 'with ONNX Runtime Web (transformers.js)' : `with web-llm ${env.webllmVersion ?? '(version unknown)'}`;
}

export function mdText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\|`*[\]])/g, '\\$1');
}

/** One object per variant, with the fields `npm run compare -- --json` promises. */
export function rowJson(row: VariantRow) {
  return {
    variant: row.variant,
    model_id: row.modelId,
    reference: row.reference,
    status: row.status,
    prompts: row.prompts,
    decode_tok_s_mean: round(row.decode?.mean, 2),
    decode_tok_s_sd: round(row.decode?.sd, 2),
    app_decode_tok_s_mean: round(row.appDecode?.mean, 2),
    prefill_tok_s_mean: round(row.prefill?.mean, 2),
    prefill_tok_s_sd: round(row.prefill?.sd, 2),
    ttft_ms_mean: round(row.ttftMs?.mean, 1),
    load_ms: round(row.loadMs, 0),
    download_mb: round(row.downloadMB, 0),
    peak_gpu_mb: round(row.peakGpuMB, 1),
    webllm_vram_mb: round(row.webllmVramMB, 1),
    top1_agreement: round(row.forced?.top1Agreement, 4),
    kl_mean: round(row.forced?.klMean, 5),
    ppl: round(row.forced?.perplexity, 4),
    // llama-perplexity --kl-divergence's summary, by its names.
    kld_se: round(row.forced?.kld.se, 5),
    kld_median: round(row.forced?.kld.median, 5),
    kld_p90: round(row.forced?.kld.p90, 5),
    kld_p95: round(row.forced?.kld.p95, 5),
    kld_p99: round(row.forced?.kld.p99, 5),
    kld_p999: round(row.forced?.kld.p999, 5),
    kld_max: round(row.forced?.kld.max, 5),
    delta_p_mean: round(row.forced?.deltaP?.mean, 5),
    delta_p_rms: round(row.forced?.deltaP?.rms, 5),
    same_top_p: round(row.forced?.top1Agreement, 4),
    ppl_ratio: round(row.pplRatio, 5),
    ln_ppl_ratio: round(row.pplRatio === null ? null : Math.log(row.pplRatio), 5),
    forced_steps: row.forced?.steps ?? 0,
    common_prefix_mean: round(row.commonPrefixMean, 2),
    identical_replies: row.identicalReplies,
    compared_replies: row.comparedReplies,
  };
}

/** Where the figures come from, said once under the table. */
function provenanceLine(file: ComparisonFile): string {
  if (file.source === 'replayed') return `Replayed${file.synthetic ? ' from a synthetic fixture (no model produced it)' : ''}: not a measurement of this machine.`;
  if (file.synthetic) return 'Synthetic fixture: no model produced these figures.';
  const a = file.environment.adapter;
  return `Measured ${mdText(engineOfComparison(file.environment))} on ${a ? mdText(`${a.vendor} ${a.architecture}`.trim()) : 'an unknown adapter'}.`;
}

/** The forced pass as `llama-perplexity --kl-divergence` sums it up, a row per variant. */
function klSummary(rows: readonly VariantRow[]): string[] {
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(3)} %`);
  return [
    '| variant | PPL(Q)/PPL(base) | ln(PPL(Q)/PPL(base)) | Mean KLD | Median KLD | 90 % | 95 % | 99 % | 99.9 % | Max KLD | Mean Δp | RMS Δp | Same top p |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.flatMap((r) => {
      const f = r.forced;
      if (!f || r.status !== 'done') return [];
      const k = f.kld;
      return [
        `| ${mdText(r.variant)}${r.reference ? ' (ref)' : ''} | ${fixed(r.pplRatio, 4)} | ${fixed(r.pplRatio === null ? null : Math.log(r.pplRatio), 4)} | ${fixed(k.mean, 6)} ± ${fixed(k.se, 6)} | ${fixed(k.median, 6)} | ${fixed(k.p90, 6)} | ${fixed(k.p95, 6)} | ${fixed(k.p99, 6)} | ${fixed(k.p999, 6)} | ${fixed(k.max, 6)} | ${pct(f.deltaP?.mean)} | ${pct(f.deltaP?.rms)} | ${fixed(f.top1Agreement * 100, 3)} % |`,
      ];
    }),
  ];
}

export function comparisonMarkdown(file: ComparisonFile): string {
  const rows = comparisonRows(file);
  const s = file.setup;
  const lines = [
    `**${mdText(s.model)}**: ${rows.length} quantizations, ${s.prompts.length} prompts × ${s.repetitions} repetitions, up to ${s.maxTokens} tokens, greedy, seed ${s.seed}. Reference: ${mdText(rows[0]?.variant ?? '–')}.`,
    '',
    '| variant | decode tok/s | prefill tok/s | TTFT ms | GPU peak MB | web-llm MB | top-1 agree | KL (top-k) | PPL | identical replies |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      r.status !== 'done'
        ? `| ${mdText(r.variant)} | ${r.status}${r.error ? `: ${mdText(r.error)}` : ''} | | | | | | | | |`
        : `| ${mdText(r.variant)}${r.reference ? ' (ref)' : ''} | ${pm(r.decode, 1)} | ${fixed(r.prefill?.mean, 0)} | ${fixed(r.ttftMs?.mean, 0)} | ${fixed(r.peakGpuMB, 0)} | ${fixed(r.webllmVramMB, 0)} | ${r.forced ? `${fixed(r.forced.top1Agreement * 100, 1)} %` : '–'} | ${fixed(r.forced?.klMean, 4)} | ${fixed(r.forced?.perplexity, 3)} | ${r.identicalReplies}/${r.comparedReplies} |`,
    ),
    '',
    ...klSummary(rows),
    '',
    `${provenanceLine(file)} KL is over the reference's top-${s.topK} tokens (an approximation); forced runs are not speed runs. Δp: the probability each variant gives the reference's token, minus the reference's own.`,
  ];
  return lines.join('\n');
}
