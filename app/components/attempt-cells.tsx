import { formatDate } from "#app/domain/dates";
import { ATTEMPT_OUTCOME_LABELS, type AttemptOutcome } from "#app/domain/vocabulary";

/** The date, outcome and score header cells of an attempt history table (`AttemptResultCells` fills them). */
export function AttemptResultHeaders() {
  return (
    <>
      <th scope="col">Date</th>
      <th scope="col">Outcome</th>
      <th scope="col">Score</th>
    </>
  );
}

/** One attempt's date, outcome and score cells; a missing score shows a dash. */
export function AttemptResultCells({
  attempt,
}: {
  attempt: { takenOn: Parameters<typeof formatDate>[0]; outcome: AttemptOutcome; score: number | null };
}) {
  return (
    <>
      <td>{formatDate(attempt.takenOn)}</td>
      <td>{ATTEMPT_OUTCOME_LABELS[attempt.outcome]}</td>
      <td>{attempt.score ?? "—"}</td>
    </>
  );
}
