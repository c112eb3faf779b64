-- Site identity (网站标识): what a Chinese government website shows in its header and footer and
-- in its meta tags, edited by administrators in the console (lib/agency/site-identity.ts).
ALTER TABLE "Agency" ADD COLUMN "siteIdCode" TEXT;
ALTER TABLE "Agency" ADD COLUMN "icpNumber" TEXT;
ALTER TABLE "Agency" ADD COLUMN "publicSecurityNumber" TEXT;
ALTER TABLE "Agency" ADD COLUMN "sponsorName" TEXT;
ALTER TABLE "Agency" ADD COLUMN "operatorName" TEXT;
ALTER TABLE "Agency" ADD COLUMN "siteMapUrl" TEXT;
ALTER TABLE "Agency" ADD COLUMN "logoStoragePath" TEXT;
ALTER TABLE "Agency" ADD COLUMN "logoMimeType" TEXT;
ALTER TABLE "Agency" ADD COLUMN "logoSha256" TEXT;
