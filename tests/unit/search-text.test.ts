import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { allTermsOf, parseSearchQuery } from "../../lib/search/query";
import { findMatches, highlight, makeSnippet, segmentsToHtml } from "../../lib/search/snippet";
import { shareHoldingAll } from "../../lib/search/term-shares";
import { toSimplified } from "../../lib/search/text/chinese-variants";
import { foldForSearch, foldWithOffsets, indexKeysOf, phraseIndexTerms, termKey } from "../../lib/search/text/normalize";

describe("folding", () => {
  test("traditional characters become simplified, character by character", () => {
    assert.equal(toSimplified("關於加強戶外廣告設施管理"), "关于加强户外广告设施管理");
    assert.equal(toSimplified("雙隨機一公開"), "双随机一公开");
    // Regional variants (台灣 / 香港 forms) too.
    assert.equal(toSimplified("臺灣 裡面 為了"), "台湾 里面 为了");
    assert.equal(toSimplified("已是简体"), "已是简体");
    assert.equal([...toSimplified("佔道經營𠮷")].length, [..."佔道經營𠮷"].length, "same length in code points");
  });

  test("full-width forms, case, white space and bracket variants are folded", () => {
    assert.equal(foldForSearch("ＰＭ２．５　浓度"), "pm2.5 浓度");
    assert.equal(foldForSearch("  绥城管发〔2017〕3号\n\t附件 "), "绥城管发[2017]3号 附件");
    assert.equal(foldForSearch("【通知】［2017］"), "[通知][2017]");
    assert.equal(foldForSearch("ABC"), "abc");
  });

  test("folding with offsets gives the same text and points back into the original", () => {
    const original = "關於  ＰＭ２．５的〔通知〕";
    const { folded, origins } = foldWithOffsets(original);
    assert.equal(folded, foldForSearch(original));
    const at = folded.indexOf("pm2.5");
    assert.equal(original.slice(origins[at], origins[at + 4] + 1), "ＰＭ２．５");
  });
});

describe("index terms", () => {
  /** The terms a text is indexed by, as keys (in order of first occurrence). */
  const keysOf = (terms: string[]) => terms.map(termKey);

  test("a document is indexed by its characters and pairs of adjacent characters; punctuation breaks pairs", () => {
    assert.deepEqual(indexKeysOf("城管执法"), keysOf(["城", "管", "城管", "执", "管执", "法", "执法"]));
    assert.deepEqual(indexKeysOf("广告，牌匾"), keysOf(["广", "告", "广告", "牌", "匾", "牌匾"]));
    assert.deepEqual(indexKeysOf("pm2.5"), keysOf(["p", "m", "pm", "2", "m2", "5"]));
    assert.deepEqual(indexKeysOf("城城城"), keysOf(["城", "城城"]), "each term once");
  });

  test("a term's key is its code point, or c1 * 2^21 + c2 for a pair: distinct for distinct terms, exact in a double", () => {
    assert.equal(termKey("城"), 0x57ce);
    assert.equal(termKey("城管"), 0x57ce * 2 ** 21 + 0x7ba1);
    assert.equal(termKey("𠀀"), 0x20000, "a character beyond the BMP is one code point");
    const largest = termKey("\u{10ffff}\u{10ffff}");
    assert.ok(Number.isSafeInteger(largest) && largest < 2 ** 63);
    // The smallest pair key (two digits) lies above every character's key.
    assert.ok(termKey("00") > 0x10ffff);
    const terms = ["城", "管", "城管", "管城", "a", "ab", "ba", "𠀀", "𠀀城", "城𠀀", "00", "0"];
    assert.equal(new Set(terms.map(termKey)).size, terms.length);
  });

  test("index terms and folding treat every kind of character as the Unicode classes say (fast paths for CJK and ASCII)", () => {
    // The same terms as a plain /[\p{L}\p{N}]/u test of every character, for scripts beyond the fast paths.
    const word = /[\p{L}\p{N}]/u;
    const reference = (folded: string) => {
      const terms = new Set<string>();
      let previous = "";
      for (const character of folded) {
        if (!word.test(character)) {
          previous = "";
          continue;
        }
        terms.add(character);
        if (previous) terms.add(previous + character);
        previous = character;
      }
      return keysOf([...terms]);
    };
    for (const text of ["ab 𠀀𠀁x ωλ١٢ āb_c-d [2017]3号 ﹏ 𝟘𝟙", "AbC9", "中𠀀文", "a\u0301b", "ㄅㄆ한국어ひらがなカタカナ"]) {
      assert.deepEqual(indexKeysOf(text), reference(text), text);
    }
    // A long text of many distinct pairs (an attachment), then short ones again: what one document
    // held is never taken for what the next holds.
    let state = 7;
    const random = () => (state = (Math.imul(state, 48271) >>> 0) % 2147483647);
    const long = Array.from({ length: 30_000 }, () => String.fromCodePoint(0x4e00 + (random() % 600))).join("");
    for (const text of [long, "城管执法", long.slice(0, 5_000), "城管执法", "执法城管"]) {
      assert.deepEqual(indexKeysOf(text), reference(text), text.slice(0, 20));
    }
    // Every kind of white space (ideographic space, no-break space, line separator) folds to one space.
    assert.equal(foldWithOffsets("城\u3000管\u00a0执\u2028法\t\n局").folded, "城 管 执 法 局");
  });

  test("a phrase needs its pairs; one or two characters are an exact lookup", () => {
    assert.deepEqual(phraseIndexTerms("城"), { terms: ["城"], exact: true });
    assert.deepEqual(phraseIndexTerms("城管"), { terms: ["城管"], exact: true });
    assert.deepEqual(phraseIndexTerms("双随机"), { terms: ["双随", "随机"], exact: false });
    assert.deepEqual(phraseIndexTerms("城市管理"), { terms: ["城市", "市管", "管理"], exact: false });
    assert.deepEqual(phraseIndexTerms("[2017]"), { terms: ["20", "01", "17"], exact: false });
    assert.deepEqual(phraseIndexTerms("，。"), { terms: [], exact: false });
  });
});

