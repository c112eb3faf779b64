import "server-only";
import type { ReportFigureSources } from "@/lib/reports/figure-sources";

// Wired to the application, decision, power and proposal registers as they land.
export const liveFigureSources: ReportFigureSources = {
  async applications() {
    return { table3: { columns: [], rows: {} }, openPastDue: 0, feesChargedYuan: 0 };
  },
  async appeals() {
    return new Array(15).fill(0);
  },
  async decisions() {
    return { licensing: 0, penalties: 0, coercion: 0, publishedLate: 0, dueUnpublished: 0 };
  },
  async feeIncome() {
    return 0;
  },
  async retainedLicensingPowers() {
    return 0;
  },
  async proposalsFor() {
    return { suggestions: 0, proposals: 0, replied: 0, published: 0, satisfactionRate: null };
  },
  outcomes() {
    return [];
  },
};
