import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initApp } from './actions/app-actions';
import { flushPersistence } from './store/persistence';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void initApp();
window.addEventListener('pagehide', flushPersistence);
