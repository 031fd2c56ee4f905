-- Saved filters: a user names a list's filters to open that list filtered the same way again; each
-- user has their own (one per name and list), gone with the user.
-- CreateEnum
CREATE TYPE "SavedFilterList" AS ENUM ('ENROLLMENTS', 'OUTREACH_SESSIONS', 'USERS', 'API_TOKENS', 'AUDIT_EVENTS');

-- CreateTable
CREATE TABLE "SavedFilter" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "list" "SavedFilterList" NOT NULL,
    "name" TEXT NOT NULL,
    "filter" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedFilter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedFilter_userId_list_name_key" ON "SavedFilter"("userId", "list", "name");

-- AddForeignKey
ALTER TABLE "SavedFilter" ADD CONSTRAINT "SavedFilter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

