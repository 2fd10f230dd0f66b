// Reading back a conversation to tell whether a part went out after a crash (reference §6a): each channel
// turns its platform's history into these messages; the comparison is one for all.

/** How far the platform's clock may be behind ours when comparing a message's time with an attempt's. */
export const CLOCK_SKEW_MS = 5_000;

export interface ConversationMessage {
  fromUs: boolean;
  text: string;
  at: number | null;
}

/** Whether the page/OA sent `text` at or after `since` (times the platform leaves out count as matching). */
export function sentSince(messages: ConversationMessage[], text: string, since: Date): boolean {
  const want = text.normalize('NFC').trim();
  return messages.some(
    (m) =>
      m.fromUs &&
      m.text.normalize('NFC').trim() === want &&
      (m.at === null || m.at >= since.getTime() - CLOCK_SKEW_MS),
  );
}
