-- The platform catalogue template (集约化): the categories without an agency are the statutory
-- columns the 政务公开办 keeps and every agency inherits; a category with an agency is that agency's
-- own column, shown only in its catalogue, below the template's. What existed is the template.

ALTER TABLE "Category" ADD COLUMN "agencyId" INTEGER;
ALTER TABLE "Category" ADD CONSTRAINT "Category_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Category_agencyId_idx" ON "Category"("agencyId");
