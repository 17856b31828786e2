/** The bare page: one worker, one request at a time, exposed as window.__bare for the benchmark. */
import type { BareApi, BareReply, BareRequest } from './protocol';

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
let queue: Promise<unknown> = Promise.resolve();

const ask = (req: BareRequest): Promise<BareReply> => {
  const next = queue.then(
    () =>
      new Promise<BareReply>((resolve) => {
        worker.onmessage = (e: MessageEvent<BareReply>) => resolve(e.data);
        worker.postMessage(req);
      }),
  );
  queue = next;
  return next;
};

(window as unknown as { __bare: BareApi }).__bare = { ask };
