/**
 * Publication packages written for the tests (never copied from the corpus): a small eDoc-shaped
 * package with an open and a closed agenda and attachments of each access, and hostile packages
 * (entity expansion, external entity, an entry name leaving the package, a ZIP bomb).
 */

import { storedZip } from "../../src/modules/import/unzip.ts";
import { zipBomb } from "./hostile-documents.ts";

const enc = (s: string) => new TextEncoder().encode(s);

export const CANARY_CLOSED_ATTACHMENT = "KANARIE-LUKKET-BILAG-5521";
export const CANARY_CLOSED_ITEM = "KANARIE-LUKKET-PUNKT-8830";

const attachment = (title: string, file: string, publishing: string) => `
      <Attachment attachmentid="${file.length}">
        <Title>${title}</Title>
        <PDFDocument>${file}</PDFDocument>
        <PublishingType>${publishing}</PublishingType>
      </Attachment>`;

const item = (number: number, title: string, fullText: string, attachments: string) => `
      <MeetingAgendaItem>
        <AgendaItemNumber>${number}</AgendaItemNumber>
        <Document documentid="${number}">
          <Title>${title}</Title>
          <PublishingType>SKAL PUBLICERES</PublishingType>
          <Attachments>${attachments}</Attachments>
        </Document>
        <FullText>${fullText}</FullText>
      </MeetingAgendaItem>`;

/** An eDoc manifest of our own: item 1 open (one open, one closed attachment), item 2 on the closed agenda. */
export function ownEdocManifest(): string {
  const open = item(
    1,
    "Status på fælles sundhedsindsats",
    `1.\tStatus på fælles sundhedsindsats\n\nSagsnr.: 2026-1234\n\nSammendrag\nForvaltningen orienterer om indsatsen.\n\nIndstilling\nForvaltningen indstiller, at orienteringen tages til efterretning.\n\nTestudvalgets beslutning den 02.11.2026 Punkt 1\nTaget til efterretning.\n`,
    attachment("Oversigt over indsatsen", "bilag-aabent.txt", "SKAL PUBLICERES") +
      attachment("Fortroligt notat om borger", "bilag-lukket.txt", "MÅ IKKE PUBLICERES"),
  );
  const closed = item(
    2,
    "Personalesag",
    `2.\tPersonalesag\n\nSagsnr.: 2026-9999\n\nSammendrag\n${CANARY_CLOSED_ITEM} fortrolige oplysninger.\n\nTestudvalgets beslutning den 02.11.2026 Punkt 2\nGodkendt.\n`,
    attachment("Bilag til personalesagen", "bilag-personale.txt", "SKAL PUBLICERES"),
  );
  return `<?xml version="1.0"?>
<Meeting>
  <Committee>Testudvalget</Committee>
  <MeetingDate>02-11-2026 15:00:00</MeetingDate>
  <MeetingState>Referat endeligt godkendt</MeetingState>
  <MeetingAgendaTypes>
    <MeetingAgendaType>
      <AgendaType>Åben dagsorden</AgendaType>
      <MeetingAgendaItems>${open}</MeetingAgendaItems>
      <FullText>Testudvalget\nReferat\ntirsdag den 2. november 2026, kl. 15:00\ni Mødelokale 4 på Rådhuset\n</FullText>
    </MeetingAgendaType>
    <MeetingAgendaType>
      <AgendaType>Lukket dagsorden</AgendaType>
      <MeetingAgendaItems>${closed}</MeetingAgendaItems>
    </MeetingAgendaType>
  </MeetingAgendaTypes>
</Meeting>`;
}

/** The own eDoc package as a ZIP (inside a folder, as exporters zip it). */
export function ownEdocPackage(manifest = ownEdocManifest()): Uint8Array {
  return storedZip([
    ["moede/eDocAgendaPublishing.xml", enc(manifest)],
    ["moede/bilag-aabent.txt", enc("Oversigt over indsatsen: tre spor.\n")],
    ["moede/bilag-lukket.txt", enc(`Fortroligt notat. ${CANARY_CLOSED_ATTACHMENT}\n`)],
    ["moede/bilag-personale.txt", enc(`Personalebilag. ${CANARY_CLOSED_ATTACHMENT}-2\n`)],
  ]);
}

/** "Billion laughs": nested internal entities in a DTD. */
export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE Meeting [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Meeting><Committee>&lol4;</Committee></Meeting>`;

/** An external entity pointing at a local file. */
export const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE Meeting [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<Meeting><Committee>&xxe;</Committee></Meeting>`;

/** A ZIP whose entries are given raw (names unchecked), for hostile names. */
export function zipOf(files: Array<[string, string]>): Uint8Array {
  return storedZip(files.map(([name, text]) => [name, enc(text)]));
}

/**
 * A package whose manifest inflates to `megabytes` MB of white space while it declares
 * `declaredBytes` (a liar by default): about 1 KB per MB on the wire.
 */
export function packageBomb(megabytes: number, declaredBytes = 1024): Uint8Array {
  return zipBomb("eDocAgendaPublishing.xml", megabytes, { declaredBytes });
}
