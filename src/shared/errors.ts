/**
 * Every failure the user can meet, as data: what happened, what to do, and
 * which action the UI should offer. Built in the worker (which sees the raw
 * error) and sent to the UI as plain, typed JSON.
 */
export type ErrorCode =
  | 'no-webgpu'
  | 'no-adapter'
  | 'needs-shader-f16'
  | 'host-unreachable'
  | 'offline-not-cached'
  | 'bad-model-library'
  | 'bad-model-files'
  | 'out-of-memory'
  | 'download-failed'
  | 'quota-exceeded'
  | 'device-lost'
  | 'worker-crashed'
  | 'context-exceeded'
  | 'empty-prompt'
  | 'replay-missing-run'
  | 'replay-invalid'
  | 'comparison-invalid'
  | 'saved-invalid'
  | 'not-loaded'
  | 'rehearsal-stopped'
  | 'unknown';

/** What the UI offers as the way out. */
export type ErrorAction = 'load' | 'retry-load' | 'reload-model' | 'restart-worker' | 'pick-model' | 'try-replay' | 'none';

export interface AppError {
  code: ErrorCode;
  title: string;
  message: string;
  action: ErrorAction;
  /** The raw error text, shown under "details" for bug reports. */
  detail?: string;
  host?: string;
}

export interface ErrorContext {
  phase: 'gpu' | 'load' | 'generate' | 'cache';
  /** URL of the last network request the worker started, if any. */
  lastUrl?: string;
  /** Load progress reached before the failure (0..1). */
  progress?: number;
  /** Hosts the selected model is fetched from, used when lastUrl is unknown. */
  hosts?: string[];
  /** The host of lastUrl answered an earlier request of this operation: it is reachable. */
  hostAnswered?: boolean;
}

const BROWSERS =
  'WebGPU is on by default in Chrome and Edge 113+ (Windows, macOS, ChromeOS), Chrome 121+ on Android, ' +
  'and Safari 26+. On Linux start Chrome with --enable-unsafe-webgpu (and --enable-features=Vulkan); ' +
  'in Firefox 141+ it is on for Windows, elsewhere set dom.webgpu.enabled in about:config.';

export function rawText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  if (typeof err === 'string') return err;
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}

const libraryMessage = (where: string) =>
  `The model library from ${where} is not a WebGPU library web-llm can run: the file may be damaged, ` +
  'cut short, not a model library at all, or built for another web-llm version. If it comes from your mirror, ' +
  'copy it again (npm run mirror); retrying downloads it again.';

