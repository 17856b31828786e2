import { architectureOfModel, variantOf } from '../../catalog-data';
import { projectionBasis, type Basis, type ReplyBandwidth } from '../../lib/projection-basis';
import { calibrateBandwidth } from '../../lib/projection';
import { readShare } from '../../lib/expert-usage';
import { kvBytesPerToken } from '../../lib/vram';
import { useStore } from '../../store/store';
import type { AppState } from '../../store/types';

/**
 * The last reply of a catalog model as a bandwidth: measured here, or replayed (replay mode, the
 * stage's rehearsal), which the basis labels as such. Imported runs are someone else's machine: never.
 */
function replyBandwidth(s: AppState): ReplyBandwidth | null {
  const reply = s.lastReply;
  if (!reply || (reply.source !== 'measured' && reply.source !== 'replayed')) return null;
  const modelId = s.runs.find((r) => r.id === reply.runId)?.modelId ?? null;
  const found = variantOf(modelId);
  const arch = architectureOfModel(modelId);
  const tps = reply.engine?.extra.decode_tokens_per_s ?? reply.app.extra.decode_tokens_per_s;
  if (!found || !arch || !(tps > 0)) return null;
  const context = (reply.engine?.prompt_tokens ?? reply.app.prompt_tokens) + reply.app.completion_tokens;
  // An MoE whose routing was counted in this reply: the weights its tokens read, measured, not the config's.
  const routed = s.expertSummary?.runId === reply.runId ? s.expertSummary : null;
  const share = routed ? readShare(arch, routed.meanDistinct, found.variant.quant.bitsPerWeight) : null;
  if (share) {
    const perToken = share.bytes.total + kvBytesPerToken(arch, found.variant.quant) * context;
    return { gbPerSecond: (tps * perToken) / 1e9, modelName: found.variant.modelId, source: reply.source, bytesMeasured: true };
  }
  return { gbPerSecond: calibrateBandwidth(tps, arch, found.variant.quant, context), modelName: found.variant.modelId, source: reply.source };
}

/** The one basis of every projection on screen, from the shared hardware setting. */
export function useProjectionBasis(): Basis {
  const pick = useStore((s) => s.prefs.hardware);
  const memoryGB = useStore((s) => s.prefs.gpuMemoryGB);
  const probeGBs = useStore((s) => s.bandwidth.result?.gbPerSecond ?? null);
  // Primitive selections: a new object per render would re-render on every store change.
  const gbPerSecond = useStore((s) => replyBandwidth(s)?.gbPerSecond ?? null);
  const modelName = useStore((s) => replyBandwidth(s)?.modelName ?? null);
  const source = useStore((s) => replyBandwidth(s)?.source ?? null);
  const bytesMeasured = useStore((s) => replyBandwidth(s)?.bytesMeasured ?? false);
  const reply = gbPerSecond !== null && modelName !== null && source !== null ? { gbPerSecond, modelName, source, bytesMeasured } : null;
  return projectionBasis(pick, { reply, probeGBs, memoryGB });
}
