-- Renewals and follow-up (issue 17): follow-up records, session leads, assignment, and the indexes the
-- worklists read a center's entries by in due-date order (apps/api/src/modules/worklists). Existing
-- enrollments start with no follow-up: every one is open and unassigned.

-- CreateEnum
CREATE TYPE "FollowUpMeans" AS ENUM ('CALL', 'VISIT', 'MESSAGE', 'AT_SESSION');

-- CreateEnum
CREATE TYPE "FollowUpOutcome" AS ENUM ('REACHED', 'NO_ANSWER', 'WILL_PAY', 'DECLINED', 'MOVED_AWAY', 'DECEASED', 'INSURED_ELSEWHERE');

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "assignedToId" UUID,
ADD COLUMN     "followUpClosed" "FollowUpOutcome",
ADD COLUMN     "lastFollowUpId" UUID,
ADD COLUMN     "promisedOn" DATE;

-- CreateTable
CREATE TABLE "Lead" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "centerId" UUID NOT NULL,
    "fullName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "citizenId" VARCHAR(12),
    "products" "Product"[],
    "note" TEXT,
    "metOn" DATE NOT NULL,
    "recordedById" UUID NOT NULL,
    "assignedToId" UUID,
    "lastFollowUpId" UUID,
    "promisedOn" DATE,
    "followUpClosed" "FollowUpOutcome",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" UUID NOT NULL,
    "enrollmentId" UUID,
    "leadId" UUID,
    "centerId" UUID NOT NULL,
    "byId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "means" "FollowUpMeans" NOT NULL,
    "outcome" "FollowUpOutcome" NOT NULL,
    "enrollmentStatus" "EnrollmentStatus",
    "promisedOn" DATE,
    "reason" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Lead_lastFollowUpId_key" ON "Lead"("lastFollowUpId");

-- CreateIndex
CREATE INDEX "Lead_centerId_metOn_id_idx" ON "Lead"("centerId", "metOn", "id");

-- CreateIndex
CREATE INDEX "Lead_sessionId_idx" ON "Lead"("sessionId");

-- CreateIndex
CREATE INDEX "Lead_phone_idx" ON "Lead"("phone");

-- CreateIndex
CREATE INDEX "Lead_citizenId_idx" ON "Lead"("citizenId");

-- CreateIndex
CREATE INDEX "Lead_assignedToId_idx" ON "Lead"("assignedToId");

-- CreateIndex
CREATE INDEX "FollowUp_enrollmentId_at_idx" ON "FollowUp"("enrollmentId", "at");

-- CreateIndex
CREATE INDEX "FollowUp_leadId_at_idx" ON "FollowUp"("leadId", "at");

-- CreateIndex
CREATE INDEX "FollowUp_centerId_at_idx" ON "FollowUp"("centerId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_lastFollowUpId_key" ON "Enrollment"("lastFollowUpId");

-- CreateIndex
CREATE INDEX "Enrollment_centerId_coverageEnd_id_idx" ON "Enrollment"("centerId", "coverageEnd", "id");

-- CreateIndex
CREATE INDEX "Enrollment_centerId_status_registeredOn_id_idx" ON "Enrollment"("centerId", "status", "registeredOn", "id");

-- CreateIndex
CREATE INDEX "Enrollment_centerId_promisedOn_id_idx" ON "Enrollment"("centerId", "promisedOn", "id");

-- CreateIndex
CREATE INDEX "Enrollment_coverageEnd_id_idx" ON "Enrollment"("coverageEnd", "id");

-- CreateIndex
CREATE INDEX "Enrollment_personId_product_registeredAt_idx" ON "Enrollment"("personId", "product", "registeredAt");

-- CreateIndex
CREATE INDEX "Enrollment_assignedToId_idx" ON "Enrollment"("assignedToId");

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_lastFollowUpId_fkey" FOREIGN KEY ("lastFollowUpId") REFERENCES "FollowUp"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "OutreachSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_lastFollowUpId_fkey" FOREIGN KEY ("lastFollowUpId") REFERENCES "FollowUp"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A follow-up is about an enrollment or a lead, never both, never neither.
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_one_subject" CHECK (("enrollmentId" IS NULL) <> ("leadId" IS NULL));
