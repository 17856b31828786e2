/**
 * Reads an imported comparison file, which is untrusted input: every field the figures are
 * computed from is checked, and every trace must line up with the reference's, so that a damaged
 * or mismatched file is refused with a message saying what is wrong rather than shown as figures.
 */
import {
  COMPARISON_FORMAT,
  COMPARISON_VERSION,
  type ComparisonFile,
  type ForcedTrace,
  type ReferenceTrace,
  type VariantResult,
} from './comparison';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): v is string => typeof v === 'string';
const nums = (v: unknown): v is number[] => Array.isArray(v) && v.every(num);
/** Log-probabilities: finite and ≤ 0 (the recorder clamps them, so none is -Infinity, which JSON cannot hold). */
const logprobs = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => num(x) && x <= 1e-9);
const intOrNull = (v: unknown) => v === null || num(v);

class Damaged extends Error {}
const fail = (what: string): never => {
  throw new Damaged(what);
};

function checkSetup(s: unknown): ComparisonFile['setup'] {
  if (!isObj(s)) return fail('no setup');
  if (!str(s.model)) fail('setup: no model');
  if (!Array.isArray(s.variants) || s.variants.length < 2 || !s.variants.every(str)) fail('setup: needs at least two variants');
  if (!Array.isArray(s.prompts) || s.prompts.length === 0 || !s.prompts.every((p) => isObj(p) && str(p.id) && str(p.text)))
    fail('setup: no prompts');
  const ids = (s.prompts as Obj[]).map((p) => p.id);
  if (new Set(ids).size !== ids.length) fail('setup: two prompts share an id');
  for (const key of ['maxTokens', 'repetitions', 'seed', 'topK'] as const) if (!num(s[key])) fail(`setup: no ${key}`);
  return s as unknown as ComparisonFile['setup'];
}

function checkReference(v: Obj, where: string): ReferenceTrace[] {
  if (!Array.isArray(v.reference)) return fail(`${where}: the reference variant has no reference trace`);
  for (const t of v.reference) {
    if (!isObj(t) || !str(t.prompt) || !Array.isArray(t.topIds) || !t.topIds.every(nums)) fail(`${where}: bad reference trace`);
  }
  return v.reference as ReferenceTrace[];
}

function checkForced(t: unknown, where: string, reference: Map<string, ReferenceTrace>): void {
  if (!isObj(t) || !str(t.prompt)) return fail(`${where}: bad forced trace`);
  const ref = reference.get(t.prompt);
  if (!ref) return fail(`${where}: forced on prompt "${t.prompt}", which the reference has no trace for`);
  const steps = ref.topIds.length;
  const f = t as unknown as ForcedTrace;
  if (!nums(f.top1) || !logprobs(f.tokenLogprobs) || !Array.isArray(f.refLogprobs)) fail(`${where}: bad forced trace for "${t.prompt}"`);
  if (f.top1.length !== steps || f.tokenLogprobs.length !== steps || f.refLogprobs.length !== steps)
    fail(`${where}: the forced trace for "${t.prompt}" has a different length from the reference's (${steps} steps)`);
  f.refLogprobs.forEach((lp, i) => {
    if (!logprobs(lp) || lp.length !== ref.topIds[i]!.length) fail(`${where}: step ${i} of "${t.prompt}" does not line up with the reference's top-k`);
  });
}

function checkVariant(v: unknown, i: number, prompts: Set<string>, reference: Map<string, ReferenceTrace> | null): VariantResult {
  const where = `variant ${i}`;
  if (!isObj(v) || !str(v.modelId)) return fail(`${where}: no modelId`);
  if (v.status !== 'done' && v.status !== 'failed' && v.status !== 'cancelled') fail(`${where}: bad status`);
  if (!intOrNull(v.downloadMB) || !intOrNull(v.webllmVramMB) || !intOrNull(v.peakGpuBytes)) fail(`${where}: bad memory figures`);
  if (v.load !== null && !(isObj(v.load) && num(v.load.ms) && typeof v.load.cached === 'boolean')) fail(`${where}: bad load`);
  const inSetup = (p: unknown) => str(p) && prompts.has(p);
  const usage = (u: unknown) => isObj(u) && isObj(u.extra) && num(u.extra.decode_tokens_per_s) && num(u.extra.prefill_tokens_per_s) && num(u.extra.time_to_first_token_s);
  if (!Array.isArray(v.speed) || !v.speed.every((s) => isObj(s) && inSetup(s.prompt) && num(s.rep) && usage(s.usage) && (s.app === undefined || usage(s.app))))
    fail(`${where}: bad speed samples (or a prompt not in the setup)`);
  if (!Array.isArray(v.free) || !v.free.every((r) => isObj(r) && inSetup(r.prompt) && nums(r.tokens) && str(r.text)))
    fail(`${where}: bad free replies (or a prompt not in the setup)`);
  if (!Array.isArray(v.forced)) fail(`${where}: no forced traces`);
  if (reference) for (const t of v.forced as unknown[]) checkForced(t, `${where} (${v.modelId})`, reference);
  return v as unknown as VariantResult;
}

/** Validates an imported comparison; throws an Error saying what is wrong. */
export function parseComparisonFile(data: unknown): ComparisonFile {
  try {
    if (!isObj(data) || data.format !== COMPARISON_FORMAT) fail(`not a ${COMPARISON_FORMAT} file`);
    const d = data as Obj;
    if (d.version !== COMPARISON_VERSION) fail(`unsupported version ${String(d.version)}`);
    if (d.source !== 'measured' && d.source !== 'replayed') fail('source must be "measured" or "replayed"');
    if (!isObj(d.environment)) fail('no environment');
    const setup = checkSetup(d.setup);
    if (!Array.isArray(d.variants) || d.variants.length !== setup.variants.length) fail('the variants do not match the setup');
    const variants = d.variants as unknown[];
    const prompts = new Set(setup.prompts.map((p) => p.id));
    const first = variants[0];
    if (!isObj(first) || first.modelId !== setup.variants[0]) fail('the first variant is not the reference named in the setup');
    const reference = (first as Obj).status === 'done' ? new Map(checkReference(first as Obj, 'variant 0').map((t) => [t.prompt, t])) : null;
    const checked = variants.map((v, i) => checkVariant(v, i, prompts, reference));
    checked.forEach((v, i) => {
      if (v.modelId !== setup.variants[i]) fail(`variant ${i} is ${v.modelId}, the setup says ${setup.variants[i]}`);
    });
    return { ...(d as unknown as ComparisonFile), synthetic: d.synthetic === true, variants: checked };
  } catch (err) {
    if (err instanceof Damaged) throw new Error(err.message, { cause: err });
    throw new Error(`damaged file: ${String(err)}`, { cause: err });
  }
}
