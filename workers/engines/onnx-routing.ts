/**
 * Reads the router's choices from a build that outputs them (see src/shared/routing.ts): the
 * model's forward is wrapped, and after each step the last position's choices in every layer are
 * kept until the token that step chose is handed over. Builds without those outputs: no tap.
 */
import type { PreTrainedModel, Tensor } from '@huggingface/transformers';
import { routerIndicesOutput, type RoutingShape } from '../../src/shared/routing';

type Forward = (inputs: Record<string, unknown>) => Promise<Record<string, Tensor | undefined>>;

/** Output names of the model's decoder session (transformers.js keeps its sessions by role). */
function outputNames(model: PreTrainedModel): string[] {
  const sessions = (model as unknown as { sessions?: Record<string, { outputNames?: string[] }> }).sessions;
  return sessions?.model?.outputNames ?? [];
}

export class RouterTap {
  private last: number[] | null = null;

  private constructor(
    readonly shape: RoutingShape,
    model: PreTrainedModel,
  ) {
    const target = model as unknown as { forward: Forward };
    const forward = target.forward.bind(model);
    target.forward = async (inputs) => {
      const out = await forward(inputs);
      this.read(out);
      return out;
    };
  }

  /** A tap on `model` when its graph outputs every layer's router indices; else null. */
  static attach(model: PreTrainedModel, config: Record<string, unknown>): RouterTap | null {
    const names = new Set(outputNames(model));
    let layers = 0;
    while (names.has(routerIndicesOutput(layers))) layers++;
    const experts = Number(config.num_experts ?? config.num_local_experts ?? 0);
    const perToken = Number(config.num_experts_per_tok ?? 0);
    if (layers === 0 || !(experts > 0) || !(perToken > 0)) return null;
    return new RouterTap({ layers, experts, perToken }, model);
  }

  private read(out: Record<string, Tensor | undefined>): void {
    const { layers, perToken } = this.shape;
    const ids: number[] = [];
    for (let l = 0; l < layers; l++) {
      const t = out[routerIndicesOutput(l)];
      const sequence = Number(t?.dims.at(-2) ?? 0);
      if (!t || sequence === 0) {
        this.last = null;
        return;
      }
      // The last position: the one whose logits choose the next token.
      const data = t.data as ArrayLike<number | bigint>;
      const from = (sequence - 1) * perToken;
      for (let j = 0; j < perToken; j++) ids.push(Number(data[from + j]));
    }
    this.last = ids;
  }

  /** The choices of the step that chose the token now handed over (layers × k), once. */
  take(): number[] | null {
    const ids = this.last;
    this.last = null;
    return ids;
  }
}
