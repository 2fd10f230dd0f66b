import { userRef } from '../../src/pipeline/user-ref';
import { scrubText } from '../../src/config/redact';

test('user references survive the log scrubber unchanged (letters only), stay stable and differ per citizen', () => {
  const refs = new Set<string>();
  for (let i = 0; i < 5_000; i++) {
    const ref = userRef('zalo', `70001112223334${String(i).padStart(5, '0')}`);
    expect(scrubText(ref)).toBe(ref);
    refs.add(ref);
  }
  expect(refs.size).toBe(5_000);
  expect(userRef('messenger', '123')).toBe(userRef('messenger', '123'));
  expect(userRef('messenger', '123')).toMatch(/^messenger:[a-z]{12}$/);
});
