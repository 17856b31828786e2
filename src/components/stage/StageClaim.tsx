import { BIG_MODELS } from '../../lib/big-models';
import { project } from '../../lib/fit';
import { format } from '../../lib/projection';
import { useStore } from '../../store/store';
import { fmt } from '../metrics/Figure';
import { useOwnBandwidth } from '../moe/useBandwidthSource';
import { ScatterChart, projectionPoints } from '../moe/ScatterChart';
import { SourceBadge } from '../SourceBadge';
import { ReferencePoints } from '../moe/ReferencePoints';

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
  const own = useOwnBandwidth(fallback);
  const memoryGB = useStore((s) => s.prefs.gpuMemoryGB);
  const reply = useStore((s) => s.lastReply);
  const model = useStore((s) => s.loadedId);
  const rows = project(FORMAT, memoryGB, own);
  const target = rows.find((r) => r.model.name === TARGET)!;
  const tps = reply?.engine?.extra.decode_tokens_per_s ?? reply?.app.extra.decode_tokens_per_s ?? null;
  const measured = own?.kind === 'live-run';
  const fits = target.fits === null ? 'enter your GPU memory to see whether it fits' : target.fits ? 'it fits' : 'it does not fit';
  return (
    <section className="stage-claim" aria-label="The mixture-of-experts argument" data-testid="stage-claim">
      <p className="stage-sentence">
        {measured && tps !== null ? (
          <>
            {fallback ? 'The rehearsal' : 'This GPU'}: {model} at {speed(tps)} tok/s <SourceBadge source={fallback ? 'replayed' : 'measured'} /> →{' '}
          </>
        ) : own ? (
          <>This GPU ({own.kind === 'probe' ? 'bandwidth probe' : own.kind}) → </>
        ) : (
          <>{fallback ? 'Once a rehearsed reply has played, its speed projects: ' : 'Chat with the live engine (or measure the bandwidth) to project: '}</>
        )}
        {TARGET} {target.decode ? `would decode at about ${speed(target.decode.low)}–${speed(target.decode.high)} tok/s` : 'would decode at a speed still unknown'} and needs{' '}
        {fmt(target.needGB, 0)} GB: {fits} <SourceBadge source="projected" />
      </p>
      {target.decode && (
        <ScatterChart
          points={projectionPoints(rows, TARGET)}
          limitX={memoryGB}
          limitLabel={memoryGB ? `${memoryGB} GB` : ''}
          fontSize={21}
          width={840}
          height={420}
        />
      )}
      <p className="stage-note">{BIG_MODELS.length} Qwen models at 4-bit (GGUF Q4_K_M); MoE models read only their active experts per token.</p>
      <ReferencePoints stage />
    </section>
  );
}
