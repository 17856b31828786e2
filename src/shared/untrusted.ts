/**
 * Readers for untrusted data: imported files, saved state, fetched configs. Each reader checks one
 * value (type, range, length) and returns it, or throws an InvalidData naming the file type, where
 * in the file, and what is wrong. Validators built from them copy only the fields they know, so
 * nothing unchecked (a field nested 100,000 levels deep, say) reaches a view, a worker or an export.
 *
 * Array readers loop themselves and build a path only on failure: a 20 MB comparison holds
 * millions of numbers, and a closure and a string per number would cost seconds.
 */

type Obj = Record<string, unknown>;

export class InvalidData extends Error {
  constructor(
    /** What the data was meant to be, e.g. "comparison file". */
    readonly kind: string,
    /** Where in it the first problem is, e.g. "variants[1].speed[3].usage"; '' for the whole. */
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path === '' ? '' : `${path}: `}${problem}`);
    this.name = 'InvalidData';
  }
}

/** Generous ceilings that no real recording reaches: they only refuse the absurd. */
export const LIMITS = {
  /** A day, in milliseconds and in seconds: no load, reply or step takes longer. */
  dayMs: 86_400_000,
  dayS: 86_400,
  /** Tokens per second: no GPU decodes or prefills a million a second. */
  tokPerS: 1_000_000,
  /** Token ids: vocabularies stay well below this. */
  tokenId: 16_777_216,
  /** Log-probabilities are clamped by the recorder at about -1e4; below -1e6 is not a recording. */
  logprobFloor: -1_000_000,
  /** Short identifiers and names. */
  name: 500,
  /** Prompts, notes and other prose. */
  text: 200_000,
  /** A reply's text. */
  reply: 2_000_000,
} as const;

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v);

export class Reader {
  constructor(readonly kind: string) {}

  fail(path: string, problem: string): never {
    throw new InvalidData(this.kind, path, problem);
  }

  obj(v: unknown, path: string): Obj {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, `should be an object, is ${describe(v)}`);
    return v as Obj;
  }

  str(v: unknown, path: string, max: number = LIMITS.name): string {
    if (typeof v !== 'string') return this.fail(path, `should be text, is ${describe(v)}`);
    if (v.length > max) this.fail(path, `is ${v.length} characters long; at most ${max} are read`);
    return v;
  }

  optStr(v: unknown, path: string, max: number = LIMITS.name): string | undefined {
    return v === undefined ? undefined : this.str(v, path, max);
  }

  bool(v: unknown, path: string): boolean {
    if (typeof v !== 'boolean') this.fail(path, `should be true or false, is ${describe(v)}`);
    return v as boolean;
  }

  num(v: unknown, path: string, min: number, max: number): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(path, `should be a number, is ${describe(v)}`);
    if (v < min || v > max) this.fail(path, `${v} is outside ${min}…${max}`);
    return v;
  }

  int(v: unknown, path: string, min: number, max: number): number {
    const n = this.num(v, path, min, max);
    if (!Number.isInteger(n)) this.fail(path, `${n} should be a whole number`);
    return n;
  }

  nullable<T>(v: unknown, read: (v: unknown) => T): T | null {
    return v === null || v === undefined ? null : read(v);
  }

  oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T {
    if (!options.includes(v as T)) this.fail(path, `should be one of ${options.map((o) => `"${o}"`).join(', ')}, is ${typeof v === 'string' ? `"${v.slice(0, 40)}"` : describe(v)}`);
    return v as T;
  }

  /** A date as JSON writes one (toISOString), or any string Date can read. */
  date(v: unknown, path: string): string {
    const s = this.str(v, path, 64);
    if (Number.isNaN(Date.parse(s))) this.fail(path, `"${s}" is not a date`);
    return s;
  }

  arr(v: unknown, path: string, maxLength: number, minLength = 0): unknown[] {
    if (!Array.isArray(v)) return this.fail(path, `should be a list, is ${describe(v)}`);
    if (v.length < minLength) this.fail(path, `has ${v.length} entries; at least ${minLength} are needed`);
    if (v.length > maxLength) this.fail(path, `has ${v.length} entries; at most ${maxLength} are read`);
    return v;
  }

  /** Each entry read by `read(entry, its path)`, into a new array. */
  list<T>(v: unknown, path: string, maxLength: number, read: (entry: unknown, path: string) => T, minLength = 0): T[] {
    return this.arr(v, path, maxLength, minLength).map((e, i) => read(e, `${path}[${i}]`));
  }

  /** Whole numbers in min…max (token ids). */
  ints(v: unknown, path: string, maxLength: number, min: number, max: number): number[] {
    const a = this.arr(v, path, maxLength);
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) this.fail(`${path}[${i}]`, `should be a whole number in ${min}…${max}, is ${String(x).slice(0, 40)}`);
    }
    return (a as number[]).slice();
  }

  /** Log-probabilities: finite, ≤ 0 (a rounding hair above is allowed), above the floor. */
  logprobs(v: unknown, path: string, maxLength: number): number[] {
    const a = this.arr(v, path, maxLength);
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (typeof x !== 'number' || !(x <= 1e-9 && x >= LIMITS.logprobFloor)) this.fail(`${path}[${i}]`, `should be a log-probability (≤ 0), is ${String(x).slice(0, 40)}`);
    }
    return (a as number[]).slice();
  }
}

/** Runs a validator and keeps its verdict as data, for callers that show the problem rather than throw. */
export function attempt<T>(read: () => T): { ok: true; value: T } | { ok: false; error: InvalidData } {
  try {
    return { ok: true, value: read() };
  } catch (err) {
    if (err instanceof InvalidData) return { ok: false, error: err };
    throw err;
  }
}

/** One line for a refused file: which kind of file, where, and what is wrong. */
export function problemLine(err: unknown): string {
  if (err instanceof InvalidData) return `Not a readable ${err.kind}: ${err.message}`;
  if (err instanceof SyntaxError) return `Not JSON: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
