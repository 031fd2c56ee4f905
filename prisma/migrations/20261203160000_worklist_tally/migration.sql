-- The worklists' sizes, maintained as the progress rollups are (issue 17): "WorklistTally" holds one row
-- per center, kind of entry, due day, product and assignee with how many entries it has, so that
-- worklistCounts sums a few rows instead of counting enrollments. Kept by triggers rather than by each
-- writer, because an entry's place depends on other rows: a later registration of the same person and
-- product renews an enrollment (it leaves EXPIRING and LAPSED), a registration with a lead's phone or
-- citizen id takes the lead off LEADS, and every writer (API, import, seed, fixtures) must move the
-- counts alike. Two derived columns make an entry's kinds a function of its own row:
--   "Enrollment"."renewed": a later live enrollment of the same person in the same product exists;
--   "Enrollment"."promisedWhileCovered": the promise (last follow-up's WILL_PAY) was made while covered
--   (kept by renewing) rather than unpaid (kept by paying); null without a follow-up;
--   "Lead"."registered": a live enrollment with the lead's phone or citizen id from the day met exists.
-- The kinds (worklist_enrollment_entries, worklist_lead_entries) and what each list sums:
--   COVERED (due: last day of coverage)  → EXPIRING (from the day, N ahead), LAPSED (N back);
--   UNPAID (due: day registered)         → WAITING_PAYMENT (registered more than N days ago);
--   SESSION_UNPAID (due: day registered) → SESSION_UNPAID;  PROMISED (due: promised day) → PROMISED;
--   LEAD (due: day met)                  → LEADS.
-- The tally triggers are deferred to the end of the transaction, so that the few hot tally rows of a
-- center's day are locked only while it commits, as the rollup statement runs last. A bulk load may
-- `SET LOCAL tangtoc.bulk_load = 'on'` to skip every trigger here and call worklist_rebuild() after,
-- which recounts everything from the rows (as this migration does for what is already stored).

ALTER TABLE "Enrollment" ADD COLUMN "renewed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "promisedWhileCovered" BOOLEAN;

ALTER TABLE "Lead" ADD COLUMN "registered" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "WorklistTally" (
    "centerId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "due" DATE NOT NULL,
    "product" TEXT NOT NULL,
    "assignedTo" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "WorklistTally_pkey" PRIMARY KEY ("centerId", "kind", "due", "product", "assignedTo")
);

CREATE INDEX "WorklistTally_kind_due_idx" ON "WorklistTally"("kind", "due");

-- ─── What an entry is, from its own row ─────────────────────────────────────

CREATE TYPE worklist_entry AS ("kind" TEXT, "due" DATE);

CREATE FUNCTION worklist_bulk_load() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('tangtoc.bulk_load', true), '') = 'on'
$$;

CREATE FUNCTION worklist_enrollment_entries(e "Enrollment") RETURNS SETOF worklist_entry
LANGUAGE sql IMMUTABLE AS $$
  SELECT k.kind, k.due FROM (VALUES
    ('COVERED', e."coverageEnd",
      e."status" IN ('PAID', 'ACTIVE') AND NOT e."renewed" AND e."coverageEnd" IS NOT NULL),
    ('UNPAID', e."registeredOn", e."status" IN ('DRAFT', 'SUBMITTED')),
    ('SESSION_UNPAID', e."registeredOn", e."status" IN ('DRAFT', 'SUBMITTED') AND e."sessionId" IS NOT NULL),
    ('PROMISED', e."promisedOn", e."promisedOn" IS NOT NULL AND (
      (NOT e."promisedWhileCovered" AND e."status" IN ('DRAFT', 'SUBMITTED'))
      OR (e."promisedWhileCovered" AND e."status" IN ('PAID', 'ACTIVE') AND NOT e."renewed")))
  ) AS k("kind", "due", "holds")
  WHERE k.holds IS TRUE AND e."live" IS TRUE AND e."followUpClosed" IS NULL
$$;

CREATE FUNCTION worklist_lead_entries(l "Lead") RETURNS SETOF worklist_entry
LANGUAGE sql IMMUTABLE AS $$
  SELECT 'LEAD', l."metOn" WHERE l."followUpClosed" IS NULL AND NOT l."registered"
$$;

CREATE FUNCTION worklist_lead_registered(l "Lead") RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
      SELECT 1 FROM "Enrollment" r WHERE r."phone" = l."phone" AND r."live" AND r."registeredOn" >= l."metOn")
    OR (l."citizenId" IS NOT NULL AND EXISTS (
      SELECT 1 FROM "Enrollment" r JOIN "Person" p ON p."id" = r."personId"
      WHERE p."citizenId" = l."citizenId" AND r."live" AND r."registeredOn" >= l."metOn"))
