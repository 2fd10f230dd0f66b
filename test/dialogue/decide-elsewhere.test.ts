// The "elsewhere" plan: an out-of-scope question with a known redirect gets the catalogue's answer.
import { decide, DEFAULT_THRESHOLDS } from '../../src/dialogue/decide';
import { INITIAL_STATE, type DialogueState } from '../../src/dialogue/state';
import type { Understanding } from '../../src/nlu/understanding';

const known = {
  procedures: new Map([['khai-sinh', 'Đăng ký khai sinh']]),
  cues: (n: string) => ({
    aspect: /\bbao lau\b/.test(n) ? ('time' as const) : null,
    rest: n.split(' ').filter((w) => !['mat', 'bao', 'lau'].includes(w)),
  }),
};
const u = (over: Partial<Understanding>): Understanding => ({
  text: 'x',
  intent: 'out_of_scope',
  procedure: null,
  aspect: null,
  code: null,
  redirect: 'ho-chieu',
  confidence: 0.9,
  malformedCode: null,
  procedureCandidates: [],
  namesProcedure: false,
  namesAspect: false,
  normalized: 'x',
  ...over,
});
const inContext: DialogueState = { ...INITIAL_STATE, procedure: 'khai-sinh', aspect: 'documents' };
const { sure, clarify } = DEFAULT_THRESHOLDS;

describe('the elsewhere plan', () => {
  it('redirects from the clarify threshold on, and reports the message as out of scope', () => {
    expect(decide(u({ confidence: clarify }), INITIAL_STATE, known)).toMatchObject({
      plan: { kind: 'elsewhere', redirect: 'ho-chieu' },
      intent: 'out_of_scope',
    });
    expect(decide(u({ confidence: clarify - 0.01 }), INITIAL_STATE, known).plan).toEqual({
      kind: 'not_understood',
    });
  });

  it('without a redirect, out of scope stays the generic apology', () => {
    expect(decide(u({ redirect: null }), INITIAL_STATE, known).plan).toEqual({ kind: 'out_of_scope' });
  });

  it('mid-conversation, a question naming its object is redirected', () => {
    expect(decide(u({ confidence: 0.3 }), inContext, known).plan).toEqual({
      kind: 'elsewhere',
      redirect: 'ho-chieu',
    });
  });

  it('an aspect question with other words, in a conversation about a procedure, needs a confident redirect, else it is a follow-up', () => {
    const bare = { namesAspect: true, text: 'hộ chiếu mất bao lâu', normalized: 'ho chieu mat bao lau' };
    expect(decide(u({ ...bare, confidence: sure - 0.01 }), inContext, known).plan).toMatchObject({
      procedure: 'khai-sinh',
      aspect: 'time',
    });
    expect(decide(u({ ...bare, confidence: sure }), inContext, known).plan).toEqual({
      kind: 'elsewhere',
      redirect: 'ho-chieu',
    });
  });
});
