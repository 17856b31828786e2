import { useEffect } from 'react';
import { closeStage, stageKey, toggleAudience, togglePreflight } from '../../actions/stage-actions';
import { rehearsalGpu, rehearsalLabel, gpuName } from '../../lib/rehearsal';
import { FallbackBar } from './FallbackBar';
import { PreflightPanel } from './PreflightPanel';
import { ScriptStrip } from './ScriptStrip';
import { useStore } from '../../store/store';
import { Composer } from '../Composer';
import { LoadControls } from '../LoadControls';
import { MessageView } from '../MessageView';
import { Figure, fmt } from '../metrics/Figure';
import { useEstimate } from '../metrics/MemoryPanel';
import { Sparkline } from '../metrics/Sparkline';
import { DecodeRate, figuresOfThisChat, readHistory, Tokens, Ttft } from '../metrics/SpeedPanel';
import { StageClaim } from './StageClaim';
import { ExpertMap } from '../experts/ExpertMap';

const GiB = 2 ** 30;

/** The latest exchange only, large: the question and the reply being written (or the last one). */
function LatestExchange() {
  const last = useStore((s) => s.messages.findLast((m) => m.role === 'user'));
  const reply = useStore((s) => {
    const i = s.messages.findLastIndex((m) => m.role === 'user');
    const after = i === -1 ? undefined : s.messages[i + 1];
    return after?.role === 'assistant' ? after : undefined;
  });
  const streaming = useStore((s) => s.streaming?.id);
  return (
    <section className="stage-chat" aria-label="Latest exchange" data-testid="stage-chat">
      {/* column-reverse: the box is anchored at its end, so a growing reply stays in view without scrolling code. */}
      <div className="stage-chat-inner">
        {last ? <MessageView entry={last} /> : <p className="stage-note">Ask the model something: the room sees the reply and its speed.</p>}
        {streaming !== undefined ? <MessageView key={streaming} entry="streaming" /> : reply && <MessageView key={reply.id} entry={reply} />}
      </div>
    </section>
  );
}

/** Why a key did nothing (P while the live model works), for a few seconds. */
function StageNotice() {
  const notice = useStore((s) => s.stageNotice);
  return (
    <p className="stage-notice" role="status" data-testid="stage-notice">
      {notice}
    </p>
  );
}

function ModelAndGpu() {
  const model = useStore((s) => s.loadedId ?? s.selectedId);
  const gpu = useStore((s) => s.gpu.report);
  // Replaying, the figures are the rehearsal GPU's, not this one's.
  const rehearsal = useStore((s) => (s.fallback ? s.rehearsal : null));
  const replay = useStore((s) => (s.engine.source === 'replayed' && !s.fallback ? s.engine : null));
  return (
    <div className="stage-model" data-testid="stage-model">
      <div className="stage-model-name">{model ?? 'No model chosen'}</div>
      <div className="stage-gpu">
        {rehearsal ? `Rehearsal: ${rehearsalGpu(rehearsal)}` : gpu ? gpuName(gpu) : 'no GPU'}
        {/* The app's replay banner is hidden for the audience: the stage says it itself. */}
        {replay && <span className="stage-engine" data-testid="stage-replay-mode"> · replay mode{replay.synthetic ? ', synthetic demo' : ''}: not measured on this GPU</span>}
      </div>
    </div>
  );
}

function Memory() {
  const { found, full } = useEstimate();
  const measured = useStore((s) => s.memory.liveBytes);
  // Replaying (the rehearsal, or replay mode), this GPU holds no model: its counter would read as the replay's.
  const replaying = useStore((s) => s.fallback || s.engine.source === 'replayed');
  const webllmMB = found?.variant.vramMB ?? null;
  // A model of a few MB (the tiny test MoE) in GB would read 0.0: its figures go in MB.
  const small = full !== null && full.total < 0.1 * GiB;
  const [scale, unit, digits] = small ? [2 ** 20, 'MB', 0] : [GiB, 'GB', 1];
  return (
    <div className="stage-memory">
      {found?.variant.engine !== 'onnx' && <Figure label="GPU memory, web-llm" value={fmt(webllmMB ? webllmMB / 1024 : null, 1)} unit="GB" source="web-llm" />}
      <Figure label="estimate" value={fmt(full ? full.total / scale : null, digits)} unit={unit} source="estimate" />
      {!replaying && <Figure label="held now" value={fmt(measured / scale, small ? 0 : 2)} unit={unit} source="measured" />}
    </div>
  );
}

/**
 * The stage view (?present): readable from the back of a room. The live figures are the same
 * components as the speed panel's (written into their nodes, no renders per batch), only larger.
 */
export function StageView() {
  const ready = useStore((s) => s.loadState === 'ready');
  // No figure before the first reply: an empty one would still carry a provenance badge.
  const hasFigures = useStore(figuresOfThisChat);
  const preflightOpen = useStore((s) => s.preflightOpen);
  const audience = useStore((s) => s.audience);
  const replayedFrom = useStore((s) => (s.fallback && s.rehearsal ? rehearsalLabel(s.rehearsal) : null));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (stageKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <main className="stage" data-testid="stage">
      <div className="stage-top">
        <div className="stage-bar">
          <ModelAndGpu />
          {!ready && <LoadControls />}
          <button type="button" onClick={toggleAudience} aria-pressed={!audience} data-testid="audience-toggle">
            App header
          </button>
          <button type="button" onClick={togglePreflight} aria-expanded={preflightOpen} data-testid="preflight-toggle">
            Pre-flight check
          </button>
          <button type="button" onClick={closeStage} data-testid="stage-close">
            Leave the stage view
          </button>
        </div>
        <FallbackBar />
        <StageNotice />
        {preflightOpen && <PreflightPanel />}
      </div>
      {/* Scrolls within itself when the figures and the argument outgrow it: focusable, so keys scroll it too. */}
      <div className="stage-left" tabIndex={0} role="group" aria-label="Figures and the argument">
        <section className="stage-figures" aria-label="Live figures">
          {replayedFrom && (
            <p className="stage-replayed" data-testid="figures-replayed">
              {replayedFrom}
            </p>
          )}
          {hasFigures ? (
            <>
              <DecodeRate />
              <Sparkline read={readHistory} label="decode tokens per second over the reply" />
              <div className="stage-row">
                <Ttft />
                <Tokens />
              </div>
            </>
          ) : (
            <p className="stage-sentence">Send a message: its speed shows here, live.</p>
          )}
          <Memory />
          <ExpertMap large />
        </section>
        <StageClaim />
      </div>
      {/* The room reads the exchange here, beside the figures: the column keeps the reply's end in view. */}
      <div className="stage-right">
        <LatestExchange />
        <ScriptStrip />
        <div className="stage-composer">
          <Composer />
        </div>
      </div>
    </main>
  );
}
