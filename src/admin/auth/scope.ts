// Which communes a staff member works for, and the one rule deciding which endpoints they may call.
// Commune staff (an account listing communes) see and change only those communes' data. A province-wide
// account (no communes) sees every commune; as editor it changes the shared knowledge only (procedures,
// province fees, training); only a province admin changes a commune's data, staff accounts and the rest.
import type { Staff } from './roles';
import { allows, ROLE_NAME } from './roles';
import type { StaffRole } from '../../store/ports';

/**
 * What an endpoint touches:
 * - 'own': nothing of one commune (the session, reading the shared knowledge);
 * - 'commune': one commune's data; the handler filters and checks it against the caller's scope;
 * - 'province': what belongs to the whole province (shared knowledge edits, staff, audit log, citizens).
 */
export type Reach = 'own' | 'commune' | 'province';

export interface Scope {
  /** A province-wide account: every commune. */
  readonly province: boolean;
  /** The communes of a commune account (empty for a province account). */
  readonly communes: readonly string[];
  /**
   * The commune values of the rows this scope covers, for store filters (null = the rows written before
   * communes existed, which belong to the default commune); null when the scope covers everything.
   */
  readonly filter: Array<string | null> | null;
  /** Whether a record of this commune (null/absent = the default commune) is in scope. */
  sees(commune: string | null | undefined): boolean;
}

export function scopeOf(staff: Pick<Staff, 'communes'>, defaultCommune: string): Scope {
  if (staff.communes.length === 0) return { province: true, communes: [], filter: null, sees: () => true };
  const mine = new Set(staff.communes);
  const filter: Array<string | null> = [...mine];
  if (mine.has(defaultCommune)) filter.push(null);
  return {
    province: false,
    communes: [...mine],
    filter,
    sees: (commune) => mine.has(commune ?? defaultCommune),
  };
}

/** Why the staff member may not call the endpoint, or null when they may. */
export function refusal(
  staff: Pick<Staff, 'role' | 'communes'>,
  e: { method: string; role: StaffRole; reach: Reach },
): string | null {
  if (!allows(staff.role, e.role))
    return `Việc này cần quyền ${ROLE_NAME[e.role]} trở lên; tài khoản đang đăng nhập có quyền ${ROLE_NAME[staff.role]}.`;
  const province = staff.communes.length === 0;
  if (e.reach === 'province' && !province)
    return 'Việc này dành cho tài khoản cấp tỉnh; tài khoản của anh/chị chỉ làm việc cho xã/phường của mình.';
  if (e.reach === 'commune' && province && e.method !== 'get' && staff.role !== 'admin')
    return 'Biên tập viên cấp tỉnh chỉ sửa thủ tục dùng chung và lệ phí của tỉnh; dữ liệu riêng của một xã/phường do cán bộ xã đó hoặc quản trị cấp tỉnh thay đổi.';
  return null;
}
