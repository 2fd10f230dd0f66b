import { backoffDelay } from '../../src/pipeline/backoff';
import { insideWindow, windowsOf } from '../../src/pipeline/windows';
import { CHANNELS } from '../../webhooks/channels';

describe('backoffDelay', () => {
  const p = { baseMs: 1000, maxMs: 10_000, maxAttempts: 5 };
  it('grows exponentially with jitter between half and all of the step, capped', () => {
    expect(backoffDelay(1, p, () => 0)).toBe(500);
    expect(backoffDelay(1, p, () => 1)).toBe(1000);
    expect(backoffDelay(3, p, () => 0)).toBe(2000);
    expect(backoffDelay(3, p, () => 1)).toBe(4000);
    expect(backoffDelay(10, p, () => 1)).toBe(10_000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(2, p)));
    expect(spread.size).toBeGreaterThan(10);
  });
});

describe('consultation windows', () => {
  const windows = windowsOf(CHANNELS);
  const now = new Date('2026-03-10T12:00:00Z');
  const ago = (h: number) => new Date(now.getTime() - h * 3_600_000);
  it('Zalo: 7 days', () => {
    expect(insideWindow(windows, 'zalo', ago(24 * 7 - 1), now)).toBe(true);
    expect(insideWindow(windows, 'zalo', ago(24 * 7 + 1), now)).toBe(false);
  });
  it('Messenger: 24 hours', () => {
    expect(insideWindow(windows, 'messenger', ago(23), now)).toBe(true);
    expect(insideWindow(windows, 'messenger', ago(25), now)).toBe(false);
  });
  it('no known interaction: closed for windowed channels, open for the web', () => {
    expect(insideWindow(windows, 'zalo', null, now)).toBe(false);
    expect(insideWindow(windows, 'web', null, now)).toBe(true);
  });
});
