-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RetakeCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "exam" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'INTAKE',
    "outcome" TEXT,
    "openSlot" TEXT DEFAULT 'OPEN',
    "openingAttemptId" TEXT,
    "targetExamDate" TEXT,
    "tutorId" TEXT,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    "lastContactAt" DATETIME,
    "attemptsUsed" INTEGER NOT NULL DEFAULT 0,
    "openEscalations" INTEGER NOT NULL DEFAULT 0,
    "riskLevel" TEXT,
    "riskRank" INTEGER NOT NULL DEFAULT 0,
    "riskFlagCount" INTEGER NOT NULL DEFAULT 0,
    "readinessMet" BOOLEAN,
    "latestPracticeScore" REAL,
    "latestPracticeInstrument" TEXT,
    "latestPracticeOn" TEXT,
    "practiceTrend" REAL,
    "derivedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RetakeCase_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RetakeCase_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "StudentProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RetakeCase_openingAttemptId_fkey" FOREIGN KEY ("openingAttemptId") REFERENCES "ExamAttempt" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RetakeCase_tutorId_fkey" FOREIGN KEY ("tutorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_RetakeCase" ("closedAt", "derivedAt", "exam", "id", "lastContactAt", "latestPracticeInstrument", "latestPracticeOn", "latestPracticeScore", "openSlot", "openedAt", "openingAttemptId", "outcome", "practiceTrend", "readinessMet", "riskFlagCount", "riskLevel", "schoolId", "status", "studentId", "targetExamDate", "tutorId", "updatedAt", "version") SELECT "closedAt", "derivedAt", "exam", "id", "lastContactAt", "latestPracticeInstrument", "latestPracticeOn", "latestPracticeScore", "openSlot", "openedAt", "openingAttemptId", "outcome", "practiceTrend", "readinessMet", "riskFlagCount", "riskLevel", "schoolId", "status", "studentId", "targetExamDate", "tutorId", "updatedAt", "version" FROM "RetakeCase";
DROP TABLE "RetakeCase";
ALTER TABLE "new_RetakeCase" RENAME TO "RetakeCase";
CREATE UNIQUE INDEX "RetakeCase_openingAttemptId_key" ON "RetakeCase"("openingAttemptId");
CREATE INDEX "RetakeCase_schoolId_status_openedAt_idx" ON "RetakeCase"("schoolId", "status", "openedAt");
CREATE INDEX "RetakeCase_schoolId_tutorId_status_idx" ON "RetakeCase"("schoolId", "tutorId", "status");
CREATE INDEX "RetakeCase_tutorId_status_idx" ON "RetakeCase"("tutorId", "status");
CREATE INDEX "RetakeCase_schoolId_exam_idx" ON "RetakeCase"("schoolId", "exam");
CREATE INDEX "RetakeCase_schoolId_riskRank_idx" ON "RetakeCase"("schoolId", "riskRank");
CREATE INDEX "RetakeCase_schoolId_targetExamDate_idx" ON "RetakeCase"("schoolId", "targetExamDate");
CREATE UNIQUE INDEX "RetakeCase_studentId_exam_openSlot_key" ON "RetakeCase"("studentId", "exam", "openSlot");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
