// What every command-line tool of the project does the same way: --help prints the usage and exits 0;
// options are parsed strictly (an unknown one is named, with the usage, exit 2); a failure is one line
// on stderr and exit 1, with the stack only under --debug.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { problemLine } from '../src/shared/untrusted';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Cli<O extends Options> {
  /** The command as typed, e.g. "npm run compare --". */
  name: string;
  /** Lines after "usage:" (the first is the synopsis). */
  usage: string;
  options: O;
  main: (parsed: { values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>['values']; positionals: string[] }) => number | Promise<number>;
}

/** A usage mistake: said with the usage, exit 2. */
export class UsageError extends Error {}

export async function runCli<O extends Options>(cli: Cli<O>, argv = process.argv.slice(2)): Promise<number> {
  const usage = `usage: ${cli.usage}`;
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  try {
    const parsed = parseArgs({ args, options: cli.options, allowPositionals: true, strict: true });
    return await cli.main(parsed as Parameters<Cli<O>['main']>[0]);
  } catch (err) {
    const usageError = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (debug) console.error(err);
    else console.error(`${cli.name}: ${problemLine(err).split('\n')[0]}`);
    if (usageError) console.error(usage);
    return usageError ? 2 : 1;
  }
}

/** Runs the tool and exits with its code once its output is written; `exit`: at once, for tools that
 * leave handles open (a browser, a server). */
export function run<O extends Options>(cli: Cli<O>, exit = false): void {
  void runCli(cli).then((code) => {
    if (exit) process.exit(code);
    process.exitCode = code;
  });
}
