import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readTar, writeTarGz } from '../../../src/admin/knowledge/tar';

describe('tar archives of the knowledge folder', () => {
  const entries = [
    { name: 'knowledge/commune.yaml', content: Buffer.from('centre_name: Trung tâm\n') },
    {
      name: 'knowledge/procedures/khai-sinh.yaml',
      content: Buffer.from('id: khai-sinh\nname: Đăng ký khai sinh\n'.repeat(40)),
    },
  ];

  it('round-trips, Vietnamese included', () => {
    expect(readTar(writeTarGz(entries, new Date('2026-01-01T00:00:00Z')))).toEqual(entries);
  });

  it('GNU tar reads what we write, and we read what GNU tar writes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-tar-'));
    try {
      fs.writeFileSync(path.join(dir, 'ours.tar.gz'), writeTarGz(entries, new Date()));
      execFileSync('tar', ['-xzf', 'ours.tar.gz'], { cwd: dir });
      expect(fs.readFileSync(path.join(dir, 'knowledge/procedures/khai-sinh.yaml'))).toEqual(
        entries[1]?.content,
      );
      execFileSync('tar', ['--format=ustar', '-cf', 'theirs.tar', 'knowledge'], { cwd: dir });
      const back = readTar(fs.readFileSync(path.join(dir, 'theirs.tar')));
      expect(back.map((e) => e.name).sort()).toEqual(entries.map((e) => e.name).sort());
      expect(readTar(gzipSync(fs.readFileSync(path.join(dir, 'theirs.tar')))).length).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses what is not an archive, or a truncated one, with a reason', () => {
    expect(() => readTar(Buffer.from('hello'))).toThrow('not a tar or tar.gz archive');
    const whole = writeTarGz(entries, new Date());
    expect(() => readTar(gunzipSync(whole).subarray(0, 1_700))).toThrow(
      'the archive is truncated or damaged',
    );
  });
});
