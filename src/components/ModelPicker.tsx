import { selectModel } from '../actions/model-actions';
import { catalogWithCustom, variantOf } from '../catalog-data';
import { isAvailable, orderForAdapter, type CatalogVariant } from '../lib/catalog';
import { useStore } from '../store/store';

/** Two choices: the model (grouped by family and size), then its quantization. */
export function ModelPicker() {
  const selectedId = useStore((s) => s.selectedId);
  const hasF16 = useStore((s) => s.gpu.report?.shaderF16 ?? false);
  const engine = useStore((s) => s.engine);
  const cached = useStore((s) => s.cached);
  const fallbackAdapter = useStore((s) => s.gpu.report?.isFallback ?? false);
  const catalog = orderForAdapter(catalogWithCustom(useStore((s) => s.prefs.customModels)), fallbackAdapter);
  const found = variantOf(selectedId);
  const replay = engine.source === 'replayed';
  const usable = (v: CatalogVariant) => (replay ? engine.replayModels.includes(v.modelId) : isAvailable(v, hasF16));

  const onModel = (name: string) => {
    const model = catalog.flatMap((f) => f.models).find((m) => m.name === name);
    const variant = model?.variants.find((v) => usable(v)) ?? model?.variants[0];
    if (variant) selectModel(variant.modelId);
  };

  return (
    <div className="picker">
      <label htmlFor="model-select">Model</label>
      <select id="model-select" data-testid="model-select" value={found?.model.name ?? ''} onChange={(e) => onModel(e.target.value)}>
        {!found && <option value="">Choose a model…</option>}
        {catalog.map((family) => (
          <optgroup key={family.family} label={family.family}>
            {family.models.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
                {m.variants.some((v) => cached[v.modelId]) ? ' · cached' : ''}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {found && (
        <>
          <label htmlFor="quant-select">Quantization</label>
          <select id="quant-select" data-testid="quant-select" value={found.variant.modelId} onChange={(e) => selectModel(e.target.value)}>
            {found.model.variants.map((v) => {
              const ok = usable(v);
              const why = replay ? 'not in the replay file' : 'needs shader-f16';
              return (
                <option key={v.modelId} value={v.modelId} disabled={!ok}>
                  {v.quant.code} · {v.quant.label}
                  {v.vramMB ? ` · ${(v.vramMB / 1024).toFixed(1)} GB VRAM` : ''}
                  {cached[v.modelId] ? ' · cached' : ''}
                  {ok ? '' : ` (unavailable: ${why})`}
                </option>
              );
            })}
          </select>
        </>
      )}
    </div>
  );
}
