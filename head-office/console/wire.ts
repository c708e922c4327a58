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

export interface CounterView {
  id: number;
  name: string;
  apiKey: string;
  createdAt: string;
  /** null: registered another way (the demo), not by an enrolment code. */
  enrolledAt: string | null;
  lastSeenAt: string | null;
  appVersion: string | null;
  /** What the counter last reported (with its pushes): sales in its outbox, sales of unknown outcome. */
  pendingSales: number | null;
  unknownSales: number | null;
  countsReportedAt: string | null;
  revokedAt: string | null;
}

export const CounterIdParamsSchema = UserIdParamsSchema;

export const MAX_CODE_VALID_HOURS = 168;
export const EnrolmentCodeRequestSchema = z.object({
  counterName: z.string().trim().min(1).max(64),
  validHours: z.number().int().min(1).max(MAX_CODE_VALID_HOURS).default(24),
}).strict();

export interface IssuedEnrolmentCode {
  code: string;
  counterName: string;
  expiresAt: string;
}

export const SALE_STATUSES = ['paid', 'issued', 'pending', 'unknown', 'failed'] as const;
export const SALES_PAGE_MAX = 200;

export const SalesQuerySchema = z.object({
  counterId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  meter: z.string().trim().min(1).max(64).optional(),
  receiptNo: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  status: z.enum(SALE_STATUSES).optional(),
  /** Instants (ISO 8601 with an offset): from inclusive, to exclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** The previous page's `next`, as given. */
  cursor: z.string().regex(/^\d{1,20}\.[0-9a-f-]{36}$/).optional(),
  limit: z.coerce.number().int().min(1).max(SALES_PAGE_MAX).default(50),
}).strict();

export interface SaleRowView {
  saleId: string;
  counterId: number;
  counterName: string;
  receiptNo: number;
  status: (typeof SALE_STATUSES)[number];
  product: string;
  paymentMethod: string;
  cashier: string;
  meterNumber: string;
  currency: string;
  chargedMinor: number;
  energyTenths: number | null;
  soldAt: string;
}

export interface SalesPage {
  sales: SaleRowView[];
  /** Pass as `cursor` for the next (older) page; null: this is the last. */
  next: string | null;
}
