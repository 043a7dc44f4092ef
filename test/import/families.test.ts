import { describe, expect, it } from "vitest";
import { parseDocument, parseDocumentWithConfidence, parseText } from "../../src/modules/import/index.ts";
import { encode } from "./helpers.ts";

/** Each family's conventions on small documents written for these tests (no text from the corpus). */
const html = (body: string) => encode(`<html><body>${body}</body></html>`);

describe("family conventions", () => {
  it("FirstAgenda web page: items in table rows, heading in an accordion button, Sagsforløb as history", async () => {
    const page = html(`<h1>Referat 2. marts 2026 kl. 16.00</h1>
      <table><tr><td>Udvalg:</td><td><span>Miljøudvalget</span></td></tr>
      <tr><td>Mødested:</td><td><span>Lokale 12</span></td></tr></table>
      <table><tbody>
      <tr><td><span>1</span></td><td><button><h2>Cykelstier på Ringvejen</h2></button>
        <div><span>EMN-2026-000111</span><h3>Beslutninger</h3><span><div>Godkendt.</div>
        <div>Ane Bo var forhindret i at deltage i udvalgets behandling af sagen.</div></span>
        <h3>Sagsforløb</h3><span><div>Udvalg: Magistraten</div><div>Dato: 17-02-2026</div>
        <div> Punktnummer: 4</div><div>Fremsendes til Miljøudvalget.</div>
        <div>Carl Dam deltog ikke i sagens behandling.</div></span>
        <h3>Bilag</h3><ul><li><a href="x">Kort over stierne</a></li></ul></div></td>
        <td><ul role="menu"><li><a href="#">Hent som PDF</a></li></ul></td></tr>
      <tr><td><span>2</span></td><td><button><h2>Lukket: Køb af grund</h2></button>
        <div><span><div>Tiltrådt.</div></span></div></td></tr>
      </tbody></table>`);
    const result = await parseDocument({ bytes: page, fileName: "referat.html" });
    expect(result.body).toBe("Miljøudvalget");
    expect(result.location).toBe("Lokale 12");
    const [one, two] = result.items;
    expect(one?.title).toBe("Cykelstier på Ringvejen");
    expect(one?.sections.decision).toMatch(/^Godkendt\./);
    expect(one?.absent).toEqual(["Ane Bo"]);
    expect(one?.caseHistory).toEqual([
      {
        body: "Magistraten",
        date: "2026-02-17",
        itemNumber: 4,
        decision: "Fremsendes til Miljøudvalget. Carl Dam deltog ikke i sagens behandling.",
      },
    ]);
    expect(one?.attachments).toEqual(["Kort over stierne"]);
    expect(two).toMatchObject({ title: "Køb af grund", access: "closed" });
  });

  it("a web page's controls and dialogs stay out: a file-type badge beside a link, a modal after the last item", async () => {
    const page = html(`<h1>Referat 2. marts 2026 kl. 16.00</h1>
      <table><tr><td>Udvalg:</td><td><span>Miljøudvalget</span></td></tr></table>
      <table><tbody>
      <tr><td><span>1</span></td><td><button><h2>Cykelstier på Ringvejen</h2></button>
        <div><h3>Beslutninger</h3><span><div>Godkendt.</div></span>
        <h3>Bilag</h3><ul>
          <li><span class="badge" role="button" tabindex="0">PDF</span><a href="x">Kort over stierne</a></li>
          <li><span role="button">DOCX</span><a href="y">Notat om trafik (opdateret 3.3.2026)</a></li>
        </ul></div></td></tr>
      </tbody></table>
      <div class="modal" id="besked"><div class="modal-dialog"><h4>Besked</h4><p>Din besked er sendt.</p></div></div>
      <div role="dialog" aria-labelledby="fejl"><h4 id="fejl">Noget gik galt</h4><div>Prøv igen senere.</div></div>
      <dialog><p>Vil du abonnere?</p></dialog>`);
    const result = await parseDocument({ bytes: page, fileName: "referat.html" });
    expect(result.items).toHaveLength(1);
    expect(result.items[0]?.attachments).toEqual([
      "Kort over stierne",
      "Notat om trafik (opdateret 3.3.2026)",
    ]);
    expect(JSON.stringify(result)).not.toMatch(/Besked|besked er sendt|gik galt|Prøv igen|abonnere/);
  });

  it("eDoc: section access markers, '<udvalg>s beslutning den … Punkt N', case number and numbered Bilag", () => {
    const result = parseText(`Åbent referat
Dato: 03.02.2025
Ældreudvalget
mandag den 3. februar 2025, kl. 15:00
i Mødelokale 7

1. Madservice
Sagsnr.: 2025-1234
Sammendrag
Om madservicen.
Bilag
2025-000111 - Notat om madservice
2025-000112 - Brugerundersøgelse af
madservicen
Ældreudvalgets beslutning den 03.02.2025 Punkt 1
Taget til efterretning
Åbent referat
Dato: 03.02.2025
Lukket referat
Dato: 03.02.2025
2. Indkøb af biler
Ældreudvalgets beslutning den 03.02.2025 Punkt 2
Godkendt
`);
    expect(result.location).toMatch(/^Mødelokale 7/);
    expect(result.items[0]).toMatchObject({ access: "open", caseNumbers: ["2025-1234"] });
    expect(result.items[0]?.attachments).toHaveLength(2);
    expect(result.items[0]?.sections.decision).toBe("Taget til efterretning");
    expect(result.items[1]).toMatchObject({ access: "closed", sections: { decision: "Godkendt" } });
  });

  it("Acadre: running item numbers, stacked decisions of earlier meetings become the case history", () => {
    const result = parseText(`Referat
Skoleudvalget
Torsdag den 5. juni 2025 Kl. 09:00 Rådhuset

**432. Ny skolestruktur**
Sagsnr.: 24/1234
Indstilling
Direktøren indstiller, at sagen drøftes.
**Beslutning i Skoleudvalget den 07-05-2025**
Sagen udsættes.
Anne Ry deltog ikke i behandlingen.
**Beslutning i Skoleudvalget den 05-06-2025**
Sagen blev drøftet.
`);
    const item = result.items[0];
    expect(item).toMatchObject({ number: 432, caseNumbers: ["24/1234"], absent: [] });
    expect(item?.sections.decision).toBe("Sagen blev drøftet.");
    expect(item?.caseHistory).toEqual([
      {
        body: "Skoleudvalget",
        date: "2025-05-07",
        itemNumber: null,
        decision: "Sagen udsættes. Anne Ry deltog ikke i behandlingen.",
      },
    ]);
  });

  it("Word/GetOrganized: label columns, bold 'N Title' items over 1.1 points, first names after Afbud", () => {
    const result = parseText(`**Referat**
# Styregruppen for velfærdsteknologi
Dato:
Tid:
Sted:
4. marts 2025
10:00 - 12:00
Mødelokale Nord
Afbud: Søs, Kim
**1 Skærmbesøg**
1.1 Status
Referat: Godt i gang.
**2 Eventuelt**
Referat: Intet.
`);
    expect(result.start).toBe("2025-03-04T10:00");
    expect(result.location).toBe("Mødelokale Nord");
    expect(result.items.map((i) => [i.number, i.title, i.absent])).toEqual([
      [1, "Skærmbesøg", ["Søs", "Kim"]],
      [2, "Eventuelt", ["Søs", "Kim"]],
    ]);
  });

  it("regional web pages: body in the title, label and value on separate lines, Afbud list, LUKKET PUNKT, furniture", () => {
    const result = parseText(`Gå til indhold
Psykiatriudvalget - Referat - 8. april 2025

Mødedato
08-04-2025 kl. 14:00 - 16:00

Mødested
Mødelokale 2

 • Afbud
 • Jens Kure, V

Sagsnr. 25/111
  1. Psykiatriplan
Beslutning
Godkendt.
Tilbage til toppen

  2. LUKKET PUNKT - Lejemål
Beslutning
Tiltrådt.
`);
    expect(result).toMatchObject({ kind: "minutes", body: "Psykiatriudvalget", location: "Mødelokale 2" });
    expect(result.start).toBe("2025-04-08T14:00");
    expect(result.items[0]).toMatchObject({ caseNumbers: ["25/111"], absent: ["Jens Kure"] });
    expect(result.items[0]?.sections.decision).toBe("Godkendt.");
    expect(result.items[1]).toMatchObject({ title: "Lejemål", access: "closed", absent: ["Jens Kure"] });
  });

  it("other systems' decision headings: '<udvalg>, dd-mm-yyyy, pkt. N' and 'Behandling i … den …, pkt. N'", () => {
    const result = parseText(`Referat
Kulturudvalget
12. maj 2025 kl. 17:00

Punkt 7: Bibliotekets åbningstider
Kulturudvalget, 12-05-2025, pkt. 7
Godkendt som indstillet.
Punkt 8: Musikskolen
Behandling i Kulturudvalget den 12. maj 2025, pkt. 8
Taget til orientering.
`);
    expect(result.items.map((i) => i.sections.decision)).toEqual([
      "Godkendt som indstillet.",
      "Taget til orientering.",
    ]);
  });
});

