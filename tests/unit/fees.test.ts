import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { quoteFee, quoteFeeByCount, quoteFeeByVolume, sumPaidFees, totalFeeByCountForMonth } from "../../lib/fees/fee-calculator";

describe("by count (按件), per applicant per calendar month", () => {
  test("the 1st–10th are free, the 11th–30th cost 100 元, then each band of 10 costs 100 元 more", () => {
    const cases: [number, number][] = [
      [1, 0],
      [10, 0],
      [11, 100],
      [30, 100],
      [31, 200],
      [40, 200],
      [41, 300],
      [50, 300],
      [51, 400],
    ];
    for (const [n, yuan] of cases) assert.equal(quoteFeeByCount(n).amountYuan, yuan, `application no. ${n}`);
  });

  test("the quote names the band it applied", () => {
    const quote = quoteFeeByCount(41);
    assert.equal(quote.method, "by_count");
    assert.equal(quote.breakdown.length, 1);
    assert.equal(quote.breakdown[0].band, "第 41 件至第 50 件");
    assert.equal(quote.breakdown[0].text, "第 41 件至第 50 件：每件 300 元");
    assert.equal(quote.summary, "本月第 41 件申请，应收 300 元");
    assert.match(quote.basis, /国办函〔2020〕109号/);
    assert.equal(quoteFeeByCount(10).breakdown[0].text, "第 1 件至第 10 件：免费");
  });

  test("a month's total is the sum of its applications' bands", () => {
    assert.equal(totalFeeByCountForMonth(10), 0);
    assert.equal(totalFeeByCountForMonth(30), 20 * 100);
    assert.equal(totalFeeByCountForMonth(41), 20 * 100 + 10 * 200 + 300);
  });
});

describe("by volume (按量), pages of one application, marginal", () => {
  test("pages 1–30 free, 31–100 at 10 元, 101–200 at 20 元, above 200 at 40 元", () => {
    const cases: [number, number][] = [
      [1, 0],
      [30, 0],
      [31, 10],
      [100, 700],
      [101, 720],
      [200, 2700],
      [201, 2740],
    ];
    for (const [pages, yuan] of cases) assert.equal(quoteFeeByVolume(pages).amountYuan, yuan, `${pages} pages`);
  });

  test("the breakdown shows each band's pages, rate and amount", () => {
    const quote = quoteFeeByVolume(201);
    assert.deepEqual(
      quote.breakdown.map((line) => [line.from, line.to, line.units, line.rateYuan, line.amountYuan]),
      [
        [1, 30, 30, 0, 0],
        [31, 100, 70, 10, 700],
        [101, 200, 100, 20, 2000],
        [201, null, 1, 40, 40],
      ],
    );
    assert.equal(quote.breakdown[1].text, "第 31 页至第 100 页：70 页 × 10 元 = 700 元");
    assert.equal(quote.breakdown[0].text, "第 1 页至第 30 页：30 页，免费");
    assert.equal(quote.summary, "共 201 页，应收 2740 元");
  });

  test("only positive whole numbers are quoted", () => {
    assert.throws(() => quoteFeeByVolume(0), RangeError);
    assert.throws(() => quoteFeeByCount(2.5), RangeError);
    assert.equal(quoteFee("by_volume", 31).method, "by_volume");
  });
});

test("the year's fees are those paid in the year", () => {
  const fees = [
    { amountYuan: 700, paidOn: "2025-03-01" },
    { amountYuan: 100, paidOn: "2025-12-31" },
    { amountYuan: 300, paidOn: "2026-01-01" },
    { amountYuan: 2740, paidOn: null },
  ];
  assert.equal(sumPaidFees(fees, 2025), 800);
  assert.equal(sumPaidFees(fees, 2026), 300);
});
