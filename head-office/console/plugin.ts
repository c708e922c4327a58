// The web console inside the head office's service: its API under /console/api — sign-in, the
// console's users, the counters and the sales search here; each other domain registers its own
// route plugin beside these (head-office/README.md) — and the browser app at /console/.
// Registered by buildServer (head-office/server.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { RateLimit } from '../rate-limit';
import { CONSOLE_API_PREFIX } from './api-prefix';
import { consoleWebApp } from './web-app';
import { counterRoutes } from './counter-routes';
import { salesRoutes } from './sales-routes';
import { sessionRoutes } from './session-routes';
import { userRoutes } from './user-routes';

export interface ConsolePluginOptions {
  /** Sign-in attempts allowed per client address. */
  signInLimit?: RateLimit;
  /** The built browser app (default: dist-console/ at the repository's root). */
  webDir?: string;
}

export { CONSOLE_API_PREFIX };

export function consolePlugin(opts: ConsolePluginOptions = {}): FastifyPluginAsync {
  return async (app) => {
    await app.register(sessionRoutes({ signInLimit: opts.signInLimit }), { prefix: CONSOLE_API_PREFIX });
    await app.register(userRoutes(), { prefix: CONSOLE_API_PREFIX });
    await app.register(counterRoutes(), { prefix: CONSOLE_API_PREFIX });
    await app.register(salesRoutes(), { prefix: CONSOLE_API_PREFIX });
    await app.register(consoleWebApp(opts.webDir));
  };
}
