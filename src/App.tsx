import { AlertBanner } from './components/AlertBanner';
import { ChatPanel } from './components/ChatPanel';
import { GpuInfo } from './components/GpuInfo';
import { Header } from './components/Header';
import { LoadControls } from './components/LoadControls';
import { ModelDetails } from './components/ModelDetails';
import { ModelPicker } from './components/ModelPicker';
import { RunsPanel } from './components/RunsPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { BandwidthPanel } from './components/metrics/BandwidthPanel';
import { MemoryPanel } from './components/metrics/MemoryPanel';
import { SpeedPanel } from './components/metrics/SpeedPanel';
import { BigModelsSection } from './components/moe/BigModelsSection';

export function App() {
  return (
    <div className="app">
      <Header />
      <AlertBanner />
      <main className="layout">
        <aside className="sidebar">
          <section className="panel model" aria-label="Model">
            <h2>Model</h2>
            <ModelPicker />
            <ModelDetails />
            <LoadControls />
          </section>
          <SettingsPanel />
        </aside>
        <ChatPanel />
        <aside className="sidebar right">
          <SpeedPanel />
          <MemoryPanel />
          <GpuInfo />
          <BandwidthPanel />
          <RunsPanel />
        </aside>
      </main>
      <BigModelsSection />
    </div>
  );
}
