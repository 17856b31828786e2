import { useState } from 'react';
import { commonPrefix, quantOf } from '../../lib/compare-metrics';
import type { ComparisonFile } from '../../shared/comparison';
import { KlStrips } from './KlStrips';

/** Where two texts first differ, in UTF-16 units (the length of the shorter when one extends the other). */
function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/**
 * One prompt's greedy replies side by side, the reference first. The first divergent token is
 * found by token ids; it is marked in the text from the first character that differs to the end
 * of that word (token boundaries are not recorded in the text).
 */
export function CompareReplies({ file }: { file: ComparisonFile }) {
  const [promptId, setPromptId] = useState(file.setup.prompts[0]?.id ?? '');
  const prompt = file.setup.prompts.find((p) => p.id === promptId) ?? file.setup.prompts[0];
  if (!prompt) return null;
  const reference = file.variants[0]?.free.find((r) => r.prompt === prompt.id);
  return (
    <div className="compare-replies">
      <label htmlFor="compare-prompt">Replies to</label>
      <select id="compare-prompt" value={prompt.id} onChange={(e) => setPromptId(e.target.value)} data-testid="compare-prompt">
        {file.setup.prompts.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id}: {p.text.length > 60 ? `${p.text.slice(0, 60)}…` : p.text}
          </option>
        ))}
      </select>
      <div className="reply-columns">
        {file.variants.map((v, i) => {
          const reply = v.free.find((r) => r.prompt === prompt.id);
          const quant = quantOf(v.modelId);
          if (!reply) {
            return (
              <article key={v.modelId} className="reply-column">
                <h3>{quant}</h3>
                <p className="muted">No reply ({v.status}).</p>
              </article>
            );
          }
          // A variant not compared for quality (another tokenizer or chat template): its reply is compared by text.
          const byText = i > 0 && reference !== undefined && v.qualitySkipped !== undefined;
          const same = i === 0 || !reference || byText ? null : commonPrefix(reply.tokens, reference.tokens);
          const identical = byText ? reply.text === reference.text : same !== null && same === reply.tokens.length && same === reference!.tokens.length;
          const at = identical || (same === null && !byText) ? reply.text.length : firstDifference(reply.text, reference!.text);
          const wordEnd = at + (/^\S*/.exec(reply.text.slice(at))?.[0].length ?? 0);
          return (
            <article key={v.modelId} className="reply-column" data-testid={`compare-reply-${quant}`}>
              <h3>
                {quant}
                {i === 0 ? ' (reference)' : identical ? ' · identical' : byText ? ` · by text: parts at character ${at + 1}` : ` · parts at token ${same! + 1}`}
              </h3>
              <p className="reply-text">
                {reply.text.slice(0, at)}
                {at < reply.text.length && <mark data-testid="divergence">{reply.text.slice(at, Math.max(wordEnd, at + 1))}</mark>}
                {reply.text.slice(Math.max(wordEnd, at + 1))}
              </p>
            </article>
          );
        })}
      </div>
      <KlStrips file={file} prompt={prompt.id} />
    </div>
  );
}
