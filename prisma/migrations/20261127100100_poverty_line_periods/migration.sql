-- The 2022–2025 rural poverty line (Decree 07/2021/NĐ-CP) ends with its period, 2025-12-31; the seed
-- adds the rows after it (1,500,000 through 2026 and 2,200,000 from 2027-01-01, Decree 351/2025/NĐ-CP as
-- reported, unconfirmed). Only the row as seeded is ended: one an admin already ended is theirs.
UPDATE "ContributionParameter"
SET "effectiveTo" = DATE '2025-12-31', "updatedAt" = now()
WHERE "key" = 'RURAL_POVERTY_LINE'
  AND "qualifier" = ''
  AND "jurisdiction" = 'VN'
  AND "effectiveFrom" = DATE '2022-01-01'
  AND "effectiveTo" IS NULL;
