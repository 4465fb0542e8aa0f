-- AlterTable
ALTER TABLE "Escalation" ADD COLUMN "failureNumber" INTEGER;

-- Backfill: an escalation's failure number is the failures of its case's exam when it was last
-- raised. Open ones follow every failure recorded on the case; resolved ones keep their trigger's.
UPDATE "Escalation" SET "failureNumber" = CASE "trigger" WHEN 'SECOND_FAILURE' THEN 2 WHEN 'THIRD_FAILURE' THEN 3 ELSE NULL END;
UPDATE "Escalation"
SET "failureNumber" = MAX(COALESCE("failureNumber", 0), (
  SELECT COUNT(*) FROM "ExamAttempt" a
  JOIN "RetakeCase" c ON c."id" = "Escalation"."caseId"
  WHERE a."studentId" = c."studentId" AND a."exam" = c."exam" AND a."outcome" = 'FAIL'
))
WHERE "trigger" <> 'MANUAL' AND "status" <> 'RESOLVED';

-- Severity follows the failures by the risk engine's rule (failureCountLevel in app/domain/risk/engine.ts):
-- a second failure is high (3), a third or later critical (4). Never lowered.
UPDATE "Escalation"
SET "severity" = MAX("severity", CASE WHEN "failureNumber" >= 3 THEN 4 ELSE 3 END)
WHERE "failureNumber" >= 2;
