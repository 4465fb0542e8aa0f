-- CreateTable
CREATE TABLE "ReferenceSource" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "official" BOOLEAN NOT NULL
);

-- CreateTable
CREATE TABLE "ExamReference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "scaleMin" INTEGER NOT NULL,
    "scaleMax" INTEGER NOT NULL,
    "passFailOnlyFrom" TEXT,
    "discontinuedAfter" TEXT,
    "hasDisciplines" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "PassingStandard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "exam" TEXT NOT NULL,
    "minScore" INTEGER NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "check" BOOLEAN NOT NULL
);

-- CreateTable
CREATE TABLE "AttemptRuleSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "effectiveFrom" TEXT NOT NULL,
    "effectiveUntil" TEXT,
    "maxAttemptsPerExam" INTEGER NOT NULL,
    "maxAttemptsInWindow" INTEGER NOT NULL,
    "windowMonths" INTEGER NOT NULL,
    "lateAttemptNumber" INTEGER NOT NULL,
    "lateAttemptMinMonthsAfterFirst" INTEGER NOT NULL,
    "lateAttemptMinMonthsAfterLatest" INTEGER NOT NULL,
    "limitEndsAllExams" BOOLEAN NOT NULL,
    "passedExamRetakeAllowed" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ExamFormat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "exam" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "blockMinutes" INTEGER NOT NULL,
    "maxItemsPerBlock" INTEGER NOT NULL,
    "blocks" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "source" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ContentArea" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "exam" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weightMin" REAL,
    "weightMax" REAL,
    "legacy" BOOLEAN NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "check" BOOLEAN NOT NULL
);

-- CreateTable
CREATE TABLE "ContentAreaAlias" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "exam" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "contentAreaId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    CONSTRAINT "ContentAreaAlias_contentAreaId_fkey" FOREIGN KEY ("contentAreaId") REFERENCES "ContentArea" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PracticeInstrument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "targetExams" TEXT NOT NULL,
    "scaleFamily" TEXT NOT NULL,
    "scaleLabel" TEXT NOT NULL,
    "scaleMin" REAL NOT NULL,
    "scaleMax" REAL NOT NULL,
    "likelyRangeHalfWidth" REAL,
    "reportsPassProbability" BOOLEAN NOT NULL,
    "defaultLowPassLow" REAL,
    "defaultLowPassHigh" REAL,
    "predictive" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "check" BOOLEAN NOT NULL
);

