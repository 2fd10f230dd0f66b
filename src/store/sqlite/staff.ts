import type Database from 'better-sqlite3';
import { staffAccountSchema } from '../entities/staff';
import type { StaffStore } from '../ports';
import { ms, returnedRow } from './codec';
import { columnsOf } from './columns';
import type { Row } from './codec';

const toAccount = columnsOf(staffAccountSchema.shape).fromRow;

export function sqliteStaff(db: Database.Database): StaffStore {
  const insert = db.prepare(
    `INSERT INTO staff (username, role, communes, password_hash, disabled, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (username) DO NOTHING`,
  );
  const select = db.prepare('SELECT * FROM staff WHERE username = ?');
  const all = db.prepare('SELECT * FROM staff ORDER BY username');
  // COALESCE keeps a field the patch leaves out.
  const update = db.prepare(
    `UPDATE staff SET role = COALESCE(@role, role), communes = COALESCE(@communes, communes), password_hash = COALESCE(@passwordHash, password_hash),
       disabled = COALESCE(@disabled, disabled), updated_at = @at
     WHERE username = @username RETURNING *`,
  );
  return {
    create: async (a, at) =>
      insert.run(
        a.username,
        a.role,
        JSON.stringify(a.communes ?? []),
        a.passwordHash,
        a.disabled ? 1 : 0,
        ms(at),
        ms(at),
      ).changes === 1,
    get: async (username) => {
      const row = select.get(username) as Row | undefined;
      return row ? toAccount(row) : null;
    },
    list: async () => (all.all() as Row[]).map(toAccount),
    update: async (username, patch, at) => {
      const row = returnedRow(update, {
        username,
        role: patch.role ?? null,
        communes: patch.communes ? JSON.stringify(patch.communes) : null,
        passwordHash: patch.passwordHash ?? null,
        disabled: patch.disabled === undefined ? null : patch.disabled ? 1 : 0,
        at: ms(at),
      });
      return row ? toAccount(row) : null;
    },
  };
}
