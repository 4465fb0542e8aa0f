import { parseWithZod } from "@conform-to/zod/v4";
import { Link, redirect, useNavigation } from "react-router";
import { notUnderstood, refusalPage, reply } from "#app/actions/reply";
import { requireCaseloadScope } from "#app/auth/guards.server";
import { CaseloadFilters, ColumnChooser } from "#app/components/caseload/caseload-filters";
import { CaseloadTable } from "#app/components/caseload/caseload-table";
import { SavedViews } from "#app/components/caseload/saved-views";
import { Pager } from "#app/components/pager";
import {
  CASELOAD_COLUMNS,
  caseloadSearch,
  DEFAULT_HIDDEN_FOR_TUTOR,
  describeCaseloadFilter,
  hasFilters,
  hiddenColumns,
  parseCaseloadParams,
} from "#app/domain/cases/caseload";
import { loadCaseload } from "#app/domain/cases/caseload.server";
import { deleteViewSchema, saveViewSchema } from "#app/domain/cases/saved-views";
import { deleteView, loadSavedViews, saveView } from "#app/domain/cases/saved-views.server";
import { today } from "#app/domain/dates";
import { plural } from "#app/domain/text";
import { noteRecordsRead } from "#app/utils/access-log.server";
import { caseloadColumnsCookie, readHiddenColumns } from "#app/utils/preferences.server";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/index";

export async function loader(args: Route.LoaderArgs) {
  const { user, scope, isOffice } = requireCaseloadScope(args);
  const url = new URL(args.request.url);
  const asked = parseCaseloadParams(url.searchParams);
  const hidden = hiddenColumns(asked, await readHiddenColumns(args.request), isOffice ? [] : DEFAULT_HIDDEN_FOR_TUTOR);
  const [page, views] = await Promise.all([loadCaseload(scope, asked, today()), loadSavedViews(user.id)]);
  // A page past the end shows the last page, and says so.
  const params = { ...asked, page: page.page };
  noteRecordsRead(
    args.context,
    page.rows.map((r) => ({ caseId: r.id })),
    `Caseload, page ${params.page}: ${describeCaseloadFilter(params)}`,
  );
  return { ...page, params, hidden, isOffice, search: url.search, views, viewSearch: caseloadSearch({ ...params, hide: hidden }) };
}

export async function action(args: Route.ActionArgs) {
  const { user } = requireCaseloadScope(args);
  const form = await args.request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "columns") {
    const shown = new Set(form.getAll("show").map(String));
    const hidden = CASELOAD_COLUMNS.filter((c) => c.hideable && !shown.has(c.id)).map((c) => c.id);
    const back = String(form.get("search") ?? "");
    const params = parseCaseloadParams(new URLSearchParams(back.startsWith("?") ? back.slice(1) : ""));
    // The choice goes in the URL (a link shows what its sender saw) and is remembered as this browser's default.
    return redirect(`/cases${caseloadSearch(params, { hide: hidden })}`, {
      headers: { "Set-Cookie": await caseloadColumnsCookie.serialize(hidden.join(",")) },
    });
  }
  if (intent === "save-view") {
    const submission = parseWithZod(form, { schema: saveViewSchema });
    if (submission.status !== "success") return reply({ intent, submission });
    const saved = await saveView({ userId: user.id, name: submission.value.name, search: submission.value.search });
    if (!saved.ok) return reply({ intent, submission }, saved);
    return redirectWithToast(`/cases${saved.search}`, { title: `View “${submission.value.name}” saved` });
  }
  if (intent === "delete-view") {
    const parsed = deleteViewSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) notUnderstood();
    const deleted = await deleteView({ userId: user.id, viewId: parsed.data.viewId });
    if (!deleted.ok) refusalPage(deleted);
    return redirectWithToast("/cases", { title: "View deleted" });
  }
  notUnderstood();
}

export function meta() {
  return [{ title: "Caseload · Retake Desk" }];
}

export default function Caseload({ loaderData, actionData }: Route.ComponentProps) {
  const { rows, total, pageCount, params, hidden, isOffice, search, views, viewSearch } = loaderData;
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location?.pathname === "/cases";
  const filtered = hasFilters(params);
  const first = total === 0 ? 0 : (params.page - 1) * params.size + 1;
  const last = Math.min(total, params.page * params.size);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1>{isOffice ? "All cases" : "Your caseload"}</h1>
          <p className="text-sm text-slate-600" aria-live="polite">
            {busy ? "Updating…" : `${plural(total, "case")}${filtered ? " match" : ""}`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a className="btn-secondary" href={`/cases/export.csv${search}`} download>
            Export CSV
          </a>
          <Link className="btn-secondary" to="/queue">
            Intake queue
          </Link>
        </div>
      </div>

      <CaseloadFilters params={params} filtered={filtered} />
      <ColumnChooser hidden={hidden} viewSearch={viewSearch} />

      <SavedViews views={views} search={viewSearch} lastResult={actionData?.intent === "save-view" ? actionData.result : null} />

      {total === 0 ? (
        <div className="card text-slate-700">
          {filtered ? (
            <p>
              No cases match these filters. <Link to="/cases">Clear the filters</Link> to see every open case.
            </p>
          ) : isOffice ? (
            <p>
              No open cases. When a student fails an exam, <Link to="/attempts/new">record the attempt</Link> and a case opens in the intake
              queue.
            </p>
          ) : (
            <p>
              You have no cases yet. Take one on from the <Link to="/queue">intake queue</Link>.
            </p>
          )}
        </div>
      ) : (
        <div className={`card overflow-x-auto p-0 sm:p-0 ${busy ? "opacity-60" : ""}`}>
          <CaseloadTable rows={rows} params={params} hidden={hidden} />
        </div>
      )}

      {total > 0 ? (
        <Pager
          page={params.page}
          pageCount={pageCount}
          href={(page) => caseloadSearch(params, { page }) || "/cases"}
          summary={`Showing ${first}–${last} of ${total} · page ${params.page} of ${pageCount}`}
          preventScrollReset
        />
      ) : null}
    </div>
  );
}
