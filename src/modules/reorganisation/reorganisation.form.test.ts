import { expect, it } from "vitest";
import { type ReorgFormValues, toInput } from "./reorganisation.form.ts";

const values = (effectiveDate: string): ReorgFormValues => ({
  kind: "close",
  title: "Klyngen nedlægges",
  note: "",
  effectiveDate,
  pairs: [{ from: "body:7", to: "" }],
  assignments: {},
});

it("reads the effective date as Danes write it and passes it on as ISO", () => {
  for (const text of ["1. januar 2027", "01-01-2027", "1.1.2027", "1/1 2027", "2027-01-01"]) {
    expect(toInput(values(text)), text).toMatchObject({ input: { effectiveDate: "2027-01-01" } });
  }
});

it("names the accepted ways when the effective date cannot be read", () => {
  expect(toInput(values("1. januar"))).toEqual({
    errors: { effectiveDate: expect.stringContaining("Skriv datoen som dag-måned-år") },
  });
});
