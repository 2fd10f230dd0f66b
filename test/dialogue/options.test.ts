// The options behind a phone-sized answer map to one action each, whatever the classifier thinks.
import { decide } from '../../src/dialogue/decide';
import { OPTION, optionAction } from '../../src/dialogue/options';
import { INITIAL_STATE } from '../../src/dialogue/state';
import type { Understanding } from '../../src/nlu/understanding';

const known = {
  procedures: new Map([['khai-sinh', 'Đăng ký khai sinh']]),
  cues: () => ({ aspect: null, rest: [] }),
};
const tap = (text: string): Understanding => ({
  text,
  intent: 'out_of_scope',
  procedure: null,
  aspect: null,
  code: null,
  redirect: null,
  confidence: 0.9,
  malformedCode: null,
  procedureCandidates: [],
  namesProcedure: false,
  namesAspect: false,
  normalized: text,
});

it.each([
  [OPTION.allDocuments, 'all_documents', 'documents'],
  ['xem du giay to', 'all_documents', 'documents'],
  [OPTION.allFees, 'all_fees', 'fee'],
  [OPTION.specialCases, 'special_cases', 'documents'],
  [OPTION.legalBasis, 'legal_basis', 'general'],
])('"%s" shows the %s view of the procedure in context', (text, view, aspect) => {
  expect(optionAction(text)).toEqual({ kind: 'view', view });
  expect(decide(tap(text), { ...INITIAL_STATE, procedure: 'khai-sinh' }, known).plan).toEqual({
    kind: 'procedure',
    procedure: 'khai-sinh',
    aspect,
    view,
  });
  // Without a procedure in context there is nothing to show: the list of procedures.
  expect(decide(tap(text), INITIAL_STATE, known).plan).toEqual({ kind: 'menu' });
});
