/**
 * What the statistics say of the documents holding every term of every phrase: at least the share
 * Σ shareᵢ − (n − 1) over all the terms (the Fréchet bound: true whatever their dependence), and an
 * estimate: the terms of one phrase (its character pairs) taken as occurring together, so each
 * phrase counts with its rarest term, and the phrases as independent of each other; kept between
 * that bound and the smallest share. Null when a term is not among the common ones.
 */
export function shareHoldingAll<Term>(phrases: Term[][], shares: Map<Term, number>): { atLeast: number; estimate: number } | null {
  const terms = [...new Set(phrases.flat())];
  if (!terms.length) return null;
  let sum = 0;
  let smallest = 1;
  for (const term of terms) {
    const share = shares.get(term);
    if (share === undefined) return null;
    sum += share;
    smallest = Math.min(smallest, share);
  }
  const product = phrases.reduce((result, phrase) => result * Math.min(...phrase.map((term) => shares.get(term)!)), 1);
  const atLeast = Math.max(0, sum - (terms.length - 1));
  return { atLeast, estimate: Math.min(smallest, Math.max(atLeast, product)) };
}
