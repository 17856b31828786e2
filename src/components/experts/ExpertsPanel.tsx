import { Panel } from '../Panel';
import { useEstimate } from '../metrics/MemoryPanel';
import { ExpertMap } from './ExpertMap';

/** The chat's panel of the experts at work: only for a mixture-of-experts model. */
export function ExpertsPanel() {
  const { arch } = useEstimate();
  if (!arch?.moe) return null;
  return (
    <Panel name="experts" label="Experts at work" heading="Experts at work" testId="experts-panel">
      <ExpertMap />
    </Panel>
  );
}
