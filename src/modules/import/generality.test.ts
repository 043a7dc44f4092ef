import { describe, expect, it } from "vitest";
import { cleanPersonName, findAbsenceSentences } from "./absence.ts";
import { findDanishDate } from "./danish-dates.ts";
import { parseDocumentWithConfidence, parseText, ZImportResult } from "./index.ts";
import { cleanTitle } from "./title.ts";

/** Synthetic documents in layouts the seeds do not use, written for these tests. */
const PKT_AGENDA = `Dagsorden
Økonomiudvalget
Mødedato: 3. maj 2024 kl. 14.00
Sted: Mødelokale 2, Rådhuset

Pkt. 1 Godkendelse af dagsorden (Åben)
Sagsnr.: 24/1234
Indstilling
Direktionen indstiller, at dagsordenen godkendes.

Pkt. 2 Budgetopfølgning - 15 minutter
Resumé
Budgettet følges kvartalsvis.
Indstilling
Direktionen indstiller, at opfølgningen tages til efterretning.

Pkt. 3 Personalesag (Lukket)
Indstilling
Indstillingen fremgår af det lukkede bilag.
`;

const NUMBERED_MARKDOWN = `# Beslutningsreferat

**Udvalg:** Sundhedsklynge Nord – politisk niveau
**Dato:** 30. november 2023 kl. 08:30
**Sted:** Universitetshospitalet, lokale 3

Fraværende: Hans Hansen (A), Grete Jensen

## 1. Godkendelse af dagsorden

Beslutning: Godkendt.

## 2. Status på akutfunktioner

### Sagsfremstilling

Klyngen har fulgt tre spor:

1. Første spor handler om udskrivning
2. Andet spor handler om genindlæggelser
3. Tredje spor handler om data

### Indstilling

Det indstilles, at status tages til efterretning.

### Beslutning

Taget til efterretning. Der var afbud fra Peter Madsen og Lise Holm.

## 3. Personsag (Lukket)

### Beslutning

Godkendt. Kirsten Berg deltog for Ole Svendsen.

## 4. Eventuelt

### Beslutning

Intet at bemærke.
`;

const PLAIN_NUMBERED = `Referat fra møde i Kommunalt Sundhedsforum
Tirsdag den 12. marts 2024 kl. 9.00-11.00
Sted: Virtuelt møde (Teams)

1. Godkendelse af referat
Beslutning
Godkendt.

2. Orientering om klyngesamarbejdet
Sagsfremstilling
Klyngen har holdt tre møder siden sidst.
1. Første møde handlede om forebyggelse.
2. Andet møde handlede om data
Beslutning
Orienteringen blev taget til efterretning.
Overlæge Anne Andersen, Bo Bendtsen og kommunaldirektør Carl Christensen deltog ikke i behandlingen af punktet.

3. Budget 2025
Beslutning
Udsat til næste møde.
`;

const TWICE = `Referat
Styregruppen for ældreområdet, 5. februar 2024 kl. 13:00
Mødested: Rådhuset

Punkt 1: Godkendelse af dagsorden
Beslutning: Godkendt

Punkt 2: Ny samarbejdsaftale
Beslutning: Godkendt med bemærkninger

Punkt 1: Godkendelse af dagsorden
Sagsfremstilling
Dagsordenen udsendes en uge før mødet.

Punkt 2: Ny samarbejdsaftale
Sagsfremstilling
Aftalen er revideret efter høringen.
Indstilling
Det indstilles, at aftalen godkendes.
Bilag
1. Samarbejdsaftale (udkast)
2. Høringssvar
`;

const MEMO = `NOTAT
Til: Sundhedsdirektørkredsen
Fra: Sekretariatet
Dato: 14. juni 2023

Status på arbejdet med samarbejdsaftalen

Arbejdsgruppen har holdt to møder og forventer at aflevere et udkast i efteråret.
`;

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