describe("items lost on the way are named", () => {
  it("warns about an item the table of contents lists but the document lacks", () => {
    const result = parseText(`Referat
Vejudvalget
2. juni 2025 kl. 9:00
Indholdsfortegnelse
Punkt 1: Vejplan ........ 2
Punkt 2: Belysning ........ 3
Punkt 3: Vintertjeneste ........ 4

Punkt 1: Vejplan
Beslutning
Godkendt.
Punkt 3: Vintertjeneste
Beslutning
Godkendt.
`);
    expect(result.items.map((i) => i.number)).toEqual([1, 3]);
    expect(result.warnings.join(" ")).toMatch(
      /Indholdsfortegnelsen nævner et punkt, som ikke blev fundet: »Belysning«/,
    );
    expect(result.warnings.join(" ")).toMatch(/springer fra 1 til 3/);
  });
});

describe("what is not minutes is refused, with how sure the importer is", () => {
  const refused = async (fileName: string, text: string) => {
    const err = await parseDocument({ bytes: encode(text), fileName }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "not_minutes" });
    return (err as { messageDa: string }).messageDa;
  };

  it("refuses a citizen's letter with numbered points", async () => {
    const message = await refused(
      "brev.txt",
      `Kære udvalg\n\nJeg klager over ventetiden.\n\n1. Vi søgte i marts.\n2. Vi fik afslag i april.\n3. Vi klagede i maj.\n\nMed venlig hilsen\nOle Sand\n`,
    );
    expect(message).toMatch(/ligner ikke en dagsorden/);
  });

  it("refuses a page that lists meetings", async () => {
    const items = ["3. maj", "7. juni", "12. august", "9. september", "14. oktober", "11. november"]
      .map(
        (d, i) =>
          `<li><a href="m${i}">Ældreudvalget - ${i % 2 ? "Dagsorden" : "Referat"} - ${d} 2024</a></li>`,
      )
      .join("");
    await refused(
      "moeder.html",
      `<html><body><h1>Dagsordener og referater</h1><ul>${items}</ul></body></html>`,
    );
  });

  it("refuses an attachment (a report with numbered chapters) and says what it looks like", async () => {
    const message = await refused(
      "bilag.txt",
      `Bilag 2: Analyse af ventetider\n\nIndledning\nAnalysen ser på ventetider.\n\n1. Data\nData er fra 2024.\n\n2. Resultater\nVentetiden faldt.\n\n3. Anbefalinger\nFlere hjemmebesøg.\n`,
    );
    expect(message).toMatch(/bilag; sikkerhed for dagsorden\/referat: \d+ %/);
  });

  it("gives a document confidence for what it accepts", async () => {
    const { confidence } = await parseDocumentWithConfidence({
      bytes: encode(
        "Referat\nØkonomiudvalget\n3. maj 2024 kl. 10:00\n\nPunkt 1: Budget\nBeslutning\nGodkendt.\n",
      ),
      fileName: "referat.txt",
    });
    expect(confidence.document).toBeGreaterThanOrEqual(0.8);
  });
});
