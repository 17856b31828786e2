/**
 * What a mixture-of-experts model's router did during a reply, counted from its choices token by
 * token: how often each expert of each layer ran, which ran most recently (for the map's fading),
 * and the share of the weights the tokens actually read, beside what the config's arithmetic says.
 */
import type { Architecture } from './architectures';
import { parameterCount, parametersReadPerToken } from './vram';
import type { RoutingBatch, RoutingShape } from '../shared/routing';

/** How much of a cell's light is left one token later. */
export const FADE_PER_TOKEN = 0.6;

export interface ExpertCell {
  layer: number;
  expert: number;
  /** Share of the reply's tokens that ran through this expert in this layer. */
  share: number;
}

export interface ExpertSummary extends RoutingShape {
  tokens: number;
  /** Tokens per expert, layer-major (counts[layer * experts + expert]); they add up to tokens × layers × perToken. */
  counts: number[];
  /** Distinct experts a token ran through per layer, averaged over tokens and layers. */
  meanDistinct: number;
  least: ExpertCell | null;
  most: ExpertCell | null;
}

export class ExpertTally {
  readonly counts: Uint32Array;
  /** 1 for the experts the latest token used, fading token by token. */
  readonly heat: Float32Array;
  tokens = 0;
  private distinctSum = 0;
  /** Distinct experts per layer of the latest token. */
  lastDistinct: number[] = [];

  constructor(readonly shape: RoutingShape) {
    this.counts = new Uint32Array(shape.layers * shape.experts);
    this.heat = new Float32Array(shape.layers * shape.experts);
  }

  /** Adds a batch's tokens; a batch of another shape is ignored (it is not this model's). */
  add(batch: RoutingBatch): void {
    const { layers, experts, perToken } = this.shape;
    if (batch.layers !== layers || batch.experts !== experts || batch.perToken !== perToken) return;
    const stride = layers * perToken;
    for (let at = 0; at + stride <= batch.ids.length; at += stride) {
      for (let i = 0; i < this.heat.length; i++) this.heat[i]! *= FADE_PER_TOKEN;
      const distinct: number[] = [];
      for (let l = 0; l < layers; l++) {
        const seen = new Set<number>();
        for (let j = 0; j < perToken; j++) {
          const e = batch.ids[at + l * perToken + j]!;
          if (!(e >= 0 && e < experts) || seen.has(e)) continue;
          seen.add(e);
          this.counts[l * experts + e]!++;
          this.heat[l * experts + e] = 1;
        }
        distinct.push(seen.size);
        this.distinctSum += seen.size;
      }
      this.lastDistinct = distinct;
      this.tokens++;
    }
  }

  summary(): ExpertSummary {
    const { layers, experts } = this.shape;
    let least: ExpertCell | null = null;
    let most: ExpertCell | null = null;
    if (this.tokens > 0) {
      this.counts.forEach((c, i) => {
        const cell = { layer: Math.floor(i / experts), expert: i % experts, share: c / this.tokens };
        if (!least || cell.share < least.share) least = cell;
        if (!most || cell.share > most.share) most = cell;
      });
    }
    return {
      ...this.shape,
      tokens: this.tokens,
      counts: Array.from(this.counts),
      meanDistinct: this.tokens > 0 ? this.distinctSum / (this.tokens * layers) : 0,
      least,
      most,
    };
  }
}

/** Weights one token reads, by part, for `expertsPerLayer` distinct experts in each layer. */
export interface ReadShare {
  /** Share of the experts' weights read. */
  expertShare: number;
  /** Share of all weights read (the input embedding's one row not counted). */
  weightShare: number;
  /** Bytes read per token, by part, at `bitsPerWeight`. */
  bytes: { experts: number; head: number; rest: number; total: number };
  /** A dense model of the same size reads every weight (but the input embedding) per token. */
  denseBytes: number;
}

export function readShare(arch: Architecture, expertsPerLayer: number, bitsPerWeight: number): ReadShare | null {
  const moe = arch.moe;
  if (!moe) return null;
  const expertParams = 3 * arch.hidden * moe.intermediate;
  const head = arch.vocab * arch.hidden;
  const configRead = parametersReadPerToken(arch);
  const rest = configRead - head - moe.perToken * arch.layers * expertParams;
  const experts = expertsPerLayer * arch.layers * expertParams;
  const read = rest + head + experts;
  const all = parameterCount(arch);
  const b = bitsPerWeight / 8;
  return {
    expertShare: expertsPerLayer / moe.experts,
    weightShare: read / all,
    bytes: { experts: experts * b, head: head * b, rest: rest * b, total: read * b },
    denseBytes: (all - (arch.tiedEmbeddings ? 0 : head)) * b,
  };
}
