import { useCallback } from 'react';
import { toggleMemorySelfTest } from '../../actions/gpu-memory-actions';
import { GpuMemoryInput } from '../moe/HardwarePicker';
import { architectureOfModel, variantOf } from '../../catalog-data';
import type { EngineKind } from '../../lib/catalog';
import { OnnxMemoryNote } from './OnnxMemoryNote';
import { onnxRecordOf, onnxWeightEstimate } from '../../lib/onnx-models';
import { architectureFromModelConfig } from '../../lib/model-config';
import { MiB, estimateMemory, mlcKvBytesPerToken } from '../../lib/vram';
import type { Architecture } from '../../lib/architectures';
import type { QuantInfo } from '../../lib/quant';
import { contextTokensOf } from './context-tokens';
import { LiveText } from './LiveText';
import { showsReplay, useStore } from '../../store/store';
import type { AppState } from '../../store/types';
import { Figure, fmt } from './Figure';
import { MemoryBars } from './MemoryBars';
import { Panel } from '../Panel';

const GiB = 2 ** 30;

/** The file a model describes itself in: web-llm's mlc-chat-config.json, an ONNX build's config.json. */
const ownConfigName = (engine: EngineKind | undefined) => (engine === 'onnx' ? 'config.json' : 'mlc-chat-config.json');

/** The estimate for the model in view, from the model's own cached mlc-chat-config.json when the
 * worker has read it, else from the app's table of config.json files. */
export function useEstimate() {
  const modelId = useStore((s) => s.loadedId ?? s.selectedId);
  const modelConfig = useStore((s) => (modelId ? s.modelConfigs[modelId] : undefined));
  const custom = useStore((s) => s.prefs.customModels.find((c) => c.id === modelId)?.modelConfig);
  const found = variantOf(modelId);
  const ownConfig = modelConfig ?? custom;
  const own = ownConfig ? architectureFromModelConfig(ownConfig, ownConfigName(found?.variant.engine)) : null;
  const arch = own ?? architectureOfModel(modelId);
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
  const replayMode = useStore(showsReplay);
  const onnx = found?.variant.engine === 'onnx';
  const ownConfig = ownConfigName(found?.variant.engine);
  const onnxWeights = onnx && arch && found ? onnxWeightEstimate(onnxRecordOf(found.variant.modelId), arch, found.variant.quant) : null;
  const estimate = onnxWeights ?? full?.total ?? null;
  return (
    <Panel name="memory" label="GPU memory" heading="GPU memory" testId="memory-panel">
      <div className="figure-grid">
        {!onnx && <Figure label="web-llm says" value={fmt(webllmMB ? webllmMB / 1024 : null, 2)} unit="GB" source="web-llm" testId="mem-webllm" />}
        <Figure label={onnx ? 'App estimate (weights)' : 'App estimate'} value={fmt(estimate === null ? null : estimate / GiB, onnx ? 3 : 2)} unit="GB" source="estimate" testId="mem-estimate" />
        <Figure label={replayMode ? 'Buffers held now (replay mode: no model on this GPU)' : 'Buffers held now'} value={fmt(measured.liveBytes / GiB, 3)} unit="GB" source="measured" testId="mem-measured" />
      </div>
      <MemoryBars
        capacityGB={gpuGB}
        bars={[
          ...(onnx ? [] : [{ label: 'web-llm', gb: webllmMB ? webllmMB / 1024 : null, kind: 'web-llm' as const }]),
          { label: 'estimate', gb: estimate === null ? null : estimate / GiB, kind: 'estimate' },
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
            {!onnx && <tr><th scope="row">Prefill buffers (1024-token chunk)</th><td>{fmt(full.temp / MiB, 0)} MB</td></tr>}
          </tbody>
        </table>
      ) : (
        <p className="muted">{found ? `No architecture data for ${found.model.name}: no estimate.` : 'Pick a model.'}</p>
      )}
      {onnx && full && arch && found && <OnnxMemoryNote modelId={found.variant.modelId} arch={arch} quant={found.variant.quant} estimateBytes={onnxWeights ?? full.weights} />}
      {arch && (
        <p className="muted small" data-testid="arch-source">
          {arch.source === ownConfig ? (
            <>Architecture from the model's own {ownConfig}, {modelConfigCached ? 'cached on this device' : 'read when you added it'}.</>
          ) : arch.source.startsWith('http') ? (
            <>
              Architecture from the model card's <a href={arch.source} target="_blank" rel="noopener noreferrer">config.json</a>.
            </>
          ) : (
            <>Architecture from {arch.source}.</>
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
          The loaded model's {ownConfig} differs from the app's architecture data (
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
