import { expectedCalibrationError, fitTemperature, type HeldOut } from '../../src/nlu/calibrate';
import { toProbabilities } from '../../src/nlu/softmax';
import { seededRng } from '../../src/nlu/rng';

describe('calibration', () => {
  // Held-out rows whose truth is drawn from softmax(logits / 2.5): the fitted temperature must find it.
  const rng = seededRng(5);
  const rows: HeldOut[] = Array.from({ length: 4000 }, () => {
    const logits = Float64Array.from({ length: 4 }, () => rng() * 8);
    const p = toProbabilities(Float64Array.from(logits), 2.5);
    let u = rng();
    let truth = 0;
    while (truth < 3 && u > (p[truth] ?? 1)) u -= p[truth++] ?? 1;
    return { logits, truth };
  });

  it('fits the temperature that generated the outcomes', () => {
    expect(fitTemperature(rows)).toBeGreaterThan(2);
    expect(fitTemperature(rows)).toBeLessThan(3);
  });

  it('measures expected calibration error', () => {
    const honest = Array.from({ length: 1000 }, (_, i) => ({ confidence: 0.75, correct: i % 4 !== 0 }));
    const overconfident = honest.map((r) => ({ ...r, confidence: 0.99 }));
    expect(expectedCalibrationError(honest)).toBeCloseTo(0, 6);
    expect(expectedCalibrationError(overconfident)).toBeCloseTo(0.24, 6);
  });
});
