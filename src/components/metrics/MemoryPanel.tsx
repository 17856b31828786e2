import { useCallback } from 'react';
import { toggleMemorySelfTest } from '../../actions/gpu-memory-actions';
import { GpuMemoryInput } from '../moe/HardwarePicker';
import { variantOf } from '../../catalog-data';
import { architectureOf } from '../../lib/architectures';
import { architectureFromModelConfig } from '../../lib/model-config';
import { MiB, estimateMemory, mlcKvBytesPerToken } from '../../lib/vram';
import type { Architecture } from '../../lib/architectures';
import type { QuantInfo } from '../../lib/quant';
import { contextTokensOf } from './context-tokens';
import { LiveText } from './LiveText';
import { useStore } from '../../store/store';
import type { AppState } from '../../store/types';
import { Figure, fmt } from './Figure';
import { MemoryBars } from './MemoryBars';
import { Panel } from '../Panel';

const GiB = 2 ** 30;

const OWN_CONFIG = 'mlc-chat-config.json';

/** The estimate for the model in view, from the model's own cached mlc-chat-config.json when the
 * worker has read it, else from the app's table of config.json files. */
export function useEstimate() {
  const modelId = useStore((s) => s.loadedId ?? s.selectedId);
  const modelConfig = useStore((s) => (modelId ? s.modelConfigs[modelId] : undefined));
  const custom = useStore((s) => s.prefs.customModels.find((c) => c.id === modelId)?.modelConfig);
  const found = variantOf(modelId);
  const ownConfig = modelConfig ?? custom;
  const own = ownConfig ? architectureFromModelConfig(ownConfig, OWN_CONFIG) : null;
  const arch = own ?? (found ? architectureOf(found.model.name) : null);
  if (!found || !arch) return { found, arch, full: null };
  const windowTokens = found.variant.contextWindow ?? arch.maxContext;
  return { found, arch, full: estimateMemory(arch, found.variant.quant, windowTokens) };
}

/** The only live value in the panel: its text follows the store (LiveText), so nothing re-renders with it. */
function KvNow({ arch, quant }: { arch: Architecture; quant: QuantInfo }) {
  const read = useCallback((s: AppState) => `${fmt((mlcKvBytesPerToken(arch, quant) * contextTokensOf(s)) / MiB, 0)} MB`, [arch, quant]);
  return <LiveText className="live-cell" read={read} />;
}

export function MemoryPanel() {
  const { found, arch, full } = useEstimate();
  const modelConfigCached = useStore((s) => {
    const id = s.loadedId ?? s.selectedId;
    return id !== null && id in s.modelConfigs;
  });
  const measured = useStore((s) => s.memory);
  const gpuGB = useStore((s) => s.prefs.gpuMemoryGB);
  const selfTest = useStore((s) => s.selfTest);
  const mismatches = useStore((s) => s.configMismatches);
  const webllmMB = found?.variant.vramMB ?? null;
  // Replay mode puts no model on the GPU: the counter is true, and says why it reads (nearly) nothing.
  const replayMode = useStore((s) => s.engine.source === 'replayed');
  return (
    <Panel name="memory" label="GPU memory" heading="GPU memory" testId="memory-panel">
      <div className="figure-grid">
        <Figure label="web-llm says" value={fmt(webllmMB ? webllmMB / 1024 : null, 2)} unit="GB" source="web-llm" testId="mem-webllm" />
        <Figure label="App estimate" value={fmt(full ? full.total / GiB : null, 2)} unit="GB" source="estimate" testId="mem-estimate" />
        <Figure label={replayMode ? 'Buffers held now (replay mode: no model on this GPU)' : 'Buffers held now'} value={fmt(measured.liveBytes / GiB, 3)} unit="GB" source="measured" testId="mem-measured" />
      </div>
      <MemoryBars
        capacityGB={gpuGB}
        bars={[
          { label: 'web-llm', gb: webllmMB ? webllmMB / 1024 : null, kind: 'web-llm' },
          { label: 'estimate', gb: full ? full.total / GiB : null, kind: 'estimate' },
          { label: 'measured', gb: measured.liveBytes / GiB, kind: 'measured' },
        ]}
      />
      {full && arch && found ? (
        <table className="breakdown" data-testid="mem-breakdown">
          <caption>Estimate, broken down</caption>
          <tbody>
            <tr><th scope="row">Weights ({found.variant.quant.bitsPerWeight} bits each)</th><td>{fmt(full.weights / MiB, 0)} MB</td></tr>
            <tr><th scope="row">KV cache, context now</th><td><KvNow arch={arch} quant={found.variant.quant} /></td></tr>
            <tr><th scope="row">KV cache, full window</th><td>{fmt(full.kv / MiB, 0)} MB</td></tr>
            <tr><th scope="row">Prefill buffers (1024-token chunk)</th><td>{fmt(full.temp / MiB, 0)} MB</td></tr>
          </tbody>
        </table>
      ) : (
        <p className="muted">{found ? `No architecture data for ${found.model.name}: no estimate.` : 'Pick a model.'}</p>
      )}
      {arch && (
        <p className="muted small" data-testid="arch-source">
          {arch.source === OWN_CONFIG ? (
            <>Architecture from the model's own mlc-chat-config.json, {modelConfigCached ? 'cached on this device' : 'read when you added it'}.</>
          ) : (
            <>
              Architecture from the model card's <a href={arch.source} target="_blank" rel="noopener noreferrer">config.json</a>.
            </>
          )}{' '}
          Peak held (measured): {fmt(measured.peakBytes / GiB, 2)} GB; {measured.buffers} buffers live now.
        </p>
      )}
      {arch?.checked && (
        <details className="muted small">
          <summary>How these values were checked</summary>
          {arch.checked}. The model's own mlc-chat-config.json replaces them once the model is cached here.
        </details>
      )}
      {mismatches.length > 0 && (
        <p className="warning" data-testid="config-mismatch">
          The loaded model's mlc-chat-config.json differs from the app's architecture data (
          {mismatches.map((m) => `${m.field}: ${String(m.model)} vs ${String(m.ours)}`).join(', ')}): the estimate may be off.
        </p>
      )}
      <GpuMemoryInput testId="gpu-memory-input" />
      <button type="button" onClick={() => void toggleMemorySelfTest()} disabled={selfTest.status === 'busy'} data-testid="mem-self-test">
        {selfTest.status === 'holding' ? `Free the ${Math.round(selfTest.bytes / MiB)} MB test buffers` : 'Check the counter: allocate 256 MB'}
      </button>
    </Panel>
  );
}
