/**
 * The authorization matrix: for every console route handler (/api/v1/admin/** and the console's own
 * route files under app/admin) and every console server action (app/admin/**), the status each of
 * six people gets — anonymous, a staff member of another section, staff, the section head, a leader,
 * an administrator — asking about a record of 综合科 (the section of staff and head).
 *
 * tests/integration/authorization-matrix.test.ts walks every cell against a real database and fails
 * on any surprise, and on any route or action that has no row here; docs/security.md shows this table
 * (`npm run docs:security` renders it; tests/unit/security-doc.test.ts keeps the two equal).
 *
 * Where the answer depends on the record or the step, a target has several rows (`case`).
 */
import { administrationRows } from "./matrix/administration";
import { applicationRows } from "./matrix/applications";
import { feedbackRows } from "./matrix/feedback";
import { inspectionRows } from "./matrix/inspections";
import { itemRows } from "./matrix/items";
import { notificationRows } from "./matrix/notifications";
import { oversightRows } from "./matrix/oversight";
import { proposalRows } from "./matrix/proposals";
import { registerRows } from "./matrix/registers";
import { reportRows } from "./matrix/reports";
import type { MatrixRow } from "./matrix-types";

export type MatrixGroup = { title: string; rows: MatrixRow[] };

export const matrixGroups: MatrixGroup[] = [
  { title: "Accounts, sections, catalogue, calendar, sensitive words, reply templates, audit log, site identity", rows: administrationRows },
  { title: "Disclosure items", rows: itemRows },
  { title: "Applications (依申请公开)", rows: applicationRows },
  { title: "Registers: 双公示 decisions, the power list, service guides", rows: registerRows },
  { title: "Visitors' messages (监督评议)", rows: feedbackRows },
  { title: "Deputies' suggestions and proposals (建议提案)", rows: proposalRows },
  { title: "双随机一公开 inspections", rows: inspectionRows },
  { title: "The annual report", rows: reportRows },
  { title: "Oversight: the website spot-check (普查自查) and the assessment dashboard (考核)", rows: oversightRows },
  { title: "Notifications (each user's own inbox)", rows: notificationRows },
];

export const authorizationMatrix: MatrixRow[] = matrixGroups.flatMap((group) => group.rows);
