/**
 * Records staff reads of a student's case (who, which case, when): FERPA's
 * "reasonable methods" call for an internal access audit (DOMAIN.md §7).
 */
import type { CaseAccess } from "./auth.server";
import { prisma } from "./db.server";

export async function recordCaseRead(access: CaseAccess, request: Request): Promise<void> {
  if (access.relation === "STUDENT") return;
  await prisma.accessLog.create({
    data: {
      schoolId: access.caseRow.schoolId,
      userId: access.user.id,
      caseId: access.caseRow.id,
      path: new URL(request.url).pathname.replace(/\.data$/, ""),
    },
  });
}
