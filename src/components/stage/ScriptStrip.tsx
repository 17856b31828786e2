import { useState } from 'react';
import { sendNext, setScript, stepBack } from '../../actions/stage-actions';
import { useStore } from '../../store/store';

/** Where the presenter is in the script (→ or Space sends the next prompt, ← goes back, Esc stops,
 * R starts a fresh chat), and the script itself, one prompt per line, kept with the preferences. */
export function ScriptStrip() {
  const script = useStore((s) => s.prefs.script);
  const at = useStore((s) => s.scriptAt);
  const [text, setText] = useState(script.join('\n'));
  const next = script[at];
  return (
    <section className="stage-script" aria-label="Script" data-testid="stage-script">
      <p className="stage-strip" data-testid="script-position">
        {script.length === 0
          ? 'No script: add prompts below, one per line.'
          : next
            ? `Script ${at + 1} of ${script.length} · next: ${next}`
            : `Script done (${script.length} of ${script.length}).`}
      </p>
      <div className="row-buttons">
        <button type="button" onClick={stepBack} disabled={at === 0}>
          ← Back
        </button>
        <button type="button" onClick={sendNext} disabled={!next}>
          Send next →
        </button>
      </div>
      <details>
        <summary>Edit the script, keys</summary>
        <p className="stage-keys">→ or Space: next · ←: back · Esc: stop · R: fresh chat · F: fullscreen · H: app header · P: play the rehearsal</p>
        <label>
          Prompts, one per line
          <textarea value={text} rows={4} onChange={(e) => setText(e.target.value)} onBlur={() => setScript(text)} data-testid="script-text" />
        </label>
      </details>
    </section>
  );
}
