-- CreateEnum
CREATE TYPE "InspectionList" AS ENUM ('targets', 'inspectors');

-- CreateEnum
CREATE TYPE "InspectionOutcome" AS ENUM ('no_problem', 'rectification_ordered', 'case_filed', 'transferred', 'target_not_found', 'business_closed', 'other');

-- CreateTable
CREATE TABLE "InspectionTarget" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "creditCode" TEXT,
    "address" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InspectionTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspector" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "sectionId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Inspector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectorConflict" (
    "id" SERIAL NOT NULL,
    "inspectorId" INTEGER NOT NULL,
    "targetId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectorConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionListChange" (
    "id" SERIAL NOT NULL,
    "list" "InspectionList" NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "actorId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectionListChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionItem" (
    "id" SERIAL NOT NULL,
    "powerId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "targetScope" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InspectionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "targetCategories" TEXT[],
    "targetCount" INTEGER NOT NULL,
    "inspectorsPerTarget" INTEGER NOT NULL,
    "startOn" DATE NOT NULL,
    "endOn" DATE NOT NULL,
    "sectionId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "lastEditorId" INTEGER NOT NULL,
    "state" "ItemState" NOT NULL DEFAULT 'draft',
    "publishedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawalReason" TEXT,
    "resultsState" "ItemState" NOT NULL DEFAULT 'draft',
    "resultsEditorId" INTEGER,
    "resultsPublishedAt" TIMESTAMPTZ(3),
    "resultsPublishedOnTime" BOOLEAN,
    "resultsWithdrawnAt" TIMESTAMPTZ(3),
    "resultsWithdrawalReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionTaskItem" (
    "inspectionId" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,

    CONSTRAINT "InspectionTaskItem_pkey" PRIMARY KEY ("inspectionId","itemId")
);

-- CreateTable
CREATE TABLE "InspectionDraw" (
    "id" SERIAL NOT NULL,
    "inspectionId" INTEGER NOT NULL,
    "algorithm" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "targetListVersion" INTEGER NOT NULL,
    "targetListHash" TEXT NOT NULL,
    "inspectorListVersion" INTEGER NOT NULL,
    "inspectorListHash" TEXT NOT NULL,
    "input" TEXT NOT NULL,
    "inputHash" TEXT NOT NULL,
    "drawnById" INTEGER NOT NULL,
    "drawnAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectionDraw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionAssignment" (
    "id" SERIAL NOT NULL,
    "inspectionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "targetId" INTEGER NOT NULL,
    "targetName" TEXT NOT NULL,
    "targetCreditCode" TEXT,
    "targetAddress" TEXT NOT NULL,
    "outcome" "InspectionOutcome",
    "resultNote" TEXT,
    "inspectedOn" DATE,

    CONSTRAINT "InspectionAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionAssignmentInspector" (
    "assignmentId" INTEGER NOT NULL,
    "inspectorId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "inspectorName" TEXT NOT NULL,
    "certificateNumber" TEXT NOT NULL,

    CONSTRAINT "InspectionAssignmentInspector_pkey" PRIMARY KEY ("assignmentId","inspectorId")
);

-- CreateIndex
CREATE UNIQUE INDEX "InspectionTarget_creditCode_key" ON "InspectionTarget"("creditCode");

-- CreateIndex
CREATE INDEX "InspectionTarget_category_idx" ON "InspectionTarget"("category");

-- CreateIndex
CREATE UNIQUE INDEX "Inspector_certificateNumber_key" ON "Inspector"("certificateNumber");

-- CreateIndex
CREATE INDEX "Inspector_sectionId_idx" ON "Inspector"("sectionId");

-- CreateIndex
CREATE INDEX "InspectorConflict_targetId_idx" ON "InspectorConflict"("targetId");

-- CreateIndex
CREATE UNIQUE INDEX "InspectorConflict_inspectorId_targetId_key" ON "InspectorConflict"("inspectorId", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionListChange_list_version_key" ON "InspectionListChange"("list", "version");

-- CreateIndex
CREATE INDEX "InspectionItem_powerId_idx" ON "InspectionItem"("powerId");

-- CreateIndex
CREATE INDEX "Inspection_year_idx" ON "Inspection"("year");

-- CreateIndex
CREATE INDEX "Inspection_state_idx" ON "Inspection"("state");

-- CreateIndex
CREATE INDEX "InspectionTaskItem_itemId_idx" ON "InspectionTaskItem"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionDraw_inspectionId_key" ON "InspectionDraw"("inspectionId");

-- CreateIndex
CREATE INDEX "InspectionAssignment_targetId_idx" ON "InspectionAssignment"("targetId");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionAssignment_inspectionId_position_key" ON "InspectionAssignment"("inspectionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionAssignment_inspectionId_targetId_key" ON "InspectionAssignment"("inspectionId", "targetId");

-- CreateIndex
CREATE INDEX "InspectionAssignmentInspector_inspectorId_idx" ON "InspectionAssignmentInspector"("inspectorId");

-- AddForeignKey
ALTER TABLE "Inspector" ADD CONSTRAINT "Inspector_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectorConflict" ADD CONSTRAINT "InspectorConflict_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "Inspector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectorConflict" ADD CONSTRAINT "InspectorConflict_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "InspectionTarget"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionListChange" ADD CONSTRAINT "InspectionListChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionItem" ADD CONSTRAINT "InspectionItem_powerId_fkey" FOREIGN KEY ("powerId") REFERENCES "Power"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_lastEditorId_fkey" FOREIGN KEY ("lastEditorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_resultsEditorId_fkey" FOREIGN KEY ("resultsEditorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionTaskItem" ADD CONSTRAINT "InspectionTaskItem_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionTaskItem" ADD CONSTRAINT "InspectionTaskItem_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "InspectionItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionDraw" ADD CONSTRAINT "InspectionDraw_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionDraw" ADD CONSTRAINT "InspectionDraw_drawnById_fkey" FOREIGN KEY ("drawnById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionAssignment" ADD CONSTRAINT "InspectionAssignment_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionAssignment" ADD CONSTRAINT "InspectionAssignment_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "InspectionTarget"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionAssignmentInspector" ADD CONSTRAINT "InspectionAssignmentInspector_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "InspectionAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionAssignmentInspector" ADD CONSTRAINT "InspectionAssignmentInspector_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "Inspector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
