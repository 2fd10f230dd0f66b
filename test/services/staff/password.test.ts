import { hashPassword, passwordProblem, verifyPassword } from '../../../src/services/staff/password';
import { TEST_COST } from '../../admin/support';

describe('staff passwords (scrypt)', () => {
  it('hashes with a random salt into a self-describing string and verifies', async () => {
    const a = await hashPassword('mật khẩu đủ dài', TEST_COST);
    const b = await hashPassword('mật khẩu đủ dài', TEST_COST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('mật khẩu đủ dài', a)).toBe(true);
    // NFC and NFD spellings of the same Vietnamese password are the same password.
    expect(await verifyPassword('mật khẩu đủ dài'.normalize('NFD'), a)).toBe(true);
    expect(await verifyPassword('mat khau du dai', a)).toBe(false);
  });

  it('the default cost is memory-hard (128 MiB per hash)', async () => {
    const h = await hashPassword('một mật khẩu khác');
    expect(h.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1']);
    expect(await verifyPassword('một mật khẩu khác', h)).toBe(true);
  });

  it('refuses hashes it does not understand instead of throwing', async () => {
    for (const bad of [
      '',
      'plain',
      'bcrypt$x$y',
      'scrypt$0$8$1$c2FsdA==$aGFzaA==',
      'scrypt$abc$8$1$c2FsdA==$aGFzaA==',
    ]) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('explains a password that is too short or too long', () => {
    expect(passwordProblem('ngắn')).toMatch(/at least 10/);
    expect(passwordProblem('x'.repeat(201))).toMatch(/at most 200/);
    expect(passwordProblem('đủ dài rồi nhé')).toBeNull();
  });
});

describe('weak passwords (issue 10, finding 6)', () => {
  it('refuses repeats, blanks, common passwords, keyboard runs and the username, saying why', () => {
    expect(passwordProblem('aaaaaaaaaa')).toMatch(/too easy to guess \(it repeats one character\)/);
    expect(passwordProblem(' '.repeat(10))).toMatch(/at least 10 characters/);
    expect(passwordProblem('password123')).toMatch(/commonly used/);
    expect(passwordProblem('qwertyuiop')).toMatch(/too easy to guess/);
    expect(passwordProblem('1234567890')).toMatch(/too easy to guess/);
    expect(passwordProblem('lan.nguyen1', 'lan.nguyen')).toMatch(/too easy to guess/);
  });

  it('accepts a Vietnamese passphrase', () => {
    expect(passwordProblem('mật khẩu quản trị 2026', 'lan')).toBeNull();
    expect(passwordProblem('một mật khẩu khác hẳn')).toBeNull();
  });
});
