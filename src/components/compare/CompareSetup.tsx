import { useEffect } from 'react';
import { replayedComparison, setCompareDraft } from '../../actions/compare-actions';
import { COMPARE_MODELS, compareModelOf, refreshFreeStorage, startComparison } from '../../actions/compare-run-actions';
import { BUILT_IN_PROMPTS } from '../../lib/compare-prompts';
import { planDefaults } from '../../lib/compare-url';
import { ComparePlanLine } from './ComparePlanLine';
import { MAX_VARIANTS, chosenVariants, draftProblem, planOf, setupOf, unavailableReason } from '../../lib/compare-plan';
import { getState, useStore } from '../../store/store';
import { variantsByEngine } from '../../lib/compare-models';
import type { EngineKind } from '../../lib/catalog';

const ENGINE_GROUPS: Record<EngineKind, string> = {
  'web-llm': 'web-llm — MLC builds',
  onnx: 'transformers.js — ONNX Runtime Web builds',
};

function NumberField({ label, value, min, max, onChange, testId }: { label: string; value: number; min: number; max: number; onChange: (n: number) => void; testId: string }) {
  return (
    <label className="inline">
      {label}
      <input type="number" min={min} max={max} value={value} data-testid={testId} onChange={(e) => onChange(Math.max(min, Math.min(max, Math.round(Number(e.target.value) || min))))} />
    </label>
  );
}

