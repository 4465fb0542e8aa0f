/**
 * Least-squares trajectory of one practice-exam series and its projection to
 * the exam date with a prediction interval (docs/domain.md §4).
 *
 * The interval is for a *new observation* at the target date, not for the mean
 * line: a tutor wants to know where the student's next score — the real exam —
 * may land, which is wider than where the trend line sits.
 */
import { daysBetween, type IsoDate } from "#app/domain/dates";
import { RETAKE_GUIDANCE } from "#app/domain/reference";

interface ScorePoint {
  takenOn: IsoDate;
  score: number;
}

interface ProjectionOptions {
  /** The date to project to (the exam date). */
  targetDate: IsoDate;
  /** The instrument's scale bounds: a projection never leaves the scale. */
  scaleMin: number;
  scaleMax: number;
  /** Two-sided coverage of the prediction interval (0.8 → an 80% interval). */
  confidence?: number;
  /** Fewer points than this give no projection (never fewer than 3: n − 2 must be positive). */
  minPoints?: number;
}

type NotEnoughDataReason = "TOO_FEW_POINTS" | "SAME_DATE";

export interface NotEnoughData {
  kind: "NOT_ENOUGH_DATA";
  /** How many points the series has. */
  points: number;
  reason: NotEnoughDataReason;
}

export interface ProjectionResult {
  kind: "PROJECTED";
  /** Score change per calendar day and per week along the fitted line. */
  slopePerDay: number;
  slopePerWeek: number;
  /** Fitted score at x = 0, i.e. on `originDate` (the first point's date). */
  intercept: number;
  originDate: IsoDate;
  targetDate: IsoDate;
  /** Days from the origin to the target date (x0). */
  targetX: number;
  /** Fitted score at the target date and the prediction interval, clamped to the scale. */
  projected: number;
  low: number;
  high: number;
  /** Whether clamping to the scale changed any of projected/low/high. */
  clamped: boolean;
  confidence: number;
  n: number;
  /** Residual standard deviation s = sqrt(SSE / (n − 2)). */
  residualSd: number;
}

export type Projection = NotEnoughData | ProjectionResult;

interface LinearFit {
  slope: number;
  intercept: number;
  n: number;
  meanX: number;
  /** Σ(x − x̄)²; zero when every x is the same. */
  sxx: number;
  /** Σ residual²; never negative. */
  sse: number;
}

/** `value` kept within [min, max] (a projection or likely range never leaves the scale). */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The smallest sample that leaves a residual degree of freedom for the interval. */
const STATISTICAL_MIN_POINTS = 3;

/**
 * Ordinary least squares of y on x. Returns null when x has no spread (a line
 * through points on one date has no defined slope).
 */
export function leastSquares(points: readonly { x: number; y: number }[]): LinearFit | null {
  const n = points.length;
  if (n === 0) return null;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  // Residuals summed directly (not Syy − b·Sxy) so identical scores give exactly 0.
  let sse = 0;
  for (const p of points) sse += (p.y - (intercept + slope * p.x)) ** 2;
  return { slope, intercept, n, meanX, sxx, sse: Math.max(0, sse) };
}

/**
 * Fits the series and projects it to `targetDate` with a prediction interval
 * ŷ ± t(1 − α/2, n − 2) · s · sqrt(1 + 1/n + (x0 − x̄)² / Sxx), x in days since
 * the first point. Thresholds default to RETAKE_GUIDANCE; schools may pass theirs.
 */
export function projectSeries(points: readonly ScorePoint[], options: ProjectionOptions): Projection {
  const confidence = options.confidence ?? RETAKE_GUIDANCE.projectionConfidence;
  const minPoints = Math.max(options.minPoints ?? RETAKE_GUIDANCE.projectionMinPoints, STATISTICAL_MIN_POINTS);
  const n = points.length;
  if (n < minPoints) return { kind: "NOT_ENOUGH_DATA", points: n, reason: "TOO_FEW_POINTS" };

  const sorted = [...points].sort((a, b) => (a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : 0));
  const originDate = sorted[0].takenOn;
  const fit = leastSquares(sorted.map((p) => ({ x: daysBetween(originDate, p.takenOn), y: p.score })));
  if (!fit) return { kind: "NOT_ENOUGH_DATA", points: n, reason: "SAME_DATE" };

  const targetX = daysBetween(originDate, options.targetDate);
  const residualSd = Math.sqrt(fit.sse / (n - 2));
  const fitted = fit.intercept + fit.slope * targetX;
  const t = studentTQuantile(1 - (1 - confidence) / 2, n - 2);
  const halfWidth = residualSd === 0 ? 0 : t * residualSd * Math.sqrt(1 + 1 / n + (targetX - fit.meanX) ** 2 / fit.sxx);

  const toScale = (v: number) => clamp(v, options.scaleMin, options.scaleMax);
  const raw = [fitted, fitted - halfWidth, fitted + halfWidth];
  const [projected, low, high] = raw.map(toScale);
  return {
    kind: "PROJECTED",
    slopePerDay: fit.slope,
    slopePerWeek: fit.slope * 7,
    intercept: fit.intercept,
    originDate,
    targetDate: options.targetDate,
    targetX,
    projected,
    low,
    high,
    clamped: raw.some((v) => v !== toScale(v)),
    confidence,
    n,
    residualSd,
  };
}

// ---------------------------------------------------------------------------
// Student's t distribution, computed numerically (no statistics dependency).
// ---------------------------------------------------------------------------

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; ~15 significant digits). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The continued fraction converges fast only on one side of the mean; use symmetry on the other.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Degrees of freedom must be positive: ${df}`);
  if (t === 0) return 0.5;
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t (e.g. p = 0.9, df = 2 → 1.8856), found by
 * bracketing and bisecting the CDF to ~1e-12: exact enough for any table.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`Probability must lie strictly between 0 and 1: ${p}`);
  if (!(df > 0)) throw new RangeError(`Degrees of freedom must be positive: ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
    if (hi > 1e12) return Number.POSITIVE_INFINITY;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