/** The host of a URL, or undefined for none or a malformed one. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

export function makeError(code: ErrorCode, extra: Partial<AppError> = {}): AppError {
  return { ...TEMPLATES[code](extra.host), ...extra, code } as AppError;
}

type Template = (host?: string) => Omit<AppError, 'code'>;

const TEMPLATES: Record<ErrorCode, Template> = {
  'no-webgpu': () => ({
    title: 'This browser has no WebGPU',
    message: `The model runs on your GPU through WebGPU, which this browser does not offer. ${BROWSERS} Meanwhile the recorded demo, the comparison replays and the big-model view below work without one.`,
    action: 'try-replay',
  }),
  'no-adapter': () => ({
    title: 'No usable GPU adapter',
    message:
      'WebGPU is present but returned no GPU adapter: the GPU may be blocklisted, disabled, or its driver too old. ' +
      'Update the graphics driver, check chrome://gpu, or try another browser. The recorded demo works without a GPU.',
    action: 'try-replay',
  }),
  'needs-shader-f16': () => ({
    title: 'This model needs 16-bit shaders',
    message:
      'Its quantization computes in float16, which needs the WebGPU feature shader-f16; your GPU adapter does not offer it. ' +
      'Pick the q4f32_1 (or q0f32) variant of the same model: same weights, 32-bit arithmetic.',
    action: 'pick-model',
  }),
  'host-unreachable': (host) => ({
    title: `Cannot reach ${host ?? 'the model host'}`,
    message:
      `The model files could not be downloaded from ${host ?? 'their host'}: you may be offline, or a firewall, ` +
      'proxy or content blocker stops the request. Check your connection and retry. Your conversation is kept.',
    action: 'retry-load',
  }),
  'offline-not-cached': () => ({
    title: 'You are offline, and this model is not downloaded',
    message:
      'Loading it needs the network, or a mirror of the model files on your own network (Settings: "Model files from a mirror"). ' +
      'Pick a model marked "cached" (those load offline), connect and load again, or play the recorded demo, which needs neither. ' +
      'Your conversation is kept.',
    action: 'try-replay',
  }),
  'bad-model-library': (host) => ({
    title: 'The model library is not valid',
    message: libraryMessage(host ?? 'its host'),
    action: 'retry-load',
  }),
  'bad-model-files': (host) => ({
    title: 'The model files do not read',
    message:
      `ONNX Runtime could not read the model from ${host ?? 'its host'}: a file is missing, damaged, cut short, or not an ONNX model. ` +
      'For the tiny test model, write its files again with npm run tiny-moe and reload; retrying downloads the files again.',
    action: 'retry-load',
  }),
  'out-of-memory': () => ({
    title: 'The GPU ran out of memory',
    message:
      'The model (or this reply) needs more GPU memory than the browser could get. Close other tabs or apps that use the GPU, ' +
      'or pick a smaller model or a stronger quantization. Your conversation is kept.',
    action: 'pick-model',
  }),
  'download-failed': (host) => ({
    title: 'A model download failed',
    message:
      `A model file from ${host ?? 'the model host'} could not be downloaded: the server refused it or the connection broke. ` +
      'Files already fetched stay in the browser cache, so a retry continues where it stopped.',
    action: 'retry-load',
  }),
  'quota-exceeded': () => ({
    title: 'Not enough browser storage',
    message:
      'The browser refused to store more model files. Free space by deleting cached models (the trash button in the model list), ' +
      'free disk space, or pick a smaller model or quantization.',
    action: 'pick-model',
  }),
  'device-lost': () => ({
    title: 'The GPU device was lost',
    message:
      'The GPU stopped the model, most often because it ran out of memory or the driver reset. ' +
      'Reload the model, or pick a smaller one if this repeats. Your conversation is kept.',
    action: 'reload-model',
  }),
  'worker-crashed': () => ({
    title: 'The inference worker crashed',
    message: 'The background thread that runs the model stopped. Restart it to load the model again; your conversation is kept.',
    action: 'restart-worker',
  }),
  'context-exceeded': () => ({
    title: 'The conversation is longer than the context window',
    message:
      'The prompt plus history has more tokens than this model can read at once. Clear the conversation, shorten the message, ' +
      'or lower "max tokens".',
    action: 'none',
  }),
  'empty-prompt': () => ({
    title: 'Nothing to send',
    message: 'Type a message first.',
    action: 'none',
  }),
  'replay-missing-run': () => ({
    title: 'No recorded run for this model',
    message: 'The replay file has no run recorded with this model. Pick one of the models it was recorded with.',
    action: 'pick-model',
  }),
  'replay-invalid': () => ({
    title: 'Not a valid run file',
    message: 'The file is not a run export of this app (or it is damaged). Export runs from the Runs panel to get one.',
    action: 'none',
  }),
  'comparison-invalid': () => ({
    title: 'That file is not a comparison this app can read',
    message:
      'It is damaged, or it is not a comparison exported from Compare (the details say where the first problem is). ' +
      'Nothing was changed: what was shown before is still here. Export the comparison again, or run it here.',
    action: 'none',
  }),
  'saved-invalid': () => ({
    title: 'Some saved data could not be read',
    message:
      'It was set aside rather than shown (the details say what was wrong with it); everything else was restored. ' +
      'This happens when the data was damaged or written by a newer version of the app.',
    action: 'none',
  }),
  'not-loaded': () => ({
    title: 'No model loaded',
    message: 'Load the model above first: your message stays in the box.',
    action: 'load',
  }),
  'rehearsal-stopped': () => ({
    title: 'The rehearsal did not finish',
    message:
      'A rehearsal is kept only when every prompt of the script got a whole reply. Nothing from this attempt was kept ' +
      '(a rehearsal recorded earlier stays). Fix what stopped it, then record again.',
    action: 'none',
  }),
  unknown: () => ({
    title: 'Something went wrong',
    message: 'An unexpected error stopped the operation. Your conversation is kept; try again, or reload the model.',
    action: 'reload-model',
  }),
};

/** Maps what web-llm, WebGPU and the browser throw (often strings or generic errors) to an AppError. */
export function classifyError(err: unknown, ctx: ErrorContext): AppError {
  const detail = rawText(err);
  const name = err instanceof Error || (err && typeof err === 'object' && 'name' in err) ? String((err as Error).name) : '';
  const host = hostOf(ctx.lastUrl) ?? ctx.hosts?.[0];
  const is = (re: RegExp) => re.test(detail) || re.test(name);
  const make = (code: ErrorCode, extra: Partial<AppError> = {}) => makeError(code, { detail, ...extra });

  if (is(/QuotaExceeded|quota/i)) return make('quota-exceeded');
  if (is(/DeviceLost|device (was )?lost/i)) return make('device-lost');
  if (is(/out of memory|OutOfMemory|Failed to allocate|allocation failed/i)) return make('out-of-memory');
  // ONNX Runtime's and transformers.js's words for a model file that is missing or does not parse.
  if (ctx.phase === 'load' && is(/ModelFileNotFound|Protobuf parsing failed|Failed to load model|Load model .* failed|invalid ONNX|Unexpected end of JSON|is not valid JSON/i)) {
    return make('bad-model-files', { host });
  }
  if (is(/ShaderF16Support|shader-f16/i)) return make('needs-shader-f16');
  if (is(/ContextWindowSizeExceeded|exceed context window/i)) return make('context-exceeded');
  if (is(/WebGPUNotAvailable|WebGPUNotFound|Cannot find WebGPU|WebGPU is not supported/i)) return make('no-webgpu');
  if (is(/Unable to find a compatible GPU|No GPU adapter/i)) return make('no-adapter');
  if (is(/Model not loaded|ModelNotLoaded|EngineNotLoaded/i)) return make('not-loaded');
  // The model library downloaded but is not WebAssembly web-llm can instantiate: say which file.
  if (is(/CompileError|LinkError|WebAssembly\.(instantiate|compile)/) && ctx.phase === 'load') {
    return make('bad-model-library', { host, ...(ctx.lastUrl ? { message: libraryMessage(ctx.lastUrl) } : {}) });
  }
  const network = is(/Failed to fetch|NetworkError|Failed to execute 'add' on 'Cache'|Request failed|Load failed|ERR_/i);
  if (network && ctx.phase === 'load') {
    // "Request failed" means the host answered with an error status: reachable, but the file is missing.
    const midway = (ctx.progress ?? 0) > 0 || is(/Request failed/i) || ctx.hostAnswered === true;
    return make(midway ? 'download-failed' : 'host-unreachable', { host });
  }
  if (network) return make('host-unreachable', { host });
  return make('unknown');
}
