import records from 'virtual:qwen-records';
import { architectureOf, type Architecture } from './lib/architectures';
import { buildCatalog, findVariant, type CatalogFamily } from './lib/catalog';
import { ONNX_RECORDS, setCustomOnnxRecords } from './lib/onnx-models';
import { customOnnxRecord } from './lib/custom-onnx';
import { browserMoeOf } from './lib/browser-moes';
import { TINY_ARCHITECTURE, TINY_MOE } from './lib/tiny-moe';
import { customArchitecture, customFamily, type CustomModel } from './lib/custom-model';
import { getState } from './store/store';

/** The Qwen catalog: web-llm's prebuiltAppConfig (read at build time), then the ONNX records. */
export const CATALOG = buildCatalog(records, ONNX_RECORDS);

const PREBUILT_IDS = CATALOG.flatMap((f) => f.models.flatMap((m) => m.variants.map((v) => v.modelId)));

/** The catalog with the user's own models after it; rebuilt only when that list changes. */
let built: { from: readonly CustomModel[]; families: CatalogFamily[] } | null = null;
export function catalogWithCustom(custom: readonly CustomModel[] = getState().prefs.customModels): CatalogFamily[] {
  if (built?.from !== custom) {
    setCustomOnnxRecords(custom.flatMap((c) => customOnnxRecord(c) ?? []));
    const family = customFamily(custom);
    built = { from: custom, families: family ? [...CATALOG, family] : CATALOG };
  }
  return built.families;
}

export const variantOf = (modelId: string | null) => (modelId ? findVariant(catalogWithCustom(), modelId) : null);

export const customModelOf = (modelId: string | null) => getState().prefs.customModels.find((c) => c.id === modelId) ?? null;

/** Every model id the app can load: the prebuilt ones and the user's own. */
export const allModelIds = () => [...PREBUILT_IDS, ...getState().prefs.customModels.map((c) => c.id)];

/** A model's architecture: a custom model's from its own config, a prebuilt one's from the app's table. */
export function architectureOfModel(modelId: string | null): Architecture | null {
  const custom = customModelOf(modelId);
  if (custom) return customArchitecture(custom);
  const found = variantOf(modelId);
  if (!found) return null;
  if (found.model.name === TINY_MOE.name) return TINY_ARCHITECTURE;
  // A published ONNX build has the architecture of the model it was converted from.
  return architectureOf(found.model.name.replace(/-ONNX$/, '')) ?? browserMoeOf(found.model.name)?.arch ?? null;
}
