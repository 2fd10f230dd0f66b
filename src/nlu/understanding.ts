import type { Aspect, Intent } from '../core/labels';

/** What the bot understood of one message (the `classify` contract plus what the dialogue needs). */
export interface Understanding {
  text: string;
  intent: Intent;
  procedure: string | null;
  aspect: Aspect | null;
  code: string | null;
  /** For out_of_scope: the catalogue entry (knowledge/elsewhere/) of the authority that handles it, if known. */
  redirect: string | null;
  confidence: number;
  /** Code-like text of the wrong shape, when the citizen tried to give a code. */
  malformedCode: string | null;
  /** Best procedures with their probabilities (for "did you mean" questions). */
  procedureCandidates: Array<{ procedure: string; p: number }>;
  /** The message itself names a procedure (as opposed to a bare follow-up like "lệ phí bao nhiêu?"). */
  namesProcedure: boolean;
  /** The message itself carries an aspect cue (fee, time, ...). */
  namesAspect: boolean;
  /** Folded tokens, for logs and the unanswered-questions inbox. */
  normalized: string;
}
