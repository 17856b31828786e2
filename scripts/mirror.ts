// npm run mirror -- <model_id>… [--out DIR] [--from URL]
// Downloads every file of the given models into DIR (default ./mirror), in the layout the app's
// "Model files from: your mirror" setting reads (src/lib/mirror.ts, src/lib/onnx-files.ts):
//   web-llm records: DIR/<model_id>/resolve/main/{mlc-chat-config.json, tokenizer files,
//                    tensor-cache.json, shards} and DIR/libs/<model library>.wasm
//   ONNX records:    DIR/<hub repo>/resolve/main/{config.json, tokenizer files, onnx/model_<dtype>.onnx
//                    and its external data}, the hub's own layout (transformers.js reads it as is)
// Partial files resume (HTTP Range); shards are checked against the md5sum in tensor-cache.json; each
// failing file gets its own message and the others go on. --from URL reads from another mirror instead
// of the records' hosts (to copy a mirror, or to test this tool against a local server).
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { libraryFileName, mirrorModelDir, mirrorRecord, modelFileUrl, withoutTrailingSlashes } from '../src/lib/mirror';
import { onnxRecordOf, type OnnxRecord } from '../src/lib/onnx-models';
import { ONNX_OPTIONAL_FILES, ONNX_SHARED_FILES, onnxWeightFiles } from '../src/lib/onnx-files';
import { run, UsageError } from './cli';

let out = 'mirror';
let from: string | undefined;

const MB = 2 ** 20;
const isTTY = process.stderr.isTTY;

function progress(name: string, done: number, total: number | null): void {
  const pct = total ? Math.floor((done / total) * 100) : null;
  const bar = pct === null ? '' : `[${'#'.repeat(Math.floor(pct / 5)).padEnd(20, '.')}] ${String(pct).padStart(3)} % `;
  const line = `  ${bar}${(done / MB).toFixed(1)}${total ? ` / ${(total / MB).toFixed(1)}` : ''} MB  ${name}`;
  if (isTTY) process.stderr.write(`\r${line.padEnd(100)}`);
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Fetches `url` to `path`, resuming a `.part` file left by an earlier run. */
async function download(url: string, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const part = `${path}.part`;
  const have = existsSync(part) ? statSync(part).size : 0;
  const response = await fetch(url, have > 0 ? { headers: { Range: `bytes=${have}-` } } : {});
  if (!response.ok) throw new HttpError(response.status, `HTTP ${response.status} ${response.statusText} for ${url}`);
  const resumed = response.status === 206;
  if (!resumed) await writeFile(part, '');
  const length = Number(response.headers.get('content-length')) || null;
  const total = length === null ? null : length + (resumed ? have : 0);
  let done = resumed ? have : 0;
  const name = path.slice(out.length + 1);
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    await appendFile(part, chunk);
    done += chunk.length;
    progress(name, done, total);
  }
  if (total !== null && done !== total) throw new Error(`the connection closed after ${done} of ${total} bytes of ${url} (run again to resume)`);
  await rename(part, path);
  if (isTTY) process.stderr.write('\n');
  else console.error(`  ${(done / MB).toFixed(1)} MB  ${name}`);
}

