-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "code" TEXT;

-- CreateIndex
CREATE INDEX "Household_code_idx" ON "Household"("code");
