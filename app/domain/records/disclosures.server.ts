import { findStudentByKey } from "#app/domain/cases/students.server";
import { notify } from "#app/domain/notifications/notify.server";
import { type Result, refuse } from "#app/domain/result";
import { logActivity } from "#app/utils/activity.server";
import { prisma } from "#app/utils/db.server";
import type { DisclosureForm } from "./disclosures";

/**
 * Logs a disclosure for a student of the chosen school (one of the office's),
 * and tells the student. Student numbers are only unique within a school, so
 * the student is looked up in that school alone.
 */
export async function logDisclosure(input: { form: DisclosureForm; schoolIds: string[]; actorId: string }): Promise<Result> {
  const { schoolId, student: key, ...fields } = input.form;
  if (!input.schoolIds.includes(schoolId)) return refuse("INVALID", "Choose one of your schools.", { field: "schoolId" });
  return prisma.$transaction(async (tx) => {
    const found = await findStudentByKey([schoolId], key, tx);
    if (!found.ok) return refuse("INVALID", found.message, { field: "student" });
    const { student } = found;
    const created = await tx.disclosure.create({
      data: {
        ...fields,
        consentReference: fields.consentReference ?? null,
        schoolId: student.schoolId,
        studentId: student.id,
        recordedById: input.actorId,
      },
      select: { id: true },
    });
    await logActivity(tx, {
      schoolId: student.schoolId,
      actorId: input.actorId,
      entity: "Disclosure",
      entityId: created.id,
      action: "disclosure.logged",
      summary: `Disclosure to ${fields.recipient} logged`,
      after: { recipient: fields.recipient, disclosedOn: fields.disclosedOn },
    });
    await notify(tx, {
      userIds: [student.userId],
      schoolId: student.schoolId,
      kind: "DISCLOSURE",
      title: "Your record was shared outside your school",
      body: `${fields.recipient} received ${fields.records} on ${fields.disclosedOn}. The details are in your record.`,
      link: "/me/record",
      dedupeKey: `disclosure:${created.id}`,
    });
    return { ok: true } as const;
  });
}

/** The schools' latest disclosures, newest first. */
export function listDisclosures(schoolIds: readonly string[]) {
  return prisma.disclosure.findMany({
    where: { schoolId: { in: [...schoolIds] } },
    select: {
      id: true,
      schoolId: true,
      studentId: true,
      recipient: true,
      purpose: true,
      records: true,
      disclosedOn: true,
      consentReference: true,
      student: { select: { user: { select: { name: true } } } },
      recordedBy: { select: { name: true } },
    },
    orderBy: [{ disclosedOn: "desc" }, { createdAt: "desc" }],
    take: 100,
  });
}
