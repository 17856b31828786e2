import { setOverflowPolicy, setSettings } from '../actions/settings-actions';
import type { OverflowPolicy } from '../lib/context-window';
import { variantOf } from '../catalog-data';
import { useStore } from '../store/store';
import { Panel } from './Panel';

export function SettingsPanel() {
  const settings = useStore((s) => s.settings);
  const overflow = useStore((s) => s.prefs.overflow);
  const thinkingSwitch = useStore((s) => variantOf(s.selectedId)?.model.thinking === 'switch');
  return (
    <Panel name="settings" label="Generation settings" heading="Settings">
      <label>
        System prompt
        <textarea rows={2} value={settings.systemPrompt} data-testid="system-prompt" onChange={(e) => setSettings({ systemPrompt: e.target.value })} />
      </label>
      <label>
        Temperature <output>{settings.temperature.toFixed(2)}</output>
        <input type="range" min={0} max={2} step={0.05} value={settings.temperature} onChange={(e) => setSettings({ temperature: Number(e.target.value) })} />
      </label>
      <label>
        top_p <output>{settings.top_p.toFixed(2)}</output>
        <input type="range" min={0.05} max={1} step={0.05} value={settings.top_p} onChange={(e) => setSettings({ top_p: Number(e.target.value) })} />
      </label>
      <label>
        Max tokens
        <input
          type="number"
          min={1}
          max={32768}
          value={settings.max_tokens}
          data-testid="max-tokens"
          onChange={(e) => setSettings({ max_tokens: Math.max(1, Math.min(32768, Math.round(Number(e.target.value) || 1))) })}
        />
      </label>
      <label className={thinkingSwitch ? 'switch' : 'switch disabled'} title={thinkingSwitch ? '' : 'Only Qwen3 models have a thinking switch'}>
        <input
          type="checkbox"
          data-testid="thinking-switch"
          checked={settings.thinking === true}
          disabled={!thinkingSwitch}
          onChange={(e) => setSettings({ thinking: e.target.checked })}
        />
        Thinking (Qwen3)
      </label>
      <label>
        When the conversation outgrows the context window
        <select value={overflow} data-testid="overflow-policy" onChange={(e) => setOverflowPolicy(e.target.value as OverflowPolicy)}>
          <option value="rolling">leave out the oldest turns</option>
          <option value="stop">stop at the limit</option>
        </select>
      </label>
    </Panel>
  );
}
