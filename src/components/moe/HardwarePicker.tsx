import { setGpuMemoryGB, setHardware } from '../../actions/gpu-memory-actions';
import { HARDWARE } from '../../lib/hardware';
import { THIS_MACHINE } from '../../lib/projection-basis';
import { useStore } from '../../store/store';

/** The GPU memory the user knows their card has (WebGPU does not say it). */
export function GpuMemoryInput({ testId, label = 'Your GPU memory (GB)' }: { testId: string; label?: string }) {
  const gpuGB = useStore((s) => s.prefs.gpuMemoryGB);
  return (
    <label className="inline">
      {label}
      <input
        type="number"
        min={0}
        step={1}
        value={gpuGB ?? ''}
        placeholder="unknown"
        data-testid={testId}
        onChange={(e) => setGpuMemoryGB(e.target.value === '' ? null : Number(e.target.value))}
      />
    </label>
  );
}

/**
 * The hardware every projection stands on: one shared setting, so a GPU picked in the chat's MoE
 * section is the one the stage projects for, and back. "This machine" asks for its memory beside it.
 */
export function HardwarePicker({ testId, short = false }: { testId: string; short?: boolean }) {
  const pick = useStore((s) => s.prefs.hardware);
  const ownMemory = useStore((s) => s.prefs.gpuMemoryGB);
  return (
    <>
      <label>
        Hardware
        <select value={pick} onChange={(e) => setHardware(e.target.value)} data-testid={testId}>
          <option value={THIS_MACHINE}>This machine{ownMemory ? ` (${ownMemory} GB)` : ''}</option>
          {HARDWARE.map((h) => (
            <option key={h.id} value={h.id}>
              {short ? `${h.name} · ${h.memoryGB} GB` : `${h.name} · ${h.memoryGB} GB · ${h.bandwidthGBs} GB/s`}
            </option>
          ))}
        </select>
      </label>
      {pick === THIS_MACHINE && <GpuMemoryInput testId={`${testId}-memory`} label="Its GPU memory (GB)" />}
    </>
  );
}
