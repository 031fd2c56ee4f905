-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "WardType" AS ENUM ('WARD', 'COMMUNE', 'SPECIAL_ZONE');

-- CreateEnum
CREATE TYPE "ContributionParameterKey" AS ENUM ('BASE_SALARY', 'RURAL_POVERTY_LINE', 'REFERENCE_LEVEL', 'VSI_RATE', 'VSI_INCOME_CAP_MULTIPLE', 'VSI_INCOME_STEP', 'VSI_SUPPORT_RATE', 'VSI_SUPPORT_MAX_MONTHS', 'VSI_LOCAL_TOP_UP', 'VSI_MAX_MONTHS_AHEAD', 'HHI_RATE', 'HHI_MEMBER_SHARE', 'HHI_SUPPORT_RATE');

-- CreateEnum
CREATE TYPE "CenterKind" AS ENUM ('CITY_POST_OFFICE', 'CENTRAL_POST_OFFICE', 'POST_OFFICE', 'CITY_SOCIAL_INSURANCE', 'BASE_SOCIAL_INSURANCE_OFFICE', 'ONLINE_BRIDGE_POINT');

-- CreateEnum
CREATE TYPE "Organization" AS ENUM ('VIETNAM_POST', 'SOCIAL_INSURANCE');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "CampaignCenterRole" AS ENUM ('ORGANIZER', 'PARTICIPANT');

-- CreateEnum
CREATE TYPE "Product" AS ENUM ('VOLUNTARY_SOCIAL_INSURANCE', 'HOUSEHOLD_HEALTH_INSURANCE');

-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('LAUNCH_CEREMONY', 'CONFERENCE', 'CONSULTATION_GROUP', 'DOOR_TO_DOOR', 'MARKET_STALL', 'ONLINE');

