import { requireUser } from "#app/auth/guards.server";
import { StaffHome } from "#app/components/home/staff-home";
import { StudentHome } from "#app/components/home/student-home";
import { TrajectoryPanel } from "#app/components/progress/trajectory-panel";
import { actorOf, primaryRole } from "#app/domain/access/policy";
import { today } from "#app/domain/dates";
import { loadStaffHome } from "#app/domain/home/staff.server";
import { loadStudentHome } from "#app/domain/home/student.server";
import { noteRecordsRead } from "#app/utils/access-log.server";
import type { Route } from "./+types/home";

export async function loader(args: Route.LoaderArgs) {
  const user = requireUser(args);
  const role = primaryRole(actorOf(user));
  if (role === "STUDENT") return { kind: "student" as const, name: user.name, student: await loadStudentHome(user, today()) };
  const staff = await loadStaffHome(user, today());
  noteRecordsRead(
    args.context,
    [
      ...(staff.nearest?.rows ?? []).map((r) => ({ caseId: r.id })),
      ...staff.milestones.map((m) => ({ caseId: m.caseId })),
      ...staff.nextSteps.map((n) => ({ caseId: n.caseId })),
    ],
    "Home: caseload, this week's milestones and next steps",
  );
  return { kind: "staff" as const, name: user.name, staff };
}

export function meta() {
  return [{ title: "Home · Retake Desk" }];
}

export default function Home({ loaderData }: Route.ComponentProps) {
  if (loaderData.kind === "student") {
    const { trajectories } = loaderData.student;
    return (
      <StudentHome
        data={loaderData.student}
        name={loaderData.name}
        renderTrajectory={(caseId) =>
          trajectories[caseId] ? (
            <section aria-labelledby={`trajectory-${caseId}-heading`} className="space-y-2">
              <h3 id={`trajectory-${caseId}-heading`}>Your practice exams</h3>
              <TrajectoryPanel
                charts={trajectories[caseId]}
                headingLevel={4}
                idPrefix={`trajectory-${caseId}`}
                emptyMessage="No practice exams yet: your first one is your baseline."
              />
            </section>
          ) : null
        }
      />
    );
  }
  return <StaffHome data={loaderData.staff} name={loaderData.name} />;
}
