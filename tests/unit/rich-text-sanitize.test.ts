import { describe, expect, it } from "vitest";
import { plainTextToHtml, richTextFromForm, sanitizeRichText } from "~/lib/rich-text.server";

/** What Lexical 0.52's $generateHtmlFromNodes wrote for a post typed in the editor (theme classes included). */
const lexicalPost =
  '<p class="my-2 first:mt-0 last:mb-0"><span style="white-space: pre-wrap;">Normaali </span>' +
  '<b><strong class="font-bold" style="white-space: pre-wrap;">lihava</strong></b>' +
  '<span style="white-space: pre-wrap;"> ja </span>' +
  '<i><em class="italic" style="white-space: pre-wrap;">kursiivi</em></i></p>' +
  '<ul class="my-2 list-disc pl-6"><li value="1" class="my-1"><span style="white-space: pre-wrap;">eka</span></li>' +
  '<li value="2" class="my-1"><span style="white-space: pre-wrap;">toka</span></li></ul>' +
  '<ol class="my-2 list-decimal pl-6"><li value="1" class="my-1"><span style="white-space: pre-wrap;">yksi</span></li></ol>' +
  '<p class="my-2 first:mt-0 last:mb-0"><span style="white-space: pre-wrap;">Linkiksi </span>' +
  '<a href="https://www.esimerkki.fi/sivu" target="_blank" rel="noopener noreferrer nofollow" class="text-blue-800 underline underline-offset-2">' +
  '<span style="white-space: pre-wrap;">tämä</span></a><span style="white-space: pre-wrap;"> </span>' +
  '<a href="mailto:tuki@esimerkki.fi" target="_blank" rel="noopener noreferrer nofollow" class="text-blue-800 underline underline-offset-2">' +
  '<span style="white-space: pre-wrap;">mailto:tuki@esimerkki.fi</span></a></p>';

const rel = 'rel="noopener noreferrer nofollow" target="_blank"';

describe("sanitizeRichText keeps what the editor makes", () => {
  it("keeps bold, italic, lists and links from real Lexical output and drops its classes and styles", () => {
    expect(sanitizeRichText(lexicalPost)).toBe(
      "<p><span>Normaali </span><b><strong>lihava</strong></b><span> ja </span><i><em>kursiivi</em></i></p>" +
        "<ul><li><span>eka</span></li><li><span>toka</span></li></ul>" +
        "<ol><li><span>yksi</span></li></ol>" +
        `<p><span>Linkiksi </span><a href="https://www.esimerkki.fi/sivu" ${rel}><span>tämä</span></a><span> </span>` +
        `<a href="mailto:tuki@esimerkki.fi" ${rel}><span>mailto:tuki@esimerkki.fi</span></a></p>`,
    );
  });

  it("keeps the whole allowed tag set", () => {
    const html =
      "<h2>Otsikko</h2><h3>Alaotsikko</h3><p>a<br />b <u>c</u> <s>d</s> <code>e</code></p>" +
      "<blockquote>lainaus</blockquote><pre><code>koodi</code></pre><ul><li>x<ol><li>y</li></ol></li></ul>";
    expect(sanitizeRichText(html)).toBe(html);
  });

  it("is idempotent, so sanitising again at render time changes nothing", () => {
    const once = sanitizeRichText(lexicalPost);
    expect(sanitizeRichText(once)).toBe(once);
  });

  it("keeps text that looks like markup escaped", () => {
    expect(sanitizeRichText("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 2 &gt; 1</p>")).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 2 &gt; 1</p>",
    );
  });

  it("brings other heading levels to h2 and h3", () => {
    expect(sanitizeRichText("<h1>a</h1><h4>b</h4><h6>c</h6>")).toBe(
      "<h2>a</h2><h3>b</h3><h3>c</h3>",
    );
  });
});

