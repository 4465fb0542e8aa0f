import { describe, expect, it } from "vitest";
import { EXAM_IDS } from "#app/domain/reference";
import { DIMENSIONS } from "#app/domain/reference/content-areas";
import {
  ACCOMMODATION_STATUSES,
  ATTEMPT_OUTCOMES,
  BAND_SCALES,
  BANDS,
  CASE_OUTCOMES,
  CASE_STATUSES,
  ESCALATION_STATUSES,
  ESCALATION_TRIGGERS,
  FINDING_FAMILIES,
  MILESTONE_KINDS,
  REFERENCE_GROUPS,
  RISK_LEVELS,
  ROLES,
  VISIBILITIES,
} from "#app/domain/vocabulary";
import * as enums from "#generated/prisma/enums";

const pairs: Array<[string, Record<string, string>, readonly string[]]> = [
  ["Role", enums.Role, ROLES],
  ["Exam", enums.Exam, EXAM_IDS],
  ["AttemptOutcome", enums.AttemptOutcome, ATTEMPT_OUTCOMES],
  ["CaseStatus", enums.CaseStatus, CASE_STATUSES],
  ["CaseOutcome", enums.CaseOutcome, CASE_OUTCOMES],
  ["Band", enums.Band, BANDS],
  ["BandScale", enums.BandScale, Object.keys(BAND_SCALES)],
  ["ReferenceGroup", enums.ReferenceGroup, REFERENCE_GROUPS],
  ["Dimension", enums.Dimension, DIMENSIONS],
  ["Visibility", enums.Visibility, VISIBILITIES],
  ["FindingFamily", enums.FindingFamily, FINDING_FAMILIES],
  ["AccommodationStatus", enums.AccommodationStatus, ACCOMMODATION_STATUSES],
  ["MilestoneKind", enums.MilestoneKind, MILESTONE_KINDS],
  ["EscalationStatus", enums.EscalationStatus, ESCALATION_STATUSES],
  ["EscalationTrigger", enums.EscalationTrigger, ESCALATION_TRIGGERS],
  ["RiskLevel", enums.RiskLevel, RISK_LEVELS],
];

describe("vocabularies", () => {
  it.each(pairs)("the Prisma enum %s has exactly the domain's values", (_name, prismaEnum, domain) => {
    expect(Object.values(prismaEnum).sort()).toEqual([...domain].sort());
  });
});
