-- CreateTable
CREATE TABLE "ThrottleFailure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "at" REAL NOT NULL
);

-- CreateTable
CREATE TABLE "ThrottleBucket" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "tokens" REAL NOT NULL,
    "at" REAL NOT NULL,
    "allowed" INTEGER NOT NULL DEFAULT 1,

    PRIMARY KEY ("scope", "key")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" REAL NOT NULL,
    "acquiredAt" REAL NOT NULL
);

-- CreateIndex
CREATE INDEX "ThrottleFailure_scope_key_at_idx" ON "ThrottleFailure"("scope", "key", "at");

-- CreateIndex
CREATE INDEX "ThrottleFailure_at_idx" ON "ThrottleFailure"("at");

-- CreateIndex
CREATE INDEX "ThrottleBucket_at_idx" ON "ThrottleBucket"("at");
