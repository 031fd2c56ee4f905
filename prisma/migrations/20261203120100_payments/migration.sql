-- Payments as records: money received at a center against enrollments, with coverage set when
-- payment settles an enrollment.

-- CreateEnum
CREATE TYPE "Continuity" AS ENUM ('NEW', 'CONTINUING');

-- CreateEnum
CREATE TYPE "PaymentChannel" AS ENUM ('CASH_AT_POST_OFFICE', 'BANK_TRANSFER', 'QR_EWALLET', 'OTHER');

-- CreateEnum
CREATE TYPE "PaymentSettlement" AS ENUM ('FULL', 'PARTIAL');

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "continuity" "Continuity",
ADD COLUMN     "coverageEnd" DATE,
ADD COLUMN     "coverageStart" DATE;

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "centerId" UUID NOT NULL,
    "paidOn" DATE NOT NULL,
    "amount" INTEGER NOT NULL,
    "channel" "PaymentChannel" NOT NULL,
    "receiptNumber" TEXT,
    "collectedById" UUID NOT NULL,
    "note" TEXT,
    "settlement" "PaymentSettlement" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentAllocation" (
    "paymentId" UUID NOT NULL,
    "enrollmentId" UUID NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "PaymentAllocation_pkey" PRIMARY KEY ("paymentId","enrollmentId")
);

-- CreateIndex
CREATE INDEX "Payment_paidOn_idx" ON "Payment"("paidOn");

-- CreateIndex
CREATE INDEX "Payment_collectedById_idx" ON "Payment"("collectedById");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_centerId_receiptNumber_key" ON "Payment"("centerId", "receiptNumber");

-- CreateIndex
CREATE INDEX "PaymentAllocation_enrollmentId_idx" ON "PaymentAllocation"("enrollmentId");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_collectedById_fkey" FOREIGN KEY ("collectedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAllocation" ADD CONSTRAINT "PaymentAllocation_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAllocation" ADD CONSTRAINT "PaymentAllocation_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Enrollments already PAID or ACTIVE were confirmed without a record of the money: each gets one payment
-- of its payable amount (FULL, channel OTHER, no receipt number), dated the day it was confirmed in its
-- campaign's time zone and collected by who confirmed it, so that what every enrollment has received is
-- the sum of its payments. Their coverage stays unknown (null): it was never computed.
INSERT INTO "Payment" ("id", "centerId", "paidOn", "amount", "channel", "receiptNumber", "collectedById",
                       "note", "settlement", "createdAt")
SELECT e."id", e."centerId",
       coalesce(((confirmed."at" AT TIME ZONE 'UTC') AT TIME ZONE c."timeZone")::date, e."registeredOn"),
       e."payable", 'OTHER', NULL, coalesce(confirmed."actorId", e."registeredById"), NULL, 'FULL',
       coalesce(confirmed."at", e."updatedAt")
  FROM "Enrollment" e
  JOIN "Campaign" c ON c."id" = e."campaignId"
  LEFT JOIN LATERAL (
    SELECT s."at", s."actorId" FROM "EnrollmentStatusChange" s
     WHERE s."enrollmentId" = e."id" AND s."toStatus" = 'PAID'
     ORDER BY s."at" DESC LIMIT 1
  ) confirmed ON true
 WHERE e."status" IN ('PAID', 'ACTIVE') AND e."payable" > 0;

INSERT INTO "PaymentAllocation" ("paymentId", "enrollmentId", "amount")
SELECT p."id", p."id", p."amount" FROM "Payment" p;
