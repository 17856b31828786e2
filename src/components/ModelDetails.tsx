import { deleteFromCache } from '../actions/model-actions';
import { variantOf } from '../catalog-data';
import { onnxRecordOf } from '../lib/onnx-models';
import { formatSizeMB } from '../lib/vram';
import { useStore } from '../store/store';

/** A host name that wraps before its dots (huggingface / .co), never inside a word, in a narrow column. */
function breakableHost(host: string) {
  return host.split('.').map((part, i) => (i === 0 ? part : <span key={i}><wbr />.{part}</span>));
}

export function ModelDetails() {
  const selectedId = useStore((s) => s.selectedId);
  const isCached = useStore((s) => (s.selectedId ? s.cached[s.selectedId] === true : false));
  const hasF16 = useStore((s) => s.gpu.report?.shaderF16 ?? false);
  const replay = useStore((s) => s.engine.source === 'replayed');
  const busy = useStore((s) => s.loadState === 'loading');
  const mirror = useStore((s) => s.prefs.mirror);
  const custom = useStore((s) => s.prefs.customModels.some((c) => c.id === s.selectedId));
  const found = variantOf(selectedId);
  if (!found) return null;
  const { variant, model } = found;
  const onnx = variant.engine === 'onnx';
  const record = onnx ? onnxRecordOf(variant.modelId) : null;
  // The app's own files (the tiny model) and a model added by URL never come from the mirror.
  const fromMirror = mirror !== null && !custom && !record?.local;
  return (
    <div className="model-details" data-testid="model-details">
      {variant.synthetic && (
        <p className="synthetic-note" data-testid="synthetic-note">
          Test model: random weights, it writes gibberish — but real tokens, timings and GPU memory on this adapter.
          {record?.maxReplyTokens ? ` At most ${record.maxReplyTokens} tokens a reply.` : ''}
        </p>
      )}
      <p className="quant-desc">{variant.quant.description}</p>
      <dl>
        {onnx ? (
          <>
            <dt>Engine</dt>
            <dd>ONNX Runtime Web (transformers.js)</dd>
          </>
        ) : (
          <>
            <dt>GPU memory (web-llm)</dt>
            <dd>{variant.vramMB ? formatSizeMB(variant.vramMB) : 'not stated'}</dd>
          </>
        )}
        <dt>Download</dt>
        <dd>{variant.downloadMB ? `about ${formatSizeMB(variant.downloadMB)} (estimate)` : 'unknown'}</dd>
        <dt>Context window</dt>
        <dd>{variant.contextWindow ? `${variant.contextWindow} tokens` : 'model default'}</dd>
        <dt>Thinking</dt>
        <dd>{model.thinking === 'switch' ? 'on/off switch' : model.thinking === 'always' ? 'always thinks' : 'no'}</dd>
        <dt>Files from</dt>
        <dd data-testid="files-from">
          {fromMirror ? <>your mirror, {breakableHost(new URL(mirror).host)}</> : variant.hosts.map((h, i) => <span key={h}>{i > 0 && ', '}{breakableHost(h)}</span>)}
          {custom && (
            <span className="badge" data-testid="custom-badge">
              custom
            </span>
          )}
        </dd>
      </dl>
      {!replay && variant.needsShaderF16 && !hasF16 && (
        <p className="warning" data-testid="needs-f16">
          Unavailable on this GPU: it needs shader-f16. Choose the {onnx ? 'q4' : 'q4f32_1'} variant instead.
        </p>
      )}
      {!replay && isCached && (
        <p className="cached-row">
          <span className="badge cached" data-testid="cached-badge">cached</span>
          <button type="button" disabled={busy} onClick={() => void deleteFromCache(variant.modelId)} data-testid="delete-cache">
            Delete from cache
          </button>
        </p>
      )}
    </div>
  );
}
