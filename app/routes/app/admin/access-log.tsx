import { Form, Link } from "react-router";
import { accessLogParamsSchema, loadAccessLog } from "../../../domain/users/queries.server";
import { requireRole } from "../../../utils/auth.server";
import type { Route } from "./+types/access-log";

/** Staff reads of students' cases (who, which case, when), for the school's administrators. */
export async function loader(args: Route.LoaderArgs) {
  const { schoolIds } = requireRole(args, ["ADMIN"]);
  const search = new URL(args.request.url).searchParams;
  return loadAccessLog(schoolIds, accessLogParamsSchema.parse({ q: search.get("q") ?? undefined, page: search.get("page") ?? undefined }));
}

export function meta() {
  return [{ title: "Access log · Retake Desk" }];
}

export default function AccessLog({ loaderData }: Route.ComponentProps) {
  const { entries, total, page, pageCount, q } = loaderData;
  const link = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <div className="space-y-4">
      <h1>Access log</h1>
      <p className="text-slate-700">
        Every time a staff member opens a student's case, it is recorded here. Students' own visits are not logged.
      </p>
      <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="q" className="label">
            Staff member or student (name or email)
          </label>
          <input id="q" name="q" type="search" defaultValue={q} className="input" />
        </div>
        <button type="submit" className="btn-secondary">
          Search
        </button>
      </Form>
      <div className="card overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">Staff reads of student cases, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Staff member</th>
              <th scope="col">Student's case</th>
              <th scope="col">Page</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="whitespace-nowrap">{new Date(e.createdAt).toISOString().slice(0, 16).replace("T", " ")}</td>
                <td>
                  {e.user.name}
                  <div className="text-xs text-slate-600">{e.user.email}</div>
                </td>
                <td>
                  <Link to={`/cases/${e.caseId}`}>{e.case.student.user.name}</Link>
                </td>
                <td className="font-mono text-xs">{e.path}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 ? <p className="mt-2 text-slate-700">No reads recorded{q ? " for that search" : ""}.</p> : null}
      </div>
      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        <p>
          {total} reads · page {page} of {pageCount}
        </p>
        <div className="flex gap-2">
          {page > 1 ? (
            <Link to={link(page - 1)} className="btn-secondary">
              Previous page
            </Link>
          ) : null}
          {page < pageCount ? (
            <Link to={link(page + 1)} className="btn-secondary">
              Next page
            </Link>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
