import { bigModel } from '../../lib/big-models';
import { offloadLayout } from '../../lib/offload';
import { format } from '../../lib/projection';
import { useStore } from '../../store/store';
import { useOffloadSetup } from '../moe/useOffloadSetup';
import { useProjectionBasis } from '../moe/useProjectionBasis';
import { SourceBadge } from '../SourceBadge';

const MODEL = 'Qwen3.6-35B-A3B';
/** "an 8 GB", "a 16 GB": said as the number sounds. */
const sized = (gb: number) => `${/^(8|11|18|8\d)(\.|$)/.test(String(gb)) ? 'an' : 'a'} ${gb} GB`;

/** The big MoE on the presenter's own card, its experts partly in system RAM (the chat's offload settings). */
export function StageOffload() {
  const setup = useOffloadSetup();
  const basis = useProjectionBasis();
  const typedGB = useStore((s) => s.prefs.gpuMemoryGB);
  // The card the projections stand on: the picked GPU, else the memory typed for this one, else the offload setting.
  const gpuGB = basis.hardware && !basis.example ? basis.hardware.memoryGB : (typedGB ?? setup.machine.gpuGB);
  const card = basis.hardware && !basis.example ? `the ${basis.hardware.name}` : typedGB !== null ? `this ${gpuGB} GB card` : `${sized(gpuGB)} card`;
  const r = offloadLayout(bigModel(MODEL)!.arch, format('Q4_K_M'), { ...setup.machine, gpuGB });
  return (
    <p className="stage-sentence" data-testid="stage-offload">
      {!r.fits
        ? `${MODEL} does not fit ${card}, even with its experts in RAM.`
        : r.cpuExpertLayers === 0
          ? `${MODEL} fits ${card} whole: ≈ ${Math.round(r.tps)} tok/s.`
          : `${MODEL} on ${card} with ${setup.ramWords}: ≈ ${Math.round(r.tps)} tok/s, the experts of ${r.cpuExpertLayers} of ${r.layers} layers in RAM.`}{' '}
      <SourceBadge source="projected" />
    </p>
  );
}
