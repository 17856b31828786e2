import { useStore } from '../store/store';
import { LiveText } from './metrics/LiveText';
import { readDecodeRate, readTokens } from './metrics/SpeedPanel';
import { SourceBadge } from './SourceBadge';

/**
 * On a phone the speed panel is far below the chat: this line under the composer keeps the live
 * decode rate in view while a reply streams (written into its nodes, no renders per batch). Its
 * height is kept when idle, so it shifts nothing when a reply starts.
 */
export function LiveSpeedLine() {
  const streaming = useStore((s) => s.streamingFigures?.streaming ?? false);
  const source = useStore((s) => s.streamingFigures?.source ?? null);
  return (
    <p className="live-speed-line" data-testid="live-speed-line">
      {source && (
        <>
          <LiveText read={readDecodeRate} /> tok/s · <LiveText read={readTokens} /> tokens {streaming ? '(live)' : '(last reply)'}{' '}
          <SourceBadge source={source} />
        </>
      )}
    </p>
  );
}
