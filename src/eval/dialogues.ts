// Scores dialogues turn by turn through the context-aware path: a turn is right when what the bot
// understood in context (intent, procedure, aspect) is what the turn is labelled with.
import type { Dialogue } from './sets';

export type Understood = { intent: string | null; procedure: string | null; aspect: string | null };
/** One turn of one conversation (state is kept per conversation id by the caller). */
export type TurnFn = (conversation: string, text: string) => Promise<Understood>;

export interface DialogueReport {
  dialogues: number;
  turns: number;
  turnAccuracy: number;
  /** Dialogues whose every turn is right. */
  dialogueAccuracy: number;
  /** Turns after the first: the follow-ups that lean on context. */
  followUpAccuracy: number;
  errors: Array<{ id: string; turn: number; text: string; expected: string; predicted: string }>;
}

const show = (x: Understood) => [x.intent, x.procedure, x.aspect].filter(Boolean).join('/');

export async function scoreDialogues(dialogues: readonly Dialogue[], turn: TurnFn): Promise<DialogueReport> {
  let turns = 0;
  let ok = 0;
  let follow = 0;
  let followOk = 0;
  let whole = 0;
  const errors: DialogueReport['errors'] = [];
  for (const d of dialogues) {
    let all = true;
    for (const [i, t] of d.turns.entries()) {
      const u = await turn(d.id, t.text);
      const right =
        u.intent === t.intent &&
        (u.procedure ?? null) === (t.procedure ?? null) &&
        (u.aspect ?? null) === (t.aspect ?? null);
      turns++;
      ok += +right;
      if (i > 0) {
        follow++;
        followOk += +right;
      }
      if (!right) {
        all = false;
        errors.push({ id: d.id, turn: i + 1, text: t.text, expected: show(t), predicted: show(u) });
      }
    }
    whole += +all;
  }
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  return {
    dialogues: dialogues.length,
    turns,
    turnAccuracy: ratio(ok, turns),
    dialogueAccuracy: ratio(whole, dialogues.length),
    followUpAccuracy: ratio(followOk, follow),
    errors,
  };
}