$$;

-- ─── The tally ───────────────────────────────────────────────────────────────

/* Adds `delta` to each (kind, due) of `entries` for a center, product and assignee; a row at zero goes. */
CREATE FUNCTION worklist_tally_move(
  at_center UUID, of_product TEXT, assigned TEXT, entries worklist_entry[], delta INTEGER
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  entry worklist_entry;
  total INTEGER;
BEGIN
  FOREACH entry IN ARRAY entries LOOP
    INSERT INTO "WorklistTally" AS t ("centerId", "kind", "due", "product", "assignedTo", "count")
    VALUES (at_center, entry."kind", entry."due", of_product, assigned, delta)
    ON CONFLICT ("centerId", "kind", "due", "product", "assignedTo")
    DO UPDATE SET "count" = t."count" + EXCLUDED."count"
    RETURNING t."count" INTO total;
    IF total = 0 THEN
      DELETE FROM "WorklistTally" t WHERE t."centerId" = at_center AND t."kind" = entry."kind"
        AND t."due" = entry."due" AND t."product" = of_product AND t."assignedTo" = assigned;
    END IF;
  END LOOP;
END $$;

CREATE FUNCTION worklist_enrollment_tally() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_entries worklist_entry[] := '{}';
  after_entries worklist_entry[] := '{}';
BEGIN
  IF worklist_bulk_load() THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT coalesce(array_agg(k ORDER BY k."kind", k."due"), '{}') INTO before_entries FROM worklist_enrollment_entries(OLD) k;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT coalesce(array_agg(k ORDER BY k."kind", k."due"), '{}') INTO after_entries FROM worklist_enrollment_entries(NEW) k;
  END IF;
  IF TG_OP = 'UPDATE' AND before_entries = after_entries AND OLD."centerId" = NEW."centerId"
    AND OLD."product" = NEW."product" AND OLD."assignedToId" IS NOT DISTINCT FROM NEW."assignedToId" THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM worklist_tally_move(OLD."centerId", OLD."product"::text, coalesce(OLD."assignedToId"::text, ''),
      before_entries, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM worklist_tally_move(NEW."centerId", NEW."product"::text, coalesce(NEW."assignedToId"::text, ''),
      after_entries, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION worklist_lead_tally() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_entries worklist_entry[] := '{}';
  after_entries worklist_entry[] := '{}';
BEGIN
  IF worklist_bulk_load() THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT coalesce(array_agg(k), '{}')
      INTO before_entries FROM worklist_lead_entries(OLD) k;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT coalesce(array_agg(k), '{}')
      INTO after_entries FROM worklist_lead_entries(NEW) k;
  END IF;
  IF TG_OP = 'UPDATE' AND before_entries = after_entries AND OLD."centerId" = NEW."centerId"
    AND OLD."assignedToId" IS NOT DISTINCT FROM NEW."assignedToId" THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM worklist_tally_move(OLD."centerId", '', coalesce(OLD."assignedToId"::text, ''), before_entries, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM worklist_tally_move(NEW."centerId", '', coalesce(NEW."assignedToId"::text, ''), after_entries, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Enrollment_worklist_tally" AFTER INSERT OR UPDATE OR DELETE ON "Enrollment"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION worklist_enrollment_tally();

CREATE CONSTRAINT TRIGGER "Lead_worklist_tally" AFTER INSERT OR UPDATE OR DELETE ON "Lead"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION worklist_lead_tally();

-- ─── The derived columns ─────────────────────────────────────────────────────

/* The promise's kind, from the follow-up it came from (follow-ups never change). */
CREATE FUNCTION worklist_enrollment_promise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF worklist_bulk_load() THEN RETURN NEW; END IF;
  NEW."promisedWhileCovered" := (
    SELECT f."enrollmentStatus" IN ('PAID', 'ACTIVE') FROM "FollowUp" f WHERE f."id" = NEW."lastFollowUpId");
  RETURN NEW;
END $$;

CREATE TRIGGER "Enrollment_worklist_promise" BEFORE INSERT OR UPDATE OF "lastFollowUpId" ON "Enrollment"
FOR EACH ROW EXECUTE FUNCTION worklist_enrollment_promise();

/* Whether each enrollment of a person in a product was renewed by a later live one. */
CREATE FUNCTION worklist_mark_renewed(person UUID, of_product "Product") RETURNS void LANGUAGE sql AS $$
  UPDATE "Enrollment" e SET "renewed" = later.renewed
  FROM (
    SELECT x."id", EXISTS (
      SELECT 1 FROM "Enrollment" r WHERE r."personId" = x."personId" AND r."product" = x."product"
        AND r."live" AND r."registeredAt" > x."registeredAt") AS renewed
    FROM "Enrollment" x WHERE x."personId" = person AND x."product" = of_product
  ) later
  WHERE e."id" = later."id" AND e."renewed" IS DISTINCT FROM later.renewed
$$;

/* Whether each lead with one of these phones or citizen ids has since registered. */
CREATE FUNCTION worklist_mark_leads(phones TEXT[], people UUID[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Lead" l SET "registered" = worklist_lead_registered(l)
  WHERE (l."phone" = ANY(phones)
      OR l."citizenId" IN (SELECT p."citizenId" FROM "Person" p WHERE p."id" = ANY(people)))
    AND l."registered" IS DISTINCT FROM worklist_lead_registered(l)
$$;

CREATE FUNCTION worklist_enrollment_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF worklist_bulk_load() THEN RETURN NULL; END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM worklist_mark_renewed(NEW."personId", NEW."product"); END IF;
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD."personId" <> NEW."personId" OR OLD."product" <> NEW."product") THEN
    PERFORM worklist_mark_renewed(OLD."personId", OLD."product");
  END IF;
  PERFORM worklist_mark_leads(
    array_remove(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."phone" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."phone" END], NULL),
    array_remove(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."personId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."personId" END], NULL));
  RETURN NULL;
END $$;

CREATE TRIGGER "Enrollment_worklist_links"
AFTER INSERT OR DELETE OR UPDATE OF "live", "registeredAt", "registeredOn", "personId", "product", "phone" ON "Enrollment"
FOR EACH ROW EXECUTE FUNCTION worklist_enrollment_links();

CREATE FUNCTION worklist_lead_registration() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF worklist_bulk_load() THEN RETURN NEW; END IF;
  NEW."registered" := worklist_lead_registered(NEW);
  RETURN NEW;
END $$;

CREATE TRIGGER "Lead_worklist_registration" BEFORE INSERT OR UPDATE OF "phone", "citizenId", "metOn" ON "Lead"
FOR EACH ROW EXECUTE FUNCTION worklist_lead_registration();

-- ─── Everything again from the rows: after a bulk load, and now for what is stored ─

CREATE FUNCTION worklist_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  previous TEXT := current_setting('tangtoc.bulk_load', true);
BEGIN
  -- What is pending is counted now (or skipped under a bulk load): it is all recounted below, and the
  -- triggers skip the rebuild's own writes.
  SET CONSTRAINTS "Enrollment_worklist_tally", "Lead_worklist_tally" IMMEDIATE;
  PERFORM set_config('tangtoc.bulk_load', 'on', true);
  UPDATE "Enrollment" e SET "promisedWhileCovered" = f."enrollmentStatus" IN ('PAID', 'ACTIVE')
  FROM "FollowUp" f WHERE f."id" = e."lastFollowUpId"
    AND e."promisedWhileCovered" IS DISTINCT FROM (f."enrollmentStatus" IN ('PAID', 'ACTIVE'));
  UPDATE "Enrollment" e SET "renewed" = later.renewed
  FROM (
    SELECT x."id", x."registeredAt" < max(x."registeredAt") FILTER (WHERE x."live")
      OVER (PARTITION BY x."personId", x."product") AS renewed
    FROM "Enrollment" x
  ) later
  WHERE e."id" = later."id" AND e."renewed" IS DISTINCT FROM coalesce(later.renewed, false);
  UPDATE "Lead" l SET "registered" = worklist_lead_registered(l)
  WHERE l."registered" IS DISTINCT FROM worklist_lead_registered(l);
  DELETE FROM "WorklistTally";
  INSERT INTO "WorklistTally" ("centerId", "kind", "due", "product", "assignedTo", "count")
  SELECT e."centerId", k."kind", k."due", e."product"::text, coalesce(e."assignedToId"::text, ''), count(*)::int
  FROM "Enrollment" e CROSS JOIN LATERAL worklist_enrollment_entries(e) k
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO "WorklistTally" ("centerId", "kind", "due", "product", "assignedTo", "count")
  SELECT l."centerId", k."kind", k."due", '', coalesce(l."assignedToId"::text, ''), count(*)::int
  FROM "Lead" l CROSS JOIN LATERAL worklist_lead_entries(l) k
  GROUP BY 1, 2, 3, 4, 5;
  PERFORM set_config('tangtoc.bulk_load', coalesce(previous, ''), true);
  SET CONSTRAINTS "Enrollment_worklist_tally", "Lead_worklist_tally" DEFERRED;
END $$;

SELECT worklist_rebuild();
