import { fold } from '../nlu/fold';

/** Comparison key for words typed by people: no case, diacritics, punctuation or extra spaces. */
export const foldKey = (text: string): string =>
  fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
