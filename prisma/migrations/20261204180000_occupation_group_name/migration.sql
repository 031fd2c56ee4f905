-- One name per idea: the occupation group given with a registration is `occupationGroup`, as on Person
-- and in GraphQL (it was `audience`), on the enrollment and in the rollups that count by it. A rename
-- keeps the rows, the primary keys built on the column and the statistics.
ALTER TABLE "Enrollment" RENAME COLUMN "audience" TO "occupationGroup";
ALTER TABLE "EnrollmentSegmentCount" RENAME COLUMN "audience" TO "occupationGroup";
ALTER TABLE "EnrollmentSegmentTotal" RENAME COLUMN "audience" TO "occupationGroup";
