-- CreateEnum
CREATE TYPE "PowerType" AS ENUM ('license', 'penalty', 'coercion', 'levy', 'benefit', 'inspection', 'confirmation', 'reward', 'adjudication', 'other');

-- CreateEnum
CREATE TYPE "PowerStatus" AS ENUM ('retained', 'cancelled', 'adjusted', 'delegated');

-- CreateTable
CREATE TABLE "Power" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "PowerType" NOT NULL,
    "legalBasis" TEXT[],
    "sectionId" INTEGER NOT NULL,
    "responsibilities" TEXT NOT NULL,
    "accountability" TEXT NOT NULL,
    "status" "PowerStatus" NOT NULL DEFAULT 'retained',
    "effectiveOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Power_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Power_code_key" ON "Power"("code");

-- CreateIndex
CREATE INDEX "Power_type_idx" ON "Power"("type");

-- AddForeignKey
ALTER TABLE "Power" ADD CONSTRAINT "Power_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
