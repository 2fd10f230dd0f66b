// Each commune's own office hours, read in its time zone (Saturday mornings included).
import path from 'node:path';
import { loadKnowledge } from '../../src/kb/load';
import { isOpen, nextOpening } from '../../src/kb/office-hours';
import { vnInstant } from '../../src/core/vn-time';

const kb = loadKnowledge(path.resolve(__dirname, '..', '..', 'knowledge')).kb!;
const hoaAn = kb.communes.get('hoa-an')!;
const suoiMay = kb.communes.get('suoi-may')!;

describe('office hours per commune', () => {
  it('opens each centre on its own hours', () => {
    const friday1645 = vnInstant(2026, 12, 4, 16, 45);
    expect(isOpen(hoaAn, friday1645)).toBe(true);
    expect(isOpen(suoiMay, friday1645)).toBe(false); // closes at 16:30 on Fridays
    const monday0710 = vnInstant(2026, 12, 7, 7, 10);
    expect(isOpen(hoaAn, monday0710)).toBe(false);
    expect(isOpen(suoiMay, monday0710)).toBe(true);
  });

  it('says when each opens next, Saturday morning included', () => {
    const friday1645 = vnInstant(2026, 12, 4, 16, 45);
    expect(nextOpening(suoiMay, friday1645)).toBe('7:30 ngày mai (thứ Bảy)');
    const saturday1105 = vnInstant(2026, 12, 5, 11, 5);
    expect(isOpen(hoaAn, saturday1105)).toBe(true);
    expect(isOpen(suoiMay, saturday1105)).toBe(false);
    expect(nextOpening(suoiMay, saturday1105)).toBe('7:00 thứ Hai');
  });
});
