// npm run mirror:serve [-- --dir DIR --port N --host H]
// Serves a mirror folder (npm run mirror writes one) to the app: CORS for any page, the MIME types
// web-llm expects (application/wasm for model libraries), HEAD and byte ranges (so a copy resumes).
import { createServer } from 'node:http';
import { mirrorServer } from './mirror/server';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : (args[i + 1] ?? fallback);
};
const dir = option('--dir', 'mirror');
const port = Number(option('--port', '8787'));
const host = option('--host', '127.0.0.1');

createServer(mirrorServer(dir)).listen(port, host, () => {
  console.log(`Serving ${dir}/ at http://${host}:${port}/`);
  console.log(`In the app: Storage, offline, mirror → Mirror base URL → http://${host}:${port}`);
});
