import { useStore } from '../../store/store';
import { fmt } from './Figure';
import { SourceBadge } from '../SourceBadge';

/** The app's figures for the last reply beside web-llm's own usage figures for the same run. */
export function LastReply() {
  const reply = useStore((s) => s.lastReply);
  if (!reply) return null;
  const { app, engine, source } = reply;
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
            web-llm <SourceBadge source={source === 'replayed' ? 'replayed' : 'web-llm'} />
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