-- CreateEnum
CREATE TYPE "VenueKind" AS ENUM ('RESIDENTIAL_AREA', 'NEIGHBORHOOD', 'MARKET', 'POST_OFFICE', 'SOCIAL_INSURANCE_OFFICE', 'ROOMING_HOUSE', 'WORKPLACE', 'ONLINE', 'OTHER');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('PLANNED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AudienceGroup" AS ENUM ('FREELANCER', 'SMALL_TRADER', 'LANDLORD', 'FARMER', 'STUDENT', 'HOUSEHOLD_WORKER', 'RETIREE', 'OTHER');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PAID', 'ACTIVE', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SupportGroup" AS ENUM ('POOR', 'NEAR_POOR', 'ETHNIC_MINORITY', 'ISLAND_COMMUNE', 'OTHER', 'STUDENT', 'AGRICULTURAL_AVERAGE_INCOME', 'CITY_POOR', 'CITY_NEAR_POOR', 'CITY_LEFT_POVERTY', 'CITY_CHILD_6_TO_15', 'CITY_SENIOR_65_TO_75');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'CENTER_MANAGER', 'AGENT', 'VIEWER');

-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('READ', 'READ_WRITE');

-- CreateTable
CREATE TABLE "Province" (
    "code" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "type" TEXT NOT NULL,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Ward" (
    "code" VARCHAR(5) NOT NULL,
    "name" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "type" "WardType" NOT NULL,
    "searchKey" TEXT NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,

    CONSTRAINT "Ward_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ContributionParameter" (
    "id" UUID NOT NULL,
    "key" "ContributionParameterKey" NOT NULL,
    "qualifier" TEXT NOT NULL DEFAULT '',
    "jurisdiction" TEXT NOT NULL DEFAULT 'VN',
    "value" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "source" TEXT,
    "confirmed" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContributionParameter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Center" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchKey" TEXT NOT NULL,
    "kind" "CenterKind" NOT NULL,
    "organization" "Organization" NOT NULL,
    "parentId" UUID,
    "path" TEXT NOT NULL,
    "address" TEXT,
    "wardCode" VARCHAR(5),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Center_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchKey" TEXT NOT NULL,
    "description" TEXT,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "jurisdiction" TEXT NOT NULL DEFAULT '79',
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "countedStatuses" "EnrollmentStatus"[] DEFAULT ARRAY['PAID', 'ACTIVE']::"EnrollmentStatus"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignCenter" (
    "campaignId" UUID NOT NULL,
    "centerId" UUID NOT NULL,
    "role" "CampaignCenterRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignCenter_pkey" PRIMARY KEY ("campaignId","centerId","role")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "product" "Product",
    "centerId" UUID,
    "dueDate" DATE,
    "label" TEXT,
    "count" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutreachSession" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "centerId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "SessionKind" NOT NULL,
    "venueKind" "VenueKind" NOT NULL,
    "address" TEXT,
    "wardCode" VARCHAR(5),
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'PLANNED',
    "audiences" "AudienceGroup"[],
    "attendance" INTEGER,
    "notes" TEXT,
    "cancelReason" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "OutreachSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "fullName" TEXT NOT NULL,
    "citizenId" VARCHAR(12) NOT NULL,
    "legacySocialInsuranceCode" VARCHAR(10),
    "dateOfBirth" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "phone" TEXT,
    "address" TEXT,
    "wardCode" VARCHAR(5),
    "occupationGroup" "AudienceGroup",
    "searchKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" UUID NOT NULL,
    "address" TEXT,
    "wardCode" VARCHAR(5),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "householdId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "isHead" BOOLEAN NOT NULL DEFAULT false,
    "relationToHead" TEXT,
    "insuredElsewhere" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "HouseholdMember_pkey" PRIMARY KEY ("householdId","personId")
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "centerId" UUID NOT NULL,
    "sessionId" UUID,
    "registeredById" UUID NOT NULL,
    "product" "Product" NOT NULL,
    "personId" UUID NOT NULL,
    "householdId" UUID,
    "quoteDate" DATE NOT NULL,
    "months" INTEGER NOT NULL,
    "monthlyIncome" INTEGER,
    "supportGroups" "SupportGroup"[],
    "householdPosition" INTEGER,
    "gross" INTEGER NOT NULL,
    "support" INTEGER NOT NULL,
    "payable" INTEGER NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "status" "EnrollmentStatus" NOT NULL DEFAULT 'DRAFT',
    "statusReason" TEXT,
    "live" BOOLEAN DEFAULT true,
    "socialInsuranceNumber" TEXT,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "registeredOn" DATE NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnrollmentStatusChange" (
    "id" UUID NOT NULL,
    "enrollmentId" UUID NOT NULL,
    "fromStatus" "EnrollmentStatus",
    "toStatus" "EnrollmentStatus" NOT NULL,
    "reason" TEXT,
    "actorId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnrollmentStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnrollmentDailyCount" (
    "campaignId" UUID NOT NULL,
    "centerId" UUID NOT NULL,
    "product" "Product" NOT NULL,
    "status" "EnrollmentStatus" NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "EnrollmentDailyCount_pkey" PRIMARY KEY ("campaignId","centerId","product","status","day")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "centerId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lastFailedLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginSession" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scope" "ApiTokenScope" NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_SessionStaff" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_SessionStaff_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Ward_provinceCode_idx" ON "Ward"("provinceCode");

-- CreateIndex
CREATE INDEX "ContributionParameter_key_qualifier_jurisdiction_effectiveF_idx" ON "ContributionParameter"("key", "qualifier", "jurisdiction", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Center_code_key" ON "Center"("code");

-- CreateIndex
CREATE INDEX "Center_parentId_idx" ON "Center"("parentId");

-- CreateIndex
CREATE INDEX "Center_path_idx" ON "Center"("path");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_code_key" ON "Campaign"("code");

-- CreateIndex
CREATE INDEX "Campaign_status_startDate_idx" ON "Campaign"("status", "startDate");

-- CreateIndex
CREATE INDEX "CampaignCenter_centerId_idx" ON "CampaignCenter"("centerId");

-- CreateIndex
CREATE INDEX "Target_campaignId_product_idx" ON "Target"("campaignId", "product");

-- CreateIndex
CREATE INDEX "Target_centerId_idx" ON "Target"("centerId");

-- CreateIndex
CREATE INDEX "OutreachSession_campaignId_startsAt_idx" ON "OutreachSession"("campaignId", "startsAt");

-- CreateIndex
CREATE INDEX "OutreachSession_centerId_startsAt_idx" ON "OutreachSession"("centerId", "startsAt");

-- CreateIndex
CREATE INDEX "OutreachSession_wardCode_idx" ON "OutreachSession"("wardCode");

-- CreateIndex
CREATE UNIQUE INDEX "Person_citizenId_key" ON "Person"("citizenId");

-- CreateIndex
CREATE INDEX "Person_legacySocialInsuranceCode_idx" ON "Person"("legacySocialInsuranceCode");

-- CreateIndex
CREATE INDEX "Person_phone_idx" ON "Person"("phone");

-- CreateIndex
CREATE INDEX "HouseholdMember_personId_idx" ON "HouseholdMember"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "HouseholdMember_householdId_position_key" ON "HouseholdMember"("householdId", "position");

-- CreateIndex
CREATE INDEX "Enrollment_campaignId_status_registeredOn_idx" ON "Enrollment"("campaignId", "status", "registeredOn");

-- CreateIndex
CREATE INDEX "Enrollment_campaignId_centerId_product_registeredAt_idx" ON "Enrollment"("campaignId", "centerId", "product", "registeredAt");

-- CreateIndex
CREATE INDEX "Enrollment_campaignId_product_registeredAt_idx" ON "Enrollment"("campaignId", "product", "registeredAt");

-- CreateIndex
CREATE INDEX "Enrollment_sessionId_idx" ON "Enrollment"("sessionId");

-- CreateIndex
CREATE INDEX "Enrollment_registeredById_idx" ON "Enrollment"("registeredById");

-- CreateIndex
CREATE INDEX "Enrollment_personId_idx" ON "Enrollment"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_campaignId_personId_product_live_key" ON "Enrollment"("campaignId", "personId", "product", "live");

-- CreateIndex
CREATE INDEX "EnrollmentStatusChange_enrollmentId_at_idx" ON "EnrollmentStatusChange"("enrollmentId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_centerId_idx" ON "User"("centerId");

-- CreateIndex
CREATE UNIQUE INDEX "LoginSession_tokenHash_key" ON "LoginSession"("tokenHash");

-- CreateIndex
CREATE INDEX "LoginSession_userId_idx" ON "LoginSession"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "_SessionStaff_B_index" ON "_SessionStaff"("B");

-- AddForeignKey
ALTER TABLE "Ward" ADD CONSTRAINT "Ward_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Center" ADD CONSTRAINT "Center_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Center"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Center" ADD CONSTRAINT "Center_wardCode_fkey" FOREIGN KEY ("wardCode") REFERENCES "Ward"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignCenter" ADD CONSTRAINT "CampaignCenter_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignCenter" ADD CONSTRAINT "CampaignCenter_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachSession" ADD CONSTRAINT "OutreachSession_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachSession" ADD CONSTRAINT "OutreachSession_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachSession" ADD CONSTRAINT "OutreachSession_wardCode_fkey" FOREIGN KEY ("wardCode") REFERENCES "Ward"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachSession" ADD CONSTRAINT "OutreachSession_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_wardCode_fkey" FOREIGN KEY ("wardCode") REFERENCES "Ward"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_wardCode_fkey" FOREIGN KEY ("wardCode") REFERENCES "Ward"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "OutreachSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrollmentStatusChange" ADD CONSTRAINT "EnrollmentStatusChange_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrollmentStatusChange" ADD CONSTRAINT "EnrollmentStatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrollmentDailyCount" ADD CONSTRAINT "EnrollmentDailyCount_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoginSession" ADD CONSTRAINT "LoginSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_SessionStaff" ADD CONSTRAINT "_SessionStaff_A_fkey" FOREIGN KEY ("A") REFERENCES "OutreachSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_SessionStaff" ADD CONSTRAINT "_SessionStaff_B_fkey" FOREIGN KEY ("B") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

