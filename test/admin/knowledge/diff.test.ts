import { diffDocuments } from '../../../src/admin/knowledge/diff';

describe('readable diff of two procedure versions', () => {
  const v1 = {
    fee: { summary: 'Miễn phí.', items: [{ case: 'Đúng hạn', vnd: 0 }] },
    documents: { submit: ['Tờ khai', 'Giấy chứng sinh'] },
    form: { name: null },
  };

  it('names each changed field with before and after', () => {
    const v2 = { ...v1, fee: { ...v1.fee, summary: 'Thu 8.000 đồng.' }, form: { name: 'Tờ khai đăng ký' } };
    expect(diffDocuments(v1, v2)).toEqual([
      { field: 'fee.summary', kind: 'changed', before: 'Miễn phí.', after: 'Thu 8.000 đồng.' },
      { field: 'form.name', kind: 'added', before: null, after: 'Tờ khai đăng ký' },
    ]);
  });

  it('an item inserted in a list is one added line, not a cascade of changes', () => {
    const v2 = { ...v1, documents: { submit: ['Tờ khai', 'CCCD', 'Giấy chứng sinh'] } };
    expect(diffDocuments(v1, v2)).toEqual([
      { field: 'documents.submit', kind: 'added', before: null, after: 'CCCD' },
    ]);
    const v3 = { ...v1, documents: { submit: ['Giấy chứng sinh'] } };
    expect(diffDocuments(v1, v3)).toEqual([
      { field: 'documents.submit', kind: 'removed', before: 'Tờ khai', after: null },
    ]);
  });

  it('list items that are objects read as "key: value"', () => {
    const v2 = { ...v1, fee: { ...v1.fee, items: [{ case: 'Đúng hạn', vnd: 5000 }] } };
    expect(diffDocuments(v1, v2)).toEqual([
      { field: 'fee.items', kind: 'removed', before: 'case: Đúng hạn | vnd: 0', after: null },
      { field: 'fee.items', kind: 'added', before: null, after: 'case: Đúng hạn | vnd: 5000' },
    ]);
  });

  it('no previous version: everything is added; identical versions: nothing', () => {
    expect(diffDocuments(null, { a: 'x' })).toEqual([
      { field: 'a', kind: 'added', before: null, after: 'x' },
    ]);
    expect(diffDocuments(v1, JSON.parse(JSON.stringify(v1)))).toEqual([]);
  });
});
