-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "registrationMarginDays" INTEGER NOT NULL DEFAULT 0;

