-- Targets count new participants, continuing ones, or both (a campaign setting, NEW by default: the
-- launch campaign's), and progress shows new and continuing side by side: the three rollups gain the
-- enrollment's continuity ("" while not decided) in their keys and are rebuilt from the enrollments, so
-- each still equals a GROUP BY of them. Enrollments keep their continuity as it is: those confirmed as
-- paid before payments were records have none, and count as new (docs/domain/README.md).

-- CreateEnum
CREATE TYPE "CountedParticipants" AS ENUM ('NEW', 'CONTINUING', 'BOTH');

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "countParticipants" "CountedParticipants" NOT NULL DEFAULT 'NEW';

-- AlterTable
ALTER TABLE "EnrollmentDailyCount" DROP CONSTRAINT "EnrollmentDailyCount_pkey",
ADD COLUMN     "continuity" TEXT NOT NULL DEFAULT '',
ADD CONSTRAINT "EnrollmentDailyCount_pkey" PRIMARY KEY ("campaignId", "centerId", "product", "status", "day", "continuity");

-- AlterTable
ALTER TABLE "EnrollmentSegmentCount" DROP CONSTRAINT "EnrollmentSegmentCount_pkey",
ADD COLUMN     "continuity" TEXT NOT NULL DEFAULT '',
ADD CONSTRAINT "EnrollmentSegmentCount_pkey" PRIMARY KEY ("campaignId", "centerId", "product", "status", "day", "audience", "sessionKind", "continuity");

-- AlterTable
ALTER TABLE "EnrollmentSegmentTotal" DROP CONSTRAINT "EnrollmentSegmentTotal_pkey",
ADD COLUMN     "continuity" TEXT NOT NULL DEFAULT '',
ADD CONSTRAINT "EnrollmentSegmentTotal_pkey" PRIMARY KEY ("campaignId", "centerId", "product", "status", "audience", "sessionKind", "continuity");

-- Rebuild the rollups by continuity, on the day each enrollment counts for (rollup.ts).
DELETE FROM "EnrollmentDailyCount";
INSERT INTO "EnrollmentDailyCount" ("campaignId", "centerId", "product", "status", "day", "continuity", "count")
SELECT "campaignId", "centerId", "product", "status", coalesce("countedOn", "registeredOn"),
       coalesce("continuity"::text, ''), count(*)::int
  FROM "Enrollment"
 GROUP BY 1, 2, 3, 4, 5, 6;

DELETE FROM "EnrollmentSegmentCount";
INSERT INTO "EnrollmentSegmentCount"
  ("campaignId", "centerId", "product", "status", "day", "audience", "sessionKind", "continuity", "count")
SELECT e."campaignId", e."centerId", e."product", e."status", coalesce(e."countedOn", e."registeredOn"),
       coalesce(e."audience"::text, ''), coalesce(s."kind"::text, ''), coalesce(e."continuity"::text, ''),
       count(*)::int
  FROM "Enrollment" e LEFT JOIN "OutreachSession" s ON s."id" = e."sessionId"
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

DELETE FROM "EnrollmentSegmentTotal";
INSERT INTO "EnrollmentSegmentTotal"
  ("campaignId", "centerId", "product", "status", "audience", "sessionKind", "continuity", "count")
SELECT "campaignId", "centerId", "product", "status", "audience", "sessionKind", "continuity", sum("count")::int
  FROM "EnrollmentSegmentCount"
 GROUP BY 1, 2, 3, 4, 5, 6, 7;
