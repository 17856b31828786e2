import { BIG_MODELS } from '../../lib/big-models';
import { project } from '../../lib/fit';
import { format } from '../../lib/projection';
import { useStore } from '../../store/store';
import { fmt } from '../metrics/Figure';
import { HardwarePicker } from '../moe/HardwarePicker';
import { useProjectionBasis } from '../moe/useProjectionBasis';
import { ScatterChart, projectionPoints } from '../moe/ScatterChart';
import { SourceBadge } from '../SourceBadge';
import { ReferencePoints } from '../moe/ReferencePoints';
import { StageOffload } from './StageOffload';

const TARGET = 'Qwen3-30B-A3B';
/** Whole numbers, except below 10 tok/s (a software adapter's), where they would round to nothing. */
const speed = (n: number) => fmt(n, n < 10 ? 1 : 0);
const FORMAT = format('Q4_K_M');

/**
 * The argument of the app, computed from this run: the speed measured here calibrates the
 * bandwidth, which projects what a mixture-of-experts Qwen would do on this GPU.
 */
export function StageClaim() {
  const fallback = useStore((s) => s.fallback);
  const basis = useProjectionBasis();
  const reply = useStore((s) => s.lastReply);
  const model = useStore((s) => s.loadedId);
  const rows = project(FORMAT, basis.memoryGB, basis.bandwidth);
  const target = rows.find((r) => r.model.name === TARGET)!;
  const tps = reply?.engine?.extra.decode_tokens_per_s ?? reply?.app.extra.decode_tokens_per_s ?? null;
  const where = basis.hardware && basis.memoryFromDatasheet ? `in the ${basis.hardware.name}'s ${basis.hardware.memoryGB} GB` : basis.memoryGB ? `in ${basis.memoryGB} GB` : '';
  const fits = target.fits === null ? 'enter its GPU memory below to see whether it fits' : target.fits ? `it fits ${where}` : `it does not fit ${where}`;
  const decode = target.decode!;
  return (
    <section className="stage-claim" aria-label="The mixture-of-experts argument" data-testid="stage-claim">
      <p className="stage-sentence" data-testid="stage-claim-sentence">
        {basis.bandwidth.kind === 'live-run' && tps !== null ? (
          <>
            {basis.provenance === 'replayed' ? (fallback ? 'The rehearsal' : 'The replayed run') : 'This GPU'}: {model} at {speed(tps)} tok/s{' '}
            <SourceBadge source={basis.provenance} /> →{' '}
          </>
        ) : basis.bandwidth.kind === 'probe' ? (
          <>
            This GPU (bandwidth probe) <SourceBadge source="measured" /> →{' '}
          </>
        ) : (
          <>
            On {basis.who}
            {basis.example ? ', the published case' : ''} (datasheet) <SourceBadge source="published" />,{' '}
          </>
        )}
        {TARGET} would decode at about {speed(decode.low)}–{speed(decode.high)} tok/s and needs {fmt(target.needGB, 0)} GB: {fits}{' '}
        <SourceBadge source="projected" />
      </p>
      <StageOffload />
      {basis.example && (
        <p className="stage-note" data-testid="stage-claim-example">
          An example GPU until this one is measured: send a message, or pick the GPU here.
        </p>
      )}
      <div className="stage-hw">
        <HardwarePicker testId="stage-hw-select" short />
      </div>
      <ScatterChart points={projectionPoints(rows, TARGET)} limitX={basis.memoryGB} limitLabel={basis.memoryGB ? `${basis.memoryGB} GB` : ''} fontSize={20} aspect={0.45} minHeight={300} />
      <p className="stage-note">{BIG_MODELS.length} Qwen models at 4-bit (GGUF Q4_K_M); MoE models read only their active experts per token.</p>
      <ReferencePoints stage />
    </section>
  );
}
