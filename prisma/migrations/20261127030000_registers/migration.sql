-- CreateEnum
CREATE TYPE "PowerType" AS ENUM ('license', 'penalty', 'coercion', 'levy', 'benefit', 'inspection', 'confirmation', 'reward', 'adjudication', 'other');

-- CreateEnum
CREATE TYPE "PowerStatus" AS ENUM ('retained', 'cancelled', 'adjusted', 'delegated');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('license', 'penalty', 'coercion');

-- CreateEnum
CREATE TYPE "CounterpartyCategory" AS ENUM ('legal_entity', 'natural_person', 'individual_business');

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
    "statusNote" TEXT,
    "state" "ItemState" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "ownerSectionId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "lastEditorId" INTEGER NOT NULL,
    "publishedContent" JSONB,
    "publishedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawalReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Power_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PowerListVersion" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "entries" JSONB NOT NULL,
    "entryCount" INTEGER NOT NULL,
    "note" TEXT,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" INTEGER NOT NULL,

    CONSTRAINT "PowerListVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "powerId" INTEGER,
    "sectionId" INTEGER NOT NULL,
    "legalBasis" TEXT[],
    "conditions" TEXT NOT NULL,
    "steps" TEXT[],
    "timeLimitDays" INTEGER NOT NULL,
    "fee" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "officeHours" TEXT NOT NULL,
    "consultationPhone" TEXT NOT NULL,
    "complaintPhone" TEXT NOT NULL,
    "state" "ItemState" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "ownerSectionId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "lastEditorId" INTEGER NOT NULL,
    "publishedContent" JSONB,
    "publishedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawalReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceMaterial" (
    "id" SERIAL NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "name" TEXT NOT NULL,
    "originals" INTEGER NOT NULL DEFAULT 0,
    "copies" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,

    CONSTRAINT "ServiceMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceForm" (
    "id" SERIAL NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "storagePath" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "detachedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdministrativeDecision" (
    "id" SERIAL NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "counterpartyName" TEXT NOT NULL,
    "counterpartyCategory" "CounterpartyCategory" NOT NULL,
    "creditCode" TEXT,
    "legalRepresentative" TEXT,
    "idNumber" TEXT,
    "documentNumber" TEXT NOT NULL,
    "licenseName" TEXT,
    "licenseContent" TEXT,
    "violationType" TEXT,
    "violationFacts" TEXT,
    "penaltyBasis" TEXT,
    "penaltyCategories" TEXT[],
    "penaltyContent" TEXT,
    "penaltyAmount" DECIMAL(18,6),
    "coercionCategory" TEXT,
    "coercionContent" TEXT,
    "decisionDate" DATE NOT NULL,
    "validFrom" DATE,
    "validUntil" DATE,
    "authorityName" TEXT NOT NULL,
    "authorityCreditCode" TEXT NOT NULL,
    "dataSourceName" TEXT NOT NULL,
    "remarks" TEXT,
    "disclosureDueOn" DATE NOT NULL,
    "publicUntil" DATE,
    "state" "ItemState" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "sectionId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "lastEditorId" INTEGER NOT NULL,
    "importBatchId" INTEGER,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedOnTime" BOOLEAN,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawalReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AdministrativeDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionImportBatch" (
    "id" SERIAL NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "importedById" INTEGER NOT NULL,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionPublicityPeriod" (
    "kind" "DecisionKind" NOT NULL,
    "months" INTEGER,
    "updatedById" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DecisionPublicityPeriod_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "AnnualFeeIncome" (
    "year" INTEGER NOT NULL,
    "amountTenThousandYuan" DECIMAL(14,4) NOT NULL,
    "note" TEXT,
    "updatedById" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AnnualFeeIncome_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "Power_code_key" ON "Power"("code");

-- CreateIndex
CREATE INDEX "Power_type_idx" ON "Power"("type");

-- CreateIndex
CREATE INDEX "Power_state_idx" ON "Power"("state");

-- CreateIndex
CREATE UNIQUE INDEX "PowerListVersion_year_key" ON "PowerListVersion"("year");

-- CreateIndex
CREATE UNIQUE INDEX "Service_code_key" ON "Service"("code");

-- CreateIndex
CREATE INDEX "Service_state_idx" ON "Service"("state");

-- CreateIndex
CREATE INDEX "ServiceMaterial_serviceId_idx" ON "ServiceMaterial"("serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceForm_storagePath_key" ON "ServiceForm"("storagePath");

-- CreateIndex
CREATE INDEX "ServiceForm_serviceId_idx" ON "ServiceForm"("serviceId");

-- CreateIndex
CREATE INDEX "AdministrativeDecision_kind_decisionDate_idx" ON "AdministrativeDecision"("kind", "decisionDate");

-- CreateIndex
CREATE INDEX "AdministrativeDecision_state_idx" ON "AdministrativeDecision"("state");

-- CreateIndex
CREATE INDEX "AdministrativeDecision_publicUntil_idx" ON "AdministrativeDecision"("publicUntil");

-- CreateIndex
CREATE INDEX "AdministrativeDecision_creditCode_idx" ON "AdministrativeDecision"("creditCode");

-- CreateIndex
CREATE INDEX "AdministrativeDecision_importBatchId_idx" ON "AdministrativeDecision"("importBatchId");

-- CreateIndex
CREATE UNIQUE INDEX "AdministrativeDecision_kind_documentNumber_key" ON "AdministrativeDecision"("kind", "documentNumber");

-- AddForeignKey
ALTER TABLE "Power" ADD CONSTRAINT "Power_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Power" ADD CONSTRAINT "Power_ownerSectionId_fkey" FOREIGN KEY ("ownerSectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Power" ADD CONSTRAINT "Power_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Power" ADD CONSTRAINT "Power_lastEditorId_fkey" FOREIGN KEY ("lastEditorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PowerListVersion" ADD CONSTRAINT "PowerListVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_powerId_fkey" FOREIGN KEY ("powerId") REFERENCES "Power"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_ownerSectionId_fkey" FOREIGN KEY ("ownerSectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_lastEditorId_fkey" FOREIGN KEY ("lastEditorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceMaterial" ADD CONSTRAINT "ServiceMaterial_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceForm" ADD CONSTRAINT "ServiceForm_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdministrativeDecision" ADD CONSTRAINT "AdministrativeDecision_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdministrativeDecision" ADD CONSTRAINT "AdministrativeDecision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdministrativeDecision" ADD CONSTRAINT "AdministrativeDecision_lastEditorId_fkey" FOREIGN KEY ("lastEditorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdministrativeDecision" ADD CONSTRAINT "AdministrativeDecision_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "DecisionImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionImportBatch" ADD CONSTRAINT "DecisionImportBatch_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionPublicityPeriod" ADD CONSTRAINT "DecisionPublicityPeriod_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualFeeIncome" ADD CONSTRAINT "AnnualFeeIncome_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
