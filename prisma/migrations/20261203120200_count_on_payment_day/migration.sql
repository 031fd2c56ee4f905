-- Progress counts a paid participant on the day of payment (a campaign setting). Enrollments already
-- counted keep their day (countedOn null: registeredOn), so the rollups stay as they are.

-- CreateEnum
CREATE TYPE "CountDay" AS ENUM ('PAYMENT_DAY', 'REGISTRATION_DAY');

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "countOn" "CountDay" NOT NULL DEFAULT 'PAYMENT_DAY';

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "countedOn" DATE;

