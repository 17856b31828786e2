/**
 * A comparison's rows as the table testers paste (Markdown) and as JSON lines, for the UI's
 * "Copy as Markdown" and `npm run compare` alike.
 */
import type { ComparisonFile } from '../shared/comparison';
import type { RunEngine } from '../shared/runs';
import { comparisonRows, engineOfVariant, type MeanSd, type VariantRow } from './compare-metrics';

const fixed = (n: number | null | undefined, digits: number) => (n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));
const pm = (m: MeanSd | null, digits: number) => (m ? `${fixed(m.mean, digits)} ± ${fixed(m.sd, digits)}` : '–');
const round = (n: number | null | undefined, digits: number) => (n === null || n === undefined || !Number.isFinite(n) ? null : Number(n.toFixed(digits)));

/** "1 prompt", "3 prompts". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** An engine as testers know it. */
export const engineName = (engine: RunEngine): string => (engine === 'onnx' ? 'transformers.js' : 'web-llm');

/** Whether a comparison's variants ran on more than one engine (its table then names each one's). */
export const mixedEngines = (rows: readonly VariantRow[]): boolean => new Set(rows.map((r) => r.engine)).size > 1;

/** "with web-llm 0.2.86", "with ONNX Runtime Web (transformers.js)", or both: the engines a comparison ran on. */
export function engineOfComparison(file: ComparisonFile): string {
  const engines = new Set(file.variants.map((v) => engineOfVariant(file, v)));
  const words = [...engines].sort().map((e) => (e === 'onnx' ? 'ONNX Runtime Web (transformers.js)' : `web-llm ${file.environment.webllmVersion ?? '(version unknown)'}`));
  return `with ${words.join(' and ')}`;
}

/** Text from the file as Markdown reads it: a `|` would end a table cell, HTML would be rendered
 * by the forum it is pasted into, a line break would end the row. */
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
    engine: row.engine,
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
    quality_skipped: row.qualitySkipped,
  };
}

/** Where the figures come from, said once under the table. */
function provenanceLine(file: ComparisonFile): string {
  if (file.source === 'replayed') return `Replayed${file.synthetic ? ' from a synthetic fixture (no model produced it)' : ''}: not a measurement of this machine.`;
  if (file.synthetic) return 'Synthetic fixture: no model produced these figures.';
  const a = file.environment.adapter;
  return `Measured ${mdText(engineOfComparison(file))} on ${a ? mdText(`${a.vendor} ${a.architecture}`.trim()) : 'an unknown adapter'}.`;
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
        `| ${r.variant}${r.reference ? ' (ref)' : ''} | ${fixed(r.pplRatio, 4)} | ${fixed(r.pplRatio === null ? null : Math.log(r.pplRatio), 4)} | ${fixed(k.mean, 6)} ± ${fixed(k.se, 6)} | ${fixed(k.median, 6)} | ${fixed(k.p90, 6)} | ${fixed(k.p95, 6)} | ${fixed(k.p99, 6)} | ${fixed(k.p999, 6)} | ${fixed(k.max, 6)} | ${pct(f.deltaP?.mean)} | ${pct(f.deltaP?.rms)} | ${fixed(f.top1Agreement * 100, 3)} % |`,
      ];
    }),
  ];
}

/** Variants whose quality was not measured, each with the reason (rows named as the table names them). */
function skippedLines(rows: readonly VariantRow[]): string[] {
  const skipped = rows.filter((r) => r.status === 'done' && r.qualitySkipped);
  return skipped.length ? ['', ...skipped.map((r) => `${r.variant}: quality not compared with the reference, as ${mdText(r.qualitySkipped!)}; its speed is.`)] : [];
}

export function comparisonMarkdown(file: ComparisonFile): string {
  const all = comparisonRows(file);
  // Across engines each variant says which ran it.
  const mixed = mixedEngines(all);
  const name = (r: VariantRow) => (mixed ? `${mdText(r.variant)} (${engineName(r.engine)})` : mdText(r.variant));
  const rows = all.map((r) => ({ ...r, variant: name(r) }));
  const s = file.setup;
  const lines = [
    `**${mdText(s.model)}**: ${rows.length} quantizations, ${plural(s.prompts.length, 'prompt')} × ${plural(s.repetitions, 'repetition')}, up to ${s.maxTokens} tokens, greedy, seed ${s.seed}. Reference: ${rows[0]?.variant ?? '–'}.`,
    '',
    '| variant | decode tok/s | prefill tok/s | TTFT ms | GPU peak MB | web-llm MB | top-1 agree | KL (top-k) | PPL | identical replies |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      r.status !== 'done'
        ? `| ${r.variant} | ${r.status}${r.error ? `: ${mdText(r.error)}` : ''} | | | | | | | | |`
        : `| ${r.variant}${r.reference ? ' (ref)' : ''} | ${pm(r.decode, 1)} | ${fixed(r.prefill?.mean, 0)} | ${fixed(r.ttftMs?.mean, 0)} | ${fixed(r.peakGpuMB, 0)} | ${fixed(r.webllmVramMB, 0)} | ${r.forced ? `${fixed(r.forced.top1Agreement * 100, 1)} %` : '–'} | ${fixed(r.forced?.klMean, 4)} | ${fixed(r.forced?.perplexity, 3)} | ${r.qualitySkipped ? '–' : `${r.identicalReplies}/${r.comparedReplies}`} |`,
    ),
    ...skippedLines(rows),
    '',
    ...klSummary(rows),
    '',
    `${provenanceLine(file)} KL is over the reference's top-${s.topK} tokens (an approximation); forced runs are not speed runs. Δp: the probability each variant gives the reference's token, minus the reference's own.`,
  ];
  return lines.join('\n');
}