describe("queries", () => {
  test("space-separated words are all required, each as a phrase; quotes keep spaces", () => {
    const query = parseSearchQuery("城市管理  执法 “户外 广告”");
    assert.deepEqual(
      query.phrases.map((phrase) => [phrase.text, phrase.quoted, phrase.exact]),
      [
        ["户外 广告", true, false],
        ["城市管理", false, false],
        ["执法", false, true],
      ],
    );
    assert.deepEqual(allTermsOf(query).sort(), ["户外", "广告", "城市", "市管", "管理", "执法"].sort());
  });

  test("traditional, full-width and repeated words are folded and merged; punctuation alone is dropped", () => {
    assert.deepEqual(
      parseSearchQuery("綜合執法 综合执法 ，。").phrases.map((phrase) => phrase.text),
      ["综合执法"],
    );
    assert.deepEqual(parseSearchQuery('""').phrases, []);
    assert.deepEqual(parseSearchQuery("  ").phrases, []);
    assert.deepEqual(
      parseSearchQuery("「双随机」").phrases.map((phrase) => phrase.text),
      ["双随机"],
    );
    assert.deepEqual(
      parseSearchQuery('"未闭合 引号').phrases.map((phrase) => phrase.text),
      ["未闭合", "引号"],
    );
  });

  test("a query is cut at 100 characters and 8 phrases", () => {
    assert.equal(parseSearchQuery("城".repeat(300)).phrases[0].text.length, 100);
    assert.equal(parseSearchQuery(Array.from({ length: 12 }, (_, index) => `词${index}`).join(" ")).phrases.length, 8);
  });
});

