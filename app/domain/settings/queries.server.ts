import type { Tx } from "#app/utils/db.server";
import { prisma } from "#app/utils/db.server";
import { type SchoolSettings, settingsFromRow } from "./settings";

async function readSettings(schoolId: string, db: Tx) {
  const [row, ladder] = await Promise.all([
    db.schoolSettings.findUnique({
      where: { schoolId },
      select: {
        readinessGate: true,
        acknowledgeWithinBusinessDays: true,
        resolveWithinBusinessDays: true,
        schoolAttemptLimit: true,
        version: true,
      },
    }),
    db.policyRung.findMany({
      where: { schoolId },
      select: { failureNumber: true, consequence: true, description: true },
      orderBy: { failureNumber: "asc" },
    }),
  ]);
  return { settings: settingsFromRow(row, ladder), version: row?.version ?? 0 };
}

export async function loadSchoolSettings(schoolId: string, db: Tx = prisma): Promise<SchoolSettings> {
  return (await readSettings(schoolId, db)).settings;
}

/**
 * The settings with the version an edit form must send back (0 while the
 * school has never saved any: the defaults apply).
 */
export async function loadSchoolSettingsForEdit(schoolId: string, db: Tx = prisma): Promise<{ settings: SchoolSettings; version: number }> {
  return readSettings(schoolId, db);
}
