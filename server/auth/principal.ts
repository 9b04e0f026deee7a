import { forbidden } from '../errors';
export const ROLES = ['admin', 'legal', 'staff', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user a request acts for. */
export interface Principal {
  userId: string;
  role: Role;
  department: string | null;
}

/** Roles that see every contract; the others see their department's and those shared with them. */
export const seesAllContracts = (p: Principal): boolean =>
  p.role === 'admin' || p.role === 'legal' || p.role === 'reviewer';

/** Roles that may create and edit contracts (staff only within what they can see). */
export const editsContracts = (p: Principal): boolean =>
  p.role === 'admin' || p.role === 'legal' || p.role === 'staff';

export const managesRegistry = (p: Principal): boolean => p.role === 'admin' || p.role === 'legal';

/**
 * 403 unless the principal may change a contract of this department: a role that edits contracts, and
 * for staff their own department's (a contract of no department is anyone's). `refused` words the two
 * refusals for the action at hand.
 */
export function assertMayChange(
  p: Principal,
  department: string | null | undefined,
  refused: { role: string; department: string },
): void {
  if (!editsContracts(p)) throw forbidden(refused.role);
  if (p.role === 'staff' && department && department !== p.department) throw forbidden(refused.department);
}
