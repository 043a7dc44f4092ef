import { expect, it } from "vitest";
import { hyphenate, hyphenateWord } from "./hyphenate.ts";

const shown = (text: string) => text.replaceAll("\u00ad", "-");

it.each([
  ["Sundhedssamarbejdsudvalget", "Sund-heds-sa-mar-bejds-ud-val-get"],
  ["Koordinationsforum", "Koor-di-na-tions-fo-rum"],
  ["Styregruppemøderne", "Sty-re-grup-pe-mø-derne"],
  ["Formandskabsmøderne", "For-mands-kabs-mø-derne"],
  ["Praksisplanudvalget", "Prak-sis-pla-nud-val-get"],
  ["Sundhedsklyngerne", "Sund-heds-klyn-gerne"],
  ["Sundhedsudvalgenes", "Sund-heds-ud-val-ge-nes"],
  ["Udskrivningsforløb", "Udskriv-nings-for-løb"],
  ["Tværsektorielle", "Tværsektorielle"],
  ["Hospitalsafdelingen", "Hospi-tals-af-de-lin-gen"],
])("%s → %s", (word, expected) => {
  expect(shown(hyphenateWord(word))).toBe(expected);
});

it("leaves short words, numbers and mixed tokens alone and keeps the letters", () => {
  expect(hyphenateWord("Arbejdsrum")).toBe("Arbejdsrum");
  expect(hyphenateWord("Udskrivninger")).toBe("Udskrivninger");
  expect(hyphenate("SSU 2027-01-21 kl. 14:00")).toBe("SSU 2027-01-21 kl. 14:00");
  const long = "Sundhedssamarbejdsudvalget, torsdag d. 10. december 2026";
  expect(hyphenate(long).replaceAll("\u00ad", "")).toBe(long);
  expect(hyphenate(long)).toContain("Sund\u00adheds");
});

it("the page runtime puts them in h1 text only, never in other elements or attributes", async () => {
  const { jsx } = await import("../web/jsx/jsx-runtime.ts");
  const name = "Sundhedssamarbejdsudvalget";
  expect(String(jsx("h1", { title: name, children: [name, ", 5. marts"] }))).toBe(
    `<h1 title="${name}">Sund\u00adheds\u00adsa\u00admar\u00adbejds\u00adud\u00adval\u00adget, 5. marts</h1>`,
  );
  expect(String(jsx("h2", { children: name }))).toBe(`<h2>${name}</h2>`);
  expect(String(jsx("p", { children: name }))).toBe(`<p>${name}</p>`);
  expect(String(jsx("title", { children: name }))).toBe(`<title>${name}</title>`);
});
