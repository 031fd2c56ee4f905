-- CreateTable
CREATE TABLE "EnrollmentSegmentTotal" (
    "campaignId" UUID NOT NULL,
    "centerId" UUID NOT NULL,
    "product" "Product" NOT NULL,
    "status" "EnrollmentStatus" NOT NULL,
    "audience" TEXT NOT NULL,
    "sessionKind" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "EnrollmentSegmentTotal_pkey" PRIMARY KEY ("campaignId","centerId","product","status","audience","sessionKind")
);

-- The totals of the segment counts already stored.
INSERT INTO "EnrollmentSegmentTotal" ("campaignId", "centerId", "product", "status", "audience", "sessionKind", "count")
SELECT "campaignId", "centerId", "product", "status", "audience", "sessionKind", sum("count")::int
  FROM "EnrollmentSegmentCount"
 GROUP BY 1, 2, 3, 4, 5, 6;

-- AddForeignKey
ALTER TABLE "EnrollmentSegmentTotal" ADD CONSTRAINT "EnrollmentSegmentTotal_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
