/**
 * Who holds a role at a school: the one query behind "the office of this
 * school" (who is told about an escalation, who may own one) and "staff of
 * this school" (who may be told an outcome, who raised an escalation).
 */

import type { Role } from "#app/domain/vocabulary";
import type { Tx } from "#app/utils/db.server";

interface SchoolMember {
  id: string;
  name: string;
  schoolId: string;
}

interface SchoolMembersOptions {
  /** Only these people (an empty list matches nobody). */
  userIds?: readonly string[];
  /** Only active accounts (the default); false includes deactivated ones. */
  activeOnly?: boolean;
}

/** The members of `schoolIds` holding one of `roles`, ordered by name. `db` is the client or a transaction. */
export async function schoolMembers(
  db: Tx,
  schoolIds: string | readonly string[],
  roles: readonly Role[],
  options: SchoolMembersOptions = {},
): Promise<SchoolMember[]> {
  const schools = typeof schoolIds === "string" ? [schoolIds] : [...schoolIds];
  if (schools.length === 0 || roles.length === 0 || options.userIds?.length === 0) return [];
  const rows = await db.membership.findMany({
    where: {
      schoolId: { in: schools },
      role: { in: [...roles] },
      ...(options.userIds ? { userId: { in: [...options.userIds] } } : {}),
      ...((options.activeOnly ?? true) ? { user: { status: "ACTIVE" } } : {}),
    },
    select: { schoolId: true, user: { select: { id: true, name: true } } },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
  });
  return rows.map((r) => ({ id: r.user.id, name: r.user.name, schoolId: r.schoolId }));
}
