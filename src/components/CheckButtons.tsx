import { useRef, useState } from 'react';

/**
 * A form's network check in flight: `start` runs it with an AbortSignal (each check also gives up
 * after its own timeout), `cancel` aborts it, `busy` says one runs. One at a time.
 */
export function useCheck() {
  const [busy, setBusy] = useState(false);
  const current = useRef<AbortController | null>(null);
  const start = <T,>(check: (signal: AbortSignal) => Promise<T>, done: (result: T) => void) => {
    const controller = new AbortController();
    current.current = controller;
    setBusy(true);
    void check(controller.signal)
      .then(done)
      .finally(() => {
        current.current = null;
        setBusy(false);
      });
  };
  return { busy, start, cancel: () => current.current?.abort() };
}

/** The form's submit button ("Checking…" while the check runs) and, meanwhile, its Cancel. */
export function CheckButtons({ label, busy, onCancel, testId, cancelTestId }: { label: string; busy: boolean; onCancel: () => void; testId: string; cancelTestId: string }) {
  return (
    <>
      <button type="submit" disabled={busy} data-testid={testId}>
        {busy ? 'Checking…' : label}
      </button>
      {busy && (
        <button type="button" onClick={onCancel} data-testid={cancelTestId}>
          Cancel
        </button>
      )}
    </>
  );
}
