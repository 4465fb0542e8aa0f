-- DropIndex
DROP INDEX "RetakeCase_schoolId_targetExamDate_idx";

-- DropIndex
DROP INDEX "RetakeCase_schoolId_riskRank_idx";

-- CreateIndex
CREATE INDEX "RetakeCase_schoolId_riskRank_openedAt_id_status_idx" ON "RetakeCase"("schoolId", "riskRank", "openedAt", "id", "status");

-- CreateIndex
CREATE INDEX "RetakeCase_schoolId_targetExamDate_openedAt_id_status_idx" ON "RetakeCase"("schoolId", "targetExamDate", "openedAt", "id", "status");
