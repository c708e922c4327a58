// The roles and their one ranking. No zod and no other import, so the renderer may import these
// values too (the top bar hides screens by role; main checks the role again on every call).
export const ROLES = ['cashier', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** 'public' channels need no session (login, app info). */
export type ChannelRole = Role | 'public';

/** Each role may do everything the roles ranked below it may. */
export const ROLE_RANK: Record<Role, number> = { cashier: 1, supervisor: 2, admin: 3 };

/** Whether `role` is `needed` or ranks above it. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}
