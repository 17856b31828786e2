import { useState } from 'react';
import { CheckButtons, useCheck } from './CheckButtons';
import { addCustomModel, removeCustomModel } from '../actions/custom-model-actions';
import { useStore } from '../store/store';
import { Panel } from './Panel';

/** Add an MLC or ONNX build by URL (checked against its own config before it is kept), list and remove them. */
export function CustomModelsPanel() {
  const custom = useStore((s) => s.prefs.customModels);
  const [fields, setFields] = useState({ model: '', modelLib: '', name: '' });
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const check = useCheck();
  const field = (key: keyof typeof fields, label: string, placeholder: string) => (
    <label>
      {label}
      <input
        type="url"
        value={fields[key]}
        placeholder={placeholder}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
        data-testid={`custom-${key}`}
      />
    </label>
  );
  return (
    <Panel name="custom" label="Your own models" heading="Your own models">
      <p className="small muted">
        A Qwen (dense or MoE) served with CORS, in the layout of Hugging Face and of npm run mirror: the app reads &lt;URL&gt;/resolve/main/ (a
        URL that ends in /resolve/&lt;revision&gt;/ is read as it is). An MLC build: its mlc-chat-config.json there, and its WebGPU library&apos;s
        .wasm URL. An ONNX build for transformers.js: leave the library empty; the app reads config.json and picks the best
        onnx/model_&lt;dtype&gt;.onnx this GPU runs.
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setResult(null);
          check.start(
            (signal) => addCustomModel(fields, signal),
            (r) => {
              const kind = r.ok && r.value.engine === 'onnx' ? ` (ONNX, ${r.value.quant} weights)` : '';
              setResult(r.ok ? { ok: true, text: `Added ${r.value.id}${kind}: it is in the model list.` } : { ok: false, text: r.reason });
              if (r.ok) setFields({ model: '', modelLib: '', name: '' });
            },
          );
        }}
      >
        {field('model', 'Model URL', 'https://host/Qwen3-30B-A3B-q4f16_1-MLC')}
        {field('modelLib', 'Model library URL (.wasm; empty for ONNX)', 'https://host/libs/Qwen3-30B-A3B-q4f16_1-webgpu.wasm')}
        <label>
          Name (optional)
          <input value={fields.name} onChange={(e) => setFields({ ...fields, name: e.target.value })} data-testid="custom-name" />
        </label>
        <div className="row-buttons">
          <CheckButtons label="Add model" busy={check.busy} onCancel={check.cancel} testId="custom-add" cancelTestId="custom-cancel" />
        </div>
      </form>
      {result && (
        <p className={result.ok ? 'small' : 'warning'} role="status" data-testid="custom-result">
          {result.text}
        </p>
      )}
      {custom.length > 0 && (
        <ul className="custom-list">
          {custom.map((c) => (
            <li key={c.id} data-testid="custom-entry">
              <span className="badge">custom</span> <span className="custom-id">{c.id}</span>
              <button type="button" aria-label={`Remove ${c.id}`} onClick={() => void removeCustomModel(c.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
