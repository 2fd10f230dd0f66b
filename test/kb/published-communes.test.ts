// What the console publishes reaches the knowledge the bot answers from: commune profiles, the province
// file and commune overrides, next to the procedure versions stored before communes existed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forCommune } from '../../src/kb/for-commune';
import { KnowledgeHolder } from '../../src/kb/holder';
import { communeKey, overrideKey, procedureKey, PROVINCE_KEY } from '../../src/kb/published/keys';
import { KnowledgeSync } from '../../src/kb/sync';
import type { Stores } from '../../src/store/ports';
import { openSqliteStores } from '../../src/store/sqlite';

const KNOWLEDGE = path.resolve(__dirname, '..', '..', 'knowledge');

let dir: string;
let stores: Stores;
let holder: KnowledgeHolder;
let sync: KnowledgeSync;
let problems: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-published-'));
  stores = openSqliteStores(path.join(dir, 'motcua.sqlite'));
  holder = KnowledgeHolder.open(KNOWLEDGE);
  problems = [];
  sync = new KnowledgeSync({
    store: stores.knowledge,
    assistant: { knowledge: holder, retrain: () => undefined },
    knowledgeDir: KNOWLEDGE,
    pollMs: 60_000,
    clock: () => new Date(),
    onProblems: (ps) => problems.push(...ps.map((p) => `${p.file}: ${p.field}: ${p.reason}`)),
  });
});
afterEach(async () => {
  await stores.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const publish = (key: string, content: unknown) =>
  stores.knowledge.publish({ key, content, author: 'lan', at: new Date(), comment: null });

it('a procedure version stored before communes existed still loads and reaches every commune', async () => {
  const p = holder.current().procedures.get('khai-tu')!;
  await publish(procedureKey('khai-tu'), { ...p, time: 'Giải quyết ngay trong ngày làm việc.' });
  await sync.refresh();
  expect(problems).toEqual([]);
  for (const id of ['hoa-an', 'suoi-may'])
    expect(forCommune(holder.current(), id).procedures.get('khai-tu')!.time).toBe(
      'Giải quyết ngay trong ngày làm việc.',
    );
});

it('a published province fee applies to both communes, a published override only to its own', async () => {
  const files = holder.current();
  const fees = {
    ...files.province.fees,
    'ket-hon': {
      decision: 'Nghị quyết của HĐND tỉnh Sơn Lâm (bản thử)',
      items: [{ case: 'Bản sao trích lục kết hôn xin thêm', vnd: 5000 }],
    },
  };
  await publish(PROVINCE_KEY, { ...files.province, fees });
  await publish(overrideKey('hoa-an', 'ket-hon'), { time: 'Ở xã Hòa An trả kết quả ngay trong buổi.' });
  await sync.refresh();
  expect(problems).toEqual([]);
  const kb = holder.current();
  expect(kb.source).toBe('files + 2 published (revision 2)');
  for (const id of ['hoa-an', 'suoi-may'])
    expect(
      forCommune(kb, id)
        .procedures.get('ket-hon')!
        .fee.items.map((i) => i.vnd),
    ).toEqual([5000]);
  expect(forCommune(kb, 'hoa-an').procedures.get('ket-hon')!.time).toBe(
    'Ở xã Hòa An trả kết quả ngay trong buổi.',
  );
  expect(forCommune(kb, 'suoi-may').procedures.get('ket-hon')!.time).toBe(
    files.procedures.get('ket-hon')!.time,
  );

  // Removing an override (content null) brings the shared procedure back, also for a file override.
  await publish(overrideKey('hoa-an', 'ket-hon'), null);
  await publish(overrideKey('suoi-may', 'chung-thuc-ban-sao'), null);
  await sync.refresh();
  expect(forCommune(holder.current(), 'hoa-an').procedures.get('ket-hon')!.time).toBe(
    files.procedures.get('ket-hon')!.time,
  );
  expect(forCommune(holder.current(), 'suoi-may').procedures.get('chung-thuc-ban-sao')!.where).toEqual(
    files.procedures.get('chung-thuc-ban-sao')!.where,
  );
});

it('a commune added from the console is served; a bad commune or override is skipped and reported', async () => {
  const base = holder.current().communes.get('suoi-may')!;
  await publish(communeKey('da-lat'), {
    ...base,
    id: 'da-lat',
    commune_name: 'xã Đá Lát',
    centre_name: 'Trung tâm Phục vụ hành chính công xã Đá Lát',
    agency_code: '000.00.31.H12',
    zalo_oa_id: null,
    messenger_page_id: null,
  });
  await publish(communeKey('xau'), { ...base, id: 'khac' });
  await publish(overrideKey('hoa-an', 'khai-sinh'), { gio: 'Sáng thứ Bảy.' });
  await sync.refresh();
  const kb = holder.current();
  expect([...kb.communes.keys()].sort()).toEqual(['da-lat', 'hoa-an', 'suoi-may']);
  expect(forCommune(kb, 'da-lat').commune.commune_name).toBe('xã Đá Lát');
  expect(kb.defaultCommune).toBe('da-lat'); // the first by id
  expect(problems).toEqual([
    'commune:xau v1: id: must be xau (ids never change)',
    'override:hoa-an:khai-sinh v1: (file): unknown field(s) gio',
  ]);
});

it('an override that no longer fits the shared procedure published since is dropped and reported', async () => {
  const p = holder.current().procedures.get('khai-sinh')!;
  await publish(overrideKey('hoa-an', 'khai-sinh'), { redirect: null });
  await sync.refresh();
  expect(problems).toEqual([]);
  const redirect = 'Dạ, thủ tục này anh/chị liên hệ Công an xã để được hướng dẫn.';
  const police = { ...p, authority: 'commune_police', redirect };
  await publish(procedureKey('khai-sinh'), police);
  await sync.refresh();
  expect(problems).toEqual([
    'override:hoa-an:khai-sinh v1: redirect: commune_police procedures need a redirect text',
  ]);
  expect(forCommune(holder.current(), 'hoa-an').procedures.get('khai-sinh')).toEqual(police);
});
