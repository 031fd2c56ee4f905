-- Trigram matching for the diacritic-free substring search on Person."searchKey".
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "audience" "AudienceGroup";

-- CreateTable
CREATE TABLE "EnrollmentSegmentCount" (
    "campaignId" UUID NOT NULL,
    "centerId" UUID NOT NULL,
    "product" "Product" NOT NULL,
    "status" "EnrollmentStatus" NOT NULL,
    "day" DATE NOT NULL,
    "audience" TEXT NOT NULL,
    "sessionKind" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "EnrollmentSegmentCount_pkey" PRIMARY KEY ("campaignId","centerId","product","status","day","audience","sessionKind")
);

-- The audience of the enrollments already stored: their person's occupation group now.
UPDATE "Enrollment" e SET "audience" = p."occupationGroup" FROM "Person" p
 WHERE p."id" = e."personId" AND p."occupationGroup" IS NOT NULL;

-- The segment rollup of the enrollments already stored.
INSERT INTO "EnrollmentSegmentCount" ("campaignId", "centerId", "product", "status", "day", "audience", "sessionKind", "count")
SELECT e."campaignId", e."centerId", e."product", e."status", e."registeredOn",
       coalesce(e."audience"::text, ''), coalesce(s."kind"::text, ''), count(*)::int
  FROM "Enrollment" e LEFT JOIN "OutreachSession" s ON s."id" = e."sessionId"
 GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- CreateIndex
CREATE INDEX "Person_searchKey_trgm_idx" ON "Person" USING GIN ("searchKey" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "EnrollmentSegmentCount" ADD CONSTRAINT "EnrollmentSegmentCount_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

