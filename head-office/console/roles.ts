// The console's roles and their order, shared by the service's guard and the browser app (which
// hides what a role may not do; the service refuses it regardless).
export type ConsoleRole = 'viewer' | 'operator' | 'admin';

const RANK: Record<ConsoleRole, number> = { viewer: 1, operator: 2, admin: 3 };

export const roleAtLeast = (role: ConsoleRole, min: ConsoleRole): boolean => RANK[role] >= RANK[min];
