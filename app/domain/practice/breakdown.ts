/**
 * The optional per-area breakdown of a practice exam, typed as one area per
 * line ("Cardiovascular: 62"). Kept modest on purpose: a label and a percent
 * correct, stored as JSON on the practice exam, shown in the log.
 */

export interface BreakdownEntry {
  area: string;
  /** Percent correct in that area, 0–100. */
  percent: number;
}

const BREAKDOWN_MAX_LINES = 40;
const LINE = /^(.{1,80}?)\s*[:=]\s*(\d{1,3}(?:\.\d+)?)\s*%?$/;

type BreakdownParse = { ok: true; entries: BreakdownEntry[] } | { ok: false; message: string };

/** Parses the textarea; empty text is no breakdown. Errors name the line. */
export function parseBreakdown(text: string | null | undefined): BreakdownParse {
  const lines = (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length > BREAKDOWN_MAX_LINES) return { ok: false, message: `Keep the breakdown to ${BREAKDOWN_MAX_LINES} areas or fewer` };
  const entries: BreakdownEntry[] = [];
  const seen = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const m = LINE.exec(line);
    if (!m) return { ok: false, message: `Line ${i + 1}: write it as “Area: percent”, for example “Cardiovascular: 62”` };
    const area = m[1].trim();
    const percent = Number(m[2]);
    if (percent > 100) return { ok: false, message: `Line ${i + 1}: a percent correct runs from 0 to 100` };
    const key = area.toLowerCase();
    if (seen.has(key)) return { ok: false, message: `Line ${i + 1}: “${area}” appears twice` };
    seen.add(key);
    entries.push({ area, percent });
  }
  return { ok: true, entries };
}

/** Back to the textarea's form, for editing. */
export function formatBreakdown(entries: readonly BreakdownEntry[] | null | undefined): string {
  return (entries ?? []).map((e) => `${e.area}: ${e.percent}`).join("\n");
}

/** The stored JSON, read defensively (an unreadable value is no breakdown). */
export function readStoredBreakdown(stored: string | null | undefined): BreakdownEntry[] | null {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as unknown;
    if (!Array.isArray(value)) return null;
    const entries = value.filter(
      (e): e is BreakdownEntry =>
        typeof e === "object" &&
        e !== null &&
        typeof (e as BreakdownEntry).area === "string" &&
        typeof (e as BreakdownEntry).percent === "number",
    );
    return entries.length ? entries : null;
  } catch {
    return null;
  }
}
