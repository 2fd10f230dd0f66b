// The centre's hours, address and hotline.
import { officeInfo } from '../../dialogue/answers/centre';
import type { Handler } from './handler';

export const office: Handler<'office'> = (_plan, t) => ({
  draft: officeInfo(t.kb.commune),
  next: { ...t.base, failures: 0 },
});
