import type { Ctx } from "../../server/context.ts";
import { carryOutReorganisation, previewReorganisation } from "../reorganisation/index.ts";
import { DEMO_REFORM_DATE, reformLinks } from "./demo.data.reform.ts";

/**
 * Carries out the demo's reorganisation through the same service an admin uses (preview, then carry
 * out with the preview's digest), so the demo shows the change in its history and can be undone
 * until the effective date like any other.
 */
export async function loadDemoReform(ctx: Ctx, bodyIds: Map<string, number>) {
  const id = (key: string) => {
    const value = bodyIds.get(key);
    if (value === undefined) {
      throw new Error(`Demodata: ukendt forum "${key}"`);
    }
    return value;
  };
  const input = {
    kind: "succession" as const,
    title: "Ny sundhedsstruktur 1. januar 2027",
    note: "Sundhedssamarbejdsudvalget og sundhedsklyngerne nedlægges; opgaverne videreføres i regionsrådets udvalg og sundhedsrådene.",
    effectiveDate: DEMO_REFORM_DATE,
    links: reformLinks.map(([from, to]) => ({
      predecessor: { kind: "body" as const, id: id(from) },
      successors: [{ kind: "body" as const, id: id(to) }],
    })),
  };
  const preview = await previewReorganisation(ctx, input);
  return carryOutReorganisation(ctx, { ...input, previewDigest: preview.digest });
}
