import { useStore } from '../../store/store';
import { fmt } from './Figure';
import { SourceBadge } from '../SourceBadge';
import type { Provenance, RunSource } from '../../shared/provenance';
import type { RunEngine } from '../../shared/runs';

/** The provenance of an engine's own figures: web-llm's report, or the ONNX engine's stamps (measured). */
export function engineFigureSource(source: RunSource, engine: RunEngine): Provenance {
  if (source === 'replayed') return 'replayed';
  return engine === 'onnx' ? 'measured' : 'web-llm';
}

/** The app's figures for the last reply beside the engine's for the same run: web-llm's own usage,
 * or the ONNX engine's, which this worker stamped token by token (measured). */
export function LastReply() {
  const reply = useStore((s) => s.lastReply);
  if (!reply) return null;
  const { app, engine, source, engineKind } = reply;
  const rows: Array<[string, number | undefined, number | undefined, number]> = [
    ['Decode tok/s', app.extra.decode_tokens_per_s, engine?.extra.decode_tokens_per_s, 1],
    ['Prefill tok/s', app.extra.prefill_tokens_per_s, engine?.extra.prefill_tokens_per_s, 1],
    ['First token (s)', app.extra.time_to_first_token_s, engine?.extra.time_to_first_token_s, 3],
    ['End to end (s)', app.extra.e2e_latency_s, engine?.extra.e2e_latency_s, 2],
    ['Tokens', app.completion_tokens, engine?.completion_tokens, 0],
  ];
  return (
    <table className="last-reply" data-testid="last-reply">
      <caption>Last reply</caption>
      <thead>
        <tr>
          <th>
            <span className="visually-hidden">figure</span>
          </th>
          <th>
            app <SourceBadge source={source} />
          </th>
          <th>
            {engineKind === 'onnx' ? 'ONNX engine' : 'web-llm'} <SourceBadge source={engineFigureSource(source, engineKind)} />
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, ours, theirs, digits]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{fmt(ours, digits)}</td>
            <td>{fmt(theirs, digits)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
