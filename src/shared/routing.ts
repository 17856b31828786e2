/**
 * Router choices of a mixture-of-experts build that exposes them: graph outputs named
 * `router_indices.<layer>` ([batch, sequence, k] expert indices), as the tiny Qwen3-MoE's builds have.
 * The worker reads them at each step and sends them with the streamed text; the UI counts them.
 */
export interface RoutingShape {
  layers: number;
  experts: number;
  /** Experts each token runs through in each layer (the router's top-k). */
  perToken: number;
}

/** The routing of some consecutive reply tokens: token-major, then layer, then the k choices. */
export interface RoutingBatch extends RoutingShape {
  ids: number[];
}

export const routerIndicesOutput = (layer: number) => `router_indices.${layer}`;
export const routerWeightsOutput = (layer: number) => `router_weights.${layer}`;

/** Tokens a batch holds. */
export const routedTokens = (b: RoutingBatch) => b.ids.length / (b.layers * b.perToken);

/** `more` after `into` (same shape), as one batch; `into` may be null. */
export function joinRouting(into: RoutingBatch | null, more: RoutingBatch): RoutingBatch {
  if (!into) return { ...more, ids: [...more.ids] };
  into.ids.push(...more.ids);
  return into;
}
