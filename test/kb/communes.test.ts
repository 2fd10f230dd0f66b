// A province's knowledge: communes as data, the fees the province sets, each commune's own overrides,
// and which commune a receipt code or a platform account belongs to.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { accountOf, communeByAccount } from '../../src/kb/commune-by-account';
import { communeOfCode } from '../../src/kb/commune-of-code';
import { forCommune } from '../../src/kb/for-commune';
import { loadKnowledge } from '../../src/kb/load';
import { demoDossiers } from '../../src/dossiers/demo';
import { reviewNotices } from '../../src/kb/review';

const KNOWLEDGE = path.resolve(__dirname, '..', '..', 'knowledge');
const kb = loadKnowledge(KNOWLEDGE).kb!;

function copyKnowledge(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-communes-'));
  fs.cpSync(KNOWLEDGE, dir, { recursive: true });
  return dir;
}
const writeYaml = (dir: string, rel: string, doc: unknown) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), YAML.stringify(doc));
};
const readYaml = (dir: string, rel: string) => YAML.parse(fs.readFileSync(path.join(dir, rel), 'utf8'));

describe('the demo province', () => {
  it('has two communes of one province; the first by id is the default and kb.commune', () => {
    expect([...kb.communes.keys()]).toEqual(['hoa-an', 'suoi-may']);
    expect(kb.defaultCommune).toBe('hoa-an');
    expect(kb.commune).toBe(kb.communes.get('hoa-an'));
    expect(kb.province.name).toBe('tỉnh Sơn Lâm');
    const [a, b] = [kb.communes.get('hoa-an')!, kb.communes.get('suoi-may')!];
    for (const k of ['commune_name', 'address', 'hotline', 'map_url', 'agency_code', 'zalo_oa_id'] as const)
      expect(a[k]).not.toBe(b[k]);
    expect(b.office_hours.saturday.length).toBeGreaterThan(0);
  });
});

describe('forCommune', () => {
  it('gives each commune its own profile, the province fee in both, and an override only in its own', () => {
    const shared = kb.procedures.get('giay-phep-xay-dung')!;
    expect(shared.fee.items[0]!.vnd).toBe(50000); // the national file's reference figure
    const hoaAn = forCommune(kb, 'hoa-an');
    const suoiMay = forCommune(kb, 'suoi-may');
    expect(hoaAn.commune.commune_name).toBe('xã Hòa An');
    expect(suoiMay.commune.commune_name).toBe('xã Suối Mây');
    for (const view of [hoaAn, suoiMay]) {
      const fee = view.procedures.get('giay-phep-xay-dung')!.fee;
      expect(fee.items.map((i) => i.vnd)).toEqual([75000, 15000]);
      expect(fee.items[0]!.source).toContain('HĐND tỉnh Sơn Lâm'); // sourced to the decision
      expect(fee.summary).toContain('75.000 đồng');
    }
    const inPerson = (v: typeof kb) => v.procedures.get('chung-thuc-ban-sao')!.where.in_person;
    expect(inPerson(suoiMay)).toContain('Quầy A, Trung tâm Phục vụ hành chính công xã Suối Mây');
    expect(inPerson(hoaAn)).toBe(kb.procedures.get('chung-thuc-ban-sao')!.where.in_person);
    // Only the overridden field changes.
    expect(suoiMay.procedures.get('chung-thuc-ban-sao')!.where.online).toBe(
      kb.procedures.get('chung-thuc-ban-sao')!.where.online,
    );
  });

  it('falls back to the default commune, is cached, and a view of a view starts from the shared procedures', () => {
    expect(forCommune(kb, 'khong-co').commune.id).toBe('hoa-an');
    expect(forCommune(kb, null)).toBe(forCommune(kb, 'hoa-an'));
    expect(forCommune(kb)).toBe(forCommune(kb, undefined));
    const suoiMay = forCommune(kb, 'suoi-may');
    expect(forCommune(kb, 'suoi-may')).toBe(suoiMay);
    expect(forCommune(suoiMay, 'hoa-an')).toBe(forCommune(kb, 'hoa-an'));
  });

  it('merges override units by id: same id replaces, a new id is added', () => {
    const dir = copyKnowledge();
    const shared = kb.procedures.get('khai-sinh')!;
    const first = shared.units[0]!;
    const answer = 'Dạ, ở xã Suối Mây anh/chị nộp tại Quầy A.';
    writeYaml(dir, 'communes/suoi-may/overrides/khai-sinh.yaml', {
      units: [
        { ...first, answer },
        { ...first, id: 'quay-khai-sinh-suoi-may', answer },
      ],
    });
    const { kb: local, problems } = loadKnowledge(dir);
    expect(problems).toEqual([]);
    const units = forCommune(local!, 'suoi-may').procedures.get('khai-sinh')!.units;
    expect(units).toHaveLength(shared.units.length + 1);
    expect(units[0]).toMatchObject({ id: first.id, answer });
    expect(units.at(-1)).toMatchObject({ id: 'quay-khai-sinh-suoi-may' });
    expect(forCommune(local!, 'hoa-an').procedures.get('khai-sinh')!.units).toEqual(shared.units);
  });
});

