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

  it('an object item edited in place is compared field by field under its place in the list', () => {
    const v2 = { ...v1, fee: { ...v1.fee, items: [{ case: 'Đúng hạn', vnd: 5000 }] } };
    expect(diffDocuments(v1, v2)).toEqual([
      { field: 'fee.items.0.vnd', kind: 'changed', before: '0', after: '5000' },
    ]);
  });

  it('an object item added or removed lists each of its fields under its place', () => {
    const two = { ...v1, fee: { ...v1.fee, items: [...v1.fee.items, { case: 'Quá hạn', vnd: 8000 }] } };
    expect(diffDocuments(v1, two)).toEqual([
      { field: 'fee.items.1.case', kind: 'added', before: null, after: 'Quá hạn' },
      { field: 'fee.items.1.vnd', kind: 'added', before: null, after: '8000' },
    ]);
    expect(diffDocuments(two, v1)).toEqual([
      { field: 'fee.items.1.case', kind: 'removed', before: 'Quá hạn', after: null },
      { field: 'fee.items.1.vnd', kind: 'removed', before: '8000', after: null },
    ]);
  });

  it('an object that was empty (null) is compared field by field too', () => {
    const v2 = { ...v1, form: null };
    expect(diffDocuments(v2, v1)).toEqual([]);
    expect(diffDocuments(v2, { ...v1, form: { name: 'Tờ khai' } })).toEqual([
      { field: 'form.name', kind: 'added', before: null, after: 'Tờ khai' },
    ]);
  });

  it('no previous version: everything is added; identical versions: nothing', () => {
    expect(diffDocuments(null, { a: 'x' })).toEqual([
      { field: 'a', kind: 'added', before: null, after: 'x' },
    ]);
    expect(diffDocuments(v1, JSON.parse(JSON.stringify(v1)))).toEqual([]);
  });
});
