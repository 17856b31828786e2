// npm run hw [-- --json]: memory and bytes-per-token estimates for every Qwen model × format,
// so the numbers behind the "would it run here?" view can be checked outside the browser.
// npm run hw -- --offload --gpu-gb G --gpu-gbps B --ram-gbps R [--quant Q] [--json]: each big MoE with
// its experts partly in system RAM (src/lib/offload.ts): the layout, the ceiling and the expected speed.
import { FORMATS, format } from '../src/lib/projection';
import { hwMarkdown, hwRows, offloadMarkdown, offloadRows } from '../src/lib/hw-table';
import { EFFICIENCY } from '../src/lib/offload';
import { OFFLOAD_POINTS, expectedFor } from '../src/lib/offload-points';

function pointsMarkdown(): string {
  return [
    '| run | role | experts in RAM | measured tok/s | ceiling | expected | expected ÷ measured | held to |',
    '|---|---|---:|---:|---:|---:|---:|---|',
    ...OFFLOAD_POINTS.map((p) => {
      const r = expectedFor(p);
      const off = (r.tps / p.measuredTps - 1) * 100;
      return `| ${p.model} ${p.format.id}, ${p.setup} | ${p.role} | ${r.cpuExpertLayers} of ${r.layers} | ${p.measuredTps} | ${r.ceilingTps.toFixed(1)} | ${r.tps.toFixed(1)} | ${off >= 0 ? '+' : '−'}${Math.abs(off).toFixed(0)} % | −${Math.round(p.tolerance.below * 100)} % / +${Math.round(p.tolerance.above * 100)} % |`;
    }),
  ].join('\n');
}
import { UsageError, run } from './cli';

function positive(name: string, v: string | undefined): number {
  const n = Number(v);
  if (v === undefined || !Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} needs a positive number${v === undefined ? '' : ` (got "${v}")`}`);
  return n;
}

run({
  name: 'npm run hw',
  usage: [
    'npm run hw [-- --json]   (every Qwen model × format: memory and bytes per token; --json: JSON lines)',
    '       npm run hw -- --offload --gpu-gb G --gpu-gbps B --ram-gbps R [--quant Q4_K_M] [--json]',
    '         (each big MoE with its experts partly in system RAM: layout, ceiling and expected tok/s)',
    '       npm run hw -- --offload --points   (the published runs the offload projection is fitted on and checked against)',
  ].join('\n'),
  options: {
    json: { type: 'boolean' },
    offload: { type: 'boolean' },
    'gpu-gb': { type: 'string' },
    'gpu-gbps': { type: 'string' },
    'ram-gbps': { type: 'string' },
    points: { type: 'boolean' },
    quant: { type: 'string', default: 'Q4_K_M' },
  },
  main: ({ values }) => {
    if (!values.offload) {
      const rows = hwRows(1000);
      if (values.json) for (const r of rows) console.log(JSON.stringify(r));
      else console.log(`${hwMarkdown(rows)}\n\nGB = 10^9 bytes. Bytes per token: parameters read per token (active ones, input embedding excluded) + KV cache at 1,000 tokens.`);
      return 0;
    }
    if (values.points) {
      console.log(pointsMarkdown());
      return 0;
    }
    const machine = { gpuGB: positive('gpu-gb', values['gpu-gb']), gpuGBs: positive('gpu-gbps', values['gpu-gbps']), ramGBs: positive('ram-gbps', values['ram-gbps']) };
    const quant = String(values.quant);
    if (!FORMATS.some((f) => f.id === quant)) throw new UsageError(`--quant must be one of ${FORMATS.map((f) => f.id).join(', ')}`);
    const rows = offloadRows(machine, format(quant));
    if (values.json) for (const r of rows) console.log(JSON.stringify(r));
    else
      console.log(
        `${offloadMarkdown(rows)}\n\nGB = 10^9 bytes. The experts of that many layers in RAM, the rest on the GPU (llama.cpp's --n-cpu-moe). Ceiling: bytes read from VRAM ÷ ${machine.gpuGBs} GB/s + CPU-side experts ÷ ${machine.ramGBs} GB/s. Expected: GPU at ${EFFICIENCY.gpu} and RAM at ${EFFICIENCY.cpu} of those, + ${EFFICIENCY.handoverMs} ms hand-over per token when split (fitted on published runs: src/lib/offload-points.ts).`,
      );
    return 0;
  },
});