describe('communeOfCode', () => {
  it('finds the commune of every demo dossier by its agency code, in any case', () => {
    const homes = demoDossiers(new Date('2026-12-04T03:00:00Z')).map((d) => communeOfCode(kb, d.code));
    expect(new Set(homes)).toEqual(new Set(['hoa-an', 'suoi-may']));
    expect(communeOfCode(kb, '000.00.27.h12-251118-0001')).toBe('suoi-may');
    expect(communeOfCode(kb, '000.00.15.H12-251118-0007')).toBe('hoa-an');
    expect(communeOfCode(kb, '000.00.99.H12-251118-0007')).toBeNull();
  });
});

describe('communeByAccount and accountOf', () => {
  it('routes a Zalo OA id and a Messenger Page id to their commune', () => {
    const suoiMay = kb.communes.get('suoi-may')!;
    expect(accountOf(suoiMay, 'zalo')).toBe('5120934476615803382');
    expect(accountOf(suoiMay, 'messenger')).toBe('118204937705126');
    expect(accountOf(suoiMay, 'webchat')).toBeNull();
    expect(accountOf(suoiMay, 'toString')).toBeNull();
    expect(communeByAccount(kb, 'zalo', '5120934476615803382')).toBe('suoi-may');
    expect(communeByAccount(kb, 'messenger', '104857602214573')).toBe('hoa-an');
    // The same id on another channel is another account.
    expect(communeByAccount(kb, 'messenger', '5120934476615803382')).toBeNull();
    expect(communeByAccount(kb, 'zalo', '1')).toBeNull();
  });
});

