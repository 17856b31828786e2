import { inference } from '../bridge/inference-bridge';
import { variantOf } from '../catalog-data';
import { requestMessages } from '../lib/conversation';
import { touch, type ConversationMeta } from '../lib/conversations';
import { DEFAULT_CHARS_PER_TOKEN, calibrate, fitConversation, tokensOf } from '../lib/context-window';
import { makeError, type AppError } from '../shared/errors';
import { getState, setState, useStore } from '../store/store';
import type { AppState, ChatEntry } from '../store/types';
import type { GenerateRequest } from '../shared/protocol';
import { usageFromChunks, type Run } from '../shared/runs';
import { addRun } from './runs-actions';
import { finishStreamingFigures, meterStream, refreshStreamingFiguresInFrame, startStreamingFigures } from './metrics-actions';
import { drawExpertsInFrame, finishExperts, routeBatch, startExperts } from './expert-actions';
import { unpackResult } from '../shared/run-transfer';
import { ReplyStream, type ReplyView } from './reply-stream';
import { confirmStopComparison } from './compare-actions';
import { providePartialReply } from '../store/persistence';

const newId = () => crypto.randomUUID();

/** The current conversation's new messages, with its entry in the list brought up to date. */
function withMessages(messages: ChatEntry[]): { messages: ChatEntry[]; conversations: ConversationMeta[] } {
  const { conversations, currentId } = getState();
  return { messages, conversations: touch(conversations, currentId, messages, Date.now()) };
}

export function setDraft(draft: string): void {
  setState({ draft });
}

/** The reply in flight, if any; the store says which reply that is, this holds its stream. */
let inFlight: ReplyStream | null = null;

/** Hands the view of the reply in flight the text so far, then what each painted frame adds. */
export function followReply(view: ReplyView): () => void {
  return inFlight?.follow(view) ?? (() => {});
}

/** The figure shown under a reply: web-llm's usage when it gave one, else the app's from the chunk times. */
function speedOf(run: Run): Pick<ChatEntry, 'speed'> {
  const usage = run.usage ?? usageFromChunks(run.chunks, 0);
  const decodeTps = usage.extra.decode_tokens_per_s;
  return Number.isFinite(decodeTps) && decodeTps > 0 ? { speed: { decodeTps, tokens: usage.completion_tokens } } : {};
}

/** Turns the reply in flight into a history entry (used on finish, error and crash). */
export function settleStreaming(finishReason: ChatEntry['finishReason'], finalText?: string, run?: Run): void {
  const shown = inFlight?.dispose() ?? '';
  inFlight = null;
  const s = getState().streaming;
  if (!s) return;
  const entry: ChatEntry = {
    id: s.id,
    role: 'assistant',
    content: finalText ?? shown,
    modelId: s.modelId,
    source: s.source,
    ...(finishReason ? { finishReason } : {}),
    ...(run ? { runId: run.id } : {}),
    ...(run ? speedOf(run) : {}),
  };
  // Kept even when empty, so a reply stopped before its first token still shows as "stopped".
  setState({ streaming: null, ...withMessages([...getState().messages, entry]) });
}

// A reload or a closed tab keeps what the reply in flight has written so far (see persistence.ts).
providePartialReply(() => {
  const s = getState().streaming;
  if (!s || !inFlight) return null;
  return { id: s.id, role: 'assistant', content: inFlight.soFar, modelId: s.modelId, source: s.source, finishReason: 'interrupted' };
});

/** Nothing to send to: offer what can succeed here — a load, or the recorded demo where there is no GPU to load on. */
function notLoaded(s: AppState): AppError {
  if (s.engine.source === 'measured' && s.gpu.status === 'error') {
    return makeError('not-loaded', { message: `${s.gpu.error?.title ?? 'No GPU'}: no model can load here. The recorded demo plays one without a GPU; your message stays in the box.`, action: 'try-replay' });
  }
  if (s.loadState === 'loading') return makeError('not-loaded', { message: 'The model is still loading: send once it is ready. Your message stays in the box.', action: 'none' });
  return makeError('not-loaded');
}

/** The request for `text` (the draft, or a prompt the app sends for the user), with the user's
 * message added to the history; null (and the error shown) when there is nothing to send or
 * nothing to send it to. */
