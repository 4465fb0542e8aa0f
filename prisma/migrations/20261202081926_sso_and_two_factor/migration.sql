-- CreateTable
CREATE TABLE "SchoolSignIn" (
    "schoolId" TEXT NOT NULL PRIMARY KEY,
    "ssoIssuer" TEXT,
    "ssoClientId" TEXT,
    "ssoClientSecret" TEXT,
    "ssoEnabled" BOOLEAN NOT NULL DEFAULT false,
    "ssoRequiredForStaff" BOOLEAN NOT NULL DEFAULT false,
    "ssoJitStudents" BOOLEAN NOT NULL DEFAULT false,
    "twoFactorRequiredFor" TEXT NOT NULL DEFAULT 'NONE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "SchoolSignIn_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SsoDomain" (
    "domain" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    CONSTRAINT "SsoDomain_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "SchoolSignIn" ("schoolId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SsoIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SsoIdentity_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "SchoolSignIn" ("schoolId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SsoIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SsoFlow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "redirectTo" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TwoFactor" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "secret" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "lastCounter" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TwoFactor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (added columns only: no copy of the sessions table)
ALTER TABLE "AuthSession" ADD COLUMN "method" TEXT NOT NULL DEFAULT 'PASSWORD';
ALTER TABLE "AuthSession" ADD COLUMN "ssoSchoolId" TEXT;
ALTER TABLE "AuthSession" ADD COLUMN "secondFactorAt" DATETIME;

-- CreateIndex
CREATE INDEX "SsoDomain_schoolId_idx" ON "SsoDomain"("schoolId");

-- CreateIndex
CREATE INDEX "SsoIdentity_userId_idx" ON "SsoIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SsoIdentity_schoolId_subject_key" ON "SsoIdentity"("schoolId", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "SsoIdentity_schoolId_userId_key" ON "SsoIdentity"("schoolId", "userId");

-- CreateIndex
CREATE INDEX "SsoFlow_expiresAt_idx" ON "SsoFlow"("expiresAt");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_codeHash_idx" ON "RecoveryCode"("userId", "codeHash");
