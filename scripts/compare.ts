// npm run compare -- FILE [--json]
// Prints the table of an exported quantization comparison, computed by the module the app uses
// (src/lib/compare-metrics.ts); with --json, one object per variant per line. A file that does not
// read is refused in one line naming the problem (the validator the app uses), exit 1.
import { readFileSync } from 'node:fs';
import { parseComparisonFile } from '../src/shared/comparison-file';
import { comparisonRows } from '../src/lib/compare-metrics';
import { comparisonMarkdown, rowJson } from '../src/lib/compare-table';
import { run, UsageError } from './cli';

run({
  name: 'npm run compare',
  usage: 'npm run compare -- FILE [--json] [--debug]   (FILE: a comparison exported from the app)',
  options: { json: { type: 'boolean' } },
  main: ({ values, positionals }) => {
    if (positionals.length !== 1) throw new UsageError('give one comparison file');
    const path = positionals[0]!;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new Error(`${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { cause: err });
    }
    let file;
    try {
      file = parseComparisonFile(JSON.parse(text));
    } catch (err) {
      throw new Error(`${path}: ${err instanceof SyntaxError ? `not JSON (${err.message})` : `not a readable comparison file: ${(err as Error).message}`}`, { cause: err });
    }
    if (values.json) for (const row of comparisonRows(file)) console.log(JSON.stringify(rowJson(row)));
    else console.log(comparisonMarkdown(file));
    return 0;
  },
});
