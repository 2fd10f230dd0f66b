// Who is signed in, as the sign-in answer and GET /me tell the console.
import type { StaffRole } from '../../store/ports';
import type { AdminDeps } from '../deps';

/** Who is signed in, as the console shows it: the role, and the communes it offers (theirs, or all). */
export function whoIs(
  d: AdminDeps,
  staff: { username: string; role: StaffRole; communes: readonly string[] },
) {
  const mine = new Set(staff.communes);
  const kb = d.assistant.knowledge.current();
  return {
    username: staff.username,
    role: staff.role,
    province: mine.size === 0,
    /** Records that name no commune belong to this one. */
    defaultCommune: kb.defaultCommune,
    communes: [...kb.communes.values()]
      .filter((c) => mine.size === 0 || mine.has(c.id))
      .map((c) => ({ id: c.id, name: c.commune_name })),
  };
}
