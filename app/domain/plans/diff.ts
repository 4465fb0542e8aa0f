/**
 * What changed between two plan versions, in sentences a tutor (or the
 * student) reads at a glance. Items are matched by identity, not position:
 * focus areas by key, resources by name, milestones by their stable uid,
 * measures by title, rhythm sessions by weekday and slot. Identical versions
 * give an empty list.
 */
import { daysBetween, formatDate, type IsoDate } from "#app/domain/dates";
import { instrument } from "#app/domain/reference";
import { plural } from "#app/domain/text";
import { normalizeResourceName as resourceKey } from "./resources";
import {
  ACTIVITY_LABELS,
  FOCUS_KIND_LABELS,
  type FocusArea,
  type PlanBlock,
  type PlanMeasure,
  type PlanMilestone,
  type PlanResource,
  type PlanVersionData,
  RESOURCE_KIND_LABELS,
  type RhythmDay,
  SLOT_LABELS,
  SLOTS,
  type Slot,
  WEEKDAY_SHORT_NAMES,
  weekdayName,
} from "./schema";
import { MILESTONE_KIND_NAMES } from "./templates";
import { sortMilestones } from "./week";

export const CHANGE_SECTIONS = ["DATES", "FOCUS", "RESOURCES", "MILESTONES", "RHYTHM", "MEASURES"] as const;
export type ChangeSection = (typeof CHANGE_SECTIONS)[number];
const CHANGE_SECTION_LABELS: Record<ChangeSection, string> = {
  DATES: "Dates",
  FOCUS: "Focus areas",
  RESOURCES: "Resources",
  MILESTONES: "Milestones",
  RHYTHM: "Weekly rhythm",
  MEASURES: "Measures",
};

interface PlanChange {
  section: ChangeSection;
  text: string;
}

/** Changes from `a` (older) to `b` (newer), grouped by section in CHANGE_SECTIONS order. */
export function diffPlanVersions(a: PlanVersionData, b: PlanVersionData): PlanChange[] {
  const tag = (section: ChangeSection, texts: string[]): PlanChange[] => texts.map((text) => ({ section, text }));
  return [
    ...tag("DATES", diffDates(a, b)),
    ...tag("FOCUS", diffFocusAreas(a.content.focusAreas, b.content.focusAreas)),
    ...tag("RESOURCES", diffResources(a.content.resources, b.content.resources)),
    ...tag("MILESTONES", diffMilestones(a.content.milestones, b.content.milestones)),
    ...tag("RHYTHM", diffRhythm(a, b)),
    ...tag("MEASURES", diffMeasures(a.content.measures, b.content.measures)),
  ];
}

/** Changes grouped per section, for a compare view with one heading each. */
export function groupChanges(changes: readonly PlanChange[]): { section: ChangeSection; label: string; texts: string[] }[] {
  return CHANGE_SECTIONS.map((section) => ({
    section,
    label: CHANGE_SECTION_LABELS[section],
    texts: changes.filter((c) => c.section === section).map((c) => c.text),
  })).filter((g) => g.texts.length > 0);
}

function diffDates(a: Pick<PlanVersionData, "startDate" | "examDate">, b: Pick<PlanVersionData, "startDate" | "examDate">): string[] {
  const out: string[] = [];
  if (a.startDate !== b.startDate) out.push(`Start date moved ${dateMove(a.startDate, b.startDate, true)}`);
  if (a.examDate !== b.examDate) out.push(`Exam date moved ${dateMove(a.examDate, b.examDate, true)}`);
  return out;
}

function diffFocusAreas(a: readonly FocusArea[], b: readonly FocusArea[]): string[] {
  const out: string[] = [];
  const before = new Map(a.map((f) => [f.key, f]));
  const afterKeys = new Set(b.map((f) => f.key));
  for (const next of b) {
    const prev = before.get(next.key);
    if (!prev) {
      out.push(`Added focus: ${next.label} (${next.sharePercent}%)`);
      continue;
    }
    if (prev.label !== next.label) out.push(`Focus renamed: ${prev.label} → ${next.label}`);
    if (prev.kind !== next.kind)
      out.push(`${next.label}: ${FOCUS_KIND_LABELS[prev.kind].toLowerCase()} → ${FOCUS_KIND_LABELS[next.kind].toLowerCase()}`);
    if (prev.sharePercent !== next.sharePercent) out.push(`${next.label} share ${prev.sharePercent}% → ${next.sharePercent}%`);
  }
  for (const prev of a) {
    if (!afterKeys.has(prev.key)) out.push(`Removed focus: ${prev.label} (was ${prev.sharePercent}%)`);
  }
  const commonBefore = a.filter((f) => afterKeys.has(f.key)).map((f) => f.key);
  const commonAfter = b.filter((f) => before.has(f.key)).map((f) => f.key);
  if (commonBefore.join("\n") !== commonAfter.join("\n")) {
    const labels = b.filter((f) => before.has(f.key)).map((f) => f.label);
    out.push(`Focus order now: ${labels.join(", ")}`);
  }
  return out;
}

