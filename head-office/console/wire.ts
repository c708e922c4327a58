// What the console's browser app and its API say to each other: zod schemas the service validates
// with, and the types the app (head-office/console/web) reads the answers as.
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from './password-rules';

export const CONSOLE_ROLES = ['viewer', 'operator', 'admin'] as const;
export const ConsoleRoleSchema = z.enum(CONSOLE_ROLES);

/** Sent with every state-changing console request: a cross-site form cannot set a custom header. */
export const CSRF_HEADER = 'x-shahn-console';

export const UsernameSchema = z.string().trim().regex(/^[A-Za-z0-9._-]{3,64}$/, '3 to 64 letters, digits, dots, dashes or underscores');
export const PasswordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
export const DisplayNameSchema = z.string().trim().min(1).max(128);

export const SignInRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  // No length rule here: a sign-in only compares, and the answer must not hint at the rules.
  password: z.string().min(1).max(PASSWORD_MAX),
}).strict();

export const CreateUserRequestSchema = z.object({
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  role: ConsoleRoleSchema,
  password: PasswordSchema,
}).strict();

export const UpdateUserRequestSchema = z.object({
  displayName: DisplayNameSchema.optional(),
  role: ConsoleRoleSchema.optional(),
  active: z.boolean().optional(),
}).strict().refine((b) => b.displayName !== undefined || b.role !== undefined || b.active !== undefined, 'nothing to change');

export const ResetPasswordRequestSchema = z.object({ password: PasswordSchema }).strict();

export const UserIdParamsSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict();

export interface ConsoleMe {
  id: number;
  username: string;
  displayName: string;
  role: z.infer<typeof ConsoleRoleSchema>;
}

export interface ConsoleUserView extends ConsoleMe {
  active: boolean;
  /** ISO time the account is locked until (too many wrong passwords), or null. */
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The API's error body (head-office/errors.ts). */
export interface ConsoleErrorBody {
  error: { code: string; message: { ar: string; en: string } };
}
