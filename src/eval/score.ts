// Scores predictions against a labelled set (taxonomy format): the numbers `motcua eval` prints.
import { DEFAULT_THRESHOLDS } from '../dialogue/decide';
import { expectedCalibrationError } from '../nlu/calibrate';

export interface Labelled {
  text: string;
  intent: string;
  procedure: string | null;
  aspect: string | null;
  code: string | null;
  tags?: string[];
}
export type Predicted = Pick<Labelled, 'intent' | 'procedure' | 'aspect' | 'code'> & { confidence: number };

export interface Report {
  n: number;
  /** Intent right, and the procedure too for procedure questions (what a confidence is about). */
  labelAccuracy: number;
  intentAccuracy: number;
  procedureAccuracy: number;
  aspectAccuracy: number;
  codeExactMatch: number;
  outOfScope: { precision: number; recall: number };
  /** Messages at or above the answer threshold: answered without "did you mean". */
  directAnswers: { threshold: number; coverage: number; accuracy: number };
  perTag: Record<string, { n: number; intentAccuracy: number; procedureAccuracy: number | null }>;
  confusions: Array<{ expected: string; predicted: string; count: number }>;
  /** Expected calibration error of the confidence (10 bins, on label correctness). */
  calibrationError: number;
  errors: Array<{ text: string; expected: string; predicted: string; confidence: number }>;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const label = (x: Pick<Labelled, 'intent' | 'procedure' | 'aspect'>) =>
  [x.intent, x.procedure, x.aspect].filter(Boolean).join('/');

export function score(
  gold: readonly Labelled[],
  pred: readonly Predicted[],
  answerThreshold = DEFAULT_THRESHOLDS.answer,
): Report {
  let intentOk = 0;
  let labelOk = 0;
  let procN = 0;
  let procOk = 0;
  let aspN = 0;
  let aspOk = 0;
  let codeN = 0;
  let codeOk = 0;
  let oosTp = 0;
  let oosPred = 0;
  let oosGold = 0;
  let directN = 0;
  let directOk = 0;
  const tags = new Map<string, { n: number; ok: number; pn: number; pok: number }>();
  const confusions = new Map<string, number>();
  const calibration: Array<{ confidence: number; correct: boolean }> = [];
  const errors: Report['errors'] = [];
  gold.forEach((g, i) => {
    const p = pred[i];
    if (!p) throw new Error(`score: no prediction for gold row ${i}`);
    const iOk = g.intent === p.intent;
    intentOk += +iOk;
    let allOk = iOk;
    let pOk: boolean | null = null;
    if (g.intent === 'procedure') {
      procN++;
      pOk = p.procedure === g.procedure;
      procOk += +pOk;
      allOk &&= pOk;
      if (pOk) {
        aspN++;
        aspOk += +(p.aspect === g.aspect);
      }
    }
    labelOk += +allOk;
    if (g.code !== null || g.intent === 'status_lookup') {
      codeN++;
      codeOk += +(p.code === g.code);
    }
    oosGold += +(g.intent === 'out_of_scope');
    oosPred += +(p.intent === 'out_of_scope');
    oosTp += +(g.intent === 'out_of_scope' && p.intent === 'out_of_scope');
    if (p.confidence >= answerThreshold) {
      directN++;
      directOk += +allOk;
    }
    for (const t of g.tags ?? []) {
      const s = tags.get(t) ?? { n: 0, ok: 0, pn: 0, pok: 0 };
      s.n++;
      s.ok += +iOk;
      if (pOk !== null) {
        s.pn++;
        s.pok += +pOk;
      }
      tags.set(t, s);
    }
    calibration.push({ confidence: p.confidence, correct: allOk });
    if (!allOk || (pOk && p.aspect !== g.aspect)) {
      const key = `${label(g)} → ${label(p)}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
      errors.push({ text: g.text, expected: label(g), predicted: label(p), confidence: p.confidence });
    }
  });
  const n = gold.length;
  const perTag: Report['perTag'] = {};
  for (const [t, s] of [...tags].sort()) {
    perTag[t] = {
      n: s.n,
      intentAccuracy: ratio(s.ok, s.n),
      procedureAccuracy: s.pn ? ratio(s.pok, s.pn) : null,
    };
  }
  return {
    n,
    labelAccuracy: ratio(labelOk, n),
    intentAccuracy: ratio(intentOk, n),
    procedureAccuracy: ratio(procOk, procN),
    aspectAccuracy: ratio(aspOk, aspN),
    codeExactMatch: ratio(codeOk, codeN),
    outOfScope: { precision: ratio(oosTp, oosPred), recall: ratio(oosTp, oosGold) },
    directAnswers: {
      threshold: answerThreshold,
      coverage: ratio(directN, n),
      accuracy: ratio(directOk, directN),
    },
    perTag,
    confusions: [...confusions]
      .map(([k, count]) => {
        const [expected = '', predicted = ''] = k.split(' → ');
        return { expected, predicted, count };
      })
      .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
    calibrationError: expectedCalibrationError(calibration),
    errors,
  };
}
