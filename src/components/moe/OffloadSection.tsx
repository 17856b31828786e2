import { measureRam, setOffload } from '../../actions/offload-actions';
import { OFFLOAD_MODELS, offloadRows } from '../../lib/hw-table';
import { GPU_SIZES, RAM_KINDS } from '../../lib/offload-setup';
import { format } from '../../lib/projection';
import { useStore } from '../../store/store';
import { SourceBadge } from '../SourceBadge';
import { OffloadChecks } from './OffloadChecks';
import { HeadRow } from '../HeadRow';
import { useOffloadSetup } from './useOffloadSetup';

/**
 * Big MoE models on an 8–16 GB card with their experts in system RAM, as llama.cpp's --n-cpu-moe and
 * LM Studio run them: per model, which layers' experts stay on the GPU, the memory on each side,
 * the ceiling and the expected speed (src/lib/offload.ts), for the user's GPU and RAM.
 */
export function OffloadSection() {
  const prefs = useStore((s) => s.prefs.offload);
  const probing = useStore((s) => s.ramProbe === 'running');
  const setup = useOffloadSetup();
  const { machine } = setup;
  const rows = offloadRows(machine, format('Q4_K_M'));
  const custom = !(GPU_SIZES as readonly number[]).includes(prefs.gpuGB);
  const lead = rows.find((r) => r.model === 'Qwen3.6-35B-A3B')!;
  return (
    <section className="offload" aria-labelledby="offload-heading" data-testid="offload">
      <h3 id="offload-heading">
        Experts in system memory <SourceBadge source="projected" />
      </h3>
      <p className="muted">
        How people run big MoE models on 8–16 GB cards: attention and shared weights on the GPU, the experts of as many layers as fit beside them,
        the rest in system RAM, computed by the CPU (llama.cpp’s <code>--n-cpu-moe</code>, LM Studio’s “force expert weights onto CPU”).
      </p>
      <div className="big-controls">
        <label>
          GPU memory
          <select value={custom ? 'other' : String(prefs.gpuGB)} onChange={(e) => e.target.value !== 'other' && setOffload({ gpuGB: Number(e.target.value) })} data-testid="offload-gpu">
            {GPU_SIZES.map((g) => (
              <option key={g} value={g}>
                {g} GB
              </option>
            ))}
            <option value="other">{custom ? `${prefs.gpuGB} GB (typed)` : 'Other…'}</option>
          </select>
        </label>
        <label>
          or type it (GB)
          <input type="number" min={1} step={1} value={prefs.gpuGB} onChange={(e) => Number(e.target.value) > 0 && setOffload({ gpuGB: Number(e.target.value) })} data-testid="offload-gpu-gb" />
        </label>
        <label>
          GPU bandwidth (GB/s)
          <input
            type="number"
            min={1}
            step={1}
            value={prefs.gpuGBs ?? ''}
            placeholder={String(Math.round(machine.gpuGBs))}
            onChange={(e) => setOffload({ gpuGBs: e.target.value === '' || !(Number(e.target.value) > 0) ? null : Number(e.target.value) })}
            data-testid="offload-gpu-gbps"
          />
        </label>
        <label>
          System RAM
          <select value={prefs.ram} onChange={(e) => setOffload({ ram: e.target.value })} data-testid="offload-ram">
            {RAM_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label} · {Math.round(k.gbs)} GB/s
              </option>
            ))}
            {prefs.measuredRamGBs !== null && <option value="measured">Measured here · ≥ {prefs.measuredRamGBs} GB/s</option>}
          </select>
        </label>
        <button type="button" onClick={() => void measureRam()} disabled={probing} data-testid="offload-measure-ram">
          {probing ? 'Measuring…' : 'Measure this machine’s RAM'}
        </button>
      </div>
      <p className="muted small" data-testid="offload-basis">
        GPU: {machine.gpuGB} GB, {Math.round(machine.gpuGBs)} GB/s ({setup.gpuFrom}). RAM: {Math.round(machine.ramGBs)} GB/s, {setup.ramFrom}. 4-bit (Q4_K_M), 4,096 tokens of
        context.
      </p>
      <p className="answer" data-testid="offload-answer">
        {lead.fits
          ? `Qwen3.6-35B-A3B on this ${machine.gpuGB} GB card with ${setup.ramWords}: ≈ ${Math.round(lead.tok_s)} tok/s expected (ceiling ${Math.round(lead.ceiling_tok_s)}), the experts of ${lead.cpu_expert_layers} of its ${lead.layers} layers in RAM.`
          : `Qwen3.6-35B-A3B does not fit a ${machine.gpuGB} GB card even with every expert in RAM.`}
      </p>
      <table className="big-table" data-testid="offload-table" tabIndex={0} aria-label="Experts in system memory, per model">
        <HeadRow columns={['model', 'experts in RAM', 'VRAM', 'RAM', 'ceiling', 'expected']} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.model} data-model={r.model}>
              <th scope="row">{r.model}</th>
              <td>
                {r.cpu_expert_layers} of {r.layers} layers
              </td>
              <td>{r.vram_gb.toFixed(1)} GB</td>
              <td>{r.ram_gb.toFixed(1)} GB</td>
              <td>{r.fits ? `${r.ceiling_tok_s.toFixed(0)} tok/s` : '–'}</td>
              <td>{r.fits ? `≈ ${r.tok_s.toFixed(0)} tok/s` : 'does not fit'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <OffloadChecks />
      <p className="muted small">
        Models: {OFFLOAD_MODELS.join(', ')}. Same figures from the command line: <code>npm run hw -- --offload --gpu-gb {machine.gpuGB} --gpu-gbps {Math.round(machine.gpuGBs)} --ram-gbps {Math.round(machine.ramGBs)}</code>.
      </p>
    </section>
  );
}