/** The comparison's setup: a model, 2–4 of its quantizations, prompts and settings, and the plan. */
export function CompareSetup() {
  // The storage check of the plan: asked once the view opens.
  useEffect(() => void refreshFreeStorage(), []);
  const draft = useStore((s) => s.compare.draft);
  const gpuKnown = useStore((s) => s.gpu.status === 'ready');
  const running = useStore((s) => s.compare.status === 'running');
  // A ?replay= file is read at start: the comparison waits for it (see startComparison).
  const settled = useStore((s) => s.choiceSettled);
  const hasF16 = useStore((s) => s.gpu.report?.shaderF16 ?? false);
  const cached = useStore((s) => s.cached);
  const freeMB = useStore((s) => s.compare.freeMB);
  const replayModels = useStore((s) => (s.engine.source === 'replayed' ? s.engine.replayModels : null));
  const notice = useStore((s) => s.compare.notice);
  const model = compareModelOf(draft.model);
  const problem = draftProblem(draft, model, hasF16, replayModels);
  // A replayed comparison runs its recorded setup (see startComparison).
  const recorded = replayModels ? replayedComparison() : null;
  const setup = model && !problem ? setupOf(draft, model) : null;
  const planned = setup && recorded ? { ...recorded.setup, variants: recorded.setup.variants.filter((id) => setup.variants.includes(id)) } : setup;
  const plan = model && planned ? planOf(planned, chosenVariants(model, draft.quants), cached, freeMB) : null;
  // A variant this adapter cannot run is not left ticked (a saved setup or a link from another machine may tick it).
  const unrunnable = gpuKnown && !replayModels && model ? model.variants.filter((v) => unavailableReason(v, hasF16) && draft.quants.includes(v.quant.code)).map((v) => v.quant.code) : [];
  const unrunnableKey = unrunnable.join(' ');
  useEffect(() => {
    const drop = unrunnableKey.split(' ');
    if (unrunnableKey) setCompareDraft({ quants: getState().compare.draft.quants.filter((q) => !drop.includes(q)) });
  }, [unrunnableKey]);
  const bothEngines = model !== null && variantsByEngine(model).length > 1;
  const chosenEngines = model ? new Set(chosenVariants(model, draft.quants).map((v) => v.engine)).size : 0;
  const toggle = (list: string[], item: string, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  return (
    <section className="panel compare-setup" aria-label="Comparison setup">
      <h2>Setup</h2>
      <label htmlFor="compare-model">Model</label>
      <select id="compare-model" data-testid="compare-model" value={model?.name ?? draft.model} disabled={running} onChange={(e) => setCompareDraft({ model: e.target.value, quants: [], ...planDefaults(e.target.value) })}>
        {COMPARE_MODELS.map((m) => (
          <option key={m.name} value={m.name}>
            {m.name}
            {variantsByEngine(m).length > 1 ? ' · 2 engines' : ''}
          </option>
        ))}
      </select>
      <fieldset disabled={running}>
        <legend>
          Quantizations (2–{MAX_VARIANTS}; the one with the most bits{bothEngines ? ', from either engine,' : ''} is the reference)
        </legend>
        {model &&
          variantsByEngine(model).map((group, _, groups) => {
            const boxes = group.variants.map((v) => {
              const why = replayModels ? (replayModels.includes(v.modelId) ? null : 'not in the replayed comparison') : unavailableReason(v, hasF16);
              const checked = draft.quants.includes(v.quant.code);
              return (
                <label key={v.modelId} className={`check${why ? ' disabled' : ''}`}>
                  <input type="checkbox" checked={checked} disabled={why !== null && !checked} data-testid={`compare-variant-${v.quant.code}`} onChange={(e) => setCompareDraft({ quants: toggle(draft.quants, v.quant.code, e.target.checked) })} />
                  {v.quant.code} · {v.quant.bitsPerWeight.toFixed(1)} bits{cached[v.modelId] ? ' · cached' : ''}
                  {why && <span className="muted"> — {why}</span>}
                </label>
              );
            });
            // Builds of both engines: grouped by engine, the reference picked from either.
            return groups.length > 1 ? (
              <fieldset key={group.engine} className="engine-group" data-testid={`compare-engine-${group.engine}`}>
                <legend>{ENGINE_GROUPS[group.engine]}</legend>
                {boxes}
              </fieldset>
            ) : (
              boxes
            );
          })}
      </fieldset>
      {chosenEngines > 1 && (
        <p className="muted compare-engines-note" data-testid="compare-engines-note">
          Two engines: speed is compared for every variant; quality only where a variant’s tokenizer and chat template match the reference’s (checked as each one loads; the table says why when they do not).
        </p>
      )}
      {replayModels && <p className="notice">Replaying a recorded comparison: it runs with its recorded prompts and settings.</p>}
      <fieldset disabled={running || replayModels !== null}>
        <legend>Prompts</legend>
        {BUILT_IN_PROMPTS.map((p) => (
          <label key={p.id} className="check" title={p.text}>
            <input type="checkbox" checked={draft.builtIn.includes(p.id)} onChange={(e) => setCompareDraft({ builtIn: toggle(draft.builtIn, p.id, e.target.checked) })} />
            {p.id}: {p.text.length > 70 ? `${p.text.slice(0, 70)}…` : p.text}
          </label>
        ))}
        <label htmlFor="compare-own">Your own prompts, one per line</label>
        <textarea id="compare-own" rows={3} value={draft.ownPrompts} onChange={(e) => setCompareDraft({ ownPrompts: e.target.value })} />
      </fieldset>
      <fieldset className="compare-numbers" disabled={running || replayModels !== null}>
        <legend>Generation (greedy)</legend>
        <NumberField label="Max tokens" value={draft.maxTokens} min={1} max={4096} onChange={(maxTokens) => setCompareDraft({ maxTokens })} testId="compare-max-tokens" />
        <NumberField label="Repetitions" value={draft.repetitions} min={1} max={20} onChange={(repetitions) => setCompareDraft({ repetitions })} testId="compare-repetitions" />
        <NumberField label="Seed" value={draft.seed} min={0} max={2 ** 31 - 1} onChange={(seed) => setCompareDraft({ seed })} testId="compare-seed" />
      </fieldset>
      {plan && planned && model && <ComparePlanLine setup={planned} plan={plan} variants={chosenVariants(model, draft.quants)} replayed={replayModels !== null} />}
      {(problem || notice) && <p className="notice" data-testid="compare-notice">{problem ?? notice}</p>}
      <button type="button" className="primary" data-testid="compare-start" disabled={running || problem !== null || !settled} onClick={() => void startComparison()}>
        Run the comparison
      </button>
    </section>
  );
}
