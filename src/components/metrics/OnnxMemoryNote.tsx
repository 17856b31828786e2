import { useCallback } from 'react';
import { useStore } from '../../store/store';
import type { AppState } from '../../store/types';
import { MiB, mlcKvBytesPerToken } from '../../lib/vram';
import type { Architecture } from '../../lib/architectures';
import type { QuantInfo } from '../../lib/quant';
import { contextTokensOf } from './context-tokens';
import { fmt } from './Figure';
import { LiveText } from './LiveText';

/**
 * The ONNX engine's memory in its own terms: ONNX Runtime creates its buffers as it runs, so the
 * estimate that can be checked is the weights', against what the GPU held when the sessions were
 * created and nothing had run yet. What is held beyond that is said, not guessed.
 */
export function OnnxMemoryNote({ modelId, arch, quant, estimateBytes }: { modelId: string; arch: Architecture; quant: QuantInfo; estimateBytes: number }) {
  const measured = useStore((s) => s.weightBytes[modelId] ?? null);
  const kvPerToken = mlcKvBytesPerToken(arch, quant);
  const readRest = useCallback(
    (s: AppState) => {
      const weights = s.weightBytes[modelId];
      if (weights === undefined || s.loadedId !== modelId) return '–';
      const rest = Math.max(0, s.memory.liveBytes - weights);
      return `${fmt(rest / MiB, 1)} MB (KV cache at this context ≈ ${fmt((kvPerToken * contextTokensOf(s)) / MiB, 1)} MB)`;
    },
    [modelId, kvPerToken],
  );
  if (measured === null) {
    return (
      <p className="muted small" data-testid="onnx-weights">
        Weights estimate {fmt(estimateBytes / MiB, 1)} MB; load the model to measure what the GPU holds for them.
      </p>
    );
  }
  const diff = ((estimateBytes - measured) / measured) * 100;
  return (
    <p className="small" data-testid="onnx-weights">
      Weights on the GPU: estimate <strong>{fmt(estimateBytes / MiB, 2)} MB</strong>, measured at load{' '}
      <strong data-testid="onnx-weights-measured">{fmt(measured / MiB, 2)} MB</strong> ({diff >= 0 ? '+' : ''}
      {fmt(diff, 1)} %). Held beyond the weights now: <LiveText read={readRest} /> — ONNX Runtime&rsquo;s working memory: the KV
      cache and the buffers of the largest step so far (activations, the experts each token gathered), kept for reuse until
      the model is unloaded.
    </p>
  );
}
