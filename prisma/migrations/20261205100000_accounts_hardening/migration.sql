-- Usernames are stored normalised (lower case) and matched exactly: no ILIKE, so `%` and `_`
-- are ordinary characters. Names that differ only in case could not be created through the
-- product; if some exist anyway, stop with their names rather than pick one.
DO $$
DECLARE
    clashes TEXT;
BEGIN
    SELECT string_agg(DISTINCT "username", ', ') INTO clashes
    FROM "User" u
    WHERE EXISTS (SELECT 1 FROM "User" o WHERE o."id" <> u."id" AND lower(o."username") = lower(u."username"));
    IF clashes IS NOT NULL THEN
        RAISE EXCEPTION 'Usernames that differ only in case: %. Rename all but one of each, then migrate again.', clashes;
    END IF;
END $$;

UPDATE "User" SET "username" = lower("username") WHERE "username" <> lower("username");

ALTER TABLE "User" ADD CONSTRAINT "User_username_normalised" CHECK ("username" = lower("username"));

-- A session carries the epoch it was signed in at; a password change or reset moves it on.
ALTER TABLE "User" ADD COLUMN "sessionEpoch" INTEGER NOT NULL DEFAULT 0;

-- Passwords set before the published demo password was refused: checked once before a start
-- outside demo mode.
ALTER TABLE "User" ADD COLUMN "mayHaveDemoPassword" BOOLEAN NOT NULL DEFAULT false;
UPDATE "User" SET "mayHaveDemoPassword" = true;

-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('read', 'read_write');

-- Tokens made before scopes and expiry keep working as they did (read-write) for 90 more days.
ALTER TABLE "ApiToken" ADD COLUMN "scope" "ApiTokenScope" NOT NULL DEFAULT 'read_write',
ADD COLUMN "expiresAt" TIMESTAMPTZ(3);
UPDATE "ApiToken" SET "expiresAt" = CURRENT_TIMESTAMP + INTERVAL '90 days';
ALTER TABLE "ApiToken" ALTER COLUMN "scope" DROP DEFAULT,
ALTER COLUMN "expiresAt" SET NOT NULL;

-- Login attempts are also counted per client address.
ALTER TABLE "LoginAttempt" ADD COLUMN "clientKey" TEXT;

-- CreateIndex
CREATE INDEX "LoginAttempt_clientKey_attemptedAt_idx" ON "LoginAttempt"("clientKey", "attemptedAt");
