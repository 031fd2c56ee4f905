-- Each enrollment keeps the contact details given with its registration, and a person's own details
-- belong to the center whose registration recorded them (issue 13: another center's registration no
-- longer overwrites them, nor reads them).

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "address" TEXT,
ADD COLUMN     "legacySocialInsuranceCode" VARCHAR(10),
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "wardCode" VARCHAR(5);

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "recordingCenterId" UUID;

-- What an earlier registration was given is no longer known apart from the person's details (each
-- registration replaced them): every enrollment starts with those.
UPDATE "Enrollment" e
   SET "phone" = p."phone", "address" = p."address", "wardCode" = p."wardCode",
       "legacySocialInsuranceCode" = p."legacySocialInsuranceCode"
  FROM "Person" p
 WHERE p."id" = e."personId";

-- A person's details were recorded by the center of their first enrollment, or, for a household member
-- with none, by the center of the household's first enrollment.
UPDATE "Person" p
   SET "recordingCenterId" = first."centerId"
  FROM (SELECT DISTINCT ON ("personId") "personId", "centerId"
          FROM "Enrollment" ORDER BY "personId", "registeredAt", "id") first
 WHERE first."personId" = p."id";
UPDATE "Person" p
   SET "recordingCenterId" = first."centerId"
  FROM (SELECT DISTINCT ON (m."personId") m."personId", e."centerId"
          FROM "HouseholdMember" m JOIN "Enrollment" e ON e."householdId" = m."householdId"
         ORDER BY m."personId", e."registeredAt", e."id") first
 WHERE first."personId" = p."id" AND p."recordingCenterId" IS NULL;

-- CreateIndex
CREATE INDEX "Enrollment_phone_idx" ON "Enrollment"("phone");

-- CreateIndex
CREATE INDEX "Person_recordingCenterId_idx" ON "Person"("recordingCenterId");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_recordingCenterId_fkey" FOREIGN KEY ("recordingCenterId") REFERENCES "Center"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_wardCode_fkey" FOREIGN KEY ("wardCode") REFERENCES "Ward"("code") ON DELETE SET NULL ON UPDATE CASCADE;
