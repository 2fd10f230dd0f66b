// Who may do what: viewer (read only) < editor (knowledge, training, dossiers, conversations) < admin.
import type { StaffRole } from '../../store/ports';

export interface Staff {
  username: string;
  role: StaffRole;
  /** The communes this person works for; empty = province-wide (see scope.ts). */
  communes: readonly string[];
  sessionId: string;
  csrfToken: string;
}

const RANK: Record<StaffRole, number> = { viewer: 0, editor: 1, admin: 2 };

export function allows(role: StaffRole, least: StaffRole): boolean {
  return RANK[role] >= RANK[least];
}

/** Each role as staff call it (the console's menu shows the same names). */
export const ROLE_NAME: Record<StaffRole, string> = {
  viewer: 'Chỉ xem',
  editor: 'Biên tập',
  admin: 'Quản trị',
};
