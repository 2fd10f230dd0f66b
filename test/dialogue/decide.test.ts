import { decide } from '../../src/dialogue/decide';
import { INITIAL_STATE, type DialogueState } from '../../src/dialogue/state';
import type { Understanding } from '../../src/nlu/understanding';

const names = new Map([
  ['khai-sinh', 'Đăng ký khai sinh'],
  ['ket-hon', 'Đăng ký kết hôn'],
  ['dang-ky-lai-khai-sinh', 'Đăng ký lại khai sinh'],
]);
// Cue words for the tests: "lệ phí", "phí" (fee); the rest of the message is left over.
const known = {
  procedures: names,
  cues: (n: string) => ({
    aspect: /\b(le phi|phi)\b/.test(n) ? ('fee' as const) : null,
    rest: n.split(' ').filter((w) => w !== 'le' && w !== 'phi'),
  }),
};
const u = (over: Partial<Understanding>): Understanding => ({
  text: 'x',
  intent: 'procedure',
  procedure: 'khai-sinh',
  aspect: 'general',
  code: null,
  redirect: null,
  confidence: 0.9,
  malformedCode: null,
  procedureCandidates: [{ procedure: 'khai-sinh', p: 0.9 }],
  namesProcedure: true,
  namesAspect: false,
  normalized: 'x',
  ...over,
});
const state = (over: Partial<DialogueState>): DialogueState => ({ ...INITIAL_STATE, ...over });

