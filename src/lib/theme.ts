/**
 * Light or dark, or the system's choice: a projector in a lit room wants light whatever the laptop says.
 * The choice lives in localStorage (read synchronously by index.html's first script, so the first paint
 * already has it) and shows as `data-theme` on <html>, which the stylesheet's dark colours key on.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_KEY = 'qwen-webgpu:theme';
const media = () => window.matchMedia('(prefers-color-scheme: dark)');

export function readTheme(): ThemeChoice {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

function apply(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && media().matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage refused (private mode): the choice holds for this page.
  }
  apply(choice);
}

/** Applies the saved choice and follows the system's while the choice is "system". */
export function watchTheme(): void {
  apply(readTheme());
  media().addEventListener('change', () => {
    if (readTheme() === 'system') apply('system');
  });
}
