-- Sign-in hardening (issue 13): every API token expires, the client's request id is kept beside the
-- server's, failed sign-ins are counted per account, client address and device in their own table
-- (under a row lock, so parallel attempts cannot all pass), and devices signed in from are remembered.

-- Tokens made to last forever now last the default longest lifetime (365 days) from their creation.
UPDATE "ApiToken" SET "expiresAt" = "createdAt" + INTERVAL '365 days' WHERE "expiresAt" IS NULL;

-- AlterTable
ALTER TABLE "ApiToken" ALTER COLUMN "expiresAt" SET NOT NULL;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "clientRequestId" TEXT;

-- The counts move to LoginThrottle; a wait in progress is forgotten.
ALTER TABLE "User" DROP COLUMN "failedLogins",
DROP COLUMN "lastFailedLoginAt";

-- CreateTable
CREATE TABLE "LoginDevice" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "LoginDevice_tokenHash_key" ON "LoginDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "LoginDevice_userId_idx" ON "LoginDevice"("userId");

-- CreateIndex
CREATE INDEX "LoginThrottle_lastFailureAt_idx" ON "LoginThrottle"("lastFailureAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- AddForeignKey
ALTER TABLE "LoginDevice" ADD CONSTRAINT "LoginDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

