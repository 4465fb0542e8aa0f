/**
 * The plan version a postponement proposes: the same plan with the new exam
 * date, its milestones re-spaced by the plan's own rule (`plans/respace.ts`:
 * past ones stay, the standard ones go where a plan for the new dates puts
 * them, the tutor's own keep their distance to the exam) and its rhythm
 * rebuilt for the test-day format on that date (the plan editor's own
 * `versionFromEditor`, which validates the whole version).
 */
import type { IsoDate } from "#app/domain/dates";
import { editorValues, versionFromEditor } from "#app/domain/plans/editor";
import { respaceMilestones } from "#app/domain/plans/respace";
import type { PlanVersionData } from "#app/domain/plans/schema";
import type { RetakeExamId } from "#app/domain/reference";

type RespaceResult = { ok: true; data: PlanVersionData } | { ok: false; errors: string[] };

/** The current version moved to `toExamDate`, validated as a whole like an edited plan. */
export function respacedVersion(exam: RetakeExamId, current: PlanVersionData, toExamDate: IsoDate, today: IsoDate): RespaceResult {
  const values = editorValues(current);
  const before = { startDate: current.startDate, examDate: current.examDate, restDay: current.restDay };
  const { milestones } = respaceMilestones({ milestones: values.milestones, before, after: { ...before, examDate: toExamDate }, today });
  const built = versionFromEditor(exam, { ...values, examDate: toExamDate, milestones });
  if (built.ok) return built;
  return { ok: false, errors: [...new Set(Object.values(built.fieldErrors).flat())] };
}
