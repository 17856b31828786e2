import { useStore } from '../../store/store';
import { Figure, fmt } from './Figure';
import { Sparkline } from './Sparkline';
import { LastReply } from './LastReply';
import { useContextTokens } from './useContextTokens';

// Each figure subscribes to its own value, so a refresh re-renders only what changed.

/** Made once: toLocaleString builds a formatter per call, in every refresh of the live figures. */
const thousands = new Intl.NumberFormat('en-US');

function DecodeRate() {
  const tps = useStore((s) => (s.live?.streaming ? s.live.currentTps : s.live?.averageTps) ?? null);
  const source = useStore((s) => s.live?.source ?? 'measured');
  const streaming = useStore((s) => s.live?.streaming ?? false);
  return <Figure big label={streaming ? 'Decode (last second)' : 'Decode (whole reply)'} value={fmt(tps)} unit="tok/s" source={source} live testId="decode-tps" />;
}

function DecodeHistory() {
  const history = useStore((s) => s.live?.history);
  return <Sparkline values={history ?? []} />;
}

function Ttft() {
  const ttft = useStore((s) => s.live?.ttftMs ?? null);
  const source = useStore((s) => s.live?.source ?? 'measured');
  return <Figure label="Time to first token" value={fmt(ttft, 0)} unit="ms" source={source} live testId="ttft" />;
}

/** Live: prompt size estimate ÷ time to first token. After the reply: web-llm's own figure. */
function Prefill() {
  const streaming = useStore((s) => s.live?.streaming ?? false);
  const estimate = useStore((s) => (s.live?.ttftMs ? s.live.promptTokensEst / (s.live.ttftMs / 1000) : null));
  const reported = useStore((s) => s.lastReply?.engine?.extra.prefill_tokens_per_s ?? null);
  const replayed = useStore((s) => s.live?.source === 'replayed');
  if (streaming || reported === null) return <Figure label="Prefill" value={fmt(estimate, 0)} unit="tok/s" source="estimate" live testId="prefill" />;
  return <Figure label="Prefill" value={fmt(reported, 0)} unit="tok/s" source={replayed ? 'replayed' : 'web-llm'} live testId="prefill" />;
}

function Tokens() {
  const tokens = useStore((s) => s.live?.tokens ?? 0);
  const source = useStore((s) => s.live?.source ?? 'measured');
  return <Figure label="Tokens generated" value={tokens} source={source} live testId="tokens" />;
}

function Context() {
  const hasLive = useStore((s) => s.live !== null);
  const tokens = useContextTokens();
  const used = hasLive ? tokens : null;
  const size = useStore((s) => s.contextWindow);
  return (
    // The window goes in the label, so that the live value stays short enough for one line.
    <Figure
      label={`Context used, of ${size === null ? '?' : thousands.format(size)}`}
      value={used === null ? '–' : `≈${used}`}
      unit="tokens"
      source="estimate"
      live
      testId="context"
    />
  );
}

export function SpeedPanel() {
  const hasLive = useStore((s) => s.live !== null);
  return (
    <section className="panel speed" aria-label="Speed" data-testid="speed-panel">
      <h2>Speed</h2>
      {!hasLive && <p className="muted">Send a message to see the model's speed.</p>}
      {hasLive && (
        <>
          <DecodeRate />
          <DecodeHistory />
          <div className="figure-grid">
            <Ttft />
            <Prefill />
            <Tokens />
            <Context />
          </div>
        </>
      )}
      <LastReply />
    </section>
  );
}
