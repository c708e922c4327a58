// The console's users, for administrators: list, create with a first password, change name or
// role, deactivate (ending their sessions) or re-activate, and reset a password (ending their
// sessions and lifting a lockout). An administrator cannot demote or deactivate themselves, so
// the console always keeps at least the administrator who is using it.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { readBody } from '../body';
import { consoleUserById, insertConsoleUser, isUsernameTaken, listConsoleUsers, setConsolePassword, updateConsoleUser, type ConsoleUserRow } from '../db/console-users';
import { refuse } from '../errors';
import { requireRole } from './guard';
import { hashPassword } from './passwords';
import { CreateUserRequestSchema, ResetPasswordRequestSchema, UpdateUserRequestSchema, UserIdParamsSchema, type ConsoleUserView } from './wire';

export const userView = (u: ConsoleUserRow, now: number): ConsoleUserView => ({
  id: u.id, username: u.username, displayName: u.displayName, role: u.role, active: u.active,
  lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > now ? u.lockedUntil.toISOString() : null,
  createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString(),
});

function userIdOf(req: FastifyRequest, reply: FastifyReply): number | null {
  const p = UserIdParamsSchema.safeParse(req.params);
  if (p.success) return p.data.id;
  refuse(reply, 422, 'BAD_REQUEST', 'Invalid request: id', 'طلب غير صالح: id');
  return null;
}

const noSuchUser = (reply: FastifyReply) => refuse(reply, 404, 'NO_SUCH_USER', 'No such user', 'لا يوجد مستخدم بهذا الرقم');

export function userRoutes(): FastifyPluginAsync {
  return async (app) => {
    const s = app.consoleSessions;
    const admin = { preHandler: requireRole('admin') };

    app.get('/users', admin, async () => ({ users: (await listConsoleUsers(s.pool)).map((u) => userView(u, s.now())) }));

    app.post('/users', admin, async (req, reply) => {
      const body = readBody(req, reply, CreateUserRequestSchema);
      if (body === null) return reply;
      try {
        const user = await insertConsoleUser(s.pool, { username: body.username, displayName: body.displayName, role: body.role, password: await hashPassword(body.password) });
        req.log.info({ by: req.consoleUser!.username, consoleUser: user.username, role: user.role }, 'console user created');
        return reply.code(201).send(userView(user, s.now()));
      } catch (err) {
        if (!isUsernameTaken(err)) throw err;
        return refuse(reply, 409, 'USERNAME_TAKEN', `The username "${body.username}" is taken (names are compared ignoring capitals)`,
          `اسم المستخدم «${body.username}» مستخدم من قبل (لا فرق بين الأحرف الكبيرة والصغيرة)`);
      }
    });

    app.patch('/users/:id', admin, async (req, reply) => {
      const id = userIdOf(req, reply);
      if (id === null) return reply;
      const body = readBody(req, reply, UpdateUserRequestSchema);
      if (body === null) return reply;
      if (id === req.consoleUser!.id && (body.active === false || (body.role !== undefined && body.role !== 'admin'))) {
        return refuse(reply, 409, 'CANNOT_CHANGE_OWN_ACCESS', 'You cannot deactivate yourself or lower your own role; another administrator can',
          'لا يمكنك تعطيل حسابك أو خفض دورك بنفسك؛ يمكن ذلك لمدير آخر');
      }
      const user = await updateConsoleUser(s.pool, id, body, new Date(s.now()));
      if (!user) return noSuchUser(reply);
      req.log.info({ by: req.consoleUser!.username, consoleUser: user.username, change: body }, 'console user changed');
      return userView(user, s.now());
    });

    app.post('/users/:id/password', admin, async (req, reply) => {
      const id = userIdOf(req, reply);
      if (id === null) return reply;
      const body = readBody(req, reply, ResetPasswordRequestSchema);
      if (body === null) return reply;
      if (!(await consoleUserById(s.pool, id))) return noSuchUser(reply);
      const user = await setConsolePassword(s.pool, id, await hashPassword(body.password), new Date(s.now()));
      if (!user) return noSuchUser(reply);
      req.log.info({ by: req.consoleUser!.username, consoleUser: user.username }, 'console password reset');
      return userView(user, s.now());
    });
  };
}
