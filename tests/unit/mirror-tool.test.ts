import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUnder, mirrorServer } from '../../scripts/mirror/server';
import { TEST_LIBRARY, TEST_MODEL, makeTestMirror } from '../fixtures/test-mirror';

const MODEL_DIR = `${TEST_MODEL}/resolve/main`;

/** Runs `npm run mirror` (the script itself) and gives its exit code and messages. */
function mirrorTool(...args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/mirror.ts', ...args], { cwd: process.cwd() }, (err, _stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

describe('npm run mirror and mirror:serve', { timeout: 30_000 }, () => {
  let source: string;
  let copy: string;
  let server: Server;
  let base: string;
  const ranges: string[] = [];

  beforeAll(async () => {
    source = await mkdtemp(join(tmpdir(), 'mirror-src-'));
    copy = await mkdtemp(join(tmpdir(), 'mirror-out-'));
    await makeTestMirror(source);
    const serve = mirrorServer(source);
    server = createServer((req, res) => {
      if (req.headers.range) ranges.push(`${req.url} ${req.headers.range}`);
      serve(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await Promise.all([rm(source, { recursive: true }), rm(copy, { recursive: true })]);
  });

  it('serves with CORS and the model library as application/wasm, and nothing outside its folder', async () => {
    const response = await fetch(`${base}/${TEST_LIBRARY}`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect((await fetch(`${base}/nothing-here.json`)).status).toBe(404);
    expect(fileUnder('/srv/mirror', '/../etc/passwd')).toBeNull();
    expect(fileUnder('/srv/mirror', '/%2e%2e/etc/passwd')).toBeNull();
  });

  it('copies every file of a record, then resumes a partial file with a range request', async () => {
    const first = await mirrorTool(TEST_MODEL, '--out', copy, '--from', base);
    expect(first.stderr).toContain('Done: 1 model(s)');
    expect(first.code).toBe(0);
    for (const file of ['mlc-chat-config.json', 'tokenizer.json', 'tokenizer_config.json', 'tensor-cache.json', 'params_shard_0.bin', 'params_shard_1.bin']) {
      expect(await readFile(join(copy, MODEL_DIR, file))).toEqual(await readFile(join(source, MODEL_DIR, file)));
    }
    expect(await readFile(join(copy, TEST_LIBRARY))).toEqual(await readFile(join(source, TEST_LIBRARY)));

    // A broken earlier run left half a shard: the next run asks for the rest only.
    const shard = join(copy, MODEL_DIR, 'params_shard_0.bin');
    const whole = await readFile(shard);
    await rm(shard);
    await writeFile(`${shard}.part`, whole.subarray(0, 40_000));
    const second = await mirrorTool(TEST_MODEL, '--out', copy, '--from', base);
    expect(second.code).toBe(0);
    expect(ranges).toContain(`/${MODEL_DIR}/params_shard_0.bin bytes=40000-`);
    expect(await readFile(shard)).toEqual(whole);
  });

  it('refuses a shard whose md5 does not match tensor-cache.json, names it, and keeps the other files', async () => {
    const shard = join(source, MODEL_DIR, 'params_shard_1.bin');
    const good = await readFile(shard);
    await writeFile(shard, Buffer.concat([good.subarray(0, 100), Buffer.alloc(good.length - 100)]));
    await rm(join(copy, MODEL_DIR, 'params_shard_1.bin'));
    const run = await mirrorTool(TEST_MODEL, '--out', copy, '--from', base);
    await writeFile(shard, good);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/params_shard_1\.bin: checksum mismatch/);
    expect((await stat(join(copy, MODEL_DIR, 'params_shard_0.bin'))).isFile()).toBe(true);
  });

  it('copies an ONNX record in the hub’s layout: config, tokenizer, the dtype’s graph and the external data its config names', async () => {
    const repo = join(source, 'onnx-community/Qwen3-0.6B-ONNX/resolve/main');
    await mkdir(join(repo, 'onnx'), { recursive: true });
    const config = { model_type: 'qwen3', 'transformers.js_config': { use_external_data_format: { 'model_q4.onnx': 2 } } };
    await writeFile(join(repo, 'config.json'), JSON.stringify(config));
    await writeFile(join(repo, 'tokenizer.json'), '{}');
    await writeFile(join(repo, 'tokenizer_config.json'), '{}');
    for (const f of ['model_q4.onnx', 'model_q4.onnx_data', 'model_q4.onnx_data_1', 'model_q4f16.onnx']) await writeFile(join(repo, 'onnx', f), Buffer.alloc(5000, f.length));
    const run = await mirrorTool('Qwen3-0.6B-q4-ONNX', '--out', copy, '--from', base);
    expect(run.stderr).toContain('Done: 1 model(s)');
    expect(run.code).toBe(0);
    const out = join(copy, 'onnx-community/Qwen3-0.6B-ONNX/resolve/main');
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_q4.onnx', 'onnx/model_q4.onnx_data', 'onnx/model_q4.onnx_data_1']) {
      expect(await readFile(join(out, f))).toEqual(await readFile(join(repo, f)));
    }
    // The other dtype's graph is not copied; generation_config.json is optional (this source has none).
    await expect(stat(join(out, 'onnx/model_q4f16.onnx'))).rejects.toThrow();
    // The tiny model is the app's own: nothing to copy, and no failure.
    const tiny = await mirrorTool('Qwen3-MoE-Tiny-int8-ONNX', '--out', copy);
    expect(tiny.code).toBe(0);
    expect(tiny.stderr).toContain('served by the app itself');
  });

  it('says which id is unknown', async () => {
    const run = await mirrorTool('Qwen9-1B-q4f16_1-MLC', '--out', copy);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Qwen9-1B-q4f16_1-MLC: not a model id of web-llm's prebuilt list");
  });
});
