// npm run compare -- FILE [--json]
// Prints the table of an exported quantization comparison, computed by the module the app uses
// (src/lib/compare-metrics.ts); with --json, one object per variant per line.
import { readFileSync } from 'node:fs';
import { parseComparisonFile } from '../src/shared/comparison-file';
import { comparisonRows } from '../src/lib/compare-metrics';
import { comparisonMarkdown, rowJson } from '../src/lib/compare-table';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => !a.startsWith('--'));

function main(): number {
  if (files.length !== 1) {
    console.error('usage: npm run compare -- FILE [--json]   (FILE: a comparison exported from the app)');
    return 2;
  }
  let file;
  try {
    file = parseComparisonFile(JSON.parse(readFileSync(files[0]!, 'utf8')));
  } catch (err) {
    console.error(`${files[0]}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  if (json) for (const row of comparisonRows(file)) console.log(JSON.stringify(rowJson(row)));
  else console.log(comparisonMarkdown(file));
  return 0;
}

process.exitCode = main();
