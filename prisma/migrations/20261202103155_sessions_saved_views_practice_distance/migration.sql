-- AlterTable
ALTER TABLE "RetakeCase" ADD COLUMN "practiceDistance" REAL;

-- CreateTable
CREATE TABLE "SessionRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "authorId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'HELD',
    "kind" TEXT NOT NULL,
    "sessionOn" TEXT NOT NULL,
    "startTime" TEXT,
    "durationMinutes" INTEGER,
    "attendance" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "visibility" TEXT NOT NULL DEFAULT 'OFFICE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SessionRecord_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SessionRecord_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NextStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "doneOn" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NextStep_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "SessionRecord" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NextStep_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "search" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SessionRecord_caseId_sessionOn_idx" ON "SessionRecord"("caseId", "sessionOn");

-- CreateIndex
CREATE INDEX "NextStep_sessionId_idx" ON "NextStep"("sessionId");

-- CreateIndex
CREATE INDEX "NextStep_caseId_dueOn_idx" ON "NextStep"("caseId", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_userId_name_key" ON "SavedView"("userId", "name");
