-- AlterTable
ALTER TABLE "Center" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "Enrollment_householdId_idx" ON "Enrollment"("householdId");

