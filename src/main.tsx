import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initApp } from './actions/app-actions';
import { registerServiceWorker } from './actions/device-actions';
import { persistBeforeUnload } from './store/persistence';
import { warmUpReplyWriter } from './components/reply/reply-writer';
import './styles.css';
import { watchTheme } from './lib/theme';

watchTheme();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void initApp();
registerServiceWorker();
// pagehide for a reload or a closed tab; hidden for a phone's tab, which may be killed unseen.
window.addEventListener('pagehide', persistBeforeUnload);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') persistBeforeUnload();
});
// Once the page is idle: the first streamed reply should not stutter while the renderer compiles.
if ('requestIdleCallback' in window) requestIdleCallback(warmUpReplyWriter, { timeout: 3000 });
else setTimeout(warmUpReplyWriter, 1000);