function takePrompt(text: string, fromDraft: boolean): { user: ChatEntry; request: GenerateRequest } | null {
  const s = getState();
  const prompt = text.trim();
  if (prompt === '') {
    setState({ chatError: makeError('empty-prompt') });
    return null;
  }
  if (!s.loadedId || s.loadState !== 'ready') {
    setState({ chatError: notLoaded(s) });
    return null;
  }
  const thinking = variantOf(s.loadedId)?.model.thinking === 'switch' ? s.settings.thinking : null;
  const settings = { ...s.settings, thinking };
  const user: ChatEntry = { id: newId(), role: 'user', content: prompt };
  const history = [...s.messages, user];
  const { messages, ids } = requestMessages(settings.systemPrompt, history);
  // Checked before the message joins the history: a refused prompt stays in the box, as typed.
  const fit = s.contextWindow === null ? null : fitConversation(messages, s.contextWindow - settings.max_tokens, s.prefs.overflow, charsPerTokenOf(s.loadedId));
  if (fit && !fit.ok) {
    const detail = `about ${fit.tokens} prompt tokens, room for ${s.contextWindow! - settings.max_tokens} (a context window of ${s.contextWindow} less ${settings.max_tokens} for the reply)`;
    setState({ chatError: makeError('context-exceeded', fit.reason === 'prompt-too-long' ? { detail } : { message: STOPPED_AT_LIMIT, detail }) });
    return null;
  }
  const sent = fit ? fit.messages : messages;
  const firstSent = fit && fit.dropped > 0 ? ids[messages.length - sent.length + (sent[0]?.role === 'system' ? 1 : 0)] : null;
  setState({
    ...withMessages(history),
    contextStart: firstSent ? { messageId: firstSent } : null,
    draft: fromDraft ? '' : s.draft,
    chatError: null,
    streaming: { id: newId(), modelId: s.loadedId, source: s.engine.source },
  });
  return { user, request: { messages: sent, settings } };
}

const STOPPED_AT_LIMIT =
  'The conversation no longer fits the context window, and the setting says to stop there. Choose "leave out the oldest turns" ' +
  'in the settings to go on, or clear the conversation.';

/** Characters per token for a model: calibrated by a measured reply, else Qwen's English average. */
function charsPerTokenOf(modelId: string): number {
  return getState().prefs.charsPerToken[modelId] ?? DEFAULT_CHARS_PER_TOKEN;
}

/** After a measured reply: web-llm's real count of the prompt's tokens calibrates the estimate. */
function calibrateFrom(request: GenerateRequest, run: Run): void {
  if (run.source !== 'measured' || !run.usage) return;
  const ratio = calibrate(request.messages, run.usage.prompt_tokens);
  if (ratio === null) return;
  const prefs = getState().prefs;
  setState({ prefs: { ...prefs, charsPerToken: { ...prefs.charsPerToken, [run.modelId]: ratio } } });
}

export function send(): Promise<void> {
  return sendPrompt(getState().draft, true);
}

async function sendPrompt(text: string, fromDraft: boolean): Promise<void> {
  if (getState().streaming || !confirmStopComparison('Sending a message')) return;
  const taken = takePrompt(text, fromDraft);
  if (!taken) return;
  const { user, request } = taken;
  const modelId = getState().loadedId;
  startStreamingFigures(getState().engine.source, tokensOf(request.messages, charsPerTokenOf(modelId ?? '')));
  startExperts(modelId);
  const stream = new ReplyStream({
    onBatch: (u) => {
      meterStream(u);
      routeBatch(u);
    },
    onFrame: () => {
      if (refreshStreamingFiguresInFrame()) drawExpertsInFrame();
    },
  });
  inFlight = stream;
  // The stream stays open until the call returns (closing it earlier could drop the last batch in
  // flight); settling the reply disposes it.
  let result;
  try {
    result = await inference().generate(request, stream.port);
  } catch (err) {
    finishStreamingFigures(null);
    finishExperts(modelId, null);
    // A crashed worker's handler has settled the reply already, and shows the alert.
    if (inFlight === stream) {
      settleStreaming('error');
      setState({ chatError: makeError('unknown', { detail: String(err) }) });
    }
    return;
  }
  if (result.ok) {
    const reply = unpackResult(result.value);
    finishStreamingFigures(reply.run);
    addRun(reply.run);
    calibrateFrom(request, reply.run);
    settleStreaming(reply.finishReason, reply.text, reply.run);
    finishExperts(modelId, reply.run.id);
    return;
  }
  finishStreamingFigures(null);
  finishExperts(modelId, null);
  const partial = inFlight === stream ? stream.dispose() : '';
  if (partial === '') {
    // Nothing came back: take the message out of the history and give it back to the composer.
    inFlight = null;
    setState({ streaming: null, ...withMessages(getState().messages.filter((m) => m.id !== user.id)), ...(fromDraft ? { draft: user.content } : {}) });
  } else {
    settleStreaming('error', partial);
  }
  setState({ chatError: result.error });
  if (result.error.code === 'device-lost') setState({ loadedId: null, loadState: 'error', loadError: result.error });
}

