/** What the case page's header shows besides the access facts: the names and the outcome. */
import { prisma } from "#app/utils/db.server";

export async function loadCaseHeaderPeople(caseId: string) {
  return prisma.retakeCase.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      outcome: true,
      student: { select: { user: { select: { name: true, email: true } } } },
      tutor: { select: { name: true } },
    },
  });
}
