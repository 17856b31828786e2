import { useStore } from '../store/store';
import { Panel } from './Panel';
import { SourceBadge } from './SourceBadge';

const GB = 2 ** 30;

export function GpuInfo() {
  const gpu = useStore((s) => s.gpu);
  if (gpu.status === 'probing') {
    return (
      <Panel name="gpu" label="GPU" heading="GPU">
        Looking for a WebGPU adapter…
      </Panel>
    );
  }
  if (gpu.error) {
    return (
      <Panel name="gpu" label="GPU" heading="GPU">
        <p className="notice" data-testid="gpu-missing">
          {gpu.error.title}.
        </p>
      </Panel>
    );
  }
  const r = gpu.report;
  if (!r) return null;
  return (
    <Panel
      name="gpu"
      label="GPU"
      heading={
        <>
          GPU <SourceBadge source="measured" />
        </>
      }
      testId="gpu-info"
    >
      <dl>
        <dt>Vendor</dt>
        <dd data-testid="gpu-vendor">{r.vendor || 'unknown'}</dd>
        <dt>Architecture</dt>
        <dd data-testid="gpu-architecture">{r.architecture || 'unknown'}</dd>
        {r.description && (
          <>
            <dt>Description</dt>
            <dd>{r.description}</dd>
          </>
        )}
        <dt>shader-f16</dt>
        <dd data-testid="gpu-f16">{r.shaderF16 ? 'yes' : 'no (16-bit models unavailable)'}</dd>
        <dt>Fallback</dt>
        <dd data-testid="gpu-is-fallback">{r.isFallback ? 'yes (software)' : 'no'}</dd>
        <dt>Max buffer</dt>
        <dd data-testid="gpu-max-buffer">{(r.maxBufferSize / GB).toFixed(2)} GB</dd>
        <dt>Max storage binding</dt>
        <dd>{(r.maxStorageBufferBindingSize / GB).toFixed(2)} GB</dd>
      </dl>
      {r.isFallback && (
        <p className="warning" data-testid="gpu-fallback">
          This is a software (fallback) adapter running on the CPU: speeds will be far below a real GPU's.
        </p>
      )}
    </Panel>
  );
}
