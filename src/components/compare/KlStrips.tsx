import { useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { forcedSteps, quantOf, type ForcedStep } from '../../lib/compare-metrics';
import type { ComparisonFile } from '../../shared/comparison';
import { Cell } from './compare-cells';

/** 0 for no KL, 1 from 1 nat: a log scale, so that 0.01 shows and 0.5 stands out. */
const shade = (kl: number) => Math.min(1, Math.log1p(Math.max(0, kl) * 100) / Math.log1p(100));
const pct = (p: number) => `${(p * 100).toFixed(1)} %`;
/** Shades a strip is drawn in: one path each, not an element per token (a 2,000-token strip is then
 * ~30 elements, which keeps the results' first render short). */
const LEVELS = 24;

/** The strip's cells as paths: one per shade level (filled), one for the cells whose top token differs (outlined). */
function cellPaths(steps: readonly ForcedStep[]): { levels: Array<{ opacity: number; d: string }>; disagree: string } {
  const byLevel = new Map<number, string[]>();
  const disagree: string[] = [];
  steps.forEach((s, i) => {
    const level = Math.round(shade(s.kl) * (LEVELS - 1));
    const cell = `M${i} 0h1v1h-1z`;
    const cells = byLevel.get(level);
    if (cells) cells.push(cell);
    else byLevel.set(level, [cell]);
    if (!s.agree) disagree.push(cell);
  });
  const levels = [...byLevel.entries()].map(([level, cells]) => ({ opacity: 0.08 + (0.92 * level) / (LEVELS - 1), d: cells.join('') }));
  return { levels, disagree: disagree.join('') };
}

function TopLists({ step, variant }: { step: ForcedStep; variant: string }) {
  const rows = Math.min(8, step.reference.length);
  return (
    <div className="kl-detail" data-testid="kl-detail">
      <p>
        Token {step.position}: KL {step.kl.toFixed(4)} nats; {variant}’s most likely token is #{step.variantTop1}
        {step.agree ? ', the reference’s too.' : step.reference.some((t) => t.id === step.variantTop1) ? ', not the reference’s.' : ', outside the reference’s top-k.'}
      </p>
      <table className="compare-table">
        <caption>The reference’s top {rows} and {variant}’s probabilities of the same tokens (token ids)</caption>
        <thead>
          <tr>
            <th scope="col">rank</th>
            <th scope="col">reference</th>
            <th scope="col">{variant}</th>
          </tr>
        </thead>
        <tbody>
          {step.reference.slice(0, rows).map((r, i) => {
            const v = step.variant[i]!;
            return (
              <tr key={r.id}>
                <th scope="row">{i + 1}</th>
                <Cell label="reference">
                  #{r.id} · {pct(r.p)}
                </Cell>
                <Cell label={variant}>
                  #{v.id} · {pct(v.p)}
                </Cell>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One variant's strip: a cell per forced token, darker where it departs; a position is picked by
 * click or with the arrow keys, and its two top-k lists open below. */
function Strip({ steps, variant }: { steps: ForcedStep[]; variant: string }) {
  const [at, setAt] = useState<number | null>(null);
  const n = steps.length;
  const pick = (i: number) => setAt(Math.max(0, Math.min(n - 1, i)));
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    pick(Math.floor(((e.clientX - box.left) / box.width) * n));
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[e.key];
    if (step !== undefined) pick((at ?? -1) + step);
    else if (e.key === 'Home') pick(0);
    else if (e.key === 'End') pick(n - 1);
    else return;
    e.preventDefault();
  };
  const chosen = at === null ? null : steps[at]!;
  const worst = steps.reduce((w, s) => (s.kl > w.kl ? s : w), steps[0]!);
  const paths = useMemo(() => cellPaths(steps), [steps]);
  return (
    <div className="kl-strip" data-testid={`kl-strip-${variant}`}>
      <h4>
        {variant} <span className="muted">· worst at token {worst.position} (KL {worst.kl.toFixed(4)})</span>
      </h4>
      <svg
        viewBox={`0 0 ${n} 1`}
        preserveAspectRatio="none"
        role="slider"
        tabIndex={0}
        aria-label={`${variant}: KL by token position`}
        aria-valuemin={1}
        aria-valuemax={n}
        aria-valuenow={chosen?.position ?? 1}
        aria-valuetext={chosen ? `token ${chosen.position}: KL ${chosen.kl.toFixed(4)}` : 'no token chosen'}
        onClick={onClick}
        onKeyDown={onKey}
      >
        {paths.levels.map((l) => (
          <path key={l.opacity} d={l.d} className="kl-cell" style={{ fillOpacity: l.opacity }} />
        ))}
        {paths.disagree && <path d={paths.disagree} className="kl-disagree" />}
        {chosen && <rect x={chosen.position - 1} y={0} width={1} height={1} className="kl-chosen" />}
      </svg>
      {chosen && <TopLists step={chosen} variant={variant} />}
    </div>
  );
}

/** Where each variant departs from the reference on one prompt: KL by token position (forced pass). */
export function KlStrips({ file, prompt }: { file: ComparisonFile; prompt: string }) {
  // Computed once per file and prompt, not at every render of the results (a store change re-renders them).
  const strips = useMemo(
    () =>
      file.variants.slice(1).flatMap((v) => {
        const steps = v.status === 'done' ? forcedSteps(file, v.modelId, prompt) : null;
        return steps && steps.length > 0 ? [{ variant: quantOf(v.modelId), steps }] : [];
      }),
    [file, prompt],
  );
  if (strips.length === 0) return null;
  return (
    <section className="kl-strips" aria-label="KL by token position" data-testid="kl-strips">
      <h3>Where each variant departs (forced along the reference’s tokens)</h3>
      <p className="muted">One cell per token: darker, further from the reference (KL over its top-{file.setup.topK}); outlined, another most likely token. Click a cell, or focus a strip and use the arrow keys, to see both top-k lists there.</p>
      {strips.map((s) => (
        <Strip key={s.variant} steps={s.steps} variant={s.variant} />
      ))}
    </section>
  );
}
