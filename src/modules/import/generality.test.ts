import { describe, expect, it } from "vitest";
import {
  MEMO,
  NUMBERED_MARKDOWN,
  PKT_AGENDA,
  PLAIN_NUMBERED,
  TWICE,
} from "../../../test/fixtures/synthetic-documents.ts";
import { cleanPersonName, findAbsenceSentences } from "./absence.ts";
import { findDanishDate } from "./danish-dates.ts";
import { parseDocumentWithConfidence, parseText, ZImportResult } from "./index.ts";
import { cleanTitle } from "./title.ts";

describe("layouts beyond the seeds", () => {
  it("reads a 'Pkt. N' agenda without decisions", () => {
    const result = parseText(PKT_AGENDA, "dagsorden.txt");
    expect(ZImportResult.safeParse(result).success).toBe(true);
    expect(result.kind).toBe("agenda");
    expect(result.body).toBe("Økonomiudvalget");
    expect(result.start).toBe("2024-05-03T14:00");
    expect(result.location).toBe("Mødelokale 2, Rådhuset");
    expect(result.items.map((i) => i.number)).toEqual([1, 2, 3]);
    expect(result.items.map((i) => i.access)).toEqual(["open", null, "closed"]);
    expect(result.items[1]?.durationMinutes).toBe(15);
    expect(result.items[1]?.title).toBe("Budgetopfølgning");
    expect(result.items[2]?.title).toBe("Personalesag");
    expect(result.items[0]?.caseNumbers).toEqual(["24/1234"]);
    expect(
      parseText(PKT_AGENDA.replace("24/1234", "27.00.00-G01-3-24"), "d.txt").items[0]?.caseNumbers,
    ).toEqual(["27.00.00-G01-3-24"]);
    expect(result.items[1]?.recommendations).toHaveLength(1);
    expect(result.items[1]?.sections.summary).toBe("Budgettet følges kvartalsvis.");
  });

  it("reads numbered Markdown minutes with inline labels, afbud and substitutes", () => {
    const result = parseText(NUMBERED_MARKDOWN, "referat.md");
    expect(result.format).toBe("markdown");
    expect(result.kind).toBe("minutes");
    expect(result.body).toBe("Sundhedsklynge Nord – politisk niveau");
    expect(result.start).toBe("2023-11-30T08:30");
    expect(result.location).toBe("Universitetshospitalet, lokale 3");
    expect(result.items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    expect(result.items[0]?.sections.decision).toBe("Godkendt.");
    const second = result.items[1];
    expect(second?.sections.presentation).toContain("3. Tredje spor");
    expect(second?.sections.decision).toBe("Taget til efterretning.");
    expect(second?.absent).toEqual(["Peter Madsen", "Lise Holm", "Hans Hansen", "Grete Jensen"]);
    const third = result.items[2];
    expect(third?.access).toBe("closed");
    expect(third?.absent).toContain("Ole Svendsen");
    expect(third?.absent).not.toContain("Kirsten Berg");
  });

  it("keeps numbered lists inside a plain-text item and strips titles from absent names", () => {
    const result = parseText(PLAIN_NUMBERED, "referat.txt");
    expect(result.format).toBe("text");
    expect(result.body).toBe("Kommunalt Sundhedsforum");
    expect(result.start).toBe("2024-03-12T09:00");
    expect(result.location).toBe("Virtuelt møde (Teams)");
    expect(result.items.map((i) => `${i.number} ${i.title}`)).toEqual([
      "1 Godkendelse af referat",
      "2 Orientering om klyngesamarbejdet",
      "3 Budget 2025",
    ]);
    expect(result.items[1]?.absent).toEqual(["Anne Andersen", "Bo Bendtsen", "Carl Christensen"]);
    expect(result.items[1]?.sections.decision).toBe("Orienteringen blev taget til efterretning.");
    expect(result.items[2]?.absent).toEqual([]);
  });

  it("merges an item that appears twice (decision list, then case text)", () => {
    const result = parseText(TWICE, "referat.txt");
    expect(result.body).toBe("Styregruppen for ældreområdet");
    expect(result.start).toBe("2024-02-05T13:00");
    expect(result.items).toHaveLength(2);
    const second = result.items[1];
    expect(second?.sections.decision).toBe("Godkendt med bemærkninger");
    expect(second?.sections.presentation).toBe("Aftalen er revideret efter høringen.");
    expect(second?.recommendations).toEqual(["Det indstilles, at aftalen godkendes."]);
    expect(second?.attachments).toEqual(["Samarbejdsaftale (udkast)", "Høringssvar"]);
  });

  it("recognises a memo (notat) without items", () => {
    const result = parseText(MEMO, "notat.txt");
    expect(result.kind).toBe("memo");
    expect(result.items).toEqual([]);
    expect(result.start).toBe("2023-06-14");
  });

  it("gives confidence from how each value was found", async () => {
    const bytes = new TextEncoder().encode(NUMBERED_MARKDOWN);
    const { confidence } = await parseDocumentWithConfidence({ bytes, fileName: "referat.md" });
    expect(confidence.body).toBe(1);
    expect(confidence.location).toBe(1);
    expect(confidence.items).toHaveLength(4);
    expect(confidence.items[2]?.access).toBe(1);
    expect(confidence.items[0]?.access).toBe(0);
    expect(confidence.items[0]?.number).toBeLessThan(1);
  });

  it("warns in Danish about what it could not find", () => {
    const result = parseText(MEMO.replace("Dato: 14. juni 2023", ""), "notat.txt");
    expect(result.warnings).toContain("Mødets dato blev ikke fundet.");
  });
});

describe("building blocks", () => {
  it("reads Danish dates and times", () => {
    expect(findDanishDate("Torsdag d. 22. april 2021 kl. 10:00")).toMatchObject({
      date: "2021-04-22",
      time: "10:00",
    });
    expect(findDanishDate("den 30. november 2023 kl. 08.30")).toMatchObject({
      date: "2023-11-30",
      time: "08:30",
    });
    expect(findDanishDate("REFERAT d. 22-04-2021")).toMatchObject({ date: "2021-04-22", time: null });
    expect(findDanishDate("9. okt. 2017")).toMatchObject({ date: "2017-10-09" });
    expect(findDanishDate("ingen dato her")).toBeNull();
  });

  it("reads access and time boxes off titles", () => {
    expect(cleanTitle("Godkendelse af dagsorden - 10 minutter")).toEqual({
      title: "Godkendelse af dagsorden",
      access: null,
      durationMinutes: 10,
    });
    expect(cleanTitle("(Lukket) Personsag – 5 min.")).toEqual({
      title: "Personsag",
      access: "closed",
      durationMinutes: 5,
    });
    expect(cleanTitle("Strategisk drøftelse (SSS)").title).toBe("Strategisk drøftelse (SSS)");
  });

  it("strips job titles and roles from names", () => {
    expect(cleanPersonName("Sundhedschef Dorte Berg Rasmussen")).toBe("Dorte Berg Rasmussen");
    expect(cleanPersonName("Direktør")).toBeNull();
    expect(cleanPersonName("Søren S. Kjær")).toBe("Søren S. Kjær");
    expect(cleanPersonName("Holbæk Kommune")).toBeNull();
  });

  it("finds absence sentences in their written forms", () => {
    const names = (text: string) => findAbsenceSentences(text).flatMap((s) => s.names);
    expect(names("Godkendt. A. B. Hansen og Eva Holm deltog ikke i behandlingen.")).toEqual([
      "A. B. Hansen",
      "Eva Holm",
    ]);
    expect(names("Der var afbud fra Jens Lund, Mette Due og Ib Krag.")).toEqual([
      "Jens Lund",
      "Mette Due",
      "Ib Krag",
    ]);
    expect(names("Lars Bo deltog for Pia Sørensen.")).toEqual(["Pia Sørensen"]);
    expect(names("Sagen blev drøftet.")).toEqual([]);
  });
});
