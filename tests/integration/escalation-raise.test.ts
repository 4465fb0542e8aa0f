import { describe, expect, it } from "vitest";
import { raiseEscalation } from "#app/domain/escalations/mutations.server";
import { prisma } from "#app/utils/db.server";
import { createSchoolWithCase } from "../factories";

describe("raising an escalation by hand", () => {
  it("is refused to a student by the domain itself, and allowed to staff", async () => {
    const { caseId, student, tutor } = await createSchoolWithCase();
    const input = { caseId, reason: "Missed three sessions in a row" };
    expect(await raiseEscalation({ ...input, actorId: student.userId, role: "STUDENT" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await prisma.escalation.count({ where: { caseId } })).toBe(0);
    expect(await raiseEscalation({ ...input, actorId: tutor.id, role: "TUTOR" })).toMatchObject({ ok: true });
    expect(await prisma.escalation.count({ where: { caseId, trigger: "MANUAL" } })).toBe(1);
  });
});
