// npm run hw [-- --json]: memory and bytes-per-token estimates for every Qwen model × format,
// so the numbers behind the "would it run here?" view can be checked outside the browser.
import { hwMarkdown, hwRows } from '../src/lib/hw-table';
import { run } from './cli';

run({
  name: 'npm run hw',
  usage: 'npm run hw [-- --json]   (every Qwen model × format: memory and bytes per token; --json: JSON lines)',
  options: { json: { type: 'boolean' } },
  main: ({ values }) => {
    const rows = hwRows(1000);
    if (values.json) for (const r of rows) console.log(JSON.stringify(r));
    else console.log(`${hwMarkdown(rows)}\n\nGB = 10^9 bytes. Bytes per token: parameters read per token (active ones, input embedding excluded) + KV cache at 1,000 tokens.`);
    return 0;
  },
});
