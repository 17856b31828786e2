/** Small statistics for the benchmark: medians over runs, percentiles within a run. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface Budget {
  id: string;
  label: string;
  unit: string;
  /** Passes when the median is at most (or, for 'min', at least) this. */
  limit: number;
  kind: 'max' | 'min';
}

export interface FigureResult extends Budget {
  samples: number[];
  median: number;
  min: number;
  max: number;
  pass: boolean;
  /** Printed for reading; no budget. */
  informational?: boolean;
}

export function judge(budget: Budget, samples: number[]): FigureResult {
  const m = median(samples);
  const pass = budget.kind === 'max' ? m <= budget.limit : m >= budget.limit;
  return { ...budget, samples, median: m, min: Math.min(...samples), max: Math.max(...samples), pass };
}

export function table(results: readonly FigureResult[]): string {
  const f = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1));
  const rows = results.map(
    (r) =>
      `| ${r.label} | ${r.informational ? r.unit : `${r.kind === 'max' ? '≤' : '≥'} ${r.limit} ${r.unit}`} | ${f(r.median)} | ${f(r.min)} | ${f(r.max)} | ${r.informational ? '—' : r.pass ? 'pass' : 'MISS'} |`,
  );
  return ['| figure | budget | median | min | max | result |', '|---|---|---:|---:|---:|---|', ...rows].join('\n');
}
