// The "3 biết" finishing: greet at the start of a conversation, thank once (at the end of the first
// answer; closings thank in their own words), always end with a next step, address the citizen politely,
// split for the phone.
import type { Reply } from '../core/message';
import type { Draft } from './draft';
import { capitalize } from './format';
import { splitLines } from './split';

export const MAX_OPTIONS = 4;

export interface Addressee {
  /** "anh/chị" or "anh/chị Lan" when the channel gives a display name. */
  address: string;
  centreName: string;
}

export function addressOf(displayName: string | undefined | null): string {
  const name = (displayName ?? '').trim().split(/\s+/).pop() ?? '';
  return name && /^[\p{L}]{1,20}$/u.test(name) ? `anh/chị ${name}` : 'anh/chị';
}

/** Fills "{ac}" / "{Ac}" placeholders with the citizen's address. */
export function personalize(line: string, address: string): string {
  return line.replace(/\{Ac\}/g, capitalize(address)).replace(/\{ac\}/g, address);
}

export interface FinishOptions {
  /** Thank at the end of this answer (the conversation's first); later answers only offer the next step. */
  thank?: boolean;
}

export function finish(
  draft: Draft,
  who: Addressee,
  greet: boolean,
  { thank = true }: FinishOptions = {},
): Reply[] {
  const lines: string[] = [];
  if (greet) lines.push(`Dạ, ${who.centreName} xin chào {ac} ạ! Em là trợ lý tự động của Trung tâm.`);
  lines.push(...draft.lines);
  // A draft that already thanks (e.g. for a receipt code) is not thanked twice.
  const thanks = thank && !draft.lines.some((l) => /cảm ơn/iu.test(l));
  // Short: with the greeting, the whole first answer should fit one phone-sized message.
  if (draft.tone === 'answer')
    lines.push(
      thanks
        ? 'Em cảm ơn {ac} đã hỏi ạ. {Ac} cần gì thêm, mời chọn bên dưới hoặc nhắn cho em.'
        : '{Ac} cần gì thêm, mời chọn bên dưới hoặc nhắn cho em ạ.',
    );
  if (draft.tone === 'apology')
    lines.push(
      `{Ac} vui lòng chọn một mục bên dưới hoặc nhắn lại giúp em ạ.${thanks ? ' Em cảm ơn {ac}!' : ''}`,
    );
  const text = lines.map((l) => personalize(l, who.address));
  const bubbles = splitLines(text);
  const options = draft.options.slice(0, MAX_OPTIONS);
  return bubbles.map((t, i) => ({
    text: t.normalize('NFC'),
    options: i === bubbles.length - 1 ? options : [],
  }));
}
