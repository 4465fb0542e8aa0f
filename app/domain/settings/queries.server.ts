import type { Tx } from "../../utils/db.server";
import { prisma } from "../../utils/db.server";
import { type SchoolSettings, settingsFromRow } from "./settings";

export async function loadSchoolSettings(schoolId: string, db: Tx = prisma): Promise<SchoolSettings> {
  const [row, ladder] = await Promise.all([
    db.schoolSettings.findUnique({
      where: { schoolId },
      select: { readinessGate: true, acknowledgeWithinBusinessDays: true, resolveWithinBusinessDays: true, schoolAttemptLimit: true },
    }),
    db.policyRung.findMany({
      where: { schoolId },
      select: { failureNumber: true, consequence: true, description: true },
      orderBy: { failureNumber: "asc" },
    }),
  ]);
  return settingsFromRow(row, ladder);
}
