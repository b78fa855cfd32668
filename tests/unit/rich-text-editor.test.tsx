import i18next from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { richTextToPlainText } from "~/components/rich-text/html-to-text";
import { normaliseLinkUrl } from "~/components/rich-text/link-url";
import { RichTextContent } from "~/components/rich-text/rich-text-content";
import {
  draftMatchesSaved,
  draftStorageKey,
  readRichTextDraft,
  saveRichTextDraft,
} from "~/components/rich-text/rich-text-draft";
import { clearRichTextDraft, RichTextEditor } from "~/components/rich-text/rich-text-editor";
import { i18nOptions } from "~/lib/i18n";
import { plainTextToHtml, sanitizeRichText } from "~/lib/rich-text.server";

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.use(initReactI18next).init({ ...i18nOptions, lng: "fi" });
});

function renderOnServer(element: JSX.Element): string {
  return renderToString(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}

describe("RichTextEditor on the server", () => {
  it("renders a labelled textarea that posts the text without JavaScript", () => {
    const html = renderOnServer(
      <RichTextEditor
        name="body"
        label="Viesti"
        description="Näkyy kaikille jäsenille."
        error="Kirjoita teksti."
        initialHtml={sanitizeRichText("<p>Hei <strong>kaikki</strong></p><ul><li>yksi</li></ul>")}
        draftKey="reply:1"
        required
      />,
    );
    expect(html).toContain('<label id="body-label" for="body"');
    expect(html).toMatch(/<textarea id="body" name="body_text" required=""/);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="body-description body-error"');
    expect(html).toContain('id="body-description"');
    expect(html).toContain('<p id="body-error"');
    expect(html).toContain("Hei kaikki\n\n- yksi</textarea>");
    expect(html).toContain('placeholder="Kirjoita tähän…"');
    // The editor and its hidden fields exist only in the browser.
    expect(html).not.toContain("contenteditable");
    expect(html).not.toContain("body_html");
  });

  it("takes its id from the props when given", () => {
    const html = renderOnServer(
      <RichTextEditor name="minutes" id="meeting-minutes" label="Muistio" />,
    );
    expect(html).toContain('<label id="meeting-minutes-label" for="meeting-minutes"');
    expect(html).toContain('<textarea id="meeting-minutes" name="minutes_text"');
  });
});

describe("RichTextContent", () => {
  it("renders the given (sanitised) HTML as it is", () => {
    const html = renderToString(<RichTextContent html="<p>a <strong>b</strong></p>" />);
    expect(html).toMatch(/^<div class="[^"]+"><p>a <strong>b<\/strong><\/p><\/div>$/);
  });
});

describe("richTextToPlainText", () => {
  it("turns sanitised HTML into the text the fallback textarea shows", () => {
    expect(
      richTextToPlainText(
        sanitizeRichText(
          "<h2>Asialista</h2><p>Rivi<br>toinen &amp; &lt;kolmas&gt;</p><ol><li>yksi</li><li>kaksi</li></ol><p>&#8364; &#x263A; &nbsp;</p>",
        ),
      ),
    ).toBe("Asialista\n\nRivi\ntoinen & <kolmas>\n\n- yksi\n- kaksi\n\n€ ☺");
  });

  it("gives back the text plainTextToHtml started from", () => {
    const text = 'Ensimmäinen <b> & "lainaus"\ntoinen rivi\n\nKolmas';
    expect(richTextToPlainText(plainTextToHtml(text))).toBe(text);
  });

  it("gives nothing for nothing", () => {
    expect(richTextToPlainText("")).toBe("");
    expect(richTextToPlainText("<p><br></p>")).toBe("");
  });
});

describe("normaliseLinkUrl", () => {
  it("accepts https and mailto addresses", () => {
    expect(normaliseLinkUrl(" https://www.esimerkki.fi/sivu?a=1 ")).toBe(
      "https://www.esimerkki.fi/sivu?a=1",
    );
    expect(normaliseLinkUrl("HTTPS://Esimerkki.fi")).toBe("https://esimerkki.fi/");
    expect(normaliseLinkUrl("mailto:tuki@esimerkki.fi")).toBe("mailto:tuki@esimerkki.fi");
  });

  it.each([
    "",
    "www.esimerkki.fi",
    "http://esimerkki.fi",
    "javascript:alert(1)",
    "data:text/html,x",
    "ftp://esimerkki.fi",
    "https://",
    "https://localhost",
    "mailto:",
    "mailto:ei-osoite",
    "//esimerkki.fi",
  ])("refuses %j", (input) => {
    expect(normaliseLinkUrl(input)).toBeNull();
  });
});

describe("draftMatchesSaved", () => {
  // What Lexical 0.52 wrote for a post, and the same post as the server saved it.
  const editorHtml =
    '<p class="my-2 first:mt-0 last:mb-0"><span style="white-space: pre-wrap;">Hei </span>' +
    '<b><strong class="font-bold" style="white-space: pre-wrap;">maailma</strong></b></p>' +
    '<ul class="my-2 list-disc pl-6"><li value="1" class="my-1"><span style="white-space: pre-wrap;">yksi</span></li></ul>' +
    '<p class="my-2 first:mt-0 last:mb-0"><a href="https://example.fi" target="_blank" rel="noopener noreferrer nofollow" class="text-blue-800 underline underline-offset-2">' +
    '<span style="white-space: pre-wrap;">linkki</span></a></p><p class="my-2 first:mt-0 last:mb-0"><br></p>';

  it("sees past the editor's classes, styles and spans", () => {
    expect(draftMatchesSaved(editorHtml, sanitizeRichText(editorHtml))).toBe(true);
  });

  it("notices changed words, formatting and link targets", () => {
    const saved = sanitizeRichText(editorHtml);
    expect(draftMatchesSaved(editorHtml.replace("yksi", "kaksi"), saved)).toBe(false);
    expect(
      draftMatchesSaved(
        editorHtml.replace("<b><strong", "<i><em").replace("</strong></b>", "</em></i>"),
        saved,
      ),
    ).toBe(false);
    expect(
      draftMatchesSaved(editorHtml.replace("https://example.fi", "https://example.com"), saved),
    ).toBe(false);
  });
});

describe("drafts outside the browser", () => {
  it("use one storage key per draft and do nothing where there is no window", () => {
    expect(draftStorageKey("reply:42")).toBe("verkko:draft:reply:42");
    expect(readRichTextDraft("reply:42")).toBeNull();
    expect(saveRichTextDraft("reply:42", "<p>x</p>")).toBe(false);
    expect(() => clearRichTextDraft("reply:42")).not.toThrow();
  });
});