/** Stops the generation with web-llm's interruptGenerate; the model stays loaded. */
export function stop(): void {
  if (getState().streaming) void inference().stop();
}

/** Stops the reply in flight, if any, and resolves once it is in the history (kept, marked stopped). */
export function settleReply(): Promise<void> {
  if (!getState().streaming) return Promise.resolve();
  stop();
  return new Promise((resolve) => {
    const unsubscribe = useStore.subscribe((s) => {
      if (s.streaming) return;
      unsubscribe();
      resolve();
    });
  });
}

/** What Continue sends after a reply the page closed on: web-llm answers only a user's turn, so
 * the request is the conversation with the partial reply in it, and this. */
export const CONTINUE_PROMPT = 'Please continue your previous answer from where it stopped.';

/** The last message, when it is a reply the page closed on, with the question it answered. */
export function interruptedExchange(messages: readonly ChatEntry[] = getState().messages): { question: ChatEntry; reply: ChatEntry } | null {
  const reply = messages.at(-1);
  const question = messages.at(-2);
  return reply?.finishReason === 'interrupted' && question?.role === 'user' ? { question, reply } : null;
}

/** Asks the model to go on from the interrupted reply, which stays in the history. */
export function continueInterrupted(): Promise<void> {
  return sendPrompt(CONTINUE_PROMPT, false);
}

/** Asks a reply's question again (the last reply's, by default): the reply, and any exchange after it
 * (after a confirmation), give way to the new one; refused (no model loaded), nothing changes. */
export function regenerate(replyId?: string): Promise<void> {
  const before = getState().messages;
  const i = replyId === undefined ? before.length - 1 : before.findIndex((m) => m.id === replyId);
  const question = before[i - 1];
  if (i < 1 || before[i]?.role !== 'assistant' || question?.role !== 'user' || getState().streaming) return Promise.resolve();
  const later = before.slice(i + 1).filter((m) => m.role === 'user').length;
  if (later > 0 && !window.confirm(`Regenerate this reply? The ${later} exchange(s) after it leave the conversation.`)) return Promise.resolve();
  setState(withMessages(before.slice(0, i - 1)));
  const sent = sendPrompt(question.content, false);
  if (!getState().streaming) setState(withMessages(before));
  return sent;
}

/** Takes a question of the conversation back into the composer to be edited and sent again: it and
 * everything after it leave the history (after a confirmation when later exchanges would go too). */
export function editQuestion(id: string): void {
  const s = getState();
  const i = s.messages.findIndex((m) => m.id === id && m.role === 'user');
  if (i === -1 || s.streaming) return;
  const later = s.messages.slice(i + 2).filter((m) => m.role === 'user').length;
  if (later > 0 && !window.confirm(`Edit this message? The ${later} exchange(s) after it leave the conversation.`)) return;
  if (s.draft.trim() !== '' && s.draft !== s.messages[i]!.content && !window.confirm('Replace the message you are typing with this one?')) return;
  setState({ draft: s.messages[i]!.content, ...withMessages(s.messages.slice(0, i)) });
  document.querySelector<HTMLTextAreaElement>('[data-testid="prompt"]')?.focus();
}

export function dismissChatError(): void {
  setState({ chatError: null });
}
