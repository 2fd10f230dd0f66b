// Shape of a folded Vietnamese syllable: optional initial, 1–3 vowels, optional final consonant.
// Used to decide which unknown tokens are typos worth correcting ("nhna", "khôg") and which are
// real words we simply have not seen ("phở").
const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?';
const VOWELS = '[aeiouy]{1,3}';
const FINAL = '(?:ng|nh|ch|[cmnpt])?';
const SYLLABLE = new RegExp(`^${INITIAL}${VOWELS}${FINAL}$`);

export function isSyllable(token: string): boolean {
  // A doubled letter is a typo ("giayy"), except the "oo" of "xoong", "boong".
  return SYLLABLE.test(token) && !/([a-np-z])\1/.test(token);
}
