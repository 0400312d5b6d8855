/**
 * A bare page for the browser benches: one script, bundled from `entry` by esbuild with `define` written in, and an
 * HTML body around it, served on 127.0.0.1 (a secure context: Web Crypto works) from a server of the bench's own.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';

export interface BarePage {
  url: string;
  close(): void;
}

export async function serveBarePage(options: {
  entry: string;
  body: string;
  define?: Record<string, string>;
  /** Extra files by path, e.g. a WebAssembly module the script loads. */
  files?: Record<string, { type: string; data: Buffer }>;
}): Promise<BarePage> {
  const bundle = await build({
    entryPoints: [options.entry],
    bundle: true,
    format: 'esm',
    minify: true,
    target: ['es2022'],
    platform: 'browser',
    write: false,
    ...(options.define ? { define: options.define } : {}),
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>bench</title>${options.body}<script type="module" src="/page.js"></script>`;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = options.files?.[path];
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'max-age=3600' });
      return res.end(file.data);
    }
    const js = path === '/page.js';
    res.writeHead(200, {
      'content-type': js ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8',
      // The script comes from the browser's cache after the first load, as the verify page's comes from its own.
      'cache-control': js ? 'max-age=3600' : 'no-cache',
    });
    res.end(js ? script : html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    close: () => {
      server.close();
      server.closeAllConnections?.();
    },
  };
}
