/**
 * The pieces that join transformers.js's generate() to the engine's stream: a streamer that stamps
 * each token as it arrives, a queue the stream reads them from, and a logits processor that lets
 * the comparison's StepRecorder see (and force) every step.
 */
import { LogitsProcessor, TextStreamer, type PreTrainedTokenizer, type Tensor } from '@huggingface/transformers';
import type { StepRecorder } from '../step-recorder';

export interface StampedToken {
  id: number;
  /** performance.now() when generate() handed the token over. */
  at: number;
  /** The router's choices of the step that chose it (layers × k), when the build outputs them. */
  route: number[] | null;
}

/** Tokens from generate(), read by one async loop; ends when generation ends, throws if it failed. */
export class TokenQueue implements AsyncIterable<StampedToken> {
  private items: StampedToken[] = [];
  private all: number[] = [];
  private ended = false;
  private failure: unknown = null;
  private wake: (() => void) | null = null;

  push(id: number, route: number[] | null = null): void {
    this.items.push({ id, at: performance.now(), route });
    this.all.push(id);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  fail(err: unknown): void {
    this.failure = err ?? new Error('generation failed');
    this.end();
  }

  /** Every token pushed so far. */
  taken(): number[] {
    return this.all;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<StampedToken> {
    for (;;) {
      const next = this.items.shift();
      if (next) {
        yield next;
        continue;
      }
      if (this.ended) {
        if (this.failure !== null) throw this.failure;
        return;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/** generate()'s streamer: the first put is the prompt, each later one the token just chosen. A
 * TextStreamer by type only (generate's parameters name that class): it decodes nothing itself. */
export class TokenTap extends TextStreamer {
  private prompt = true;

  constructor(
    tokenizer: PreTrainedTokenizer,
    private readonly queue: TokenQueue,
    private readonly onToken: (id: number) => void = () => {},
    private readonly route: () => number[] | null = () => null,
  ) {
    super(tokenizer);
  }

  override put(value: bigint[][]): void {
    if (this.prompt) {
      this.prompt = false;
      return;
    }
    const id = value[0]?.[0];
    if (id === undefined) return;
    this.onToken(Number(id));
    this.queue.push(Number(id), this.route());
  }

  override end(): void {}
}

/** Hands each step's logits to a StepRecorder, writing back what it returns (a forced step). */
export class StepProcessor extends LogitsProcessor {
  constructor(private readonly recorder: StepRecorder) {
    super();
  }

  override _call(_inputIds: bigint[][], logits: Tensor): Tensor {
    const data = logits.data as Float32Array;
    const out = this.recorder.processLogits(data);
    if (out !== data) data.set(out);
    return logits;
  }
}
