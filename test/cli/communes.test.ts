// `communes list` and `kb validate` over a province's knowledge, on real files in a temporary folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { ROOT } from '../support/assistant';

const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');

function tempKnowledge(): { cwd: string; knowledge: string } {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-communes-'));
  const knowledge = path.join(cwd, 'knowledge');
  fs.cpSync(path.join(ROOT, 'knowledge'), knowledge, { recursive: true });
  return { cwd, knowledge };
}

function run(args: string[], cwd: string, knowledge: string) {
  const r = spawnSync('node', [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, KNOWLEDGE_DIR: knowledge, SQLITE_PATH: path.join(cwd, 'cli.sqlite') },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('motcua communes list', () => {
  it('prints one JSON line per commune, the default first by id', () => {
    const { cwd, knowledge } = tempKnowledge();
    const { stdout, status } = run(['communes', 'list'], cwd, knowledge);
    expect(status).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'hoa-an',
        name: 'xã Hòa An',
        hotline: '0210 3 888 999',
        agency_code: '000.00.15.H12',
        zalo_oa_id: '3815200469981207011',
        messenger_page_id: '104857602214573',
        default: true,
      }),
      expect.objectContaining({
        id: 'suoi-may',
        name: 'xã Suối Mây',
        hotline: '0210 3 777 456',
        agency_code: '000.00.27.H12',
        default: false,
      }),
    ]);
    expect(Object.keys(rows[0]).slice(0, 3)).toEqual(['id', 'name', 'hotline']);
  });

  it('lists a commune added as a file', () => {
    const { cwd, knowledge } = tempKnowledge();
    const doc = YAML.parse(fs.readFileSync(path.join(knowledge, 'communes', 'suoi-may.yaml'), 'utf8'));
    Object.assign(doc, {
      id: 'an-phu',
      commune_name: 'xã An Phú',
      agency_code: '000.00.33.H12',
      zalo_oa_id: null,
      messenger_page_id: null,
    });
    fs.writeFileSync(path.join(knowledge, 'communes', 'an-phu.yaml'), YAML.stringify(doc));
    const ids = run(['communes', 'list'], cwd, knowledge)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(ids).toEqual(['an-phu', 'hoa-an', 'suoi-may']);
  });
});

describe('motcua kb validate over communes, the province and overrides', () => {
  it('passes the demo province and counts its communes and overrides', () => {
    const { cwd, knowledge } = tempKnowledge();
    const r = run(['kb', 'validate', '--today', '2026-12-04'], cwd, knowledge);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('2 commune profiles with 1 override(s) and the province file are valid');
  });

  it('prints one problem line for each broken commune, province and override file', () => {
    const { cwd, knowledge } = tempKnowledge();
    const edit = (rel: string, change: (d: any) => void) => {
      const file = path.join(knowledge, rel);
      const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
      change(doc);
      fs.writeFileSync(file, YAML.stringify(doc));
    };
    edit('communes/suoi-may.yaml', (d) => {
      d.agency_code = '000.00.15.H12';
      d.zalo_oa_id = '3815200469981207011';
      d.messenger_page_id = '104857602214573';
    });
    edit('province.yaml', (d) => {
      d.fees['thu-tuc-la'] = d.fees['giay-phep-xay-dung'];
    });
    const overrides = path.join(knowledge, 'communes', 'hoa-an', 'overrides');
    fs.mkdirSync(overrides, { recursive: true });
    fs.writeFileSync(path.join(overrides, 'thu-tuc-la.yaml'), 'time: Trong ngày.\n');
    fs.writeFileSync(path.join(overrides, 'khai-sinh.yaml'), 'phong: Quầy 1\n');
    fs.writeFileSync(
      path.join(overrides, 'ho-kinh-doanh.yaml'),
      YAML.stringify({ fee: { items: [{ case: 'Cấp mới, nộp trực tiếp', vnd: 1.5 }] } }),
    );
    const r = run(['kb', 'validate'], cwd, knowledge);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^communes\/suoi-may\.yaml: agency_code: is also the agency code of communes\/hoa-an\.yaml/,
        ),
        expect.stringMatching(
          /^communes\/suoi-may\.yaml: zalo_oa_id: is also the Zalo OA id of communes\/hoa-an\.yaml/,
        ),
        expect.stringMatching(
          /^communes\/suoi-may\.yaml: messenger_page_id: is also the Messenger Page id of communes\/hoa-an\.yaml/,
        ),
        'communes/hoa-an/overrides/ho-kinh-doanh.yaml: fee.items.0.vnd: must be a whole number',
        'province.yaml: fees.thu-tuc-la: names an unknown procedure (no procedures/thu-tuc-la.yaml)',
        'communes/hoa-an/overrides/thu-tuc-la.yaml: (file): overrides an unknown procedure (no procedures/ file of that id)',
        'communes/hoa-an/overrides/khai-sinh.yaml: (file): unknown field(s) phong',
      ]),
    );
    expect(lines).toHaveLength(7);
    expect(r.stderr).toContain('kb validate: 7 problem(s)');
  });
});
