/**
 * What the dialogue decided to say, before the 3-biết finishing touches (greeting, thanks,
 * next step, splitting). `tone` decides which touches apply.
 */
export interface Draft {
  tone: 'answer' | 'apology' | 'closing' | 'question';
  lines: string[];
  options: string[];
}
