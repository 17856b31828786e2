/**
 * A byte-level BPE tokenizer in Hugging Face's tokenizer.json format, with Qwen's ChatML special
 * tokens and chat template: every byte is a token, plus merges learned (deterministically) from a
 * short English text, so that a prompt takes fewer tokens than bytes as with a real vocabulary.
 */
import { TINY_MOE as T, TINY_VOCAB, specialId } from '../../src/lib/tiny-moe';

const CORPUS = `The mixture of experts model reads only the experts its router picks for each token.
A small model on a phone and a large model on a desktop: the memory of a big model, the speed of a small one.
Memory bandwidth sets the decode speed; the prompt is read in parallel, then every token is written one at a time.
What is the capital of France? Paris is the capital of France, and Rome is the capital of Italy.
Please explain how a graphics card runs a language model in the browser, step by step, with numbers.`;

/** GPT-2's map from bytes to printable characters (what byte-level BPE vocabularies are written in). */
export function byteToUnicode(): string[] {
  const printable = (b: number) => (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
  let extra = 0;
  return Array.from({ length: 256 }, (_, b) => String.fromCodePoint(printable(b) ? b : 256 + extra++));
}

/** GPT-2's pre-tokenizer split (the ByteLevel pre-tokenizer's `use_regex`). */
const SPLIT = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/** `count` merges, each the most frequent adjacent pair (ties: the first in the text), never across words. */
export function learnMerges(text: string, count: number): [string, string][] {
  const map = byteToUnicode();
  const words = (text.match(SPLIT) ?? []).map((w) => Array.from(new TextEncoder().encode(w), (b) => map[b]!));
  const merges: [string, string][] = [];
  while (merges.length < count) {
    const counts = new Map<string, number>();
    for (const w of words) for (let i = 0; i + 1 < w.length; i++) counts.set(`${w[i]} ${w[i + 1]}`, (counts.get(`${w[i]} ${w[i + 1]}`) ?? 0) + 1);
    let best = '';
    for (const [pair, n] of counts) if (n > (counts.get(best) ?? 0)) best = pair;
    if (!best) throw new Error(`the corpus has room for ${merges.length} merges, not ${count}`);
    const [a, b] = best.split(' ') as [string, string];
    merges.push([a, b]);
    for (const w of words)
      for (let i = 0; i + 1 < w.length; i++)
        if (w[i] === a && w[i + 1] === b) w.splice(i, 2, a + b);
  }
  return merges;
}

const CHAT_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

export function tokenizerFiles(): { tokenizer: Record<string, unknown>; tokenizerConfig: Record<string, unknown> } {
  const map = byteToUnicode();
  const merges = learnMerges(CORPUS, T.merges);
  const vocab: Record<string, number> = {};
  map.forEach((ch, b) => (vocab[ch] = b));
  merges.forEach(([a, b], i) => (vocab[a + b] = T.byteTokens + i));
  const added = T.specials.map((content) => ({ id: specialId(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }));
  if (Object.keys(vocab).length + added.length !== TINY_VOCAB) throw new Error('vocabulary size does not match the config');
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: true };
  return {
    tokenizer: {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: added,
      normalizer: null,
      pre_tokenizer: byteLevel,
      post_processor: null,
      decoder: byteLevel,
      model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, byte_fallback: false, vocab, merges: merges.map(([a, b]) => `${a} ${b}`) },
    },
    tokenizerConfig: {
      tokenizer_class: 'Qwen2Tokenizer',
      model_max_length: T.maxPositions,
      bos_token: null,
      eos_token: '<|im_end|>',
      pad_token: '<|endoftext|>',
      unk_token: null,
      clean_up_tokenization_spaces: false,
      split_special_tokens: false,
      add_prefix_space: false,
      errors: 'replace',
      chat_template: CHAT_TEMPLATE,
      added_tokens_decoder: Object.fromEntries(added.map(({ id, ...rest }) => [String(id), rest])),
    },
  };
}
