// `staff add <username> --role admin|editor|viewer [--communes a,b]`: creates a staff console account in
// the configured store (the first admin is made this way). Without --communes the account is province-wide;
// with it, it works for those communes only. The password is prompted on a terminal or read from stdin.
import { hashPassword, passwordProblem } from '../../services/staff/password';
import { USERNAME } from '../../services/staff/username';
import { STAFF_ROLES, type StaffRole } from '../../store/ports';
import { info } from '../io';
import { readNewPassword } from '../password-input';
import { cliServices } from '../services';

const USAGE = `usage: motcua staff add <username> --role ${STAFF_ROLES.join('|')} [--communes <id>,<id>]  (password prompted, or the first line of stdin; no --communes = province-wide)`;

interface Parsed {
  username: string;
  role: StaffRole;
  communes: string[];
}

function parseArgs(args: string[]): Parsed | string {
  let role: string | undefined;
  let communes: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--role') role = args[++i];
    else if (a.startsWith('--role=')) role = a.slice('--role='.length);
    else if (a === '--communes') communes = args[++i] ?? '';
    else if (a.startsWith('--communes=')) communes = a.slice('--communes='.length);
    else rest.push(a);
  }
  const [given] = rest;
  if (given === undefined || rest.length !== 1) return USAGE;
  const username = given.trim().toLowerCase();
  const ok = USERNAME.safeParse(username);
  if (!ok.success) return `username ${ok.error.issues[0]?.message ?? 'is not valid'}`;
  if (!role || !(STAFF_ROLES as readonly string[]).includes(role))
    return `--role must be one of ${STAFF_ROLES.join(', ')}\n${USAGE}`;
  const ids = communes === undefined ? [] : [...new Set(communes.split(',').map((c) => c.trim()))];
  if (communes !== undefined && (ids.length === 0 || ids.includes('')))
    return `--communes must list commune ids separated by commas\n${USAGE}`;
  return { username, role: role as StaffRole, communes: ids };
}

export async function staffAddCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    info(parsed);
    return 2;
  }
  const password = await readNewPassword();
  const problem = passwordProblem(password, parsed.username);
  if (problem) {
    info(`password ${problem}`);
    return 1;
  }
  const services = cliServices();
  try {
    const known = services.knowledge().current().communes;
    const unknown = parsed.communes.filter((c) => !known.has(c));
    if (unknown.length) {
      info(
        `staff add: no commune ${unknown.join(', ')} in knowledge/communes/ (known: ${[...known.keys()].join(', ')})`,
      );
      return 2;
    }
    const stores = await services.stores();
    const now = new Date();
    const account = {
      username: parsed.username,
      role: parsed.role,
      communes: parsed.communes,
      passwordHash: await hashPassword(password),
      disabled: false,
    };
    if (!(await stores.staff.create(account, now))) {
      info(`staff add: the username ${parsed.username} is taken`);
      return 1;
    }
    await stores.audit.append({
      at: now,
      actor: 'cli',
      action: 'staff.create',
      target: parsed.username,
      before: null,
      after: { username: parsed.username, role: parsed.role, communes: parsed.communes },
    });
    const where = parsed.communes.length ? parsed.communes.join(', ') : 'province-wide';
    info(`staff add: created ${parsed.username} (${parsed.role}, ${where})`);
    return 0;
  } finally {
    await services.close();
  }
}
