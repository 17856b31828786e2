import { useState } from 'react';
import { CheckButtons, useCheck } from './CheckButtons';
import { switchToDefaultHosts, switchToMirror, type MirrorCheck } from '../actions/mirror-actions';
import { useStore } from '../store/store';

/** "Model files from": web-llm's hosts, or a mirror the user runs; a mirror is checked before it is kept. */
export function MirrorSetting() {
  const mirror = useStore((s) => s.prefs.mirror);
  const [input, setInput] = useState(mirror ?? '');
  const [check, setCheck] = useState<MirrorCheck | null>(null);
  const probe = useCheck();
  return (
    <form
      className="mirror-setting"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setCheck(null);
        probe.start((signal) => switchToMirror(input, signal), setCheck);
      }}
    >
      <h3>Model files from</h3>
      <p className="small" data-testid="mirror-state">
        {mirror ? `Your mirror at ${mirror}.` : "Hugging Face and GitHub, web-llm's hosts."}
      </p>
      <p className="small muted">Downloads are kept per source: a model downloaded from one is downloaded again from the other.</p>
      <label>
        Mirror base URL
        <input
          type="url"
          value={input}
          placeholder="https://models.example.org/mlc"
          onChange={(e) => setInput(e.target.value)}
          data-testid="mirror-input"
        />
      </label>
      <div className="row-buttons">
        <CheckButtons label="Use this mirror" busy={probe.busy} onCancel={probe.cancel} testId="mirror-use" cancelTestId="mirror-cancel" />
        {mirror && (
          <button
            type="button"
            onClick={() => {
              setCheck(null);
              void switchToDefaultHosts();
            }}
            data-testid="mirror-default"
          >
            Use web-llm's hosts
          </button>
        )}
      </div>
      {check && (
        <p className={check.ok ? 'small' : 'warning'} role="status" data-testid="mirror-check">
          {check.ok ? check.note : check.reason}
        </p>
      )}
    </form>
  );
}
