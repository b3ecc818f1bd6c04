// A small static file server for the end-to-end tier: serves a trunk `dist/` directory under a
// sub-path (default `/sub/`), as GitHub Pages serves a project site under `/<repo>/`.
//
// - Only 127.0.0.1; GET and HEAD only; `Cache-Control: no-store`.
// - `/sub` redirects to `/sub/`; a path ending in `/` serves its `index.html`.
// - Everything outside the prefix is 404, except `/sub-parent.html?src=<path>`: a generated
//   parent page (not part of dist/) that embeds `<path>` in an iframe and records the
//   `kinesis-playground:height` messages it receives in `window.__heights`.
// - Paths that escape the root (`..`, encoded or not) are 404.
// - `extra(req, res)`, when given, sees every request first and returns true when it answered
//   it: the live check's fake endpoint (live-fake.mjs) serves `/live/log` this way, on the
//   app's own origin as the real endpoint does.
//
// Standalone: `node tests/e2e/server.mjs [dist-dir] [port]` (defaults: target/e2e-dist, 8081).

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Content types by file extension; anything else is application/octet-stream. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** The parent page used to check the embed's height messages. */
export const PARENT_PAGE = 'sub-parent.html';

function parentPage(src) {
  // `src` is only ever a same-origin path under the prefix (checked by the caller); it is
  // still escaped, because it comes from the query string.
  const attr = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Embed parent</title></head>
<body>
<h1>Course page</h1>
<iframe id="playground" src="${attr}" title="Kinesis Playground"
        style="width: 100%; height: 200px; border: 0" loading="eager"></iframe>
<script>
  window.__heights = [];
  window.addEventListener('message', (event) => {
    const d = event.data;
    if (event.origin !== location.origin || !d || d.type !== 'kinesis-playground:height') return;
    window.__heights.push(d.height);
    if (typeof d.height === 'number' && d.height > 0) {
      document.getElementById('playground').style.height = Math.ceil(d.height) + 'px';
    }
  });
</script>
</body>
</html>
`;
}

/**
 * Starts the server. Resolves to `{ origin, url, close }` once it listens.
 * `port: 0` picks a free port.
 */
export function startServer({ root, prefix = '/sub/', port = 0, host = '127.0.0.1', log = false, extra = null }) {
  const rootDir = resolve(root);
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new Error(`prefix must start and end with '/': ${prefix}`);
  }
  const bare = prefix.slice(0, -1);

  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (log) console.log(`server: ${req.method} ${req.url}`);
    if (extra && extra(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    let url;
    let pathname;
    try {
      url = new URL(req.url, 'http://localhost');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      send(400, 'bad request\n');
      return;
    }

    if (pathname === '/' + PARENT_PAGE) {
      const src = url.searchParams.get('src') || prefix;
      if (!src.startsWith(prefix)) {
        send(400, `src must start with ${prefix}\n`);
        return;
      }
      send(200, parentPage(src), { 'Content-Type': MIME['.html'] });
      return;
    }
    if (pathname === bare) {
      send(301, '', { Location: prefix + url.search });
      return;
    }
    if (!pathname.startsWith(prefix) || pathname.includes('\0')) {
      send(404, 'not found\n');
      return;
    }

    let rel = pathname.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = resolve(rootDir, rel);
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      send(404, 'not found\n');
      return;
    }
    let info;
    try {
      info = await stat(file);
    } catch {
      send(404, 'not found\n');
      return;
    }
    if (info.isDirectory()) {
      send(301, '', { Location: url.pathname + '/' + url.search });
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      const origin = `http://${host}:${actual}`;
      resolvePromise({
        origin,
        url: origin + prefix,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

// Standalone use: node tests/e2e/server.mjs [dist-dir] [port]
if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const root = process.argv[2] || 'target/e2e-dist';
  const port = Number(process.argv[3] || 8081);
  const { url, origin } = await startServer({ root, port, log: true });
  console.log(`serving ${resolve(root)} at ${url} (parent page: ${origin}/${PARENT_PAGE}?src=/sub/%3Fembed%3D1)`);
}
