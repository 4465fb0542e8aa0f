import { stringify } from "csv-stringify/sync";
import { requireRole } from "#app/auth/guards.server";
import { parseAccessLogFilter } from "#app/domain/audit/access-log";
import { accessLogCsvRows, exportAccessLog } from "#app/domain/audit/access-log.server";
import { today } from "#app/domain/dates";
import { noteRecordsRead } from "#app/utils/access-log.server";
import type { Route } from "./+types/access-log-export";

/** /admin/access-log.csv — the access log as the page filters it (every page), for the school's administrators. */
export async function loader(args: Route.LoaderArgs) {
  const { schoolIds } = requireRole(args, ["ADMIN"]);
  const filter = parseAccessLogFilter(new URL(args.request.url).searchParams);
  const { entries, truncated } = await exportAccessLog(schoolIds, filter);
  noteRecordsRead(
    args.context,
    entries.flatMap((e) => (e.studentId ? [{ studentId: e.studentId }] : [])),
    `Access log export (CSV), ${entries.length} entries`,
  );
  const rows = accessLogCsvRows(entries);
  if (truncated) rows.push([`Only the newest ${entries.length} entries are exported: narrow the dates to export the others.`]);
  return new Response(stringify(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="access-log-${today()}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
