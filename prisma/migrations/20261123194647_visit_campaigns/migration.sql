-- CreateEnum
CREATE TYPE "EnterpriseSize" AS ENUM ('ABOVE_SCALE', 'SMALL_MICRO');

-- CreateEnum
CREATE TYPE "FrequencyRuleKind" AS ENUM ('ENTERPRISE_BY_COMMISSIONER', 'OFFICER_GUIDED_HOUSEHOLD', 'OFFICER_ANY');

-- CreateEnum
CREATE TYPE "FrequencyPeriod" AS ENUM ('WEEK', 'MONTH');

-- CreateEnum
CREATE TYPE "VisitKind" AS ENUM ('HOUSEHOLD', 'ENTERPRISE', 'FOLLOW_UP');

-- CreateEnum
CREATE TYPE "ProblemStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'ESCALATED', 'RESOLVED', 'CONFIRMED', 'REOPENED');

-- CreateTable
CREATE TABLE "household" (
    "id" TEXT NOT NULL,
    "householdKey" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "headName" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "phone" TEXT,
    "membersCount" INTEGER NOT NULL DEFAULT 1,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enterprise" (
    "id" TEXT NOT NULL,
    "creditCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "industry" TEXT NOT NULL DEFAULT '',
    "size" "EnterpriseSize" NOT NULL DEFAULT 'SMALL_MICRO',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT,
    "commissionerId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_participant" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "mentorId" TEXT,

    CONSTRAINT "campaign_participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_assignment" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "officerId" TEXT,

    CONSTRAINT "campaign_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_check_item" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "campaign_check_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_frequency_rule" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "kind" "FrequencyRuleKind" NOT NULL,
    "period" "FrequencyPeriod" NOT NULL,
    "minVisits" INTEGER NOT NULL DEFAULT 1,
    "dueSoonDays" INTEGER NOT NULL DEFAULT 3,

    CONSTRAINT "campaign_frequency_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT,
    "orgUnitId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "mentorId" TEXT,
    "kind" "VisitKind" NOT NULL,
    "householdId" TEXT,
    "enterpriseId" TEXT,
    "visitedAt" TIMESTAMP(3) NOT NULL,
    "checklist" JSONB NOT NULL DEFAULT '[]',
    "notes" TEXT NOT NULL DEFAULT '',
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_service" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "visit_service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_photo" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visit_photo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problem" (
    "id" TEXT NOT NULL,
    "visitId" TEXT,
    "programmeId" TEXT,
    "orgUnitId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL DEFAULT '',
    "status" "ProblemStatus" NOT NULL DEFAULT 'OPEN',
    "assigneeId" TEXT,
    "escalatedToOrgUnitId" TEXT,
    "escalationReason" TEXT,
    "resolution" TEXT,
    "dueDate" DATE,
    "resolvedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "problem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problem_event" (
    "id" TEXT NOT NULL,
    "problemId" TEXT NOT NULL,
    "fromStatus" "ProblemStatus",
    "toStatus" "ProblemStatus" NOT NULL,
    "actorId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "problem_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_event" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "organiserId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "participants" INTEGER NOT NULL DEFAULT 0,
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "household_householdKey_key" ON "household"("householdKey");

-- CreateIndex
CREATE INDEX "household_orgUnitId_id_idx" ON "household"("orgUnitId", "id");

-- CreateIndex
CREATE INDEX "household_headName_idx" ON "household"("headName");

-- CreateIndex
CREATE UNIQUE INDEX "enterprise_creditCode_key" ON "enterprise"("creditCode");

-- CreateIndex
CREATE INDEX "enterprise_orgUnitId_id_idx" ON "enterprise"("orgUnitId", "id");

-- CreateIndex
CREATE INDEX "enterprise_name_idx" ON "enterprise"("name");

-- CreateIndex
CREATE INDEX "enterprise_commissionerId_idx" ON "enterprise"("commissionerId");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_participant_programmeId_officerId_key" ON "campaign_participant"("programmeId", "officerId");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_assignment_programmeId_orgUnitId_key" ON "campaign_assignment"("programmeId", "orgUnitId");

-- CreateIndex
CREATE INDEX "visit_orgUnitId_visitedAt_idx" ON "visit"("orgUnitId", "visitedAt");

-- CreateIndex
CREATE INDEX "visit_officerId_visitedAt_idx" ON "visit"("officerId", "visitedAt");

-- CreateIndex
CREATE INDEX "visit_programmeId_visitedAt_idx" ON "visit"("programmeId", "visitedAt");

-- CreateIndex
CREATE INDEX "visit_householdId_idx" ON "visit"("householdId");

-- CreateIndex
CREATE INDEX "visit_enterpriseId_idx" ON "visit"("enterpriseId");

-- CreateIndex
CREATE UNIQUE INDEX "visit_photo_storageKey_key" ON "visit_photo"("storageKey");

-- CreateIndex
CREATE INDEX "problem_orgUnitId_status_idx" ON "problem"("orgUnitId", "status");

-- CreateIndex
CREATE INDEX "problem_escalatedToOrgUnitId_status_idx" ON "problem"("escalatedToOrgUnitId", "status");

-- CreateIndex
CREATE INDEX "problem_assigneeId_status_idx" ON "problem"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "problem_programmeId_status_idx" ON "problem"("programmeId", "status");

-- CreateIndex
CREATE INDEX "problem_event_problemId_at_idx" ON "problem_event"("problemId", "at");

-- CreateIndex
CREATE INDEX "campaign_event_programmeId_heldOn_idx" ON "campaign_event"("programmeId", "heldOn");

-- CreateIndex
CREATE INDEX "campaign_event_orgUnitId_heldOn_idx" ON "campaign_event"("orgUnitId", "heldOn");

-- AddForeignKey
ALTER TABLE "household" ADD CONSTRAINT "household_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_commissionerId_fkey" FOREIGN KEY ("commissionerId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_participant" ADD CONSTRAINT "campaign_participant_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_participant" ADD CONSTRAINT "campaign_participant_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_participant" ADD CONSTRAINT "campaign_participant_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_assignment" ADD CONSTRAINT "campaign_assignment_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_assignment" ADD CONSTRAINT "campaign_assignment_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_check_item" ADD CONSTRAINT "campaign_check_item_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_frequency_rule" ADD CONSTRAINT "campaign_frequency_rule_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_service" ADD CONSTRAINT "visit_service_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_photo" ADD CONSTRAINT "visit_photo_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem" ADD CONSTRAINT "problem_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem" ADD CONSTRAINT "problem_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem" ADD CONSTRAINT "problem_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem" ADD CONSTRAINT "problem_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem" ADD CONSTRAINT "problem_escalatedToOrgUnitId_fkey" FOREIGN KEY ("escalatedToOrgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_event" ADD CONSTRAINT "problem_event_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_event" ADD CONSTRAINT "campaign_event_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_event" ADD CONSTRAINT "campaign_event_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_event" ADD CONSTRAINT "campaign_event_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
