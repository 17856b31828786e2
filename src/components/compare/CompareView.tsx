import { dismissComparisonError } from '../../actions/compare-actions';
import { ErrorNotice } from '../ErrorNotice';
import { useStore } from '../../store/store';
import { CompareProgress } from './CompareProgress';
import { CompareResults } from './CompareResults';
import { CompareSetup } from './CompareSetup';

/** Quantization levels of one model side by side: setup, progress, results. */
export function CompareView() {
  const error = useStore((s) => s.compare.error);
  return (
    <main className="compare-layout" data-testid="compare-view">
      <CompareSetup />
      <div className="compare-main">
        {error && <ErrorNotice error={error} onDismiss={dismissComparisonError} />}
        <CompareProgress />
        <CompareResults />
      </div>
    </main>
  );
}
