// The users.* channels: an admin manages the users; a supervisor lists them and unlocks a
// cashier locked out after wrong PINs.
import { z } from 'zod';
import { channel, id, isoTime, locale, pin, ROLES } from './shared';

const roleEnum = z.enum(ROLES);
const displayName = z.string().trim().min(1).max(60);

export const AdminUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleEnum,
  locale,
  active: z.boolean(),
  failedAttempts: z.number().int().nonnegative(),
  /** Set while the user is locked out after wrong PINs (a supervisor can unlock). */
  lockedUntil: isoTime.nullable(),
  createdAt: isoTime,
  /** Sent by the head office: changed only there (a user made at this counter is false). */
  headOffice: z.boolean(),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

export const userChannels = {
  'users.list': channel({ input: z.object({ includeInactive: z.boolean().default(true) }).strict(), output: z.array(AdminUserSchema), role: 'supervisor' }),
  'users.create': channel({
    input: z.object({ username: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9._-]{2,31}$/, '3-32 Latin letters, digits, . _ -'), displayName, role: roleEnum, locale: locale.default('ar'), pin }).strict(),
    output: AdminUserSchema, role: 'admin',
  }),
  'users.update': channel({
    input: z.object({ id, displayName: displayName.optional(), role: roleEnum.optional(), locale: locale.optional(), active: z.boolean().optional() }).strict()
      .refine((i) => Object.keys(i).length > 1, { message: 'change at least one field', path: ['id'] }),
    output: AdminUserSchema, role: 'admin',
  }),
  'users.setPin': channel({ input: z.object({ id, pin }).strict(), output: AdminUserSchema, role: 'admin' }),
  'users.unlock': channel({ input: z.object({ id }).strict(), output: AdminUserSchema, role: 'supervisor' }),
} as const;
