import { isValidCode } from '../../src/nlu/receipt-code';
import { demoDossiers, seedDemoDossiers, seedDemoWhenEmpty } from '../../src/dossiers/demo';
import { maskName } from '../../src/core/mask-name';
import { isOverdue } from '../../src/dialogue/overdue';
import { normalizePhone } from '../../src/dossiers/phone';
import { parseStatusWord } from '../../src/dossiers/status-words';
import { parseVnDate } from '../../src/dossiers/vn-date';
import { vnInstant } from '../../src/core/vn-time';
import { DOSSIER_STATUSES } from '../../src/store/ports';
import { tempStores } from './fixtures';

describe('maskName', () => {
  test.each([
    ['Nguyễn Văn An', 'Nguyễn V*** A'],
    ['  Trần   Thị   Minh Khai ', 'Trần T*** M*** K'],
    ['Nguyễn An', 'Nguyễn A***'],
    ['Đức', 'Đ***'],
    ['', '***'],
    ['Nguye\u0302\u0303n Văn Ánh', 'Nguyễn V*** Á'], // decomposed input comes out composed
  ])('%j → %j', (full, masked) => expect(maskName(full)).toBe(masked));
});

describe('parseStatusWord', () => {
  test.each([
    ['Mới tiếp nhận', 'received'],
    ['moi tiep nhan', 'received'],
    ['ĐANG XỬ LÝ', 'processing'],
    ['Chờ bổ sung', 'needs_supplement'],
    ['Tạm dừng', 'suspended'],
    ['tu choi', 'rejected'],
    ['Đã có kết quả', 'result_ready'],
    ['da tra ket qua', 'returned'],
    [' Hoàn thành. ', 'returned'],
    ['Đang giải quyết', 'processing'],
  ])('%j → %s', (word, status) => expect(parseStatusWord(word)).toBe(status));
  test('unknown words are not guessed', () => {
    expect(parseStatusWord('quá hạn')).toBeNull(); // a flag derived from the due date, not a status
    expect(parseStatusWord('')).toBeNull();
  });
});

describe('parseVnDate', () => {
  test('dd/mm/yyyy is midnight in Vietnam', () => {
    expect(parseVnDate('18/11/2025')).toEqual(new Date('2025-11-17T17:00:00Z'));
    expect(parseVnDate('1/2/2025')).toEqual(vnInstant(2025, 2, 1));
    expect(parseVnDate('18-11-2025 14:05')).toEqual(vnInstant(2025, 11, 18, 14, 5));
    expect(parseVnDate('2025-11-18')).toEqual(vnInstant(2025, 11, 18));
  });
  test('workbook dates and serials', () => {
    expect(parseVnDate(new Date(Date.UTC(2025, 10, 18, 9, 0)))).toEqual(vnInstant(2025, 11, 18, 9));
    expect(parseVnDate(45979)).toEqual(vnInstant(2025, 11, 18)); // Excel serial of 18/11/2025
  });
  test.each(['31/02/2025', '18/13/2025', '2025/11/18', 'mai', '', '18/11/25'])('%j is not a date', (s) => {
    expect(parseVnDate(s)).toBeNull();
  });
  test('numbers outside plausible serials and empty cells are not dates', () => {
    expect(parseVnDate(12)).toBeNull();
    expect(parseVnDate(null)).toBeNull();
  });
});

describe('normalizePhone', () => {
  test.each([
    ['0912 345 678', '0912345678'],
    ['+84 912-345-678', '0912345678'],
    ['84912345678', '0912345678'],
    [912345678, '0912345678'],
    ['(024) 3825.1234', '02438251234'],
  ])('%j → %s', (raw, phone) => expect(normalizePhone(raw)).toBe(phone));
  test.each(['12345', '0912', 'không có', '091234567890'])('%j is refused', (raw) =>
    expect(normalizePhone(raw)).toBeNull(),
  );
});

describe('isOverdue', () => {
  const due = vnInstant(2025, 11, 21); // appointment day 21/11/2025
  test('late only after the whole appointment day, on the Vietnamese calendar', () => {
    expect(isOverdue({ status: 'processing', dueAt: due }, vnInstant(2025, 11, 21, 23, 59))).toBe(false);
    expect(isOverdue({ status: 'processing', dueAt: due }, vnInstant(2025, 11, 22, 0, 1))).toBe(true);
    expect(isOverdue({ status: 'received', dueAt: due }, vnInstant(2025, 12, 1))).toBe(true);
  });
  test('not while the clock is paused or once the result exists', () => {
    for (const status of ['needs_supplement', 'suspended', 'rejected', 'result_ready', 'returned'] as const) {
      expect(isOverdue({ status, dueAt: due }, vnInstant(2025, 12, 31))).toBe(false);
    }
  });
});

describe('demo dossiers', () => {
  const now = new Date('2025-11-20T03:00:00Z');
  test('two per status in xã Hòa An, some in xã Suối Mây, valid receipt codes dated on their receipt day, histories ending at the status', () => {
    const all = demoDossiers(now);
    const hoaAn = all.filter((d) => d.code.startsWith('000.00.15.H12-'));
    for (const status of DOSSIER_STATUSES) expect(hoaAn.filter((d) => d.status === status)).toHaveLength(2);
    expect(all.filter((d) => d.code.startsWith('000.00.27.H12-')).map((d) => d.code.slice(-4))).toEqual([
      '0001',
      '0002',
      '0003',
    ]);
    for (const d of all) {
      expect(isValidCode(d.code)).toBe(true);
      expect(new Set(all.map((x) => x.code)).size).toBe(all.length);
      expect(d.history[0]).toMatchObject({ status: 'received', at: d.receivedAt });
      expect(d.history.at(-1)?.status).toBe(d.status);
      expect(d.history.every((h) => h.at <= now)).toBe(true);
    }
    expect(all.some((d) => isOverdue(d, now))).toBe(true);
    expect(all[0]?.code).toBe('000.00.15.H12-251120-0001'); // received 09:00 on 20/11 in Vietnam
  });
  test('seeding twice is idempotent', async () => {
    const { stores, cleanup } = tempStores();
    try {
      await seedDemoDossiers(stores.dossiers, now);
      const seeded = await seedDemoDossiers(stores.dossiers, now);
      expect(await stores.dossiers.count()).toBe(seeded.length);
      const fifth = seeded[4];
      expect(fifth).toBeDefined();
      if (fifth) expect(await stores.dossiers.get(fifth.code)).toEqual(fifth);
    } finally {
      await cleanup();
    }
  });
  test('only a store without dossiers gets the demo ones', async () => {
    const { stores, cleanup } = tempStores();
    try {
      const [real] = demoDossiers(now);
      if (!real) throw new Error('no demo dossiers');
      await stores.dossiers.upsert({ ...real, code: '000.00.15.H12-251120-0999' });
      expect(await seedDemoWhenEmpty(stores.dossiers, now)).toBe(0);
      expect(await stores.dossiers.count()).toBe(1);
    } finally {
      await cleanup();
    }
    const empty = tempStores();
    try {
      expect(await seedDemoWhenEmpty(empty.stores.dossiers, now)).toBe(demoDossiers(now).length);
    } finally {
      await empty.cleanup();
    }
  });
});
