import { closeCompare, openCompare } from '../actions/compare-actions';
import { exitReplay } from '../actions/runs-actions';
import { closeStage, openStage } from '../actions/stage-actions';
import { showsReplay, useStore } from '../store/store';
import { ThemeSwitch } from './ThemeSwitch';

export function Header() {
  const engine = useStore((s) => s.engine);
  const view = useStore((s) => s.view);
  const pending = useStore((s) => s.replayPending);
  const replay = useStore(showsReplay);
  return (
    <header className="app-header">
      <nav className="views" aria-label="Views">
        <button type="button" aria-pressed={view === 'chat'} onClick={view === 'stage' ? closeStage : closeCompare} data-testid="view-chat">
          Chat
        </button>
        <button type="button" aria-pressed={view === 'compare'} onClick={openCompare} data-testid="view-compare">
          Compare quantizations
        </button>
        <button type="button" aria-pressed={view === 'stage'} onClick={openStage} data-testid="view-stage">
          Present
        </button>
        <ThemeSwitch />
      </nav>
      <h1>Qwen on your GPU</h1>
      <p className="tagline">A quantized Qwen model running in this browser through WebGPU. Nothing you type leaves the device.</p>
      {replay && (
        // Shown while the file is read too (its own test id then): the same lines, so nothing moves when it arrives.
        <div className="replay-banner" data-testid={pending ? 'replay-banner-pending' : 'replay-banner'} aria-busy={pending}>
          <span>
            <strong>Replay mode:</strong> text and figures are played back from a recorded run, not measured live on this GPU.
            <span className="replay-origin">
              {pending ? 'Reading the file…' : engine.synthetic ? 'A synthetic fixture, not made by a model.' : 'Recorded from a model’s run.'}
            </span>
          </span>
          <button type="button" onClick={() => void exitReplay()} disabled={pending}>
            Use the live engine
          </button>
        </div>
      )}
    </header>
  );
}
