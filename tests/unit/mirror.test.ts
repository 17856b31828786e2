import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { libraryFileName, mirrorRecord, modelBaseUrl, modelFileUrl, parseMirrorUrl, withoutTrailingSlashes } from '../../src/lib/mirror';
import { checkUrl } from '../../src/lib/custom-model';

const record = prebuiltAppConfig.model_list.find((r) => r.model_id === 'Qwen3-0.6B-q4f16_1-MLC')!;

describe('a self-hosted mirror', () => {
  it('rewrites a record to the mirror layout: the model under <base>/<model_id>, the library under <base>/libs/', () => {
    const mirrored = mirrorRecord(record, 'http://127.0.0.1:8787/mlc');
    expect(mirrored.model).toBe('http://127.0.0.1:8787/mlc/Qwen3-0.6B-q4f16_1-MLC');
    expect(mirrored.model_lib).toBe(`http://127.0.0.1:8787/mlc/libs/${libraryFileName(record.model_lib)}`);
    expect(libraryFileName(record.model_lib)).toMatch(/^Qwen3-0\.6B-q4f16_1.*-webgpu\.wasm$/);
    // Everything else of the record (overrides, VRAM, features) is kept.
    expect({ ...mirrored, model: record.model, model_lib: record.model_lib }).toEqual(record);
    // web-llm then reads the files from <base>/<model_id>/resolve/main/.
    expect(modelFileUrl(mirrored.model, 'tensor-cache.json')).toBe('http://127.0.0.1:8787/mlc/Qwen3-0.6B-q4f16_1-MLC/resolve/main/tensor-cache.json');
  });

  it("follows web-llm's rule: resolve/main/ is appended unless the URL names a revision", () => {
    expect(modelBaseUrl('https://huggingface.co/mlc-ai/X')).toBe('https://huggingface.co/mlc-ai/X/resolve/main/');
    expect(modelBaseUrl('https://h.example/m/X/resolve/v2/')).toBe('https://h.example/m/X/resolve/v2/');
  });

  it('takes an http(s) base URL, trims its trailing slash, and refuses what the browser could not use', () => {
    expect(parseMirrorUrl(' https://models.example.org/mlc/ ')).toEqual({ ok: true, url: 'https://models.example.org/mlc' });
    expect(parseMirrorUrl('http://127.0.0.1:8787')).toEqual({ ok: true, url: 'http://127.0.0.1:8787' });
    expect(parseMirrorUrl('http://lan-box:8787', 'http:')).toEqual({ ok: true, url: 'http://lan-box:8787' });
    const refused = ['', 'not a url', 'ftp://x.example/m', 'https://u:p@x.example/m', 'https://x.example/m?token=1', 'http://lan-box:8787'];
    for (const input of refused) expect(parseMirrorUrl(input).ok, input).toBe(false);
    expect(parseMirrorUrl('http://lan-box:8787')).toMatchObject({ reason: expect.stringContaining('https') });
  });
});

describe('long URLs, read as hostile input', () => {
  it('refuses a URL longer than 2,048 characters at once, saying so', () => {
    const long = `https://m.example/${'a/'.repeat(150_000)}`;
    expect(parseMirrorUrl(long)).toEqual({ ok: false, reason: expect.stringMatching(/is 300,018 characters long; the app reads URLs of up to 2,048/) });
    expect(checkUrl(long, 'model URL')).toEqual({ ok: false, reason: expect.stringMatching(/The model URL is 300,018 characters long/) });
  });

  it("reads web-llm's revision rule by position, as the pattern did, and in linear time", () => {
    const pattern = (u: string) => /.+\/resolve\/.+\//.test(u);
    for (const u of ['https://h/x/', 'https://h/x/resolve/main/', 'https://h/resolve/main/', 'https://h/x/resolve//', 'https://h/x/resolve/a//', '/resolve/x/', 'https://h/x/resolve/']) {
      expect(modelBaseUrl(u) === u, u).toBe(pattern(u));
    }
    const slashes = `https://h/${'/'.repeat(60_000)}`;
    expect(parseMirrorUrl(slashes.slice(0, 2000), 'http:')).toEqual({ ok: true, url: 'https://h' });
    expect(withoutTrailingSlashes('/'.repeat(1_000_000))).toBe('');
  });
});
