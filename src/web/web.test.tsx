import { describe, expect, it } from "vitest";
import { formatAmount, formatDate, formatDateTimeLong, formatFileSize, formatMonth } from "./format.ts";
import { langFromAcceptLanguage, resolveLang, t } from "./i18n.ts";
import { escapeHtml, Html, raw } from "./jsx/jsx-runtime.ts";
import { markdown } from "./markdown.ts";
import { idFromSlug, idSlug, slugify } from "./slug.ts";

describe("format (da-DK, Europe/Copenhagen)", () => {
  it("writes meeting times the Danish way, in Danish time across summer time", () => {
    expect(formatDateTimeLong(new Date("2021-04-22T08:00:00Z"))).toBe("torsdag d. 22. april 2021 kl. 10:00");
    expect(formatDateTimeLong(new Date("2025-12-04T12:00:00Z"))).toBe(
      "torsdag d. 4. december 2025 kl. 13:00",
    );
    expect(formatDateTimeLong(new Date("2021-04-22T08:00:00Z"), "en")).toBe(
      "Thursday 22 April 2021 at 10:00",
    );
    expect(formatDate(new Date("2021-04-21T22:30:00Z"))).toBe("22. april 2021");
    expect(formatMonth(2026, 1)).toBe("januar 2026");
  });

  it("writes amounts with øre and thousands separators, file sizes in decimal units", () => {
    expect(formatAmount(6547550)).toBe("6.547.550,00 kr.");
    expect(formatAmount(19800000.5)).toBe("19.800.000,50 kr.");
    expect(formatAmount(1234.5, "en")).toBe("DKK 1,234.50");
    expect(formatFileSize(1_234_567)).toBe("1,2 MB");
    expect(formatFileSize(900)).toBe("900 B");
    expect(formatFileSize(45_600)).toBe("45,6 kB");
  });
});

describe("JSX runtime", () => {
  it("escapes text and attributes, passes only Html through", () => {
    const evil = `<script>alert("x")</script>&'`;
    const out = String(
      <p title={evil} data-n={3} hidden={false} required>
        {evil}
        {raw("<b>ok</b>")}
        {[1, null, undefined, true, "a"]}
        <br />
      </p>,
    );
    expect(out).toBe(
      `<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;" data-n="3" required>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;<b>ok</b>1a<br></p>`,
    );
    expect(escapeHtml("a&b")).toBe("a&amp;b");
    expect(escapeHtml("plain")).toBe("plain");
  });

  it("renders components and fragments", () => {
    const Hello = ({ name }: { name: string }) => <em>{name}</em>;
    const out = (
      <>
        <Hello name="Å<" />
        {"!"}
      </>
    );
    expect(out).toBeInstanceOf(Html);
    expect(String(out)).toBe("<em>Å&lt;</em>!");
  });
});

describe("Markdown for sections", () => {
  it("lets no HTML, script URL or image through", () => {
    const out = markdown(
      '<img src=x onerror=alert(1)> <script>x</script> [a](javascript:alert(1)) ![i](https://x/p.png) <a href="https://x">y</a>',
    ).value;
    expect(out).not.toMatch(/<(img|script|a href="javascript)/i);
    expect(out).toContain("&lt;script&gt;");
    expect(out).not.toContain('href="javascript');
  });

  it("renders lists, emphasis and links, with headings below the section heading", () => {
    const out = markdown("# Baggrund\n\n- **a**\n- b\n\n[KL](https://www.kl.dk)").value;
    expect(out).toContain("<h4>Baggrund</h4>");
    expect(out).toContain("<li><strong>a</strong></li>");
    expect(out).toContain('<a href="https://www.kl.dk" rel="nofollow noopener">KL</a>');
  });
});

describe("i18n and slugs", () => {
  it("fills placeholders and picks the language from the choice, the cookie or the browser", () => {
    expect(t("da", "calendar.month", { month: "april 2026" })).toBe("Møder i april 2026");
    expect(t("en", "calendar.month", { month: "April 2026" })).toBe("Meetings in April 2026");
    expect(langFromAcceptLanguage("en-US,en;q=0.9,da;q=0.8")).toBe("en");
    expect(langFromAcceptLanguage("da, en-GB;q=0.8")).toBe("da");
    expect(langFromAcceptLanguage("nb-NO")).toBe("da");
    expect(langFromAcceptLanguage("de-DE")).toBeNull();
    expect(resolveLang("en", "da", "da")).toBe("en");
    expect(resolveLang(undefined, "en", "da")).toBe("en");
    expect(resolveLang(undefined, "xx", undefined)).toBe("da");
  });

  it("makes readable, reversible URL parts", () => {
    expect(slugify("Sundhedsklynge Syd – fagligt strategisk niveau")).toBe(
      "sundhedsklynge-syd-fagligt-strategisk-niveau",
    );
    expect(slugify("Sønderå Ældreråd")).toBe("soenderaa-aeldreraad");
    expect(idSlug(7, "SSU", "2026-01-29")).toBe("7-ssu-2026-01-29");
    expect(idFromSlug("7-ssu-2026-01-29")).toBe(7);
    expect(idFromSlug("7")).toBe(7);
    expect(idFromSlug("0")).toBeNull();
    expect(idFromSlug("abc")).toBeNull();
    expect(idFromSlug("7-<script>")).toBeNull();
  });
});
