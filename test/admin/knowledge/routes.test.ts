// Knowledge base through the staff API: search, edit with validation, preview, publish (live at once),
// history with a readable diff, restore, export/import in the knowledge/ format, edits on disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { readTar, writeTarGz } from '../../../src/admin/knowledge/tar';
import { loadKnowledge } from '../../../src/kb/load';
import {
  addStaff,
  dropFixture,
  fixture,
  Staff,
  startConsole,
  type ConsoleServer,
  type Fixture,
} from '../support';
import { ask } from './ask';

const FEE_QUESTION = 'làm giấy khai sinh cho con mất bao nhiêu tiền';
const NEW_FEE = 'Lệ phí mới theo nghị quyết HĐND tỉnh năm 2026: miễn lệ phí cho mọi trường hợp đúng hạn.';

let f: Fixture;
let srv: ConsoleServer;
let editor: Staff;
let viewer: Staff;

beforeAll(async () => {
  f = await fixture();
  await addStaff(f.stores, 'lan', 'editor');
  await addStaff(f.stores, 'an', 'viewer');
  srv = await startConsole(f);
  editor = await Staff.signedIn(srv.url, 'lan');
  viewer = await Staff.signedIn(srv.url, 'an');
});
afterAll(async () => {
  await srv.stop();
  await dropFixture(f);
});

const current = async (id = 'khai-sinh') => (await editor.get(`/knowledge/procedures/${id}`)).body;
const edit = (p: any, change: (p: any) => void) => {
  const copy = JSON.parse(JSON.stringify(p));
  change(copy);
  return copy;
};

describe('list and search', () => {
  it('lists every procedure with its source; search ignores case and diacritics', async () => {
    const all = (await viewer.get('/knowledge')).body;
    expect(all.procedures).toHaveLength(loadKnowledge(f.knowledgeDir).kb!.procedures.size);
    expect(all.status).toMatchObject({ source: 'files', filesProblems: [], storeProblems: [] });
    expect(all.procedures[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      origin: { source: 'files' },
    });
    for (const q of ['khai sinh', 'KHAI SINH', 'đăng ký khai sinh', 'dang ky khai sinh']) {
      const ids = (await viewer.get(`/knowledge?q=${encodeURIComponent(q)}`)).body.procedures.map(
        (p: any) => p.id,
      );
      expect(ids).toContain('khai-sinh');
      expect(ids).not.toContain('ket-hon');
    }
    expect((await viewer.get('/knowledge?q=zzzz')).body.procedures).toEqual([]);
  });
});

