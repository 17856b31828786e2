import { requestPersistentStorage } from '../../actions/device-actions';
import { loadSelected } from '../../actions/model-actions';
import { dismissRehearsalError, recordRehearsal, stopRehearsal } from '../../actions/rehearsal-actions';
import { variantOf } from '../../catalog-data';
import { overall, preflight, type CheckAction, type CheckItem, type CheckLevel, type PreflightInput } from '../../lib/preflight';
import { browserOf, gpuName, rehearsalFit } from '../../lib/rehearsal';
import { useStore } from '../../store/store';
import type { AppState } from '../../store/types';
import { ErrorNotice } from '../ErrorNotice';

const LEVEL_WORD: Record<CheckLevel, string> = { ok: 'ready', warn: 'check', fail: 'fix' };
const BROWSER = browserOf(navigator.userAgent);

function inputOf(s: AppState): PreflightInput {
  const report = s.gpu.report;
  const found = variantOf(s.selectedId);
  const r = s.rehearsal;
  return {
    adapter: report ? { name: gpuName(report), isFallback: report.isFallback, shaderF16: report.shaderF16 } : null,
    gpuError: s.gpu.error?.title ?? null,
    model: found && s.selectedId ? { id: s.selectedId, needsF16: found.variant.needsShaderF16, cached: s.cached[s.selectedId] === true, downloadMB: found.variant.downloadMB } : null,
    replay: s.engine.source === 'replayed' && !s.fallback,
    persisted: s.storage.persisted,
    offlineReady: s.shell.cachedForOffline,
    rehearsal: r && {
      fit: rehearsalFit(r, { adapter: report, browser: BROWSER }, s.prefs.script),
      recorded: new Date(r.recordedAt).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
      gpu: gpuName(r.adapter),
      browser: r.browser,
    },
    browser: BROWSER,
    scriptLength: s.prefs.script.length,
  };
}

function editScript(): void {
  const details = document.querySelector<HTMLDetailsElement>('[data-testid="stage-script"] details');
  if (details) details.open = true;
  document.querySelector<HTMLTextAreaElement>('[data-testid="script-text"]')?.focus();
}

const ACTIONS: Record<Exclude<CheckAction, null>, { label: string; run: () => void }> = {
  'download-model': { label: 'Download now', run: () => void loadSelected() },
  'persist-storage': { label: 'Ask to keep the data', run: () => void requestPersistentStorage() },
  'record-rehearsal': { label: 'Record rehearsal', run: () => void recordRehearsal() },
  'edit-script': { label: 'Edit the script', run: editScript },
};

function Item({ item, busy }: { item: CheckItem; busy: boolean }) {
  const action = item.action && ACTIONS[item.action];
  return (
    <li className={`check check-${item.level}`} data-testid={`check-${item.id}`} data-level={item.level}>
      <span className="check-level">{LEVEL_WORD[item.level]}</span>
      <div>
        <strong>{item.title}</strong>
        <p>{item.detail}</p>
      </div>
      {action && (
        <button type="button" onClick={action.run} disabled={busy}>
          {action.label}
        </button>
      )}
    </li>
  );
}

/** The pre-flight check (?present&check): each item read from this browser's real state. */
export function PreflightPanel() {
  // Read as text: the store changes often (streaming figures), the words of the check seldom.
  const items = JSON.parse(useStore((s) => JSON.stringify(preflight(inputOf(s))))) as CheckItem[];
  const rehearsing = useStore((s) => s.rehearsing);
  const error = useStore((s) => s.rehearsalError);
  const busy = useStore((s) => s.loadState === 'loading' || s.streaming !== null || s.rehearsing !== null || s.fallback);
  const level = overall(items);
  return (
    <section className="preflight" aria-label="Pre-flight check" data-testid="preflight" data-level={level}>
      <h2>
        Pre-flight check: <span className={`check-${level}`}>{level === 'ok' ? 'ready to present' : level === 'warn' ? 'ready, with warnings' : 'not ready'}</span>
      </h2>
      <ul className="checks">
        {items.map((i) => (
          <Item key={i.id} item={i} busy={busy} />
        ))}
      </ul>
      {rehearsing && (
        <p className="stage-strip" role="status" data-testid="rehearsing">
          Rehearsing prompt {rehearsing.at + 1} of {rehearsing.of}…{' '}
          <button type="button" onClick={stopRehearsal}>
            Stop the rehearsal
          </button>
        </p>
      )}
      {error && <ErrorNotice error={error} onDismiss={dismissRehearsalError} />}
    </section>
  );
}
