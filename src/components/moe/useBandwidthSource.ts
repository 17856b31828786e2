import { architectureOfModel, variantOf } from '../../catalog-data';
import { calibrateBandwidth, type BandwidthSource } from '../../lib/projection';
import { useStore } from '../../store/store';

/**
 * The user's own bandwidth: calibrated from the last *measured* reply when there is one
 * (replayed runs are not this machine), else the bandwidth probe, else nothing. The stage's fallback
 * passes `rehearsal`: its replayed reply is the rehearsal machine's, and is labelled so there.
 */
export function useOwnBandwidth(rehearsal = false): BandwidthSource | null {
  const reply = useStore((s) => s.lastReply);
  const probe = useStore((s) => s.bandwidth.result?.gbPerSecond ?? null);
  const runModel = useStore((s) => (s.lastReply ? s.runs.find((r) => r.id === s.lastReply!.runId)?.modelId : undefined));
  const found = variantOf(runModel ?? null);
  const arch = architectureOfModel(runModel ?? null);
  if (reply && (reply.source === 'measured' || rehearsal) && found && arch) {
    const tps = reply.engine?.extra.decode_tokens_per_s ?? reply.app.extra.decode_tokens_per_s;
    const context = (reply.engine?.prompt_tokens ?? reply.app.prompt_tokens) + reply.app.completion_tokens;
    if (tps > 0) return { kind: 'live-run', gbPerSecond: calibrateBandwidth(tps, arch, found.variant.quant, context), modelName: found.variant.modelId };
  }
  return probe !== null ? { kind: 'probe', gbPerSecond: probe } : null;
}
