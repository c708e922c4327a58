// The console's browser app at /console/, built by `npm run build:console` into dist-console/.
// Hashed assets (/console/assets/…) never change under their name, so browsers keep them a year;
// index.html is revalidated on every load so a new build is picked up at once. Any other path
// under /console/ is a page of the app (client-side routes): index.html again. Without a build,
// /console/ says so in both languages instead of failing.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { refuse } from '../errors';
import { CONSOLE_API_PREFIX } from './api-prefix';

export const DEFAULT_CONSOLE_WEB_DIR = path.join(__dirname, '..', '..', 'dist-console');

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const NOT_BUILT = `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>لوحة التحكم غير مبنية · Console not built</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.6">
<h1>لوحة تحكم المكتب الرئيسي غير مبنية بعد</h1>
<p>الخدمة تعمل، لكن ملفات لوحة التحكم غير موجودة على هذا الخادم. شغّل <code dir="ltr">npm run build:console</code> ثم أعد تحميل الصفحة.</p>
<hr>
<div dir="ltr" lang="en"><h1>The head office console is not built yet</h1>
<p>The service is running, but the console's files are not on this server. Run <code>npm run build:console</code>, then reload this page.</p></div>
</body></html>`;

const apiNotFound = (reply: FastifyReply) => refuse(reply, 404, 'NO_SUCH_ENDPOINT', 'No such endpoint', 'لا توجد نقطة خدمة بهذا العنوان');

function pageHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-cache').header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin');
}

export function consoleWebApp(dir: string = DEFAULT_CONSOLE_WEB_DIR): FastifyPluginAsync {
  return async (app) => {
    app.get('/console', async (_req, reply) => reply.redirect('/console/', 301));
    if (!fs.existsSync(path.join(dir, 'index.html'))) {
      app.log.warn({ dir }, 'the console is not built (npm run build:console): /console/ says so');
      app.get('/console/*', async (req, reply) => {
        if (req.url.startsWith(`${CONSOLE_API_PREFIX}/`)) return apiNotFound(reply);
        return reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT);
      });
      return;
    }
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/console/',
      // One route per file found now: any other path falls through to the app's pages below.
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'no-cache');
        res.header('x-content-type-options', 'nosniff');
        if (file.endsWith('.html')) res.header('content-security-policy', CSP);
      },
    });
    app.get('/console/*', async (req, reply) => {
      if (req.url.startsWith(`${CONSOLE_API_PREFIX}/`)) return apiNotFound(reply);
      // A missing asset is a 404, not the app: a stale page asking for an old hash must fail loudly.
      if (req.url.startsWith('/console/assets/')) return apiNotFound(reply);
      return pageHeaders(reply).sendFile('index.html');
    });
  };
}
