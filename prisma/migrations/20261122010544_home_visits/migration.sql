-- AlterTable
ALTER TABLE "User" ADD COLUMN "previousHomeVisitAt" DATETIME;
