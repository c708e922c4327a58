import type { User } from '../../preload/contract';
import { err } from '../common/errors';
import type { CallContext } from './dispatch';

/** The logged-in user of a call (the dispatcher has already checked the role). */
export function userOf(ctx: CallContext): User {
  if (!ctx.session) throw err('UNAUTHENTICATED', 'Please log in again.', 'يرجى تسجيل الدخول مرة أخرى.');
  return ctx.session.user;
}
