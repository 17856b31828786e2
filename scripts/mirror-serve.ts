// npm run mirror:serve [-- --dir DIR --port N --host H]
// Serves a mirror folder (npm run mirror writes one) to the app: CORS for any page, the MIME types
// web-llm expects (application/wasm for model libraries), HEAD and byte ranges (so a copy resumes).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { mirrorServer } from './mirror/server';
import { run, UsageError } from './cli';

run({
  name: 'npm run mirror:serve',
  usage: 'npm run mirror:serve [-- --dir DIR --port N --host H]   (defaults: ./mirror, 8787, 127.0.0.1)',
  options: { dir: { type: 'string', default: 'mirror' }, port: { type: 'string', default: '8787' }, host: { type: 'string', default: '127.0.0.1' } },
  main: ({ values }) => {
    const dir = values.dir as string;
    const host = values.host as string;
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${String(values.port)} is not a port number`);
    if (!existsSync(dir)) throw new Error(`${dir}/ does not exist: write a mirror there first (npm run mirror -- <model_id> --out ${dir})`);
    return new Promise<number>((resolve) => {
      const server = createServer(mirrorServer(dir));
      server.on('error', (err) => {
        console.error(`npm run mirror:serve: cannot listen on ${host}:${port}: ${err.message}`);
        resolve(1);
      });
      server.listen(port, host, () => {
        console.log(`Serving ${dir}/ at http://${host}:${port}/`);
        console.log(`In the app: Storage, offline, mirror → Mirror base URL → http://${host}:${port}`);
      });
    });
  },
});
