import { useRef, useState } from 'react';
import { switchToDefaultHosts, switchToMirror, type MirrorCheck } from '../actions/mirror-actions';
import { useStore } from '../store/store';

/** "Model files from": web-llm's hosts, or a mirror the user runs; a mirror is checked before it is kept. */
export function MirrorSetting() {
  const mirror = useStore((s) => s.prefs.mirror);
  const [input, setInput] = useState(mirror ?? '');
  const [check, setCheck] = useState<MirrorCheck | null>(null);
  const [busy, setBusy] = useState(false);
  // The check in flight: Cancel aborts it (it also gives up after a timeout).
  const checking = useRef<AbortController | null>(null);
  return (
    <form
      className="mirror-setting"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const controller = new AbortController();
        checking.current = controller;
        setBusy(true);
        setCheck(null);
        void switchToMirror(input, controller.signal)
          .then(setCheck)
          .finally(() => {
            checking.current = null;
            setBusy(false);
          });
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
        <button type="submit" disabled={busy} data-testid="mirror-use">
          {busy ? 'Checking…' : 'Use this mirror'}
        </button>
        {busy && (
          <button type="button" onClick={() => checking.current?.abort()} data-testid="mirror-cancel">
            Cancel
          </button>
        )}
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
