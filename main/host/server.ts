// The browser host: serves the built renderer and the contract over HTTP (POST /rpc/<channel>)
// on 127.0.0.1 only. Requests whose Host or Origin is not this server are refused, so a web page
// elsewhere cannot reach the till through DNS rebinding or a cross-site form.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { App } from '../app';
import { HTTP_STATUS } from './http-status';
import { serveStatic } from './static';

const MAX_BODY = 64 * 1024;

export interface HostOptions { port: number; staticDir: string }
export interface Host { url: string; port: number; close(): Promise<void> }

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new Error('too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

const badInput = (en: string, ar: string) => ({ error: { code: 'BAD_INPUT', message: { en, ar } } });

export function startHost(app: App, opts: HostOptions): Promise<Host> {
  if (!fs.existsSync(path.join(opts.staticDir, 'index.html'))) {
    app.log.warn({ staticDir: opts.staticDir }, 'renderer not built: run `npm run build:renderer`');
  }
  let allowedHosts: Set<string> = new Set();
  const server = http.createServer(async (req, res) => {
    const host = req.headers.host ?? '';
    const origin = req.headers.origin;
    if (!allowedHosts.has(host) || (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, '')))) {
      send(res, 403, { error: { code: 'FORBIDDEN', message: { en: 'Foreign host or origin refused.', ar: 'مصدر غير مسموح.' } } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(res, 405, badInput('Use POST.', 'استخدم POST.'));
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, badInput('Send JSON (content-type: application/json).', 'أرسل JSON.'));
      }
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body.trim() === '' ? {} : JSON.parse(body);
      } catch {
        return send(res, 400, badInput('The request body is not valid JSON (or is too large).', 'محتوى الطلب ليس JSON صالحاً أو كبير جداً.'));
      }
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
      const result = await app.call(decodeURIComponent(url.pathname.slice(5)), input, token);
      return result.ok ? send(res, 200, result.value) : send(res, HTTP_STATUS[result.error.code], { error: result.error });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, badInput('Method not allowed.', 'طريقة غير مسموحة.'));
    serveStatic(opts.staticDir, url.pathname, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}
