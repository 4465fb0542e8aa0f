import { logActivity } from "../../utils/activity.server";
import { prisma } from "../../utils/db.server";
import { notify } from "../notifications/notify.server";
import type { DisclosureForm } from "./disclosures";

export type DisclosureResult = { ok: true } | { ok: false; field: "student"; message: string };

/** Logs a disclosure for a student of one of the office's schools, and tells the student. */
export async function logDisclosure(input: { form: DisclosureForm; schoolIds: string[]; actorId: string }): Promise<DisclosureResult> {
  const key = input.form.student;
  return prisma.$transaction(async (tx) => {
    const student = await tx.studentProfile.findFirst({
      where: { schoolId: { in: input.schoolIds }, OR: [{ externalId: key }, { user: { email: key.toLowerCase() } }] },
      select: { id: true, schoolId: true, userId: true },
    });
    if (!student) return { ok: false, field: "student", message: "No student of your school has that email or student number." } as const;
    const { student: _key, ...fields } = input.form;
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
