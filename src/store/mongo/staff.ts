import { Schema, type Connection } from 'mongoose';
import { STAFF_ROLES, type StaffAccount, type StaffStore } from '../ports';
import { inserted } from './duplicate-key';
import { SCHEMA_OPTIONS } from './schema-options';

const schema = new Schema<StaffAccount>(
  {
    username: { type: String, required: true, maxlength: 64 },
    role: { type: String, enum: STAFF_ROLES, required: true },
    communes: { type: [{ type: String, maxlength: 64 }], default: [] },
    passwordHash: { type: String, required: true },
    disabled: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'staff' },
);
schema.index({ username: 1 }, { unique: true });

const toAccount = (d: StaffAccount): StaffAccount => ({
  username: d.username,
  role: d.role,
  // Accounts written before communes existed are province-wide.
  communes: d.communes ?? [],
  passwordHash: d.passwordHash,
  disabled: d.disabled,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

export function mongoStaff(conn: Connection): StaffStore {
  const Staff = conn.model('Staff', schema);
  return {
    create: async (a, at) =>
      inserted(() =>
        Staff.create({
          username: a.username,
          role: a.role,
          communes: a.communes ?? [],
          passwordHash: a.passwordHash,
          disabled: a.disabled,
          createdAt: at,
          updatedAt: at,
        }),
      ),
    get: async (username) => {
      const d = await Staff.findOne({ username }).lean<StaffAccount>();
      return d && toAccount(d);
    },
    list: async () => (await Staff.find().sort({ username: 1 }).lean<StaffAccount[]>()).map(toAccount),
    update: async (username, patch, at) => {
      // Only the fields the patch names; undefined must not overwrite anything.
      const set: Partial<StaffAccount> = { updatedAt: at };
      if (patch.role !== undefined) set.role = patch.role;
      if (patch.communes !== undefined) set.communes = patch.communes;
      if (patch.passwordHash !== undefined) set.passwordHash = patch.passwordHash;
      if (patch.disabled !== undefined) set.disabled = patch.disabled;
      const d = await Staff.findOneAndUpdate(
        { username },
        { $set: set },
        { returnDocument: 'after', runValidators: true },
      ).lean<StaffAccount>();
      return d && toAccount(d);
    },
  };
}