describe('edit, preview, publish', () => {
  it('the preview is exactly what the bot would answer, for every aspect', async () => {
    const { procedure } = await current();
    const changed = edit(procedure, (p) => (p.fee.summary = NEW_FEE));
    const r = await viewer.post('/knowledge/procedures/khai-sinh/preview', { procedure: changed });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.answers).sort()).toEqual([
      'documents',
      'fee',
      'form',
      'general',
      'time',
      'where',
    ]);
    expect(r.body.answers.fee).toEqual(f.assistant.preview(changed, 'fee'));
    expect(r.body.answers.fee.map((x: any) => x.text).join('\n')).toContain(NEW_FEE);
    // Each answerable unit too, as the bot would answer it.
    expect(r.body.units['han-khai-sinh']).toEqual(f.assistant.previewUnits(changed)['han-khai-sinh']);
    expect(r.body.units['han-khai-sinh'][0].text).toContain('60 ngày');
    // A preview publishes nothing.
    expect(await f.stores.knowledge.revision()).toBe(0);
    expect(await ask(f.assistant, FEE_QUESTION)).not.toContain(NEW_FEE);
  });

  it('invalid edits are refused with field and reason (the knowledge schema), nothing is published', async () => {
    const { procedure } = await current();
    const bad = edit(procedure, (p) => {
      p.fee.summary = 'mien phi';
      p.fee.items[0].vnd = -5;
      p.time = '';
      p.last_reviewed = '2026-13-45';
      delete p.where;
    });
    const r = await editor.put('/knowledge/procedures/khai-sinh', { procedure: bad });
    expect(r.status).toBe(400);
    const fields = r.body.problems.map((p: any) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['fee.summary', 'fee.items.0.vnd', 'time', 'last_reviewed', 'where']),
    );
    expect(r.body.problems.find((p: any) => p.field === 'fee.summary').reason).toMatch(
      /Vietnamese with diacritics/,
    );
    expect(r.body.problems.find((p: any) => p.field === 'where').reason).toBe('is missing');
    const renamed = await editor.put('/knowledge/procedures/khai-sinh', {
      procedure: edit(procedure, (p) => (p.id = 'ket-hon')),
    });
    expect(renamed.body.problems).toEqual([{ field: 'id', reason: 'must be khai-sinh (ids never change)' }]);
    expect(await f.stores.knowledge.revision()).toBe(0);
  });

  it('publish creates a version that citizens get at once; history shows who changed what', async () => {
    const before = await current();
    expect(before.version).toBe(0);
    const changed = edit(before.procedure, (p) => (p.fee.summary = NEW_FEE));
    const r = await editor.put('/knowledge/procedures/khai-sinh', {
      procedure: changed,
      comment: 'Cập nhật lệ phí',
      baseVersion: 0,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: 1, source: expect.stringMatching(/^files \+ 1 published/) });
    expect(r.body.changes).toEqual([
      { field: 'fee.summary', kind: 'changed', before: before.procedure.fee.summary, after: NEW_FEE },
    ]);
    expect(await ask(f.assistant, FEE_QUESTION)).toContain(NEW_FEE);

    const after = await current();
    expect(after).toMatchObject({
      version: 1,
      origin: { source: 'store', version: 1, author: 'lan', comment: 'Cập nhật lệ phí', fileDiffers: true },
    });
    const history = (await viewer.get('/knowledge/procedures/khai-sinh/history')).body;
    expect(history.versions).toEqual([
      {
        version: 1,
        author: 'lan',
        at: expect.any(String),
        comment: 'Cập nhật lệ phí',
        changes: [
          { field: 'fee.summary', kind: 'changed', before: before.procedure.fee.summary, after: NEW_FEE },
        ],
      },
    ]);
    expect(history.file).toEqual({ differsFromCurrent: true });
    const [entry] = await f.stores.audit.list({ target: 'procedure:khai-sinh' }, 1);
    expect(entry).toMatchObject({ actor: 'lan', action: 'knowledge.publish' });
    expect((entry?.before as any).fee.summary).toBe(before.procedure.fee.summary);
    expect((entry?.after as any).fee.summary).toBe(NEW_FEE);
  });

  it('publishing over a newer version than the one opened is refused', async () => {
    const { procedure } = await current();
    const r = await editor.put('/knowledge/procedures/khai-sinh', { procedure, baseVersion: 0 });
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/lan đã xuất bản phiên bản 1 sau khi anh\/chị mở thủ tục này/);
  });

  it('restore: an old version, or the file on disk, becomes the newest version', async () => {
    const file = loadKnowledge(f.knowledgeDir).kb!.procedures.get('khai-sinh')!;
    const toFile = await editor.post('/knowledge/procedures/khai-sinh/restore', { version: 0 });
    expect(toFile.status).toBe(200);
    expect(toFile.body.version).toBe(2);
    expect(await ask(f.assistant, FEE_QUESTION)).toContain(file.fee.summary);
    expect((await current()).origin).toMatchObject({
      source: 'store',
      version: 2,
      comment: 'Khôi phục nội dung trong tệp',
      fileDiffers: false,
    });

    const toV1 = await editor.post('/knowledge/procedures/khai-sinh/restore', {
      version: 1,
      comment: 'Dùng lại bản 1',
    });
    expect(toV1.body).toMatchObject({
      version: 3,
      changes: [{ field: 'fee.summary', before: file.fee.summary, after: NEW_FEE }],
    });
    expect(await ask(f.assistant, FEE_QUESTION)).toContain(NEW_FEE);
    expect((await f.stores.audit.list({ target: 'procedure:khai-sinh' }, 1))[0]?.action).toBe(
      'knowledge.restore',
    );
    expect((await editor.post('/knowledge/procedures/khai-sinh/restore', { version: 42 })).status).toBe(404);
    expect((await editor.post('/knowledge/procedures/nope/restore', { version: 1 })).status).toBe(404);
  });
});

