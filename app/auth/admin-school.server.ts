import { forbidden, requireRole } from "./guards.server";

/**
 * An administrator's school page: the school it is about (`?school=`, else
 * their first) — refused if they do not administer it — and the schools they
 * may switch to.
 */
export function requireAdminSchool(args: Parameters<typeof requireRole>[0] & { request: Request }) {
  const { user, schoolIds } = requireRole(args, ["ADMIN"]);
  const schoolId = new URL(args.request.url).searchParams.get("school") ?? schoolIds[0];
  if (!schoolIds.includes(schoolId)) forbidden("You are not an administrator of that school.");
  const schools = user.memberships.filter((m) => schoolIds.includes(m.schoolId)).map((m) => ({ id: m.schoolId, name: m.schoolName }));
  return { user, schoolId, schools };
}
