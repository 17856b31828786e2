import { inference, streamChannel, type StreamChannel } from '../bridge/inference-bridge';
import { variantOf } from '../catalog-data';
import { buildRequestMessages } from '../lib/conversation';
import { makeError } from '../lib/errors';
import { getState, setState } from '../store/store';
import type { ChatEntry } from '../store/types';
import type { FrameReport, StreamUpdate } from '../../workers/protocol';
import { addRun } from './runs-actions';
import { finishLiveMetrics, meterStream, refreshLiveMetricsInFrame, startLiveMetrics } from './metrics-actions';
import { estimateTokens } from '../lib/tokens';
import { noteBatchArrived } from '../lib/paint-latency';
import { frameInterval } from '../lib/frame-interval';
import { unpackResult } from '../lib/run-transfer';

const newId = () => crypto.randomUUID();

export function setDraft(draft: string): void {
  setState({ draft });
}

// Stream batches are applied to the store in an animation frame, right before it is painted.
// Such frames are reported back to the worker, which aims its next batches at later frames;
// frames keep their phase, so a report every REPORT_MS is enough (not one message per frame).
const REPORT_MS = 250;
let pendingText = '';
let pendingChunks = 0;
let frame: number | null = null;
let updates: StreamChannel<FrameReport> | null = null;
let reportedAt = Number.NEGATIVE_INFINITY;

// The text of the reply in flight lives here and goes to its view batch by batch. A store update
// per batch would run every store subscriber 30 times a second for one element's sake; the store
// says who is replying, and gets the text when the reply settles.
let replyText = '';
let replyView: ((added: string) => void) | null = null;

/** Hands the view of the reply in flight the text so far, then what each painted batch adds. */
export function followReply(view: (added: string) => void): () => void {
  replyView = view;
  if (replyText !== '') view(replyText);
  return () => {
    if (replyView === view) replyView = null;
  };
}

function flushStream(frameTime?: number): void {
  if (frame !== null) cancelAnimationFrame(frame);
  frame = null;
  if (getState().streaming && pendingChunks > 0) {
    replyText += pendingText;
    replyView?.(pendingText);
    const intervalMs = frameInterval(); // timed when the model became ready; 0 (no use to the worker) until then
    if (frameTime !== undefined && updates && intervalMs > 0 && frameTime - reportedAt >= REPORT_MS) {
      updates.post({ frameAt: performance.timeOrigin + frameTime, intervalMs });
      reportedAt = frameTime;
    }
  }
  if (frameTime !== undefined) refreshLiveMetricsInFrame();
  pendingText = '';
  pendingChunks = 0;
}

function appendStream(u: StreamUpdate): void {
  meterStream(u);
  noteBatchArrived(u.chunkAt);
  pendingText += u.text;
  pendingChunks += u.chunkAt.length;
  frame ??= requestAnimationFrame(flushStream);
}

/** Turns the reply in flight into a history entry (used on finish, error and crash). */
export function settleStreaming(finishReason: ChatEntry['finishReason'], finalText?: string, runId?: string): void {
  flushStream();
  const s = getState().streaming;
  if (!s) return;
  const text = finalText ?? replyText;
  replyText = '';
  const entry: ChatEntry = {
    id: s.id,
    role: 'assistant',
    content: text,
    modelId: s.modelId,
    replayed: s.replayed,
    ...(finishReason ? { finishReason } : {}),
    ...(runId ? { runId } : {}),
  };
  // Kept even when empty, so a reply stopped before its first token still shows as "stopped".
  setState({ streaming: null, messages: [...getState().messages, entry] });
}

export async function send(): Promise<void> {
  const s = getState();
  const prompt = s.draft.trim();
  if (s.streaming) return;
  if (prompt === '') {
    setState({ chatError: makeError('empty-prompt') });
    return;
  }
  if (!s.loadedId || s.loadState !== 'ready') {
    setState({ chatError: makeError('not-loaded') });
    return;
  }
  const modelId = s.loadedId;
  const thinking = variantOf(modelId)?.model.thinking === 'switch' ? s.settings.thinking : null;
  const settings = { ...s.settings, thinking };
  const user: ChatEntry = { id: newId(), role: 'user', content: prompt };
  const history = [...s.messages, user];
  const replayed = s.engine.kind === 'replay';
  setState({
    messages: history,
    draft: '',
    chatError: null,
    streaming: { id: newId(), modelId, replayed },
  });
  replyText = '';
  const request = { messages: buildRequestMessages(settings.systemPrompt, history), settings };
  startLiveMetrics(replayed ? 'replayed' : 'measured', estimateTokens(request.messages));
  const channel = streamChannel<StreamUpdate, FrameReport>(appendStream);
  updates = channel;
  reportedAt = Number.NEGATIVE_INFINITY;
  let result;
  try {
    result = await inference().generate(request, channel.port);
  } catch {
    finishLiveMetrics(null);
    return; // the worker crashed: the crash handler settles the reply and shows the alert
  } finally {
    channel.close();
    if (updates === channel) updates = null;
  }
  if (result.ok) {
    const reply = unpackResult(result.value);
    finishLiveMetrics(reply.run);
    addRun(reply.run);
    settleStreaming(reply.finishReason, reply.text, reply.run.id);
    return;
  }
  finishLiveMetrics(null);
  flushStream();
  const partial = getState().streaming ? replyText : '';
  if (partial === '') {
    // Nothing came back: take the message out of the history and give it back to the composer.
    setState({ streaming: null, messages: getState().messages.filter((m) => m.id !== user.id), draft: prompt });
  } else {
    settleStreaming('error');
  }
  setState({ chatError: result.error });
  if (result.error.code === 'device-lost') setState({ loadedId: null, loadState: 'error', loadError: result.error });
}

/** Stops the generation with web-llm's interruptGenerate; the model stays loaded. */
export function stop(): void {
  if (getState().streaming) void inference().stop();
}

export function clearChat(): void {
  if (getState().streaming) stop();
  setState({ messages: [], chatError: null });
}
