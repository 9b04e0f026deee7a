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
