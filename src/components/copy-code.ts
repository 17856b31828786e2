/** The copy button of rendered code blocks, handled by delegation from the element that holds them. */
export function copyCodeFrom(target: EventTarget | null): void {
  if (!(target instanceof Element)) return;
  const button = target.closest('button[data-copy]');
  const code = button?.closest('.code-block')?.querySelector('code');
  if (!button || !code) return;
  void navigator.clipboard.writeText(code.textContent ?? '').then(
    () => {
      button.textContent = 'Copied';
      setTimeout(() => (button.textContent = 'Copy'), 1500);
    },
    () => (button.textContent = 'Copy failed'),
  );
}
