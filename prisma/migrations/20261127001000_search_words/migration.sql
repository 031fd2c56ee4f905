-- A search's words each match the beginning of a word of the person's name, through exact matches on
-- every beginning of every word (searchPrefixes in @tangtoc/shared), kept on the person and copied
-- onto each enrollment for the enrollment list, instead of a substring of the folded key (trigrams).
DROP INDEX "Person_searchKey_trgm_idx";

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "searchPrefixes" TEXT[];

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "searchPrefixes" TEXT[];

-- The people already stored: their folded name is searchKey's words that are not numbers (the phone
-- and citizen ID follow it there), split as searchWords splits it, each word's beginnings up to 16
-- letters (searchPrefixLetters). Their enrollments copy it.
UPDATE "Person" SET "searchPrefixes" = ARRAY(
  SELECT DISTINCT left(w.word, n)
    FROM regexp_split_to_table("searchKey", '[^[:alnum:]]+') AS w(word), generate_series(1, least(length(w.word), 16)) AS n
   WHERE w.word !~ '^[0-9]+$'
);
UPDATE "Enrollment" e SET "searchPrefixes" = p."searchPrefixes" FROM "Person" p WHERE p."id" = e."personId";

-- CreateIndex
CREATE INDEX "Enrollment_search_walk_idx" ON "Enrollment"("campaignId", "registeredAt", "id", "centerId", "searchPrefixes");

-- CreateIndex. A registration adds its entries to the index's pending list (fastupdate, the
-- default), which every search reads too: a small one (256 kB, not 4 MB) is merged often and keeps
-- rare searches fast.
CREATE INDEX "Enrollment_searchPrefixes_idx" ON "Enrollment" USING GIN ("searchPrefixes") WITH (gin_pending_list_limit = 256);

-- CreateIndex
CREATE INDEX "Person_searchPrefixes_idx" ON "Person" USING GIN ("searchPrefixes") WITH (gin_pending_list_limit = 256);