function diffResources(a: readonly PlanResource[], b: readonly PlanResource[]): string[] {
  const out: string[] = [];
  const before = new Map(a.map((r) => [resourceKey(r.name), r]));
  const afterKeys = new Set(b.map((r) => resourceKey(r.name)));
  for (const next of b) {
    const prev = before.get(resourceKey(next.name));
    if (!prev) {
      out.push(`Added resource: ${resourceTitle(next)}`);
      continue;
    }
    if (prev.kind !== next.kind) {
      out.push(`${next.name}: ${RESOURCE_KIND_LABELS[prev.kind].toLowerCase()} → ${RESOURCE_KIND_LABELS[next.kind].toLowerCase()}`);
    }
    if (prev.reason !== next.reason) out.push(`New reason for ${next.name}: “${excerpt(next.reason)}”`);
  }
  for (const prev of a) {
    if (!afterKeys.has(resourceKey(prev.name))) out.push(`Removed resource: ${resourceTitle(prev)}`);
  }
  return out;
}

function diffMilestones(a: readonly PlanMilestone[], b: readonly PlanMilestone[]): string[] {
  const out: string[] = [];
  const before = new Map(a.map((m) => [m.uid, m]));
  const afterUids = new Set(b.map((m) => m.uid));
  for (const next of sortMilestones(b)) {
    const prev = before.get(next.uid);
    const name = milestoneName(next);
    if (!prev) {
      out.push(`Added milestone: ${name} on ${formatDate(next.dueOn)}${instrumentSuffix(next)}`);
      continue;
    }
    if (prev.kind !== next.kind) out.push(`${milestoneName(prev)} is now a ${MILESTONE_KIND_NAMES[next.kind].toLowerCase()}`);
    if (prev.dueOn !== next.dueOn) out.push(`${name} moved ${dateMove(prev.dueOn, next.dueOn, false)}`);
    if (prev.instrumentId !== next.instrumentId) {
      out.push(`${name}: ${instrumentName(prev.instrumentId)} → ${instrumentName(next.instrumentId)}`);
    } else if (prev.label !== next.label && prev.kind === next.kind && next.kind !== "CUSTOM") {
      out.push(`${name} relabelled: ${prev.label} → ${next.label}`);
    }
  }
  for (const prev of sortMilestones(a)) {
    if (!afterUids.has(prev.uid)) out.push(`Removed milestone: ${milestoneName(prev)} (was ${formatDate(prev.dueOn)})`);
  }
  return out;
}

function diffMeasures(a: readonly PlanMeasure[], b: readonly PlanMeasure[]): string[] {
  const out: string[] = [];
  const key = (m: PlanMeasure) => m.title.trim().toLowerCase();
  const before = new Map(a.map((m) => [key(m), m]));
  const afterKeys = new Set(b.map(key));
  for (const next of b) {
    const prev = before.get(key(next));
    if (!prev) out.push(`Added measure: ${next.title}`);
    else if (prev.description !== next.description || prev.findingKind !== next.findingKind) out.push(`Updated measure: ${next.title}`);
  }
  for (const prev of a) {
    if (!afterKeys.has(key(prev))) out.push(`Removed measure: ${prev.title}`);
  }
  return out;
}

/**
 * Hours, rest day, then session changes. The same change on several days is
 * said once ("Morning (Mon–Fri): 2 → 3 timed blocks").
 */