describe('validation of communes, the province and overrides', () => {
  type Change = (dir: string) => void;
  const cases: Array<[string, Change, string, string, string]> = [
    [
      'an override of an unknown procedure',
      (d) => writeYaml(d, 'communes/hoa-an/overrides/khong-co.yaml', { time: 'Trong ngày.' }),
      'communes/hoa-an/overrides/khong-co.yaml',
      '(file)',
      'unknown procedure',
    ],
    [
      'an override with an unknown field',
      (d) => writeYaml(d, 'communes/hoa-an/overrides/khai-sinh.yaml', { gio_lam: 'Sáng thứ Bảy.' }),
      'communes/hoa-an/overrides/khai-sinh.yaml',
      '(file)',
      'unknown field(s) gio_lam',
    ],
    [
      'an override with an unknown nested field',
      (d) => writeYaml(d, 'communes/hoa-an/overrides/khai-sinh.yaml', { where: { quay: 'Quầy 1' } }),
      'communes/hoa-an/overrides/khai-sinh.yaml',
      'where',
      'unknown field(s) quay',
    ],
    [
      'an override with a bad fee',
      (d) =>
        writeYaml(d, 'communes/hoa-an/overrides/khai-sinh.yaml', {
          fee: { items: [{ case: 'Khai sinh quá hạn', vnd: 'tám nghìn' }] },
        }),
      'communes/hoa-an/overrides/khai-sinh.yaml',
      'fee.items.0.vnd',
      'expected number',
    ],
    [
      'an override for a commune that does not exist',
      (d) => writeYaml(d, 'communes/khong-co/overrides/khai-sinh.yaml', { time: 'Trong ngày.' }),
      'communes/khong-co/',
      '(file)',
      'unknown commune',
    ],
    [
      'a province fee for an unknown procedure',
      (d) => {
        const p = readYaml(d, 'province.yaml');
        p.fees['khong-co'] = p.fees['ho-kinh-doanh'];
        writeYaml(d, 'province.yaml', p);
      },
      'province.yaml',
      'fees.khong-co',
      'unknown procedure',
    ],
    [
      'a negative province fee',
      (d) => {
        const p = readYaml(d, 'province.yaml');
        p.fees['ho-kinh-doanh'].items[0].vnd = -100;
        writeYaml(d, 'province.yaml', p);
      },
      'province.yaml',
      'fees.ho-kinh-doanh.items.0.vnd',
      '>=0',
    ],
    [
      'a commune with the agency code of another',
      (d) => {
        const c = readYaml(d, 'communes/suoi-may.yaml');
        c.agency_code = '000.00.15.H12';
        writeYaml(d, 'communes/suoi-may.yaml', c);
      },
      'communes/suoi-may.yaml',
      'agency_code',
      'also the agency code of communes/hoa-an.yaml',
    ],
    [
      'a commune with the Zalo OA of another',
      (d) => {
        const c = readYaml(d, 'communes/suoi-may.yaml');
        c.zalo_oa_id = '3815200469981207011';
        writeYaml(d, 'communes/suoi-may.yaml', c);
      },
      'communes/suoi-may.yaml',
      'zalo_oa_id',
      'also the Zalo OA id of communes/hoa-an.yaml',
    ],
    [
      'a commune with the Messenger Page of another',
      (d) => {
        const c = readYaml(d, 'communes/suoi-may.yaml');
        c.messenger_page_id = '104857602214573';
        writeYaml(d, 'communes/suoi-may.yaml', c);
      },
      'communes/suoi-may.yaml',
      'messenger_page_id',
      'also the Messenger Page id of communes/hoa-an.yaml',
    ],
    [
      'a desk for an unknown field',
      (d) => {
        const c = readYaml(d, 'communes/hoa-an.yaml');
        c.desks[0].fields.push('thue');
        writeYaml(d, 'communes/hoa-an.yaml', c);
      },
      'communes/hoa-an.yaml',
      'desks.0.fields.1',
      'neither a procedure nor a field',
    ],
    [
      'a bad agency code',
      (d) => {
        const c = readYaml(d, 'communes/hoa-an.yaml');
        c.agency_code = 'H12';
        writeYaml(d, 'communes/hoa-an.yaml', c);
      },
      'communes/hoa-an.yaml',
      'agency_code',
      'must look like 000.00.15.H12',
    ],
    [
      'a commune file named after another id',
      (d) => fs.renameSync(path.join(d, 'communes/suoi-may.yaml'), path.join(d, 'communes/suoi-mai.yaml')),
      'communes/suoi-mai.yaml',
      'id',
      'must equal the file name',
    ],
    [
      'the old single-commune file',
      (d) => fs.copyFileSync(path.join(d, 'communes/hoa-an.yaml'), path.join(d, 'commune.yaml')),
      'commune.yaml',
      '(file)',
      'no longer read',
    ],
    [
      'a missing province file',
      (d) => fs.rmSync(path.join(d, 'province.yaml')),
      'province.yaml',
      '(file)',
      'is missing',
    ],
  ];
  it.each(cases)('reports %s as file, field and reason', (_what, change, file, field, reason) => {
    const dir = copyKnowledge();
    change(dir);
    const { kb: none, problems } = loadKnowledge(dir);
    expect(none).toBeUndefined();
    expect(problems).toContainEqual({ file, field, reason: expect.stringContaining(reason) });
  });

  it('reports a broken procedure file once, not again through the override of it', () => {
    const dir = copyKnowledge();
    fs.writeFileSync(path.join(dir, 'procedures', 'chung-thuc-ban-sao.yaml'), 'id: [unclosed');
    const files = loadKnowledge(dir).problems.map((p) => p.file);
    expect(files).toEqual(['procedures/chung-thuc-ban-sao.yaml']);
  });

  it('needs at least one commune', () => {
    const dir = copyKnowledge();
    fs.rmSync(path.join(dir, 'communes'), { recursive: true });
    expect(loadKnowledge(dir).problems).toContainEqual({
      file: 'communes/',
      field: '(file)',
      reason: expect.stringContaining('no commune profile'),
    });
  });
});

describe('review of the province file and overrides', () => {
  it('warns about dated facts of a province fee and of an override in their own files, once', () => {
    const dir = copyKnowledge();
    const province = readYaml(dir, 'province.yaml');
    province.fees['ho-kinh-doanh'].items[1].until = '2026-12-31';
    writeYaml(dir, 'province.yaml', province);
    const unit = {
      ...kb.procedures.get('khai-sinh')!.units[0]!,
      id: 'khai-sinh-thu-bay',
      answer: 'Dạ, đến hết tháng 12 xã Suối Mây nhận khai sinh cả sáng thứ Bảy.',
      until: '2026-12-31',
      source: 'Thông báo của UBND xã Suối Mây',
    };
    writeYaml(dir, 'communes/suoi-may/overrides/khai-sinh.yaml', { units: [unit] });
    const loaded = loadKnowledge(dir);
    expect(loaded.problems).toEqual([]);
    const local = loaded.kb!;
    const expiring = reviewNotices(local, '2026-12-15').filter((n) => n.kind === 'expiring');
    expect(expiring).toContainEqual(
      expect.objectContaining({
        file: 'province.yaml',
        procedure: 'ho-kinh-doanh',
        field: 'fees.ho-kinh-doanh.items.1',
      }),
    );
    const fromOverride = reviewNotices(local, '2026-12-15').filter(
      (n) => n.file === 'communes/suoi-may/overrides/khai-sinh.yaml',
    );
    expect(fromOverride).toEqual([
      expect.objectContaining({ kind: 'expiring', subject: 'khai-sinh-thu-bay', date: '2026-12-31' }),
    ]);
  });
});
