/**
 * Plain data for showing a diagnosis outside the Diagnostics tab's staff view:
 * the student's reading of their score report, and the short summary the case
 * overview shows. Pure and serializable.
 */
import { contentArea } from "#app/domain/reference";
import { joinWords } from "#app/domain/text";
import type { Band, ReferenceGroup } from "#app/domain/vocabulary";
import { bandLevel, CHARACTER_LABELS, type Character, type DiagnosisAnalysis, isStrongBand, isWeakBand } from "./analysis";
import { studentCharacterSummary } from "./student-view";

// ---------------------------------------------------------------------------
// The student's reading of the score report
// ---------------------------------------------------------------------------

export interface StudentAreaGroup {
  key: "FOCUS" | "STEADY" | "STRENGTH";
  title: string;
  text: string;
  areas: string[];
}

const COMPARED_WITH: Record<ReferenceGroup, string> = {
  OWN_OVERALL: "your own overall performance on the exam",
  LOW_PASS: "examinees who just passed",
  BORDERLINE_REGION: "the borderline region between passing and not passing",
};

/**
 * The report's areas in plain words: where the plan starts, what is holding
 * steady, and the strengths to build on. Areas not on the report are left out.
 */
export function studentReportGroups(areas: readonly { contentAreaId: string; band: Band; referenceGroup: ReferenceGroup }[]): {
  intro: string;
  groups: StudentAreaGroup[];
} {
  const name = (id: string) => contentArea(id)?.name ?? null;
  const pick = (inGroup: (band: Band) => boolean) =>
    areas
      .filter((a) => inGroup(a.band))
      .map((a) => name(a.contentAreaId))
      .filter((n): n is string => n !== null);
  const groups: StudentAreaGroup[] = [
    {
      key: "FOCUS" as const,
      title: "Where your plan starts",
      text: "These subjects came out below the comparison group. They are the clearest place to gain points, so your plan puts them first.",
      areas: pick(isWeakBand),
    },
    {
      key: "STEADY" as const,
      title: "Holding steady",
      text: "These were about level with the comparison group. Regular practice keeps them there while you work on the first group.",
      areas: pick((band) => bandLevel(band) === 1),
    },
    {
      key: "STRENGTH" as const,
      title: "Strengths to build on",
      text: "These came out above the comparison group: solid ground you can rely on.",
      areas: pick(isStrongBand),
    },
  ].filter((g) => g.areas.length > 0);
  const referenceGroups = [...new Set(areas.map((a) => a.referenceGroup))];
  const intro =
    areas.length === 0
      ? "Your tutor has not entered your score report yet."
      : `Your score report compares each subject with ${joinWords(referenceGroups.map((g) => COMPARED_WITH[g]))}.`;
  return { intro, groups };
}

// ---------------------------------------------------------------------------
// The overview's summary
// ---------------------------------------------------------------------------

/** What `DiagnosisSummary` renders: serializable, already filtered for its viewer. */
export interface DiagnosisSummaryData {
  caseId: string;
  audience: "STAFF" | "STUDENT";
  /** The attempt whose report is summarised, or null when none is entered yet. */
  report: { takenOn: string; reported: number; lower: number } | null;
  character: { key: Character; label: string; text: string };
  /** Up to three Lower areas, heaviest first. */
  focus: string[];
  /** Staff only: how much of the exam the Lower areas cover and the distance from passing. */
  magnitude: string | null;
  /** Staff only: the change since the previous report. */
  comparison: string | null;
  /** Staff only: areas Lower on both reports (the escalation signal). */
  persisting: string[];
  /** Findings the viewer sees in full, and sensitive ones they see only as present. */
  findings: { shown: number; presentOnly: number };
  href: string;
}

export function buildDiagnosisSummary(input: {
  caseId: string;
  audience: "STAFF" | "STUDENT";
  analysis: DiagnosisAnalysis;
  report: { takenOn: string } | null;
  findings: { shown: number; presentOnly: number };
}): DiagnosisSummaryData {
  const { analysis, audience } = input;
  const { character } = analysis;
  const staff = audience === "STAFF";
  const lastReason = character.reasons[character.reasons.length - 1] ?? "";
  return {
    caseId: input.caseId,
    audience,
    report: input.report ? { takenOn: input.report.takenOn, reported: analysis.magnitude.reported, lower: analysis.magnitude.lower } : null,
    character: {
      key: character.character,
      label: CHARACTER_LABELS[character.character],
      text: staff ? lastReason : studentCharacterSummary(character.character, character.families),
    },
    focus: analysis.weakestAreas
      .filter((a) => isWeakBand(a.band))
      .slice(0, 3)
      .map((a) => a.name),
    magnitude: staff && input.report ? analysis.magnitude.summary : null,
    comparison: staff ? (analysis.comparison?.summary ?? null) : null,
    persisting: staff ? (analysis.comparison?.persistingWeakAreas.map((a) => a.name) ?? []) : [],
    findings: input.findings,
    href: `/cases/${input.caseId}/diagnostics`,
  };
}
