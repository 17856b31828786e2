/**
 * Whether two builds' token ids mean the same thing. Quality figures compare log-probabilities by
 * token id, so variants run by different engines (web-llm's MLC builds, transformers.js's ONNX
 * builds) are only compared when their tokenizers hold the same vocabulary: the same token at every
 * id. Each engine reads its tokenizer.json (both engines load the Hugging Face format) and reduces
 * it to a size and a hash of every (id, token) pair.
 */
import type { RunEngine } from './runs';

export interface VocabularyInfo {
  /** Distinct ids: the model's vocabulary and the tokenizer's added (special) tokens. */
  size: number;
  /** Two FNV-1a passes over "id\ttoken\n" in id order, as 16 hex digits. */
  hash: string;
}

type Pairs = Map<number, string>;

function addVocab(pairs: Pairs, vocab: unknown): void {
  if (Array.isArray(vocab)) {
    // Unigram (SentencePiece) models: [[piece, score], …], the id being the position.
    vocab.forEach((entry, id) => {
      const piece: unknown = Array.isArray(entry) ? entry[0] : entry;
      if (typeof piece === 'string') pairs.set(id, piece);
    });
  } else if (vocab && typeof vocab === 'object') {
    // BPE and WordPiece: { token: id }.
    for (const [token, id] of Object.entries(vocab)) if (Number.isInteger(id)) pairs.set(id as number, token);
  }
}

function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The vocabulary of a parsed tokenizer.json; null when it holds none it can read. */
export function vocabularyOf(tokenizerJson: unknown): VocabularyInfo | null {
  if (!tokenizerJson || typeof tokenizerJson !== 'object') return null;
  const json = tokenizerJson as { model?: { vocab?: unknown }; added_tokens?: unknown };
  const pairs: Pairs = new Map();
  addVocab(pairs, json.model?.vocab);
  if (Array.isArray(json.added_tokens)) {
    for (const t of json.added_tokens as Array<{ id?: unknown; content?: unknown }>) {
      if (Number.isInteger(t?.id) && typeof t.content === 'string') pairs.set(t.id as number, t.content);
    }
  }
  if (pairs.size === 0) return null;
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const id of [...pairs.keys()].sort((x, y) => x - y)) {
    const line = `${id}\t${pairs.get(id)}\n`;
    a = fnv(line, a);
    b = fnv(line, b ^ 0x5bd1e995);
  }
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return { size: pairs.size, hash: hex(a) + hex(b) };
}

/** What a quality comparison needs to know of a variant besides its traces. */
export interface QualityInputs {
  engine: RunEngine;
  vocabulary: VocabularyInfo | null;
  /** Prompt id → how many tokens the variant's chat template made of it. */
  promptTokens: ReadonlyMap<string, number>;
}

/**
 * Why a variant's quality cannot be measured against the reference's, or null when it can: another
 * vocabulary (ids would be compared across different tokens), or another chat template (the two would
 * be scored on different inputs). Builds of one model from one engine share their tokenizer files, so
 * an unreadable tokenizer only blocks a comparison across engines.
 */
export function qualityProblem(reference: QualityInputs, variant: QualityInputs): string | null {
  const a = variant.vocabulary;
  const b = reference.vocabulary;
  if (a && b) {
    if (a.size !== b.size) return `its tokenizer has ${a.size.toLocaleString('en')} tokens, the reference’s ${b.size.toLocaleString('en')}: the same id is not the same token`;
    if (a.hash !== b.hash) return `its tokenizer has as many tokens as the reference’s (${a.size.toLocaleString('en')}) but not the same ones: the same id is not the same token`;
  } else if (variant.engine !== reference.engine) {
    return `its tokenizer or the reference’s could not be read, so whether their token ids mean the same tokens is unknown`;
  }
  for (const [prompt, n] of variant.promptTokens) {
    const m = reference.promptTokens.get(prompt);
    if (m !== undefined && m !== n) return `its chat template makes ${n} tokens of prompt “${prompt}”, the reference’s ${m}: they would be scored on different inputs`;
  }
  return null;
}
