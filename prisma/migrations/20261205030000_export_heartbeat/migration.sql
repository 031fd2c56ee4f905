-- A queued export's run says it is alive (heartbeatAt) under its attempt number, so that an export
-- whose API instance died is taken over within minutes (the clean-up job) rather than after pg-boss's
-- two-hour expiry, and the run it took over from, if it still runs, finds it was superseded. A failed
-- export says why.
ALTER TABLE "Export" ADD COLUMN "attempt" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "heartbeatAt" TIMESTAMP(3),
ADD COLUMN "failure" TEXT;
