import { messages } from "@/lib/i18n";

/**
 * Information-processing fees (信息处理费) under 国办函〔2020〕109号. Normally applications are free;
 * a fee is charged only for clearly unreasonable volume, by one of two methods, never both on one
 * application:
 * - by count (按件): per applicant per calendar month, each application priced by its band —
 *   1st–10th free, 11th–30th 100 元, then every further band of 10 costs 100 元 more
 *   (31st–40th 200 元, 41st–50th 300 元, …);
 * - by volume (按量): the pages of one application, marginal — pages 1–30 free, 31–100 10 元 a
 *   page, 101–200 20 元 a page, above 200 40 元 a page.
 * Amounts are whole yuan.
 */

export type FeeMethod = "by_count" | "by_volume";

export type FeeBreakdownLine = {
  /** e.g. 第 31 页至第 100 页 */
  band: string;
  from: number;
  to: number | null;
  units: number;
  rateYuan: number;
  amountYuan: number;
  /** e.g. 70 页 × 10 元 = 700 元, or 免费 */
  text: string;
};

export type FeeQuote = {
  method: FeeMethod;
  quantity: number;
  amountYuan: number;
  breakdown: FeeBreakdownLine[];
  summary: string;
  basis: string;
};

const m = messages.applications.fees;

type Band = { from: number; to: number | null; rateYuan: number };

const volumeBands: readonly Band[] = [
  { from: 1, to: 30, rateYuan: 0 },
  { from: 31, to: 100, rateYuan: 10 },
  { from: 101, to: 200, rateYuan: 20 },
  { from: 201, to: null, rateYuan: 40 },
];

function assertPositiveInteger(value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`Expected a positive integer, got ${value}`);
}

function lineText(units: number, unit: string, rateYuan: number, amountYuan: number): string {
  return rateYuan === 0 ? `${units} ${unit}，${m.free}` : m.lineAmount(units, unit, rateYuan, amountYuan);
}

/** The band of the n-th application of one applicant in a calendar month. */
export function countBandOf(n: number): Band {
  assertPositiveInteger(n);
  if (n <= 10) return { from: 1, to: 10, rateYuan: 0 };
  if (n <= 30) return { from: 11, to: 30, rateYuan: 100 };
  const bandIndex = Math.floor((n - 31) / 10); // 0 for 31–40, 1 for 41–50, …
  const from = 31 + bandIndex * 10;
  return { from, to: from + 9, rateYuan: 200 + bandIndex * 100 };
}

/** The fee of one application that is the n-th of its applicant in the calendar month (按件). */
export function quoteFeeByCount(applicationsThisMonth: number): FeeQuote {
  const band = countBandOf(applicationsThisMonth);
  const amountYuan = band.rateYuan;
  return {
    method: "by_count",
    quantity: applicationsThisMonth,
    amountYuan,
    breakdown: [
      {
        band: m.countBand(band.from, band.to),
        from: band.from,
        to: band.to,
        units: 1,
        rateYuan: band.rateYuan,
        amountYuan,
        text: band.rateYuan === 0 ? `${m.countBand(band.from, band.to)}：${m.free}` : `${m.countBand(band.from, band.to)}：${m.perApplication(band.rateYuan)}`,
      },
    ],
    summary: m.countSummary(applicationsThisMonth, amountYuan),
    basis: m.basis,
  };
}

/** What an applicant pays for all of their first n applications of a month together. */
export function totalFeeByCountForMonth(applications: number): number {
  if (applications === 0) return 0;
  assertPositiveInteger(applications);
  let total = 0;
  for (let n = 1; n <= applications; n++) total += countBandOf(n).rateYuan;
  return total;
}

/** The fee of one application of `pages` pages (按量), band by band. */
export function quoteFeeByVolume(pages: number): FeeQuote {
  assertPositiveInteger(pages);
  const breakdown: FeeBreakdownLine[] = [];
  for (const band of volumeBands) {
    if (pages < band.from) break;
    const last = band.to === null ? pages : Math.min(pages, band.to);
    const units = last - band.from + 1;
    const amountYuan = units * band.rateYuan;
    const label = m.pageBand(band.from, band.to);
    breakdown.push({
      band: label,
      from: band.from,
      to: band.to,
      units,
      rateYuan: band.rateYuan,
      amountYuan,
      text: `${label}：${lineText(units, m.unitPage, band.rateYuan, amountYuan)}`,
    });
  }
  const amountYuan = breakdown.reduce((sum, line) => sum + line.amountYuan, 0);
  return { method: "by_volume", quantity: pages, amountYuan, breakdown, summary: m.volumeSummary(pages, amountYuan), basis: m.basis };
}

export function quoteFee(method: FeeMethod, quantity: number): FeeQuote {
  return method === "by_count" ? quoteFeeByCount(quantity) : quoteFeeByVolume(quantity);
}

/** The fees charged in a year: those paid that year (a fee notice that lapsed was never charged). */
export function sumPaidFees(fees: { amountYuan: number; paidOn: string | null }[], year: number): number {
  const prefix = `${year}-`;
  return fees.filter((fee) => fee.paidOn?.startsWith(prefix)).reduce((sum, fee) => sum + fee.amountYuan, 0);
}
