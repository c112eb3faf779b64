-- 党政机关网站标识: the verification page (e.g. https://bszs.conac.cn/sitename?method=show&id=...)
-- the badge in the footer links to; the badge is shown only once the site has one.
ALTER TABLE "Agency" ADD COLUMN "partyGovernmentBadgeUrl" TEXT;
