import { Link } from "react-router";
import { StatusBadge } from "../../components/badges";
import { primaryRole } from "../../domain/access/policy";
import { formatDate } from "../../domain/dates";
import { examLabel } from "../../domain/reference";
import { OFFICE_ROLES } from "../../domain/vocabulary";
import { actorOf, requireUser } from "../../utils/auth.server";
import { prisma } from "../../utils/db.server";
import type { Route } from "./+types/home";

const caseSelect = {
  id: true,
  exam: true,
  status: true,
  outcome: true,
  targetExamDate: true,
  student: { select: { user: { select: { name: true } } } },
  tutor: { select: { name: true } },
} as const;

export async function loader(args: Route.LoaderArgs) {
  const user = requireUser(args);
  const actor = actorOf(user);
  const role = primaryRole(actor);
  if (role === "STUDENT") {
    const cases = await prisma.retakeCase.findMany({
      where: { student: { userId: user.id } },
      select: caseSelect,
      orderBy: { openedAt: "desc" },
    });
    return { role, name: user.name, cases, heading: "Your retake" };
  }
  if (role === "TUTOR") {
    const cases = await prisma.retakeCase.findMany({
      where: { tutorId: user.id, status: { not: "CLOSED" } },
      select: caseSelect,
      orderBy: [{ targetExamDate: "asc" }, { openedAt: "asc" }],
      take: 100,
    });
    return { role, name: user.name, cases, heading: "Your students" };
  }
  const schoolIds = user.memberships.filter((m) => (OFFICE_ROLES as readonly string[]).includes(m.role)).map((m) => m.schoolId);
  const cases = await prisma.retakeCase.findMany({
    where: { schoolId: { in: schoolIds }, status: { not: "CLOSED" } },
    select: caseSelect,
    orderBy: [{ openedAt: "asc" }],
    take: 100,
  });
  return { role, name: user.name, cases, heading: "Open cases at your school" };
}

export function meta() {
  return [{ title: "Home · Retake Desk" }];
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { cases, heading, role, name } = loaderData;
  return (
    <div className="space-y-6">
      <h1>Welcome, {name.split(" ")[0]}</h1>
      {role === "ADMIN" ? (
        <p>
          <Link to="/admin/users">Manage users and invitations</Link>
        </p>
      ) : null}
      <section aria-labelledby="cases-heading" className="card">
        <h2 id="cases-heading">{heading}</h2>
        {cases.length === 0 ? (
          <p className="mt-2 text-slate-700">
            {role === "STUDENT" ? "You have no retake case. If you failed an exam, record it with your school's office." : "No open cases."}
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200">
            {cases.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-3 py-2">
                <Link to={`/cases/${c.id}`} className="font-medium">
                  {role === "STUDENT" ? examLabel(c.exam) : `${c.student.user.name} · ${examLabel(c.exam)}`}
                </Link>
                <StatusBadge status={c.status} outcome={c.outcome} />
                {c.targetExamDate ? <span className="text-sm text-slate-600">Exam {formatDate(c.targetExamDate)}</span> : null}
                {role !== "TUTOR" && role !== "STUDENT" ? (
                  <span className="text-sm text-slate-600">{c.tutor ? `Tutor: ${c.tutor.name}` : "No tutor yet"}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
