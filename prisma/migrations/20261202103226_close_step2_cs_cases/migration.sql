-- Step 2 CS was discontinued (last given 16 Mar 2020; docs/domain.md §3.1): an attempt at it is
-- history, not a retake case. Open cases for it are closed, without an exam outcome, and the
-- case's timeline says why.
INSERT INTO "ActivityLog" ("id", "schoolId", "actorId", "caseId", "entity", "entityId", "action", "before", "after", "summary", "createdAt")
SELECT
  'step2cs-' || "id", "schoolId", NULL, "id", 'RetakeCase', "id", 'case.closed_discontinued_exam',
  json_object('status', "status"),
  json_object('status', 'CLOSED', 'outcome', NULL),
  'Closed: Step 2 CS was discontinued (last given 16 Mar 2020). Its attempts stay on the record and count toward the attempt limit, but there is no retake to prepare for.',
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM "RetakeCase"
WHERE "exam" = 'STEP2_CS' AND "openSlot" IS NOT NULL;

UPDATE "RetakeCase"
SET "status" = 'CLOSED', "outcome" = NULL, "openSlot" = NULL, "closedAt" = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    "riskLevel" = NULL, "riskRank" = 0, "riskFlagCount" = 0, "version" = "version" + 1
WHERE "exam" = 'STEP2_CS' AND "openSlot" IS NOT NULL;
