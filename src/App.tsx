import { AlertBanner } from './components/AlertBanner';
import { ChatPanel } from './components/ChatPanel';
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
import { BigModelsSection } from './components/moe/BigModelsSection';
import { lazy, Suspense } from 'react';
import { useStore } from './store/store';

// The comparison is a view of its own, loaded when opened: the chat's first paint does not wait for it.
const CompareView = lazy(() => import('./components/compare/CompareView').then((m) => ({ default: m.CompareView })));
// The stage view too: presenters open it, visitors never pay for it.
const StageView = lazy(() => import('./components/stage/StageView').then((m) => ({ default: m.StageView })));

export function App() {
  const view = useStore((s) => s.view);
  return (
    <div className={view === 'stage' ? 'app presenting' : 'app'}>
      <Header />
      <AppStatus />
      <AlertBanner />
      {view === 'compare' ? (
        <Suspense fallback={<main className="compare-layout" aria-busy="true" />}>
          <CompareView />
        </Suspense>
      ) : view === 'stage' ? (
        <Suspense fallback={<main className="stage" aria-busy="true" />}>
          <StageView />
        </Suspense>
      ) : (
        <ChatLayout />
      )}
      {view !== 'stage' && <BigModelsSection />}
    </div>
  );
}

/** The chat with its model, settings and live figures. */
function ChatLayout() {
  return (
    <main className="layout">
      <aside className="sidebar" aria-label="Model and settings">
        <Panel name="model" label="Model" heading="Model">
          <ModelPicker />
          <ModelDetails />
          <LoadControls />
        </Panel>
        <SettingsPanel />
        <StoragePanel />
        <CustomModelsPanel />
      </aside>
      <ChatPanel />
      <aside className="sidebar right" aria-label="Speed, memory and GPU">
        <SpeedPanel />
        <MemoryPanel />
        <GpuInfo />
        <BandwidthPanel />
        <RunsPanel />
      </aside>
    </main>
  );
}