function diffRhythm(
  a: Pick<PlanVersionData, "hoursPerDay" | "restDay" | "content">,
  b: Pick<PlanVersionData, "hoursPerDay" | "restDay" | "content">,
): string[] {
  const out: string[] = [];
  if (a.hoursPerDay !== b.hoursPerDay) out.push(`Study hours per day: ${a.hoursPerDay} → ${b.hoursPerDay}`);
  if (a.restDay !== b.restDay) out.push(`Rest day: ${weekdayName(a.restDay)} → ${weekdayName(b.restDay)}`);

  const groups = new Map<string, { slot: Slot; phrase: string; weekdays: number[] }>();
  for (const slot of SLOTS) {
    for (let weekday = 1; weekday <= 7; weekday += 1) {
      const prev = slotBlocks(a.content.rhythm, weekday, slot);
      const next = slotBlocks(b.content.rhythm, weekday, slot);
      for (let i = 0; i < Math.max(prev.length, next.length); i += 1) {
        for (const phrase of blockChanges(prev[i], next[i])) {
          const id = `${slot}\n${phrase}`;
          const group = groups.get(id) ?? { slot, phrase, weekdays: [] };
          if (!group.weekdays.includes(weekday)) group.weekdays.push(weekday);
          groups.set(id, group);
        }
      }
    }
  }
  for (const { slot, phrase, weekdays } of groups.values()) {
    if (weekdays.length === 1) {
      out.push(`${weekdayName(weekdays[0])} ${SLOT_LABELS[slot].toLowerCase()}: ${phrase}`);
    } else {
      out.push(`${SLOT_LABELS[slot]} (${dayList(weekdays)}): ${phrase}`);
    }
  }
  return out;
}

/** Phrases describing how one session changed; empty when it did not. */
function blockChanges(prev: PlanBlock | undefined, next: PlanBlock | undefined): string[] {
  if (!prev && !next) return [];
  if (!prev && next) return [`added ${ACTIVITY_LABELS[next.kind].toLowerCase()} (${next.minutes} min)`];
  if (prev && !next) return [`removed ${ACTIVITY_LABELS[prev.kind].toLowerCase()}`];
  if (!prev || !next) return [];
  if (prev.kind !== next.kind) return [`${ACTIVITY_LABELS[prev.kind].toLowerCase()} → ${ACTIVITY_LABELS[next.kind].toLowerCase()}`];
  const out: string[] = [];
  const noun = next.kind === "TIMED_BLOCKS" ? "timed blocks" : "blocks";
  if (prev.blockCount !== next.blockCount) out.push(`${prev.blockCount ?? 0} → ${next.blockCount ?? 0} ${noun}`);
  if (prev.blockMinutes !== next.blockMinutes || prev.itemsPerBlock !== next.itemsPerBlock) {
    out.push(`blocks of ${blockShape(prev)} → ${blockShape(next)}`);
  }
  if (prev.minutes !== next.minutes) out.push(`${prev.minutes} → ${next.minutes} min`);
  if (prev.description !== next.description && out.length === 0) out.push(`now “${excerpt(next.description)}”`);
  return out;
}

// ──────────────────────────────── helpers ──────────────────────────────────

function slotBlocks(rhythm: readonly RhythmDay[], weekday: number, slot: Slot): PlanBlock[] {
  return rhythm.find((d) => d.weekday === weekday)?.blocks.filter((b) => b.slot === slot) ?? [];
}

function blockShape(block: PlanBlock): string {
  return `${block.blockMinutes ?? "?"} min / ${block.itemsPerBlock ?? "?"} items`;
}

/** "from 14 Mar 2027 to 28 Mar 2027 (+14 days)"; the year only when asked or when it changes. */
function dateMove(from: IsoDate, to: IsoDate, withYear: boolean): string {
  const years = withYear || from.slice(0, 4) !== to.slice(0, 4);
  return `from ${formatDate(from, years)} to ${formatDate(to, years)} (${signedDays(daysBetween(from, to))})`;
}

function signedDays(days: number): string {
  return days > 0 ? `+${plural(days, "day")}` : `−${plural(Math.abs(days), "day")}`;
}

/** "Mon–Fri", "Mon, Wed, Fri", "Mon–Wed, Sat", "every day". */
export function dayList(weekdays: readonly number[]): string {
  const sorted = [...new Set(weekdays)].sort((x, y) => x - y);
  if (sorted.length === 7) return "every day";
  const runs: number[][] = [];
  for (const d of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === d - 1) run.push(d);
    else runs.push([d]);
  }
  const short = (d: number) => WEEKDAY_SHORT_NAMES[d - 1];
  return runs.flatMap((run) => (run.length >= 3 ? [`${short(run[0])}–${short(run[run.length - 1])}`] : run.map(short))).join(", ");
}

function resourceTitle(r: PlanResource): string {
  return r.kind === "TARGETED" ? r.name : `${r.name} (${RESOURCE_KIND_LABELS[r.kind].toLowerCase()})`;
}

function milestoneName(m: PlanMilestone): string {
  return m.kind === "CUSTOM" ? m.label : MILESTONE_KIND_NAMES[m.kind];
}

function instrumentName(id: PlanMilestone["instrumentId"]): string {
  return id === null ? "no instrument" : instrument(id).shortName;
}

function instrumentSuffix(m: PlanMilestone): string {
  return m.instrumentId === null ? "" : ` (${instrument(m.instrumentId).shortName})`;
}

function excerpt(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
