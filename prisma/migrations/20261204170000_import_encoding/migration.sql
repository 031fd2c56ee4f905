-- CreateEnum
CREATE TYPE "ImportEncoding" AS ENUM ('UNICODE', 'TCVN3', 'VNI');

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "encoding" "ImportEncoding" NOT NULL DEFAULT 'UNICODE';
