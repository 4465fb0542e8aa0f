-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AccessLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "caseId" TEXT,
    "studentId" TEXT,
    "students" INTEGER NOT NULL DEFAULT 1,
    "detail" TEXT,
    "path" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccessLog_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessLog_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessLog_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "StudentProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Rows written before this migration were each one staff read of one case: their student is the case's.
INSERT INTO "new_AccessLog" ("caseId", "studentId", "createdAt", "id", "path", "schoolId", "userId") SELECT a."caseId", c."studentId", a."createdAt", a."id", a."path", a."schoolId", a."userId" FROM "AccessLog" a LEFT JOIN "RetakeCase" c ON c."id" = a."caseId";
DROP TABLE "AccessLog";
ALTER TABLE "new_AccessLog" RENAME TO "AccessLog";
CREATE INDEX "AccessLog_schoolId_createdAt_idx" ON "AccessLog"("schoolId", "createdAt");
CREATE INDEX "AccessLog_caseId_createdAt_idx" ON "AccessLog"("caseId", "createdAt");
CREATE INDEX "AccessLog_studentId_createdAt_idx" ON "AccessLog"("studentId", "createdAt");
CREATE INDEX "AccessLog_userId_createdAt_idx" ON "AccessLog"("userId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