describe("sanitizeRichText links", () => {
  it("forces rel and target and drops every other attribute", () => {
    expect(
      sanitizeRichText(
        '<a href="https://example.fi/?a=1&amp;b=2" target="_self" rel="opener" title="t" class="c" id="i" onclick="x()">ok</a>',
      ),
    ).toBe(`<a href="https://example.fi/?a=1&amp;b=2" ${rel}>ok</a>`);
  });

  it("allows http, https and mailto", () => {
    expect(sanitizeRichText('<a href="http://example.fi">a</a>')).toBe(
      `<a href="http://example.fi" ${rel}>a</a>`,
    );
    expect(sanitizeRichText('<a href="HTTPS://EXAMPLE.FI">a</a>')).toBe(
      `<a href="HTTPS://EXAMPLE.FI" ${rel}>a</a>`,
    );
    expect(sanitizeRichText('<a href="mailto:a@example.fi">a</a>')).toBe(
      `<a href="mailto:a@example.fi" ${rel}>a</a>`,
    );
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "//evil.example/",
    "/relative/path",
    "#fragment",
    "ftp://example.fi/file",
    "https:",
    "https://",
    "",
  ])("turns a link to %j into plain words", (href) => {
    expect(sanitizeRichText(`<a href="${href}">linkki</a>`)).toBe("<span>linkki</span>");
  });

  it("turns an anchor without href into plain words", () => {
    expect(sanitizeRichText('<a name="x">nimi</a>')).toBe("<span>nimi</span>");
  });
});

describe("sanitizeRichText removes everything else", () => {
  it.each([
    ["<script>alert(1)</script><p>ok</p>", "<p>ok</p>"],
    ["<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"],
    ["<style>p { color: red }</style><p>ok</p>", "<p>ok</p>"],
    ['<img src="x" onerror="alert(1)"><p>ok</p>', "<p>ok</p>"],
    ['<iframe src="https://evil.example"></iframe><p>ok</p>', "<p>ok</p>"],
    ['<svg onload="alert(1)"><script>alert(1)</script></svg><p>ok</p>', "<p>ok</p>"],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math><p>ok</p>', "<p>ok</p>"],
    ['<object data="x.swf"></object><embed src="x.swf"><p>ok</p>', "<p>ok</p>"],
    ['<form action="https://evil.example"><input name="password"><button>b</button></form>', "b"],
    ["<template><script>alert(1)</script></template><p>ok</p>", "<p>ok</p>"],
    ["<noscript><p>x</p></noscript><p>ok</p>", "<p>ok</p>"],
    ["<!-- <script>alert(1)</script> --><p>ok</p>", "<p>ok</p>"],
    [
      '<p onclick="alert(1)" onmouseover="alert(1)" style="background:url(javascript:alert(1))">ok</p>',
      "<p>ok</p>",
    ],
    ['<span style="color:red" class="x" data-x="1">ok</span>', "<span>ok</span>"],
    ['<strong class="font-bold" style="white-space: pre-wrap;">ok</strong>', "<strong>ok</strong>"],
    ['<ol start="3" type="a"><li value="3">ok</li></ol>', "<ol><li>ok</li></ol>"],
    ["<div><table><tr><td>solu</td></tr></table></div>", "solu"],
    [
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">',
      "",
    ],
    ['<link rel="stylesheet" href="https://evil.example/x.css">', ""],
    ["<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"],
    [
      '<p>ok</p><a href="javascript:alert(1)"><img src=x onerror=alert(1)>klikkaa</a>',
      "<p>ok</p><span>klikkaa</span>",
    ],
  ])("%s", (html, expected) => {
    expect(sanitizeRichText(html)).toBe(expected);
  });
});

