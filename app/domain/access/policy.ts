/**
 * Who may see and do what, as pure predicates over the actor's memberships and
 * a record's facts. Loaders and actions call these through app/auth/guards.server.ts;
 * the UI may call them too, but only to hide what the server would refuse anyway.
 */
import { OFFICE_ROLES, type Role } from "#app/domain/vocabulary";

export interface Membership {
  schoolId: string;
  role: Role;
}

export interface Actor {
  userId: string;
  memberships: readonly Membership[];
}

interface CaseFacts {
  schoolId: string;
  tutorId: string | null;
  studentUserId: string;
  status: string;
}

/** How an actor relates to a case; null means no access. */
export type CaseRelation = "OFFICE" | "TUTOR" | "STUDENT";

/** The signed-in person as the predicates read them. */
export function actorOf(user: { id: string; memberships: readonly Membership[] }): Actor {
  return { userId: user.id, memberships: user.memberships };
}

export function roleAt(actor: Actor, schoolId: string): Role | null {
  return actor.memberships.find((m) => m.schoolId === schoolId)?.role ?? null;
}

export function schoolsWhere(actor: Actor, roles: readonly Role[]): string[] {
  return actor.memberships.filter((m) => roles.includes(m.role)).map((m) => m.schoolId);
}

const isOfficeRole = (role: Role | null): boolean => role !== null && (OFFICE_ROLES as readonly Role[]).includes(role);

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.memberships.some((m) => roles.includes(m.role));
}

/**
 * The office sees every case of its school; a tutor sees a case only while
 * assigned to it; a student sees only their own case.
 */
export function caseRelation(actor: Actor, facts: CaseFacts): CaseRelation | null {
  const role = roleAt(actor, facts.schoolId);
  if (isOfficeRole(role)) return "OFFICE";
  if (role === "TUTOR" && facts.tutorId === actor.userId) return "TUTOR";
  if (role === "STUDENT" && facts.studentUserId === actor.userId) return "STUDENT";
  return null;
}

/**
 * A tutor serving the school may take on a case from its intake queue. Whether
 * the case is still unassigned and open is the write's to decide, in its
 * transaction (a case taken a moment ago gets a clear "taken" answer).
 */
export function canTakeCase(actor: Actor, schoolId: string): boolean {
  return roleAt(actor, schoolId) === "TUTOR";
}

/** Which home a person lands on: the most senior role they hold anywhere. */
export function primaryRole(actor: Actor): Role | null {
  const order: Role[] = ["ADMIN", "ADVISOR", "TUTOR", "STUDENT"];
  return order.find((role) => actor.memberships.some((m) => m.role === role)) ?? null;
}
