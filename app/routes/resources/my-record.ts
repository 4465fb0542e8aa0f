import { requireRole } from "#app/auth/guards.server";
import { loadStudentRecord } from "#app/domain/records/student-record.server";
import type { Route } from "./+types/my-record";

/** The signed-in student's whole record as JSON, to keep or to take elsewhere. */
export async function loader(args: Route.LoaderArgs) {
  const { user } = requireRole(args, ["STUDENT"]);
  const record = await loadStudentRecord(user.id);
  return new Response(JSON.stringify(record, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="retake-desk-record-${record.generatedAt.slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
