-- The enrollment list's search compares 64-bit hashes of the name-word beginnings instead of the
-- strings: a common-words search walks ~13,000 index entries for a page, and a hash compares in a
-- fraction of a string's time. The hash is the first 8 bytes of the MD5 of the beginning, read as a
-- signed big-endian integer: the API hashes a search's words the same way (searchHashes in
-- @tangtoc/db). Two different beginnings sharing a hash is about as likely as one in 10^10 for a
-- vocabulary of a million beginnings.
CREATE FUNCTION "search_hashes"(prefixes TEXT[]) RETURNS BIGINT[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ARRAY(SELECT ('x' || left(md5(p), 16))::bit(64)::bigint FROM unnest(prefixes) AS p) $$;

-- Kept by the database from the enrollment's copy of the person's prefixes, on every write.
ALTER TABLE "Enrollment" ADD COLUMN "searchHashes" BIGINT[] GENERATED ALWAYS AS (search_hashes("searchPrefixes")) STORED;

-- DropIndex
DROP INDEX "Enrollment_search_walk_idx";

-- DropIndex
DROP INDEX "Enrollment_searchPrefixes_idx";

-- CreateIndex
CREATE INDEX "Enrollment_search_walk_idx" ON "Enrollment"("campaignId", "registeredAt", "id", "centerId", "searchHashes");

-- CreateIndex. A small pending list, as for the prefixes' index before (see 20261127001000_search_words).
CREATE INDEX "Enrollment_searchHashes_idx" ON "Enrollment" USING GIN ("searchHashes") WITH (gin_pending_list_limit = 256);
