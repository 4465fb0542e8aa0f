/**
 * The trajectory risk flags of a case with their reasons: a
 * projection below passing, a gap in practice exams, a missed milestone, the
 * gate unmet near the exam. Students read the same facts with a next step.
 */

import { RiskBadge } from "#app/components/badges";
import { type RiskFlag, SEVERITY_LEVEL } from "#app/domain/risk/engine";
import { TRAJECTORY_RISK_LABELS, type TrajectoryRiskCode } from "#app/domain/trajectory/risks";

const STUDENT_LABELS: Record<TrajectoryRiskCode, string> = {
  PROJECTION_BELOW_PASSING: "Your trend is not yet where it needs to be by the exam",
  LATEST_BELOW_PASSING: "Your latest practice score is not yet where it needs to be",
  PRACTICE_GAP: "It has been a while since your last practice exam",
  MILESTONE_MISSED: "A practice-exam milestone has no score yet",
  GATE_UNMET_NEAR_EXAM: "The readiness check is not met yet, and the exam is close",
};

const NEXT_STEPS: Record<TrajectoryRiskCode, string> = {
  PROJECTION_BELOW_PASSING:
    "Next step: go through your latest report with your tutor and choose the areas to focus on; every practice exam updates this projection.",
  LATEST_BELOW_PASSING:
    "Next step: go through this report with your tutor; a few more practice exams will show your trend, and each one updates this.",
  PRACTICE_GAP: "Next step: schedule your next practice exam and log the score here when you have it.",
  MILESTONE_MISSED: "Next step: if you took it, log it here and link it to the milestone; if not, plan it with your tutor.",
  GATE_UNMET_NEAR_EXAM:
    "Next step: talk with your tutor about keeping or moving your exam date. Moving it to prepare more is a normal, sensible choice.",
};

const isTrajectoryCode = (code: string): code is TrajectoryRiskCode => code in TRAJECTORY_RISK_LABELS;

export function TrajectoryRisksPanel({
  flags,
  forStudent = false,
  headingId = "trajectory-risks-heading",
}: {
  flags: readonly RiskFlag[];
  forStudent?: boolean;
  headingId?: string;
}) {
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{forStudent ? "What your practice exams are telling us" : "Trajectory risks"}</h2>
      {flags.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          {forStudent
            ? "Nothing to flag on your practice exams right now. Keep logging your scores as you take them."
            : "No trajectory risk flagged: the practice scores logged so far, their projection, the practice rhythm, the milestones and the gate raise none."}
        </p>
      ) : (
        <ul className="mt-3 space-y-3 text-sm" data-testid="trajectory-risks">
          {flags.map((flag) => {
            const code = isTrajectoryCode(flag.code) ? flag.code : null;
            return (
              <li key={`${flag.code}-${flag.origin ?? flag.reason}`} className="rounded-md border border-slate-200 p-2">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {forStudent ? null : <RiskBadge level={SEVERITY_LEVEL[flag.severity]} />}
                  <span>{code ? (forStudent ? STUDENT_LABELS[code] : TRAJECTORY_RISK_LABELS[code]) : flag.code}</span>
                </p>
                <p className="mt-1 text-slate-700">{flag.reason}</p>
                {forStudent && code ? <p className="mt-1 text-slate-800">{NEXT_STEPS[code]}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
