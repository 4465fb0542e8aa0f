import { formatDate } from "../../../domain/dates";
import { examLabel } from "../../../domain/reference";
import { ATTEMPT_OUTCOME_LABELS } from "../../../domain/vocabulary";
import { requireCaseAccess } from "../../../utils/auth.server";
import { prisma } from "../../../utils/db.server";
import type { Route } from "./+types/overview";

export async function loader(args: Route.LoaderArgs) {
  const access = await requireCaseAccess(args, args.params.caseId);
  const attempts = await prisma.examAttempt.findMany({
    where: { studentId: access.caseRow.studentId },
    select: { id: true, exam: true, takenOn: true, outcome: true, score: true },
    orderBy: [{ takenOn: "asc" }],
  });
  return { attempts };
}

export default function Overview({ loaderData }: Route.ComponentProps) {
  return (
    <section aria-labelledby="attempts-heading" className="card">
      <h2 id="attempts-heading">Attempt history</h2>
      <table className="data-table mt-3">
        <thead>
          <tr>
            <th scope="col">Exam</th>
            <th scope="col">Date</th>
            <th scope="col">Result</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {loaderData.attempts.map((a) => (
            <tr key={a.id}>
              <td>{examLabel(a.exam)}</td>
              <td>{formatDate(a.takenOn)}</td>
              <td>{ATTEMPT_OUTCOME_LABELS[a.outcome]}</td>
              <td>{a.score ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
