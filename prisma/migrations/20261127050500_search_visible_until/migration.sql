-- AlterTable
ALTER TABLE "SearchDocument" ADD COLUMN     "visibleUntil" DATE;
