/*
  Warnings:

  - A unique constraint covering the columns `[dingtalkUserId]` on the table `app_user` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[dedupeKey]` on the table `notification_delivery` will be added. If there are existing duplicate values, this will fail.
  - Added the required column `kind` to the `notification_delivery` table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "dingtalkLinkedAt" TIMESTAMP(3),
ADD COLUMN     "dingtalkUserId" TEXT;

-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "programmeId" TEXT,
ADD COLUMN     "urgent" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "notification_delivery" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "contentKey" TEXT,
ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "digestId" TEXT,
ADD COLUMN     "kind" TEXT,
ADD COLUMN     "link" TEXT,
ADD COLUMN     "notBefore" TIMESTAMP(3),
ADD COLUMN     "params" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "providerRef" TEXT,
ADD COLUMN     "recipientId" TEXT,
ADD COLUMN     "recipientType" TEXT,
ADD COLUMN     "template" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "urgent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "userId" TEXT,
ALTER COLUMN "notificationId" DROP NOT NULL;

-- Rows queued before this migration (none where no channel was ever registered) carry their
-- notification's kind and recipient.
UPDATE "notification_delivery" d SET "kind" = n."kind", "userId" = n."userId", "template" = n."titleKey", "params" = n."params", "link" = n."link"
FROM "notification" n WHERE n."id" = d."notificationId";
UPDATE "notification_delivery" SET "kind" = 'unknown' WHERE "kind" IS NULL;
ALTER TABLE "notification_delivery" ALTER COLUMN "kind" SET NOT NULL;

-- CreateTable
CREATE TABLE "notification_preference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("userId","kind","channel")
);

-- CreateTable
CREATE TABLE "programme_notification_rule" (
    "programmeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "external" BOOLEAN NOT NULL,
    "urgent" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,

    CONSTRAINT "programme_notification_rule_pkey" PRIMARY KEY ("programmeId","kind")
);

-- CreateTable
CREATE TABLE "manager_report" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "storageKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "manager_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "manager_report_userId_createdAt_idx" ON "manager_report"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "manager_report_userId_period_periodStart_key" ON "manager_report"("userId", "period", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_dingtalkUserId_key" ON "app_user"("dingtalkUserId");

-- CreateIndex
CREATE UNIQUE INDEX "notification_delivery_dedupeKey_key" ON "notification_delivery"("dedupeKey");

-- CreateIndex
CREATE INDEX "notification_delivery_status_notBefore_idx" ON "notification_delivery"("status", "notBefore");

-- CreateIndex
CREATE INDEX "notification_delivery_userId_channel_sentAt_idx" ON "notification_delivery"("userId", "channel", "sentAt");

-- CreateIndex
CREATE INDEX "notification_delivery_digestId_idx" ON "notification_delivery"("digestId");

-- AddForeignKey
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_notification_rule" ADD CONSTRAINT "programme_notification_rule_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_notification_rule" ADD CONSTRAINT "programme_notification_rule_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manager_report" ADD CONSTRAINT "manager_report_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