describe('export and import (the knowledge/ file format)', () => {
  let archive: Buffer;

  it('export is a .tar.gz of knowledge/ that `kb validate` accepts as it is', async () => {
    const r = await viewer.send('GET', '/admin/api/knowledge/export');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/gzip');
    expect(r.headers.get('content-disposition')).toMatch(
      /^attachment; filename\*=UTF-8''knowledge-\d{4}-\d{2}-\d{2}\.tar\.gz$/,
    );
    archive = Buffer.from(
      await (
        await fetch(`${srv.url}/admin/api/knowledge/export`, { headers: { Cookie: viewer.cookie! } })
      ).arrayBuffer(),
    );
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-export-'));
    for (const e of readTar(archive)) {
      fs.mkdirSync(path.dirname(path.join(out, e.name)), { recursive: true });
      fs.writeFileSync(path.join(out, e.name), e.content);
    }
    const { kb, problems } = loadKnowledge(path.join(out, 'knowledge'));
    expect(problems).toEqual([]);
    expect(kb!.procedures.get('khai-sinh')!.fee.summary).toBe(NEW_FEE); // what the bot answers now
    expect([...kb!.communes.keys()]).toEqual(['hoa-an', 'suoi-may']);
    expect(kb!.province).toEqual(f.assistant.knowledge.current().province);
    expect([...(kb!.overrides.get('suoi-may')?.keys() ?? [])]).toEqual(['chung-thuc-ban-sao']);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('import: a preview first (nothing written), then the commit publishes what changed; commune profiles, overrides and the province file are left alone', async () => {
    const entries = readTar(archive).map((e) => {
      if (e.name.endsWith('procedures/ket-hon.yaml')) {
        const doc = YAML.parse(e.content.toString('utf8'));
        doc.time = 'Trong ngày làm việc (bản của tỉnh).';
        return { ...e, content: Buffer.from(YAML.stringify(doc)) };
      }
      return e;
    });
    const changed = writeTarGz(entries, new Date());
    const revision = await f.stores.knowledge.revision();
    const dry = await editor.send('POST', '/admin/api/knowledge/import?dryRun=true', { raw: changed });
    expect(dry.status).toBe(200);
    expect(dry.body.items.filter((i: any) => i.action !== 'unchanged')).toEqual([
      {
        id: 'ket-hon',
        file: 'procedures/ket-hon.yaml',
        action: 'update',
        changes: [expect.objectContaining({ field: 'time', after: 'Trong ngày làm việc (bản của tỉnh).' })],
      },
    ]);
    expect(dry.body.skipped).toEqual([
      { file: 'knowledge/province.yaml', reason: "the province's decisions are not replaced by an archive" },
      { file: 'knowledge/communes/hoa-an.yaml', reason: "the commune profiles stay each commune's own" },
      { file: 'knowledge/communes/suoi-may.yaml', reason: "the commune profiles stay each commune's own" },
      {
        file: 'knowledge/communes/suoi-may/overrides/chung-thuc-ban-sao.yaml',
        reason: "a commune's overrides stay its own",
      },
    ]);
    expect(await f.stores.knowledge.revision()).toBe(revision);

    const done = await editor.send('POST', '/admin/api/knowledge/import?dryRun=false', { raw: changed });
    expect(done.status).toBe(200);
    expect(await f.stores.knowledge.revision()).toBe(revision + 1);
    expect(f.assistant.knowledge.current().procedures.get('ket-hon')!.time).toBe(
      'Trong ngày làm việc (bản của tỉnh).',
    );
    expect((await f.stores.audit.list({ target: 'procedure:ket-hon' }, 1))[0]).toMatchObject({
      actor: 'lan',
      action: 'knowledge.import',
    });
  });

  it('an archive with a bad file is refused whole, with file, field and reason', async () => {
    const entries = readTar(archive).map((e) => {
      if (!e.name.endsWith('procedures/khai-tu.yaml')) return e;
      const doc = YAML.parse(e.content.toString('utf8'));
      doc.time = 42;
      return { ...e, content: Buffer.from(YAML.stringify(doc)) };
    });
    entries.push({ name: 'knowledge/procedures/broken.yaml', content: Buffer.from('id: [unclosed') });
    const revision = await f.stores.knowledge.revision();
    const r = await editor.send('POST', '/admin/api/knowledge/import?dryRun=false', {
      raw: writeTarGz(entries, new Date()),
    });
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('invalid_archive');
    expect(r.body.problems).toEqual(
      expect.arrayContaining([
        { field: 'procedures/khai-tu.yaml: time', reason: expect.stringMatching(/expected string/) },
        { field: 'procedures/broken.yaml: (file)', reason: expect.stringMatching(/cannot be read as YAML/) },
      ]),
    );
    expect(await f.stores.knowledge.revision()).toBe(revision);
    const junk = await editor.send('POST', '/admin/api/knowledge/import', {
      raw: Buffer.from('PK\u0003\u0004 a zip file'),
    });
    expect(junk.status).toBe(422);
    expect(junk.body.problems).toEqual([
      { field: '(archive): (file)', reason: 'not a tar or tar.gz archive' },
    ]);
  });
});

describe('edits on disk', () => {
  it('are picked up (reload) for procedures without published versions, and the console says the source', async () => {
    const file = path.join(f.knowledgeDir, 'procedures', 'khai-tu.yaml');
    const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
    doc.time = 'Ngay trong ngày (sửa trực tiếp trên đĩa).';
    fs.writeFileSync(file, YAML.stringify(doc));
    const r = await editor.post('/knowledge/reload');
    expect(r.status).toBe(200);
    expect(r.body.status).toMatchObject({
      filesProblems: [],
      source: expect.stringMatching(/^files \+ \d+ published/),
    });
    expect(f.assistant.knowledge.current().procedures.get('khai-tu')!.time).toBe(
      'Ngay trong ngày (sửa trực tiếp trên đĩa).',
    );
    expect((await viewer.get('/knowledge/procedures/khai-tu')).body.origin).toEqual({ source: 'files' });
  });

  it('a published procedure keeps its version; the console shows that the file differs and can adopt it', async () => {
    const file = path.join(f.knowledgeDir, 'procedures', 'khai-sinh.yaml');
    const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
    doc.time = 'Trong ngày (tệp sửa sau khi đã xuất bản).';
    fs.writeFileSync(file, YAML.stringify(doc));
    await editor.post('/knowledge/reload');
    const p = (await viewer.get('/knowledge/procedures/khai-sinh')).body;
    expect(p.procedure.fee.summary).toBe(NEW_FEE);
    expect(p.origin).toMatchObject({ source: 'store', fileDiffers: true });
    expect(p.fromFile.time).toBe('Trong ngày (tệp sửa sau khi đã xuất bản).');
    await editor.post('/knowledge/procedures/khai-sinh/restore', { version: 0 });
    expect(f.assistant.knowledge.current().procedures.get('khai-sinh')!.time).toBe(
      'Trong ngày (tệp sửa sau khi đã xuất bản).',
    );
  });

  it('a broken file is reported; the bot keeps answering from the last good version', async () => {
    const file = path.join(f.knowledgeDir, 'procedures', 'khai-tu.yaml');
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, YAML.stringify({ ...YAML.parse(good), time: '' }));
    const r = await editor.post('/knowledge/reload');
    expect(r.body.status.filesProblems).toContainEqual({
      file: 'procedures/khai-tu.yaml',
      field: 'time',
      reason: 'must not be empty',
    });
    expect(f.assistant.knowledge.current().procedures.get('khai-tu')!.time).toBe(
      'Ngay trong ngày (sửa trực tiếp trên đĩa).',
    );
    fs.writeFileSync(file, good);
    expect((await editor.post('/knowledge/reload')).body.status.filesProblems).toEqual([]);
  });
});

describe('what needs review', () => {
  it('lists facts ending within 30 days, with the day and the procedure name; ended facts and unverified ones too', async () => {
    const { today } = (await viewer.get('/knowledge/review')).body;
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const plus = (days: number) =>
      new Date(Date.parse(`${String(today)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const { procedure, version } = await current('ket-hon');
    // The two items go after the file's own fee items, whatever their number.
    const first = procedure.fee.items.length;
    const changed = edit(procedure, (p) => {
      p.fee.items.push({
        case: 'Bản sao trích lục kết hôn, miễn tạm thời',
        vnd: 0,
        until: plus(10),
        source: 'Thông tư thử nghiệm',
      });
      p.fee.items.push({ case: 'Mức cũ đã hết hạn', vnd: 5000, until: plus(-1), source: 'Thông tư cũ' });
    });
    expect(
      (await editor.put('/knowledge/procedures/ket-hon', { procedure: changed, baseVersion: version }))
        .status,
    ).toBe(200);
    const { notices } = (await viewer.get('/knowledge/review')).body;
    const mine = notices.filter((n: any) => n.procedure === 'ket-hon');
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'expiring',
          field: `fee.items.${String(first)}`,
          date: plus(10),
          name: 'Đăng ký kết hôn',
        }),
        expect.objectContaining({ kind: 'expired', field: `fee.items.${Number(first) + 1}`, date: plus(-1) }),
      ]),
    );
    expect(notices.some((n: any) => n.kind === 'unverified' && n.procedure === 'trich-luc-ho-tich')).toBe(
      true,
    );
    // The bot answers with what applies today only.
    const answer = await ask(f.assistant, 'lệ phí đăng ký kết hôn bao nhiêu');
    expect(answer).not.toContain('Mức cũ đã hết hạn');
    expect(answer).toContain(
      `miễn tạm thời: miễn phí, áp dụng đến hết ngày ${plus(10).split('-').reverse().join('/')}`,
    );
    expect((await editor.post('/knowledge/procedures/ket-hon/restore', { version: 0 })).status).toBe(200);
  });
});