function md5(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('md5');
    createReadStream(path)
      .on('data', (d) => hash.update(d))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

interface TensorCache {
  records: Array<{ dataPath: string; nbytes?: number; md5sum?: string }>;
}

/** One file: skipped when complete (and, for shards, when its checksum matches), else downloaded. */
async function fetchFile(url: string, path: string, expectedMd5?: string): Promise<void> {
  if (existsSync(path) && (!expectedMd5 || (await md5(path)) === expectedMd5)) return;
  await download(url, path);
  if (expectedMd5) {
    const actual = await md5(path);
    if (actual !== expectedMd5) {
      await rename(path, `${path}.corrupt`);
      throw new Error(`checksum mismatch for ${url}: md5 ${actual}, tensor-cache.json says ${expectedMd5} (kept as ${path}.corrupt; run again)`);
    }
  }
}

/** An ONNX build: the files transformers.js will read, under the hub repository's own path. */
async function mirrorOnnx(modelId: string, record: OnnxRecord): Promise<string[]> {
  if (record.local) {
    console.error(`${modelId}: served by the app itself (public/models/${record.repo}, written by npm run tiny-moe); nothing to copy`);
    return [];
  }
  const base = `${from ?? 'https://huggingface.co'}/${record.repo}/resolve/main`;
  const dir = join(out, mirrorModelDir(record.repo));
  const errors: string[] = [];
  const get = async (file: string, optional = false) => {
    try {
      await fetchFile(`${base}/${file}`, join(dir, file));
    } catch (err) {
      if (optional && err instanceof HttpError && err.status === 404) return;
      errors.push(`${modelId}/${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  console.error(`${modelId} (${record.repo})`);
  for (const file of ONNX_SHARED_FILES) await get(file);
  for (const file of ONNX_OPTIONAL_FILES) await get(file, true);
  const configPath = join(dir, 'config.json');
  if (!existsSync(configPath)) return errors;
  let weights: string[];
  try {
    weights = onnxWeightFiles(record, JSON.parse(await readFile(configPath, 'utf8')) as unknown);
  } catch (err) {
    return [...errors, `${modelId}/config.json: ${err instanceof Error ? err.message : String(err)}`];
  }
  for (const file of weights) await get(file);
  return errors;
}

async function mirrorModel(modelId: string): Promise<string[]> {
  const onnx = onnxRecordOf(modelId);
  if (onnx) return mirrorOnnx(modelId, onnx);
  const found = prebuiltAppConfig.model_list.find((r) => r.model_id === modelId);
  if (!found) return [`${modelId}: not a model id of web-llm's prebuilt list, nor an ONNX record of the app's catalog (see npm run vram-table)`];
  const source = from ? mirrorRecord(found, from) : found;
  const dir = join(out, mirrorModelDir(modelId));
  const errors: string[] = [];
  const get = async (file: string, md5sum?: string) => {
    try {
      await fetchFile(modelFileUrl(source.model, file), join(dir, file), md5sum);
    } catch (err) {
      errors.push(`${modelId}/${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  console.error(`${modelId}`);
  await get('mlc-chat-config.json');
  const configPath = join(dir, 'mlc-chat-config.json');
  if (!existsSync(configPath)) return errors;
  const config = JSON.parse(await readFile(configPath, 'utf8')) as { tokenizer_files?: string[] };
  for (const file of config.tokenizer_files ?? []) await get(file);
  await get('tensor-cache.json');
  const cachePath = join(dir, 'tensor-cache.json');
  if (existsSync(cachePath)) {
    const cache = JSON.parse(await readFile(cachePath, 'utf8')) as TensorCache;
    for (const shard of cache.records) await get(shard.dataPath, shard.md5sum);
  }
  try {
    await fetchFile(source.model_lib, join(out, 'libs', libraryFileName(found.model_lib)));
  } catch (err) {
    errors.push(`${modelId} model library: ${err instanceof Error ? err.message : String(err)}`);
  }
  return errors;
}

run({
  name: 'npm run mirror',
  usage: 'npm run mirror -- <model_id>… [--out DIR] [--from URL]\n  e.g. npm run mirror -- Qwen3-0.6B-q4f16_1-MLC Qwen3-0.6B-q4-ONNX',
  options: { out: { type: 'string', default: 'mirror' }, from: { type: 'string' } },
  main: async ({ values, positionals: ids }) => {
    if (ids.length === 0) throw new UsageError('name at least one model id');
    out = values.out as string;
    from = values.from === undefined ? undefined : withoutTrailingSlashes(values.from as string);
    const failures: string[] = [];
    for (const id of ids) failures.push(...(await mirrorModel(id)));
    if (failures.length > 0) {
      console.error(`\n${failures.length} file(s) failed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
      return 1;
    }
    console.error(`\nDone: ${ids.length} model(s) in ${out}/. Serve them with: npm run mirror:serve -- --dir ${out}`);
    return 0;
  },
});
