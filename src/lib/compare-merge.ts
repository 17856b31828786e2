/**
 * Comparisons of the same prompts from different machines, as one table: speed per machine (each
 * machine's own measurement), quality per variant (the weights and the prompts are the same, so the
 * forced pass is too; the first file that has a variant's gives it). Files that did not compare the
 * same thing are refused with the reason: another model, other prompts, another reference, another
 * token budget or top-k.
 */
import type { ComparisonFile } from '../shared/comparison';
import type { RunSource } from '../shared/provenance';
import { comparisonRows, type MeanSd, type VariantRow } from './compare-metrics';
import { engineOfComparison, mdText } from './compare-table';

export interface NamedComparison {
  /** Where it came from (a file name): says which file a refusal is about. */
  name: string;
  file: ComparisonFile;
}

export interface MachineSpeed {
  machine: string;
  decode: MeanSd | null;
}

export interface MergedRow {
  variant: string;
  modelId: string;
  reference: boolean;
  /** The forced pass's figures (from the first file that ran this variant to the end). */
  quality: VariantRow | null;
  /** One entry per file, in the order given (null: that machine did not run it to the end). */
  speeds: (MachineSpeed | null)[];
}

export interface MergedComparison {
  model: string;
  machines: string[];
  /** Each file's figures as they were recorded: measured on its machine, or replayed. */
  sources: RunSource[];
  /** Some file is a fixture a script wrote: no model produced its figures. */
  synthetic: boolean;
  rows: MergedRow[];
}

export class MergeRefused extends Error {}

/** "NVIDIA ampere, with web-llm 0.2.86" (or the file's name when it does not say its adapter). */
export function machineOf(c: NamedComparison): string {
  const a = c.file.environment.adapter;
  const gpu = a ? `${a.vendor} ${a.architecture}`.trim() || a.description || c.name : c.name;
  return `${gpu}, ${engineOfComparison(c.file)}`;
}

function sameSetup(a: NamedComparison, b: NamedComparison): string | null {
  const [x, y] = [a.file.setup, b.file.setup];
  if (x.model !== y.model) return `${b.name} compares ${y.model}, ${a.name} ${x.model}`;
  const texts = (s: typeof x) => s.prompts.map((p) => p.text).join('\u0000');
  if (texts(x) !== texts(y)) return `${b.name} has other prompts than ${a.name} (${y.prompts.length} against ${x.prompts.length}, or other texts)`;
  if (x.variants[0] !== y.variants[0]) return `${b.name}'s reference is ${y.variants[0]}, ${a.name}'s ${x.variants[0]}: their quality figures do not measure the same thing`;
  if (x.maxTokens !== y.maxTokens || x.topK !== y.topK) return `${b.name} ran up to ${y.maxTokens} tokens with top-${y.topK}, ${a.name} ${x.maxTokens} with top-${x.topK}`;
  return null;
}

export function mergeComparisons(list: readonly NamedComparison[]): MergedComparison {
  if (list.length < 2) throw new MergeRefused('give at least two comparisons to merge');
  const first = list[0]!;
  for (const other of list.slice(1)) {
    const why = sameSetup(first, other);
    if (why) throw new MergeRefused(`cannot merge: ${why}`);
  }
  const perFile = list.map((c) => comparisonRows(c.file));
  const ids = [...new Set(list.flatMap((c) => c.file.setup.variants))];
  const rows = ids.map((id): MergedRow => {
    const found = perFile.map((rows) => rows.find((r) => r.modelId === id && r.status === 'done') ?? null);
    const any = found.find((r) => r !== null) ?? perFile.flatMap((rows) => rows).find((r) => r.modelId === id)!;
    return {
      variant: any.variant,
      modelId: id,
      reference: id === first.file.setup.variants[0],
      quality: found.find((r) => r?.forced) ?? null,
      speeds: found.map((r, i) => (r ? { machine: machineOf(list[i]!), decode: r.decode } : null)),
    };
  });
  return { model: first.file.setup.model, machines: list.map(machineOf), sources: list.map((c) => c.file.source), synthetic: list.some((c) => c.file.synthetic), rows };
}

const fixed = (n: number | null | undefined, d: number) => (n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(d));

export function mergedMarkdown(m: MergedComparison): string {
  return [
    `**${mdText(m.model)}** on ${m.machines.length} machines: speed as each measured it, quality from the forced pass (the same weights and prompts).`,
    '',
    `| variant | same top p | mean KLD | PPL | ${m.machines.map((x, i) => `decode tok/s, ${i + 1}: ${mdText(x)}`).join(' | ')} |`,
    `|---|---:|---:|---:|${m.machines.map(() => '---:').join('|')}|`,
    ...m.rows.map((r) => {
      const f = r.quality?.forced;
      const speeds = r.speeds.map((s) => (s?.decode ? `${fixed(s.decode.mean, 1)} ± ${fixed(s.decode.sd, 1)}` : '–'));
      return `| ${mdText(r.variant)}${r.reference ? ' (ref)' : ''} | ${f ? `${fixed(f.top1Agreement * 100, 1)} %` : '–'} | ${fixed(f?.klMean, 6)} | ${fixed(f?.perplexity, 3)} | ${speeds.join(' | ')} |`;
    }),
  ].join('\n');
}

/** One object per variant for `npm run compare -- A B --json`. */
export function mergedJson(m: MergedComparison) {
  const r5 = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? null : Number(n.toFixed(5)));
  return m.rows.map((r) => ({
    variant: r.variant,
    model_id: r.modelId,
    reference: r.reference,
    same_top_p: r5(r.quality?.forced?.top1Agreement),
    kl_mean: r5(r.quality?.forced?.klMean),
    ppl: r5(r.quality?.forced?.perplexity),
    machines: r.speeds.map((s, i) => ({ machine: m.machines[i]!, decode_tok_s_mean: r5(s?.decode?.mean), decode_tok_s_sd: r5(s?.decode?.sd) })),
  }));
}
