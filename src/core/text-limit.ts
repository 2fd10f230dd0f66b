/** The longest text staff may type into one field (the console API and published knowledge alike). */
export const MAX_TEXT = 4_000;
