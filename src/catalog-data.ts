import records from 'virtual:qwen-records';
import { buildCatalog, findVariant } from './lib/catalog';

/** The Qwen catalog, derived at build time from web-llm's prebuiltAppConfig. */
export const CATALOG = buildCatalog(records);

export const variantOf = (modelId: string | null) => (modelId ? findVariant(CATALOG, modelId) : null);

export const ALL_MODEL_IDS = CATALOG.flatMap((f) => f.models.flatMap((m) => m.variants.map((v) => v.modelId)));
