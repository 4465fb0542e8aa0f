import { stringify } from "csv-stringify/sync";
import { CASELOAD_COLUMNS, DEFAULT_HIDDEN_FOR_TUTOR, parseCaseloadParams, parseHiddenColumns } from "../../domain/cases/caseload";
import { type CaseloadRow, loadCaseload } from "../../domain/cases/caseload.server";
import { today } from "../../domain/dates";
import { examLabel } from "../../domain/reference";
import { CASE_STATUS_LABELS, RISK_LEVEL_LABELS } from "../../domain/vocabulary";
import { requireCaseloadScope } from "../../utils/auth.server";
import { readHiddenColumns } from "../../utils/preferences.server";
import type { Route } from "./+types/cases-export";

const CELLS: Record<(typeof CASELOAD_COLUMNS)[number]["id"], (row: CaseloadRow) => Array<[string, string | number | null]>> = {
  student: (r) => [
    ["Student", r.studentName],
    ["Email", r.studentEmail],
  ],
  exam: (r) => [["Exam", examLabel(r.exam)]],
  status: (r) => [["Status", CASE_STATUS_LABELS[r.status]]],
  tutor: (r) => [["Tutor", r.tutorName]],
  attempts: (r) => [
    ["Attempts used", r.attemptsUsed],
    ["Attempts left", r.attemptsLeft],
  ],
  daysToExam: (r) => [
    ["Exam date", r.targetExamDate],
    ["Days to exam", r.daysToExam],
  ],
  practice: (r) => [
    ["Latest practice instrument", r.practice?.instrument ?? null],
    ["Latest practice score", r.practice ? Math.round(r.practice.score * 10) / 10 : null],
    ["Latest practice date", r.practice?.on ?? null],
    ["Trend per week", r.practice?.trendPerWeek === null || r.practice === null ? null : Math.round(r.practice.trendPerWeek * 10) / 10],
  ],
  readiness: (r) => [["Readiness", r.readinessMet === null ? null : r.readinessMet ? "Met" : "Not met"]],
  risk: (r) => [["Risk", r.riskLevel ? RISK_LEVEL_LABELS[r.riskLevel] : null]],
  escalations: (r) => [["Open escalations", r.openEscalations]],
  lastContact: (r) => [["Days since contact", r.daysSinceContact]],
};

/** The current filtered view of the caseload (all pages), with the columns the person shows. */
export async function loader(args: Route.LoaderArgs) {
  const { scope, isOffice } = requireCaseloadScope(args);
  const params = parseCaseloadParams(new URL(args.request.url).searchParams);
  const hidden = parseHiddenColumns(await readHiddenColumns(args.request), isOffice ? [] : DEFAULT_HIDDEN_FOR_TUTOR);
  const { rows } = await loadCaseload(scope, params, today(), { all: true });
  const visible = CASELOAD_COLUMNS.filter((c) => !hidden.includes(c.id)).map((c) => CELLS[c.id]);
  const header = visible.flatMap((cells) => cells(rows[0] ?? ({} as CaseloadRow)).map(([name]) => name));
  const body = rows.map((row) => visible.flatMap((cells) => cells(row).map(([, value]) => value ?? "")));
  const csv = stringify([header, ...body]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="caseload-${today()}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
