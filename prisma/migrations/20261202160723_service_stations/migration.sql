-- CreateEnum
CREATE TYPE "ServiceItemKind" AS ENUM ('STAFFED', 'SELF_SERVICE');

-- CreateEnum
CREATE TYPE "ServiceCaseChannel" AS ENUM ('WALK_IN', 'APPOINTMENT');

-- CreateEnum
CREATE TYPE "ServiceCaseStatus" AS ENUM ('SCHEDULED', 'IN_PROGRESS', 'ROUND_TABLE', 'FINISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ServiceCaseOutcome" AS ENUM ('COMPLETED', 'REFERRED', 'REJECTED');

-- CreateEnum
CREATE TYPE "RoundTableStatus" AS ENUM ('OPEN', 'CONCLUDED');

-- CreateEnum
CREATE TYPE "RoundTableVerdict" AS ENUM ('AGREE', 'AGREE_WITH_CONDITIONS', 'DISAGREE');

-- AlterEnum
ALTER TYPE "ProgrammeType" ADD VALUE 'SERVICE_STATION';

-- CreateTable
CREATE TABLE "service_station" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "hours" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_station_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_item" (
    "id" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "ServiceItemKind" NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "department" TEXT NOT NULL DEFAULT '',
    "documentsNeeded" TEXT NOT NULL DEFAULT '',
    "standardMinutes" INTEGER NOT NULL,
    "usualMinutes" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "service_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_bundle" (
    "id" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_bundle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_bundle_item" (
    "bundleId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "service_bundle_item_pkey" PRIMARY KEY ("bundleId","itemId")
);

-- CreateTable
CREATE TABLE "service_case" (
    "id" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "channel" "ServiceCaseChannel" NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "bundleId" TEXT,
    "staffId" TEXT NOT NULL,
    "visitorName" TEXT NOT NULL DEFAULT '',
    "request" TEXT NOT NULL DEFAULT '',
    "scheduledAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "status" "ServiceCaseStatus" NOT NULL,
    "outcome" "ServiceCaseOutcome",
    "outcomeNote" TEXT NOT NULL DEFAULT '',
    "usualMinutes" INTEGER,
    "actualMinutes" INTEGER,
    "savedMinutes" INTEGER,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "service_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_case_item" (
    "caseId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "standardMinutes" INTEGER NOT NULL,
    "usualMinutes" INTEGER NOT NULL,

    CONSTRAINT "service_case_item_pkey" PRIMARY KEY ("caseId","itemId")
);

-- CreateTable
CREATE TABLE "round_table" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "topic" TEXT NOT NULL DEFAULT '',
    "status" "RoundTableStatus" NOT NULL DEFAULT 'OPEN',
    "openedById" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "concludedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "round_table_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "round_table_opinion" (
    "id" TEXT NOT NULL,
    "roundTableId" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "verdict" "RoundTableVerdict",
    "comment" TEXT NOT NULL DEFAULT '',
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "round_table_opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_case_document" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_case_document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "service_station_programmeId_idx" ON "service_station"("programmeId");

-- CreateIndex
CREATE INDEX "service_station_orgUnitId_idx" ON "service_station"("orgUnitId");

-- CreateIndex
CREATE INDEX "service_item_stationId_kind_active_idx" ON "service_item"("stationId", "kind", "active");

-- CreateIndex
CREATE UNIQUE INDEX "service_item_stationId_code_key" ON "service_item"("stationId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "service_bundle_stationId_code_key" ON "service_bundle"("stationId", "code");

-- CreateIndex
CREATE INDEX "service_bundle_item_itemId_idx" ON "service_bundle_item"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "service_case_number_key" ON "service_case"("number");

-- CreateIndex
CREATE INDEX "service_case_programmeId_finishedAt_idx" ON "service_case"("programmeId", "finishedAt");

-- CreateIndex
CREATE INDEX "service_case_stationId_status_idx" ON "service_case"("stationId", "status");

-- CreateIndex
CREATE INDEX "service_case_orgUnitId_finishedAt_idx" ON "service_case"("orgUnitId", "finishedAt");

-- CreateIndex
CREATE INDEX "service_case_enterpriseId_idx" ON "service_case"("enterpriseId");

-- CreateIndex
CREATE INDEX "service_case_staffId_idx" ON "service_case"("staffId");

-- CreateIndex
CREATE INDEX "service_case_item_itemId_idx" ON "service_case_item"("itemId");

-- CreateIndex
CREATE INDEX "round_table_caseId_idx" ON "round_table"("caseId");

-- CreateIndex
CREATE INDEX "round_table_status_idx" ON "round_table"("status");

-- CreateIndex
CREATE UNIQUE INDEX "round_table_opinion_roundTableId_department_key" ON "round_table_opinion"("roundTableId", "department");

-- CreateIndex
CREATE INDEX "service_case_document_caseId_idx" ON "service_case_document"("caseId");

-- AddForeignKey
ALTER TABLE "service_station" ADD CONSTRAINT "service_station_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_station" ADD CONSTRAINT "service_station_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_item" ADD CONSTRAINT "service_item_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "service_station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_bundle" ADD CONSTRAINT "service_bundle_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "service_station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_bundle_item" ADD CONSTRAINT "service_bundle_item_bundleId_fkey" FOREIGN KEY ("bundleId") REFERENCES "service_bundle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_bundle_item" ADD CONSTRAINT "service_bundle_item_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "service_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "service_station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_bundleId_fkey" FOREIGN KEY ("bundleId") REFERENCES "service_bundle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case_item" ADD CONSTRAINT "service_case_item_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "service_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case_item" ADD CONSTRAINT "service_case_item_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "service_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "round_table" ADD CONSTRAINT "round_table_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "service_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "round_table" ADD CONSTRAINT "round_table_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "round_table_opinion" ADD CONSTRAINT "round_table_opinion_roundTableId_fkey" FOREIGN KEY ("roundTableId") REFERENCES "round_table"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "round_table_opinion" ADD CONSTRAINT "round_table_opinion_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case_document" ADD CONSTRAINT "service_case_document_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "service_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_case_document" ADD CONSTRAINT "service_case_document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