describe("snippets", () => {
  const text =
    "第一条 为加強戶外廣告設施設置管理，美化市容环境，根据有关法律法规，制定本办法。第二条 设置牌匾、户外广告及条幅、电子显示屏、宣传栏等户外设施，应当依法申请审批。";

  test("matches are found in the original script, whatever script the query used", () => {
    const matches = findMatches(text, ["户外广告"]);
    assert.deepEqual(
      matches.map((match) => text.slice(match.start, match.end)),
      ["戶外廣告", "户外广告"],
    );
    assert.deepEqual(highlight("关于户外广告的通知", ["户外广告"]), [
      { text: "关于", hit: false },
      { text: "户外广告", hit: true },
      { text: "的通知", hit: false },
    ]);
  });

  test("the snippet is the window holding the most different phrases, with an ellipsis where cut", () => {
    const segments = makeSnippet(text, ["牌匾", "户外广告"], 40);
    const joined = segments.map((segment) => segment.text).join("");
    assert.ok(joined.startsWith("…") && joined.endsWith("…"), joined);
    assert.deepEqual(
      segments.filter((segment) => segment.hit).map((segment) => segment.text),
      ["牌匾", "户外广告"],
    );
    assert.ok(joined.length <= 44);
  });

  test("without a match the snippet is the beginning of the text", () => {
    assert.deepEqual(makeSnippet("短文本", ["没有"]), [{ text: "短文本", hit: false }]);
    assert.deepEqual(makeSnippet("", ["x"]), []);
  });

  test("in a very long text (attachments) the snippet still shows a match far into it, and is cut on both sides", () => {
    const long = `${"无关的文字。".repeat(30_000)}关于户外广告牌匾的规定${"其他内容。".repeat(1_000)}`;
    makeSnippet("预热", ["预"]);
    let start = performance.now();
    foldWithOffsets(long);
    const foldingAll = performance.now() - start;
    start = performance.now();
    const segments = makeSnippet(long, ["牌匾"]);
    const elapsed = performance.now() - start;
    const joined = segments.map((segment) => segment.text).join("");
    assert.deepEqual(
      segments.filter((segment) => segment.hit).map((segment) => segment.text),
      ["牌匾"],
    );
    assert.ok(joined.startsWith("…") && joined.endsWith("…") && joined.length <= 124, joined);
    // Only a bounded part of the 185,000 characters is folded, not all of it.
    assert.ok(elapsed < foldingAll / 5, `snippet ${elapsed} ms, folding the whole text ${foldingAll} ms`);
    // A long text without the phrase as written: the beginning, cut.
    const beginning = makeSnippet(long, ["不存在"]);
    assert.equal(beginning.length, 1);
    assert.ok(beginning[0].text.startsWith("无关的文字") && beginning[0].text.endsWith("…"));
  });

  test("overlapping matches are merged; HTML is escaped around <mark>", () => {
    assert.deepEqual(highlight("城市管理", ["城市", "市管"]), [
      { text: "城市管", hit: true },
      { text: "理", hit: false },
    ]);
    assert.equal(
      segmentsToHtml([
        { text: "<a>&", hit: false },
        { text: '"x"', hit: true },
      ]),
      "&lt;a&gt;&amp;<mark>&quot;x&quot;</mark>",
    );
  });
});

describe("what the statistics say of common terms (searchCommonTerms)", () => {
  const shares = new Map([
    ["城市", 0.9],
    ["市管", 0.8],
    ["管理", 0.95],
    ["公园", 0.5],
    ["夜间", 0.5],
  ]);

  test("one phrase: its character pairs occur together, so it counts with its rarest pair; the bound is the Fréchet bound", () => {
    const share = shareHoldingAll([["城市", "市管", "管理"]], shares)!;
    assert.equal(share.estimate, 0.8);
    assert.ok(Math.abs(share.atLeast - 0.65) < 1e-9);
  });

  test("two phrases: taken as independent, never below what must hold in any case", () => {
    const share = shareHoldingAll([["公园"], ["夜间"]], shares)!;
    assert.equal(share.atLeast, 0, "two halves may not meet at all");
    assert.equal(share.estimate, 0.25);
    assert.equal(shareHoldingAll([["城市"], ["管理"]], shares)!.estimate, 0.855);
  });

  test("a term the statistics do not list gives nothing to go on", () => {
    assert.equal(shareHoldingAll([["城市", "罕见"]], shares), null);
    assert.equal(shareHoldingAll([], shares), null);
  });
});
