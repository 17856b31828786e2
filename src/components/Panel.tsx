import { useSyncExternalStore, type ReactNode } from 'react';
import { togglePanel } from '../actions/settings-actions';
import { useStore } from '../store/store';
import type { PanelName } from '../store/types';

/** Where the layout turns into one column (styles.css says the same). */
const NARROW = '(max-width: 720px)';

/** Open on a phone until the user closes them: the model (to start at all), the speed (the point of
 * the app) and the big-model projection (what shared links show). The rest is a tap away. */
const OPEN_ON_PHONES: Record<PanelName, boolean> = {
  model: true,
  settings: false,
  storage: false,
  custom: false,
  speed: true,
  memory: false,
  gpu: false,
  bandwidth: false,
  runs: false,
  'big-models': true,
  experts: true,
};

function subscribe(onChange: () => void): () => void {
  const query = matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Read while rendering, so the first paint already has the phone's layout (nothing shifts after). */
function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => matchMedia(NARROW).matches);
}

interface PanelProps {
  name: PanelName;
  /** The region's accessible name. */
  label: string;
  heading: ReactNode;
  testId?: string;
  children: ReactNode;
}

/**
 * A side panel. On a phone its heading is a button that folds it away, so the panels below the
 * chat are a list of headings to open, not a page of figures to scroll past; from tablets up every
 * panel is open and the heading is plain.
 */
export function Panel({ name, label, heading, testId, children }: PanelProps) {
  const narrow = useNarrow();
  const open = useStore((s) => s.prefs.panels[name] ?? OPEN_ON_PHONES[name]);
  const bodyId = `panel-${name}`;
  return (
    <section className={`panel ${name}${narrow && !open ? ' folded' : ''}`} aria-label={label} data-testid={testId}>
      {narrow ? (
        <h2>
          <button type="button" className="panel-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => togglePanel(name, !open)}>
            {heading}
          </button>
        </h2>
      ) : (
        <h2>{heading}</h2>
      )}
      <div id={bodyId} className="panel-body" hidden={narrow && !open}>
        {children}
      </div>
    </section>
  );
}
