/**
 * What each view's or panel's error boundary offers when it crashed: resetting the saved data it
 * shows, said in words before the button. Views that show nothing saved offer only "Try again".
 */
import type { BoundaryReset } from '../components/ErrorBoundary';
import { forgetRehearsal } from '../store/persistence';
import { DEFAULT_PREFS, DEFAULT_SETTINGS, getState, setState } from '../store/store';
import { resetComparisonData } from './compare-actions';
import { newChat } from './conversation-actions';

export const RESETS = {
  chat: {
    label: 'Start a new conversation',
    what: 'A new conversation starts; this one stays in the list.',
    run: () => newChat(),
  },
  settings: {
    label: 'Reset the settings',
    what: 'Resetting puts the generation settings back to their defaults.',
    run: () => setState({ settings: DEFAULT_SETTINGS }),
  },
  runs: {
    label: 'Clear the saved runs',
    what: 'Clearing removes the saved runs (export them first if you can).',
    run: () => setState({ runs: [], runsNotice: null }),
  },
  custom: {
    label: 'Remove your models from the list',
    what: 'Resetting removes the models you added by URL from the list (their downloaded files stay until deleted).',
    run: () => setState({ prefs: { ...getState().prefs, customModels: [] } }),
  },
  bigModels: {
    label: 'Forget the GPU memory and hardware you chose',
    what: 'Resetting forgets the GPU memory you typed in and the GPU you picked.',
    run: () => setState({ prefs: { ...getState().prefs, gpuMemoryGB: null, hardware: DEFAULT_PREFS.hardware } }),
  },
  compare: {
    label: "Reset this view's saved data",
    what: 'Resetting forgets the saved comparison setup and result (export the result first if you need it).',
    run: resetComparisonData,
  },
  stage: {
    label: "Reset this view's saved data",
    what: "Resetting forgets the stage's script and its recorded rehearsal.",
    run: async () => {
      setState({ rehearsal: null, fallback: false, prefs: { ...getState().prefs, script: [] } });
      await forgetRehearsal();
    },
  },
} satisfies Record<string, BoundaryReset>;
