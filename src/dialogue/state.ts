// Per-conversation dialogue state. Plain JSON so any store can keep it.
import type { Aspect } from '../core/labels';

export interface DialogueState {
  /** ISO time of the last message in the conversation (null: never talked). */
  lastAt: string | null;
  procedure: string | null;
  aspect: Aspect | null;
  /** Procedures asked about before the current one, most recent first (for "cái kia", "quay lại ..."). */
  history: string[];
  /** The receipt code last looked up (what "báo khi có kết quả" subscribes to). */
  lastCode: string | null;
  /** Procedure ids the bot offered in a "which one?" question. */
  offered: string[];
  /** Consecutive messages the bot could not answer. */
  failures: number;
  /** The bot already thanked the citizen in this conversation (it thanks once, not on every answer). */
  thanked: boolean;
}

/** How many earlier procedures a conversation remembers. */
export const HISTORY = 3;

export const INITIAL_STATE: DialogueState = {
  lastAt: null,
  procedure: null,
  aspect: null,
  history: [],
  lastCode: null,
  offered: [],
  failures: 0,
  thanked: false,
};

/**
 * Reads a stored state defensively: anything missing or malformed falls back to the initial value, and fields
 * older versions kept (awaitingCode, handoff) are dropped.
 */
export function reviveState(raw: unknown): DialogueState {
  if (!raw || typeof raw !== 'object') return { ...INITIAL_STATE };
  const s = raw as Partial<DialogueState>;
  return {
    lastAt: typeof s.lastAt === 'string' ? s.lastAt : null,
    procedure: typeof s.procedure === 'string' ? s.procedure : null,
    aspect: typeof s.aspect === 'string' ? s.aspect : null,
    history: Array.isArray(s.history)
      ? s.history.filter((x): x is string => typeof x === 'string').slice(0, HISTORY)
      : [],
    lastCode: typeof s.lastCode === 'string' ? s.lastCode : null,
    offered: Array.isArray(s.offered) ? s.offered.filter((x): x is string => typeof x === 'string') : [],
    failures: typeof s.failures === 'number' ? s.failures : 0,
    thanked: s.thanked === true,
  };
}

/** The conversation moves to a procedure: the one before joins the history (each procedure once). */
export function withProcedure(s: DialogueState, id: string): Pick<DialogueState, 'procedure' | 'history'> {
  const earlier = s.procedure && s.procedure !== id ? [s.procedure, ...s.history] : s.history;
  return {
    procedure: id,
    history: earlier.filter((p, i) => p !== id && earlier.indexOf(p) === i).slice(0, HISTORY),
  };
}
