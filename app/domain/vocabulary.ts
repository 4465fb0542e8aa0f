/**
 * The product's own vocabularies. The Prisma schema declares the same values as
 * enums; tests/vocabulary.test.ts keeps the two identical.
 */
export const ROLES = ["ADMIN", "ADVISOR", "TUTOR", "STUDENT"] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ["ADMIN", "ADVISOR", "TUTOR"] as const satisfies readonly Role[];
/** The school's academic-support office. */
export const OFFICE_ROLES = ["ADMIN", "ADVISOR"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Administrator",
  ADVISOR: "Advisor",
  TUTOR: "Tutor",
  STUDENT: "Student",
};

export const ATTEMPT_OUTCOMES = ["PASS", "FAIL", "INCOMPLETE"] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];
export const ATTEMPT_OUTCOME_LABELS: Record<AttemptOutcome, string> = {
  PASS: "Pass",
  FAIL: "Fail",
  INCOMPLETE: "Incomplete (no result)",
};

export const CASE_STATUSES = ["INTAKE", "DIAGNOSING", "PLANNING", "ACTIVE", "READY", "CLOSED"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  INTAKE: "Intake",
  DIAGNOSING: "Diagnosing",
  PLANNING: "Planning",
  ACTIVE: "Active plan",
  READY: "Ready",
  CLOSED: "Closed",
};

export const CASE_OUTCOMES = ["PASSED", "WITHDRAWN", "INELIGIBLE"] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  PASSED: "Passed",
  WITHDRAWN: "Withdrawn",
  INELIGIBLE: "Ineligible",
};

export const BANDS = ["LOWER", "BORDERLINE", "SAME", "HIGHER"] as const;
export type Band = (typeof BANDS)[number];
export const BAND_LABELS: Record<Band, string> = {
  LOWER: "Lower",
  BORDERLINE: "Borderline",
  SAME: "Same",
  HIGHER: "Higher",
};
/** Current reports print Lower / Same / Higher; legacy ones Lower / Borderline / Higher. */
export const BAND_SCALES = {
  CURRENT: ["LOWER", "SAME", "HIGHER"],
  LEGACY: ["LOWER", "BORDERLINE", "HIGHER"],
} as const satisfies Record<string, readonly Band[]>;
export type BandScale = keyof typeof BAND_SCALES;

export const REFERENCE_GROUPS = ["OWN_OVERALL", "LOW_PASS", "BORDERLINE_REGION"] as const;
export type ReferenceGroup = (typeof REFERENCE_GROUPS)[number];
export const REFERENCE_GROUP_LABELS: Record<ReferenceGroup, string> = {
  OWN_OVERALL: "Own overall performance",
  LOW_PASS: "Examinees who barely passed",
  BORDERLINE_REGION: "Borderline region (legacy)",
};

export const VISIBILITIES = ["PRIVATE", "OFFICE", "STUDENT"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  PRIVATE: "Private to me",
  OFFICE: "Shared with the office",
  STUDENT: "Shared with the student",
};

export const FINDING_FAMILIES = ["CONTENT", "STRATEGY", "METHOD", "EXTERNAL"] as const;
export type FindingFamily = (typeof FINDING_FAMILIES)[number];
export const FINDING_FAMILY_LABELS: Record<FindingFamily, string> = {
  CONTENT: "Content gap",
  STRATEGY: "Test-taking strategy",
  METHOD: "Study method",
  EXTERNAL: "External factor",
};

