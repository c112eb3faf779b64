import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { fullPageTitle, pageMetaTags, pageTitle, plainTextSummary, siteDomainOf } from "@/lib/agency/page-identity";
import { logoUrlOf, publicSecurityQueryUrl } from "@/lib/agency/site-identity-format";

const site = { name: "某某局", website: "zjj.example.gov.cn", siteIdCode: "2310810016" };

describe("page titles and government-website meta tags", () => {
  test("titles read 页面－栏目－机构名; a column's own page is not named twice", () => {
    assert.equal(pageTitle({ page: "关于户外广告的通知", column: "disclosure" }), "关于户外广告的通知－政府信息公开");
    assert.equal(fullPageTitle({ page: "首页", column: "disclosure" }, "某某局"), "首页－政府信息公开－某某局");
    assert.equal(pageTitle({ page: "依申请公开", column: "application" }), "依申请公开");
  });

  test("every page carries the site's tags; an article page its own values", () => {
    const listTags = pageMetaTags(site, { page: "公开目录", column: "disclosure", columnName: "法定主动公开内容" }, "https://a.example");
    assert.deepEqual(listTags, {
      SiteName: "某某局",
      SiteDomain: "zjj.example.gov.cn",
      SiteIDCode: "2310810016",
      ColumnName: "法定主动公开内容",
      ColumnType: "政务公开",
    });
    const article = pageMetaTags(
      { ...site, siteIdCode: null },
      {
        page: "通知",
        column: "disclosure",
        article: {
          title: "通知",
          publishedAt: "2017-03-01",
          source: "某某局综合科",
          keywords: ["广告", "审批"],
          description: "<p>正文&amp;附件</p>",
          path: "/items/7",
        },
      },
      "https://a.example/",
    );
    assert.equal(article.SiteIDCode, undefined, "an unset site ID code is left out, not sent empty");
    assert.equal(article.ArticleTitle, "通知");
    assert.equal(article.PubDate, "2017-03-01");
    assert.equal(article.ContentSource, "某某局综合科");
    assert.equal(article.Keywords, "广告,审批");
    assert.equal(article.Description, "正文&附件");
    assert.equal(article.Url, "https://a.example/items/7");
  });

  test("the description is the body's text, scripts left out, cut to 120 characters", () => {
    assert.equal(plainTextSummary("<p>一</p><p>二</p><script>alert(1)</script>"), "一 二");
    assert.equal(plainTextSummary(`<p>${"字".repeat(200)}</p>`), `${"字".repeat(120)}…`);
  });

  test("the site domain is the configured website's host, else the address reached", () => {
    assert.equal(siteDomainOf("https://www.example.gov.cn/index.html", "http://localhost:3000"), "www.example.gov.cn");
    assert.equal(siteDomainOf(null, "http://localhost:3000"), "localhost:3000");
  });

  test("the 公安 record links to its own query page; the emblem's address follows its content", () => {
    assert.equal(publicSecurityQueryUrl("黑公网安备 23108102000107号"), "https://beian.mps.gov.cn/#/query/webSearch?code=23108102000107");
    assert.equal(
      logoUrlOf({ logoStoragePath: "uploads/2026/12/x.png", logoMimeType: "image/png", logoSha256: "ab".repeat(32) }),
      `/site-logo/${"ab".repeat(8)}.png`,
    );
    assert.equal(logoUrlOf({ logoStoragePath: null, logoMimeType: null, logoSha256: null }), null);
  });
});