describe("plainTextToHtml", () => {
  it("makes paragraphs of blank-line-separated text and <br /> of single newlines", () => {
    expect(plainTextToHtml("Ensimmäinen rivi\ntoinen rivi\n\nUusi kappale")).toBe(
      "<p>Ensimmäinen rivi<br />toinen rivi</p><p>Uusi kappale</p>",
    );
  });

  it("escapes markup", () => {
    expect(plainTextToHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>",
    );
  });

  it("reads browsers' CRLF line endings and blank lines with spaces in them", () => {
    expect(plainTextToHtml("a\r\nb\r\n  \r\n\r\n\r\nc\r\n")).toBe("<p>a<br />b</p><p>c</p>");
  });

  it("gives nothing for empty or blank text", () => {
    expect(plainTextToHtml("")).toBe("");
    expect(plainTextToHtml(" \n\n \t\n")).toBe("");
  });

  it("gives HTML the sanitiser leaves as it is", () => {
    const html = plainTextToHtml("<b>x</b>\ny & z\n\nkolmas");
    expect(sanitizeRichText(html)).toBe(html);
  });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("richTextFromForm", () => {
  it("reads the editor's fields: sanitised html, trimmed text", () => {
    expect(
      richTextFromForm(
        form({ body_html: lexicalPost, body_text: "  Normaali lihava ja kursiivi\n\neka \n" }),
        "body",
        { maxTextLength: 1000 },
      ),
    ).toEqual({
      success: true,
      html: sanitizeRichText(lexicalPost),
      text: "Normaali lihava ja kursiivi\n\neka",
    });
  });

  it("never returns unsanitised html", () => {
    const result = richTextFromForm(
      form({ body_html: '<p onclick="x()">a<script>alert(1)</script></p>', body_text: "a" }),
      "body",
      { maxTextLength: 10 },
    );
    expect(result).toEqual({ success: true, html: "<p>a</p>", text: "a" });
  });

  it("makes paragraphs of a form posted without JavaScript (text only)", () => {
    expect(
      richTextFromForm(form({ body_text: "Hei <b>\r\n\r\nmaailma\r\n" }), "body", {
        maxTextLength: 100,
      }),
    ).toEqual({
      success: true,
      html: "<p>Hei &lt;b&gt;</p><p>maailma</p>",
      text: "Hei <b>\n\nmaailma",
    });
  });

  it("reports an empty or missing field as required", () => {
    const limits = { maxTextLength: 100 };
    expect(richTextFromForm(form({}), "body", limits)).toEqual({
      success: false,
      error: "required",
    });
    expect(richTextFromForm(form({ body_text: " \n \n" }), "body", limits)).toEqual({
      success: false,
      error: "required",
    });
    expect(
      richTextFromForm(form({ body_html: "<p><br></p>", body_text: "" }), "body", limits),
    ).toEqual({ success: false, error: "required" });
  });

  it("accepts an empty optional field", () => {
    expect(
      richTextFromForm(form({ body_html: "<p><br></p>", body_text: "" }), "body", {
        maxTextLength: 100,
        required: false,
      }),
    ).toEqual({ success: true, html: "", text: "" });
  });

  it("counts characters, not UTF-16 units, against maxTextLength", () => {
    const limits = { maxTextLength: 3 };
    expect(richTextFromForm(form({ body_text: "äö👍" }), "body", limits)).toMatchObject({
      success: true,
      text: "äö👍",
    });
    expect(richTextFromForm(form({ body_text: "äö👍x" }), "body", limits)).toEqual({
      success: false,
      error: "tooLong",
    });
  });

  it("bounds the html too, so a short text cannot carry a huge document", () => {
    const hugeHtml = `<p>${"<strong>x</strong>".repeat(100)}</p>`;
    expect(
      richTextFromForm(form({ body_html: hugeHtml, body_text: "x" }), "body", {
        maxTextLength: 10,
      }),
    ).toEqual({ success: false, error: "tooLong" });
    expect(
      richTextFromForm(form({ body_html: hugeHtml, body_text: "x" }), "body", {
        maxTextLength: 10,
        maxHtmlLength: 10_000,
      }),
    ).toMatchObject({ success: true });
  });

  it("reads only its own field names", () => {
    const data = form({ body_text: "a", title_text: "b", title_html: "<p>b</p>" });
    expect(richTextFromForm(data, "title", { maxTextLength: 10 })).toEqual({
      success: true,
      html: "<p>b</p>",
      text: "b",
    });
  });
});
