import { offloadSetup, type OffloadSetup } from '../../lib/offload-setup';
import { useStore } from '../../store/store';
import { useProjectionBasis } from './useProjectionBasis';

/** The machine the experts-in-RAM projection is for: the saved settings, the picked GPU's datasheet, this GPU's probe. */
export function useOffloadSetup(): OffloadSetup {
  const prefs = useStore((s) => s.prefs.offload);
  const probeGBs = useStore((s) => s.bandwidth.result?.gbPerSecond ?? null);
  const basis = useProjectionBasis();
  const hw = basis.example ? null : basis.hardware;
  return offloadSetup(prefs, { datasheet: hw ? { name: hw.name, gbs: hw.bandwidthGBs } : null, probeGBs });
}
