import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { acceptsGzip, HttpProblem, PAGE_CSP } from '../http.js';
import type { Context, Route } from './route.js';

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  map: 'application/json; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

async function fileOr404(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new HttpProblem(404, 'not-found', { params: { what: 'The file' } });
  }
}

const gzip = promisify(gzipCallback);
/** Compressed once per file version: the bundle is ~180 KB as text and ~58 KB gzipped, on every first visit. */
const compressed = new Map<string, { mtimeMs: number; data: Buffer }>();

async function gzipped(path: string, data: Buffer): Promise<Buffer> {
  const { mtimeMs } = await stat(path);
  const cached = compressed.get(path);
  if (cached?.mtimeMs === mtimeMs) return cached.data;
  const zipped = await gzip(data, { level: 9 });
  compressed.set(path, { mtimeMs, data: zipped });
  return zipped;
}

const escapeAttribute = (text: string) => text.replace(/[&"<>]/g, c => `&#${c.charCodeAt(0)};`);

/**
 * The public files, and nothing else: the demo page, its script and stylesheet, and the built bundles. The store's
 * directory, the sources and the server's own files are never served, whatever the path says.
 */
export function staticRoutes(root: string, adminToken: string | undefined): readonly Route[] {
  const page = async ({ res }: Context) => {
    let html = (await fileOr404(join(root, 'demo', 'index.html'))).toString('utf8');
    // The demo page's admin token travels in the page itself (same-origin only), never in a URL or a cookie.
    if (adminToken)
      html = html.replace(
        '</head>',
        `  <meta name="fapiao-admin-token" content="${escapeAttribute(adminToken)}" />\n  </head>`,
      );
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': PAGE_CSP,
    });
    res.end(html);
  };
  const file =
    (folder: string) =>
    async ({ req, res, params }: Context) => {
      const name = params.name!;
      const path = join(root, folder, name);
      const data = await fileOr404(path);
      const headers = {
        'content-type': TYPES[name.split('.').pop()!]!,
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
      };
      if (acceptsGzip(req.headers['accept-encoding'])) {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
        res.end(await gzipped(path, data));
      } else {
        res.writeHead(200, headers);
        res.end(data);
      }
    };
  return [
    { method: 'GET', path: /^\/$/, auth: 'none', handle: page },
    { method: 'GET', path: /^\/index\.html$/, auth: 'none', handle: page },
    { method: 'GET', path: /^\/demo\/(?<name>demo\.(?:js|css))$/, auth: 'none', handle: file('demo') },
    {
      method: 'GET',
      path: /^\/bundle\/(?<name>[\w-]+(?:\.[\w-]+)*\.(?:js|map))$/,
      auth: 'none',
      handle: file('bundle'),
    },
  ];
}
