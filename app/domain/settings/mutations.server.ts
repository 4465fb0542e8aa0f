/**
 * Saving a school's settings: one transaction with an activity entry, guarded
 * by the settings' version. The school's open cases are then re-assessed
 * (the gate and the ladder change their readiness and risk).
 */

import { refreshStaleCases } from "#app/domain/cases/derive.server";
import { type Result, refuse } from "#app/domain/result";
import { logActivity } from "#app/utils/activity.server";
import { isUniqueViolation, prisma } from "#app/utils/db.server";
import { logger } from "#app/utils/logger.server";
import { gateFromForm, type SettingsForm } from "./schema";

type SettingsWrite = Result;

export const SETTINGS_CONFLICT =
  "Someone else saved these settings while you were editing. Nothing was saved: your changes are still in the form; compare with the current values and save again.";

export async function saveSchoolSettings(input: { schoolId: string; actorId: string; form: SettingsForm }): Promise<SettingsWrite> {
  const { form } = input;
  const gate = JSON.stringify(gateFromForm(form));
  const values = {
    readinessGate: gate,
    acknowledgeWithinBusinessDays: form.acknowledgeWithinBusinessDays,
    resolveWithinBusinessDays: form.resolveWithinBusinessDays,
    schoolAttemptLimit: form.schoolAttemptLimit,
    updatedById: input.actorId,
  };
  const conflict = refuse("CONFLICT", SETTINGS_CONFLICT);
  const write = prisma.$transaction(async (tx) => {
    const current = await tx.schoolSettings.findUnique({ where: { schoolId: input.schoolId } });
    if (!current) {
      if (form.expectedVersion !== 0) return conflict;
      await tx.schoolSettings.create({ data: { schoolId: input.schoolId, ...values } });
    } else {
      const updated = await tx.schoolSettings.updateMany({
        where: { schoolId: input.schoolId, version: form.expectedVersion },
        data: { ...values, version: { increment: 1 } },
      });
      if (updated.count !== 1) return conflict;
    }
    const ladderBefore = await tx.policyRung.findMany({
      where: { schoolId: input.schoolId },
      select: { failureNumber: true, consequence: true, description: true },
    });
    await tx.policyRung.deleteMany({ where: { schoolId: input.schoolId } });
    const rungs = form.rungs.filter((r) => r.consequence !== "NONE" || r.description);
    if (rungs.length) await tx.policyRung.createMany({ data: rungs.map((r) => ({ schoolId: input.schoolId, ...r })) });
    await logActivity(tx, {
      schoolId: input.schoolId,
      actorId: input.actorId,
      entity: "SchoolSettings",
      entityId: input.schoolId,
      action: "settings.saved",
      summary: "School settings saved",
      before: current
        ? {
            acknowledgeWithinBusinessDays: current.acknowledgeWithinBusinessDays,
            resolveWithinBusinessDays: current.resolveWithinBusinessDays,
            schoolAttemptLimit: current.schoolAttemptLimit,
            readinessGate: JSON.parse(current.readinessGate),
            ladder: ladderBefore,
          }
        : null,
      after: { ...values, readinessGate: JSON.parse(gate), ladder: rungs },
    });
    // Re-assess the school's open cases: mark them stale; the refresh below (and the hourly one) picks them up.
    await tx.retakeCase.updateMany({ where: { schoolId: input.schoolId, openSlot: "OPEN" }, data: { derivedAt: null } });
    return { ok: true } as const;
  });
  // Two first saves at once: both saw no row, the second insert meets the first one's.
  const result: SettingsWrite = await write.catch((error: unknown) => {
    if (isUniqueViolation(error)) return conflict;
    throw error;
  });
  if (result.ok) {
    void refreshStaleCases().catch((error) => logger.error({ err: error }, "re-assessing cases after a settings change failed"));
  }
  return result;
}