describe('decide', () => {
  it('answers a confident procedure question', () => {
    expect(decide(u({ aspect: 'documents', namesAspect: true }), INITIAL_STATE, known).plan).toEqual({
      kind: 'procedure',
      procedure: 'khai-sinh',
      aspect: 'documents',
    });
  });
  it('keeps the procedure for a bare aspect follow-up', () => {
    const d = decide(
      u({
        procedure: 'ket-hon',
        aspect: 'fee',
        namesProcedure: false,
        namesAspect: true,
        confidence: 0.3,
        normalized: 'le phi bao nhieu',
      }),
      state({ procedure: 'khai-sinh', aspect: 'documents' }),
      known,
    );
    expect(d.plan).toEqual({ kind: 'procedure', procedure: 'khai-sinh', aspect: 'fee', settled: true });
  });
  it('reads an aspect-only message as a follow-up whatever the intent, unless it is confidently something else', () => {
    const s = state({ procedure: 'khai-sinh', aspect: 'documents' });
    const bare = {
      procedure: null,
      aspect: null,
      namesProcedure: false,
      namesAspect: true,
      normalized: 'phi the nao',
      procedureCandidates: [],
    };
    expect(decide(u({ ...bare, intent: 'ask_human', confidence: 0.03 }), s, known).plan).toEqual({
      kind: 'procedure',
      procedure: 'khai-sinh',
      aspect: 'fee',
      settled: true,
    });
    expect(decide(u({ ...bare, intent: 'out_of_scope', confidence: 0.95 }), s, known).plan).toMatchObject({
      procedure: 'khai-sinh',
      aspect: 'fee',
    });
    expect(
      decide(u({ ...bare, intent: 'thanks', confidence: 0.95, normalized: 'cam on phi the nao' }), s, known)
        .plan,
    ).toEqual({ kind: 'thanks' });
    // Nothing but cue words: a follow-up whatever the classifier says of so short a text.
    expect(decide(u({ ...bare, intent: 'thanks', confidence: 0.95 }), s, known).plan).toMatchObject({
      procedure: 'khai-sinh',
      aspect: 'fee',
    });
    expect(
      decide(
        u({
          ...bare,
          intent: 'out_of_scope',
          redirect: 'ho-chieu',
          confidence: 0.95,
          normalized: 'ho chieu phi the nao',
        }),
        s,
        known,
      ).plan,
    ).toEqual({ kind: 'elsewhere', redirect: 'ho-chieu' });
  });
  it('asks which procedure for a bare aspect question with no context', () => {
    const bare = u({
      intent: 'ask_human',
      procedure: null,
      aspect: null,
      namesProcedure: false,
      namesAspect: true,
      confidence: 0.03,
      normalized: 'phi bao nhieu',
    });
    expect(decide(bare, INITIAL_STATE, known).plan).toEqual({
      kind: 'ask_procedure',
      aspect: 'fee',
      procedures: ['khai-sinh'],
    });
  });
  it('answers the offered procedure on a yes, the list on a no', () => {
    const s = state({ offered: ['ket-hon'], aspect: 'time' });
    const yes = (normalized: string) =>
      u({ intent: 'ask_human', procedure: null, namesProcedure: false, confidence: 0.1, normalized });
    for (const text of ['dung roi', 'u', 'da vang', 'phai', 'ok a'])
      expect(decide(yes(text), s, known).plan).toEqual({
        kind: 'procedure',
        procedure: 'ket-hon',
        aspect: 'time',
        settled: true,
      });
    expect(decide(yes('khong phai'), s, known).plan).toEqual({ kind: 'menu' });
    expect(decide(yes('dung roi'), INITIAL_STATE, known).plan.kind).not.toBe('procedure');
  });
  it('"cái kia" is the procedure before, "cái đó" the current one, "quay lại X" an earlier one', () => {
    const s = state({ procedure: 'ket-hon', aspect: 'time', history: ['khai-sinh'] });
    const ref = (normalized: string, over: Partial<Understanding> = {}) =>
      u({ normalized, procedure: 'dang-ky-lai-khai-sinh', confidence: 0.4, namesProcedure: false, ...over });
    expect(decide(ref('con cai kia thi sao'), s, known).plan).toEqual({
      kind: 'procedure',
      procedure: 'khai-sinh',
      aspect: 'time',
      settled: true,
    });
    expect(decide(ref('cai do le phi bao nhieu', { namesAspect: true }), s, known).plan).toEqual({
      kind: 'procedure',
      procedure: 'ket-hon',
      aspect: 'fee',
      settled: true,
    });
    const back = ref('quay lai khai sinh', {
      namesProcedure: true,
      confidence: 0.95,
      procedureCandidates: [
        { procedure: 'dang-ky-lai-khai-sinh', p: 0.95 },
        { procedure: 'khai-sinh', p: 0.04 },
      ],
    });
    expect(decide(back, s, known).plan).toEqual({
      kind: 'procedure',
      procedure: 'khai-sinh',
      aspect: 'time',
      settled: true,
    });
    // "lúc nãy" before a new procedure does not send the question back to an old one.
    const names2 = new Map([...names, ['cu-tru', 'Đăng ký thường trú, tạm trú (cư trú)']]);
    const fresh = ref('luc nay quen hoi dang ky thuong tru', {
      procedure: 'cu-tru',
      namesProcedure: true,
      confidence: 0.9,
      procedureCandidates: [
        { procedure: 'cu-tru', p: 0.9 },
        { procedure: 'khai-sinh', p: 0.05 },
      ],
    });
    expect(decide(fresh, s, { ...known, procedures: names2 }).plan).toMatchObject({
      kind: 'procedure',
      procedure: 'cu-tru',
    });
  });
  it('an opener alone ("cho em hỏi") invites the question instead of calling a person', () => {
    for (const text of ['cho em hoi', 'em muon hoi', 'xin hoi', 'ad oi cho minh hoi chut', 'cho hoi voi a']) {
      expect(
        decide(
          u({
            intent: 'ask_human',
            procedure: null,
            namesProcedure: false,
            confidence: 0.3,
            normalized: text,
          }),
          INITIAL_STATE,
          known,
        ).plan,
      ).toEqual({ kind: 'invite' });
    }
  });
  it('keeps the aspect for "còn X thì sao?" and short procedure-only messages', () => {
    const s = state({ procedure: 'khai-sinh', aspect: 'fee' });
    expect(decide(u({ procedure: 'ket-hon', normalized: 'con ket hon thi sao' }), s, known).plan).toEqual({
      kind: 'procedure',
      procedure: 'ket-hon',
      aspect: 'fee',
      settled: true,
    });
  });
  it('does not carry the aspect into a long new question that only mentions "con" (child)', () => {
    const s = state({ procedure: 'ket-hon', aspect: 'fee' });
    const long = 'em muon hoi ve viec lam khai sinh cho con moi sinh duoc hai tuan thi the nao';
    expect(decide(u({ normalized: long }), s, known).plan).toMatchObject({
      procedure: 'khai-sinh',
      aspect: 'general',
    });
  });
  it('asks which procedure when two are close, "did you mean" when unsure, apologises when lost', () => {
    const close = u({
      confidence: 0.4,
      procedureCandidates: [
        { procedure: 'khai-sinh', p: 0.4 },
        { procedure: 'dang-ky-lai-khai-sinh', p: 0.35 },
      ],
    });
    expect(decide(close, INITIAL_STATE, known).plan).toEqual({
      kind: 'which',
      procedures: ['khai-sinh', 'dang-ky-lai-khai-sinh'],
      aspect: 'general',
    });
    const unsure = u({
      confidence: 0.3,
      procedureCandidates: [
        { procedure: 'khai-sinh', p: 0.3 },
        { procedure: 'ket-hon', p: 0.05 },
      ],
    });
    expect(decide(unsure, INITIAL_STATE, known).plan).toEqual({
      kind: 'did_you_mean',
      procedure: 'khai-sinh',
      aspect: 'general',
    });
    const lost = u({
      confidence: 0.1,
      procedureCandidates: [
        { procedure: 'khai-sinh', p: 0.1 },
        { procedure: 'ket-hon', p: 0.01 },
      ],
    });
    expect(decide(lost, INITIAL_STATE, known).plan).toEqual({ kind: 'not_understood' });
  });
  it('maps tapped options and offered procedure names deterministically', () => {
    const s = state({ procedure: 'ket-hon', aspect: 'fee' });
    expect(decide(u({ text: 'Thời gian' }), s, known).plan).toEqual({
      kind: 'procedure',
      procedure: 'ket-hon',
      aspect: 'time',
    });
    expect(decide(u({ text: 'Gặp cán bộ' }), s, known).plan).toEqual({ kind: 'handoff' });
    expect(decide(u({ text: 'Đăng ký khai sinh' }), s, known).plan).toEqual({
      kind: 'procedure',
      procedure: 'khai-sinh',
      aspect: 'fee',
    });
  });
  it('routes codes, malformed codes and subscription requests', () => {
    expect(
      decide(u({ intent: 'status_lookup', code: '000.00.15.H12-251118-0007' }), INITIAL_STATE, known).plan,
    ).toEqual({ kind: 'lookup', code: '000.00.15.H12-251118-0007' });
    expect(
      decide(
        u({ intent: 'status_lookup', procedure: null, malformedCode: '000.31.H50-251030-0041' }),
        INITIAL_STATE,
        known,
      ).plan,
    ).toEqual({ kind: 'bad_code', raw: '000.31.H50-251030-0041' });
    const s = state({ lastCode: '000.00.15.H12-251118-0007' });
    expect(
      decide(
        u({ intent: 'status_lookup', procedure: null, normalized: 'bao cho toi khi co ket qua nhe' }),
        s,
        known,
      ).plan,
    ).toEqual({ kind: 'notify' });
    expect(
      decide(u({ intent: 'status_lookup', procedure: null, normalized: 'tra ho so' }), INITIAL_STATE, known)
        .plan,
    ).toEqual({ kind: 'ask_code' });
  });
});
