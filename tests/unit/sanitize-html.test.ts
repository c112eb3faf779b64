import assert from "node:assert/strict";
import { test } from "node:test";
import { htmlToPlainText, sanitizeItemBody } from "../../lib/content/sanitize-html";
import { withScrollableTables } from "../../lib/content/scrollable-tables";

// Nothing that can run code, load a resource the reader did not choose, or restyle the page
// may survive: these are checked on the output as a whole, whatever shape it takes.
function assertInert(output: string) {
  assert.doesNotMatch(output, /<script|<style|<iframe|<svg|<math|<object|<embed/i);
  assert.doesNotMatch(output, /\son[a-z]+\s*=/i, "no event handler attribute");
  assert.doesNotMatch(output, /javascript:|vbscript:|data:/i, "no script or data URL");
  assert.doesNotMatch(output, /\sstyle\s*=|\sclass\s*=/i, "no style or class attribute");
}

test("script elements are removed with their content", () => {
  const output = sanitizeItemBody('<p>通知正文<script>alert("x")</script></p><script src="https://evil.example/x.js"></script>');
  assert.equal(output, "<p>通知正文</p>");
});

test("an image keeps its source and description but loses onerror", () => {
  const output = sanitizeItemBody('<img src="https://www.gov.cn/images/a.png" onerror="alert(1)" alt="机构图">');
  assert.equal(output, '<img src="https://www.gov.cn/images/a.png" alt="机构图" />');
  assertInert(sanitizeItemBody("<img src=x onerror=alert(1)//>"));
});

test("images with data:, javascript: or file: sources are dropped entirely", () => {
  assert.equal(sanitizeItemBody('<p>前<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">后</p>'), "<p>前后</p>");
  assert.equal(sanitizeItemBody('<img src="javascript:alert(1)">'), "");
  assert.equal(sanitizeItemBody('<img src="file:///C:/Users/a/clip_image002.png">'), "");
});

test("relative image sources are kept", () => {
  assert.equal(sanitizeItemBody('<img src="/uploads/2026/a.jpg" alt="">'), '<img src="/uploads/2026/a.jpg" alt="" />');
});

test("javascript: links lose their href and keep their text, in any letter case", () => {
  assert.equal(sanitizeItemBody('<a href="javascript:alert(document.cookie)">查看</a>'), "查看");
  assert.equal(sanitizeItemBody('<a href="JaVaScRiPt:alert(1)">查看</a>'), "查看");
  assert.equal(sanitizeItemBody('<a href=" javascript:alert(1)">查看</a>'), "查看");
});

test("entity-encoded and whitespace-split javascript: URLs are caught", () => {
  const attacks = [
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    '<a href="&#0000106avascript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="java&#10;script:alert(1)">x</a>',
    '<a href="jav&#x0D;ascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
  ];
  for (const attack of attacks) {
    const output = sanitizeItemBody(attack);
    assert.equal(output, "x", attack);
  }
});

test("svg with onload, and other markup that runs code, leaves nothing executable", () => {
  const attacks = [
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<form action="javascript:alert(1)"><button>提交</button></form>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<p title="</p><script>alert(1)</script>">x</p>',
    "<<script>alert(1)//<</script>",
    "<scr<script>ipt>alert(1)</script>",
    '<img """><script>alert(1)</script>">',
  ];
  for (const attack of attacks) assertInert(sanitizeItemBody(attack));
  assert.equal(sanitizeItemBody("<svg onload=alert(1)><circle r=1 /></svg>正文"), "正文");
});

test("style and class attributes, style elements and colours are removed", () => {
  const output = sanitizeItemBody(
    '<style>p{color:red}</style><p class="MsoNormal" style="color:red;font-family:仿宋_GB2312;background:url(javascript:alert(1))" align="center">红头文件</p>',
  );
  assert.equal(output, "<p>红头文件</p>");
  assert.equal(sanitizeItemBody('<p><font color="red" face="黑体">字</font></p>'), "<p>字</p>");
});

test("Word markup is reduced to its text: comments, o:p and spans go", () => {
  const word =
    "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->" +
    "<p class=MsoNormal><span lang=EN-US style='font-size:16.0pt'>关于<o:p></o:p></span><span style='mso-spacerun:yes'>印发</span><!-- comment --></p>";
  assert.equal(sanitizeItemBody(word), "<p>关于印发</p>");
});

test("links: http, https, mailto and relative are kept; other schemes and protocol-relative are not", () => {
  assert.equal(
    sanitizeItemBody('<a href="https://www.gov.cn/zhengce/" title="中国政府网">政策</a>'),
    '<a href="https://www.gov.cn/zhengce/" title="中国政府网">政策</a>',
  );
  assert.equal(sanitizeItemBody('<a href="http://example.cn/">a</a>'), '<a href="http://example.cn/">a</a>');
  assert.equal(sanitizeItemBody('<a href="mailto:xxgk@example.gov.cn">信箱</a>'), '<a href="mailto:xxgk@example.gov.cn">信箱</a>');
  assert.equal(sanitizeItemBody('<a href="/xxgk/2026/1.html">附件</a>'), '<a href="/xxgk/2026/1.html">附件</a>');
  assert.equal(sanitizeItemBody('<a href="#section-2">第二节</a>'), '<a href="#section-2">第二节</a>');
  assert.equal(sanitizeItemBody('<a href="ftp://example.cn/a">a</a>'), "a");
  assert.equal(sanitizeItemBody('<a href="//evil.example/">a</a>'), "a");
  assert.equal(sanitizeItemBody('<a name="_Toc1">目录</a>'), "目录");
});

