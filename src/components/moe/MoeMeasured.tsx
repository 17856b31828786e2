import { architectureOfModel, customModelOf, variantOf } from '../../catalog-data';
import { projectDecode } from '../../lib/projection';
import { parseOnnxQuant, parseQuant } from '../../lib/quant';
import { activeParameterCount, parameterCount } from '../../lib/vram';
import { useStore } from '../../store/store';
import { fmt } from '../metrics/Figure';
import { SourceBadge } from '../SourceBadge';

/** Parameters as a reader takes them in: billions, or millions for a test model. */
const params = (n: number) => (n >= 1e8 ? `${fmt(n / 1e9, 1)} B` : `${fmt(n / 1e6, 1)} M`);

/**
 * A mixture-of-experts model run here (a catalog MoE, or one the user added): its measured decode
 * speed beside the speed projected for it on this GPU, and their ratio — the projection checked live.
 * The projection uses the bandwidth probe, never the run itself (that would only give back the
 * measured figure).
 */
export function MoeMeasured() {
  const reply = useStore((s) => s.lastReply);
  const modelId = useStore((s) => (s.lastReply ? (s.runs.find((r) => r.id === s.lastReply!.runId)?.modelId ?? null) : null));
  const probe = useStore((s) => s.bandwidth.result?.gbPerSecond ?? null);
  const arch = architectureOfModel(modelId);
  const custom = customModelOf(modelId);
  const quant = custom ? (custom.engine === 'onnx' ? parseOnnxQuant(custom.quant) : parseQuant(custom.quant)) : (variantOf(modelId)?.variant.quant ?? null);
  if (!reply || reply.source !== 'measured' || !modelId || !arch?.moe || !quant) return null;
  const tps = reply.engine?.extra.decode_tokens_per_s ?? reply.app.extra.decode_tokens_per_s;
  const context = (reply.engine?.prompt_tokens ?? reply.app.prompt_tokens) + reply.app.completion_tokens;
  const projected = probe === null ? null : projectDecode({ kind: 'probe', gbPerSecond: probe }, arch, { ...quant, id: quant.code }, context);
  const mid = projected ? (projected.low + projected.high) / 2 : null;
  return (
    <p className="custom-moe" data-testid="moe-measured">
      <strong>{modelId}</strong> (mixture of experts: {params(parameterCount(arch))} parameters held, {params(activeParameterCount(arch))} read per
      token) decoded here at {fmt(tps, 1)} tok/s{' '}
      <SourceBadge source="measured" />
      {projected && mid ? (
        <>
          ; the bandwidth probe projects {fmt(projected.low, 0)}–{fmt(projected.high, 0)} tok/s for it <SourceBadge source="projected" />:{' '}
          <span data-testid="moe-measured-ratio">measured ÷ projected = {fmt(tps / mid, 2)}</span>.
        </>
      ) : (
        '. Measure the bandwidth (GPU panel) to set a projection beside it.'
      )}
    </p>
  );
}
