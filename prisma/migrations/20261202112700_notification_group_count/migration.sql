-- AlterTable (additive: a grouped notification counts the events it stands for)
ALTER TABLE "Notification" ADD COLUMN "groupCount" INTEGER NOT NULL DEFAULT 1;
