// The auth.* channels (log in and out, who am I, change my PIN) and approvals.*: a supervisor's
// single-use approval, typed at the cashier's till, for one restricted action.
import { z } from 'zod';
import { channel, empty, isoTime, locale, pin, PIN_DIGITS, ROLES } from './shared';

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  locale,
});
export type User = z.infer<typeof UserSchema>;

/** Restricted actions a supervisor approves at the till. */
export const APPROVAL_ACTIONS = ['reprint', 'sale-above-max', 'engineering-token'] as const;
export const ApprovalAction = z.enum(APPROVAL_ACTIONS);
export type ApprovalAction = z.infer<typeof ApprovalAction>;
/** The token approvals.grant hands out, as a channel that needs one takes it back. */
export const ApprovalTokenInput = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

export const authChannels = {
  // The login PIN has no custom message (unlike `pin`): a malformed login answers in zod's own words.
  'auth.login': channel({
    input: z.object({ username: z.string().trim().min(1).max(64), pin: z.string().regex(PIN_DIGITS) }).strict(),
    output: z.object({ token: z.string(), user: UserSchema }),
    role: 'public',
  }),
  'auth.logout': channel({ input: empty, output: z.object({ ok: z.literal(true) }), role: 'cashier' }),
  'auth.me': channel({ input: empty, output: UserSchema, role: 'cashier' }),
  /** Any user changes their own PIN, giving the current one. */
  'auth.changePin': channel({ input: z.object({ currentPin: pin, newPin: pin }).strict(), output: z.object({ ok: z.literal(true) }), role: 'cashier' }),
} as const;

export const approvalChannels = {
  /** A supervisor types username + PIN at the cashier's till: a single-use token for one action, valid 2 minutes. */
  'approvals.grant': channel({
    input: z.object({ username: z.string().trim().min(1).max(64), pin, action: ApprovalAction, subject: z.string().trim().min(1).max(64).optional() }).strict(),
    output: z.object({ approvalToken: z.string(), action: ApprovalAction, subject: z.string().nullable(), expiresAt: isoTime, approver: z.object({ id: z.number().int(), displayName: z.string() }) }),
    role: 'cashier',
  }),
} as const;