test("a link that opens a new window gets rel=noopener noreferrer, whatever rel it had", () => {
  assert.equal(
    sanitizeItemBody('<a href="https://www.gov.cn/" target="_blank" rel="opener">a</a>'),
    '<a href="https://www.gov.cn/" target="_blank" rel="noopener noreferrer">a</a>',
  );
  assert.equal(
    sanitizeItemBody('<a href="https://www.gov.cn/" target="evil_frame">a</a>'),
    '<a href="https://www.gov.cn/" target="_blank" rel="noopener noreferrer">a</a>',
  );
  assert.equal(sanitizeItemBody('<a href="https://www.gov.cn/" rel="opener">a</a>'), '<a href="https://www.gov.cn/">a</a>');
});

test("Chinese paragraphs, headings and inline emphasis are kept as written", () => {
  const body =
    "<h2>一、总体要求</h2>" +
    "<p>为深入贯彻落实《中华人民共和国政府信息公开条例》，<strong>进一步</strong>做好政务公开工作，现将有关事项通知如下。</p>" +
    "<h3>（一）工作目标</h3>" +
    "<p>到2026年底，<em>基本建成</em>全市统一的政府信息公开平台<sup>注1</sup>，H<sub>2</sub>O<u>示例</u>。<br />特此通知。</p>" +
    "<h4>1.具体安排</h4>" +
    "<blockquote><p>引用内容</p></blockquote><hr />";
  assert.equal(sanitizeItemBody(body), body);
  assert.equal(sanitizeItemBody("<p><b>粗</b><i>斜</i></p>"), "<p><b>粗</b><i>斜</i></p>");
});

test("headings outside levels 2–4 are moved into that range", () => {
  assert.equal(sanitizeItemBody("<h1>标题</h1><h5>小节</h5><h6>更小</h6>"), "<h2>标题</h2><h4>小节</h4><h4>更小</h4>");
});

test("ordered and unordered lists are kept", () => {
  const lists = "<ol><li><p>第一项</p></li><li>第二项<ul><li>子项</li></ul></li></ol>";
  assert.equal(sanitizeItemBody(lists), lists);
});

test("tables keep their structure and numeric colspan/rowspan only", () => {
  const table =
    '<table><thead><tr><th colspan="2">信息公开申请情况</th></tr></thead>' +
    '<tbody><tr><td rowspan="2"><p>收到申请数</p></td><td>120</td></tr><tr><td>85</td></tr></tbody></table>';
  assert.equal(sanitizeItemBody(table), table);
  assert.equal(
    sanitizeItemBody(
      '<table style="min-width:75px"><colgroup><col style="min-width:25px"></colgroup><tbody><tr><td colspan="abc" rowspan="1" width="100" data-colwidth="100">a</td></tr></tbody></table>',
    ),
    "<table><tbody><tr><td>a</td></tr></tbody></table>",
  );
});

test("sanitising twice changes nothing more", () => {
  const dirty =
    '<h1 style="x">标题</h1><p class="a">正文<a href="https://www.gov.cn" target="_blank">链接</a>' +
    '<img src="/a.png" onerror="x"></p><table><tr><td colspan="2">x</td></tr></table>';
  const once = sanitizeItemBody(dirty);
  assert.equal(sanitizeItemBody(once), once);
});

test("plain text keeps one line per block, decodes entities and drops markup", () => {
  const html =
    "<h2>一、总体要求</h2>" +
    "<p>加强&amp;改进&nbsp;政务公开&lt;试行&gt;&#x4E00;&quot;</p>" +
    "<ul><li>第一项</li><li><p>第二项</p></li></ul>" +
    "<p>甲<br>乙</p>" +
    "<script>var secret = 1;</script><style>p{}</style>";
  assert.equal(htmlToPlainText(html), '一、总体要求\n加强&改进 政务公开<试行>一"\n第一项\n第二项\n甲\n乙');
});

test("plain text puts each table row on a line with tab-separated cells", () => {
  const html =
    "<table><tbody><tr><th><p>姓名</p></th><th><p>联系电话</p></th></tr>" +
    "<tr><td><p>张三</p><p>（经办人）</p></td><td>13800138000</td></tr></tbody></table><p>后文</p>";
  assert.equal(htmlToPlainText(html), "姓名\t联系电话\n张三 （经办人）\t13800138000\n后文");
});

test("plain text collapses HTML whitespace, keeps image descriptions and handles empty input", () => {
  assert.equal(htmlToPlainText('<p>  第一段\n  文字  </p>\n\n<p></p><p>&nbsp;</p><p>二<img src=/a.png alt="公章">段</p>'), "第一段 文字\n二 公章 段");
  assert.equal(htmlToPlainText(""), "");
  assert.equal(htmlToPlainText("纯文本，无标签"), "纯文本，无标签");
});

test("tables in published text can be reached by keyboard when they scroll on a phone; text that looks like a tag is untouched", () => {
  const html = sanitizeItemBody('<p>&lt;table&gt; 见下表</p><table tabindex="-1"><tbody><tr><td>1</td></tr></tbody></table><table><tr><td>2</td></tr></table>');
  const shown = withScrollableTables(html);
  assert.equal(shown.match(/<table tabindex="0">/g)?.length, 2);
  assert.ok(shown.includes("<p>&lt;table&gt; 见下表</p>"));
  assert.ok(!shown.includes('tabindex="-1"'), "the sanitiser drops the author's own tabindex");
});
