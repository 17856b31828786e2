// npm run vram-table [-- --json]: the app's memory estimate for every Qwen record in
// web-llm's prebuiltAppConfig, at the record's context window and a prefill chunk of 1024.
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { qwenRecords } from '../src/lib/catalog';
import { errorStats, markdownTable, vramRows } from '../src/lib/vram-table';
import { run } from './cli';

run({
  name: 'npm run vram-table',
  usage: "npm run vram-table [-- --json]   (the memory estimate beside web-llm's vram_required_MB for every Qwen record)",
  options: { json: { type: 'boolean' } },
  main: ({ values }) => {
    const rows = vramRows(qwenRecords(prebuiltAppConfig.model_list), 1024);
    if (values.json) {
      for (const { model_id, estimated_mb, webllm_mb, weights_mb, kv_mb, temp_mb } of rows) {
        console.log(JSON.stringify({ model_id, estimated_mb, webllm_mb, weights_mb, kv_mb, temp_mb }));
      }
      return 0;
    }
    const s = errorStats(rows);
    console.log(markdownTable(rows));
    console.log(`\n${s.count} of ${rows.length} records estimated; |error| vs web-llm: median ${(s.median * 100).toFixed(1)} %, worst ${(s.worst * 100).toFixed(1)} %`);
    return 0;
  },
});
