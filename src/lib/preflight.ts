/**
 * The presenter's pre-flight check: what could go wrong on stage, read from the real state of this
 * browser (adapter, features, cache, storage, service worker, rehearsal), each item green, amber or
 * red with what to do.
 */
import type { RehearsalFit } from './rehearsal';
import { formatSizeMB } from './vram';

export type CheckLevel = 'ok' | 'warn' | 'fail';
export type CheckAction = 'download-model' | 'persist-storage' | 'record-rehearsal' | 'edit-script' | null;

export interface CheckItem {
  id: 'webgpu' | 'shader-f16' | 'model' | 'storage' | 'offline' | 'rehearsal' | 'script';
  level: CheckLevel;
  title: string;
  detail: string;
  action: CheckAction;
}

export interface PreflightInput {
  /** null: no adapter (the reason in gpuError). */
  adapter: { name: string; isFallback: boolean; shaderF16: boolean } | null;
  gpuError: string | null;
  model: { id: string; needsF16: boolean; cached: boolean; downloadMB: number | null } | null;
  replay: boolean;
  persisted: boolean | null;
  offlineReady: boolean;
  rehearsal: { fit: RehearsalFit; recorded: string; gpu: string; browser: string } | null;
  browser: string;
  scriptLength: number;
}

const item = (id: CheckItem['id'], level: CheckLevel, title: string, detail: string, action: CheckAction = null): CheckItem => ({ id, level, title, detail, action });

function webgpu({ adapter, gpuError }: PreflightInput): CheckItem {
  if (!adapter) return item('webgpu', 'fail', 'No WebGPU adapter', `${gpuError ?? 'This browser gives the page no GPU.'} Present from Chrome or Edge 113+ on a machine with a GPU.`);
  if (adapter.isFallback) {
    return item('webgpu', 'fail', `Software adapter: ${adapter.name}`, 'The browser runs WebGPU on the CPU: a model decodes at a fraction of its speed. Turn on hardware acceleration in the browser settings, check chrome://gpu, or use another browser.');
  }
  return item('webgpu', 'ok', `GPU: ${adapter.name}`, 'A hardware adapter: the figures on stage are this GPU’s.');
}

function shaderF16({ adapter, model }: PreflightInput): CheckItem {
  if (adapter?.shaderF16) return item('shader-f16', 'ok', 'shader-f16 available', 'The f16 builds (q4f16_1, q0f16) can run.');
  if (model?.needsF16) return item('shader-f16', 'fail', `No shader-f16: ${model.id} cannot run`, 'Pick the q4f32_1 build of the same model (f32 needs no f16 support).');
  return item('shader-f16', 'warn', 'No shader-f16', `The f16 builds cannot run here${model ? `; the chosen ${model.id} does not need it` : ''}.`);
}

function modelCheck({ model, replay }: PreflightInput): CheckItem {
  if (replay) return item('model', 'warn', 'Replay mode', 'The stage shows a recorded run, labelled replayed. Leave replay mode to present the live engine.');
  if (!model) return item('model', 'fail', 'No model chosen', 'Pick a model in the chat view, then come back.');
  if (model.cached) return item('model', 'ok', `${model.id} is downloaded`, 'It loads from the browser cache, without the network.');
  // The same words and unit as the model panel's download figure.
  const size = model.downloadMB ? ` (about ${formatSizeMB(model.downloadMB)})` : '';
  return item('model', 'fail', `${model.id} is not downloaded`, `Download it now${size}, on a good network: the venue’s may be slow or absent.`, 'download-model');
}

function storage({ persisted }: PreflightInput): CheckItem {
  if (persisted) return item('storage', 'ok', 'Storage is persistent', 'The browser will not evict the downloaded model to free space.');
  const why = persisted === null ? 'This browser does not say whether it keeps this site’s data.' : 'Under storage pressure the browser may delete the downloaded model.';
  return item('storage', 'warn', 'Storage may be cleared', `${why} Ask it to keep the data (Chrome grants this to sites you use often or have installed).`, 'persist-storage');
}

function offline({ offlineReady }: PreflightInput): CheckItem {
  if (offlineReady) return item('offline', 'ok', 'The app works offline', 'A service worker has the app cached: it starts without the network.');
  return item('offline', 'warn', 'Not yet available offline', 'Stay on this page online for a few seconds, then reload it once: the app is cached after the first calm moment.');
}

function rehearsal({ rehearsal: r, browser, scriptLength }: PreflightInput): CheckItem {
  const record: CheckAction = scriptLength > 0 ? 'record-rehearsal' : 'edit-script';
  if (!r) return item('rehearsal', 'fail', 'No rehearsal recorded', 'Record one: the script runs once and its replies are kept, to play back if the live engine fails on stage.', record);
  const { fit } = r;
  const problems = [
    !fit.live && 'it was recorded from a replay (the demo), not the live engine',
    fit.live && !fit.sameGpu && `it was recorded on ${r.gpu}`,
    !fit.sameBrowser && `it was recorded in ${r.browser} (this is ${browser})`,
    fit.covered < fit.scriptLength && `it covers ${fit.covered} of the script’s ${fit.scriptLength} prompts`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) {
    const why = problems.join('; ');
    return item('rehearsal', 'warn', `Rehearsal of ${r.recorded} does not match`, `${why[0]!.toUpperCase()}${why.slice(1)}. Record it again here.`, record);
  }
  return item('rehearsal', 'ok', `Rehearsal recorded ${r.recorded}`, `On this GPU and browser, all ${fit.scriptLength} prompts. Press P on stage to play it if the live engine fails.`, record);
}

function script({ scriptLength }: PreflightInput): CheckItem {
  if (scriptLength === 0) return item('script', 'warn', 'No script', 'Add the prompts of the talk, one per line: → or Space sends the next.', 'edit-script');
  return item('script', 'ok', `Script: ${scriptLength} prompt${scriptLength === 1 ? '' : 's'}`, '→ or Space sends the next, ← goes back, Esc stops.');
}

export function preflight(input: PreflightInput): CheckItem[] {
  return [webgpu(input), shaderF16(input), modelCheck(input), storage(input), offline(input), rehearsal(input), script(input)];
}

/** Red if anything is red, amber if anything is amber. */
export function overall(items: CheckItem[]): CheckLevel {
  return items.some((i) => i.level === 'fail') ? 'fail' : items.some((i) => i.level === 'warn') ? 'warn' : 'ok';
}