export const FINDING_KINDS = {
  CONTENT_GAP: { family: "CONTENT", label: "Content gap", sensitive: false },
  MISREADING: { family: "STRATEGY", label: "Misreading question stems", sensitive: false },
  REASONING: { family: "STRATEGY", label: "Clinical reasoning errors", sensitive: false },
  TIMING: { family: "STRATEGY", label: "Timing and pacing", sensitive: false },
  STAMINA: { family: "STRATEGY", label: "Stamina over a full exam day", sensitive: false },
  PASSIVE_REVIEW: { family: "METHOD", label: "Passive review instead of active recall", sensitive: false },
  QBANK_VOLUME: { family: "METHOD", label: "Question bank used for volume, not review", sensitive: false },
  NO_SIMULATION: { family: "METHOD", label: "No full-length timed simulation", sensitive: false },
  RESOURCE_OVERLOAD: { family: "METHOD", label: "Resource overload", sensitive: false },
  RESOURCE_MISMATCH: { family: "METHOD", label: "Resource mismatch", sensitive: false },
  TEST_ANXIETY: { family: "EXTERNAL", label: "Test-day anxiety", sensitive: true },
  SLEEP_WELLBEING: { family: "EXTERNAL", label: "Sleep and well-being", sensitive: true },
  HEALTH: { family: "EXTERNAL", label: "Health", sensitive: true },
  FAMILY: { family: "EXTERNAL", label: "Family", sensitive: true },
  FINANCES: { family: "EXTERNAL", label: "Finances", sensitive: true },
  CLERKSHIP_LOAD: { family: "EXTERNAL", label: "Clerkship load", sensitive: false },
  VISA_TIMELINE: { family: "EXTERNAL", label: "Visa or timeline pressure", sensitive: false },
} as const satisfies Record<string, { family: FindingFamily; label: string; sensitive: boolean }>;
export type FindingKind = keyof typeof FINDING_KINDS;
export const FINDING_KIND_IDS = Object.keys(FINDING_KINDS) as FindingKind[];

export const ESCALATION_STATUSES = ["OPEN", "ACKNOWLEDGED", "IN_PROGRESS", "RESOLVED"] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export const ESCALATION_STATUS_LABELS: Record<EscalationStatus, string> = {
  OPEN: "Open",
  ACKNOWLEDGED: "Acknowledged",
  IN_PROGRESS: "In progress",
  RESOLVED: "Resolved",
};

export const ESCALATION_TRIGGERS = ["SECOND_FAILURE", "THIRD_FAILURE", "MANUAL"] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

export const ESCALATION_ACTIONS = {
  ACADEMIC_SUPPORT_REFERRAL: "Academic-support referral",
  LEARNING_EVALUATION: "Evaluation for learning differences or attention",
  COUNSELLING: "Counselling referral",
  ACCOMMODATION_REQUEST: "Accommodation request",
  LEAVE_OF_ABSENCE: "Leave of absence",
  PLAN_REBUILD: "Plan rebuild",
  COMMITTEE_REFERRAL: "Committee referral",
} as const;
export type EscalationAction = keyof typeof ESCALATION_ACTIONS;

export const ACCOMMODATION_STATUSES = ["NONE", "REQUESTED", "GRANTED", "DENIED"] as const;
export type AccommodationStatus = (typeof ACCOMMODATION_STATUSES)[number];
export const ACCOMMODATION_STATUS_LABELS: Record<AccommodationStatus, string> = {
  NONE: "None",
  REQUESTED: "Requested",
  GRANTED: "Granted",
  DENIED: "Denied",
};

export const RISK_LEVELS = ["LOW", "MODERATE", "HIGH", "CRITICAL"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  LOW: "Low",
  MODERATE: "Moderate",
  HIGH: "High",
  CRITICAL: "Critical",
};

export const POLICY_CONSEQUENCES = {
  NONE: "No formal action",
  WARNING: "Academic warning",
  PROBATION: "Academic probation",
  COMMITTEE_REVIEW: "Committee review",
  LEAVE: "Required leave",
  DISMISSAL_REVIEW: "Dismissal review",
} as const;
export type PolicyConsequence = keyof typeof POLICY_CONSEQUENCES;

export const MILESTONE_KINDS = ["BASELINE", "MIDPOINT", "FINAL", "CUSTOM"] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
