-- Reminder messages per worklist, which admins edit (the default Vietnamese texts are seeded as reference
-- data: seedReferenceData), and when each enrollment or lead was last reminded.

-- CreateEnum
CREATE TYPE "Worklist" AS ENUM ('EXPIRING', 'LAPSED', 'WAITING_PAYMENT', 'SESSION_UNPAID', 'PROMISED', 'LEADS');

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ReminderTemplate" (
    "list" "Worklist" NOT NULL,
    "text" TEXT NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReminderTemplate_pkey" PRIMARY KEY ("list")
);

-- AddForeignKey
ALTER TABLE "ReminderTemplate" ADD CONSTRAINT "ReminderTemplate_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

