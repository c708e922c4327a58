// The browser host: serves the built renderer and the contract over HTTP (POST /rpc/<channel>)
// on 127.0.0.1 only. Requests whose Host or Origin is not this server are refused, so a web page
// elsewhere cannot reach the till through DNS rebinding or a cross-site form. The session token
// travels only in the Authorization header (never a cookie, so a cross-site request cannot carry
// it). Every request is answered inside one try/catch: a malformed URL or body must never take
// the till down (an async listener's throw would be an unhandled rejection and end the process).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { App } from '../app/create-app';
import { BodyTooLarge, bodyLimitOf, readBody } from './body';
import { HTTP_STATUS } from './http-status';
import { serveStatic } from './static';

export interface HostOptions { port: number; staticDir: string }
export interface Host { url: string; port: number; close(): Promise<void> }

function send(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
  res.end(text);
}

const error = (code: string, en: string, ar: string) => ({ error: { code, message: { en, ar } } });
const badInput = (en: string, ar: string) => error('BAD_INPUT', en, ar);

async function handleRpc(app: App, req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
  if (req.method !== 'POST') return send(res, 405, badInput('Use POST.', 'استخدم POST.'));
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return send(res, 415, badInput('Send JSON (content-type: application/json).', 'أرسل JSON.'));
  }
  let channel: string;
  try {
    channel = decodeURIComponent(pathname.slice(5));
  } catch {
    return send(res, 404, error('NOT_FOUND', 'Unknown operation.', 'عملية غير معروفة.'));
  }
  let input: unknown;
  const max = bodyLimitOf(channel);
  try {
    const body = await readBody(req, max);
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      return send(res, 413, badInput(`The request is too large (over ${Math.floor(max / 1024)} KB).`, `الطلب كبير جداً (أكثر من ${Math.floor(max / 1024)} كيلوبايت).`), { connection: 'close' });
    }
    return send(res, 400, badInput('The request body is not valid JSON.', 'محتوى الطلب ليس JSON صالحاً.'));
  }
  const auth = req.headers.authorization;
  const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
  const result = await app.call(channel, input, token);
  return result.ok ? send(res, 200, result.value) : send(res, HTTP_STATUS[result.error.code], { error: result.error });
}

export function startHost(app: App, opts: HostOptions): Promise<Host> {
  if (!fs.existsSync(path.join(opts.staticDir, 'index.html'))) {
    app.log.warn({ staticDir: opts.staticDir }, 'renderer not built: run `npm run build:renderer`');
  }
  let allowedHosts: Set<string> = new Set();
  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      const origin = req.headers.origin;
      if (!allowedHosts.has(host) || (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, '')))) {
        return send(res, 403, error('FORBIDDEN', 'Foreign host or origin refused.', 'مصدر غير مسموح.'));
      }
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname.startsWith('/rpc/')) return await handleRpc(app, req, res, url.pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, badInput('Method not allowed.', 'طريقة غير مسموحة.'));
      serveStatic(opts.staticDir, url.pathname, res);
    } catch (e) {
      app.log.error({ err: e instanceof Error ? e.message : String(e) }, 'browser host: request failed');
      send(res, 400, badInput('The request could not be read.', 'تعذرت قراءة الطلب.'));
    }
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
