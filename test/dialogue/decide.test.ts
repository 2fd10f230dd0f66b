import { decide } from '../../src/dialogue/decide';
import { INITIAL_STATE, type DialogueState } from '../../src/dialogue/state';
import type { Understanding } from '../../src/nlu/understanding';

const names = new Map([
  ['khai-sinh', 'Đăng ký khai sinh'],
  ['ket-hon', 'Đăng ký kết hôn'],
  ['dang-ky-lai-khai-sinh', 'Đăng ký lại khai sinh'],
]);
const u = (over: Partial<Understanding>): Understanding => ({
  text: 'x', intent: 'procedure', procedure: 'khai-sinh', aspect: 'general', code: null, redirect: null, confidence: 0.9, malformedCode: null,
  procedureCandidates: [{ procedure: 'khai-sinh', p: 0.9 }], namesProcedure: true, namesAspect: false, normalized: 'x', ...over,
});
const state = (over: Partial<DialogueState>): DialogueState => ({ ...INITIAL_STATE, ...over });

describe('decide', () => {
  it('answers a confident procedure question', () => {
    expect(decide(u({ aspect: 'documents', namesAspect: true }), INITIAL_STATE, names).plan).toEqual({ kind: 'procedure', procedure: 'khai-sinh', aspect: 'documents' });
  });
  it('keeps the procedure for a bare aspect follow-up', () => {
    const d = decide(u({ procedure: 'ket-hon', aspect: 'fee', namesProcedure: false, namesAspect: true, confidence: 0.3, normalized: 'le phi bao nhieu' }), state({ procedure: 'khai-sinh', aspect: 'documents' }), names);
    expect(d.plan).toEqual({ kind: 'procedure', procedure: 'khai-sinh', aspect: 'fee' });
  });
  it('keeps the aspect for "còn X thì sao?" and short procedure-only messages', () => {
    const s = state({ procedure: 'khai-sinh', aspect: 'fee' });
    expect(decide(u({ procedure: 'ket-hon', normalized: 'con ket hon thi sao' }), s, names).plan).toMatchObject({ procedure: 'ket-hon', aspect: 'fee' });
  });
  it('does not carry the aspect into a long new question that only mentions "con" (child)', () => {
    const s = state({ procedure: 'ket-hon', aspect: 'fee' });
    const long = 'em muon hoi ve viec lam khai sinh cho con moi sinh duoc hai tuan thi the nao';
    expect(decide(u({ normalized: long }), s, names).plan).toMatchObject({ procedure: 'khai-sinh', aspect: 'general' });
  });
  it('asks which procedure when two are close, "did you mean" when unsure, apologises when lost', () => {
    const close = u({ confidence: 0.4, procedureCandidates: [{ procedure: 'khai-sinh', p: 0.4 }, { procedure: 'dang-ky-lai-khai-sinh', p: 0.35 }] });
    expect(decide(close, INITIAL_STATE, names).plan).toEqual({ kind: 'which', procedures: ['khai-sinh', 'dang-ky-lai-khai-sinh'], aspect: 'general' });
    const unsure = u({ confidence: 0.3, procedureCandidates: [{ procedure: 'khai-sinh', p: 0.3 }, { procedure: 'ket-hon', p: 0.05 }] });
    expect(decide(unsure, INITIAL_STATE, names).plan).toEqual({ kind: 'did_you_mean', procedure: 'khai-sinh', aspect: 'general' });
    const lost = u({ confidence: 0.1, procedureCandidates: [{ procedure: 'khai-sinh', p: 0.1 }, { procedure: 'ket-hon', p: 0.01 }] });
    expect(decide(lost, INITIAL_STATE, names).plan).toEqual({ kind: 'not_understood' });
  });
  it('maps tapped options and offered procedure names deterministically', () => {
    const s = state({ procedure: 'ket-hon', aspect: 'fee' });
    expect(decide(u({ text: 'Thời gian' }), s, names).plan).toEqual({ kind: 'procedure', procedure: 'ket-hon', aspect: 'time' });
    expect(decide(u({ text: 'Gặp cán bộ' }), s, names).plan).toEqual({ kind: 'handoff' });
    expect(decide(u({ text: 'Đăng ký khai sinh' }), s, names).plan).toEqual({ kind: 'procedure', procedure: 'khai-sinh', aspect: 'fee' });
  });
  it('routes codes, malformed codes and subscription requests', () => {
    expect(decide(u({ intent: 'status_lookup', code: '000.00.15.H12-251118-0007' }), INITIAL_STATE, names).plan).toEqual({ kind: 'lookup', code: '000.00.15.H12-251118-0007' });
    expect(decide(u({ intent: 'status_lookup', procedure: null, malformedCode: '000.31.H50-251030-0041' }), INITIAL_STATE, names).plan).toEqual({ kind: 'bad_code', raw: '000.31.H50-251030-0041' });
    const s = state({ lastCode: '000.00.15.H12-251118-0007' });
    expect(decide(u({ intent: 'status_lookup', procedure: null, normalized: 'bao cho toi khi co ket qua nhe' }), s, names).plan).toEqual({ kind: 'notify' });
    expect(decide(u({ intent: 'status_lookup', procedure: null, normalized: 'tra ho so' }), INITIAL_STATE, names).plan).toEqual({ kind: 'ask_code' });
  });
});
