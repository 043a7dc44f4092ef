import { describe, expect, it } from "vitest";
import { ownerOf, paragraphs, proposeActions, sentences } from "./proposals.ts";

const REF = "2023-11-15";

describe("proposeActions: follow-ups from a decision's text", () => {
  it("an owner, a verb of work and a written date", () => {
    const [p, ...rest] = proposeActions(
      "Sekretariatet udarbejder kommissorium for arbejdsgruppen, deadline 13. december.",
      REF,
    );
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      ownerText: "Sekretariatet",
      due: { kind: "date", date: "2023-12-13" },
    });
    expect(p?.rules).toEqual(expect.arrayContaining(["active", "deadline"]));
  });

  it("dagsordenssættes på mødet den 25. januar 2024", () => {
    const [p] = proposeActions("Punktet dagsordenssættes på mødet den 25. januar 2024.", REF);
    expect(p).toMatchObject({
      ownerText: null,
      due: { kind: "date", date: "2024-01-25" },
      rules: ["passive"],
    });
  });

  it("følges op på næste møde: this body's next meeting", () => {
    const [p] = proposeActions("Sagen følges op på næste møde.", REF);
    expect(p?.due).toEqual({ kind: "meeting", bodyName: null, after: null, phrase: "næste møde" });
  });

  it("a named body's meeting, and its first meeting of a year", () => {
    const [a] = proposeActions(
      "Kommissoriet fremlægges til godkendelse på Styregruppe for sundhedssamarbejdes første møde i 2018.",
      REF,
    );
    expect(a?.due).toMatchObject({
      kind: "meeting",
      bodyName: "Styregruppe for sundhedssamarbejde",
      after: "2018-01-01",
    });
    const [b] = proposeActions("Sagen forelægges på et møde i Strategisk Sundhedsstyregruppe.", REF);
    expect(b?.due).toMatchObject({ kind: "meeting", bodyName: "Strategisk Sundhedsstyregruppe" });
  });

  it("a person as owner; a sentence pointing back takes the one before it", () => {
    expect(
      proposeActions("Johan Reventlow undersøger, om PLO kan acceptere ændringen.", REF)[0]?.ownerText,
    ).toBe("Johan Reventlow");
    const [p] = proposeActions(
      "Det blev besluttet at viderebehandle drøftelsen på et møde i efteråret. Administrationen vil planlægge dette.",
      "2021-04-22",
    );
    expect(p).toMatchObject({ ownerText: "Administrationen", due: { kind: "date", date: "2021-11-30" } });
    expect(p?.text).toContain("viderebehandle drøftelsen");
  });

  it("one follow-up per paragraph or point; none from plain decisions, past tense or negations", () => {
    const text = [
      "Indstillingen blev godkendt.",
      "",
      "1. Kommissorium udarbejdes til næste møde.",
      "2. Navne tilsendes sekretariatet primo januar.",
      "",
      "Undersøgelsen gennemføres derfor ikke. Der blev ikke sendt noget.",
      "",
      "Sekretariatet har udarbejdet et notat.",
    ].join("\n");
    const found = proposeActions(text, REF);
    expect(found.map((p) => p.due)).toEqual([
      { kind: "meeting", bodyName: null, after: null, phrase: "næste møde" },
      { kind: "date", date: "2024-01-10", phrase: "primo januar" },
    ]);
  });

  it("owners: parties and names, not pronouns or things", () => {
    expect(ownerOf("Plan-gruppen")).toBe("Plan-gruppen");
    expect(ownerOf("det blev besluttet at sekretariatet")).toBe("Sekretariatet");
    expect(ownerOf("Sundhedsdirektørkredsen og PLO-syd")).toBe("Sundhedsdirektørkredsen og PLO-syd");
    expect(ownerOf("der")).toBeNull();
    expect(ownerOf("notatet om økonomien")).toBeNull();
  });

  it("splits paragraphs at points and sentences not at abbreviations or dates", () => {
    expect(paragraphs("a\nb\n\n- c\n· d\n2) e")).toEqual(["a b", "c", "d", "e"]);
    expect(sentences("Mødet d. 16. Oktober jf. Sundhedsloven. Næste sætning.")).toEqual([
      "Mødet d. 16. Oktober jf. Sundhedsloven.",
      "Næste sætning.",
    ]);
  });
});
