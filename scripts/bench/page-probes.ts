/**
 * Scripts injected into the page before the app starts. They only observe:
 * long tasks, keystroke-to-paint delays, the moment the model picker is ready,
 * and (through the app's inert hook) worker-to-paint delays of streamed text.
 */
export const INIT_SCRIPT = `
(() => {
  // tsx keeps function names with a __name() helper, which functions passed to page.evaluate carry along.
  window.__name = (f) => f;
  window.__qwenPaintLog = { delays: [] };
  window.__longTasks = [];
  window.__inputDelays = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = cb;
    ch.port2.postMessage(null);
  });
  document.addEventListener('keydown', (e) => {
    const t = e.timeStamp;
    afterPaint(() => window.__inputDelays.push(performance.now() - t));
  }, true);
  const watch = new MutationObserver(() => {
    const quant = document.querySelector('#quant-select');
    if (quant && quant.value) {
      window.__pickerReadyAt = performance.now();
      watch.disconnect();
    }
  });
  watch.observe(document, { subtree: true, childList: true, attributes: true });
})();
`;

/** Clicks Send and resolves when the first streamed text is on screen (no polling from the test runner). */
export const SEND_AND_WAIT_FIRST_TOKEN = () =>
  new Promise<void>((resolve) => {
    const started = () => document.querySelector('[data-testid="message-streaming"] .markdown-blocks');
    const observer = new MutationObserver(() => {
      if (started()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true });
    (document.querySelector('[data-testid="send"]') as HTMLButtonElement).click();
  });

/**
 * Resolves when no reply is streaming any more: the reply's element changes its test id when it
 * finishes (or leaves the list). Only those changes are observed, not the text being written,
 * so the probe costs the stream it times next to nothing.
 */
export const WAIT_STREAM_END = () =>
  new Promise<void>((resolve) => {
    const check = () => {
      if (!document.querySelector('[data-testid="message-streaming"]')) {
        observer.disconnect();
        resolve();
      }
    };
    const observer = new MutationObserver(check);
    const list = document.querySelector('[data-testid="messages"]')?.firstElementChild;
    if (list) observer.observe(list, { childList: true });
    observer.observe(document.body, { subtree: true, attributeFilter: ['data-testid'] });
    check();
  });

/** Clicks "Run the comparison" and resolves once its progress has come and gone, watching the DOM
 * from inside the page (polling from the test runner would run its own queries on the main thread). */
export const RUN_COMPARISON = () =>
  new Promise<void>((resolve) => {
    const progress = () => document.querySelector('[data-testid="compare-progress"]');
    let seen = false;
    const observer = new MutationObserver(() => {
      if (progress()) seen = true;
      else if (seen) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true });
    (document.querySelector('[data-testid="compare-start"]') as HTMLButtonElement).click();
  });
