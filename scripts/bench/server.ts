/** Serves a production build with Vite's preview server, for the benchmark scripts. */
import { spawn } from 'node:child_process';

export interface Preview {
  url: string;
  stop: () => void;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function waitForServer(url: string, timeoutMs: number, exited: () => boolean): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (exited()) throw new Error(`the preview server for ${url} exited before it answered`);
    if (await answers(url)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}

/** `outDir`: the build to serve (Vite's default, dist, when absent). */
export async function startPreview(port: number, outDir?: string): Promise<Preview> {
  const url = `http://127.0.0.1:${port}`;
  if (await answers(url)) throw new Error(`something already answers at ${url}: stop it first, or its build would be measured`);
  const args = ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  if (outDir) args.push('--outDir', outDir);
  // Vite's own entry (not npx), so that killing the child really stops the server.
  const server = spawn(process.execPath, args, { stdio: 'ignore' });
  let exited = false;
  server.on('exit', () => (exited = true));
  const stop = () => server.kill();
  try {
    await waitForServer(url, 30_000, () => exited);
  } catch (err) {
    stop();
    throw err;
  }
  return { url, stop };
}
