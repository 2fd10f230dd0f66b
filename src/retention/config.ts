// How long personal data is kept, per kind (RETENTION_<KIND>_DAYS). Defaults follow what each kind is
// for: messages long enough to answer a complaint about them, the audit log longest (it is the record of
// what staff did). 0 is refused: keeping nothing would break conversations in progress.
import { int } from '../config/parse-env';
import type { RetentionKind } from '../store/ports';

export type RetentionDays = Record<RetentionKind, number>;

export const DEFAULT_RETENTION_DAYS: RetentionDays = {
  messages: 90,
  conversations: 90,
  unanswered: 180,
  complaints: 365,
  audit: 730,
};

export const RETENTION_ENV = {
  RETENTION_MESSAGES_DAYS: int(1, 3_650).default(DEFAULT_RETENTION_DAYS.messages),
  RETENTION_CONVERSATIONS_DAYS: int(1, 3_650).default(DEFAULT_RETENTION_DAYS.conversations),
  RETENTION_UNANSWERED_DAYS: int(1, 3_650).default(DEFAULT_RETENTION_DAYS.unanswered),
  RETENTION_COMPLAINTS_DAYS: int(1, 3_650).default(DEFAULT_RETENTION_DAYS.complaints),
  RETENTION_AUDIT_DAYS: int(1, 3_650).default(DEFAULT_RETENTION_DAYS.audit),
};

export function retentionDays(e: { [K in keyof typeof RETENTION_ENV]: number }): RetentionDays {
  return {
    messages: e.RETENTION_MESSAGES_DAYS,
    conversations: e.RETENTION_CONVERSATIONS_DAYS,
    unanswered: e.RETENTION_UNANSWERED_DAYS,
    complaints: e.RETENTION_COMPLAINTS_DAYS,
    audit: e.RETENTION_AUDIT_DAYS,
  };
}
