// npm run compare -- FILE [FILE …] [--json]
// One file: the table of an exported quantization comparison, computed by the module the app uses
// (src/lib/compare-metrics.ts); with --json, one object per variant per line. Several files: the
// same prompts compared on different machines, merged (src/lib/compare-merge.ts): speed per machine,
// quality per variant; files that did not compare the same thing are refused with the reason. A file
// that does not read is refused in one line naming the problem (the validator the app uses), exit 1.
import { readFileSync } from 'node:fs';
import { parseComparisonFile } from '../src/shared/comparison-file';
import type { ComparisonFile } from '../src/shared/comparison';
import { comparisonRows } from '../src/lib/compare-metrics';
import { comparisonMarkdown, rowJson } from '../src/lib/compare-table';
import { mergeComparisons, mergedJson, mergedMarkdown } from '../src/lib/compare-merge';
import { run, UsageError } from './cli';

function readComparison(path: string): ComparisonFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { cause: err });
  }
  try {
    return parseComparisonFile(JSON.parse(text));
  } catch (err) {
    throw new Error(`${path}: ${err instanceof SyntaxError ? `not JSON (${err.message})` : `not a readable comparison file: ${(err as Error).message}`}`, { cause: err });
  }
}

run({
  name: 'npm run compare',
  usage: 'npm run compare -- FILE [FILE …] [--json] [--debug]   (FILE: a comparison exported from the app; several: the same prompts on different machines, merged)',
  options: { json: { type: 'boolean' } },
  main: ({ values, positionals }) => {
    if (positionals.length === 0) throw new UsageError('give one comparison file, or several to merge');
    const files = positionals.map((name) => ({ name, file: readComparison(name) }));
    if (files.length === 1) {
      const file = files[0]!.file;
      if (values.json) for (const row of comparisonRows(file)) console.log(JSON.stringify(rowJson(row)));
      else console.log(comparisonMarkdown(file));
      return 0;
    }
    const merged = mergeComparisons(files);
    if (values.json) for (const row of mergedJson(merged)) console.log(JSON.stringify(row));
    else console.log(mergedMarkdown(merged));
    return 0;
  },
});
