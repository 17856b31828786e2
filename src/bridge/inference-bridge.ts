/**
 * Owns the inference worker's life: create, wrap with comlink, notice a crash,
 * restart, terminate. Nothing else on the main thread touches the Worker.
 */
import * as Comlink from 'comlink';
import type { InferenceApi } from '../../workers/inference.worker';
import type { WorkerEvent } from '../shared/protocol';

export type InferenceRemote = Comlink.Remote<InferenceApi>;

interface BridgeListeners {
  onCrash: (detail: string) => void;
  onEvent: (e: WorkerEvent) => void;
}

let worker: Worker | null = null;
let remote: InferenceRemote | null = null;
let listeners: BridgeListeners = { onCrash: () => {}, onEvent: () => {} };
let generation = 0;

export function setBridgeListeners(l: BridgeListeners): void {
  listeners = l;
}

function start(): InferenceRemote {
  const gen = ++generation;
  worker = new Worker(new URL('../../workers/inference.worker.ts', import.meta.url), {
    type: 'module',
    name: 'inference',
  });
  // An uncaught error leaves the worker in an unknown state: treat it as a crash.
  worker.addEventListener('error', (e) => {
    if (gen !== generation) return;
    e.preventDefault();
    crashed(e.message || 'uncaught error in the inference worker');
  });
  worker.addEventListener('messageerror', () => {
    if (gen === generation) crashed('a message from the inference worker could not be read');
  });
  remote = Comlink.wrap<InferenceApi>(worker);
  void remote.subscribe(Comlink.proxy((e: WorkerEvent) => listeners.onEvent(e)));
  return remote;
}

function crashed(detail: string): void {
  terminate();
  listeners.onCrash(detail);
}

/** The worker's API, starting the worker on first use. */
export function inference(): InferenceRemote {
  return remote ?? start();
}

/** Kills the worker (and with it the GPU device and any loaded model). */
export function terminate(): void {
  generation++;
  if (remote) remote[Comlink.releaseProxy]();
  worker?.terminate();
  worker = null;
  remote = null;
}

export function restart(): InferenceRemote {
  terminate();
  return start();
}

export interface StreamChannel<Back> {
  /** Pass as the call's argument (it is transferred to the worker). */
  port: MessagePort;
  /** Sends a message back to the worker, on the same channel. */
  post: (message: Back) => void;
  close: () => void;
}

/**
 * A channel for a call's stream of updates: the worker posts each update on `port`
 * and `onMessage` runs. Unlike a comlink callback it sends no reply per update, which
 * at 30 updates a second is main-thread time better spent painting them; the UI's
 * own messages back (frame reports) go only when it has something to say.
 */
export function streamChannel<T, Back = never>(onMessage: (value: T) => void): StreamChannel<Back> {
  const channel = new MessageChannel();
  channel.port1.onmessage = (e: MessageEvent<T>) => onMessage(e.data);
  return {
    port: Comlink.transfer(channel.port2, [channel.port2]),
    post: (message) => channel.port1.postMessage(message),
    close: () => channel.port1.close(),
  };
}

export { Comlink };
