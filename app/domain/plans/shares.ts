/**
 * Whole-number shares that add up exactly (largest-remainder rounding), so a
 * plan's focus shares always total 100% however the weights fall.
 */

/**
 * Splits `total` into whole parts proportional to `weights`, each at least
 * `minEach` (lowered when the minimums alone would exceed the total). Weights
 * that are not positive finite numbers count as zero; when none is positive
 * the split is even. Ties in the remainders go to the earlier entry, which in a
 * ranked list is the weaker area.
 */
export function apportion(total: number, weights: readonly number[], minEach = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`Cannot apportion ${total}`);
  const floorEach = Math.min(Math.max(0, Math.floor(minEach)), Math.floor(total / n));
  const remaining = total - floorEach * n;
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  // Scaled by the largest weight so that huge weights cannot overflow the sum.
  const largest = Math.max(...clean);
  const scaled = largest > 0 ? clean.map((w) => w / largest) : clean.map(() => 1);
  const sum = scaled.reduce((a, b) => a + b, 0);
  const quotas = scaled.map((w) => (w / sum) * remaining);
  const parts = quotas.map((q) => Math.floor(q));
  let left = remaining - parts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, rest: q - Math.floor(q) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n) {
    parts[order[k].i] += 1;
    left -= 1;
  }
  return parts.map((p) => p + floorEach);
}
