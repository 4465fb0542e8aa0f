import { Form, Link } from "react-router";
import { requireRole } from "#app/auth/guards.server";
import { Pager } from "#app/components/pager";
import { ScrollRegion } from "#app/components/scroll-region";
import { TableHead } from "#app/components/table-head";
import { accessLogSearch, parseAccessLogFilter } from "#app/domain/audit/access-log";
import { loadAccessLog } from "#app/domain/audit/access-log.server";
import { plural } from "#app/domain/text";
import { noteRecordsRead } from "#app/utils/access-log.server";
import type { Route } from "./+types/access-log";

/** Staff reads of students' records (who, whose, when, what), for the school's administrators. */
export async function loader(args: Route.LoaderArgs) {
  const { schoolIds } = requireRole(args, ["ADMIN"]);
  const filter = parseAccessLogFilter(new URL(args.request.url).searchParams);
  const log = await loadAccessLog(schoolIds, filter);
  // The log names the students whose records were read: reading it is a read too.
  noteRecordsRead(
    args.context,
    log.entries.flatMap((e) => (e.studentId ? [{ studentId: e.studentId }] : [])),
    `Access log, page ${log.page}`,
  );
  return { ...log, filter };
}

export function meta() {
  return [{ title: "Access log · Retake Desk" }];
}

const when = (iso: string) => iso.slice(0, 16).replace("T", " ");

export default function AccessLog({ loaderData }: Route.ComponentProps) {
  const { entries, total, page, pageCount, filter } = loaderData;
  const filtered = Boolean(filter.person || filter.student || filter.from || filter.to);
  return (
    <div className="space-y-4">
      <h1>Access log</h1>
      <p className="text-slate-700">
        Every time a staff member reads a student's record — a case's pages, its print view or calendar, a list or an export naming students
        — one entry is recorded here, however the page was opened. Students' own visits are not logged.
      </p>
      <Form method="get" role="search" aria-label="Filter the access log" className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="person" className="label">
            Staff member (name or email)
          </label>
          <input id="person" name="person" type="search" defaultValue={filter.person} className="input" />
        </div>
        <div>
          <label htmlFor="student" className="label">
            Student (name or email)
          </label>
          <input id="student" name="student" type="search" defaultValue={filter.student} className="input" />
        </div>
        <div>
          <label htmlFor="from" className="label">
            From (UTC)
          </label>
          <input id="from" name="from" type="date" defaultValue={filter.from} className="input" />
        </div>
        <div>
          <label htmlFor="to" className="label">
            To (UTC)
          </label>
          <input id="to" name="to" type="date" defaultValue={filter.to} className="input" />
        </div>
        <button type="submit" className="btn-secondary">
          Filter
        </button>
        {filtered ? <Link to="/admin/access-log">Clear the filter</Link> : null}
      </Form>
      <p>
        <a href={`/admin/access-log.csv${accessLogSearch(filter)}`} download className="btn-secondary">
          Export {filtered ? "these entries" : "the log"} (CSV)
        </a>
      </p>
      <ScrollRegion className="card">
        <table className="data-table">
          <caption className="sr-only">Staff reads of students' records, newest first</caption>
          <TableHead columns={["When (UTC)", "Staff member", "Student", "What was read"]} />
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="whitespace-nowrap">{when(e.createdAt)}</td>
                <td>
                  {e.staff.name}
                  <div className="text-xs text-slate-600">{e.staff.email}</div>
                </td>
                <td>
                  {e.student ? (
                    e.caseId ? (
                      <Link to={`/cases/${e.caseId}`}>{e.student.name}</Link>
                    ) : (
                      e.student.name
                    )
                  ) : (
                    plural(e.students, "student")
                  )}
                </td>
                <td>
                  <span className="font-mono text-xs">{e.path}</span>
                  {e.detail ? <div className="text-xs text-slate-700">{e.detail}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 ? <p className="mt-2 text-slate-700">No reads recorded{filtered ? " for that filter" : ""}.</p> : null}
      </ScrollRegion>
      <Pager
        page={page}
        pageCount={pageCount}
        href={(p) => accessLogSearch(filter, p) || "?"}
        summary={`${plural(total, "read")} · page ${page} of ${pageCount}`}
      />
    </div>
  );
}
