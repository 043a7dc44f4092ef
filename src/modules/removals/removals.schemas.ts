import { z } from "zod";

/** A removal of personal data from an item: the exact passage and why (issue 18.6). */
export const ZRemovePersonalData = z.strictObject({
  passage: z
    .string()
    .trim()
    .min(4, "Skriv den præcise tekst, der skal fjernes (mindst 4 tegn).")
    .max(2000, "Teksten må højst være 2.000 tegn.")
    .describe(
      "den præcise tekst, der skal fjernes overalt fra punktet, rettelserne og de offentliggjorte filer",
    ),
  reason: z
    .string()
    .trim()
    .min(3, "Skriv en begrundelse (mindst 3 tegn).")
    .max(300, "Begrundelsen må højst være 300 tegn.")
    .refine((s) => !/[[\]]/.test(s), "Begrundelsen må ikke indeholde [ eller ].")
    .describe("vises i stedet for teksten: [Oplysninger fjernet <dato> – <begrundelse>]"),
});
export type TRemovePersonalData = z.infer<typeof ZRemovePersonalData>;

export const ZRemoval = z.object({
  id: z.number().int(),
  itemId: z.number().int().nullable(),
  meetingId: z.number().int(),
  reason: z.string(),
  marker: z.string(),
  removedAt: z.string(),
  places: z.record(z.string(), z.number().int()),
});
