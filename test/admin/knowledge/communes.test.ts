// The province file and the communes' own knowledge from the console: province editors change the province
// fees; a commune's editors change its profile and its overrides of a procedure, but not the fields that
// route messages and dossiers to it (a province admin does). Each change is live at once and audited.
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../support';

let f: Fixture;
let srv: ConsoleServer;
let commune: Staff;
let provinceEditor: Staff;
let provinceAdmin: Staff;

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'xa', 'editor', undefined, ['suoi-may']);
  await addStaff(f.stores, 'tinh', 'editor');
  await addStaff(f.stores, 'quantri', 'admin');
  srv = await startConsole(f, { admin: { loginMaxPerIp: 10_000 } });
  commune = await Staff.signedIn(srv.url, 'xa');
  provinceEditor = await Staff.signedIn(srv.url, 'tinh');
  provinceAdmin = await Staff.signedIn(srv.url, 'quantri');
}, 120_000);
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

const kb = () => f.assistant.knowledge.current();

it('a province editor changes a province fee; commune staff cannot', async () => {
  const { province } = (await provinceEditor.get('/knowledge/province')).body;
  const fee = province.fees['giay-phep-xay-dung'];
  const changed = {
    ...province,
    fees: { ...province.fees, 'giay-phep-xay-dung': { ...fee, items: [{ ...fee.items[0], vnd: 80000 }] } },
  };
  expect((await commune.put('/knowledge/province', { province: changed })).status).toBe(403);
  const r = await provinceEditor.put('/knowledge/province', { province: changed, comment: 'NQ mới' });
  expect(r.status).toBe(200);
  expect(kb().province.fees['giay-phep-xay-dung']?.items[0]?.vnd).toBe(80000);
  const [entry] = await f.stores.audit.list({ actor: 'tinh' }, 1);
  expect(entry).toMatchObject({ action: 'knowledge.province', target: 'province' });
});

it("commune staff change their commune's hotline, but not its agency code or accounts", async () => {
  const { commune: mine } = (await commune.get('/knowledge/communes/suoi-may')).body;
  const r = await commune.put('/knowledge/communes/suoi-may', { commune: { ...mine, hotline: '0212 3888 999' } });
  expect(r.status).toBe(200);
  expect(kb().communes.get('suoi-may')?.hotline).toBe('0212 3888 999');
  const moved = await commune.put('/knowledge/communes/suoi-may', {
    commune: { ...mine, agency_code: '000.00.15.H12' },
  });
  expect(moved.body).toEqual({
    error: 'forbidden',
    message:
      'Chỉ quản trị cấp tỉnh mới đổi được agency_code (các trường này quyết định tin nhắn và hồ sơ nào về xã/phường).',
  });
  expect(kb().communes.get('suoi-may')?.agency_code).toBe('000.00.27.H12');
  // A province editor changes no commune's profile.
  expect((await provinceEditor.put('/knowledge/communes/suoi-may', { commune: mine })).status).toBe(403);
  const admin = await provinceAdmin.put('/knowledge/communes/suoi-may', {
    commune: { ...mine, agency_code: '000.00.28.H12' },
  });
  expect(admin.status).toBe(200);
  expect(kb().communes.get('suoi-may')?.agency_code).toBe('000.00.28.H12');
});

it("commune staff override a procedure for their commune only, and remove the override", async () => {
  const where = { in_person: 'Quầy B, Trung tâm Phục vụ hành chính công xã Suối Mây (tầng 1).' };
  const path = '/knowledge/communes/suoi-may/overrides/khai-sinh';
  expect((await commune.put(path, { override: { where } })).status).toBe(200);
  expect(kb().overrides.get('suoi-may')?.get('khai-sinh')).toEqual({ where });
  expect((await commune.get('/knowledge/communes/suoi-may')).body.overrides['khai-sinh']).toEqual({ where });
  expect(
    (await commune.put('/knowledge/communes/hoa-an/overrides/khai-sinh', { override: { where } })).status,
  ).toBe(404);
  expect(kb().overrides.get('hoa-an')?.get('khai-sinh')).toBeUndefined();
  expect((await commune.put(path, { override: null })).status).toBe(200);
  expect(kb().overrides.get('suoi-may')?.get('khai-sinh')).toBeUndefined();
});