-- CreateTable
CREATE TABLE "PracticeForm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instrumentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "exam" TEXT,
    "active" BOOLEAN NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "PracticeForm_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "PracticeInstrument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "School" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SchoolSettings" (
    "schoolId" TEXT NOT NULL PRIMARY KEY,
    "readinessGate" TEXT NOT NULL,
    "acknowledgeWithinBusinessDays" INTEGER NOT NULL DEFAULT 2,
    "resolveWithinBusinessDays" INTEGER NOT NULL DEFAULT 15,
    "schoolAttemptLimit" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "SchoolSettings_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PolicyRung" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "failureNumber" INTEGER NOT NULL,
    "consequence" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    CONSTRAINT "PolicyRung_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "deactivatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastHomeVisitAt" DATETIME
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StudentProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "externalId" TEXT,
    "graduationYear" INTEGER,
    "internationalGraduate" BOOLEAN NOT NULL DEFAULT false,
    "accommodationStatus" TEXT NOT NULL DEFAULT 'NONE',
    "ineligibleSince" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StudentProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudentProfile_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExamAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "exam" TEXT NOT NULL,
    "takenOn" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "score" INTEGER,
    "caseId" TEXT,
    "recordedById" TEXT,
    "source" TEXT NOT NULL DEFAULT 'MANUAL',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExamAttempt_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExamAttempt_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "StudentProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExamAttempt_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ExamAttempt_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetakeCase" (
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
    "riskLevel" TEXT,
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

-- CreateTable
CREATE TABLE "CaseAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "tutorId" TEXT NOT NULL,
    "assignedById" TEXT,
    "kind" TEXT NOT NULL,
    "reason" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    CONSTRAINT "CaseAssignment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseAssignment_tutorId_fkey" FOREIGN KEY ("tutorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScoreReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "bandScale" TEXT NOT NULL DEFAULT 'CURRENT',
    "distanceFromPassing" INTEGER,
    "distanceNote" TEXT,
    "enteredById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ScoreReport_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScoreReport_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScoreReport_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScoreReportArea" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "contentAreaId" TEXT NOT NULL,
    "band" TEXT NOT NULL,
    "referenceGroup" TEXT NOT NULL,
    "printedLabel" TEXT,
    CONSTRAINT "ScoreReportArea_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ScoreReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScoreReportArea_contentAreaId_fkey" FOREIGN KEY ("contentAreaId") REFERENCES "ContentArea" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "authorId" TEXT,
    "family" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "evidence" TEXT NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'OFFICE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Finding_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Finding_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FindingArea" (
    "findingId" TEXT NOT NULL,
    "contentAreaId" TEXT NOT NULL,

    PRIMARY KEY ("findingId", "contentAreaId"),
    CONSTRAINT "FindingArea_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FindingArea_contentAreaId_fkey" FOREIGN KEY ("contentAreaId") REFERENCES "ContentArea" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "currentVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Plan_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "createdById" TEXT,
    "reason" TEXT,
    "promptedByPracticeExamId" TEXT,
    "promptedByCheckInId" TEXT,
    "template" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "examDate" TEXT NOT NULL,
    "hoursPerDay" REAL NOT NULL,
    "restDay" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PlanVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "planVersionId" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "instrumentId" TEXT,
    "label" TEXT NOT NULL,
    CONSTRAINT "Milestone_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Milestone_planVersionId_fkey" FOREIGN KEY ("planVersionId") REFERENCES "PlanVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PracticeExam" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studentId" TEXT NOT NULL,
    "caseId" TEXT,
    "instrumentId" TEXT NOT NULL,
    "form" TEXT NOT NULL DEFAULT '',
    "takenOn" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "passProbability" REAL,
    "lowPassLow" REAL,
    "lowPassHigh" REAL,
    "breakdown" TEXT,
    "milestoneUid" TEXT,
    "recordedById" TEXT,
    "source" TEXT NOT NULL DEFAULT 'MANUAL',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PracticeExam_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "StudentProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PracticeExam_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PracticeExam_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "PracticeInstrument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PracticeExam_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "weekOf" TEXT NOT NULL,
    "questionsDone" INTEGER NOT NULL,
    "percentCorrect" REAL NOT NULL,
    "hoursStudied" REAL NOT NULL,
    "mood" INTEGER NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckIn_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckIn_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "StudentProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SessionNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "authorId" TEXT,
    "sessionOn" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'PRIVATE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SessionNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SessionNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "triggerAttemptId" TEXT,
    "severity" INTEGER NOT NULL DEFAULT 2,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "ownerId" TEXT,
    "raisedById" TEXT,
    "reason" TEXT NOT NULL,
    "acknowledgeBy" TEXT NOT NULL,
    "resolveBy" TEXT NOT NULL,
    "acknowledgedAt" DATETIME,
    "outcome" TEXT,
    "resolvedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Escalation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Escalation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Escalation_triggerAttemptId_fkey" FOREIGN KEY ("triggerAttemptId") REFERENCES "ExamAttempt" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Escalation_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Escalation_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EscalationEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "escalationId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "action" TEXT,
    "actionOn" TEXT,
    "accommodationStatus" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EscalationEvent_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EscalationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
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
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "notificationId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NotificationDelivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "actorId" TEXT,
    "caseId" TEXT,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "summary" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ActivityLog_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActivityLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AccessLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccessLog_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessLog_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RetakeCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Disclosure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "records" TEXT NOT NULL,
    "disclosedOn" TEXT NOT NULL,
    "consentReference" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Disclosure_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Disclosure_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "StudentProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Disclosure_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "secretHash" BLOB NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PassingStandard_exam_effectiveFrom_idx" ON "PassingStandard"("exam", "effectiveFrom");

-- CreateIndex
CREATE INDEX "ContentArea_exam_sortOrder_idx" ON "ContentArea"("exam", "sortOrder");

-- CreateIndex
CREATE INDEX "ContentAreaAlias_contentAreaId_idx" ON "ContentAreaAlias"("contentAreaId");

-- CreateIndex
CREATE INDEX "ContentAreaAlias_exam_label_idx" ON "ContentAreaAlias"("exam", "label");

-- CreateIndex
CREATE INDEX "PracticeForm_instrumentId_sortOrder_idx" ON "PracticeForm"("instrumentId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "School_slug_key" ON "School"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyRung_schoolId_failureNumber_key" ON "PolicyRung"("schoolId", "failureNumber");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_status_idx" ON "User"("status");

-- CreateIndex
CREATE INDEX "Membership_schoolId_role_idx" ON "Membership"("schoolId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_schoolId_key" ON "Membership"("userId", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "StudentProfile_userId_schoolId_key" ON "StudentProfile"("userId", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "StudentProfile_schoolId_externalId_key" ON "StudentProfile"("schoolId", "externalId");

-- CreateIndex
CREATE INDEX "ExamAttempt_schoolId_takenOn_idx" ON "ExamAttempt"("schoolId", "takenOn");

-- CreateIndex
CREATE INDEX "ExamAttempt_caseId_idx" ON "ExamAttempt"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "ExamAttempt_studentId_exam_takenOn_key" ON "ExamAttempt"("studentId", "exam", "takenOn");

-- CreateIndex
CREATE UNIQUE INDEX "RetakeCase_openingAttemptId_key" ON "RetakeCase"("openingAttemptId");

-- CreateIndex
CREATE INDEX "RetakeCase_schoolId_status_openedAt_idx" ON "RetakeCase"("schoolId", "status", "openedAt");

-- CreateIndex
CREATE INDEX "RetakeCase_schoolId_tutorId_status_idx" ON "RetakeCase"("schoolId", "tutorId", "status");

-- CreateIndex
CREATE INDEX "RetakeCase_tutorId_status_idx" ON "RetakeCase"("tutorId", "status");

-- CreateIndex
CREATE INDEX "RetakeCase_schoolId_exam_idx" ON "RetakeCase"("schoolId", "exam");

-- CreateIndex
CREATE INDEX "RetakeCase_schoolId_riskLevel_idx" ON "RetakeCase"("schoolId", "riskLevel");

-- CreateIndex
CREATE INDEX "RetakeCase_schoolId_targetExamDate_idx" ON "RetakeCase"("schoolId", "targetExamDate");

-- CreateIndex
CREATE UNIQUE INDEX "RetakeCase_studentId_exam_openSlot_key" ON "RetakeCase"("studentId", "exam", "openSlot");

-- CreateIndex
CREATE INDEX "CaseAssignment_caseId_startedAt_idx" ON "CaseAssignment"("caseId", "startedAt");

-- CreateIndex
CREATE INDEX "CaseAssignment_tutorId_endedAt_idx" ON "CaseAssignment"("tutorId", "endedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreReport_attemptId_key" ON "ScoreReport"("attemptId");

-- CreateIndex
CREATE INDEX "ScoreReport_caseId_idx" ON "ScoreReport"("caseId");

-- CreateIndex
CREATE INDEX "ScoreReportArea_contentAreaId_idx" ON "ScoreReportArea"("contentAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreReportArea_reportId_contentAreaId_key" ON "ScoreReportArea"("reportId", "contentAreaId");

-- CreateIndex
CREATE INDEX "Finding_caseId_deletedAt_idx" ON "Finding"("caseId", "deletedAt");

-- CreateIndex
CREATE INDEX "FindingArea_contentAreaId_idx" ON "FindingArea"("contentAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_caseId_key" ON "Plan"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_planId_number_key" ON "PlanVersion"("planId", "number");

-- CreateIndex
CREATE INDEX "Milestone_caseId_dueOn_idx" ON "Milestone"("caseId", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_planVersionId_uid_key" ON "Milestone"("planVersionId", "uid");

-- CreateIndex
CREATE INDEX "PracticeExam_caseId_takenOn_idx" ON "PracticeExam"("caseId", "takenOn");

-- CreateIndex
CREATE INDEX "PracticeExam_studentId_takenOn_idx" ON "PracticeExam"("studentId", "takenOn");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeExam_studentId_instrumentId_takenOn_form_key" ON "PracticeExam"("studentId", "instrumentId", "takenOn", "form");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_caseId_weekOf_key" ON "CheckIn"("caseId", "weekOf");

-- CreateIndex
CREATE INDEX "SessionNote_caseId_sessionOn_idx" ON "SessionNote"("caseId", "sessionOn");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_triggerAttemptId_key" ON "Escalation"("triggerAttemptId");

-- CreateIndex
CREATE INDEX "Escalation_schoolId_status_resolveBy_idx" ON "Escalation"("schoolId", "status", "resolveBy");

-- CreateIndex
CREATE INDEX "Escalation_caseId_status_idx" ON "Escalation"("caseId", "status");

-- CreateIndex
CREATE INDEX "EscalationEvent_escalationId_createdAt_idx" ON "EscalationEvent"("escalationId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "NotificationDelivery_channel_status_idx" ON "NotificationDelivery"("channel", "status");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationDelivery_notificationId_channel_key" ON "NotificationDelivery"("notificationId", "channel");

-- CreateIndex
CREATE INDEX "ActivityLog_caseId_createdAt_idx" ON "ActivityLog"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "ActivityLog_schoolId_createdAt_idx" ON "ActivityLog"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "ActivityLog_entity_entityId_idx" ON "ActivityLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AccessLog_schoolId_createdAt_idx" ON "AccessLog"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "AccessLog_caseId_createdAt_idx" ON "AccessLog"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "Disclosure_studentId_disclosedOn_idx" ON "Disclosure"("studentId", "disclosedOn");

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE INDEX "AuthSession_expiresAt_idx" ON "AuthSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_schoolId_createdAt_idx" ON "Invitation"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- The activity log is append-only: the database refuses to change or remove an entry.
CREATE TRIGGER "ActivityLog_no_update" BEFORE UPDATE ON "ActivityLog"
BEGIN
    SELECT RAISE(ABORT, 'ActivityLog is append-only');
END;

CREATE TRIGGER "ActivityLog_no_delete" BEFORE DELETE ON "ActivityLog"
BEGIN
    SELECT RAISE(ABORT, 'ActivityLog is append-only');
END;

-- Reference data generated from app/domain/reference by scripts/reference-sql.ts. Do not edit by hand.
DELETE FROM "PracticeForm" WHERE "id" NOT IN ('NBME_CBSSA:STEP1:Form 25', 'NBME_CBSSA:STEP1:Form 26', 'NBME_CBSSA:STEP1:Form 27', 'NBME_CBSSA:STEP1:Form 28', 'NBME_CBSSA:STEP1:Form 29', 'NBME_CBSSA:STEP1:Form 30', 'NBME_CBSSA:STEP1:Form 31', 'NBME_CBSSA:STEP1:Form 32', 'NBME_CBSSA:STEP1:Form 33', 'NBME_CCSSA:STEP2_CK:Form 9', 'NBME_CCSSA:STEP2_CK:Form 10', 'NBME_CCSSA:STEP2_CK:Form 11', 'NBME_CCSSA:STEP2_CK:Form 12', 'NBME_CCSSA:STEP2_CK:Form 13', 'NBME_CCSSA:STEP2_CK:Form 14', 'NBME_CCSSA:STEP2_CK:Form 15', 'NBME_CCSSA:STEP2_CK:Form 16', 'NBME_CCMSA:STEP3:Form 5', 'NBME_CCMSA:STEP3:Form 6', 'NBME_CCMSA:STEP3:Form 7', 'UWSA:STEP1:UWSA 1', 'UWSA:STEP1:UWSA 2', 'UWSA:STEP1:UWSA 3', 'UWSA:STEP2_CK:UWSA 1', 'UWSA:STEP2_CK:UWSA 2', 'UWSA:STEP2_CK:UWSA 3', 'FREE_120:any:2024 update', 'FREE_120:any:Older version');
DELETE FROM "PracticeInstrument" WHERE "id" NOT IN ('NBME_CBSSA', 'NBME_CCSSA', 'NBME_CCMSA', 'NBME_CBSE', 'UWSA', 'FREE_120', 'AMBOSS_SA', 'OTHER');
DELETE FROM "ContentAreaAlias" WHERE "id" NOT IN ('STEP1:Microbiology & Immunology:step1.discipline.microbiology', 'STEP1:Microbiology & Immunology:step1.discipline.immunology', 'STEP1:Respiratory and Renal/Urinary Systems:step1.system.respiratory-renal', 'STEP2_CK:Patient Care: Management:step2ck.task.pharmacotherapy', 'STEP2_CK:Patient Care: Management:step2ck.task.clinical-interventions', 'STEP2_CK:Patient Care: Management:step2ck.task.mixed-management', 'STEP2_CK:Health Maintenance & Disease Prevention:step2ck.task.health-maintenance', 'STEP2_CK:Renal/Urinary & Reproductive:step2ck.system.renal-reproductive', 'STEP2_CK:Musculoskeletal System & Skin:step2ck.system.musculoskeletal-skin', 'STEP2_CK:Musculoskeletal System:step2ck.system.musculoskeletal-skin', 'STEP2_CK:Skin & Subcutaneous Tissue:step2ck.system.musculoskeletal-skin', 'STEP2_CK:Social Sciences (Ethics/Safety/Legal):step2ck.system.social-sciences', 'STEP2_CK:Social Sciences: Communication, Ethics & Patient Safety:step2ck.system.social-sciences', 'STEP2_CK:Renal & Urinary System & Male Reproductive System:step2ck.system.renal-reproductive', 'STEP2_CK:Female Reproductive System & Breast:step2ck.system.renal-reproductive');
DELETE FROM "ContentArea" WHERE "id" NOT IN ('step1.task.medical-knowledge', 'step1.task.diagnosis', 'step1.task.communication', 'step1.task.practice-based-learning', 'step1.system.reproductive-endocrine', 'step1.system.respiratory-renal', 'step1.system.behavioral-nervous', 'step1.system.blood-immune', 'step1.system.musculoskeletal-skin', 'step1.system.multisystem', 'step1.system.cardiovascular', 'step1.system.gastrointestinal', 'step1.system.social-sciences', 'step1.system.biostatistics', 'step1.system.human-development', 'step1.system.general-principles', 'step1.discipline.pathology', 'step1.discipline.physiology', 'step1.discipline.pharmacology', 'step1.discipline.microbiology', 'step1.discipline.gross-anatomy', 'step1.discipline.behavioral-sciences', 'step1.discipline.immunology', 'step1.discipline.histology', 'step1.discipline.biochemistry', 'step1.discipline.genetics', 'step2ck.discipline.medicine', 'step2ck.discipline.surgery', 'step2ck.discipline.pediatrics', 'step2ck.discipline.obgyn', 'step2ck.discipline.psychiatry', 'step2ck.system.human-development', 'step2ck.system.immune', 'step2ck.system.blood', 'step2ck.system.behavioral-health', 'step2ck.system.nervous', 'step2ck.system.musculoskeletal-skin', 'step2ck.system.cardiovascular', 'step2ck.system.respiratory', 'step2ck.system.gastrointestinal', 'step2ck.system.renal-reproductive', 'step2ck.system.pregnancy', 'step2ck.system.endocrine', 'step2ck.system.multisystem', 'step2ck.system.biostatistics', 'step2ck.system.social-sciences', 'step2ck.task.medical-knowledge', 'step2ck.task.history-physical', 'step2ck.task.lab-diagnostic', 'step2ck.task.diagnosis', 'step2ck.task.prognosis', 'step2ck.task.health-maintenance', 'step2ck.task.pharmacotherapy', 'step2ck.task.clinical-interventions', 'step2ck.task.mixed-management', 'step2ck.task.practice-based-learning', 'step2ck.task.professionalism', 'step2ck.task.systems-based-practice', 'step3.system.biostatistics', 'step3.system.cardiovascular', 'step3.system.respiratory', 'step3.system.nervous', 'step3.system.social-sciences', 'step3.system.pregnancy-female', 'step3.system.gastrointestinal', 'step3.system.immune-blood-multisystem', 'step3.system.endocrine', 'step3.system.musculoskeletal', 'step3.system.renal-male', 'step3.system.skin', 'step3.system.behavioral-health', 'step3.system.human-development', 'step3.task.diagnosis', 'step3.task.management', 'step3.task.practice-based-learning', 'step3.task.medical-knowledge', 'step3.task.communication-professionalism');
DELETE FROM "ExamFormat" WHERE "id" NOT IN ('STEP1@2000-01-01', 'STEP1@2026-05-14', 'STEP2_CK@2000-01-01', 'STEP2_CK@2026-05-07', 'STEP3@2000-01-01', 'STEP3@2026-03-10');
DELETE FROM "AttemptRuleSet" WHERE "id" NOT IN ('usmle-2012', 'usmle-2021');
DELETE FROM "PassingStandard" WHERE "id" NOT IN ('STEP1@2018-01-01', 'STEP1@2022-01-26', 'STEP2_CK@2014-07-01', 'STEP2_CK@2022-07-01', 'STEP2_CK@2025-07-01', 'STEP3@2016-01-01', 'STEP3@2020-01-01', 'STEP3@2024-01-01');
DELETE FROM "ExamReference" WHERE "id" NOT IN ('STEP1', 'STEP2_CK', 'STEP3', 'STEP2_CS');
DELETE FROM "ReferenceSource" WHERE "key" NOT IN ('usmleStep1PassFail', 'usmleScoresTranscripts', 'usmleScoreReports', 'usmleAttemptLimit', 'ecfmgReexamination', 'usmleAttemptLimit2012', 'usmleStep1Outline', 'step1OlderOutline', 'usmleStep2CkOutline', 'step2CkReportedAreas', 'usmleStep3Outline', 'nbmeReports2019', 'step1FailBands', 'nbmeLegacyProfile', 'step1Standard2022', 'step1Standard2018', 'step2CkStandard2025', 'step2CkStandard2022', 'step2CkStandard2014', 'step3Standard2024', 'step3Standard2020', 'format2026', 'nbmeCbssaReports', 'nbmeCbssaGuidance', 'nbmeCcssaForms', 'nbmeCcseGuide', 'nbmeCcmsa', 'nbmeCbse', 'uworldSelfAssessment', 'free120', 'ambossSelfAssessment', 'retakeTimelines', 'schoolPolicies');

-- ReferenceSource: 33 rows
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('usmleStep1PassFail', 'USMLE Step 1 Transition to Pass/Fail Only Score Reporting', 'https://www.usmle.org/usmle-step-1-transition-passfail-only-score-reporting', 1) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('usmleScoresTranscripts', 'USMLE Scores & Transcripts', 'https://www.usmle.org/scores-transcripts', 1) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('usmleScoreReports', 'USMLE Score Reports, common questions', 'https://www.usmle.org/common-questions/score-reports', 1) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('usmleAttemptLimit', 'USMLE Attempt Limit, common questions', 'https://www.usmle.org/common-questions/attempt-limit', 1) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('ecfmgReexamination', 'ECFMG 2024 Information Booklet: Reexamination and Reapplication', 'https://ecfmg.org/2024ib/reexamination-and-reapplication.html', 1) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('usmleAttemptLimit2012', 'USMLE announcement of the six-attempt limit (20 Jun 2012)', 'https://www.usmle.org/announcements/default.aspx?ContentId=99', 1) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('usmleStep1Outline', 'USMLE Step 1 Content Outline and Specifications', 'https://www.usmle.org/prepare-your-exam/step-1-materials/step-1-content-outline-and-specifications', 1) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('step1OlderOutline', 'Older Step 1 outline (c. 2019–2020), copy at austinkosier.mozello.com', 'https://austinkosier.mozello.com/step-1', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('usmleStep2CkOutline', 'USMLE Step 2 CK Content Outline & Specifications', 'https://www.usmle.org/prepare-your-exam/step-2-ck-materials/step-2-ck-content-outline-specifications', 1) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('step2CkReportedAreas', 'Reporting areas seen on real Step 2 CK reports (third-party OCR alias map)', 'https://github.com/', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('usmleStep3Outline', 'USMLE Step 3 Content Outline and Specifications', 'https://www.usmle.org/exam-resources/step-3-materials/step-3-content-outline-and-specifications', 1) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('nbmeReports2019', 'NBME news: New Comprehensive Subject Examination Score Reports Align with USMLE (15 Aug 2019)', 'https://www.nbme.org/news/new-comprehensive-subject-examination-score-reports-align-usmle', 1) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('step1FailBands', 'High Yield Board Prep: How to Prepare for Your Step 1 Retake After Failing (2026)', 'https://highyieldboardprep.com/blog/step-1-retake-preparation.md', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('nbmeLegacyProfile', 'NBME CBSSA sample performance profile (2014), copy', 'https://m.moam.info/national-board-of-medical-examiners_598b69291723ddd069fb1117.html', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('step1Standard2022', 'IMGPrep: Step 1 goes pass/fail on 26 Jan 2022 (194 → 196)', 'https://www.imgprep.com/the-usmle-step-1-exam-goes-to-pass-fail-starting-january-26-2022-what-this-means-for-imgs', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('step1Standard2018', 'Step 1 standard of 194 established 1 Jan 2018 (bio-protocol.org)', 'https://bio-protocol.org/exchange/minidetail?id=9340467&type=30', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('step2CkStandard2025', 'Step 2 CK passing standard 218 from 1 Jul 2025 (AceMedBoards; QuantaPrep; NBMEcalc citing usmle.org)', 'https://acemedboards.com/usmle-step-2-passing-score', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('step2CkStandard2022', 'Sketchy: USMLE Step 2 CK scoring change 2022 (209 → 214)', 'https://blog.sketchy.com/medical/usmle-step-2-ck-scoring-change-2022', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('step2CkStandard2014', 'Step 2 CK 203 → 209 on 1 Jul 2014 (amclinicals.com)', 'https://amclinicals.com/amcs-new-hospital-affiliation/', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('step3Standard2024', 'MedSchoolCoach: 2024 USMLE requirements (Step 3 198 → 200)', 'https://medschoolcoach-3351459.hs-sites.com/2024-new-usmle-requirements', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('step3Standard2020', 'ccscases.com: change in passing score for USMLE Step 3', 'https://ccscases.com/change-in-passing-score-for-usmle-step-3/', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('format2026', '2026 USMLE format changes (reviewbytes.com; IMGPrep), reporting the usmle.org announcement', 'https://reviewbytes.com/2026-usmle-format-changes-readiness/', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('nbmeCbssaReports', 'Blueprint: How to interpret the new NBME score reports', 'https://blog.blueprintprep.com/medical/how-to-interpret-the-new-nbme-score-reports/', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('nbmeCbssaGuidance', 'NBME: Gauging Readiness for USMLE Step 1 (CBSSA/CBSE), Apr 2026, via nbmecalc', 'https://www.nbme.org/wp-content/uploads/2026/04/CBSSA_CBSE_Guidance.pdf', 1) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('nbmeCcssaForms', 'Elite Medical Prep: Step 2 CK Form 16; YouSMLE: Step 2 CK NBME accuracy', 'https://elitemedicalprep.com/step-2-ck-form-16-whats-new-why-it-matters-and-how-to-adapt', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('nbmeCcseGuide', 'NBME CCSE Score Interpretation Guide 2021 (SEE of 9 points), copy', 'https://scribd.com/document/693138285/Comprehensive-Clinical-Score-Interpretation-Guide-2021', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('nbmeCcmsa', 'NBME CCMSA sample report (10–800 scale, not predictive), copy', 'https://2.gy-118.workers.dev/:443/https/www.scribd.com/document/406134951/Sample-CCMSA', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('nbmeCbse', 'NBME CBSE Score Interpretation Guide, copy', 'https://studylib.net/doc/8277857/score-report---national-board-of-medical-examiners', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('uworldSelfAssessment', 'LegalClarity: How to take and interpret the UWSA 2 for USMLE Step 1 (citing UWorld)', 'https://legalclarity.org/how-to-take-and-interpret-the-uwsa-2-for-usmle-step-1/', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('free120', 'USMLE Step 1 sample test questions (no published pass line)', 'https://www.usmle.org/exam-resources/step-1-materials/step-1-sample-test-questions', 1) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('ambossSelfAssessment', 'AMBOSS self-assessment, reported as percent correct (nbmecalc data model)', 'https://nbmecalc.com/', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('retakeTimelines', 'Retake timelines: Blueprint (rushed retakes), High Yield Board Prep, UW 3–6 month programs', 'https://blog.blueprintprep.com/medical/what-happens-if-i-fail-step-1/', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";
INSERT INTO "ReferenceSource" ("key", "title", "url", "official") VALUES ('schoolPolicies', 'School policies after USMLE failures (UC Davis, UTRGV, UAB, BU, UW)', 'https://health.ucdavis.edu/mdprogram-polices/student-affairs/USMLE-step-1.html', 0) ON CONFLICT("key") DO UPDATE SET "title" = excluded."title", "url" = excluded."url", "official" = excluded."official";

-- ExamReference: 4 rows
INSERT INTO "ExamReference" ("id", "label", "scaleMin", "scaleMax", "passFailOnlyFrom", "discontinuedAfter", "hasDisciplines", "source") VALUES ('STEP1', 'Step 1', 1, 300, '2022-01-26', NULL, 1, 'usmleStep1PassFail') ON CONFLICT("id") DO UPDATE SET "label" = excluded."label", "scaleMin" = excluded."scaleMin", "scaleMax" = excluded."scaleMax", "passFailOnlyFrom" = excluded."passFailOnlyFrom", "discontinuedAfter" = excluded."discontinuedAfter", "hasDisciplines" = excluded."hasDisciplines", "source" = excluded."source";
INSERT INTO "ExamReference" ("id", "label", "scaleMin", "scaleMax", "passFailOnlyFrom", "discontinuedAfter", "hasDisciplines", "source") VALUES ('STEP2_CK', 'Step 2 CK', 1, 300, NULL, NULL, 1, 'usmleScoreReports') ON CONFLICT("id") DO UPDATE SET "label" = excluded."label", "scaleMin" = excluded."scaleMin", "scaleMax" = excluded."scaleMax", "passFailOnlyFrom" = excluded."passFailOnlyFrom", "discontinuedAfter" = excluded."discontinuedAfter", "hasDisciplines" = excluded."hasDisciplines", "source" = excluded."source";
INSERT INTO "ExamReference" ("id", "label", "scaleMin", "scaleMax", "passFailOnlyFrom", "discontinuedAfter", "hasDisciplines", "source") VALUES ('STEP3', 'Step 3', 1, 300, NULL, NULL, 0, 'usmleScoreReports') ON CONFLICT("id") DO UPDATE SET "label" = excluded."label", "scaleMin" = excluded."scaleMin", "scaleMax" = excluded."scaleMax", "passFailOnlyFrom" = excluded."passFailOnlyFrom", "discontinuedAfter" = excluded."discontinuedAfter", "hasDisciplines" = excluded."hasDisciplines", "source" = excluded."source";
INSERT INTO "ExamReference" ("id", "label", "scaleMin", "scaleMax", "passFailOnlyFrom", "discontinuedAfter", "hasDisciplines", "source") VALUES ('STEP2_CS', 'Step 2 CS', 1, 300, '1900-01-01', '2020-03-16', 0, 'usmleScoresTranscripts') ON CONFLICT("id") DO UPDATE SET "label" = excluded."label", "scaleMin" = excluded."scaleMin", "scaleMax" = excluded."scaleMax", "passFailOnlyFrom" = excluded."passFailOnlyFrom", "discontinuedAfter" = excluded."discontinuedAfter", "hasDisciplines" = excluded."hasDisciplines", "source" = excluded."source";

-- PassingStandard: 8 rows
INSERT INTO "PassingStandard" ("id", "exam", "minScore", "effectiveFrom", "source", "check") VALUES ('STEP1@2018-01-01', 'STEP1', 194, '2018-01-01', 'step1Standard2018', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "minScore" = excluded."minScore", "effectiveFrom" = excluded."effectiveFrom", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PassingStandard" ("id", "exam", "minScore", "effectiveFrom", "source", "check") VALUES ('STEP1@2022-01-26', 'STEP1', 196, '2022-01-26', 'step1Standard2022', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "minScore" = excluded."minScore", "effectiveFrom" = excluded."effectiveFrom", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PassingStandard" ("id", "exam", "minScore", "effectiveFrom", "source", "check") VALUES ('STEP2_CK@2014-07-01', 'STEP2_CK', 209, '2014-07-01', 'step2CkStandard2014', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "minScore" = excluded."minScore", "effectiveFrom" = excluded."effectiveFrom", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PassingStandard" ("id", "exam", "minScore", "effectiveFrom", "source", "check") VALUES ('STEP2_CK@2022-07-01', 'STEP2_CK', 214, '2022-07-01', 'step2CkStandard2022', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "minScore" = excluded."minScore", "effectiveFrom" = excluded."effectiveFrom", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PassingStandard" ("id", "exam", "minScore", "effectiveFrom", "source", "check") VALUES ('STEP2_CK@2025-07-01', 'STEP2_CK', 218, '2025-07-01', 'step2CkStandard2025', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "minScore" = excluded."minScore", "effectiveFrom" = excluded."effectiveFrom", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PassingStandard" ("id", "exam", "minScore", "effectiveFrom", "source", "check") VALUES ('STEP3@2016-01-01', 'STEP3', 196, '2016-01-01', 'step3Standard2020', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "minScore" = excluded."minScore", "effectiveFrom" = excluded."effectiveFrom", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PassingStandard" ("id", "exam", "minScore", "effectiveFrom", "source", "check") VALUES ('STEP3@2020-01-01', 'STEP3', 198, '2020-01-01', 'step3Standard2020', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "minScore" = excluded."minScore", "effectiveFrom" = excluded."effectiveFrom", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PassingStandard" ("id", "exam", "minScore", "effectiveFrom", "source", "check") VALUES ('STEP3@2024-01-01', 'STEP3', 200, '2024-01-01', 'step3Standard2024', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "minScore" = excluded."minScore", "effectiveFrom" = excluded."effectiveFrom", "source" = excluded."source", "check" = excluded."check";

-- AttemptRuleSet: 2 rows
INSERT INTO "AttemptRuleSet" ("id", "effectiveFrom", "effectiveUntil", "maxAttemptsPerExam", "maxAttemptsInWindow", "windowMonths", "lateAttemptNumber", "lateAttemptMinMonthsAfterFirst", "lateAttemptMinMonthsAfterLatest", "limitEndsAllExams", "passedExamRetakeAllowed", "source") VALUES ('usmle-2012', '2012-01-01', '2021-06-30', 6, 3, 12, 4, 12, 6, 0, 0, 'usmleAttemptLimit2012') ON CONFLICT("id") DO UPDATE SET "effectiveFrom" = excluded."effectiveFrom", "effectiveUntil" = excluded."effectiveUntil", "maxAttemptsPerExam" = excluded."maxAttemptsPerExam", "maxAttemptsInWindow" = excluded."maxAttemptsInWindow", "windowMonths" = excluded."windowMonths", "lateAttemptNumber" = excluded."lateAttemptNumber", "lateAttemptMinMonthsAfterFirst" = excluded."lateAttemptMinMonthsAfterFirst", "lateAttemptMinMonthsAfterLatest" = excluded."lateAttemptMinMonthsAfterLatest", "limitEndsAllExams" = excluded."limitEndsAllExams", "passedExamRetakeAllowed" = excluded."passedExamRetakeAllowed", "source" = excluded."source";
INSERT INTO "AttemptRuleSet" ("id", "effectiveFrom", "effectiveUntil", "maxAttemptsPerExam", "maxAttemptsInWindow", "windowMonths", "lateAttemptNumber", "lateAttemptMinMonthsAfterFirst", "lateAttemptMinMonthsAfterLatest", "limitEndsAllExams", "passedExamRetakeAllowed", "source") VALUES ('usmle-2021', '2021-07-01', NULL, 4, 3, 12, 4, 12, 6, 1, 0, 'ecfmgReexamination') ON CONFLICT("id") DO UPDATE SET "effectiveFrom" = excluded."effectiveFrom", "effectiveUntil" = excluded."effectiveUntil", "maxAttemptsPerExam" = excluded."maxAttemptsPerExam", "maxAttemptsInWindow" = excluded."maxAttemptsInWindow", "windowMonths" = excluded."windowMonths", "lateAttemptNumber" = excluded."lateAttemptNumber", "lateAttemptMinMonthsAfterFirst" = excluded."lateAttemptMinMonthsAfterFirst", "lateAttemptMinMonthsAfterLatest" = excluded."lateAttemptMinMonthsAfterLatest", "limitEndsAllExams" = excluded."limitEndsAllExams", "passedExamRetakeAllowed" = excluded."passedExamRetakeAllowed", "source" = excluded."source";

-- ExamFormat: 6 rows
INSERT INTO "ExamFormat" ("id", "exam", "effectiveFrom", "blockMinutes", "maxItemsPerBlock", "blocks", "note", "source") VALUES ('STEP1@2000-01-01', 'STEP1', '2000-01-01', 60, 40, 7, '7 × 60 min, up to 40 items', 'format2026') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "effectiveFrom" = excluded."effectiveFrom", "blockMinutes" = excluded."blockMinutes", "maxItemsPerBlock" = excluded."maxItemsPerBlock", "blocks" = excluded."blocks", "note" = excluded."note", "source" = excluded."source";
INSERT INTO "ExamFormat" ("id", "exam", "effectiveFrom", "blockMinutes", "maxItemsPerBlock", "blocks", "note", "source") VALUES ('STEP1@2026-05-14', 'STEP1', '2026-05-14', 30, 20, 14, '14 × 30 min, up to 20 items, 280 items', 'format2026') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "effectiveFrom" = excluded."effectiveFrom", "blockMinutes" = excluded."blockMinutes", "maxItemsPerBlock" = excluded."maxItemsPerBlock", "blocks" = excluded."blocks", "note" = excluded."note", "source" = excluded."source";
INSERT INTO "ExamFormat" ("id", "exam", "effectiveFrom", "blockMinutes", "maxItemsPerBlock", "blocks", "note", "source") VALUES ('STEP2_CK@2000-01-01', 'STEP2_CK', '2000-01-01', 60, 40, 8, '8 × 60 min, up to 40 items', 'format2026') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "effectiveFrom" = excluded."effectiveFrom", "blockMinutes" = excluded."blockMinutes", "maxItemsPerBlock" = excluded."maxItemsPerBlock", "blocks" = excluded."blocks", "note" = excluded."note", "source" = excluded."source";
INSERT INTO "ExamFormat" ("id", "exam", "effectiveFrom", "blockMinutes", "maxItemsPerBlock", "blocks", "note", "source") VALUES ('STEP2_CK@2026-05-07', 'STEP2_CK', '2026-05-07', 30, 20, 16, '16 × 30 min, up to 20 items, at most 318 items', 'format2026') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "effectiveFrom" = excluded."effectiveFrom", "blockMinutes" = excluded."blockMinutes", "maxItemsPerBlock" = excluded."maxItemsPerBlock", "blocks" = excluded."blocks", "note" = excluded."note", "source" = excluded."source";
INSERT INTO "ExamFormat" ("id", "exam", "effectiveFrom", "blockMinutes", "maxItemsPerBlock", "blocks", "note", "source") VALUES ('STEP3@2000-01-01', 'STEP3', '2000-01-01', 60, 39, 6, 'Day 1: 6 × 60 min (232 items); Day 2: 6 × 45 min and 13–14 CCS', 'format2026') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "effectiveFrom" = excluded."effectiveFrom", "blockMinutes" = excluded."blockMinutes", "maxItemsPerBlock" = excluded."maxItemsPerBlock", "blocks" = excluded."blocks", "note" = excluded."note", "source" = excluded."source";
INSERT INTO "ExamFormat" ("id", "exam", "effectiveFrom", "blockMinutes", "maxItemsPerBlock", "blocks", "note", "source") VALUES ('STEP3@2026-03-10', 'STEP3', '2026-03-10', 30, 20, 12, 'Day 1: 12 × 30 min, 18–20 items; Day 2: 9 × 30 min and 13–14 CCS', 'format2026') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "effectiveFrom" = excluded."effectiveFrom", "blockMinutes" = excluded."blockMinutes", "maxItemsPerBlock" = excluded."maxItemsPerBlock", "blocks" = excluded."blocks", "note" = excluded."note", "source" = excluded."source";

-- ContentArea: 77 rows
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.task.medical-knowledge', 'STEP1', 'PHYSICIAN_TASK', 'Medical Knowledge: Applying Foundational Science Concepts', 60, 70, 0, 0, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.task.diagnosis', 'STEP1', 'PHYSICIAN_TASK', 'Patient Care: Diagnosis', 20, 25, 0, 1, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.task.communication', 'STEP1', 'PHYSICIAN_TASK', 'Communication and Interpersonal Skills', 6, 9, 0, 2, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.task.practice-based-learning', 'STEP1', 'PHYSICIAN_TASK', 'Practice-based Learning & Improvement', 4, 6, 0, 3, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.system.reproductive-endocrine', 'STEP1', 'SYSTEM', 'Reproductive & Endocrine Systems', 12, 16, 0, 4, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.system.respiratory-renal', 'STEP1', 'SYSTEM', 'Respiratory & Renal/Urinary Systems', 11, 15, 0, 5, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.system.behavioral-nervous', 'STEP1', 'SYSTEM', 'Behavioral Health & Nervous Systems/Special Senses', 10, 14, 0, 6, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.system.blood-immune', 'STEP1', 'SYSTEM', 'Blood & Lymphoreticular/Immune Systems', 9, 13, 0, 7, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.system.musculoskeletal-skin', 'STEP1', 'SYSTEM', 'Musculoskeletal, Skin & Subcutaneous Tissue', 8, 12, 0, 8, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.system.multisystem', 'STEP1', 'SYSTEM', 'Multisystem Processes & Disorders', 8, 12, 0, 9, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.system.cardiovascular', 'STEP1', 'SYSTEM', 'Cardiovascular System', 7, 11, 0, 10, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.system.gastrointestinal', 'STEP1', 'SYSTEM', 'Gastrointestinal System', 6, 10, 0, 11, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.system.social-sciences', 'STEP1', 'SYSTEM', 'Social Sciences: Communication and Interpersonal Skills', 6, 9, 0, 12, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.system.biostatistics', 'STEP1', 'SYSTEM', 'Biostatistics & Epidemiology/Population Health', 4, 6, 0, 13, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.system.human-development', 'STEP1', 'SYSTEM', 'Human Development', 1, 3, 0, 14, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.system.general-principles', 'STEP1', 'SYSTEM', 'General Principles', 12, 16, 1, 15, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.discipline.pathology', 'STEP1', 'DISCIPLINE', 'Pathology', 45, 55, 0, 16, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.discipline.physiology', 'STEP1', 'DISCIPLINE', 'Physiology', 30, 40, 0, 17, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.discipline.pharmacology', 'STEP1', 'DISCIPLINE', 'Pharmacology', 10, 20, 0, 18, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.discipline.microbiology', 'STEP1', 'DISCIPLINE', 'Microbiology', 10, 20, 0, 19, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.discipline.gross-anatomy', 'STEP1', 'DISCIPLINE', 'Gross Anatomy & Embryology', 10, 20, 0, 20, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.discipline.behavioral-sciences', 'STEP1', 'DISCIPLINE', 'Behavioral Sciences', 10, 15, 0, 21, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.discipline.immunology', 'STEP1', 'DISCIPLINE', 'Immunology', 5, 15, 0, 22, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.discipline.histology', 'STEP1', 'DISCIPLINE', 'Histology & Cell Biology', 5, 15, 0, 23, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.discipline.biochemistry', 'STEP1', 'DISCIPLINE', 'Biochemistry & Nutrition', 5, 15, 0, 24, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step1.discipline.genetics', 'STEP1', 'DISCIPLINE', 'Genetics', 5, 10, 0, 25, 'usmleStep1Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.discipline.medicine', 'STEP2_CK', 'DISCIPLINE', 'Medicine', 55, 65, 0, 26, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.discipline.surgery', 'STEP2_CK', 'DISCIPLINE', 'Surgery', 20, 30, 0, 27, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.discipline.pediatrics', 'STEP2_CK', 'DISCIPLINE', 'Pediatrics', NULL, NULL, 0, 28, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.discipline.obgyn', 'STEP2_CK', 'DISCIPLINE', 'Obstetrics & Gynecology', NULL, NULL, 0, 29, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.discipline.psychiatry', 'STEP2_CK', 'DISCIPLINE', 'Psychiatry', NULL, NULL, 0, 30, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.human-development', 'STEP2_CK', 'SYSTEM', 'Human Development', NULL, NULL, 0, 31, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.immune', 'STEP2_CK', 'SYSTEM', 'Immune System', NULL, NULL, 0, 32, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.blood', 'STEP2_CK', 'SYSTEM', 'Blood & Lymphoreticular System', NULL, NULL, 0, 33, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.behavioral-health', 'STEP2_CK', 'SYSTEM', 'Behavioral Health', NULL, NULL, 0, 34, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.nervous', 'STEP2_CK', 'SYSTEM', 'Nervous System & Special Senses', NULL, NULL, 0, 35, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.musculoskeletal-skin', 'STEP2_CK', 'SYSTEM', 'Musculoskeletal System/Skin & Subcutaneous Tissue', NULL, NULL, 0, 36, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.cardiovascular', 'STEP2_CK', 'SYSTEM', 'Cardiovascular System', NULL, NULL, 0, 37, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.respiratory', 'STEP2_CK', 'SYSTEM', 'Respiratory System', NULL, NULL, 0, 38, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.gastrointestinal', 'STEP2_CK', 'SYSTEM', 'Gastrointestinal System', NULL, NULL, 0, 39, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.renal-reproductive', 'STEP2_CK', 'SYSTEM', 'Renal & Urinary System & Reproductive Systems', NULL, NULL, 0, 40, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.pregnancy', 'STEP2_CK', 'SYSTEM', 'Pregnancy, Childbirth & the Puerperium', NULL, NULL, 0, 41, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.endocrine', 'STEP2_CK', 'SYSTEM', 'Endocrine System', NULL, NULL, 0, 42, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.multisystem', 'STEP2_CK', 'SYSTEM', 'Multisystem Processes & Disorders', NULL, NULL, 0, 43, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.biostatistics', 'STEP2_CK', 'SYSTEM', 'Biostatistics & Epidemiology/Population Health/Interpretation of Medical Literature', NULL, NULL, 0, 44, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.system.social-sciences', 'STEP2_CK', 'SYSTEM', 'Social Sciences: Legal/Ethical Issues & Professionalism/Systems-based Practice & Patient Safety', NULL, NULL, 0, 45, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.task.medical-knowledge', 'STEP2_CK', 'PHYSICIAN_TASK', 'Medical Knowledge: Applying Foundational Science Concepts', NULL, NULL, 0, 46, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.task.history-physical', 'STEP2_CK', 'PHYSICIAN_TASK', 'Patient Care: History and Physical Exam', NULL, NULL, 0, 47, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.task.lab-diagnostic', 'STEP2_CK', 'PHYSICIAN_TASK', 'Patient Care: Laboratory/Diagnostic Studies', NULL, NULL, 0, 48, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.task.diagnosis', 'STEP2_CK', 'PHYSICIAN_TASK', 'Patient Care: Diagnosis', NULL, NULL, 0, 49, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.task.prognosis', 'STEP2_CK', 'PHYSICIAN_TASK', 'Patient Care: Prognosis/Outcome', NULL, NULL, 0, 50, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.task.health-maintenance', 'STEP2_CK', 'PHYSICIAN_TASK', 'Patient Care: Health Maintenance/Disease Prevention', NULL, NULL, 0, 51, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.task.pharmacotherapy', 'STEP2_CK', 'PHYSICIAN_TASK', 'Patient Care: Pharmacotherapy', NULL, NULL, 0, 52, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.task.clinical-interventions', 'STEP2_CK', 'PHYSICIAN_TASK', 'Patient Care: Clinical Interventions', NULL, NULL, 0, 53, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.task.mixed-management', 'STEP2_CK', 'PHYSICIAN_TASK', 'Patient Care: Mixed Management', NULL, NULL, 0, 54, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.task.practice-based-learning', 'STEP2_CK', 'PHYSICIAN_TASK', 'Practice-based Learning & Improvement', NULL, NULL, 0, 55, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.task.professionalism', 'STEP2_CK', 'PHYSICIAN_TASK', 'Professionalism', NULL, NULL, 0, 56, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step2ck.task.systems-based-practice', 'STEP2_CK', 'PHYSICIAN_TASK', 'Systems-based Practice & Patient Safety', NULL, NULL, 0, 57, 'usmleStep2CkOutline', 1) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.biostatistics', 'STEP3', 'SYSTEM', 'Biostatistics & Epidemiology/Population Health & Interpretation of the Medical Literature', 11, 13, 0, 58, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.cardiovascular', 'STEP3', 'SYSTEM', 'Cardiovascular System', 9, 11, 0, 59, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.respiratory', 'STEP3', 'SYSTEM', 'Respiratory System', 8, 10, 0, 60, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.nervous', 'STEP3', 'SYSTEM', 'Nervous System & Special Senses', 8, 10, 0, 61, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.social-sciences', 'STEP3', 'SYSTEM', 'Social Sciences: Communication Skills, Ethics & Patient Safety', 7, 9, 0, 62, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.pregnancy-female', 'STEP3', 'SYSTEM', 'Pregnancy, Childbirth & the Puerperium, and Female Reproductive System & Breast', 7, 9, 0, 63, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.gastrointestinal', 'STEP3', 'SYSTEM', 'Gastrointestinal System', 6, 8, 0, 64, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.immune-blood-multisystem', 'STEP3', 'SYSTEM', 'Immune System, Blood & Lymphoreticular System, and Multisystem Processes & Disorders', 6, 8, 0, 65, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.endocrine', 'STEP3', 'SYSTEM', 'Endocrine System', 5, 7, 0, 66, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.musculoskeletal', 'STEP3', 'SYSTEM', 'Musculoskeletal System', 5, 7, 0, 67, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.renal-male', 'STEP3', 'SYSTEM', 'Renal/Urinary System & Male Reproductive System', 4, 6, 0, 68, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.skin', 'STEP3', 'SYSTEM', 'Skin & Subcutaneous Tissue', 4, 6, 0, 69, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.behavioral-health', 'STEP3', 'SYSTEM', 'Behavioral Health', 4, 6, 0, 70, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.system.human-development', 'STEP3', 'SYSTEM', 'Human Development', 1, 3, 0, 71, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.task.diagnosis', 'STEP3', 'PHYSICIAN_TASK', 'Patient Care: Diagnosis', 33, 36, 0, 72, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.task.management', 'STEP3', 'PHYSICIAN_TASK', 'Patient Care: Management', 32, 35, 0, 73, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.task.practice-based-learning', 'STEP3', 'PHYSICIAN_TASK', 'Practice-based Learning & Improvement', 11, 13, 0, 74, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.task.medical-knowledge', 'STEP3', 'PHYSICIAN_TASK', 'Medical Knowledge: Applying Foundational Science Concepts', 11, 12, 0, 75, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "ContentArea" ("id", "exam", "dimension", "name", "weightMin", "weightMax", "legacy", "sortOrder", "source", "check") VALUES ('step3.task.communication-professionalism', 'STEP3', 'PHYSICIAN_TASK', 'Communication, Professionalism, Systems-based Practice & Patient Safety', 7, 9, 0, 76, 'usmleStep3Outline', 0) ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "dimension" = excluded."dimension", "name" = excluded."name", "weightMin" = excluded."weightMin", "weightMax" = excluded."weightMax", "legacy" = excluded."legacy", "sortOrder" = excluded."sortOrder", "source" = excluded."source", "check" = excluded."check";

-- ContentAreaAlias: 15 rows
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP1:Microbiology & Immunology:step1.discipline.microbiology', 'STEP1', 'Microbiology & Immunology', 'step1.discipline.microbiology', 'usmleStep1Outline') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP1:Microbiology & Immunology:step1.discipline.immunology', 'STEP1', 'Microbiology & Immunology', 'step1.discipline.immunology', 'usmleStep1Outline') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP1:Respiratory and Renal/Urinary Systems:step1.system.respiratory-renal', 'STEP1', 'Respiratory and Renal/Urinary Systems', 'step1.system.respiratory-renal', 'usmleStep1Outline') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP2_CK:Patient Care: Management:step2ck.task.pharmacotherapy', 'STEP2_CK', 'Patient Care: Management', 'step2ck.task.pharmacotherapy', 'step2CkReportedAreas') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP2_CK:Patient Care: Management:step2ck.task.clinical-interventions', 'STEP2_CK', 'Patient Care: Management', 'step2ck.task.clinical-interventions', 'step2CkReportedAreas') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP2_CK:Patient Care: Management:step2ck.task.mixed-management', 'STEP2_CK', 'Patient Care: Management', 'step2ck.task.mixed-management', 'step2CkReportedAreas') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP2_CK:Health Maintenance & Disease Prevention:step2ck.task.health-maintenance', 'STEP2_CK', 'Health Maintenance & Disease Prevention', 'step2ck.task.health-maintenance', 'step2CkReportedAreas') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP2_CK:Renal/Urinary & Reproductive:step2ck.system.renal-reproductive', 'STEP2_CK', 'Renal/Urinary & Reproductive', 'step2ck.system.renal-reproductive', 'step2CkReportedAreas') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP2_CK:Musculoskeletal System & Skin:step2ck.system.musculoskeletal-skin', 'STEP2_CK', 'Musculoskeletal System & Skin', 'step2ck.system.musculoskeletal-skin', 'step2CkReportedAreas') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP2_CK:Musculoskeletal System:step2ck.system.musculoskeletal-skin', 'STEP2_CK', 'Musculoskeletal System', 'step2ck.system.musculoskeletal-skin', 'usmleStep2CkOutline') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP2_CK:Skin & Subcutaneous Tissue:step2ck.system.musculoskeletal-skin', 'STEP2_CK', 'Skin & Subcutaneous Tissue', 'step2ck.system.musculoskeletal-skin', 'usmleStep2CkOutline') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP2_CK:Social Sciences (Ethics/Safety/Legal):step2ck.system.social-sciences', 'STEP2_CK', 'Social Sciences (Ethics/Safety/Legal)', 'step2ck.system.social-sciences', 'step2CkReportedAreas') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP2_CK:Social Sciences: Communication, Ethics & Patient Safety:step2ck.system.social-sciences', 'STEP2_CK', 'Social Sciences: Communication, Ethics & Patient Safety', 'step2ck.system.social-sciences', 'step2CkReportedAreas') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP2_CK:Renal & Urinary System & Male Reproductive System:step2ck.system.renal-reproductive', 'STEP2_CK', 'Renal & Urinary System & Male Reproductive System', 'step2ck.system.renal-reproductive', 'usmleStep2CkOutline') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";
INSERT INTO "ContentAreaAlias" ("id", "exam", "label", "contentAreaId", "source") VALUES ('STEP2_CK:Female Reproductive System & Breast:step2ck.system.renal-reproductive', 'STEP2_CK', 'Female Reproductive System & Breast', 'step2ck.system.renal-reproductive', 'usmleStep2CkOutline') ON CONFLICT("id") DO UPDATE SET "exam" = excluded."exam", "label" = excluded."label", "contentAreaId" = excluded."contentAreaId", "source" = excluded."source";

-- PracticeInstrument: 8 rows
INSERT INTO "PracticeInstrument" ("id", "name", "shortName", "targetExams", "scaleFamily", "scaleLabel", "scaleMin", "scaleMax", "likelyRangeHalfWidth", "reportsPassProbability", "defaultLowPassLow", "defaultLowPassHigh", "predictive", "note", "source", "check") VALUES ('NBME_CBSSA', 'NBME Comprehensive Basic Science Self-Assessment', 'CBSSA', 'STEP1', 'PERCENT', 'Equated percent correct', 0, 100, 4, 1, 62, 68, 1, 'Ready when the whole likely range (EPC ± 4) lies above the printed low-pass band.', 'nbmeCbssaGuidance', 1) ON CONFLICT("id") DO UPDATE SET "name" = excluded."name", "shortName" = excluded."shortName", "targetExams" = excluded."targetExams", "scaleFamily" = excluded."scaleFamily", "scaleLabel" = excluded."scaleLabel", "scaleMin" = excluded."scaleMin", "scaleMax" = excluded."scaleMax", "likelyRangeHalfWidth" = excluded."likelyRangeHalfWidth", "reportsPassProbability" = excluded."reportsPassProbability", "defaultLowPassLow" = excluded."defaultLowPassLow", "defaultLowPassHigh" = excluded."defaultLowPassHigh", "predictive" = excluded."predictive", "note" = excluded."note", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PracticeInstrument" ("id", "name", "shortName", "targetExams", "scaleFamily", "scaleLabel", "scaleMin", "scaleMax", "likelyRangeHalfWidth", "reportsPassProbability", "defaultLowPassLow", "defaultLowPassHigh", "predictive", "note", "source", "check") VALUES ('NBME_CCSSA', 'NBME Comprehensive Clinical Science Self-Assessment', 'CCSSA', 'STEP2_CK', 'THREE_DIGIT', 'Total CCSSA score', 1, 300, 9, 0, NULL, NULL, 1, 'Score minus one standard error (about 9) should still reach the Step 2 CK standard.', 'nbmeCcssaForms', 1) ON CONFLICT("id") DO UPDATE SET "name" = excluded."name", "shortName" = excluded."shortName", "targetExams" = excluded."targetExams", "scaleFamily" = excluded."scaleFamily", "scaleLabel" = excluded."scaleLabel", "scaleMin" = excluded."scaleMin", "scaleMax" = excluded."scaleMax", "likelyRangeHalfWidth" = excluded."likelyRangeHalfWidth", "reportsPassProbability" = excluded."reportsPassProbability", "defaultLowPassLow" = excluded."defaultLowPassLow", "defaultLowPassHigh" = excluded."defaultLowPassHigh", "predictive" = excluded."predictive", "note" = excluded."note", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PracticeInstrument" ("id", "name", "shortName", "targetExams", "scaleFamily", "scaleLabel", "scaleMin", "scaleMax", "likelyRangeHalfWidth", "reportsPassProbability", "defaultLowPassLow", "defaultLowPassHigh", "predictive", "note", "source", "check") VALUES ('NBME_CCMSA', 'NBME Comprehensive Clinical Medicine Self-Assessment', 'CCMSA', 'STEP3', 'ASSESSMENT_800', 'Assessment score', 10, 800, NULL, 0, NULL, NULL, 0, 'NBME states it does not predict Step 3: use it to find weak areas only.', 'nbmeCcmsa', 1) ON CONFLICT("id") DO UPDATE SET "name" = excluded."name", "shortName" = excluded."shortName", "targetExams" = excluded."targetExams", "scaleFamily" = excluded."scaleFamily", "scaleLabel" = excluded."scaleLabel", "scaleMin" = excluded."scaleMin", "scaleMax" = excluded."scaleMax", "likelyRangeHalfWidth" = excluded."likelyRangeHalfWidth", "reportsPassProbability" = excluded."reportsPassProbability", "defaultLowPassLow" = excluded."defaultLowPassLow", "defaultLowPassHigh" = excluded."defaultLowPassHigh", "predictive" = excluded."predictive", "note" = excluded."note", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PracticeInstrument" ("id", "name", "shortName", "targetExams", "scaleFamily", "scaleLabel", "scaleMin", "scaleMax", "likelyRangeHalfWidth", "reportsPassProbability", "defaultLowPassLow", "defaultLowPassHigh", "predictive", "note", "source", "check") VALUES ('NBME_CBSE', 'NBME Comprehensive Basic Science Examination (school-administered)', 'CBSE', 'STEP1', 'CBSE_SCALED', 'Scaled score', 0, 100, NULL, 0, NULL, NULL, 1, 'School-run; compare with the school''s own benchmark.', 'nbmeCbse', 0) ON CONFLICT("id") DO UPDATE SET "name" = excluded."name", "shortName" = excluded."shortName", "targetExams" = excluded."targetExams", "scaleFamily" = excluded."scaleFamily", "scaleLabel" = excluded."scaleLabel", "scaleMin" = excluded."scaleMin", "scaleMax" = excluded."scaleMax", "likelyRangeHalfWidth" = excluded."likelyRangeHalfWidth", "reportsPassProbability" = excluded."reportsPassProbability", "defaultLowPassLow" = excluded."defaultLowPassLow", "defaultLowPassHigh" = excluded."defaultLowPassHigh", "predictive" = excluded."predictive", "note" = excluded."note", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PracticeInstrument" ("id", "name", "shortName", "targetExams", "scaleFamily", "scaleLabel", "scaleMin", "scaleMax", "likelyRangeHalfWidth", "reportsPassProbability", "defaultLowPassLow", "defaultLowPassHigh", "predictive", "note", "source", "check") VALUES ('UWSA', 'UWorld Self-Assessment', 'UWSA', 'STEP1,STEP2_CK', 'THREE_DIGIT', 'Estimated three-digit score', 1, 300, NULL, 0, NULL, NULL, 1, 'Tends to over-predict Step 2 CK by several points.', 'uworldSelfAssessment', 0) ON CONFLICT("id") DO UPDATE SET "name" = excluded."name", "shortName" = excluded."shortName", "targetExams" = excluded."targetExams", "scaleFamily" = excluded."scaleFamily", "scaleLabel" = excluded."scaleLabel", "scaleMin" = excluded."scaleMin", "scaleMax" = excluded."scaleMax", "likelyRangeHalfWidth" = excluded."likelyRangeHalfWidth", "reportsPassProbability" = excluded."reportsPassProbability", "defaultLowPassLow" = excluded."defaultLowPassLow", "defaultLowPassHigh" = excluded."defaultLowPassHigh", "predictive" = excluded."predictive", "note" = excluded."note", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PracticeInstrument" ("id", "name", "shortName", "targetExams", "scaleFamily", "scaleLabel", "scaleMin", "scaleMax", "likelyRangeHalfWidth", "reportsPassProbability", "defaultLowPassLow", "defaultLowPassHigh", "predictive", "note", "source", "check") VALUES ('FREE_120', 'USMLE sample test questions (Free 120)', 'Free 120', 'STEP1,STEP2_CK,STEP3', 'PERCENT', 'Percent correct', 0, 100, NULL, 0, NULL, NULL, 0, 'No official pass line; the live exam needs about 60% correct.', 'free120', 0) ON CONFLICT("id") DO UPDATE SET "name" = excluded."name", "shortName" = excluded."shortName", "targetExams" = excluded."targetExams", "scaleFamily" = excluded."scaleFamily", "scaleLabel" = excluded."scaleLabel", "scaleMin" = excluded."scaleMin", "scaleMax" = excluded."scaleMax", "likelyRangeHalfWidth" = excluded."likelyRangeHalfWidth", "reportsPassProbability" = excluded."reportsPassProbability", "defaultLowPassLow" = excluded."defaultLowPassLow", "defaultLowPassHigh" = excluded."defaultLowPassHigh", "predictive" = excluded."predictive", "note" = excluded."note", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PracticeInstrument" ("id", "name", "shortName", "targetExams", "scaleFamily", "scaleLabel", "scaleMin", "scaleMax", "likelyRangeHalfWidth", "reportsPassProbability", "defaultLowPassLow", "defaultLowPassHigh", "predictive", "note", "source", "check") VALUES ('AMBOSS_SA', 'AMBOSS Self-Assessment', 'AMBOSS SA', 'STEP1,STEP2_CK,STEP3', 'PERCENT', 'Percent correct', 0, 100, NULL, 0, NULL, NULL, 0, 'Raw percent, not equated.', 'ambossSelfAssessment', 0) ON CONFLICT("id") DO UPDATE SET "name" = excluded."name", "shortName" = excluded."shortName", "targetExams" = excluded."targetExams", "scaleFamily" = excluded."scaleFamily", "scaleLabel" = excluded."scaleLabel", "scaleMin" = excluded."scaleMin", "scaleMax" = excluded."scaleMax", "likelyRangeHalfWidth" = excluded."likelyRangeHalfWidth", "reportsPassProbability" = excluded."reportsPassProbability", "defaultLowPassLow" = excluded."defaultLowPassLow", "defaultLowPassHigh" = excluded."defaultLowPassHigh", "predictive" = excluded."predictive", "note" = excluded."note", "source" = excluded."source", "check" = excluded."check";
INSERT INTO "PracticeInstrument" ("id", "name", "shortName", "targetExams", "scaleFamily", "scaleLabel", "scaleMin", "scaleMax", "likelyRangeHalfWidth", "reportsPassProbability", "defaultLowPassLow", "defaultLowPassHigh", "predictive", "note", "source", "check") VALUES ('OTHER', 'Other practice assessment (percent correct)', 'Other', 'STEP1,STEP2_CK,STEP3', 'PERCENT', 'Percent correct', 0, 100, NULL, 0, NULL, NULL, 0, 'Question-bank blocks and other raw percentages.', 'free120', 0) ON CONFLICT("id") DO UPDATE SET "name" = excluded."name", "shortName" = excluded."shortName", "targetExams" = excluded."targetExams", "scaleFamily" = excluded."scaleFamily", "scaleLabel" = excluded."scaleLabel", "scaleMin" = excluded."scaleMin", "scaleMax" = excluded."scaleMax", "likelyRangeHalfWidth" = excluded."likelyRangeHalfWidth", "reportsPassProbability" = excluded."reportsPassProbability", "defaultLowPassLow" = excluded."defaultLowPassLow", "defaultLowPassHigh" = excluded."defaultLowPassHigh", "predictive" = excluded."predictive", "note" = excluded."note", "source" = excluded."source", "check" = excluded."check";

-- PracticeForm: 28 rows
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CBSSA:STEP1:Form 25', 'NBME_CBSSA', 'Form 25', 'STEP1', 0, 0) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CBSSA:STEP1:Form 26', 'NBME_CBSSA', 'Form 26', 'STEP1', 1, 1) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CBSSA:STEP1:Form 27', 'NBME_CBSSA', 'Form 27', 'STEP1', 1, 2) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CBSSA:STEP1:Form 28', 'NBME_CBSSA', 'Form 28', 'STEP1', 1, 3) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CBSSA:STEP1:Form 29', 'NBME_CBSSA', 'Form 29', 'STEP1', 1, 4) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CBSSA:STEP1:Form 30', 'NBME_CBSSA', 'Form 30', 'STEP1', 1, 5) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CBSSA:STEP1:Form 31', 'NBME_CBSSA', 'Form 31', 'STEP1', 1, 6) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CBSSA:STEP1:Form 32', 'NBME_CBSSA', 'Form 32', 'STEP1', 1, 7) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CBSSA:STEP1:Form 33', 'NBME_CBSSA', 'Form 33', 'STEP1', 1, 8) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CCSSA:STEP2_CK:Form 9', 'NBME_CCSSA', 'Form 9', 'STEP2_CK', 1, 0) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CCSSA:STEP2_CK:Form 10', 'NBME_CCSSA', 'Form 10', 'STEP2_CK', 1, 1) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CCSSA:STEP2_CK:Form 11', 'NBME_CCSSA', 'Form 11', 'STEP2_CK', 1, 2) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CCSSA:STEP2_CK:Form 12', 'NBME_CCSSA', 'Form 12', 'STEP2_CK', 1, 3) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CCSSA:STEP2_CK:Form 13', 'NBME_CCSSA', 'Form 13', 'STEP2_CK', 1, 4) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CCSSA:STEP2_CK:Form 14', 'NBME_CCSSA', 'Form 14', 'STEP2_CK', 1, 5) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CCSSA:STEP2_CK:Form 15', 'NBME_CCSSA', 'Form 15', 'STEP2_CK', 1, 6) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CCSSA:STEP2_CK:Form 16', 'NBME_CCSSA', 'Form 16', 'STEP2_CK', 1, 7) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CCMSA:STEP3:Form 5', 'NBME_CCMSA', 'Form 5', 'STEP3', 1, 0) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CCMSA:STEP3:Form 6', 'NBME_CCMSA', 'Form 6', 'STEP3', 1, 1) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('NBME_CCMSA:STEP3:Form 7', 'NBME_CCMSA', 'Form 7', 'STEP3', 1, 2) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('UWSA:STEP1:UWSA 1', 'UWSA', 'UWSA 1', 'STEP1', 1, 0) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('UWSA:STEP1:UWSA 2', 'UWSA', 'UWSA 2', 'STEP1', 1, 1) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('UWSA:STEP1:UWSA 3', 'UWSA', 'UWSA 3', 'STEP1', 1, 2) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('UWSA:STEP2_CK:UWSA 1', 'UWSA', 'UWSA 1', 'STEP2_CK', 1, 3) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('UWSA:STEP2_CK:UWSA 2', 'UWSA', 'UWSA 2', 'STEP2_CK', 1, 4) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('UWSA:STEP2_CK:UWSA 3', 'UWSA', 'UWSA 3', 'STEP2_CK', 1, 5) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('FREE_120:any:2024 update', 'FREE_120', '2024 update', NULL, 1, 0) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";
INSERT INTO "PracticeForm" ("id", "instrumentId", "name", "exam", "active", "sortOrder") VALUES ('FREE_120:any:Older version', 'FREE_120', 'Older version', NULL, 1, 1) ON CONFLICT("id") DO UPDATE SET "instrumentId" = excluded."instrumentId", "name" = excluded."name", "exam" = excluded."exam", "active" = excluded."active", "sortOrder" = excluded."sortOrder";

