-- An account given a one-time password (an imported agency's first administrator, or a password an
-- administrator reset) must change it at its first sign-in: until then every console page and
-- action refuses it but the password change (lib/auth/session.ts, lib/auth/permissions.ts).
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
