-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "RequestChannel" AS ENUM ('PHONE', 'VISIT', 'ONLINE');

-- CreateEnum
CREATE TYPE "RequestUrgency" AS ENUM ('NORMAL', 'URGENT');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'RESPONDED', 'RESOLVED', 'CLOSED', 'REOPENED', 'MERGED');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "PoolKind" AS ENUM ('MENTOR', 'TRAINEE');

-- CreateEnum
CREATE TYPE "PoolMemberStatus" AS ENUM ('ACTIVE', 'PAUSED', 'GRADUATED', 'REMOVED');

-- CreateEnum
CREATE TYPE "PairingStatus" AS ENUM ('ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'SIGNED_OFF');

-- CreateEnum
CREATE TYPE "MentoringActivityKind" AS ENUM ('GUIDED_VISIT', 'DISPUTE_RESOLUTION', 'COORDINATION', 'TALK', 'REVIEW', 'OTHER');

-- CreateEnum
CREATE TYPE "ShowcaseSessionStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ShowcaseDimension" AS ENUM ('LIVE', 'WRITTEN');

-- CreateEnum
CREATE TYPE "TalentListKind" AS ENUM ('PROFESSIONAL', 'YOUNG');

-- CreateEnum
CREATE TYPE "PointSubject" AS ENUM ('TALENT', 'ENTERPRISE');

-- CreateEnum
CREATE TYPE "LedgerEntryKind" AS ENUM ('GRANT', 'REDEMPTION', 'REVERSAL', 'EXPIRY');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "RedemptionStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'FULFILLED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TaskForceKind" AS ENUM ('LEADERSHIP', 'DEPARTMENT', 'STREET_PLATFORM');

-- CreateEnum
CREATE TYPE "LeadStage" AS ENUM ('LEAD', 'NEGOTIATING', 'SIGNED', 'LANDED', 'LOST');

-- CreateEnum
CREATE TYPE "KeyProjectStage" AS ENUM ('PLANNED', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION');

-- CreateEnum
CREATE TYPE "KeyMilestoneKind" AS ENUM ('LAND_LISTING', 'PERMITS', 'START', 'COMPLETION', 'PRODUCTION');

-- CreateEnum
CREATE TYPE "PledgeStatus" AS ENUM ('OPEN', 'DONE', 'MISSED');

-- CreateEnum
CREATE TYPE "RankingDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- AlterTable
ALTER TABLE "problem" ADD COLUMN     "keyProjectId" TEXT;

-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "settings" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "sequence_counter" (
    "name" TEXT NOT NULL,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "sequence_counter_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "rate_limit_bucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rate_limit_bucket_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "calendar_day" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "titleKey" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT,
    "entityType" TEXT,
    "entityId" TEXT,
    "digestKey" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_delivery" (
    "id" TEXT NOT NULL,
    "notificationId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_request" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "trackingCode" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "enterpriseName" TEXT NOT NULL DEFAULT '',
    "channel" "RequestChannel" NOT NULL,
    "visitId" TEXT,
    "callerName" TEXT NOT NULL,
    "callerPhone" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL,
    "urgency" "RequestUrgency" NOT NULL DEFAULT 'NORMAL',
    "status" "RequestStatus" NOT NULL DEFAULT 'RECEIVED',
    "receivedById" TEXT,
    "leadDepartmentId" TEXT,
    "assigneeId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptDueAt" TIMESTAMP(3) NOT NULL,
    "assignDueAt" TIMESTAMP(3) NOT NULL,
    "respondDueAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "assignedAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "response" TEXT,
    "resolution" TEXT,
    "satisfaction" INTEGER,
    "feedbackComment" TEXT,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "mergedIntoId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "service_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_request_co_handler" (
    "requestId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,

    CONSTRAINT "service_request_co_handler_pkey" PRIMARY KEY ("requestId","orgUnitId")
);

-- CreateTable
CREATE TABLE "service_request_event" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" "RequestStatus",
    "toStatus" "RequestStatus",
    "actorId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_request_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_request_extension" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "proposedDueAt" TIMESTAMP(3) NOT NULL,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decisionNote" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_request_extension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_request_alert" (
    "requestId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_request_alert_pkey" PRIMARY KEY ("requestId","stage","kind")
);

-- CreateTable
CREATE TABLE "pool_member" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "pool" "PoolKind" NOT NULL,
    "status" "PoolMemberStatus" NOT NULL DEFAULT 'ACTIVE',
    "lineOfWork" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER,
    "activeTrainees" INTEGER NOT NULL DEFAULT 0,
    "priorityPromotion" BOOLEAN NOT NULL DEFAULT false,
    "reserveCadre" BOOLEAN NOT NULL DEFAULT false,
    "reserveNote" TEXT,
    "joinedOn" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "pool_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pool_member_change" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" "PoolMemberStatus",
    "toStatus" "PoolMemberStatus",
    "reason" TEXT NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "decidedById" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pool_member_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pairing" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "traineeId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "status" "PairingStatus" NOT NULL DEFAULT 'ACTIVE',
    "endedReason" TEXT,
    "rating" INTEGER,
    "evaluation" TEXT,
    "evaluatedById" TEXT,
    "evaluatedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "pairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_template" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "plan_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "development_plan" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "templateId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "development_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_goal" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "plan_goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_milestone" (
    "id" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'PLANNED',
    "note" TEXT NOT NULL DEFAULT '',
    "signedOffById" TEXT,
    "signedOffAt" TIMESTAMP(3),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "plan_milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "development_plan_version" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "changedById" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "development_plan_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mentoring_activity" (
    "id" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "kind" "MentoringActivityKind" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "visitId" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mentoring_activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "showcase_session" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "status" "ShowcaseSessionStatus" NOT NULL DEFAULT 'OPEN',
    "trimMinJudges" INTEGER NOT NULL DEFAULT 5,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "showcase_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "showcase_criterion" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "dimension" "ShowcaseDimension" NOT NULL,
    "name" TEXT NOT NULL,
    "weight" DECIMAL(6,3) NOT NULL,
    "maxScore" INTEGER NOT NULL DEFAULT 100,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "showcase_criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "showcase_entry" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "narrative" TEXT NOT NULL DEFAULT '',
    "narrativeFileKey" TEXT,
    "narrativeFileName" TEXT,
    "finalScore" DECIMAL(8,3),
    "rank" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "showcase_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "showcase_judge" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "showcase_judge_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "showcase_conflict" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "judgeId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "showcase_conflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "showcase_score" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "judgeId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" DECIMAL(6,2) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "showcase_score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent_list_entry" (
    "id" TEXT NOT NULL,
    "list" "TalentListKind" NOT NULL,
    "userId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "sourceEntryId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "addedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "talent_list_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "point_item" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "subject" "PointSubject" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "levels" JSONB NOT NULL,
    "capPerItem" INTEGER,
    "capPerYear" INTEGER,
    "evidenceTypes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "validityMonths" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "point_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "point_resource" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pointsCost" INTEGER NOT NULL,
    "eligibility" JSONB NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "point_resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resource_quota" (
    "id" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "orgUnitId" TEXT,
    "enterpriseId" TEXT,
    "total" INTEGER NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "resource_quota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enterprise_tier" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "tier" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "minPoints" INTEGER NOT NULL,
    "quotas" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "enterprise_tier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "talent" (
    "id" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "idNumberEnc" TEXT NOT NULL,
    "idHash" TEXT NOT NULL,
    "idLast4" TEXT NOT NULL,
    "gender" TEXT,
    "birthDate" DATE,
    "phone" TEXT,
    "education" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL DEFAULT '',
    "position" TEXT NOT NULL DEFAULT '',
    "joinedOn" DATE,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "talent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "point_account" (
    "id" TEXT NOT NULL,
    "subject" "PointSubject" NOT NULL,
    "talentId" TEXT,
    "enterpriseId" TEXT,
    "orgUnitId" TEXT NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "point_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "point_ledger_entry" (
    "seq" BIGSERIAL NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "LedgerEntryKind" NOT NULL,
    "points" INTEGER NOT NULL,
    "balanceAfter" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "itemId" TEXT,
    "applicationId" TEXT,
    "redemptionId" TEXT,
    "reversesSeq" BIGINT,
    "expiresOn" DATE,
    "reason" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "point_ledger_entry_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "point_application" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "subject" "PointSubject" NOT NULL,
    "talentId" TEXT,
    "enterpriseId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "preparedById" TEXT NOT NULL,
    "reviewerId" TEXT,
    "decidedById" TEXT,
    "decisionNote" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "point_application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "point_application_line" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "levelCode" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "claimedPoints" INTEGER NOT NULL,
    "awardedPoints" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "point_application_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "point_evidence" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "lineId" TEXT,
    "evidenceType" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "point_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "point_application_event" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "fromStatus" "ApplicationStatus",
    "toStatus" "ApplicationStatus" NOT NULL,
    "actorId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "point_application_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "redemption" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "quotaId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "talentId" TEXT,
    "enterpriseId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "status" "RedemptionStatus" NOT NULL DEFAULT 'REQUESTED',
    "requestedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decisionNote" TEXT,
    "decidedAt" TIMESTAMP(3),
    "fulfilledAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "redemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_force" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TaskForceKind" NOT NULL,
    "leaderId" TEXT NOT NULL,
    "sectors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "targetTrips" INTEGER NOT NULL DEFAULT 0,
    "targetEnterprises" INTEGER NOT NULL DEFAULT 0,
    "targetProjects" INTEGER NOT NULL DEFAULT 0,
    "targetInvestmentWan" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "task_force_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_force_member" (
    "taskForceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "task_force_member_pkey" PRIMARY KEY ("taskForceId","userId")
);

-- CreateTable
CREATE TABLE "prospect" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL DEFAULT '',
    "sector" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT,
    "creditCode" TEXT,
    "convertedEnterpriseId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prospect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "investment_trip" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "taskForceId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "destinationCity" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "investment_trip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trip_participant" (
    "tripId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "trip_participant_pkey" PRIMARY KEY ("tripId","userId")
);

-- CreateTable
CREATE TABLE "trip_meeting" (
    "id" TEXT NOT NULL,
    "tripId" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "prospectId" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "trip_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "investment_lead" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "taskForceId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "tripMeetingId" TEXT,
    "enterpriseId" TEXT,
    "prospectId" TEXT,
    "title" TEXT NOT NULL,
    "sector" TEXT NOT NULL DEFAULT '',
    "plannedInvestmentWan" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "stage" "LeadStage" NOT NULL DEFAULT 'LEAD',
    "signedOn" DATE,
    "signedAmountWan" DECIMAL(18,2),
    "contractNo" TEXT,
    "landedOn" DATE,
    "lostReason" TEXT,
    "ownerId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "investment_lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "investment_lead_event" (
    "id" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "fromStage" "LeadStage",
    "toStage" "LeadStage" NOT NULL,
    "actorId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "investment_lead_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "key_project" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerEnterpriseId" TEXT,
    "investmentWan" DECIMAL(18,2) NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "liaisonId" TEXT,
    "stage" "KeyProjectStage" NOT NULL DEFAULT 'PLANNED',
    "stageChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "key_project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "key_project_milestone" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" "KeyMilestoneKind" NOT NULL,
    "plannedOn" DATE NOT NULL,
    "actualOn" DATE,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "key_project_milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "key_project_event" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStage" "KeyProjectStage",
    "toStage" "KeyProjectStage",
    "actorId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "key_project_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pledge" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "pledgerId" TEXT,
    "keyProjectId" TEXT,
    "problem" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "PledgeStatus" NOT NULL DEFAULT 'OPEN',
    "doneOn" DATE,
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ranking_scheme" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentOrgUnitId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ranking_scheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ranking_weight" (
    "id" TEXT NOT NULL,
    "schemeId" TEXT NOT NULL,
    "indicatorKey" TEXT NOT NULL,
    "weight" DECIMAL(6,3) NOT NULL,
    "direction" "RankingDirection" NOT NULL DEFAULT 'HIGHER_IS_BETTER',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ranking_weight_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rate_limit_bucket_windowStart_idx" ON "rate_limit_bucket"("windowStart");

-- CreateIndex
CREATE INDEX "notification_userId_readAt_lastAt_idx" ON "notification"("userId", "readAt", "lastAt");

-- CreateIndex
CREATE INDEX "notification_userId_digestKey_idx" ON "notification"("userId", "digestKey");

-- CreateIndex
CREATE INDEX "notification_delivery_status_createdAt_idx" ON "notification_delivery"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "notification_delivery_notificationId_channel_key" ON "notification_delivery"("notificationId", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "service_request_number_key" ON "service_request"("number");

-- CreateIndex
CREATE INDEX "service_request_programmeId_status_idx" ON "service_request"("programmeId", "status");

-- CreateIndex
CREATE INDEX "service_request_orgUnitId_receivedAt_idx" ON "service_request"("orgUnitId", "receivedAt");

-- CreateIndex
CREATE INDEX "service_request_enterpriseId_receivedAt_idx" ON "service_request"("enterpriseId", "receivedAt");

-- CreateIndex
CREATE INDEX "service_request_leadDepartmentId_status_idx" ON "service_request"("leadDepartmentId", "status");

-- CreateIndex
CREATE INDEX "service_request_assigneeId_status_idx" ON "service_request"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "service_request_status_respondDueAt_idx" ON "service_request"("status", "respondDueAt");

-- CreateIndex
CREATE INDEX "service_request_co_handler_orgUnitId_idx" ON "service_request_co_handler"("orgUnitId");

-- CreateIndex
CREATE INDEX "service_request_event_requestId_at_idx" ON "service_request_event"("requestId", "at");

-- CreateIndex
CREATE INDEX "service_request_extension_requestId_idx" ON "service_request_extension"("requestId");

-- CreateIndex
CREATE INDEX "service_request_extension_status_idx" ON "service_request_extension"("status");

-- CreateIndex
CREATE INDEX "pool_member_userId_idx" ON "pool_member"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "pool_member_programmeId_pool_userId_key" ON "pool_member"("programmeId", "pool", "userId");

-- CreateIndex
CREATE INDEX "pool_member_change_memberId_at_idx" ON "pool_member_change"("memberId", "at");

-- CreateIndex
CREATE INDEX "pairing_programmeId_status_idx" ON "pairing"("programmeId", "status");

-- CreateIndex
CREATE INDEX "pairing_mentorId_status_idx" ON "pairing"("mentorId", "status");

-- CreateIndex
CREATE INDEX "pairing_traineeId_status_idx" ON "pairing"("traineeId", "status");

-- CreateIndex
CREATE INDEX "pairing_orgUnitId_idx" ON "pairing"("orgUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "development_plan_pairingId_key" ON "development_plan"("pairingId");

-- CreateIndex
CREATE INDEX "plan_goal_planId_idx" ON "plan_goal"("planId");

-- CreateIndex
CREATE INDEX "plan_milestone_goalId_idx" ON "plan_milestone"("goalId");

-- CreateIndex
CREATE INDEX "plan_milestone_dueDate_status_idx" ON "plan_milestone"("dueDate", "status");

-- CreateIndex
CREATE UNIQUE INDEX "development_plan_version_planId_version_key" ON "development_plan_version"("planId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "mentoring_activity_visitId_key" ON "mentoring_activity"("visitId");

-- CreateIndex
CREATE INDEX "mentoring_activity_pairingId_occurredOn_idx" ON "mentoring_activity"("pairingId", "occurredOn");

-- CreateIndex
CREATE INDEX "showcase_session_programmeId_heldOn_idx" ON "showcase_session"("programmeId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "showcase_entry_sessionId_officerId_key" ON "showcase_entry"("sessionId", "officerId");

-- CreateIndex
CREATE UNIQUE INDEX "showcase_conflict_judgeId_entryId_key" ON "showcase_conflict"("judgeId", "entryId");

-- CreateIndex
CREATE INDEX "showcase_score_judgeId_idx" ON "showcase_score"("judgeId");

-- CreateIndex
CREATE UNIQUE INDEX "showcase_score_entryId_judgeId_criterionId_key" ON "showcase_score"("entryId", "judgeId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "talent_list_entry_list_userId_key" ON "talent_list_entry"("list", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "point_item_programmeId_code_key" ON "point_item"("programmeId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "point_resource_programmeId_code_key" ON "point_resource"("programmeId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "resource_quota_resourceId_period_orgUnitId_enterpriseId_key" ON "resource_quota"("resourceId", "period", "orgUnitId", "enterpriseId");

-- CreateIndex
CREATE UNIQUE INDEX "enterprise_tier_programmeId_tier_key" ON "enterprise_tier"("programmeId", "tier");

-- CreateIndex
CREATE UNIQUE INDEX "talent_idHash_key" ON "talent"("idHash");

-- CreateIndex
CREATE INDEX "talent_enterpriseId_idx" ON "talent"("enterpriseId");

-- CreateIndex
CREATE INDEX "talent_orgUnitId_idx" ON "talent"("orgUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "point_account_talentId_key" ON "point_account"("talentId");

-- CreateIndex
CREATE UNIQUE INDEX "point_account_enterpriseId_key" ON "point_account"("enterpriseId");

-- CreateIndex
CREATE INDEX "point_account_orgUnitId_idx" ON "point_account"("orgUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "point_ledger_entry_reversesSeq_key" ON "point_ledger_entry"("reversesSeq");

-- CreateIndex
CREATE INDEX "point_ledger_entry_accountId_seq_idx" ON "point_ledger_entry"("accountId", "seq");

-- CreateIndex
CREATE INDEX "point_ledger_entry_year_kind_idx" ON "point_ledger_entry"("year", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "point_application_number_key" ON "point_application"("number");

-- CreateIndex
CREATE INDEX "point_application_programmeId_status_idx" ON "point_application"("programmeId", "status");

-- CreateIndex
CREATE INDEX "point_application_enterpriseId_idx" ON "point_application"("enterpriseId");

-- CreateIndex
CREATE INDEX "point_application_orgUnitId_status_idx" ON "point_application"("orgUnitId", "status");

-- CreateIndex
CREATE INDEX "point_application_line_applicationId_idx" ON "point_application_line"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "point_evidence_storageKey_key" ON "point_evidence"("storageKey");

-- CreateIndex
CREATE INDEX "point_application_event_applicationId_at_idx" ON "point_application_event"("applicationId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "redemption_number_key" ON "redemption"("number");

-- CreateIndex
CREATE INDEX "redemption_resourceId_status_idx" ON "redemption"("resourceId", "status");

-- CreateIndex
CREATE INDEX "redemption_enterpriseId_idx" ON "redemption"("enterpriseId");

-- CreateIndex
CREATE INDEX "redemption_orgUnitId_status_idx" ON "redemption"("orgUnitId", "status");

-- CreateIndex
CREATE INDEX "task_force_programmeId_idx" ON "task_force"("programmeId");

-- CreateIndex
CREATE INDEX "task_force_orgUnitId_idx" ON "task_force"("orgUnitId");

-- CreateIndex
CREATE INDEX "task_force_member_userId_idx" ON "task_force_member"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "prospect_convertedEnterpriseId_key" ON "prospect"("convertedEnterpriseId");

-- CreateIndex
CREATE INDEX "prospect_programmeId_idx" ON "prospect"("programmeId");

-- CreateIndex
CREATE INDEX "investment_trip_taskForceId_startDate_idx" ON "investment_trip"("taskForceId", "startDate");

-- CreateIndex
CREATE INDEX "investment_trip_orgUnitId_startDate_idx" ON "investment_trip"("orgUnitId", "startDate");

-- CreateIndex
CREATE INDEX "trip_meeting_tripId_idx" ON "trip_meeting"("tripId");

-- CreateIndex
CREATE INDEX "investment_lead_programmeId_stage_idx" ON "investment_lead"("programmeId", "stage");

-- CreateIndex
CREATE INDEX "investment_lead_taskForceId_stage_idx" ON "investment_lead"("taskForceId", "stage");

-- CreateIndex
CREATE INDEX "investment_lead_orgUnitId_stage_idx" ON "investment_lead"("orgUnitId", "stage");

-- CreateIndex
CREATE INDEX "investment_lead_event_leadId_at_idx" ON "investment_lead_event"("leadId", "at");

-- CreateIndex
CREATE INDEX "key_project_programmeId_stage_idx" ON "key_project"("programmeId", "stage");

-- CreateIndex
CREATE INDEX "key_project_orgUnitId_idx" ON "key_project"("orgUnitId");

-- CreateIndex
CREATE INDEX "key_project_milestone_plannedOn_idx" ON "key_project_milestone"("plannedOn");

-- CreateIndex
CREATE UNIQUE INDEX "key_project_milestone_projectId_kind_key" ON "key_project_milestone"("projectId", "kind");

-- CreateIndex
CREATE INDEX "key_project_event_projectId_at_idx" ON "key_project_event"("projectId", "at");

-- CreateIndex
CREATE INDEX "pledge_programmeId_status_idx" ON "pledge"("programmeId", "status");

-- CreateIndex
CREATE INDEX "pledge_orgUnitId_dueOn_idx" ON "pledge"("orgUnitId", "dueOn");

-- CreateIndex
CREATE INDEX "ranking_scheme_parentOrgUnitId_idx" ON "ranking_scheme"("parentOrgUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "ranking_weight_schemeId_indicatorKey_key" ON "ranking_weight"("schemeId", "indicatorKey");

-- CreateIndex
CREATE INDEX "problem_keyProjectId_idx" ON "problem"("keyProjectId");

-- AddForeignKey
ALTER TABLE "problem" ADD CONSTRAINT "problem_keyProjectId_fkey" FOREIGN KEY ("keyProjectId") REFERENCES "key_project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_receivedById_fkey" FOREIGN KEY ("receivedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_leadDepartmentId_fkey" FOREIGN KEY ("leadDepartmentId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "service_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request_co_handler" ADD CONSTRAINT "service_request_co_handler_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request_co_handler" ADD CONSTRAINT "service_request_co_handler_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request_event" ADD CONSTRAINT "service_request_event_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request_event" ADD CONSTRAINT "service_request_event_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request_extension" ADD CONSTRAINT "service_request_extension_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request_extension" ADD CONSTRAINT "service_request_extension_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request_extension" ADD CONSTRAINT "service_request_extension_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_request_alert" ADD CONSTRAINT "service_request_alert_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "service_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pool_member" ADD CONSTRAINT "pool_member_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pool_member" ADD CONSTRAINT "pool_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pool_member_change" ADD CONSTRAINT "pool_member_change_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "pool_member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pool_member_change" ADD CONSTRAINT "pool_member_change_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_traineeId_fkey" FOREIGN KEY ("traineeId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_evaluatedById_fkey" FOREIGN KEY ("evaluatedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_template" ADD CONSTRAINT "plan_template_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_plan" ADD CONSTRAINT "development_plan_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "pairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_plan" ADD CONSTRAINT "development_plan_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "plan_template"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_planId_fkey" FOREIGN KEY ("planId") REFERENCES "development_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_milestone" ADD CONSTRAINT "plan_milestone_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "plan_goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_milestone" ADD CONSTRAINT "plan_milestone_signedOffById_fkey" FOREIGN KEY ("signedOffById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_plan_version" ADD CONSTRAINT "development_plan_version_planId_fkey" FOREIGN KEY ("planId") REFERENCES "development_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_plan_version" ADD CONSTRAINT "development_plan_version_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentoring_activity" ADD CONSTRAINT "mentoring_activity_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "pairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentoring_activity" ADD CONSTRAINT "mentoring_activity_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentoring_activity" ADD CONSTRAINT "mentoring_activity_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_session" ADD CONSTRAINT "showcase_session_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_session" ADD CONSTRAINT "showcase_session_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_criterion" ADD CONSTRAINT "showcase_criterion_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "showcase_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_entry" ADD CONSTRAINT "showcase_entry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "showcase_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_entry" ADD CONSTRAINT "showcase_entry_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_judge" ADD CONSTRAINT "showcase_judge_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "showcase_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_judge" ADD CONSTRAINT "showcase_judge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_conflict" ADD CONSTRAINT "showcase_conflict_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "showcase_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_conflict" ADD CONSTRAINT "showcase_conflict_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_conflict" ADD CONSTRAINT "showcase_conflict_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "showcase_entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_score" ADD CONSTRAINT "showcase_score_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "showcase_entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_score" ADD CONSTRAINT "showcase_score_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "showcase_score" ADD CONSTRAINT "showcase_score_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "showcase_criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_list_entry" ADD CONSTRAINT "talent_list_entry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent_list_entry" ADD CONSTRAINT "talent_list_entry_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_item" ADD CONSTRAINT "point_item_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_resource" ADD CONSTRAINT "point_resource_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_quota" ADD CONSTRAINT "resource_quota_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "point_resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_quota" ADD CONSTRAINT "resource_quota_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_quota" ADD CONSTRAINT "resource_quota_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enterprise_tier" ADD CONSTRAINT "enterprise_tier_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent" ADD CONSTRAINT "talent_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "talent" ADD CONSTRAINT "talent_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_account" ADD CONSTRAINT "point_account_talentId_fkey" FOREIGN KEY ("talentId") REFERENCES "talent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_account" ADD CONSTRAINT "point_account_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_ledger_entry" ADD CONSTRAINT "point_ledger_entry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "point_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_ledger_entry" ADD CONSTRAINT "point_ledger_entry_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "point_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_ledger_entry" ADD CONSTRAINT "point_ledger_entry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "point_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_ledger_entry" ADD CONSTRAINT "point_ledger_entry_redemptionId_fkey" FOREIGN KEY ("redemptionId") REFERENCES "redemption"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_ledger_entry" ADD CONSTRAINT "point_ledger_entry_reversesSeq_fkey" FOREIGN KEY ("reversesSeq") REFERENCES "point_ledger_entry"("seq") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_application" ADD CONSTRAINT "point_application_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_application" ADD CONSTRAINT "point_application_talentId_fkey" FOREIGN KEY ("talentId") REFERENCES "talent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_application" ADD CONSTRAINT "point_application_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_application" ADD CONSTRAINT "point_application_preparedById_fkey" FOREIGN KEY ("preparedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_application" ADD CONSTRAINT "point_application_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_application" ADD CONSTRAINT "point_application_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_application_line" ADD CONSTRAINT "point_application_line_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "point_application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_application_line" ADD CONSTRAINT "point_application_line_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "point_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_evidence" ADD CONSTRAINT "point_evidence_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "point_application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_evidence" ADD CONSTRAINT "point_evidence_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "point_application_line"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "point_application_event" ADD CONSTRAINT "point_application_event_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "point_application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "redemption" ADD CONSTRAINT "redemption_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "point_resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "redemption" ADD CONSTRAINT "redemption_quotaId_fkey" FOREIGN KEY ("quotaId") REFERENCES "resource_quota"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "redemption" ADD CONSTRAINT "redemption_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "point_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "redemption" ADD CONSTRAINT "redemption_talentId_fkey" FOREIGN KEY ("talentId") REFERENCES "talent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "redemption" ADD CONSTRAINT "redemption_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "redemption" ADD CONSTRAINT "redemption_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "redemption" ADD CONSTRAINT "redemption_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_force" ADD CONSTRAINT "task_force_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_force" ADD CONSTRAINT "task_force_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_force" ADD CONSTRAINT "task_force_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_force_member" ADD CONSTRAINT "task_force_member_taskForceId_fkey" FOREIGN KEY ("taskForceId") REFERENCES "task_force"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_force_member" ADD CONSTRAINT "task_force_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prospect" ADD CONSTRAINT "prospect_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prospect" ADD CONSTRAINT "prospect_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prospect" ADD CONSTRAINT "prospect_convertedEnterpriseId_fkey" FOREIGN KEY ("convertedEnterpriseId") REFERENCES "enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment_trip" ADD CONSTRAINT "investment_trip_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment_trip" ADD CONSTRAINT "investment_trip_taskForceId_fkey" FOREIGN KEY ("taskForceId") REFERENCES "task_force"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment_trip" ADD CONSTRAINT "investment_trip_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment_trip" ADD CONSTRAINT "investment_trip_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trip_participant" ADD CONSTRAINT "trip_participant_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "investment_trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trip_participant" ADD CONSTRAINT "trip_participant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trip_meeting" ADD CONSTRAINT "trip_meeting_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "investment_trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trip_meeting" ADD CONSTRAINT "trip_meeting_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trip_meeting" ADD CONSTRAINT "trip_meeting_prospectId_fkey" FOREIGN KEY ("prospectId") REFERENCES "prospect"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment_lead" ADD CONSTRAINT "investment_lead_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment_lead" ADD CONSTRAINT "investment_lead_taskForceId_fkey" FOREIGN KEY ("taskForceId") REFERENCES "task_force"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment_lead" ADD CONSTRAINT "investment_lead_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment_lead" ADD CONSTRAINT "investment_lead_tripMeetingId_fkey" FOREIGN KEY ("tripMeetingId") REFERENCES "trip_meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment_lead" ADD CONSTRAINT "investment_lead_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment_lead" ADD CONSTRAINT "investment_lead_prospectId_fkey" FOREIGN KEY ("prospectId") REFERENCES "prospect"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment_lead" ADD CONSTRAINT "investment_lead_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investment_lead_event" ADD CONSTRAINT "investment_lead_event_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "investment_lead"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "key_project" ADD CONSTRAINT "key_project_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "key_project" ADD CONSTRAINT "key_project_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "key_project" ADD CONSTRAINT "key_project_ownerEnterpriseId_fkey" FOREIGN KEY ("ownerEnterpriseId") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "key_project" ADD CONSTRAINT "key_project_liaisonId_fkey" FOREIGN KEY ("liaisonId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "key_project_milestone" ADD CONSTRAINT "key_project_milestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "key_project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "key_project_event" ADD CONSTRAINT "key_project_event_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "key_project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_pledgerId_fkey" FOREIGN KEY ("pledgerId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_keyProjectId_fkey" FOREIGN KEY ("keyProjectId") REFERENCES "key_project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ranking_scheme" ADD CONSTRAINT "ranking_scheme_parentOrgUnitId_fkey" FOREIGN KEY ("parentOrgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ranking_weight" ADD CONSTRAINT "ranking_weight_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "ranking_scheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───── Hand-written: invariants the database itself enforces ─────

-- The points ledger is append-only, like the audit log: corrections are REVERSAL entries.
CREATE FUNCTION point_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'point_ledger_entry is append-only (% rejected)', TG_OP USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER point_ledger_entry_append_only
  BEFORE UPDATE OR DELETE ON "point_ledger_entry"
  FOR EACH ROW EXECUTE FUNCTION point_ledger_append_only();

-- Second line of defence behind the conditional UPDATEs in lib/: a balance never goes
-- negative, a quota is never oversold, a mentor never exceeds capacity.
ALTER TABLE "point_account" ADD CONSTRAINT "point_account_balance_nonnegative" CHECK ("balance" >= 0);
ALTER TABLE "point_ledger_entry" ADD CONSTRAINT "point_ledger_entry_balance_after_nonnegative" CHECK ("balanceAfter" >= 0);
ALTER TABLE "resource_quota" ADD CONSTRAINT "resource_quota_used_within_total" CHECK ("used" >= 0 AND "used" <= "total");
ALTER TABLE "pool_member" ADD CONSTRAINT "pool_member_within_capacity" CHECK ("activeTrainees" >= 0 AND ("capacity" IS NULL OR "activeTrainees" <= "capacity"));
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_satisfaction_range" CHECK ("satisfaction" IS NULL OR "satisfaction" BETWEEN 1 AND 5);
