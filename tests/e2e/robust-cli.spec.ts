import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { damagedComparisons } from '../fixtures/damaged-comparisons';

/** Runs a project CLI as npm would (tsx), and gives back its exit code and output. */
function cli(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], { cwd: process.cwd(), timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('robust: npm run compare refuses each damaged file in one line and exit 1, with no stack trace', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'qwen-compare-'));
  const results = await Promise.all(
    damagedComparisons().map(async ({ name, data, problem }) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(data));
      return { path, problem, ...(await cli('scripts/compare.ts', [path])) };
    }),
  );
  for (const r of results) {
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^npm run compare: ${r.path}: not a readable comparison file: ${r.problem.source}`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }
  const debug = await cli('scripts/compare.ts', [results[0]!.path, '--debug']);
  expect(debug.code).toBe(1);
  expect(debug.stderr).toMatch(/\n\s+at /);
  const notJson = join(dir, 'not.json');
  writeFileSync(notJson, '{"format":');
  expect((await cli('scripts/compare.ts', [notJson])).stderr).toMatch(/not JSON/);
});

test('robust: --help exits 0 with the usage for every command-line tool; a wrong option exits 2 naming it', async () => {
  test.setTimeout(120_000);
  const tools = ['scripts/compare.ts', 'scripts/hw.ts', 'scripts/vram-table.ts', 'scripts/mirror.ts', 'scripts/mirror-serve.ts', 'scripts/bench/run.ts', 'scripts/bench/ab.ts', 'scripts/tiny-moe.ts'];
  const helps = await Promise.all(tools.map((t) => cli(t, ['--help'])));
  helps.forEach((h, i) => {
    expect(h.code, tools[i]).toBe(0);
    expect(h.stdout, tools[i]).toMatch(/^usage: npm run /);
  });
  const wrong = await cli('scripts/mirror.ts', ['--nope']);
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toMatch(/Unknown option '--nope'/);
  expect(wrong.stderr).toMatch(/usage: npm run mirror/);
});
