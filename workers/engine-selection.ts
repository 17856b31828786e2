/**
 * Which engine the worker's host runs. The live engines (engines/live.ts: web-llm's and ONNX
 * Runtime's, each imported when a model of its kind loads) are the default, so a page that only
 * replays loads neither. A run file switches to the replay engine, a comparison file to the
 * comparison replay engine, and back.
 */
import type { EngineStatus } from '../src/shared/protocol';
import type { RunFile } from '../src/shared/runs';
import type { ComparisonFile } from '../src/shared/comparison';
import type { InferenceEngine, StreamOrigin } from './engine';
import type { EngineHost } from './engine-host';
import { ReplayEngine } from './engines/replay';
import { ComparisonReplayEngine } from './engines/comparison-replay';

/** The host's engine until one is selected: it loads nothing and generates nothing. */
export class NoEngine implements InferenceEngine {
  readonly source = 'measured' as const;
  load(): never {
    throw new Error('engine not selected');
  }
  async cancelLoad() {}
  // eslint-disable-next-line require-yield
  async *stream(): AsyncIterable<never> {
    throw new Error('Model not loaded');
  }
  trace(): never {
    throw new Error('Model not loaded');
  }
  origin(): StreamOrigin {
    return { source: 'measured', synthetic: false, adapter: null };
  }
  interrupt() {}
  async unload() {}
  async cached() {
    return {};
  }
  async deleteCached() {}
}

const WEBLLM: EngineStatus = { source: 'measured', replayModels: [], synthetic: false };

export class EngineSelection {
  private current: EngineStatus = WEBLLM;
  private webllmReady: Promise<void> | null = null;

  constructor(
    private readonly host: EngineHost,
    private readonly createWebLLM: () => Promise<InferenceEngine>,
  ) {}

  get status(): EngineStatus {
    return this.current;
  }

  /** Resolves once the selected engine is the host's, creating web-llm's on first use. */
  ready(): Promise<void> {
    if (this.current.source !== 'measured') return Promise.resolve();
    const ready: Promise<void> = (this.webllmReady ??= this.createWebLLM().then(async (engine) => {
      // A replay file chosen meanwhile wins: this engine is not swapped in.
      if (this.webllmReady === ready) await this.host.swapEngine(engine);
    }));
    return ready;
  }

  /** Plays back a (validated) run file; figures from it are labelled as replayed. */
  async useReplay(file: RunFile): Promise<EngineStatus> {
    const engine = new ReplayEngine(file);
    const status: EngineStatus = { source: 'replayed', replayModels: engine.models, synthetic: file.synthetic === true };
    this.current = status;
    this.webllmReady = null;
    await this.host.swapEngine(engine);
    return status;
  }

  /** Plays back a (validated) comparison file, through the comparison runner; labelled replayed. */
  async useComparisonReplay(file: ComparisonFile): Promise<EngineStatus> {
    const engine = new ComparisonReplayEngine(file);
    const status: EngineStatus = { source: 'replayed', replayModels: engine.models, synthetic: file.synthetic };
    this.current = status;
    this.webllmReady = null;
    await this.host.swapEngine(engine);
    return status;
  }

  async useWebLLM(): Promise<EngineStatus> {
    if (this.current.source !== 'measured') {
      this.current = WEBLLM;
      this.webllmReady = null;
    }
    await this.ready();
    return this.current;
  }
}
