-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "caseId" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "dedupeKey" TEXT,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sourceNoteId" TEXT,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_sourceNoteId_fkey" FOREIGN KEY ("sourceNoteId") REFERENCES "SessionNote" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- A note shared with the student told them so; those notifications are derived from the note.
INSERT INTO "new_Notification" ("body", "caseId", "createdAt", "dedupeKey", "id", "kind", "link", "readAt", "schoolId", "title", "userId", "sourceNoteId") SELECT "body", "caseId", "createdAt", "dedupeKey", "id", "kind", "link", "readAt", "schoolId", "title", "userId", (SELECT n."id" FROM "SessionNote" n WHERE "Notification"."kind" = 'NOTE_SHARED' AND "Notification"."dedupeKey" = 'note:' || n."id" || ':shared') FROM "Notification";
DROP TABLE "Notification";
ALTER TABLE "new_Notification" RENAME TO "Notification";
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");
CREATE INDEX "Notification_sourceNoteId_idx" ON "Notification"("sourceNoteId");
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
