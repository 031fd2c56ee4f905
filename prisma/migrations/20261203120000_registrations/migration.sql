-- One act of registering: a person alone or a household (one enrollment per member enrolled).
-- Enrollments registered before keep a null registrationId: each was a registration of one person,
-- and adding a nullable column rewrites no row of a campaign's enrollments.
-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "registrationId" UUID;

-- CreateTable
CREATE TABLE "Registration" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "centerId" UUID NOT NULL,
    "registeredById" UUID NOT NULL,
    "householdId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Registration_campaignId_centerId_createdAt_idx" ON "Registration"("campaignId", "centerId", "createdAt");

-- CreateIndex
CREATE INDEX "Registration_householdId_idx" ON "Registration"("householdId");

-- CreateIndex
CREATE INDEX "Enrollment_registrationId_idx" ON "Enrollment"("registrationId");

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

