-- CreateTable
CREATE TABLE "ExamDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "decidedById" TEXT,
    "choice" TEXT NOT NULL,
    "fromDate" TEXT,
    "examDate" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "planVersion" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExamDecision_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExamDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ExamDecision_caseId_createdAt_idx" ON "ExamDecision"("caseId", "createdAt");
