// npm run bench:ab -- <build A> <build B> [--runs N] [--long | --stage | --start] [--pause MS]
// Two production builds side by side: timed streams (the benchmark's, without the paint probe),
// interleaved A B B A …, each in a fresh context. Busy time drifts with the host's load by more
// than most changes are worth, so each pair is compared, not each build against an old figure.
// --long: the benchmark's 50-turn history; --pause: time between the model being ready and the
// send (the benchmark sends at once; a user types first); --stage: the stream in the stage view
// (?present, 1920×1080 as the benchmark's stage scenario); --start: navigation to a ready model
// picker instead of a stream (ms).
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/browser';
import { openLongConversation, openReplay, startScenario, streamRun } from './scenarios';
import { startPreview, type Preview } from './server';
import { median } from './stats';
import { run, UsageError } from '../cli';

let runs = 10;
let pauseMs = 0;
let long = false;
let start = false;
let stage = false;
let dirs: string[] = [];

const fmt = (n: number) => n.toFixed(1);

async function main(): Promise<number> {
  const unit = start ? ' ms' : ' %';
  if (dirs.length !== 2) throw new UsageError('give two builds');
  if (!(runs >= 2)) throw new UsageError('--runs takes a number of at least 2');
  const servers: Preview[] = [];
  try {
    for (const [i, dir] of dirs.entries()) servers.push(await startPreview(4191 + i, dir));
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const busy: number[][] = [[], []];
    try {
      for (let r = 0; r < runs; r++) {
        for (const i of r % 2 ? [1, 0] : [0, 1]) {
          const context = await browser.newContext({ viewport: stage ? { width: 1920, height: 1080 } : { width: 1400, height: 900 } });
          try {
            if (start) {
              busy[i]!.push((await startScenario(context, servers[i]!.url)).pickerMs);
              continue;
            }
            const page = long ? await openLongConversation(context, servers[i]!.url) : await openReplay(context, servers[i]!.url, stage);
            // Where the benchmark leaves the pointer: on the prompt in the long chat (it types there first).
            if (long) await page.getByTestId('prompt').click();
            if (pauseMs > 0) await page.waitForTimeout(pauseMs);
            const run = await streamRun(page, false);
            // A build that shows less would look cheaper: both must show every token.
            if (run.allTokensInDom !== 1) throw new Error(`${dirs[i]}: the reply on screen is not the fixture's text`);
            busy[i]!.push(run.busyPct);
          } finally {
            await context.close();
          }
        }
        process.stdout.write(`pair ${r + 1}/${runs}: A ${fmt(busy[0]![r]!)}${unit}, B ${fmt(busy[1]![r]!)}${unit}\n`);
      }
    } finally {
      await browser.close();
    }
    const deltas = busy[1]!.map((b, r) => b - busy[0]![r]!);
    const better = deltas.filter((d) => d < 0).length;
    const what = start ? 'Start: navigation → model picker ready' : `${long ? 'Long chat' : stage ? 'Stage stream' : 'Stream'}: main-thread busy`;
    console.log(`\n${what}, ${runs} interleaved pairs${pauseMs > 0 ? `, ${pauseMs} ms before each send` : ''}`);
    console.log(`A ${dirs[0]}: median ${fmt(median(busy[0]!))}${unit}`);
    console.log(`B ${dirs[1]}: median ${fmt(median(busy[1]!))}${unit}`);
    console.log(`B − A: median of the pairs ${fmt(median(deltas))}${start ? ' ms' : ' points'}; B lower in ${better} of ${runs} pairs`);
    return 0;
  } finally {
    for (const s of servers) s.stop();
  }
}

run(
  {
    name: 'npm run bench:ab',
    usage: 'npm run bench:ab -- <build A> <build B> [--runs N] [--long | --stage | --start] [--pause MS]   (builds: folders made by vite build)',
    options: { runs: { type: 'string', default: '10' }, pause: { type: 'string', default: '0' }, long: { type: 'boolean' }, stage: { type: 'boolean' }, start: { type: 'boolean' } },
    main: ({ values, positionals }) => {
      runs = Number(values.runs);
      pauseMs = Number(values.pause);
      long = values.long === true;
      start = values.start === true;
      stage = values.stage === true;
      if ([long, stage, start].filter(Boolean).length > 1) throw new UsageError('--long, --stage and --start are one at a time');
      dirs = positionals;
      return main();
    },
  },
  true,
);
