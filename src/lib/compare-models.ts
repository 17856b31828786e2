/**
 * The models a comparison can hold. A Qwen that both engines run — web-llm's MLC builds and
 * transformers.js's ONNX builds of the same weights — is one model here, with the builds of both,
 * so that a tester can ask which runtime and which quantization is fastest on this GPU, and at what
 * quality cost. The ONNX builds' own catalog name still finds it (links and files that use it).
 */
import type { CatalogFamily, CatalogModel, CatalogVariant, EngineKind } from './catalog';

export interface CompareModel extends CatalogModel {
  /** Other names that lead here: the catalog names of the ONNX builds merged in. */
  aliases: string[];
}

/** web-llm first: the app's default engine. */
export const ENGINE_ORDER: readonly EngineKind[] = ['web-llm', 'onnx'];

/** Every catalog model with at least two builds to compare, the ONNX builds of a web-llm model within it. */
export function compareModels(catalog: readonly CatalogFamily[]): CompareModel[] {
  const all = catalog.flatMap((f) => f.models);
  const copy = (m: CatalogModel): CompareModel => ({ ...m, variants: [...m.variants], aliases: [] });
  const hosts = new Map(all.filter((m) => !m.sameAs).map((m) => [m.name, copy(m)]));
  const out: CompareModel[] = [];
  for (const m of all) {
    const host = m.sameAs ? hosts.get(m.sameAs) : undefined;
    if (!m.sameAs) out.push(hosts.get(m.name)!);
    else if (!host) out.push(copy(m));
    else {
      // Quantization codes name variants in setups and links: a code both engines use is kept once (web-llm's).
      const codes = new Set(host.variants.map((v) => v.quant.code));
      host.variants.push(...m.variants.filter((v) => !codes.has(v.quant.code)));
      host.aliases.push(m.name);
    }
  }
  return out.filter((m) => m.variants.length >= 2);
}

export function compareModelNamed(models: readonly CompareModel[], name: string): CompareModel | null {
  return models.find((m) => m.name === name) ?? models.find((m) => m.aliases.includes(name)) ?? null;
}

/** A model's variants by engine, in ENGINE_ORDER; one group when one engine runs them all. */
export function variantsByEngine(model: CatalogModel): Array<{ engine: EngineKind; variants: CatalogVariant[] }> {
  return ENGINE_ORDER.map((engine) => ({ engine, variants: model.variants.filter((v) => v.engine === engine) })).filter((g) => g.variants.length > 0);
}
