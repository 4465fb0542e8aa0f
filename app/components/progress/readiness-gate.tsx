/**
 * The school's readiness gate for one case: met or not, how far, and each
 * rule with its numbers (evaluateReadiness in app/domain/trajectory/readiness.ts).
 */

import { ReadinessBadge } from "#app/components/badges";
import { sentence } from "#app/domain/text";
import type { ReadinessResult, ReadinessRuleId } from "#app/domain/trajectory/readiness";

const RULE_LABELS: Record<ReadinessRuleId, string> = {
  LIKELY_RANGE_ABOVE_LOW_PASS: "Recent CBSSAs clear the low-pass band",
  LIKELY_RANGE_WITHIN_OR_ABOVE_LOW_PASS: "Recent CBSSAs reach the low-pass band",
  THREE_DIGIT_STANDARD_PLUS_MARGIN: "A recent three-digit score at passing plus the margin",
};

export function ReadinessGatePanel({
  readiness,
  forStudent = false,
  headingId = "readiness-heading",
}: {
  readiness: ReadinessResult;
  forStudent?: boolean;
  headingId?: string;
}) {
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{forStudent ? "Your school's readiness check" : "Readiness gate"}</h2>
      {!readiness.applicable ? (
        <p className="mt-2 text-sm text-slate-700">{readiness.summary}</p>
      ) : (
        <>
          <p className="mt-2 flex flex-wrap items-center gap-2" data-testid="readiness-status">
            <ReadinessBadge met={readiness.met} />
            {readiness.met ? null : <span className="text-sm text-slate-800">{readiness.howFar}</span>}
          </p>
          {forStudent ? (
            <p className="hint">
              {readiness.met
                ? "Your recent scores meet your school's check. Keep your rhythm going up to the exam."
                : "This is a check, not a verdict: each practice exam you log moves it. Your tutor will go through it with you."}
            </p>
          ) : null}
          <ul className="mt-3 space-y-2 text-sm" data-testid="readiness-rules">
            {readiness.rules.map((rule) => (
              <li key={rule.rule} className="rounded-md border border-slate-200 p-2">
                <p className="font-medium">
                  {RULE_LABELS[rule.rule]}:{" "}
                  <span className={rule.met ? "text-emerald-800" : "text-amber-900"}>{rule.met ? "met" : "not met"}</span>
                </p>
                <p className="text-slate-700">{sentence(rule.detail)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
