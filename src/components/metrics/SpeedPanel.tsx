import { useStore } from '../../store/store';
import type { AppState } from '../../store/types';
import { Figure, fmt } from './Figure';
import { Sparkline } from './Sparkline';
import { LastReply, engineFigureSource } from './LastReply';
import { LiveText } from './LiveText';
import { contextTokensOf } from './context-tokens';
import { Panel } from '../Panel';

// Each figure subscribes to its own value; the values a refresh changes are written as text
// (LiveText, Sparkline), so a refresh re-renders nothing.
export const readDecodeRate = (s: AppState) => fmt((s.streamingFigures?.streaming ? s.streamingFigures.currentTps : s.streamingFigures?.averageTps) ?? null);
export const readHistory = (s: AppState) => s.streamingFigures?.history;
export const readTokens = (s: AppState) => String(s.streamingFigures?.tokens ?? 0);
const readContextUsed = (s: AppState) => (s.streamingFigures ? `≈${contextTokensOf(s)}` : '–');

/** Made once: toLocaleString builds a formatter on every call. */
const thousands = new Intl.NumberFormat('en-US');

export function DecodeRate() {
  const source = useStore((s) => s.streamingFigures?.source ?? 'measured');
  const streaming = useStore((s) => s.streamingFigures?.streaming ?? false);
  return <Figure big label={streaming ? 'Decode (last second)' : 'Decode (whole reply)'} value={<LiveText read={readDecodeRate} />} unit="tok/s" source={source} live testId="decode-tps" />;
}

export function Ttft() {
  const ttft = useStore((s) => s.streamingFigures?.ttftMs ?? null);
  const source = useStore((s) => s.streamingFigures?.source ?? 'measured');
  return <Figure label="Time to first token" value={fmt(ttft, 0)} unit="ms" source={source} live testId="ttft" />;
}

/** Live: prompt size estimate ÷ time to first token. After the reply: the engine's own figure. */
function Prefill() {
  const streaming = useStore((s) => s.streamingFigures?.streaming ?? false);
  const estimate = useStore((s) => (s.streamingFigures?.ttftMs ? s.streamingFigures.promptTokensEst / (s.streamingFigures.ttftMs / 1000) : null));
  const reported = useStore((s) => s.lastReply?.engine?.extra.prefill_tokens_per_s ?? null);
  const source = useStore((s) => (s.lastReply ? engineFigureSource(s.lastReply.source, s.lastReply.engineKind) : 'web-llm'));
  if (streaming || reported === null) return <Figure label="Prefill" value={fmt(estimate, 0)} unit="tok/s" source="estimate" live testId="prefill" />;
  return <Figure label="Prefill" value={fmt(reported, 0)} unit="tok/s" source={source} live testId="prefill" />;
}

export function Tokens() {
  const source = useStore((s) => s.streamingFigures?.source ?? 'measured');
  return <Figure label="Tokens generated" value={<LiveText read={readTokens} />} source={source} live testId="tokens" />;
}

function Context() {
  const size = useStore((s) => s.contextWindow);
  return (
    // The window goes in the label, so that the live value stays short enough for one line.
    <Figure
      label={`Context used, of ${size === null ? '?' : thousands.format(size)}`}
      value={<LiveText read={readContextUsed} />}
      unit="tokens"
      source="estimate"
      live
      testId="context"
    />
  );
}

/** Whether the speed figures are this conversation's: the reply streaming now, or the last reply when
 * it is in this conversation. After New chat or a switch they are another conversation's, and hidden
 * (the last measured reply still calibrates the MoE projection: that is the GPU's, not the chat's). */
export function figuresOfThisChat(s: AppState): boolean {
  if (s.streamingFigures === null) return false;
  if (s.streaming) return true;
  const runId = s.lastReply?.runId;
  return runId !== undefined && s.messages.some((m) => m.runId === runId);
}

export function SpeedPanel() {
  const hasLive = useStore(figuresOfThisChat);
  return (
    <Panel name="speed" label="Speed" heading="Speed" testId="speed-panel">
      {!hasLive && <p className="muted">Send a message to see the model's speed.</p>}
      {hasLive && (
        <>
          <DecodeRate />
          <Sparkline read={readHistory} label="decode tokens per second over the reply" />
          <div className="figure-grid">
            <Ttft />
            <Prefill />
            <Tokens />
            <Context />
          </div>
        </>
      )}
      {hasLive && <LastReply />}
    </Panel>
  );
}
