import { logActivity } from "../../utils/activity.server";
import { prisma } from "../../utils/db.server";
import { notify } from "../notifications/notify.server";
import type { DisclosureForm } from "./disclosures";

export type DisclosureResult = { ok: true } | { ok: false; field: "student" | "schoolId"; message: string };

/**
 * Logs a disclosure for a student of the chosen school (one of the office's),
 * and tells the student. Student numbers are only unique within a school, so
 * the student is looked up in that school alone.
 */
export async function logDisclosure(input: { form: DisclosureForm; schoolIds: string[]; actorId: string }): Promise<DisclosureResult> {
  const { schoolId, student: key, ...fields } = input.form;
  if (!input.schoolIds.includes(schoolId)) return { ok: false, field: "schoolId", message: "Choose one of your schools." };
  return prisma.$transaction(async (tx) => {
    const matches = await tx.studentProfile.findMany({
      where: { schoolId, OR: [{ externalId: key }, { user: { email: key.toLowerCase() } }] },
      select: { id: true, schoolId: true, userId: true },
      take: 2,
    });
    if (matches.length === 0)
      return { ok: false, field: "student", message: "No student of your school has that email or student number." } as const;
    if (matches.length > 1)
      return {
        ok: false,
        field: "student",
        message: "That is one student's email and another's student number: enter the student number.",
      } as const;
    const student = matches[0];
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
