/**
 * A new school, created by the operator (`npm run school:create`): default
 * settings and policy ladder, and its first administrator — a new account that
 * receives an activation mail, or, when the address already has an account, an
 * invitation its owner accepts after signing in (ADR 0012).
 */
import { z } from "zod";
import { issueActivations } from "#app/domain/accounts/mutations.server";
import { emailSchema } from "#app/domain/auth/schema";
import { createInvitationIn } from "#app/domain/invitations/mutations.server";
import { DEFAULT_POLICY_LADDER } from "#app/domain/settings/settings";
import { DEFAULT_READINESS_GATE } from "#app/domain/trajectory/readiness";
import { logActivity } from "#app/utils/activity.server";
import { prisma } from "#app/utils/db.server";

const newSchoolSchema = z.object({
  name: z.string({ error: "Give the school's name (--name)." }).trim().min(2, { error: "Give the school's name (--name)." }).max(120),
  slug: z
    .string({ error: "Give a short identifier (--slug), e.g. riverside." })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "The slug takes lower-case letters, digits and single hyphens, e.g. riverside-med." })
    .max(40),
  adminEmail: emailSchema,
  adminName: z.string().trim().max(120).optional(),
});

type NewSchool = z.input<typeof newSchoolSchema>;

type CreateSchoolResult = { ok: true; schoolId: string; admin: "activation" | "invitation" } | { ok: false; errors: string[] };

export async function createSchool(input: NewSchool, now = new Date()): Promise<CreateSchoolResult> {
  const parsed = newSchoolSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  const { name, slug, adminEmail } = parsed.data;
  const adminName = parsed.data.adminName || adminEmail.split("@")[0];
  return prisma.$transaction(async (tx) => {
    if (await tx.school.findUnique({ where: { slug }, select: { id: true } })) {
      return { ok: false, errors: [`A school with the slug "${slug}" already exists.`] } as const;
    }
    const school = await tx.school.create({ data: { name, slug, createdAt: now }, select: { id: true } });
    await tx.schoolSettings.create({ data: { schoolId: school.id, readinessGate: JSON.stringify(DEFAULT_READINESS_GATE) } });
    await tx.policyRung.createMany({ data: DEFAULT_POLICY_LADDER.map((r) => ({ ...r, schoolId: school.id })) });
    await logActivity(tx, {
      schoolId: school.id,
      actorId: null,
      entity: "School",
      entityId: school.id,
      action: "school.created",
      summary: `${name} created by the operator, with the default settings`,
      after: { name, slug },
    });
    const existing = await tx.user.findUnique({ where: { email: adminEmail }, select: { id: true } });
    if (existing) {
      // Their account is theirs: the school is joined only once they sign in and accept.
      const invited = await createInvitationIn(
        tx,
        { schoolId: school.id, email: adminEmail, name: adminName, role: "ADMIN", invitedById: null },
        now,
      );
      if (!invited.ok) throw new Error(invited.message);
      return { ok: true, schoolId: school.id, admin: "invitation" } as const;
    }
    const admin = await tx.user.create({
      data: { email: adminEmail, name: adminName, memberships: { create: { schoolId: school.id, role: "ADMIN" } } },
      select: { id: true },
    });
    await issueActivations(tx, [{ userId: admin.id, email: adminEmail, name: adminName, schoolId: school.id, schoolName: name }], now);
    await logActivity(tx, {
      schoolId: school.id,
      actorId: null,
      entity: "User",
      entityId: admin.id,
      action: "user.activation_sent",
      summary: `First administrator ${adminName} <${adminEmail}> created; an activation e-mail was sent`,
    });
    return { ok: true, schoolId: school.id, admin: "activation" } as const;
  });
}
