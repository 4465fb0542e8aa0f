/**
 * Colours and patterns for chart series. Colours are the Okabe–Ito set, chosen
 * to stay apart for people with red–green colour blindness; each series also
 * has its own pattern, so two series never differ by colour alone (WCAG 1.4.1),
 * and every chart keeps its table alternative.
 */
import type { CaseOutcome, CaseStatus } from "#app/domain/vocabulary";

export const PATTERNS = ["solid", "diagonal", "dots", "horizontal", "crosshatch", "vertical"] as const;
export type PatternId = (typeof PATTERNS)[number];

export interface SeriesStyle {
  color: string;
  pattern: PatternId;
}

/** Case statuses: distinct hue, lightness and pattern (Active and Ready above all). */
export const STATUS_STYLES: Record<CaseStatus, SeriesStyle> = {
  INTAKE: { color: "#E69F00", pattern: "solid" },
  DIAGNOSING: { color: "#56B4E9", pattern: "diagonal" },
  PLANNING: { color: "#CC79A7", pattern: "dots" },
  ACTIVE: { color: "#0072B2", pattern: "horizontal" },
  READY: { color: "#009E73", pattern: "crosshatch" },
  CLOSED: { color: "#000000", pattern: "vertical" },
};

export const OUTCOME_STYLES: Record<CaseOutcome, SeriesStyle> = {
  PASSED: { color: "#009E73", pattern: "solid" },
  WITHDRAWN: { color: "#56B4E9", pattern: "diagonal" },
  INELIGIBLE: { color: "#D55E00", pattern: "crosshatch" },
};

/** One series alone on its chart: a single dark colour, no pattern needed. */
export const SINGLE_SERIES_COLOR = "#0072B2";

// ───────────── colour distance as people with colour blindness see it ─────────────

/** Colour-vision simulations in linear RGB (Viénot, Brettel & Mollon 1999): none, protanopia, deuteranopia. */
export const VISION_SIMULATIONS = {
  typical: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.11238, 0.88762, 0],
    [0.11238, 0.88762, 0],
    [0.00401, -0.00401, 1],
  ],
  deuteranopia: [
    [0.29275, 0.70725, 0],
    [0.29275, 0.70725, 0],
    [-0.02234, 0.02234, 1],
  ],
} as const;
export type Vision = keyof typeof VISION_SIMULATIONS;

const toLinear = (channel: number) => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

function linearRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`Not a #rrggbb colour: ${hex}`);
  return [toLinear(Number.parseInt(m[1], 16)), toLinear(Number.parseInt(m[2], 16)), toLinear(Number.parseInt(m[3], 16))];
}

function lab([r, g, b]: readonly number[]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 ΔE between two colours as seen with `vision`: about 2 is barely noticeable, 20 or more is clearly different. */
export function colourDistance(a: string, b: string, vision: Vision = "typical"): number {
  const m = VISION_SIMULATIONS[vision];
  const seen = (hex: string) => {
    const c = linearRgb(hex);
    return m.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2])));
  };
  const [l1, a1, b1] = lab(seen(a));
  const [l2, a2, b2] = lab(seen(b));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
