import { stringify } from "csv-stringify/sync";
import { requireCaseloadScope } from "#app/auth/guards.server";
import {
  caseloadExportTable,
  DEFAULT_HIDDEN_FOR_TUTOR,
  describeCaseloadFilter,
  hiddenColumns,
  parseCaseloadParams,
} from "#app/domain/cases/caseload";
import { loadCaseload } from "#app/domain/cases/caseload.server";
import { today } from "#app/domain/dates";
import { noteRecordsRead } from "#app/utils/access-log.server";
import { readHiddenColumns } from "#app/utils/preferences.server";
import type { Route } from "./+types/cases-export";

/** The current filtered view of the caseload (all pages), with the columns the person shows; an empty view is just the header. */
export async function loader(args: Route.LoaderArgs) {
  const { scope, isOffice } = requireCaseloadScope(args);
  const params = parseCaseloadParams(new URL(args.request.url).searchParams);
  const hidden = hiddenColumns(params, await readHiddenColumns(args.request), isOffice ? [] : DEFAULT_HIDDEN_FOR_TUTOR);
  const on = today();
  const { rows } = await loadCaseload(scope, params, on, { all: true });
  noteRecordsRead(
    args.context,
    rows.map((r) => ({ caseId: r.id })),
    `Caseload export (CSV), ${rows.length} ${rows.length === 1 ? "case" : "cases"}: ${describeCaseloadFilter(params)}`,
  );
  return new Response(stringify(caseloadExportTable(rows, hidden)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="caseload-${on}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
