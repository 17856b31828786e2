import { AlertBanner } from './components/AlertBanner';
import { ChatPanel } from './components/ChatPanel';
import { ErrorBoundary } from './components/ErrorBoundary';
import { GpuInfo } from './components/GpuInfo';
import { Header } from './components/Header';
import { LoadControls } from './components/LoadControls';
import { ModelDetails } from './components/ModelDetails';
import { ModelPicker } from './components/ModelPicker';
import { Panel } from './components/Panel';
import { RunsPanel } from './components/RunsPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { StoragePanel } from './components/StoragePanel';
import { CustomModelsPanel } from './components/CustomModelsPanel';
import { AppStatus } from './components/AppStatus';
import { BandwidthPanel } from './components/metrics/BandwidthPanel';
import { MemoryPanel } from './components/metrics/MemoryPanel';
import { SpeedPanel } from './components/metrics/SpeedPanel';
import { ExpertsPanel } from './components/experts/ExpertsPanel';
import { lazy, Suspense, useEffect } from 'react';
import { RESETS } from './actions/view-resets';
import { useStore } from './store/store';

/** Where the layout becomes one column (styles.css says the same). */
const PHONE = '(max-width: 720px)';

// The comparison is a view of its own, loaded when opened: the chat's first paint does not wait for it.
const CompareView = lazy(() => import('./components/compare/CompareView').then((m) => ({ default: m.CompareView })));
// The stage view too: presenters open it, visitors never pay for it.
const StageView = lazy(() => import('./components/stage/StageView').then((m) => ({ default: m.StageView })));
// The big-model view sits last on the page, below the chat: loaded after the first paint, it moves
// nothing above it (and the stage view shares its modules).
const BigModelsSection = lazy(() => import('./components/moe/BigModelsSection').then((m) => ({ default: m.BigModelsSection })));

/** Each view and panel has its own error boundary: a crash in one leaves the others working. */
export function App() {
  const view = useStore((s) => s.view);
  const audience = useStore((s) => s.audience);
  return (
    <div className={view === 'stage' ? `app presenting${audience ? ' audience' : ''}` : 'app'}>
      <Header />
      <AppStatus />
      <AlertBanner />
      {view === 'compare' ? (
        <ErrorBoundary name="The comparison" reset={RESETS.compare}>
          <Suspense fallback={<main className="compare-layout" aria-busy="true" />}>
            <CompareView />
          </Suspense>
        </ErrorBoundary>
      ) : view === 'stage' ? (
        <ErrorBoundary name="The stage view" reset={RESETS.stage}>
          <Suspense fallback={<main className="stage" aria-busy="true" />}>
            <StageView />
          </Suspense>
        </ErrorBoundary>
      ) : (
        <ChatLayout />
      )}
      {view !== 'stage' && (
        <ErrorBoundary name="The big-model view" reset={RESETS.bigModels}>
          <Suspense fallback={null}>
            <BigModelsSection />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}

/** The chat with its model, settings and live figures. */
function ChatLayout() {
  // On a phone the model and its Load come first until a model is ready, then the chat does, brought
  // to the top of the screen with its composer.
  const ready = useStore((s) => s.loadState === 'ready');
  useEffect(() => {
    if (ready && matchMedia(PHONE).matches) document.querySelector('.layout > .chat')?.scrollIntoView({ block: 'start' });
  }, [ready]);
  return (
    <main className={ready ? 'layout model-ready' : 'layout'}>
      <aside className="sidebar" aria-label="Model and settings">
        <ErrorBoundary name="The model panel">
          <Panel name="model" label="Model" heading="Model">
            {/* Load right under the choice: on a phone's first screen with the replay banner above. */}
            <ModelPicker />
            <LoadControls />
            <ModelDetails />
          </Panel>
        </ErrorBoundary>
        <ErrorBoundary name="The settings panel" reset={RESETS.settings}>
          <SettingsPanel />
        </ErrorBoundary>
        <ErrorBoundary name="The storage panel">
          <StoragePanel />
        </ErrorBoundary>
        <ErrorBoundary name="Your own models" reset={RESETS.custom}>
          <CustomModelsPanel />
        </ErrorBoundary>
      </aside>
      <ErrorBoundary name="The chat" reset={RESETS.chat}>
        <ChatPanel />
      </ErrorBoundary>
      <aside className="sidebar right" aria-label="Speed, memory and GPU">
        <ErrorBoundary name="The speed panel">
          <SpeedPanel />
        </ErrorBoundary>
        <ErrorBoundary name="The experts panel">
          <ExpertsPanel />
        </ErrorBoundary>
        <ErrorBoundary name="The GPU memory panel">
          <MemoryPanel />
        </ErrorBoundary>
        <ErrorBoundary name="The GPU panel">
          <GpuInfo />
        </ErrorBoundary>
        <ErrorBoundary name="The bandwidth panel">
          <BandwidthPanel />
        </ErrorBoundary>
        <ErrorBoundary name="The runs panel" reset={RESETS.runs}>
          <RunsPanel />
        </ErrorBoundary>
      </aside>
    </main>
  );
}
