// The web console inside the head office's service: its API under /console/api (sign-in and the
// console's users here; each other domain registers its own route plugin beside these, see
// head-office/README.md). Registered by buildServer (head-office/server.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { RateLimit } from '../rate-limit';
import { sessionRoutes } from './session-routes';
import { userRoutes } from './user-routes';

export interface ConsolePluginOptions {
  /** Sign-in attempts allowed per client address. */
  signInLimit?: RateLimit;
}

export const CONSOLE_API_PREFIX = '/console/api';

export function consolePlugin(opts: ConsolePluginOptions = {}): FastifyPluginAsync {
  return async (app) => {
    await app.register(sessionRoutes({ signInLimit: opts.signInLimit }), { prefix: CONSOLE_API_PREFIX });
    await app.register(userRoutes(), { prefix: CONSOLE_API_PREFIX });
  };
}
