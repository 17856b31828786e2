import { customArchitecture } from '../../lib/custom-model';
import { projectDecode } from '../../lib/projection';
import { parseQuant } from '../../lib/quant';
import { activeParameterCount, parameterCount } from '../../lib/vram';
import { useStore } from '../../store/store';
import { fmt } from '../metrics/Figure';
import { SourceBadge } from '../SourceBadge';

/**
 * A mixture-of-experts build the user added and ran here: its measured decode speed beside the speed
 * projected for it. The projection uses the bandwidth probe, never the run itself (that would only
 * give back the measured figure).
 */
export function CustomMoeMeasured() {
  const reply = useStore((s) => s.lastReply);
  const runModel = useStore((s) => (s.lastReply ? s.runs.find((r) => r.id === s.lastReply!.runId)?.modelId : undefined));
  const custom = useStore((s) => s.prefs.customModels.find((c) => c.id === runModel));
  const probe = useStore((s) => s.bandwidth.result?.gbPerSecond ?? null);
  const arch = custom ? customArchitecture(custom) : null;
  const quant = custom ? parseQuant(custom.quant) : null;
  if (!reply || reply.source !== 'measured' || !custom || !arch?.moe || !quant) return null;
  const tps = reply.engine?.extra.decode_tokens_per_s ?? reply.app.extra.decode_tokens_per_s;
  const context = (reply.engine?.prompt_tokens ?? reply.app.prompt_tokens) + reply.app.completion_tokens;
  const projected = probe === null ? null : projectDecode({ kind: 'probe', gbPerSecond: probe }, arch, { ...quant, id: quant.code }, context);
  return (
    <p className="custom-moe" data-testid="custom-moe-measured">
      <strong>{custom.id}</strong> (mixture of experts: {fmt(parameterCount(arch) / 1e9, 1)} B parameters held, {fmt(activeParameterCount(arch) / 1e9, 1)} B
      read per token) decoded here at {fmt(tps, 1)} tok/s <SourceBadge source="measured" />
      {projected ? (
        <>
          ; the bandwidth probe projects {fmt(projected.low, 0)}–{fmt(projected.high, 0)} tok/s for it <SourceBadge source="projected" />.
        </>
      ) : (
        '. Measure the bandwidth to set a projection beside it.'
      )}
    </p>
  );
}
