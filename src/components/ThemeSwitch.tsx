import { useState } from 'react';
import { readTheme, setTheme, type ThemeChoice } from '../lib/theme';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const MARK: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

/** System, light or dark, one press each (a small button: it shares the phone's first row with the views). Kept on this device. */
export function ThemeSwitch() {
  const [choice, setChoice] = useState<ThemeChoice>(readTheme);
  return (
    <button
      type="button"
      className="theme-switch"
      data-testid="theme-switch"
      data-theme-choice={choice}
      aria-label={`Theme: ${choice}. Switch to ${NEXT[choice]}`}
      title={`Theme: ${choice} (switch to ${NEXT[choice]})`}
      onClick={() => {
        const next = NEXT[choice];
        setChoice(next);
        setTheme(next);
      }}
    >
      <span aria-hidden="true">{MARK[choice]}</span>
    </button>
  );
}
